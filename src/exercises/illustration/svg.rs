//! The SVG: two panels (start and end) fitted to what they draw, the figure with its props, the
//! arrow of a moving point, labels, and the style that lets the app's theme choose the ink.

use std::fmt::Write as _;

use super::geometry::{add, lerp, place, Body, P, HEAD_R};
use super::pose::{BandEnd, Drawing, Prop};

/// The largest an illustration gets, in CSS pixels (two 180-wide panels and the arrow between);
/// each one's viewBox is fitted to its drawing, so most are smaller.
pub const WIDTH: f64 = 400.0;
pub const HEIGHT: f64 = 230.0;

/// Where the two panels go, in CSS pixels.
struct Layout {
    /// The widest a panel gets; a panel is only as wide as its drawing and label need.
    panel_w: f64,
    /// Room around the drawing inside a panel.
    panel_pad: f64,
    /// Room around the canvas.
    margin: f64,
    /// Room between the panels, for the arrow.
    gap: f64,
    /// A label character's width at the labels' 15px semibold, generously.
    label_char_w: f64,
    panel_top: f64,
    floor_y: f64,
}

const LAYOUT: Layout = Layout { panel_w: 180.0, panel_pad: 10.0, margin: 5.0, gap: 30.0, label_char_w: 8.6, panel_top: 26.0, floor_y: 212.0 };

/// An SVG body being written, and the extent of everything drawn so far (for the viewBox).
struct Canvas {
    out: String,
    min: P,
    max: P,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas { out: String::new(), min: (f64::INFINITY, f64::INFINITY), max: (f64::NEG_INFINITY, f64::NEG_INFINITY) }
    }
    /// Counts `p` as drawn, with `pad` around it (half a stroke, a radius).
    fn see(&mut self, p: P, pad: f64) {
        self.min = (self.min.0.min(p.0 - pad), self.min.1.min(p.1 - pad));
        self.max = (self.max.0.max(p.0 + pad), self.max.1.max(p.1 + pad));
    }
    fn rect(&mut self, at: P, size: P, class: &str, extra: &str) {
        self.see(at, 1.0);
        self.see(add(at, size), 1.0);
        let _ = write!(
            self.out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" class="{class}"{extra}/>"#,
            at.0, at.1, size.0, size.1
        );
    }
    fn circle(&mut self, ctr: P, r: f64, class: &str) {
        self.see(ctr, r + 1.0);
        let _ = write!(self.out, r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" class="{class}"/>"#, ctr.0, ctr.1, r);
    }
    fn line(&mut self, a: P, b: P, class: &str) {
        self.see(a, 2.0);
        self.see(b, 2.0);
        let _ = write!(
            self.out,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="{class}"/>"#,
            a.0, a.1, b.0, b.1
        );
    }
    fn poly(&mut self, pts: &[P], class: &str) {
        for p in pts {
            self.see(*p, 3.5);
        }
        let s: Vec<String> = pts.iter().map(|p| format!("{:.1},{:.1}", p.0, p.1)).collect();
        let _ = write!(self.out, r#"<polyline points="{}" class="{class}"/>"#, s.join(" "));
    }
}

/// Draws one panel: figure frame → SVG coordinates by `tx`.
#[allow(clippy::too_many_arguments)]
fn draw_panel(c: &mut Canvas, d: &Drawing, body: &Body, start: &Body, step: Option<(f64, f64, f64)>, tx: &dyn Fn(P) -> P, which: usize, frame: (f64, f64), wall_h: f64) -> Result<(), String> {
    // Props behind the figure.
    for prop in &d.props {
        match prop {
            Prop::Step { .. } => {
                if let Some((x0, x1, h)) = step {
                    let (a, b) = (tx((x0, h)), tx((x1, 0.0)));
                    c.rect(a, (b.0 - a.0, b.1 - a.1), "prop", "");
                }
            }
            Prop::Chair => {
                let hip = start.get("hip")?;
                let seat = hip.1 - 6.0;
                let (x0, x1) = (hip.0 - 16.0, hip.0 + 20.0);
                c.poly(&[tx((x0, seat + 45.0)), tx((x0, 0.0))], "prop-line");
                c.poly(&[tx((x0, seat)), tx((x1, seat)), tx((x1, 0.0))], "prop-line");
            }
            Prop::Wall { x } => {
                let (a, b) = (tx((*x, 0.0)), tx((*x, wall_h)));
                c.line(a, b, "prop-line");
                let dir = if *x >= 0.0 { 1.0 } else { -1.0 };
                for i in 0..((wall_h - 16.0) / 22.0).floor() as usize + 1 {
                    let y = 10.0 + i as f64 * 22.0;
                    c.line(tx((*x, y)), tx((*x + dir * 6.0, y + 6.0)), "hatch");
                }
            }
            Prop::Mat => {
                c.rect((frame.0, LAYOUT.floor_y - 4.0), (frame.1, 4.0), "prop", r#" rx="2""#);
            }
            Prop::Ball { under, at, at_end } => {
                let (p, q) = body.segment(under)?;
                let m = lerp(p, q, if which == 0 { *at } else { *at_end });
                let r = ((m.1 - 4.0) / 2.0).max(3.0);
                c.circle(tx((m.0, r)), r * scale_of(tx), "prop");
            }
            _ => {}
        }
    }
    draw_figure(c, d, body, tx)?;
    // Props held by or tied to the figure, on top.
    for prop in &d.props {
        match prop {
            Prop::Band { from, to } => {
                let a = body.get(from)?;
                let b = match to {
                    BandEnd::Point(n) => body.get(n)?,
                    BandEnd::Fixed(xy) => (xy[0], xy[1]),
                };
                c.line(tx(a), tx(b), "band");
            }
            Prop::Dumbbell { at } => {
                let h = tx(body.get(at)?);
                c.see(h, 12.0);
                let _ = write!(
                    c.out,
                    r#"<g class="dumbbell"><line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/><rect x="{:.1}" y="{:.1}" width="5" height="12" rx="1"/><rect x="{:.1}" y="{:.1}" width="5" height="12" rx="1"/></g>"#,
                    h.0 - 8.0, h.1, h.0 + 8.0, h.1, h.0 - 11.0, h.1 - 6.0, h.0 + 6.0, h.1 - 6.0
                );
            }
            _ => {}
        }
    }
    Ok(())
}

fn scale_of(tx: &dyn Fn(P) -> P) -> f64 {
    let (a, b) = (tx((0.0, 0.0)), tx((1.0, 0.0)));
    b.0 - a.0
}

fn draw_figure(c: &mut Canvas, d: &Drawing, b: &Body, tx: &dyn Fn(P) -> P) -> Result<(), String> {
    let g = |n: &str| b.get(n).map(tx);
    let hl = |seg: &str| d.highlight.iter().any(|h| h == seg);
    // The far side first and fainter, so the near side reads in front.
    for side in ["far", "near"] {
        let class = if side == "far" { "far" } else { "near" };
        let k = |p: &str| format!("{side}_{p}");
        let (hip, knee, ankle) = (g("hip")?, g(&k("knee"))?, g(&k("ankle"))?);
        c.poly(&[hip, knee, ankle], class);
        for (seg, a, bb) in [("thigh", hip, knee), ("shin", knee, ankle)] {
            if hl(&k(seg)) {
                c.line(a, bb, "hl");
            }
        }
        let foot = [ankle, g(&k("heel"))?, g(&k("toe"))?, ankle];
        let fclass = if hl(&k("foot")) { "foot hl-foot" } else { "foot" };
        c.poly(&foot, &format!("{class} {fclass}"));
        if side == "far" {
            c.poly(&[g("shoulder")?, g("far_elbow")?, g("far_hand")?], "far arm");
        }
    }
    c.poly(&[g("hip")?, g("shoulder")?], "near trunk");
    if hl("trunk") {
        c.line(g("hip")?, g("shoulder")?, "hl");
    }
    c.poly(&[g("shoulder")?, g("near_elbow")?, g("near_hand")?], "near arm");
    c.circle(tx(b.head), HEAD_R * scale_of(tx), "head");
    Ok(())
}

pub(super) fn try_render(d: &Drawing, title: &str) -> Result<String, String> {
    let ([start, end], step_top) = place(d)?;
    for seg in &d.highlight {
        start.segment(seg)?;
    }
    // One scale and offset for both panels, from the union of everything drawn.
    let step = match d.props.iter().find(|p| matches!(p, Prop::Step { .. })) {
        Some(Prop::Step { under, h, back, front }) => {
            let u = start.get(under)?;
            Some((u.0 - back, u.0 + front, step_top.or(*h).unwrap_or(u.1)))
        }
        _ => None,
    };
    let mut xs: Vec<f64> = Vec::new();
    let mut ys: Vec<f64> = vec![0.0];
    for b in [&start, &end] {
        for p in b.points.values() {
            xs.push(p.0);
            ys.push(p.1);
        }
        xs.extend([b.head.0 - HEAD_R, b.head.0 + HEAD_R]);
        ys.push(b.head.1 + HEAD_R);
    }
    if let Some((x0, x1, _)) = step {
        xs.extend([x0, x1]);
    }
    for p in &d.props {
        if let Prop::Wall { x } = p {
            xs.push(*x);
        }
    }
    let (minx, maxx) = xs.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| (a.min(x), b.max(x)));
    let maxy = ys.iter().fold(0.0f64, |a, &y| a.max(y));
    let avail_h = LAYOUT.floor_y - LAYOUT.panel_top - 4.0;
    let scale = (avail_h / maxy).min((LAYOUT.panel_w - 16.0) / (maxx - minx)).min(1.15);
    let cx = (minx + maxx) / 2.0;
    // A wall reaches a little above the tallest pose, not to a fixed height.
    let wall_h = maxy.max(60.0) + 6.0;
    let labels = d.labels.clone().unwrap_or_else(|| ["Start".into(), "End".into()]);
    let bodies = [&start, &end];

    // First pass, each panel centred on x = 0: how far the drawing reaches. Both panels then get
    // the same frame, just wide enough for the drawing and its label, so that the canvas (the
    // viewBox) fits the drawing instead of a fixed 400 x 230 with wide empty margins.
    let mut probe = Canvas::new();
    for (i, body) in bodies.into_iter().enumerate() {
        let tx = move |p: P| ((p.0 - cx) * scale, LAYOUT.floor_y - p.1 * scale);
        draw_panel(&mut probe, d, body, &start, step, &tx, i, (0.0, 0.0), wall_h)?;
    }
    let label_w = labels.iter().map(|l| l.chars().count() as f64 * LAYOUT.label_char_w).fold(0.0, f64::max);
    let frame_w = (probe.max.0 - probe.min.0 + 2.0 * LAYOUT.panel_pad).max(label_w).min(LAYOUT.panel_w);
    let label_y = probe.min.1 - 8.0;
    let top = label_y - 15.0 - LAYOUT.margin;
    let bottom = LAYOUT.floor_y + 1.0 + LAYOUT.margin;
    let width = 2.0 * frame_w + LAYOUT.gap + 2.0 * LAYOUT.margin;

    let mut c = Canvas::new();
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let _ = write!(
        c.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.1}" height="{:.1}" viewBox="0 {top:.1} {width:.1} {:.1}" role="img" aria-labelledby="t"><title id="t">{}</title>"#,
        bottom - top,
        bottom - top,
        esc(title)
    );
    c.out.push_str(STYLE);
    for (i, body) in bodies.into_iter().enumerate() {
        let left = LAYOUT.margin + i as f64 * (frame_w + LAYOUT.gap);
        // The drawing's extent centred in the frame.
        let ox = left + frame_w / 2.0 - (probe.min.0 + probe.max.0) / 2.0;
        let tx = move |p: P| (ox + (p.0 - cx) * scale, LAYOUT.floor_y - p.1 * scale);
        c.line((left, LAYOUT.floor_y), (left + frame_w, LAYOUT.floor_y), "floor");
        draw_panel(&mut c, d, body, &start, step, &tx, i, (left, frame_w), wall_h)?;
        if i == 1 {
            if let Some(m) = &d.moves {
                let (a, b) = (tx(start.get(m)?), tx(end.get(m)?));
                let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
                if len > 8.0 {
                    // Stop short of the point so the arrowhead does not hide the joint.
                    let t = (len - 6.0) / len;
                    c.line(a, lerp(a, b, t), "move");
                }
            }
        }
        let _ = write!(c.out, r#"<text x="{:.1}" y="{label_y:.1}" class="label">{}</text>"#, left + frame_w / 2.0, esc(&labels[i]));
    }
    // The arrow between the panels, halfway up the drawing.
    let mx = LAYOUT.margin + frame_w + LAYOUT.gap / 2.0;
    let my = (probe.min.1 + LAYOUT.floor_y) / 2.0;
    let _ = write!(c.out, r#"<path d="M{:.1} {my:.1} h16 m-6 -6 l6 6 l-6 6" class="next"/>"#, mx - 8.0);
    c.out.push_str("</svg>");
    Ok(c.out)
}

/// Every colour is `currentColor` or the accent variable, so the app's theme decides.
const STYLE: &str = "<defs><marker id=\"ah\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"4\" markerHeight=\"4\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" class=\"ah\"/></marker></defs>\
<style>\
svg{color:var(--soleus-ink,currentColor)}\
polyline,line,circle,rect,path{fill:none;stroke-linecap:round;stroke-linejoin:round}\
.near{stroke:currentColor;stroke-width:7}\
.far{stroke:currentColor;stroke-width:6;opacity:.45}\
.foot{fill:currentColor;stroke-width:4}\
.trunk{stroke-width:10}\
.arm{stroke-width:5}\
.head{fill:currentColor;stroke:none}\
.hl{stroke:#e8590c;stroke:var(--soleus-accent,#e8590c);stroke-width:4}\
.hl-foot{stroke:#e8590c;stroke:var(--soleus-accent,#e8590c);fill:#e8590c;fill:var(--soleus-accent,#e8590c)}\
.floor{stroke:currentColor;stroke-width:2;opacity:.6}\
.prop{stroke:currentColor;stroke-width:2;fill:currentColor;fill-opacity:.15}\
.prop-line{stroke:currentColor;stroke-width:3;opacity:.7}\
.hatch{stroke:currentColor;stroke-width:1.5;opacity:.5}\
.band{stroke:#e8590c;stroke:var(--soleus-accent,#e8590c);stroke-width:2.5;stroke-dasharray:5 3}\
.dumbbell line{stroke:currentColor;stroke-width:3}.dumbbell rect{fill:currentColor;stroke:none}\
.move{stroke:#e8590c;stroke:var(--soleus-accent,#e8590c);stroke-width:2.5;marker-end:url(#ah)}\
.ah{fill:#e8590c;fill:var(--soleus-accent,#e8590c);stroke:none}\
.next{stroke:currentColor;stroke-width:3;opacity:.6}\
.label{fill:currentColor;font:600 15px system-ui,sans-serif;text-anchor:middle}\
</style>";
