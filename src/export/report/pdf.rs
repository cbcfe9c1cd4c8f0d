//! The clinician report as a PDF, written on this machine with `pdf-writer`: the check's result,
//! the answers (history, then examination), the clinician's notes, the plan with its sources, the
//! pain and weekly-load charts and the weekly reviews, signed with the clinic's name.
//!
//! Text is set in the PDF's standard Helvetica (nothing to embed, so the file is small and any
//! viewer shows it); it is wrapped here by the font's published character widths.

use chrono::{DateTime, FixedOffset, NaiveDate};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::ReportData;
use crate::app::answers::AnswerGroup;
use crate::app::saved::SavedCheck;
use crate::engine::{Triage, DISCLAIMER};
use crate::log::day;
use crate::log::review::{self, Verdict};
use crate::plans::{mark, Plan, SectionKind};
use crate::return_to_run::progress::CriterionVerdict as Criterion;
use crate::return_to_run::ReturnToRun;

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 50.0;
const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// A chart with its heading: 120 points of plot, its labels and the heading above.
const CHART_BLOCK: f32 = 200.0;
const REGULAR: Name = Name(b"F1");
const BOLD: Name = Name(b"F2");
const INK: (f32, f32, f32) = (0.11, 0.14, 0.16);
const MUTED: (f32, f32, f32) = (0.34, 0.38, 0.42);
const WARN: (f32, f32, f32) = (0.6, 0.2, 0.07);
const ACCENT: (f32, f32, f32) = (0.05, 0.45, 0.42);

/// What the PDF shows besides the log: the check it is about, and who prepared it.
pub struct PdfReport<'a> {
    pub data: &'a ReportData,
    /// The check the report is made from (the chosen one, else the latest), read back worded.
    pub check: Option<&'a SavedCheck>,
    /// The clinician's or clinic's name from the settings; empty when none is set.
    pub clinic_name: &'a str,
    /// The return to running of the check's plan: criteria with the latest tests, outcome scores.
    pub return_to_run: Option<&'a ReturnToRun>,
}

/// The report as PDF bytes.
pub fn render(r: &PdfReport) -> Vec<u8> {
    let mut w = Writer::new();
    let data = r.data;
    w.para(&format!("Calf and knee pain report: {}", data.profile_name), 18.0, true, INK, 0.0);
    let by = if r.clinic_name.is_empty() { String::new() } else { format!(" by {}", r.clinic_name) };
    w.para(
        &format!(
            "Prepared{by} on {}, covering {} to {}.",
            day(data.generated_at.date_naive()),
            day(data.weeks.0.monday()),
            day(data.weeks.1.sunday())
        ),
        10.0,
        false,
        MUTED,
        2.0,
    );
    w.para(DISCLAIMER, 10.0, false, WARN, 6.0);

    match r.check {
        Some(check) => check_section(&mut w, check, *data.generated_at.offset()),
        None => {
            w.heading("The check");
            w.body("No check has been saved for this person.");
        }
    }
    // A chart's heading never ends a page without its chart.
    w.need(CHART_BLOCK);
    w.heading("Pain at the key moment");
    pain_chart(&mut w, data);
    w.need(CHART_BLOCK);
    w.heading("Weekly running distance");
    load_chart(&mut w, data);
    reviews(&mut w, data);
    if let Some(rtr) = r.return_to_run {
        return_to_run(&mut w, rtr);
    }
    w.heading("When to seek care");
    w.body(&review::knowledge().words.when_to_seek_care);
    w.finish(&format!("Soleus report: {}", data.profile_name), data.generated_at)
}

fn check_section(w: &mut Writer, check: &SavedCheck, offset: FixedOffset) {
    w.heading(&format!("The check of {}", day(check.saved.created_at.date_naive())));
    if let Some(c) = &check.confirmed {
        let on = day(c.at.with_timezone(&offset).date_naive());
        w.para(&format!("Cause confirmed by {} on {on}: {}.", c.by, c.name), 11.0, true, ACCENT, 2.0);
    }
    if let Some(by) = &check.examined_by {
        w.para(&format!("Examined by {by}."), 10.0, false, MUTED, 2.0);
    }
    if let Some(view) = &check.view {
        let a = &view.assessment;
        let colour = if a.triage >= Triage::Urgent { WARN } else { INK };
        w.para(&a.triage_advice, 11.0, true, colour, 2.0);
        for f in &a.red_flags {
            w.bullet(&format!("Warning sign: {}", f.message), WARN);
        }
        if !view.chances.is_empty() {
            w.subheading("Likely causes");
            for c in &view.chances {
                let why = if c.why.is_empty() { String::new() } else { format!(" Because: {}.", c.why.join("; ")) };
                w.bullet(&format!("{}: {} ({}).{why}", c.name, c.words, c.figure), INK);
            }
        }
        if let Some(wells) = &view.wells {
            w.subheading("Wells score for a clot (DVT)");
            w.body(&wells.says);
        }
    } else {
        w.body("This check was saved in an older format; its result is not shown here. Do the check again for a plan.");
    }
    for (group, title) in [(AnswerGroup::History, "The person's answers"), (AnswerGroup::Examination, "Examination findings")] {
        let rows: Vec<_> = check.answers.iter().filter(|r| r.group == group).collect();
        w.subheading(title);
        if rows.is_empty() {
            w.muted(if group == AnswerGroup::Examination { "No examination was recorded." } else { "No answers were recorded." });
        }
        for row in rows {
            w.bullet(&format!("{} \u{2014} {}", row.question.trim_end_matches(':'), row.answer), INK);
        }
    }
    w.subheading("Clinician's notes");
    if check.saved.notes.trim().is_empty() {
        w.muted("No notes.");
    } else {
        for line in check.saved.notes.lines().filter(|l| !l.trim().is_empty()) {
            w.body(line);
        }
    }
    if let Some(plan) = check.plan(offset) {
        plan_section(w, &plan);
    }
}

fn plan_section(w: &mut Writer, plan: &Plan) {
    w.heading(&plan.title);
    for s in &plan.sections {
        w.subheading(&s.title);
        if let Some(h) = &s.held_back {
            w.muted(h);
        }
        for item in &s.items {
            let mut text = String::new();
            if let Some(l) = &item.label {
                text.push_str(&format!("{l}: "));
            }
            if let Some(c) = &item.condition {
                text.push_str(&format!("({}) ", plan.condition_name(c)));
            }
            text.push_str(&item.text);
            if let (SectionKind::SafetyNet, Some(act)) = (s.kind, item.act)
                && act > Triage::SelfCare
            {
                text.push_str(&format!(" {}.", act.words().act));
            }
            let colour = if s.kind == SectionKind::Care { WARN } else { INK };
            w.bullet(&format!("{text}{}", mark(item.cite)), colour);
        }
        for (i, p) in s.phases.iter().enumerate() {
            w.para(&format!("Phase {}: {}. {}{}", i + 1, p.name, p.goal, mark(p.cite)), 10.0, true, INK, 3.0);
            for e in &p.exercises {
                let note = e.note.as_deref().map(|n| format!("; {n}")).unwrap_or_default();
                let marks = crate::plans::marks(&e.cites);
                w.bullet(&format!("{}: {}{note} {marks}", e.name, e.dose), INK);
            }
            if !p.progress_when.is_empty() {
                w.muted(&format!("Move on when: {}", p.progress_when.join(" ")));
            }
        }
    }
    if !plan.sources.is_empty() {
        w.subheading("Sources");
        for (i, s) in plan.sources.iter().enumerate() {
            w.para(&format!("[{}] {s}", i + 1), 8.5, false, MUTED, 1.0);
        }
    }
}

/// The latest tests against the protocol's criteria, stage by stage, and the outcome scores.
fn return_to_run(w: &mut Writer, r: &ReturnToRun) {
    w.heading(&format!("Return to running: {}", r.protocol));
    if let Some(held) = &r.held {
        w.para(held, 10.0, true, WARN, 2.0);
    }
    for stage in &r.stages {
        w.subheading(&format!("{} ({})", stage.name, super::stage_words(stage.state)));
        for c in &stage.exit {
            let verdict = super::criterion_words(c.verdict);
            let found = match (&c.found, c.tested_on) {
                (Some(f), Some(on)) => format!(" ({f} on {})", day(on)),
                _ => String::new(),
            };
            w.bullet(&format!("{}: {verdict}{found}.", c.text), if c.verdict == Criterion::NotMet { WARN } else { INK });
        }
    }
    w.body(&r.next.summary);
    let o = &r.outcome;
    w.subheading(&format!("Outcome scores: {}", o.instrument.name));
    if o.scores.is_empty() {
        w.muted("No score recorded yet.");
    }
    for s in &o.scores {
        w.bullet(&format!("{}: {} of {}", day(s.scored_on), s.score, o.instrument.max), INK);
    }
    if let Some(change) = &o.change {
        w.body(&format!("Change: {change}."));
    }
}

fn reviews(w: &mut Writer, data: &ReportData) {
    w.heading("Weekly reviews");
    if data.reviews.is_empty() {
        w.muted("No scores or sessions in this period.");
    }
    for r in &data.reviews {
        let verdict = match r.advice.verdict {
            Verdict::BeginReturn => "Begin return",
            Verdict::Hold => "Hold",
            Verdict::EaseBack => "Ease back",
            Verdict::RestrictFurther => "Restrict further",
            Verdict::Baseline => "Starting point",
            Verdict::NotEnoughData => "No score",
        };
        let pain = r.pain.as_ref().map_or("no score".to_string(), |p| format!("pain {:.1}/10", p.mean));
        w.para(
            &format!("Week of {}: {pain}, {:.1} km in {} run(s). {verdict}: {}", day(r.starts_on), r.load.distance_km, r.load.runs, r.advice.headline),
            10.0,
            false,
            INK,
            2.0,
        );
        for warning in &r.warnings {
            w.bullet(&warning.message, WARN);
        }
        pain_monitoring(w, &r.pain_monitoring);
    }
}

/// The week's runs with the scores tied to them, and what the pain-monitoring model reads there.
fn pain_monitoring(w: &mut Writer, m: &review::pain_monitoring::WeekMonitoring) {
    use review::pain_monitoring::{RunVerdict, WeekVerdict, scores_line};
    if m.verdict == WeekVerdict::NotEnoughData {
        return;
    }
    let colour = if m.verdict == WeekVerdict::Within { INK } else { WARN };
    for sentence in &m.sentences {
        w.bullet(sentence, colour);
    }
    for run in m.runs.iter().filter(|r| r.verdict != RunVerdict::NotScored) {
        w.bullet(&scores_line(run), INK);
    }
}

/// The daily mean of the key-moment scores, as a line over the weeks covered.
fn pain_chart(w: &mut Writer, data: &ReportData) {
    let (first, last) = (data.weeks.0.monday(), data.weeks.1.sunday());
    let days = (last - first).num_days().max(1) as f32;
    let mut daily: Vec<(NaiveDate, f32)> = Vec::new();
    for e in &data.entries {
        let d = e.recorded_at.date_naive();
        match daily.iter_mut().find(|(x, _)| *x == d) {
            Some((_, v)) => *v = (*v + f32::from(e.score)) / 2.0,
            None => daily.push((d, f32::from(e.score))),
        }
    }
    daily.sort_by_key(|(d, _)| *d);
    if daily.is_empty() {
        w.muted("No pain scores in this period.");
        return;
    }
    let points: Vec<(f32, f32)> = daily.iter().map(|(d, v)| ((*d - first).num_days() as f32 / days, v / 10.0)).collect();
    w.chart(&points, ChartKind::Line, "0", "10", &day(first), &day(last));
}

/// Weekly running distance as bars, one per week with a review.
fn load_chart(w: &mut Writer, data: &ReportData) {
    let max = data.reviews.iter().map(|r| r.load.distance_km).fold(0.0_f64, f64::max);
    if max <= 0.0 {
        w.muted("No running distance logged in this period.");
        return;
    }
    let (first, last) = (data.weeks.0.monday(), data.weeks.1.sunday());
    let weeks = ((last - first).num_days() / 7 + 1).max(1) as f32;
    let points: Vec<(f32, f32)> =
        data.reviews.iter().map(|r| (((r.starts_on - first).num_days() / 7) as f32 / weeks, (r.load.distance_km / max) as f32)).collect();
    w.chart(&points, ChartKind::Bars(1.0 / weeks), "0 km", &format!("{max:.1} km"), &day(first), &day(last));
}

enum ChartKind {
    Line,
    /// Bars of this width (a share of the chart's width).
    Bars(f32),
}

/// Pages being written, top to bottom.
struct Writer {
    pages: Vec<Vec<u8>>,
    content: Content,
    y: f32,
}

impl Writer {
    fn new() -> Writer {
        Writer { pages: Vec::new(), content: Content::new(), y: PAGE_H - MARGIN }
    }

    fn new_page(&mut self) {
        let done = std::mem::replace(&mut self.content, Content::new());
        self.pages.push(done.finish().to_vec());
        self.y = PAGE_H - MARGIN;
    }

    fn need(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.new_page();
        }
    }

    fn heading(&mut self, text: &str) {
        self.need(60.0);
        self.para(text, 13.5, true, ACCENT, 12.0);
    }

    fn subheading(&mut self, text: &str) {
        self.need(40.0);
        self.para(text, 11.0, true, INK, 6.0);
    }

    fn body(&mut self, text: &str) {
        self.para(text, 10.0, false, INK, 2.0);
    }

    fn muted(&mut self, text: &str) {
        self.para(text, 9.5, false, MUTED, 2.0);
    }

    fn bullet(&mut self, text: &str, colour: (f32, f32, f32)) {
        self.lines(text, 10.0, false, colour, 1.5, 12.0, Some("-"));
    }

    fn para(&mut self, text: &str, size: f32, bold: bool, colour: (f32, f32, f32), before: f32) {
        self.lines(text, size, bold, colour, before, 0.0, None);
    }

    /// Wrapped text at `indent`, with `marker` hanging before the first line.
    #[allow(clippy::too_many_arguments)]
    fn lines(&mut self, text: &str, size: f32, bold: bool, colour: (f32, f32, f32), before: f32, indent: f32, marker: Option<&str>) {
        let leading = size * 1.3;
        self.y -= before;
        for (i, line) in wrap(text, size, bold, TEXT_W - indent).iter().enumerate() {
            self.need(leading);
            self.y -= leading;
            let c = &mut self.content;
            c.set_fill_rgb(colour.0, colour.1, colour.2);
            c.begin_text();
            c.set_font(if bold { BOLD } else { REGULAR }, size);
            if let (0, Some(m)) = (i, marker) {
                c.next_line(MARGIN + indent - 9.0, self.y);
                c.show(Str(&winansi(m)));
                c.end_text();
                c.begin_text();
                c.set_font(REGULAR, size);
            }
            c.next_line(MARGIN + indent, self.y);
            c.show(Str(&winansi(line)));
            c.end_text();
        }
    }

    /// A chart 120 points high: `points` are (x, y) shares of the width and height.
    fn chart(&mut self, points: &[(f32, f32)], kind: ChartKind, low: &str, high: &str, from: &str, to: &str) {
        let (height, left) = (120.0, MARGIN + 36.0);
        let width = PAGE_W - MARGIN - left;
        self.need(height + 30.0);
        self.y -= 8.0;
        let top = self.y;
        let bottom = top - height;
        let c = &mut self.content;
        c.set_stroke_rgb(MUTED.0, MUTED.1, MUTED.2);
        c.set_line_width(0.6);
        c.move_to(left, top);
        c.line_to(left, bottom);
        c.line_to(left + width, bottom);
        c.stroke();
        c.set_fill_rgb(ACCENT.0, ACCENT.1, ACCENT.2);
        c.set_stroke_rgb(ACCENT.0, ACCENT.1, ACCENT.2);
        match kind {
            ChartKind::Line => {
                c.set_line_width(1.6);
                for (i, (x, y)) in points.iter().enumerate() {
                    let (px, py) = (left + x * width, bottom + y * height);
                    if i == 0 {
                        c.move_to(px, py);
                    } else {
                        c.line_to(px, py);
                    }
                }
                c.stroke();
                for (x, y) in points {
                    c.rect(left + x * width - 2.0, bottom + y * height - 2.0, 4.0, 4.0);
                }
                c.fill_nonzero();
            }
            ChartKind::Bars(share) => {
                for (x, y) in points {
                    c.rect(left + x * width + 1.0, bottom, (share * width - 2.0).max(1.0), (y * height).max(0.5));
                }
                c.fill_nonzero();
            }
        }
        let label = |c: &mut Content, x: f32, y: f32, text: &str| {
            c.set_fill_rgb(MUTED.0, MUTED.1, MUTED.2);
            c.begin_text();
            c.set_font(REGULAR, 8.0);
            c.next_line(x, y);
            c.show(Str(&winansi(text)));
            c.end_text();
        };
        label(c, MARGIN, top - 8.0, high);
        label(c, MARGIN, bottom, low);
        label(c, left, bottom - 11.0, from);
        label(c, left + width - text_width(to, 8.0, false), bottom - 11.0, to);
        self.y = bottom - 18.0;
    }

    fn finish(mut self, title: &str, when: DateTime<FixedOffset>) -> Vec<u8> {
        let last = std::mem::replace(&mut self.content, Content::new());
        self.pages.push(last.finish().to_vec());
        let mut pdf = Pdf::new();
        let (catalog, tree, regular, bold, info) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
        let page_ids: Vec<Ref> = (0..self.pages.len()).map(|i| Ref::new(10 + 2 * i as i32)).collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids(page_ids.iter().copied()).count(page_ids.len() as i32);
        pdf.type1_font(regular).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold).base_font(Name(b"Helvetica-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.document_info(info).title(TextStr(title)).creator(TextStr("Soleus")).creation_date(pdf_writer::Date::new(
            when.format("%Y").to_string().parse().unwrap_or(2026),
        ));
        for (i, (id, content)) in page_ids.iter().zip(&self.pages).enumerate() {
            let content_id = Ref::new(11 + 2 * i as i32);
            let mut page = pdf.page(*id);
            page.parent(tree).media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H)).contents(content_id);
            page.resources().fonts().pair(REGULAR, regular).pair(BOLD, bold);
            page.finish();
            pdf.stream(content_id, content);
        }
        pdf.finish()
    }
}

/// Helvetica's advance widths (per 1000 em) for the printable ASCII characters 32 to 126.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
    278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
    556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let units: u32 = text.chars().map(|c| HELVETICA.get((c as usize).wrapping_sub(32)).copied().unwrap_or(556) as u32).sum();
    // Bold runs about 6% wider than regular: wrap it as such rather than carry a second table.
    units as f32 * size / 1000.0 * if bold { 1.06 } else { 1.0 }
}

fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if !line.is_empty() && text_width(&candidate, size, bold) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Text in the standard fonts' WinAnsi encoding: Latin-1 as is, the common typographic marks
/// mapped, anything else (arrows, other scripts) replaced by its nearest plain form or "?".
fn winansi(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2013}' => out.push(0x96),
            '\u{2014}' => out.push(0x97),
            '\u{2018}' => out.push(0x91),
            '\u{2019}' => out.push(0x92),
            '\u{201C}' => out.push(0x93),
            '\u{201D}' => out.push(0x94),
            '\u{2022}' => out.push(0x95),
            '\u{2026}' => out.push(0x85),
            '\u{2192}' => out.extend_from_slice(b"->"),
            '\u{2264}' => out.extend_from_slice(b"<="),
            '\u{2265}' => out.extend_from_slice(b">="),
            c if (c as u32) < 0x100 => out.push(c as u32 as u8),
            _ => out.push(b'?'),
        }
    }
    out
}

/// Saves the PDF report of `profile` in `dir`, about the check `check_id` (else the latest), as
/// a new file never overwriting another; the path and what it holds.
pub fn save(
    store: &crate::store::Store,
    profile: &crate::profiles::Profile,
    check_id: Option<i64>,
    dir: &std::path::Path,
    now: DateTime<FixedOffset>,
) -> Result<crate::export::files::SavedFile, crate::Error> {
    use crate::export::files;
    let mut data = super::gather(store.conn(), profile, now, files::REPORT_WEEKS)?;
    if let Some(id) = check_id {
        data.assessment = Some(crate::log::assessments::get(store.conn(), profile.id, id)?);
    }
    let check = data.assessment.clone().map(SavedCheck::of);
    let clinic_name = crate::settings::clinic_name(store)?;
    // The chosen check's return to running (gather judged the latest one's).
    data.return_to_run = super::return_to_run_of(store.conn(), profile.id, data.assessment.as_ref(), now.date_naive())?;
    let bytes = render(&PdfReport { data: &data, check: check.as_ref(), clinic_name: &clinic_name, return_to_run: data.return_to_run.as_ref() });
    let name = format!("Soleus report - {} - {}.pdf", files::file_name_part(&profile.name), now.format("%Y-%m-%d"));
    let path = files::save_new(dir, &name, &bytes)?;
    Ok(files::SavedFile {
        kind: files::SavedKind::Report,
        path: path.display().to_string(),
        pain_scores: data.entries.len(),
        sessions: data.reviews.iter().map(|r| r.load.runs as usize).sum(),
        checks: usize::from(data.assessment.is_some()),
        exercise_completions: 0,
    })
}
