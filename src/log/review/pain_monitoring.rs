//! Silbernagel's pain-monitoring model read from the scores tied to runs, beside seed 000's weekly
//! loop: pain up to the model's bound during and right after a run is acceptable, the pain must settle by the next
//! morning, and the morning pain must not rise week on week. Thresholds and sentences are data
//! (`knowledge/pain_monitoring.toml`, [`model()`]); the functions here are pure (the log in, the
//! verdicts out) except [`recent_runs`] and [`missed_next_morning_in`], which load the log.

use std::sync::OnceLock;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::log::entries::{self, PainEntry, RunMoment};
use crate::log::sessions::{self, Session, Sport};
use crate::log::{IsoWeek, LogError};
use crate::settings::Units;

/// What one run's scores say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RunVerdict {
    /// Within the bound during and after, and settled by the next morning.
    Within,
    /// Over the bound during the run.
    TooMuchDuring,
    /// Over the bound right after the run.
    TooMuchAfter,
    /// The next morning's score is higher than the morning before (or, without one, above the
    /// safe zone).
    NotSettled,
    /// Fine so far, but the next morning is not scored yet.
    AwaitingMorning,
    /// No score tied to this run.
    NotScored,
}

/// One run read against the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RunCheck {
    #[ts(type = "number")]
    pub run_id: i64,
    #[ts(type = "string")]
    pub started_at: DateTime<FixedOffset>,
    pub sport: Sport,
    pub distance_km: Option<f64>,
    /// How sentences name the run: "Tuesday's 12 km".
    pub label: String,
    /// The highest score at each moment (several may be taken).
    pub during: Option<u8>,
    pub after: Option<u8>,
    pub next_morning: Option<u8>,
    /// The last next-morning score before this run (within the model's baseline days).
    pub morning_before: Option<u8>,
    /// Every score tied to the run, oldest first.
    pub scores: Vec<PainEntry>,
    pub verdict: RunVerdict,
    pub sentence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WeekVerdict {
    /// Every scored run within the model and morning pain not rising.
    Within,
    /// A run went over a bound or did not settle (named in `sentences`).
    OverTheModel,
    /// Morning pain rose on last week.
    Rising,
    /// No score tied to a run this week.
    NotEnoughData,
}

/// The week read against the model: the runs that did not keep to it, by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekMonitoring {
    pub verdict: WeekVerdict,
    /// What to tell the runner, the most important first.
    pub sentences: Vec<String>,
    /// This week's runs (and other sessions with scores), oldest first.
    pub runs: Vec<RunCheck>,
    /// The mean next-morning score of this week's runs and of last week's, to one decimal.
    pub morning_mean: Option<f64>,
    pub previous_morning_mean: Option<f64>,
    /// The model's source, as published.
    pub source: String,
}

/// A run without its next-morning score, asked for when the app opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MissedMorning {
    #[ts(type = "number")]
    pub run_id: i64,
    pub label: String,
    /// "How was it on the morning after Tuesday's 12 km?"
    pub question: String,
}

/// Reads `week`'s runs against the model. `pain` must hold the scores from 7 days before last
/// week to two days after this one, `sessions` those of both weeks (more is fine).
pub fn review(pain: &[PainEntry], sessions: &[Session], week: IsoWeek, units: Units) -> WeekMonitoring {
    let m = model();
    let in_week = |w: IsoWeek| -> Vec<RunCheck> {
        sessions
            .iter()
            .filter(|s| w.contains(s.started_at.date_naive()))
            .map(|s| check_run(s, pain, units))
            .filter(|c| c.sport == Sport::Running || c.verdict != RunVerdict::NotScored)
            .collect()
    };
    let (runs, previous) = (in_week(week), in_week(week.previous()));
    let (morning_mean, previous_morning_mean) = (morning_mean(&runs), morning_mean(&previous));
    let mut sentences: Vec<String> = runs
        .iter()
        .filter(|r| matches!(r.verdict, RunVerdict::NotSettled | RunVerdict::TooMuchDuring | RunVerdict::TooMuchAfter))
        .map(|r| r.sentence.clone())
        .collect();
    let over = !sentences.is_empty();
    let rising = matches!((morning_mean, previous_morning_mean), (Some(now), Some(before)) if now > before);
    if rising {
        let (now, before) = (morning_mean.unwrap_or_default(), previous_morning_mean.unwrap_or_default());
        sentences.push(fill(&m.sentences.rising, &[("before", format!("{before:.1}")), ("score", format!("{now:.1}"))]));
    }
    let scored = runs.iter().any(|r| r.verdict != RunVerdict::NotScored);
    let verdict = if over {
        WeekVerdict::OverTheModel
    } else if rising {
        WeekVerdict::Rising
    } else if scored {
        sentences.push(fill(&m.sentences.within, &[("limit", m.during.max.to_string())]));
        WeekVerdict::Within
    } else {
        sentences.push(m.sentences.no_scores.clone());
        WeekVerdict::NotEnoughData
    };
    sentences.extend(runs.iter().filter(|r| r.verdict == RunVerdict::AwaitingMorning).map(|r| r.sentence.clone()));
    WeekMonitoring { verdict, sentences, runs, morning_mean, previous_morning_mean, source: m.citation.clone() }
}

/// One run's scores read against the model; `pain` may hold any scores (it is filtered).
pub fn check_run(run: &Session, pain: &[PainEntry], units: Units) -> RunCheck {
    let m = model();
    let scores: Vec<PainEntry> = pain.iter().filter(|e| e.run_id == Some(run.id)).cloned().collect();
    let highest = |moment: RunMoment| scores.iter().filter(|e| e.run_moment == Some(moment)).map(|e| e.score).max();
    let (during, after, next_morning) = (highest(RunMoment::During), highest(RunMoment::After), highest(RunMoment::NextMorning));
    let start = run.started_at.with_timezone(&Utc);
    let morning_before = pain
        .iter()
        .filter(|e| e.run_moment == Some(RunMoment::NextMorning) && e.run_id != Some(run.id))
        .filter(|e| {
            let t = e.recorded_at.with_timezone(&Utc);
            t < start && t >= start - Duration::days(m.next_morning.baseline_days)
        })
        .max_by_key(|e| e.recorded_at)
        .map(|e| e.score);
    let label = run_label(run, units);
    let say = |template: &str, score: u8, limit: u8| fill(template, &[("run", label.clone()), ("score", score.to_string()), ("limit", limit.to_string())]);
    let (verdict, sentence) = if let Some(s) = during.filter(|&s| s > m.during.max) {
        (RunVerdict::TooMuchDuring, say(&m.sentences.too_much_during, s, m.during.max))
    } else if let Some(s) = after.filter(|&s| s > m.after.max) {
        (RunVerdict::TooMuchAfter, say(&m.sentences.too_much_after, s, m.after.max))
    } else if let Some(s) = next_morning {
        let settled_at = morning_before.map_or(m.zones.safe_max, |b| b.max(m.zones.safe_max));
        if s > settled_at {
            let before = match morning_before {
                Some(b) => fill(&m.sentences.before_baseline, &[("score", b.to_string())]),
                None => fill(&m.sentences.before_safe, &[("limit", m.zones.safe_max.to_string())]),
            };
            let text = fill(&m.sentences.not_settled, &[("run", label.clone()), ("score", s.to_string()), ("before", before)]);
            (RunVerdict::NotSettled, text)
        } else {
            (RunVerdict::Within, fill(&m.sentences.run_within, &[("run", label.clone())]))
        }
    } else if scores.is_empty() {
        (RunVerdict::NotScored, fill(&m.sentences.run_not_scored, &[("run", label.clone())]))
    } else {
        (RunVerdict::AwaitingMorning, fill(&m.sentences.awaiting, &[("run", label.clone())]))
    };
    RunCheck {
        run_id: run.id,
        started_at: run.started_at,
        sport: run.sport,
        distance_km: run.distance_m.map(|d| d / 1000.0),
        label,
        during,
        after,
        next_morning,
        morning_before,
        scores,
        verdict,
        sentence,
    }
}

/// "Tuesday's 12 km" (a run), "Tuesday's 20 km cycling", "Tuesday's run" without a distance.
pub fn run_label(run: &Session, units: Units) -> String {
    let weekday = run.started_at.format("%A");
    let distance = run.distance_m.map(|d| units.distance(d / 1000.0).replace(".0 ", " "));
    match (run.sport, distance) {
        (Sport::Running, Some(d)) => format!("{weekday}'s {d}"),
        (Sport::Running, None) => format!("{weekday}'s run"),
        (sport, Some(d)) => format!("{weekday}'s {d} {}", sport.as_str()),
        (sport, None) => format!("{weekday}'s {}", sport.as_str()),
    }
}

/// One run's scores in a line, for the report and the command line: "Tue 17 Nov 2026, Tuesday's
/// 12 km: during 3/10, right after 4/10, next morning 2/10 (The tendon above the heel (Achilles), left)".
pub fn scores_line(check: &RunCheck) -> String {
    let at = |name: &str, score: Option<u8>| score.map(|s| format!("{name} {s}/10"));
    let parts: Vec<String> = [at("during", check.during), at("right after", check.after), at("next morning", check.next_morning)].into_iter().flatten().collect();
    let scores = if parts.is_empty() { "no scores".to_string() } else { parts.join(", ") };
    let mut wheres: Vec<String> = check.scores.iter().filter_map(|e| e.site.as_deref()).map(crate::log::sites::label).collect();
    wheres.extend(check.scores.iter().filter_map(|e| e.side).map(|s| s.as_str().to_string()));
    wheres.dedup();
    let place = if wheres.is_empty() { String::new() } else { format!(" ({})", wheres.join(", ")) };
    format!("{}, {}: {scores}{place}", crate::log::day(check.started_at.date_naive()), check.label)
}

fn morning_mean(runs: &[RunCheck]) -> Option<f64> {
    let mornings: Vec<f64> = runs.iter().filter_map(|r| r.next_morning).map(f64::from).collect();
    (!mornings.is_empty()).then(|| (mornings.iter().sum::<f64>() / mornings.len() as f64 * 10.0).round() / 10.0)
}

/// The last run (started before `today`, at most `ask_within_days` ago) when it has no
/// next-morning score yet; `pain` and `sessions` as loaded for those days.
pub fn missed_next_morning(pain: &[PainEntry], sessions: &[Session], today: NaiveDate, units: Units) -> Option<MissedMorning> {
    let m = model();
    let last = sessions.iter().filter(|s| s.sport == Sport::Running && s.started_at.date_naive() < today).max_by_key(|s| s.started_at)?;
    if (today - last.started_at.date_naive()).num_days() > m.missed.ask_within_days {
        return None;
    }
    if pain.iter().any(|e| e.run_id == Some(last.id) && e.run_moment == Some(RunMoment::NextMorning)) {
        return None;
    }
    let label = run_label(last, units);
    Some(MissedMorning { run_id: last.id, question: format!("How was it on the morning after {label}?"), label })
}

/// [`missed_next_morning`] from the store, for `today` (the person's local date).
pub fn missed_next_morning_in(conn: &Connection, profile_id: i64, today: NaiveDate, units: Units) -> Result<Option<MissedMorning>, LogError> {
    let (from, to) = days_around(today, model().missed.ask_within_days + 1);
    let runs = sessions::between(conn, profile_id, from, to)?;
    let pain = entries::between(conn, profile_id, from, to)?;
    Ok(missed_next_morning(&pain, &runs, today, units))
}

/// The profile's runs of the last `days` days up to `today`, newest first, each with its scores
/// and verdict: the runs the Log screen offers to score.
pub fn recent_runs(conn: &Connection, profile_id: i64, today: NaiveDate, days: i64, units: Units) -> Result<Vec<RunCheck>, LogError> {
    let (from, to) = days_around(today, days);
    let runs = sessions::between(conn, profile_id, from, to)?;
    let pain_from = from - Duration::days(model().next_morning.baseline_days);
    let pain = entries::between(conn, profile_id, pain_from, to + Duration::days(days))?;
    let mut checks: Vec<RunCheck> = runs.iter().map(|s| check_run(s, &pain, units)).collect();
    checks.reverse();
    Ok(checks)
}

/// UTC bounds from `days` days before `today` to the end of tomorrow, wide enough for every
/// offset (up to 18 h either side).
fn days_around(today: NaiveDate, days: i64) -> (DateTime<Utc>, DateTime<Utc>) {
    let midnight = today.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    (midnight - Duration::days(days + 1), midnight + Duration::days(2))
}

/// `{name}` replaced by its value in a sentence of the knowledge file.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// `knowledge/pain_monitoring.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub zones: Zones,
    pub during: Bound,
    pub after: Bound,
    pub next_morning: NextMorning,
    pub weekly: Cited,
    pub missed: Missed,
    pub sentences: Sentences,
    /// The published citation of `silbernagel2007`, filled in at load.
    #[serde(skip)]
    pub citation: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zones {
    pub safe_max: u8,
    pub acceptable_max: u8,
    pub src: String,
    pub zones_src: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bound {
    pub max: u8,
    pub src: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextMorning {
    pub baseline_days: i64,
    pub src: String,
    pub baseline_src: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cited {
    pub src: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Missed {
    pub ask_within_days: i64,
    pub src: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sentences {
    pub scale: String,
    pub within: String,
    pub too_much_during: String,
    pub too_much_after: String,
    pub not_settled: String,
    pub before_baseline: String,
    pub before_safe: String,
    pub rising: String,
    pub awaiting: String,
    pub no_scores: String,
    pub run_within: String,
    pub run_not_scored: String,
}

/// What the 0-10 scale means for a run's score, with the model's bound during a run written in:
/// the Log shows it beside the score (through the bindings), so the bound is never copied.
pub fn scale_hint() -> String {
    let m = model();
    fill(&m.sentences.scale, &[("limit", m.during.max.to_string())])
}

/// The model, parsed and checked once. Panics on a broken file: knowledge ships compiled in.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut m: Model = toml::from_str(crate::embedded::knowledge("pain_monitoring.toml"))
            .unwrap_or_else(|e| panic!("knowledge/pain_monitoring.toml: {e}"));
        let sources = crate::engine::knowledge::get().sources();
        let cited = [&m.zones.src, &m.zones.zones_src, &m.during.src, &m.after.src, &m.next_morning.src, &m.next_morning.baseline_src, &m.weekly.src, &m.missed.src];
        for id in cited {
            crate::engine::knowledge::get().check_cited(id).unwrap_or_else(|e| panic!("knowledge/pain_monitoring.toml {e}"));
        }
        assert!(m.zones.safe_max < m.zones.acceptable_max && m.during.max <= 10 && m.after.max <= 10, "knowledge/pain_monitoring.toml: zones out of order");
        m.citation = sources.iter().find(|s| s.id == m.during.src).map(|s| s.citation.clone()).unwrap_or_default();
        m
    })
}

#[cfg(test)]
mod tests;
