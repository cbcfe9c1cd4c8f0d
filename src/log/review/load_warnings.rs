//! The training-load warnings: a run more than `growth_percent` longer than the longest of the
//! previous `window_days` (single-run spike, with its hazard band), and weekly running distance
//! up more than `weekly_rise.percent` on the week before. Thresholds and sentences come from
//! `knowledge/training_load.toml`; this module only compares whole metres and fills in, and
//! never decides the week's verdict (that is `verdict.rs`, which reads these warnings).

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::knowledge::{fill, knowledge};
use super::week_figures::round1;
use crate::log::sessions::{Session, Sport};
use crate::log::IsoWeek;
use crate::settings::Units;

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

/// The week's load warnings: single-run spikes, then the weekly distance jump on last week. What
/// the log was too thin to compare is added to `not_judged`.
pub(super) fn warnings(sessions: &[Session], week: IsoWeek, units: Units, not_judged: &mut Vec<String>) -> Vec<LoadWarning> {
    let mut warnings = spikes(sessions, week, units, not_judged);
    let running_metres = |w: IsoWeek| {
        metres(sessions.iter().filter(|s| w.contains(s.started_at.date_naive())).filter(|s| s.sport == Sport::Running).filter_map(|s| s.distance_m).sum())
    };
    warnings.extend(weekly_jump(running_metres(week), running_metres(week.previous()), units, not_judged));
    warnings
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
                        ("day", &crate::log::day(run.started_at.date_naive())),
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

