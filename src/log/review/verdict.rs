//! The weekly decision (the verdict): from this week's and last week's key-moment pain and
//! running load, what to do next week and which load parameter to cut. A week with a load
//! warning is never on track ([`ease_back_after_a_jump`]). Thresholds and sentences come from
//! `knowledge/training_load.toml`; this module compares and fills in, and never reads the store.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::knowledge::{self, fill, knowledge};
use super::load_warnings::{LoadWarning, WarningKind};
use super::week_figures::{round1, WeekLoad, WeekPain};
use crate::settings::Units;

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

pub(super) fn advise(
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
pub(super) fn ease_back_after_a_jump(advice: Advice, warnings: &[LoadWarning], previous_load: &WeekLoad, units: Units) -> Advice {
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
