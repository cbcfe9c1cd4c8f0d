//! The weekly review: the pain-score loop run from the log, and training-load warnings.
//!
//! The loop: score the pain out of 10 at one key moment, cut one load parameter (distance, time
//! or hills), hold it for a week and score again. A drop of at least `on_track_drop` is on track
//! (hold); at `return_at` or less begin a gradual return (`growth_percent` a week); otherwise
//! restrict further. A week with a load warning is never on track: it eases back (`EaseBack`).
//!
//! Load warnings: a run more than `growth_percent` longer than the longest of the previous
//! `window_days` (single-run spike, with its hazard band), and weekly running distance up more
//! than `weekly_rise.percent` on the week before. Every threshold and every sentence is data, with
//! its source: `knowledge/training_load.toml` ([`knowledge()`]); this module only compares and
//! fills in the week's figures.
//!
//! By concern: the week's figures (`week_figures.rs`: key-moment pain, running load), the
//! weekly decision (`verdict.rs`), the load warnings (`load_warnings.rs`), Silbernagel's
//! pain-monitoring model (`pain_monitoring.rs`) and the thresholds and sentences
//! (`knowledge.rs`); this file puts them together into one [`WeeklyReview`].
//!
//! [`review_week`] is pure (the log in, the review out); [`weekly_review`] loads the log for it.
//! Both take the runner's [`Units`]: the sentences speak them, the numeric fields stay in km.

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::entries::{self, PainEntry};
use super::sessions::{self, Session};
use super::{IsoWeek, LogError};
use crate::settings::Units;

mod knowledge;
mod load_warnings;
pub mod pain_monitoring;
mod verdict;
mod week_figures;

pub use knowledge::{fill, knowledge, TrainingLoad};
pub use load_warnings::{LoadWarning, WarningKind};
pub use verdict::{Advice, LoadParameter, Verdict};
pub use week_figures::{WeekLoad, WeekPain};

use week_figures::{key_moment, round1, week_load, week_pain};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeeklyReview {
    pub week: IsoWeek,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The key moment compared (the one most scored across the two weeks); `None` with no scores,
    /// and `Some("")` when the scores did not say.
    pub key_moment: Option<String>,
    pub pain: Option<WeekPain>,
    pub previous_pain: Option<WeekPain>,
    /// This week's mean minus last week's (negative is better).
    pub change: Option<f64>,
    pub advice: Advice,
    pub load: WeekLoad,
    pub previous_load: WeekLoad,
    pub warnings: Vec<LoadWarning>,
    /// What the log was too thin to judge, in plain words.
    pub not_judged: Vec<String>,
    /// The scores tied to runs, read with Silbernagel's pain-monitoring model.
    pub pain_monitoring: pain_monitoring::WeekMonitoring,
    pub when_to_seek_care: String,
}

/// Loads what the review needs from the store and reviews `week` (days are the person's local
/// days), its sentences in `units`.
pub fn weekly_review(conn: &Connection, profile_id: i64, week: IsoWeek, units: Units) -> Result<WeeklyReview, LogError> {
    // Offsets reach 18 h either side of UTC, so a day's margin catches every local day in range.
    let start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    let end = start(week.sunday()) + Duration::days(2);
    let model = pain_monitoring::model();
    // A run's next-morning score may come days late: the app asks for a missed one up to
    // `ask_within_days` after the run, so a Sunday run's can be entered on the Wednesday. The
    // week's runs are read with those scores too (the week's pain figures filter by date).
    let pain_end = end + Duration::days(model.missed.ask_within_days);
    let pain = entries::between(conn, profile_id, start(week.previous().monday()) - Duration::days(model.next_morning.baseline_days + 1), pain_end)?;
    let runs_from = start(week.monday()) - Duration::days(knowledge().spike.window_days + 2);
    let sessions = sessions::between(conn, profile_id, runs_from, end)?;
    Ok(review_week(&pain, &sessions, week, units))
}

/// Reviews `week` from the pain scores of that week and the one before, and the sessions of the
/// 30 days before it and the week itself (more is fine: it is filtered by date). Distances in the
/// sentences are in `units`; the verdict and the numeric fields do not depend on them.
pub fn review_week(pain: &[PainEntry], sessions: &[Session], week: IsoWeek, units: Units) -> WeeklyReview {
    let prev = week.previous();
    let this_scores: Vec<&PainEntry> = pain.iter().filter(|e| week.contains(e.recorded_at.date_naive())).collect();
    let prev_scores: Vec<&PainEntry> = pain.iter().filter(|e| prev.contains(e.recorded_at.date_naive())).collect();
    let key_moment = key_moment(&this_scores, &prev_scores);
    let summarize = |scores: &[&PainEntry]| key_moment.as_deref().and_then(|m| week_pain(scores, m));
    let (now_pain, prev_pain) = (summarize(&this_scores), summarize(&prev_scores));
    let change = match (&now_pain, &prev_pain) {
        (Some(a), Some(b)) => Some(round1(a.mean - b.mean)),
        _ => None,
    };

    let runs_in = |w: IsoWeek| sessions.iter().filter(move |s| w.contains(s.started_at.date_naive()));
    let load = week_load(runs_in(week));
    let previous_load = week_load(runs_in(prev));

    let mut not_judged = Vec::new();
    if now_pain.is_some() && prev_pain.is_none() && !prev_scores.is_empty() {
        not_judged.push(format!(
            "pain change: last week's scores were taken at another moment than \"{}\", so they are not compared",
            key_moment.as_deref().unwrap_or_default()
        ));
    }
    let advice = verdict::advise(now_pain.as_ref(), prev_pain.as_ref(), &load, &previous_load, units, &mut not_judged);
    let warnings = load_warnings::warnings(sessions, week, units, &mut not_judged);
    let advice = verdict::ease_back_after_a_jump(advice, &warnings, &previous_load, units);

    WeeklyReview {
        week,
        starts_on: week.monday(),
        ends_on: week.sunday(),
        key_moment,
        pain: now_pain,
        previous_pain: prev_pain,
        change,
        advice,
        load,
        previous_load,
        warnings,
        not_judged,
        pain_monitoring: pain_monitoring::review(pain, sessions, week, units),
        when_to_seek_care: knowledge().words.when_to_seek_care.clone(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
