//! The clinician report: one self-contained HTML page, ready to print to PDF. Inline CSS, an
//! inline SVG pain chart drawn here, no scripts and nothing fetched, so it opens the same
//! anywhere, offline, years later.

use std::fmt::Write;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::Connection;

use crate::app::wording::figure as percent;
use crate::engine::{Assessment, DISCLAIMER};
use crate::log::assessments::{self, SavedAssessment};
use crate::log::entries::{self, PainEntry};
use crate::log::review::{self, Verdict, WeeklyReview};
use crate::log::{IsoWeek, LogError, sessions};
use crate::profiles::Profile;
use crate::return_to_run::progress::StageState;
use crate::return_to_run::records;
use crate::return_to_run::{CriterionVerdict, RecordError, ReturnToRun};
use crate::settings::Units;

/// What the report shows; [`gather`] collects it from the store.
#[derive(Debug, Clone)]
pub struct ReportData {
    pub profile_name: String,
    pub generated_at: DateTime<FixedOffset>,
    pub assessment: Option<SavedAssessment>,
    /// The first and last weeks covered.
    pub weeks: (IsoWeek, IsoWeek),
    pub entries: Vec<PainEntry>,
    /// Weeks with a score or a session, oldest first.
    pub reviews: Vec<WeeklyReview>,
    /// The return to running of the check's plan: criteria with the latest tests, outcome scores.
    pub return_to_run: Option<ReturnToRun>,
}

/// Collects the last `weeks` weeks up to the latest score (or `now`, whichever is earlier).
pub fn gather(conn: &Connection, profile: &Profile, now: DateTime<FixedOffset>, weeks: u32) -> Result<ReportData, LogError> {
    let all = entries::list(conn, profile.id)?;
    let this_week = IsoWeek::containing(now.date_naive());
    let last = all.last().map_or(this_week, |e| IsoWeek::containing(e.recorded_at.date_naive()).min(this_week));
    let earliest = (1..weeks.max(1)).fold(last, |w, _| w.previous());
    let runs = sessions::list(conn, profile.id)?;
    // Start at the first week with anything in it, so the chart is not mostly empty.
    let first_day = all.iter().map(|e| e.recorded_at.date_naive()).chain(runs.iter().map(|s| s.started_at.date_naive()));
    let first = first_day.filter(|d| *d >= earliest.monday()).min().map_or(last, IsoWeek::containing).min(last);
    let in_range = |d: NaiveDate| d >= first.monday() && d <= last.sunday();
    let entries: Vec<PainEntry> = all.into_iter().filter(|e| in_range(e.recorded_at.date_naive())).collect();
    let mut reviews = Vec::new();
    let mut week = first;
    while week <= last {
        let busy = entries.iter().any(|e| week.contains(e.recorded_at.date_naive()))
            || runs.iter().any(|s| week.contains(s.started_at.date_naive()));
        if busy {
            // In km, like the report's load table and chart beside these sentences: one unit
            // throughout a page a clinician reads.
            reviews.push(review::weekly_review(conn, profile.id, week, Units::Km)?);
        }
        week = week.next();
    }
    let assessment = assessments::latest(conn, profile.id)?;
    let return_to_run = return_to_run_of(conn, profile.id, assessment.as_ref(), now.date_naive())?;
    Ok(ReportData { profile_name: profile.name.clone(), generated_at: now, assessment, weeks: (first, last), entries, reviews, return_to_run })
}

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
@page { size: A4; margin: 14mm; }
body { font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1d232a; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #c9d1d9; padding-bottom: 1mm; }
.meta { color: #57606a; margin: 0; }
.notice { border: 1.5px solid #9a6700; background: #fff8c5; padding: 3mm 4mm; border-radius: 2mm; margin: 4mm 0; }
.triage { font-weight: 600; padding: 2mm 3mm; border-radius: 1.5mm; display: inline-block; }
.t-self_care { background: #dafbe1; } .t-clinician { background: #ddf4ff; }
.t-urgent { background: #ffebe9; } .t-emergency { background: #cf222e; color: #fff; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid #d8dee4; }
th { background: #f6f8fa; }
td:first-child { white-space: nowrap; }
.causes td:first-child { white-space: normal; width: 30%; }
.num { text-align: right; white-space: nowrap; }
h4 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
sup { color: #57606a; font-size: 7pt; }
.sources { font-size: 8.5pt; color: #57606a; }
.warn { color: #9a3412; }
.muted { color: #57606a; }
h2 { break-after: avoid; }
tr, .keep { break-inside: avoid; }
svg text { font: 8pt system-ui, sans-serif; fill: #57606a; }
pre { white-space: pre-wrap; font-size: 8.5pt; background: #f6f8fa; padding: 2mm; }
td.wrap { white-space: normal; } td.wrap ul { margin: 0; padding-left: 5mm; }
";

/// The whole page.
pub fn render(data: &ReportData) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Soleus report: {name}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<h1>Calf and knee pain report: {name}</h1>\n\
         <p class=\"meta\">Prepared by Soleus on {date}, covering {from} to {to}.</p>\n\
         <p class=\"notice\">{disclaimer}</p>\n",
        name = esc(&data.profile_name),
        date = format!("{}, {}", crate::log::day(data.generated_at.date_naive()), data.generated_at.format("%H:%M")),
        from = crate::log::day(data.weeks.0.monday()),
        to = crate::log::day(data.weeks.1.sunday()),
        disclaimer = esc(DISCLAIMER),
    );
    assessment_section(&mut h, data.assessment.as_ref(), *data.generated_at.offset());
    chart::pain_section(&mut h, data);
    chart::load_section(&mut h, data);
    reviews_section(&mut h, &data.reviews);
    if let Some(r) = &data.return_to_run {
        return_to_run_section(&mut h, r);
    }
    let _ = write!(h, "<section class=\"keep\">\n<h2>When to seek care</h2>\n<p>{}</p>\n</section>\n</body>\n</html>\n", esc(&review::knowledge().words.when_to_seek_care));
    h
}

fn assessment_section(h: &mut String, saved: Option<&SavedAssessment>, offset: chrono::FixedOffset) {
    h.push_str("<section>\n<h2>Latest assessment</h2>\n");
    let Some(saved) = saved else {
        h.push_str("<p class=\"muted\">No assessment has been saved for this person.</p>\n</section>\n");
        return;
    };
    let _ = writeln!(h, "<p class=\"meta\">Saved {}; shown as it was given then.</p>", crate::log::day(saved.created_at.date_naive()));
    match saved.assessment() {
        Some(a) => {
            if !saved.examined_by.is_empty() {
                let _ = writeln!(h, "<p class=\"meta\">Examined by {}.</p>", esc(&saved.examined_by));
            }
            assessment_body(h, &a);
            plan::plan_html(h, &crate::plans::plan_of(&a, saved.confirmed.as_ref(), offset));
        }
        None => {
            // Its words as stored (the sentences, not the field names or codes around them).
            let said: Vec<&str> = saved.result.as_object().into_iter().flatten().filter(|(k, _)| !k.contains("version")).filter_map(|(_, v)| v.as_str()).filter(|s| s.contains(' ')).collect();
            let _ = writeln!(
                h,
                "<p>This result was saved in an older format; what it said: {}</p>\n\
                 <p class=\"muted\">No management plan is shown: plans are built from results in today's format.</p>",
                esc(&said.join("; "))
            );
        }
    }
    h.push_str("</section>\n");
}

fn assessment_body(h: &mut String, a: &Assessment) {
    let _ = writeln!(h, "<p><span class=\"triage t-{}\">{}</span></p>", a.triage.id(), esc(&a.triage_advice));
    if !a.red_flags.is_empty() {
        h.push_str("<p><strong>Safety findings:</strong></p>\n<ul>\n");
        for f in &a.red_flags {
            let _ = writeln!(h, "<li class=\"warn\">{}</li>", esc(&f.message));
        }
        h.push_str("</ul>\n");
    }
    if !a.differential.is_empty() {
        h.push_str("<table class=\"causes\">\n<tr><th>Likely cause</th><th class=\"num\">Probability</th><th>Why</th></tr>\n");
        for r in a.differential.iter().take(6) {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                esc(&r.name),
                percent(r.probability),
                esc(&r.why.join("; "))
            );
        }
        h.push_str("</table>\n");
    }
    if let Some(w) = &a.wells {
        let _ = writeln!(
            h,
            "<p>Wells score for DVT: {} ({}): {}</p>",
            w.score,
            if w.dvt_likely { "DVT likely" } else { "DVT unlikely" },
            esc(&w.items.join("; "))
        );
    }
}

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::BeginReturn => "Begin return",
        Verdict::Hold => "Hold",
        Verdict::EaseBack => "Ease back",
        Verdict::RestrictFurther => "Restrict further",
        Verdict::Baseline => "Baseline",
        Verdict::NotEnoughData => "No score",
    }
}

fn reviews_section(h: &mut String, reviews: &[WeeklyReview]) {
    h.push_str("<section>\n<h2>Weekly reviews</h2>\n");
    if reviews.is_empty() {
        h.push_str("<p class=\"muted\">No scores or sessions in this period.</p>\n</section>\n");
        return;
    }
    h.push_str(
        "<table>\n<tr><th>Week</th><th class=\"num\">Pain</th><th class=\"num\">Change</th><th class=\"num\">Running</th>\
         <th>Advice</th></tr>\n",
    );
    for r in reviews {
        let pain = r.pain.as_ref().map_or("&ndash;".to_string(), |p| format!("{:.1}/10", p.mean));
        let change = r.change.map_or("&ndash;".to_string(), |c| format!("{c:+.1}"));
        let mut advice = format!("<strong>{}.</strong> {}", verdict_words(r.advice.verdict), esc(&r.advice.headline));
        for w in &r.warnings {
            let _ = write!(advice, "<br><span class=\"warn\">{}</span>", esc(&w.message));
        }
        let _ = writeln!(
            h,
            "<tr><td>{}<br><span class=\"muted\">{}</span></td><td class=\"num\">{pain}</td><td class=\"num\">{change}</td>\
             <td class=\"num\">{:.1} km<br><span class=\"muted\">{} run{}</span></td><td>{advice}</td></tr>",
            r.week,
            crate::log::day(r.starts_on),
            r.load.distance_km,
            r.load.runs,
            if r.load.runs == 1 { "" } else { "s" }
        );
        pain_monitoring_row(h, &r.pain_monitoring);
    }
    h.push_str("</table>\n</section>\n");
}

/// The runs of a week with the scores tied to them, and what the pain-monitoring model reads
/// there, as a row under the week (as the PDF lists them).
fn pain_monitoring_row(h: &mut String, m: &review::pain_monitoring::WeekMonitoring) {
    use review::pain_monitoring::{RunVerdict, WeekVerdict, scores_line};
    if m.verdict == WeekVerdict::NotEnoughData {
        return;
    }
    let class = if m.verdict == WeekVerdict::Within { "" } else { " class=\"warn\"" };
    h.push_str("<tr><td colspan=\"5\" class=\"wrap\"><ul>");
    for sentence in &m.sentences {
        let _ = write!(h, "<li{class}>{}</li>", esc(sentence));
    }
    for run in m.runs.iter().filter(|r| r.verdict != RunVerdict::NotScored) {
        let _ = write!(h, "<li>{}</li>", esc(&scores_line(run)));
    }
    h.push_str("</ul></td></tr>\n");
}

/// The return to running: each stage's criteria against the latest tests, what unlocks the next
/// step, and the outcome scores (as the PDF shows them).
fn return_to_run_section(h: &mut String, r: &ReturnToRun) {
    let _ = writeln!(h, "<section>\n<h2>Return to running: {}</h2>", esc(&r.protocol));
    if let Some(held) = &r.held {
        let _ = writeln!(h, "<p class=\"warn\"><strong>{}</strong></p>", esc(held));
    }
    for stage in &r.stages {
        let _ = write!(h, "<h4>{} ({})</h4>\n<ul>", esc(&stage.name), stage_words(stage.state));
        for c in &stage.exit {
            let verdict = criterion_words(c.verdict);
            let found = match (&c.found, c.tested_on) {
                (Some(f), Some(on)) => format!(" ({} on {})", esc(f), crate::log::day(on)),
                _ => String::new(),
            };
            let class = if c.verdict == CriterionVerdict::NotMet { " class=\"warn\"" } else { "" };
            let _ = write!(h, "<li{class}>{}: {verdict}{found}.</li>", esc(&c.text));
        }
        h.push_str("</ul>\n");
    }
    let _ = writeln!(h, "<p>{}</p>", esc(&r.next.summary));
    let o = &r.outcome;
    let _ = writeln!(h, "<h4>Outcome scores: {}</h4>", esc(&o.instrument.name));
    if o.scores.is_empty() {
        h.push_str("<p class=\"muted\">No score recorded yet.</p>\n");
    } else {
        h.push_str("<ul>");
        for s in &o.scores {
            let _ = write!(h, "<li>{}: {} of {}</li>", crate::log::day(s.scored_on), s.score, o.instrument.max);
        }
        h.push_str("</ul>\n");
    }
    if let Some(change) = &o.change {
        let _ = writeln!(h, "<p>Change: {}.</p>", esc(change));
    }
    h.push_str("</section>\n");
}

/// A stage's state as both reports write it.
pub(super) fn stage_words(state: StageState) -> &'static str {
    match state {
        StageState::Passed => "passed",
        StageState::Current => "current stage",
        StageState::Ahead => "ahead",
    }
}

/// A criterion's verdict as both reports write it.
pub(super) fn criterion_words(verdict: CriterionVerdict) -> &'static str {
    match verdict {
        CriterionVerdict::Met => "met",
        CriterionVerdict::NotMet => "not met",
        CriterionVerdict::NotTested => "not yet tested",
    }
}

/// The return to running of a saved check's plan, judged on the profile's tests and scores.
pub(super) fn return_to_run_of(conn: &Connection, profile_id: i64, saved: Option<&SavedAssessment>, today: NaiveDate) -> Result<Option<ReturnToRun>, LogError> {
    let Some(assessment) = saved.and_then(|a| a.assessment()) else { return Ok(None) };
    let tests = records::list_tests(conn, profile_id).map_err(RecordError::into_read_error)?;
    let scores = records::list_scores(conn, profile_id).map_err(RecordError::into_read_error)?;
    Ok(crate::return_to_run::progress(&crate::plans::plan(&assessment), &tests, &scores, today))
}

mod chart;
pub mod pdf;
mod plan;

#[cfg(test)]
mod tests;
