//! Where the runner is on the way back to running: each criterion of the plan's protocol met,
//! not met or not yet tested (from the latest record of its measure), the stage they are in,
//! what unlocks the next step, and the walk-run ladder once the last stage is passed. Pure: the
//! plan, the records and the day come in; the window shows what comes out and decides nothing.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::knowledge::{self, CriterionSpec, InstrumentSpec, Measure, Protocol};
use super::records::{FunctionalTest, OutcomeScore};
use crate::engine::{ConditionId, Triage};
use crate::log::review::fill;
use crate::plans::{knowledge::cite, Plan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CriterionVerdict {
    Met,
    NotMet,
    /// No record holds this measure yet.
    NotTested,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CriterionView {
    pub measure: Measure,
    /// The criterion in words: "At least 30 single-leg calf raises on each leg".
    pub text: String,
    pub verdict: CriterionVerdict,
    /// What the latest record of this measure found, in words ("22 left, 30 right: 27% apart").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub found: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub tested_on: Option<NaiveDate>,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StageState {
    Passed,
    Current,
    Ahead,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StageView {
    pub name: String,
    pub goal: String,
    pub state: StageState,
    /// What must be met to leave this stage (and so to enter the next).
    pub exit: Vec<CriterionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LadderRule {
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LadderView {
    /// True once every stage is passed and nothing holds running back.
    pub unlocked: bool,
    /// Each step in words, first to last ("Jog 1 min, walk 1 min: 20 minutes in all").
    pub steps: Vec<String>,
    pub rules: Vec<LadderRule>,
    pub source: String,
}

/// The next step and what it takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NextStep {
    /// "Calf strength", or "the walk-run ladder".
    pub to: String,
    /// The criteria still to meet, in words; empty once the ladder is open.
    pub needs: Vec<String>,
    /// One sentence for the runner.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutcomeView {
    pub instrument: InstrumentSpec,
    /// This instrument's scores, oldest first.
    pub scores: Vec<OutcomeScore>,
    /// True when no score is recorded yet or the last one is at least `every_days` old.
    pub due: bool,
    #[ts(type = "string")]
    pub next_due: NaiveDate,
    #[ts(type = "number")]
    pub every_days: u32,
    /// The change from the first score to the latest, in words, with whether it reaches the
    /// instrument's important change; none before two scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub change: Option<String>,
    pub source: String,
    /// Where to get the questionnaire, which Soleus does not ship: "Ask your physio for it, or
    /// find it at https://...".
    pub find_it: String,
}

/// The return to running for one plan and one person's records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnToRun {
    pub condition: ConditionId,
    pub condition_name: String,
    /// The protocol's title ("Calf strain").
    pub protocol: String,
    /// What the tests are for and who decides, naming the cause and the protocol.
    pub caveat: String,
    /// Why the tests cannot unlock running now (the plan stops running, or care comes first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub held: Option<String>,
    pub stages: Vec<StageView>,
    pub next: NextStep,
    pub ladder: LadderView,
    pub outcome: OutcomeView,
}

/// The latest value of a measure in `tests` (oldest first), with its day and what was found.
fn latest(measure: Measure, tests: &[FunctionalTest]) -> Option<(f64, NaiveDate, String)> {
    let pct = |a: f64, b: f64| {
        let (lo, hi) = (a.min(b), a.max(b));
        if hi == 0.0 { 0.0 } else { (hi - lo) / hi * 100.0 }
    };
    tests.iter().rev().find_map(|t| {
        let (value, found) = match measure {
            Measure::WalkPain => t.walk_pain.map(|v| (v as f64, format!("{v}/10")))?,
            Measure::CalfRaisePain => t.calf_raise_pain.map(|v| (v as f64, format!("{v}/10")))?,
            Measure::HopPain => t.hop_pain.map(|v| (v as f64, format!("{v}/10")))?,
            Measure::CalfRaises => {
                let (l, r) = (t.calf_raises_left?, t.calf_raises_right?);
                (l.min(r) as f64, format!("{l} left, {r} right"))
            }
            Measure::CalfRaiseDifference => {
                let (l, r) = (t.calf_raises_left?, t.calf_raises_right?);
                let d = pct(l as f64, r as f64);
                (d, format!("{l} left, {r} right: {}% apart", d.round()))
            }
            Measure::KneeToWallDifference => {
                let (l, r) = (t.knee_to_wall_left_cm?, t.knee_to_wall_right_cm?);
                let d = pct(l, r);
                (d, format!("{l} cm left, {r} cm right: {}% apart", d.round()))
            }
        };
        Some((value, t.tested_on, found))
    })
}

/// The criterion in words, from its measure and bound (so the words cannot disagree with the figure).
fn words(c: &CriterionSpec) -> String {
    let n = c.at_most.or(c.at_least).unwrap_or_default();
    let pain = |doing: &str| if n == 0.0 { format!("No pain {doing} (0/10)") } else { format!("Pain {doing} at most {n}/10") };
    match c.measure {
        Measure::WalkPain => pain("walking"),
        Measure::CalfRaisePain => pain("during single-leg calf raises"),
        Measure::HopPain => pain("hopping on the injured leg"),
        Measure::CalfRaises => format!("At least {n} single-leg calf raises on each leg"),
        Measure::CalfRaiseDifference => format!("Calf raises on the weaker leg within {n}% of the other"),
        Measure::KneeToWallDifference => format!("Knee-to-wall on the weaker leg within {n}% of the other"),
    }
}

/// One criterion judged on the records.
pub fn judge(c: &CriterionSpec, tests: &[FunctionalTest]) -> CriterionView {
    let (verdict, found, tested_on) = match latest(c.measure, tests) {
        None => (CriterionVerdict::NotTested, None, None),
        Some((v, on, found)) => {
            let ok = c.at_most.is_none_or(|m| v <= m) && c.at_least.is_none_or(|m| v >= m);
            (if ok { CriterionVerdict::Met } else { CriterionVerdict::NotMet }, Some(found), Some(on))
        }
    };
    CriterionView { measure: c.measure, text: words(c), verdict, found, tested_on, source: cite(&c.src) }
}

fn held(plan: &Plan) -> Option<String> {
    match plan.triage {
        Triage::Emergency | Triage::Urgent => Some(format!("Not now: {}", plan.triage_advice)),
        _ => plan.running_stop.as_ref().map(|s| format!("No running until {}", s.until.trim_end_matches('.')) + "; the tests below wait until then."),
    }
}

fn ladder(protocol: &Protocol, unlocked: bool) -> LadderView {
    let k = knowledge::get();
    let steps = k
        .ladder
        .steps
        .iter()
        .map(|s| {
            if s.walk_min == 0 {
                format!("Jog {} minutes without walking breaks", s.jog_min)
            } else {
                format!("Jog {} min, walk {} min: {} minutes in all", s.jog_min, s.walk_min, s.session_min)
            }
        })
        .collect();
    let rules = protocol.ladder_rules.iter().map(|r| LadderRule { text: r.text.clone(), source: cite(&r.src) }).collect();
    LadderView { unlocked, steps, rules, source: cite(&k.ladder.src) }
}

/// The outcome scores for a condition's instrument (the default one for any other id, "" too).
pub fn outcome(condition: &str, scores: &[OutcomeScore], today: NaiveDate) -> OutcomeView {
    let k = knowledge::get();
    let instrument = k.instrument_for(condition).clone();
    let scores: Vec<OutcomeScore> = scores.iter().filter(|s| s.instrument == instrument.id).cloned().collect();
    let every = k.outcome.every_days;
    let next_due = scores.last().map_or(today, |s| s.scored_on + Days::new(every.into()));
    let change = match (scores.first(), scores.last()) {
        (Some(first), Some(last)) if scores.len() > 1 => {
            let d = last.score - first.score;
            let sign = if d > 0 { "+" } else { "" };
            let mut s = format!("{sign}{d} points since {}", crate::log::day(first.scored_on));
            if let Some(mic) = instrument.important_change {
                s += &if i64::from(mic) <= d.abs() {
                    format!(", at least the {mic} points that matter to people")
                } else {
                    format!(", less than the {mic} points that matter to people")
                };
            }
            Some(s)
        }
        _ => None,
    };
    let source = cite(&instrument.src);
    let find_it = fill(&k.says.find_it, &[("link", &instrument.link)]);
    OutcomeView { due: next_due <= today, next_due, every_days: every, change, source, find_it, instrument, scores }
}

/// The return to running of the plan's most likely cause, judged on `tests` and `scores` (each
/// oldest first) on `today`. `None` when the plan names no cause.
pub fn progress(plan: &Plan, tests: &[FunctionalTest], scores: &[OutcomeScore], today: NaiveDate) -> Option<ReturnToRun> {
    let top = plan.conditions.first()?;
    let protocol = knowledge::get().protocol_for(&top.condition);
    let held = held(plan);
    let mut current = None;
    let stages: Vec<StageView> = protocol
        .stage
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let exit: Vec<CriterionView> = s.exit.iter().map(|c| judge(c, tests)).collect();
            let state = if current.is_some() {
                StageState::Ahead
            } else if exit.iter().all(|c| c.verdict == CriterionVerdict::Met) {
                StageState::Passed
            } else {
                current = Some(i);
                StageState::Current
            };
            StageView { name: s.name.clone(), goal: s.goal.clone(), state, exit }
        })
        .collect();
    let unlocked = held.is_none() && current.is_none();
    let next = match (&held, current) {
        (Some(why), _) => NextStep { to: "the walk-run ladder".into(), needs: vec![], summary: why.clone() },
        (None, None) => NextStep {
            to: "the walk-run ladder".into(),
            needs: vec![],
            summary: "Every test is met: the walk-run ladder is open. Start at its first step.".into(),
        },
        (None, Some(i)) => {
            let needs: Vec<String> = stages[i].exit.iter().filter(|c| c.verdict != CriterionVerdict::Met).map(|c| c.text.clone()).collect();
            let to = stages.get(i + 1).map_or("the walk-run ladder".to_string(), |s| s.name.clone());
            let untested = stages[i].exit.iter().any(|c| c.verdict == CriterionVerdict::NotTested);
            let summary = format!(
                "To move on to {to}: {}{}",
                needs.iter().map(|n| lower_first(n)).collect::<Vec<_>>().join("; "),
                if untested { ". Record the tests not yet done." } else { "." }
            );
            NextStep { to, needs, summary }
        }
    };
    Some(ReturnToRun {
        condition: top.condition.clone(),
        condition_name: top.name.clone(),
        protocol: protocol.title.clone(),
        caveat: fill(&knowledge::get().says.caveat, &[("condition", &top.name), ("protocol", &protocol.title.to_lowercase())]),
        held,
        ladder: ladder(protocol, unlocked),
        outcome: outcome(&top.condition, scores, today),
        stages,
        next,
    })
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_lowercase().chain(c).collect())
}

#[cfg(test)]
mod tests;
