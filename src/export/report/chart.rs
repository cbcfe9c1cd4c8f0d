//! The report's charts, drawn as inline SVG: pain over time, and weekly running distance on the
//! same weeks beneath it, so the two can be read against each other.

use std::fmt::Write;

use chrono::{DateTime, FixedOffset};

use super::{ReportData, esc};
use crate::log::{review, IsoWeek};

const W: f64 = 680.0;
const H: f64 = 230.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;

/// Green at or below the return line, red from 7 (the upper third of the scale), amber between.
fn score_colour(score: u8) -> &'static str {
    if f64::from(score) <= review::knowledge().weekly_loop.return_at {
        "#1a7f37"
    } else if score <= 6 {
        "#bf8700"
    } else {
        "#cf222e"
    }
}

pub(super) fn pain_section(h: &mut String, data: &ReportData) {
    h.push_str("<section>\n<h2>Pain over time</h2>\n");
    if data.entries.is_empty() {
        h.push_str("<p class=\"muted\">No pain scores in this period.</p>\n</section>\n");
        return;
    }
    h.push_str("<div class=\"keep\">\n");
    h.push_str(&pain_svg(data));
    let caption = &review::knowledge().words.chart.report_pain_caption;
    let _ = write!(h, "<p class=\"muted\">{}</p>\n</div>\n</section>\n", esc(caption));
}

/// Where a day (counted from the first Monday, fractions allowed) falls across the charts.
fn x_of_day(data: &ReportData, day_offset: f64) -> f64 {
    let days = (data.weeks.1.sunday() - data.weeks.0.monday()).num_days() as f64 + 1.0;
    LEFT + (W - LEFT - RIGHT) * day_offset / days
}

/// A faint line at each Monday from `top` to `bottom`, and the week's date beneath.
fn week_grid(s: &mut String, data: &ReportData, top: f64, bottom: f64) {
    let mut week = data.weeks.0;
    let mut offset = 0.0;
    while week <= data.weeks.1 {
        let x = x_of_day(data, offset);
        let _ = writeln!(s, "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{top}\" y2=\"{bottom:.1}\" stroke=\"#eef1f4\"/>");
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x_of_day(data, offset + 3.5),
            bottom + 14.0,
            crate::log::day(week.monday())
        );
        week = week.next();
        offset += 7.0;
    }
}

/// Every score as a dot, each reviewed week's mean as a line, the return line marked.
fn pain_svg(data: &ReportData) -> String {
    let start = data.weeks.0.monday();
    let x_of_day = |day_offset: f64| x_of_day(data, day_offset);
    let x_of = |t: &DateTime<FixedOffset>| {
        let naive = t.naive_local();
        let offset = (naive - start.and_hms_opt(0, 0, 0).expect("midnight")).num_seconds() as f64 / 86_400.0;
        x_of_day(offset)
    };
    let y_of = |score: f64| TOP + (H - TOP - BOTTOM) * (1.0 - score / 10.0);
    let mut s = format!(
        "<svg viewBox=\"0 0 {W} {H}\" width=\"100%\" role=\"img\" aria-label=\"Pain scores from {} to {}\">\n",
        data.weeks.0, data.weeks.1
    );
    for score in [0.0, 5.0, 10.0] {
        let y = y_of(score);
        let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#d8dee4\"/>", W - RIGHT);
        let _ = writeln!(s, "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{score:.0}</text>", LEFT - 6.0, y + 3.0);
    }
    let return_at = review::knowledge().weekly_loop.return_at;
    let y3 = y_of(return_at);
    let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y3:.1}\" y2=\"{y3:.1}\" stroke=\"#1a7f37\" stroke-dasharray=\"4 3\"/>", W - RIGHT);
    let _ = writeln!(s, "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{return_at}</text>", LEFT - 6.0, y3 + 3.0);
    week_grid(&mut s, data, TOP, H - BOTTOM);
    // One line per run of consecutive scored weeks: a gap week breaks it rather than being bridged.
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut last_week: Option<IsoWeek> = None;
    for r in &data.reviews {
        let Some(p) = &r.pain else { continue };
        let mid = (r.starts_on - start).num_days() as f64 + 3.5;
        let point = format!("{:.1},{:.1}", x_of_day(mid), y_of(p.mean));
        match lines.last_mut() {
            Some(line) if last_week.map(IsoWeek::next) == Some(r.week) => line.push(point),
            _ => lines.push(vec![point]),
        }
        last_week = Some(r.week);
    }
    for line in lines.iter().filter(|l| l.len() > 1) {
        let _ = writeln!(s, "<polyline points=\"{}\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\"/>", line.join(" "));
    }
    for e in &data.entries {
        let _ = writeln!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.2\" fill=\"{}\"><title>{} {}/10 {}</title></circle>",
            x_of(&e.recorded_at),
            y_of(f64::from(e.score)),
            score_colour(e.score),
            format!("{} {}", crate::log::day(e.recorded_at.date_naive()), e.recorded_at.format("%H:%M")),
            e.score,
            esc(&e.moment)
        );
    }
    s.push_str("</svg>\n");
    s
}


const LOAD_H: f64 = 130.0;

pub(super) fn load_section(h: &mut String, data: &ReportData) {
    if data.reviews.iter().all(|r| r.load.runs == 0) {
        return;
    }
    h.push_str("<section class=\"keep\">\n<h2>Running load</h2>\n");
    h.push_str(&load_svg(data));
    let caption = &review::knowledge().words.chart.report_load_caption;
    let _ = write!(h, "<p class=\"muted\">{}</p>\n</section>\n", esc(caption));
}

/// A bar per week of running distance, orange where the review warned about load.
fn load_svg(data: &ReportData) -> String {
    let most = data.reviews.iter().map(|r| r.load.distance_km).fold(0.0, f64::max);
    // Round the scale up to a whole 10 km so the axis reads plainly.
    let top_km = ((most / 10.0).ceil() * 10.0).max(10.0);
    let bottom = LOAD_H - BOTTOM;
    let y_of = |km: f64| TOP + (bottom - TOP) * (1.0 - km / top_km);
    let mut s = format!(
        "<svg viewBox=\"0 0 {W} {LOAD_H}\" width=\"100%\" role=\"img\" aria-label=\"Weekly running distance from {} to {}\">\n",
        data.weeks.0, data.weeks.1
    );
    for km in [0.0, top_km] {
        let y = y_of(km);
        let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#d8dee4\"/>", W - RIGHT);
        let _ = writeln!(s, "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{km:.0}</text>", LEFT - 4.0, y + 3.0);
    }
    week_grid(&mut s, data, TOP, bottom);
    let start = data.weeks.0.monday();
    let width = x_of_day(data, 7.0) - x_of_day(data, 0.0);
    for r in data.reviews.iter().filter(|r| r.load.distance_km > 0.0) {
        let offset = (r.starts_on - start).num_days() as f64;
        let (x, y) = (x_of_day(data, offset) + width * 0.2, y_of(r.load.distance_km));
        let colour = if r.warnings.is_empty() { "#0969da" } else { "#d1661b" };
        let _ = writeln!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\"><title>{}: {:.1} km in {} run(s)</title></rect>",
            width * 0.6,
            bottom - y,
            esc(&r.week.to_string()),
            r.load.distance_km,
            r.load.runs
        );
        let _ = writeln!(s, "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{:.0}</text>", x + width * 0.3, y - 3.0, r.load.distance_km);
    }
    s.push_str("</svg>\n");
    s
}
