//! Project-made illustrations: a side-view stick figure drawn from pose data, in a start and an
//! end panel with an arrow between them, plus the props an exercise needs.
//!
//! Poses are joint angles (`knowledge/exercises/poses.toml`), so every figure keeps the same
//! proportions and a physio can correct a pose by editing a number. Everything is stroked with
//! `currentColor`, so the app's theme (light or dark) decides the ink; the one accent colour is a
//! CSS variable with a fallback that reads on both backgrounds.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Exercise;

/// The largest an illustration gets, in CSS pixels (two 180-wide panels and the arrow between);
/// each one's viewBox is fitted to its drawing, so most are smaller.
pub const WIDTH: f64 = 400.0;
pub const HEIGHT: f64 = 230.0;

/// The widest a panel gets; a panel is only as wide as its drawing and label need.
const PANEL_W: f64 = 180.0;
/// Room around the drawing: inside a panel, around the canvas, and between panels (the arrow).
const PANEL_PAD: f64 = 10.0;
const MARGIN: f64 = 5.0;
const GAP: f64 = 30.0;
/// A label character's width at the labels' 15px semibold, generously.
const LABEL_CHAR_W: f64 = 8.6;
const PANEL_TOP: f64 = 26.0;
const FLOOR_Y: f64 = 212.0;

// Segment lengths in figure units (a standing figure is about 160 units tall).
const TRUNK: f64 = 50.0;
const THIGH: f64 = 42.0;
const SHIN: f64 = 40.0;
const UPPER_ARM: f64 = 27.0;
const FOREARM: f64 = 25.0;
const NECK: f64 = 11.0;
const HEAD_R: f64 = 8.0;
/// A step's height when nothing else sets it.
const DEFAULT_STEP: f64 = 22.0;

/// What an exercise's illustration shows: two named poses, props, and what to point at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Drawing {
    /// A pose name from `poses.toml`.
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub props: Vec<Prop>,
    /// Segments drawn in the accent colour: where the person should feel the work.
    #[serde(default)]
    pub highlight: Vec<String>,
    /// A point whose path from start to end is drawn as an arrow in the end panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub moves: Option<String>,
    /// Short labels under the panels (default "Start" / "End").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub labels: Option<[String; 2]>,
}

/// A prop, placed relative to the figure so that it stays right when a pose is edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Prop {
    /// A box whose top is under `under` (a point) in the start pose; `h` overrides its height.
    /// `back` and `front` are how far it reaches behind and in front of the point.
    Step {
        under: String,
        #[serde(default)]
        #[ts(optional)]
        h: Option<f64>,
        #[serde(default = "default_back")]
        back: f64,
        #[serde(default = "default_front")]
        front: f64,
    },
    /// A chair whose seat is under the hips of the start pose.
    Chair,
    /// A wall at `x` figure units from the anchor point (negative: behind the person).
    Wall { x: f64 },
    /// A ball under a segment at a fraction of its length (`at` in the start pose, `at_end` in
    /// the end pose), touching the floor.
    Ball { under: String, at: f64, at_end: f64 },
    /// An elastic band or towel between two points of the pose (or a fixed point `[x, y]`).
    Band { from: String, to: BandEnd },
    /// A dumbbell held at a point.
    Dumbbell { at: String },
    /// A floor mat.
    Mat,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum BandEnd {
    Point(String),
    Fixed([f64; 2]),
}

fn default_back() -> f64 {
    8.0
}
fn default_front() -> f64 {
    30.0
}

/// One leg: absolute segment angles in degrees. Thigh and shin are measured from straight down,
/// positive towards the way the person faces; the foot from horizontal, positive toes down.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Leg {
    pub thigh: f64,
    pub shin: f64,
    pub foot: f64,
}

/// One arm: absolute angles from straight down, positive forward.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Arm {
    pub upper: f64,
    pub fore: f64,
}

impl Default for Arm {
    fn default() -> Self {
        Arm { upper: 5.0, fore: 15.0 }
    }
}

/// A whole-body pose. `trunk` is measured from straight up, positive leaning forward; `neck`
/// tilts the head relative to the trunk. The figure is placed so that `anchor` sits at x = 0
/// and `ground` (default: the lowest point) rests `lift` units above the floor, or on top of the
/// drawing's step when `on_step` is set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pose {
    pub trunk: f64,
    pub neck: f64,
    pub near: Leg,
    pub far: Leg,
    pub near_arm: Arm,
    pub far_arm: Arm,
    pub anchor: String,
    pub ground: Option<String>,
    pub lift: f64,
    pub on_step: bool,
}

impl Default for Pose {
    fn default() -> Self {
        Pose {
            trunk: 0.0,
            neck: 0.0,
            near: Leg::default(),
            far: Leg::default(),
            near_arm: Arm::default(),
            far_arm: Arm { upper: -5.0, fore: 5.0 },
            anchor: "near_heel".into(),
            ground: None,
            lift: 0.0,
            on_step: false,
        }
    }
}

/// The named poses, parsed once.
pub fn poses() -> &'static HashMap<String, Pose> {
    static POSES: OnceLock<HashMap<String, Pose>> = OnceLock::new();
    POSES.get_or_init(|| {
        toml::from_str(include_str!("../../knowledge/exercises/poses.toml"))
            .unwrap_or_else(|e| panic!("knowledge/exercises/poses.toml: {e}"))
    })
}

type P = (f64, f64);

fn add(a: P, b: P) -> P {
    (a.0 + b.0, a.1 + b.1)
}
fn lerp(a: P, b: P, t: f64) -> P {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}
/// A limb vector `len` long at `deg` from straight down, positive forward (y up).
fn limb(deg: f64, len: f64) -> P {
    let r = deg.to_radians();
    (r.sin() * len, -r.cos() * len)
}

/// The joints of a posed figure in figure units, y up.
#[derive(Debug, Clone)]
struct Body {
    points: HashMap<String, P>,
    head: P,
}

impl Body {
    fn of(pose: &Pose) -> Body {
        let mut pts: HashMap<String, P> = HashMap::new();
        let hip = (0.0, 0.0);
        pts.insert("hip".into(), hip);
        let t = pose.trunk.to_radians();
        let shoulder = add(hip, (t.sin() * TRUNK, t.cos() * TRUNK));
        pts.insert("shoulder".into(), shoulder);
        let nt = (pose.trunk + pose.neck).to_radians();
        let head = add(shoulder, (nt.sin() * (NECK + HEAD_R), nt.cos() * (NECK + HEAD_R)));
        pts.insert("head".into(), head);
        for (side, leg, arm) in [("near", pose.near, pose.near_arm), ("far", pose.far, pose.far_arm)] {
            let knee = add(hip, limb(leg.thigh, THIGH));
            let ankle = add(knee, limb(leg.shin, SHIN));
            let f = leg.foot.to_radians();
            let u = (f.cos(), -f.sin());
            let d = (-f.sin(), -f.cos());
            let at = |a: f64, b: f64| add(ankle, (u.0 * a + d.0 * b, u.1 * a + d.1 * b));
            let elbow = add(shoulder, limb(arm.upper, UPPER_ARM));
            let hand = add(elbow, limb(arm.fore, FOREARM));
            let parts = [
                ("knee", knee),
                ("ankle", ankle),
                ("heel", at(-5.0, 6.0)),
                ("ball", at(12.0, 7.0)),
                ("toe", at(18.0, 6.0)),
                ("elbow", elbow),
                ("hand", hand),
                ("hip", hip),
            ];
            pts.extend(parts.map(|(part, p)| (format!("{side}_{part}"), p)));
        }
        Body { points: pts, head }
    }

    fn get(&self, name: &str) -> Result<P, String> {
        self.points.get(name).copied().ok_or_else(|| format!("unknown point \"{name}\""))
    }

    fn shift(&mut self, by: P) {
        for p in self.points.values_mut() {
            *p = add(*p, by);
        }
        self.head = add(self.head, by);
    }

    /// The lowest y of the body's outline (limbs are drawn with some thickness).
    fn lowest(&self) -> f64 {
        let pts = self.points.values().map(|p| p.1 - 2.5);
        pts.chain(std::iter::once(self.head.1 - HEAD_R)).fold(f64::INFINITY, f64::min)
    }

    fn segment(&self, name: &str) -> Result<(P, P), String> {
        let pair = match name {
            "trunk" => ("hip", "shoulder"),
            "near_thigh" => ("hip", "near_knee"),
            "near_shin" => ("near_knee", "near_ankle"),
            "near_foot" => ("near_heel", "near_toe"),
            "far_thigh" => ("hip", "far_knee"),
            "far_shin" => ("far_knee", "far_ankle"),
            "far_foot" => ("far_heel", "far_toe"),
            "near_upper_arm" => ("shoulder", "near_elbow"),
            "near_forearm" => ("near_elbow", "near_hand"),
            other => return Err(format!("unknown segment \"{other}\"")),
        };
        Ok((self.get(pair.0)?, self.get(pair.1)?))
    }
}

/// Places both poses in the shared figure frame (floor at y = 0, anchor at x = 0).
fn place(d: &Drawing) -> Result<([Body; 2], Option<f64>), String> {
    let lookup = |name: &str| poses().get(name).ok_or_else(|| format!("unknown pose \"{name}\""));
    let (ps, pe) = (lookup(&d.start)?, lookup(&d.end)?);
    let mut start = Body::of(ps);
    let step = d.props.iter().find_map(|p| match p {
        Prop::Step { under, h, .. } => Some((under, *h)),
        _ => None,
    });
    let ground = |body: &mut Body, pose: &Pose, step: Option<f64>| -> Result<(), String> {
        let a = body.get(&pose.anchor)?;
        body.shift((-a.0, 0.0));
        let base = if pose.on_step { step.ok_or("on_step without a step prop")? } else { 0.0 };
        let low = match &pose.ground {
            Some(g) => body.get(g)?.1 - 2.5,
            None => body.lowest(),
        };
        body.shift((0.0, base + pose.lift - low));
        Ok(())
    };
    // A step's height is given, or read off the start pose (the foot that rests on it), unless
    // the start pose itself stands on the step.
    let step_top = match step {
        None => None,
        Some((_, Some(h))) => Some(h),
        Some((_, None)) if ps.on_step => Some(DEFAULT_STEP),
        Some((under, None)) => {
            let mut probe = start.clone();
            ground(&mut probe, ps, None)?;
            Some(probe.get(under)?.1 - 2.5)
        }
    };
    ground(&mut start, ps, step_top)?;
    let mut end = Body::of(pe);
    ground(&mut end, pe, step_top)?;
    Ok(([start, end], step_top))
}

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
                c.rect((frame.0, FLOOR_Y - 4.0), (frame.1, 4.0), "prop", r#" rx="2""#);
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

/// Renders an exercise's illustration; panics only if the knowledge files are inconsistent,
/// which the library's tests rule out (see [`check`]).
pub fn render(ex: &Exercise) -> String {
    try_render(&ex.illustration, &ex.name).unwrap_or_else(|e| panic!("illustration of {}: {e}", ex.id))
}

/// Validates a drawing against the pose data: every pose, point and segment it names exists.
pub fn check(d: &Drawing) -> Result<(), String> {
    try_render(d, "check").map(|_| ())
}

fn try_render(d: &Drawing, title: &str) -> Result<String, String> {
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
    let avail_h = FLOOR_Y - PANEL_TOP - 4.0;
    let scale = (avail_h / maxy).min((PANEL_W - 16.0) / (maxx - minx)).min(1.15);
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
        let tx = move |p: P| ((p.0 - cx) * scale, FLOOR_Y - p.1 * scale);
        draw_panel(&mut probe, d, body, &start, step, &tx, i, (0.0, 0.0), wall_h)?;
    }
    let label_w = labels.iter().map(|l| l.chars().count() as f64 * LABEL_CHAR_W).fold(0.0, f64::max);
    let frame_w = (probe.max.0 - probe.min.0 + 2.0 * PANEL_PAD).max(label_w).min(PANEL_W);
    let label_y = probe.min.1 - 8.0;
    let top = label_y - 15.0 - MARGIN;
    let bottom = FLOOR_Y + 1.0 + MARGIN;
    let width = 2.0 * frame_w + GAP + 2.0 * MARGIN;

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
        let left = MARGIN + i as f64 * (frame_w + GAP);
        // The drawing's extent centred in the frame.
        let ox = left + frame_w / 2.0 - (probe.min.0 + probe.max.0) / 2.0;
        let tx = move |p: P| (ox + (p.0 - cx) * scale, FLOOR_Y - p.1 * scale);
        c.line((left, FLOOR_Y), (left + frame_w, FLOOR_Y), "floor");
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
    let mx = MARGIN + frame_w + GAP / 2.0;
    let my = (probe.min.1 + FLOOR_Y) / 2.0;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn drawing(start: &str, end: &str, props: Vec<Prop>) -> Drawing {
        Drawing { start: start.into(), end: end.into(), props, highlight: vec![], moves: None, labels: None }
    }

    #[test]
    fn a_heel_raise_lifts_the_heel_and_keeps_the_toes_on_the_floor() {
        let ([start, end], _) = place(&drawing("stand_wall", "heel_raise_wall", vec![])).unwrap();
        let (h0, h1) = (start.get("near_heel").unwrap(), end.get("near_heel").unwrap());
        assert!(h1.1 > h0.1 + 8.0, "heel rises: {h0:?} -> {h1:?}");
        assert!(end.get("near_toe").unwrap().1 < 4.0, "toes stay down");
        assert!(start.lowest().abs() < 1e-9 && end.lowest().abs() < 1e-9, "both rest on the floor");
    }

    #[test]
    fn the_anchor_stays_put_between_panels() {
        let ([start, end], _) = place(&drawing("stand_arms_fwd", "squat", vec![])).unwrap();
        assert_eq!(start.get("near_heel").unwrap().0, 0.0);
        assert_eq!(end.get("near_heel").unwrap().0, 0.0);
        assert!(end.get("hip").unwrap().1 < start.get("hip").unwrap().1 - 20.0, "a squat lowers the hips");
    }

    #[test]
    fn a_figure_on_a_step_stands_on_its_top() {
        let step = Prop::Step { under: "near_ball".into(), h: None, back: 3.0, front: 40.0 };
        let ([start, end], top) = place(&drawing("step_raise", "step_drop_single", vec![step])).unwrap();
        let top = top.unwrap();
        assert_eq!(top, DEFAULT_STEP);
        for b in [&start, &end] {
            assert!((b.get("near_ball").unwrap().1 - 2.5 - top).abs() < 1e-9);
        }
        assert!(end.get("near_heel").unwrap().1 < top, "the heel drops below the step");
    }

    #[test]
    fn an_unknown_pose_or_point_is_reported_by_name() {
        assert!(check(&drawing("stand", "moonwalk", vec![])).unwrap_err().contains("moonwalk"));
        let band = Prop::Band { from: "near_wing".into(), to: BandEnd::Point("near_hand".into()) };
        assert!(check(&drawing("stand", "stand", vec![band])).unwrap_err().contains("near_wing"));
    }
}
