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
//! [`review_week`] is pure (the log in, the review out); [`weekly_review`] loads the log for it.
//! Both take the runner's [`Units`]: the sentences speak them, the numeric fields stay in km.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::entries::{self, PainEntry};
use super::sessions::{self, Session, Sport};
use super::{IsoWeek, LogError};
use crate::settings::Units;

mod knowledge;
pub mod pain_monitoring;

pub use knowledge::{fill, knowledge, TrainingLoad};

/// What to do next week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Pain at the return line or below: build load back up, a little each week.
    BeginReturn,
    /// Pain dropped by at least the on-track drop: keep the same reduced load another week.
    Hold,
    /// Pain dropped, or is low, but the load jumped this week: go back to last week's load
    /// before building again (never "on track" in a week with a load warning).
    EaseBack,
    /// Pain did not drop that much: cut a load parameter further.
    RestrictFurther,
    /// Scores this week but none the week before: this week is the baseline.
    Baseline,
    /// No score this week: nothing to judge.
    NotEnoughData,
}

/// The load parameter to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LoadParameter {
    Distance,
    Time,
    Elevation,
}

impl LoadParameter {
    fn words(self) -> &'static str {
        match self {
            LoadParameter::Distance => "distance",
            LoadParameter::Time => "running time",
            LoadParameter::Elevation => "hills (elevation gain)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Advice {
    pub verdict: Verdict,
    /// For `RestrictFurther` and `Baseline`: the parameter to cut, when the log can tell.
    pub parameter: Option<LoadParameter>,
    pub headline: String,
    pub detail: String,
    /// For `BeginReturn`: next week's running distance at the growth rate, when this week's is known.
    pub next_week_distance_km: Option<f64>,
}

/// A week's key-moment pain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekPain {
    /// Mean of the week's key-moment scores, to one decimal.
    pub mean: f64,
    pub scores: u32,
    pub lowest: u8,
    pub highest: u8,
}

/// A week's running (the load the loop manages), and how many other sessions there were.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekLoad {
    pub runs: u32,
    pub distance_km: f64,
    pub duration_min: f64,
    pub elevation_gain_m: f64,
    pub other_sessions: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A run longer than the longest of the previous days by more than the growth rate.
    LongRunSpike,
    /// Weekly running distance up more than the weekly rise on the week before.
    WeeklyDistanceJump,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LoadWarning {
    pub kind: WarningKind,
    /// How much longer (the run) or higher (the week), in percent.
    pub percent_over: f64,
    /// The run that spiked, for `LongRunSpike`.
    #[ts(type = "string | null")]
    pub session_started_at: Option<DateTime<FixedOffset>>,
    pub message: String,
}

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
    let baseline = pain_monitoring::model().next_morning.baseline_days;
    let pain = entries::between(conn, profile_id, start(week.previous().monday()) - Duration::days(baseline + 1), end)?;
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
    let advice = advise(now_pain.as_ref(), prev_pain.as_ref(), &load, &previous_load, units, &mut not_judged);
    let mut warnings = spikes(sessions, week, units, &mut not_judged);
    let running_metres = |w: IsoWeek| metres(runs_in(w).filter(|s| s.sport == Sport::Running).filter_map(|s| s.distance_m).sum());
    warnings.extend(weekly_jump(running_metres(week), running_metres(prev), units, &mut not_judged));
    let advice = ease_back_after_a_jump(advice, &warnings, &previous_load, units);

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

/// The moment to compare: like with like. Prefer moments scored in both weeks, else this week's;
/// among those the most scored, ties going to the most recently used.
fn key_moment(this: &[&PainEntry], prev: &[&PainEntry]) -> Option<String> {
    let mut count: HashMap<&str, (usize, DateTime<FixedOffset>)> = HashMap::new();
    for e in this.iter().chain(prev) {
        let c = count.entry(e.moment.as_str()).or_insert((0, e.recorded_at));
        c.0 += 1;
        c.1 = c.1.max(e.recorded_at);
    }
    let in_both = |m: &str| this.iter().any(|e| e.moment == m) && prev.iter().any(|e| e.moment == m);
    let in_this = |m: &str| this.iter().any(|e| e.moment == m);
    let pick = |keep: &dyn Fn(&str) -> bool| {
        count.iter().filter(|(m, _)| keep(m)).max_by_key(|(_, (n, last))| (*n, *last)).map(|(m, _)| m.to_string())
    };
    pick(&in_both).or_else(|| pick(&in_this)).or_else(|| pick(&|_| true))
}

fn week_pain(scores: &[&PainEntry], moment: &str) -> Option<WeekPain> {
    let at: Vec<u8> = scores.iter().filter(|e| e.moment == moment).map(|e| e.score).collect();
    if at.is_empty() {
        return None;
    }
    let sum: u32 = at.iter().map(|&s| u32::from(s)).sum();
    Some(WeekPain {
        mean: round1(f64::from(sum) / at.len() as f64),
        scores: at.len() as u32,
        lowest: *at.iter().min().expect("not empty"),
        highest: *at.iter().max().expect("not empty"),
    })
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn week_load<'a>(sessions: impl Iterator<Item = &'a Session>) -> WeekLoad {
    let mut load = WeekLoad::default();
    for s in sessions {
        if s.sport != Sport::Running {
            load.other_sessions += 1;
            continue;
        }
        load.runs += 1;
        load.distance_km += s.distance_m.unwrap_or(0.0) / 1000.0;
        load.duration_min += s.duration_s.unwrap_or(0.0) / 60.0;
        load.elevation_gain_m += s.elevation_gain_m.unwrap_or(0.0);
    }
    load.distance_km = round1(load.distance_km);
    load.duration_min = round1(load.duration_min);
    load.elevation_gain_m = load.elevation_gain_m.round();
    load
}

/// The parameter to cut: the one that grew most on last week (the likeliest provocation); when
/// none grew, distance (the easiest to control), else time; with no runs logged, none.
fn parameter_to_cut(load: &WeekLoad, prev: &WeekLoad, units: Units) -> (Option<LoadParameter>, String) {
    if load.runs == 0 {
        return (None, "no runs are logged this week, so the log cannot tell which to cut".into());
    }
    let growth = |now: f64, before: f64| (before > 0.0 && now > before).then(|| (now - before) / before);
    let grown = [
        (LoadParameter::Distance, growth(load.distance_km, prev.distance_km)),
        (LoadParameter::Time, growth(load.duration_min, prev.duration_min)),
        (LoadParameter::Elevation, growth(load.elevation_gain_m, prev.elevation_gain_m)),
    ];
    let most = grown.iter().filter_map(|(p, g)| g.map(|g| (*p, g))).max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((p, g)) = most {
        return (Some(p), format!("your {} grew most on last week (+{:.0}%)", p.words(), g * 100.0));
    }
    if load.distance_km > 0.0 {
        (Some(LoadParameter::Distance), format!("your load did not grow, so cut distance, the easiest to control (this week {})", units.distance(load.distance_km)))
    } else if load.duration_min > 0.0 {
        (Some(LoadParameter::Time), format!("your runs have no distance recorded, so cut running time (this week {:.0} min)", load.duration_min))
    } else {
        (None, "your runs have neither distance nor time recorded".into())
    }
}

fn advise(
    now: Option<&WeekPain>,
    prev: Option<&WeekPain>,
    load: &WeekLoad,
    prev_load: &WeekLoad,
    units: Units,
    not_judged: &mut Vec<String>,
) -> Advice {
    let k = knowledge();
    let w = &k.words;
    let advice = |verdict, parameter, said: &knowledge::Said, values: &[(&str, &str)]| Advice {
        verdict,
        parameter,
        headline: fill(&said.headline, values),
        detail: fill(&said.detail, values),
        next_week_distance_km: None,
    };
    let Some(now) = now else {
        not_judged.push("pain: no score this week".into());
        return advice(Verdict::NotEnoughData, None, &w.no_score, &[]);
    };
    let mean = format!("{:.1}", now.mean);
    if now.mean <= k.weekly_loop.return_at {
        let next = (load.distance_km > 0.0).then(|| round1(load.distance_km * (100 + k.growth_percent()) as f64 / 100.0));
        let example = next.map(|km| fill(&w.begin_return.example, &[("distance", &units.distance(km))])).unwrap_or_default();
        return Advice {
            next_week_distance_km: next,
            ..advice(Verdict::BeginReturn, None, &w.begin_return.said, &[("mean", &mean), ("example", &example)])
        };
    }
    let (parameter, why) = parameter_to_cut(load, prev_load, units);
    let cut = parameter.map(LoadParameter::words).unwrap_or("distance, running time or hills");
    let Some(prev) = prev else {
        if !not_judged.iter().any(|n| n.starts_with("pain change")) {
            not_judged.push("pain change: no score last week to compare with".into());
        }
        return advice(Verdict::Baseline, parameter, &w.baseline, &[("mean", &mean), ("cut", cut), ("why", &why)]);
    };
    let drop = round1(prev.mean - now.mean);
    let previous = format!("{:.1}", prev.mean);
    if drop >= k.weekly_loop.on_track_drop {
        return advice(Verdict::Hold, None, &w.hold, &[("drop", &format!("{drop:.1}")), ("previous", &previous), ("mean", &mean)]);
    }
    let change = if drop > 0.0 { format!("dropped by only {drop:.1}") } else if drop == 0.0 { "did not change".into() } else { format!("rose by {:.1}", -drop) };
    let rising = if drop < 0.0 { w.restrict.rising.as_str() } else { "" };
    let values = [("change", change.as_str()), ("previous", &previous), ("mean", &mean), ("cut", cut), ("why", &why), ("rising", rising)];
    advice(Verdict::RestrictFurther, parameter, &w.restrict.said, &values)
}

/// A week with a load warning is never "on track" nor a time to add more: whatever the pain did,
/// the advice is to go back to last week's load first (pain lags behind load).
fn ease_back_after_a_jump(advice: Advice, warnings: &[LoadWarning], previous_load: &WeekLoad, units: Units) -> Advice {
    if warnings.is_empty() || !matches!(advice.verdict, Verdict::Hold | Verdict::BeginReturn) {
        return advice;
    }
    let pain = match advice.verdict {
        Verdict::Hold => "Pain is falling",
        _ => "Pain is low",
    };
    let what = if warnings.iter().any(|w| w.kind == WarningKind::WeeklyDistanceJump) { "your running distance jumped this week" } else { "a run was much longer than usual" };
    let back_to = (previous_load.distance_km > 0.0).then_some(previous_load.distance_km);
    let target = back_to.map(|km| format!(" (last week: {})", units.distance(km))).unwrap_or_default();
    let said = &knowledge().words.ease_back;
    let values = [("pain", pain), ("what", what), ("target", target.as_str())];
    Advice {
        verdict: Verdict::EaseBack,
        parameter: Some(LoadParameter::Distance),
        headline: fill(&said.headline, &values),
        detail: fill(&said.detail, &values),
        next_week_distance_km: back_to,
    }
}

/// Whole metres, so that the percentage edges are compared exactly.
fn metres(m: f64) -> i64 {
    m.round() as i64
}

fn grew_more_than(percent: i64, now_m: i64, before_m: i64) -> bool {
    before_m > 0 && now_m * 100 > before_m * (100 + percent)
}

fn spikes(sessions: &[Session], week: IsoWeek, units: Units, not_judged: &mut Vec<String>) -> Vec<LoadWarning> {
    let k = knowledge();
    let (window, growth) = (k.spike.window_days, k.growth_percent());
    let runs: Vec<&Session> = sessions.iter().filter(|s| s.sport == Sport::Running && s.distance_m.is_some()).collect();
    let mut warnings = Vec::new();
    let mut uncompared = 0;
    for run in runs.iter().filter(|s| week.contains(s.started_at.date_naive())) {
        let start = run.started_at.with_timezone(&Utc);
        let longest = runs
            .iter()
            .filter(|s| {
                let t = s.started_at.with_timezone(&Utc);
                t < start && t >= start - Duration::days(window)
            })
            .filter_map(|s| s.distance_m)
            .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.max(d))));
        let Some(longest) = longest else {
            uncompared += 1;
            continue;
        };
        let distance = run.distance_m.expect("filtered");
        if grew_more_than(growth, metres(distance), metres(longest)) {
            let percent = round1((distance / longest - 1.0) * 100.0);
            warnings.push(LoadWarning {
                kind: WarningKind::LongRunSpike,
                percent_over: percent,
                session_started_at: Some(run.started_at),
                message: fill(
                    &k.words.spike.message,
                    &[
                        ("distance", &units.distance(distance / 1000.0)),
                        ("day", &super::day(run.started_at.date_naive())),
                        ("percent", &format!("{percent:.0}")),
                        ("longest", &units.distance(longest / 1000.0)),
                        ("hazard", &format!("{:.2}", k.hazard(percent))),
                    ],
                ),
            });
        }
    }
    if uncompared > 0 {
        not_judged.push(format!(
            "long-run spike: {uncompared} run(s) this week had no run in the {window} days before to compare with"
        ));
    }
    warnings
}

fn weekly_jump(now_m: i64, before_m: i64, units: Units, not_judged: &mut Vec<String>) -> Option<LoadWarning> {
    if now_m > 0 && before_m == 0 {
        not_judged.push("weekly distance: no running distance logged last week to compare with".into());
        return None;
    }
    grew_more_than(knowledge().weekly_rise.percent, now_m, before_m).then(|| {
        let percent = round1((now_m as f64 / before_m as f64 - 1.0) * 100.0);
        LoadWarning {
            kind: WarningKind::WeeklyDistanceJump,
            percent_over: percent,
            session_started_at: None,
            message: fill(
                &knowledge().words.weekly_rise.message,
                &[
                    ("distance", &units.distance(now_m as f64 / 1000.0)),
                    ("percent", &format!("{percent:.0}")),
                    ("previous", &units.distance(before_m as f64 / 1000.0)),
                ],
            ),
        }
    })
}

#[cfg(test)]
pub(crate) mod tests;
