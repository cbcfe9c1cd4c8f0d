//! Management plans: what to do next for an assessment, from the first 48 hours to a full return
//! to running, built from condition knowledge (`knowledge/plans/*.toml`) and the exercise library.
//!
//! [`plan`] builds the plan for an [`Assessment`](crate::engine::Assessment); [`tweak_plan`] is
//! the protocol for a recurrence. [`text::render`] writes either for people. [`today::today`]
//! turns a plan and the runner's log into one answer about running today.

mod build;
mod citations;
pub mod confirmed;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod knowledge;
pub mod text;
pub mod today;
pub mod week;
mod tweak;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::engine::{ConditionId, Triage};
use crate::exercises::Prescription;

pub use build::plan;
pub use citations::{mark, marks};
pub use confirmed::{plan_confirmed, plan_of, ConfirmedCause};
pub use today::{today, today_from_log, RunToday, Today};
pub use week::{week, week_from_log, WeekCalendar};
pub use tweak::{tweak_plan, tweak_today};

/// The sections of a plan. A plan lists them in this order; `Care` leads only when the triage is
/// urgent or an emergency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Where to go and how fast, for urgent and emergency triage.
    Care,
    /// What to do now (for acute injuries, the first 48 hours).
    Now,
    /// The signs that should send the person to care, and how fast.
    SafetyNet,
    /// The weekly pain-score loop and what to cut.
    LoadModification,
    /// A phased programme of library exercises.
    Rehab,
    /// Taping, inserts, shoes: each for the cause it serves.
    Support,
    /// Which scan answers which question, and when one is warranted.
    Imaging,
    /// Expected recovery time.
    Recovery,
    /// Criteria and steps back to running.
    ReturnToRun,
}

impl SectionKind {
    /// Every section an assessment's plan has, in order, after `Care`.
    pub const ORDER: [SectionKind; 8] = [
        SectionKind::Now,
        SectionKind::SafetyNet,
        SectionKind::LoadModification,
        SectionKind::Rehab,
        SectionKind::Support,
        SectionKind::Imaging,
        SectionKind::Recovery,
        SectionKind::ReturnToRun,
    ];

    pub fn title(self) -> &'static str {
        match self {
            SectionKind::Care => "Get care",
            SectionKind::Now => "What to do now",
            SectionKind::SafetyNet => "When to seek care",
            SectionKind::LoadModification => "Adjust your training",
            SectionKind::Rehab => "Rehab exercises",
            SectionKind::Support => "Support: tape, inserts, shoes",
            SectionKind::Imaging => "Scans",
            SectionKind::Recovery => "Expected recovery",
            SectionKind::ReturnToRun => "Return to running",
        }
    }
}

/// One piece of advice with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Item {
    pub text: String,
    /// A time point ("Day 3") or a label ("Ultrasound") the text belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
    /// How fast to act when this is a warning sign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub act: Option<Triage>,
    /// The condition it is about, when the plan covers more than one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub condition: Option<ConditionId>,
    /// The published citation(s) behind it; empty when it follows from the assessment itself
    /// (its triage, red flags or differential), which cites nothing.
    pub source: String,
    /// The number of `source` in the plan's source list (`Plan::sources`, from 1); none when it
    /// cites nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cite: Option<usize>,
    /// What the app opens from this item (a button beside it); the text never names a command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub opens: Option<Opens>,
}

/// Something an item's button opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Opens {
    /// The protocol for a calf that flares up again (`tweak_plan`).
    RecurrenceProtocol,
}

/// Why running stops, and until when: the one running answer a plan gives when it stops running.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RunningStop {
    /// The condition that stops it (the most likely cause, or one still to rule out).
    pub condition: ConditionId,
    pub role: Role,
    /// "a physiotherapist or doctor has examined the shin ...": who decides, and how soon.
    pub until: String,
    pub source: String,
}

/// A phase of the plan that stops running for its first days (the knowledge's `stops_running`):
/// the Today card says don't run until it ends, then gives the weekly loop's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RunningPause {
    /// The phase: "First 48 hours", "Settle (weeks 0-2)".
    pub phase: String,
    pub why: String,
    /// The phase ends this many days after the injury.
    pub days: u32,
    pub source: String,
}

/// A library exercise as a plan prescribes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlannedExercise {
    /// The library id (`soleus exercises show ID`).
    pub id: String,
    pub name: String,
    pub prescription: Prescription,
    /// The prescription in words, without its note (`Prescription::dose`): the one wording of a
    /// dose, which the app shows as it is.
    pub dose: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    /// The exercise's published sources (`Exercise::sources`), which the plan numbers with the
    /// rest of its sources, one number per publication.
    pub sources: Vec<String>,
    /// Their numbers in the plan's source list, in order, each once: the marks shown beside it.
    #[serde(default)]
    pub cites: Vec<usize>,
}

/// One phase of a rehab programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RehabPhase {
    pub name: String,
    pub goal: String,
    pub exercises: Vec<PlannedExercise>,
    /// What must be true before moving to the next phase.
    pub progress_when: Vec<String>,
    pub source: String,
    /// The number of `source` in the plan's source list; none when it cites nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cite: Option<usize>,
    /// The return-to-run stage whose exit criteria, once met by the runner's recorded tests, let
    /// the calendar leave this phase (`plans::week`); none: time alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exit_stage: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Section {
    pub kind: SectionKind,
    pub title: String,
    /// Why this section's usual content is withheld (rehab under urgent or emergency triage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub held_back: Option<String>,
    pub items: Vec<Item>,
    /// Rehab only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<RehabPhase>,
}

/// Why a condition is in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The most likely cause: the plan is built for it.
    Top,
    /// A serious cause that is still open: its warning signs and tests are included.
    StillOpen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanCondition {
    pub condition: ConditionId,
    pub name: String,
    pub probability: f64,
    pub role: Role,
    /// What it is, in plain words.
    pub about: String,
}

/// A management plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Plan {
    pub title: String,
    pub triage: Triage,
    /// What the triage means, in plain words: said first for urgent and emergency triage.
    pub triage_advice: String,
    /// The top condition first, then the serious ones still open.
    pub conditions: Vec<PlanCondition>,
    pub sections: Vec<Section>,
    /// Set when the plan stops running (outside urgent care, which stops it anyway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub running_stop: Option<RunningStop>,
    /// The plan's phases that stop running for their first days, counted from the injury.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub running_pauses: Vec<RunningPause>,
    /// The day of the injury: the check's day less its days since onset (`Plan::dated`). `None`
    /// for a plan not yet tied to a check: its pauses then count from the day asked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub injured_on: Option<chrono::NaiveDate>,
    /// What must be true before the first run, when the most likely cause's plan says "no running
    /// until" it ("you walk without a limp ..."): the Today card's running answers lead with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub runs_once: Option<String>,
    /// The running parameter the most likely cause's plan cuts first, when it runs at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cut_first: Option<crate::log::review::LoadParameter>,
    /// Set once a clinician has confirmed the cause (`confirmed::plan_confirmed`); until then the
    /// title reads "If this is: ...".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub confirmed: Option<ConfirmedCause>,
    /// The sources the plan cites, each once, in order of first use (items, then each rehab phase
    /// and its exercises, section by section); source `n` is at index `n - 1`. Numbered once, by
    /// [`Plan::numbered`]: the window, the text plan and both reports show these numbers.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Not a diagnosis; when to seek care. Always present.
    pub disclaimer: String,
}

impl Plan {
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The plan of a check made on `checked_on`, `days_since_onset` after the injury when that was
    /// answered (else the check's day is taken as the injury's, which keeps a pause at its longest).
    pub fn dated(mut self, checked_on: chrono::NaiveDate, days_since_onset: Option<u32>) -> Plan {
        self.injured_on = Some(checked_on - chrono::Duration::days(i64::from(days_since_onset.unwrap_or(0))));
        self
    }

    /// The pause that stops running on `date`, and the day it ends (the first day running may
    /// restart): the one ending last when several apply.
    pub fn pause_on(&self, date: chrono::NaiveDate) -> Option<(&RunningPause, chrono::NaiveDate)> {
        let injured = self.injured_on.unwrap_or(date);
        self.running_pauses
            .iter()
            .map(|p| (p, injured + chrono::Duration::days(i64::from(p.days))))
            .filter(|(_, ends)| date < *ends)
            .max_by_key(|(_, ends)| *ends)
    }

    /// Every exercise the plan prescribes, in order.
    pub fn exercises(&self) -> impl Iterator<Item = &PlannedExercise> {
        self.sections.iter().flat_map(|s| s.phases.iter().flat_map(|p| p.exercises.iter()))
    }

    /// The display name of a condition the plan covers, or the id itself if it covers none.
    pub fn condition_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.conditions.iter().find(|pc| pc.condition == id).map_or(id, |pc| pc.name.as_str())
    }
}
