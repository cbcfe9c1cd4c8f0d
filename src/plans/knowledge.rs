//! The plans' knowledge: one file per condition (`knowledge/plans/<condition>.toml`) and the
//! content every plan shares (`knowledge/plans/common.toml`), compiled in and parsed once.
//! Every fact carries its source: in the files, `source` names ids of `knowledge/sources.toml`
//! ("warden2014" or "warden2014, milgrom2021"); at load each is checked and replaced by its
//! published citation, so a plan never shows an internal label.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::exercises::Prescription;

/// A fact and where it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// A name to pick it by, where code or another entry refers to it (the weekly loop's steps).
    #[serde(default)]
    pub id: Option<String>,
    pub text: String,
    pub source: String,
}

/// A sign that should send the person to care, and how fast.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    pub sign: String,
    /// "emergency", "urgent" or "clinician" (a triage id).
    pub act: crate::engine::Triage,
    pub source: String,
    /// Conditions whose own, more specific signs replace this general one when they are in the
    /// plan (so the same warning is not listed twice).
    #[serde(default)]
    pub covered_by: Vec<String>,
}

/// The running parameter to cut first in the weekly pain-score loop (seed 000, step 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadParameter {
    Distance,
    Time,
    Elevation,
    /// No running at all until the condition is dealt with.
    Stop,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Load {
    pub parameter: LoadParameter,
    /// Why that parameter, and what else to change for this condition.
    pub text: String,
    /// What must be true before the first run ("you walk without a limp ..."), when `text` says
    /// "no running until" it: the Today card's running answers say so first. Cited by `source`.
    #[serde(default)]
    pub runs_once: Option<String>,
    /// What to do instead of running meanwhile; empty when nothing is advised.
    pub cross_training: String,
    pub source: String,
}

/// An exercise named by a rehab phase, with an optional dose that replaces the library's.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ExerciseRef {
    Id(String),
    Dosed {
        id: String,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        prescription: Option<Prescription>,
    },
}

impl ExerciseRef {
    pub fn id(&self) -> &str {
        match self {
            ExerciseRef::Id(id) | ExerciseRef::Dosed { id, .. } => id,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseSpec {
    pub name: String,
    pub goal: String,
    pub exercises: Vec<ExerciseRef>,
    pub progress_when: Vec<String>,
    pub source: String,
    /// The stage of this condition's return-to-run protocol (`knowledge/return_to_run.toml`)
    /// whose exit criteria let the runner leave this phase; checked at load to exist for the
    /// condition. Without it the phase is left by time alone.
    #[serde(default)]
    pub exit_stage: Option<String>,
    /// Present when this phase stops running: the Today card then says don't run until it ends.
    #[serde(default)]
    pub stops_running: Option<PhaseStop>,
}

/// A phase of a plan during which running stops, counted from the day of the injury: a field of
/// the knowledge, never read from a phase's title or text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseStop {
    /// The phase ends this many days after the injury (2 for the first 48 hours).
    pub days: u32,
    /// Why running waits, in one sentence the Today card shows.
    pub why: String,
    pub source: String,
}

/// The first 48 hours after a sudden injury as a phase: it stops running (first_48_hours says
/// "no running"), so the Today card says so until it ends.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstPhase {
    pub name: String,
    pub stops_running: PhaseStop,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportSpec {
    /// The support: taping, a heel insert, shoes, a brace, a boot... or "None" when nothing
    /// applied to the leg helps (the text says why).
    pub item: String,
    /// The cause it serves; it is offered for nothing else.
    pub for_cause: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scan {
    pub scan: String,
    /// The question this scan answers for this condition.
    pub question: String,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Imaging {
    /// When a scan is warranted at all for this condition.
    pub warranted: String,
    pub scans: Vec<Scan>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    pub text: String,
    /// Typical range in weeks, shortest and longest.
    pub weeks: [u32; 2],
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnToRun {
    pub criteria: Vec<String>,
    pub text: String,
    pub source: String,
}

/// Everything a plan says about one condition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionPlan {
    pub id: String,
    /// A sudden injury that gets the first-48-hours protection, ice, compression and elevation.
    pub acute: bool,
    /// False when exercises must come from the treating clinician (rupture, clot, compartment
    /// syndrome, artery entrapment): the plan then outlines the rehab but names no exercises.
    pub self_rehab: bool,
    /// Listed in a plan whenever it is still open in the differential, even if not the top.
    pub serious: bool,
    /// (serious conditions) The probability at or above which it is "still open": its warning
    /// signs, precautions and tests go into the plan even when it is not the most likely cause.
    #[serde(default)]
    pub still_open_at: Option<f64>,
    /// The source id (sources.toml) of `still_open_at`.
    #[serde(default)]
    pub still_open_src: Option<String>,
    /// Ice, compression and raising the leg would harm it (they lower blood flow further): a plan
    /// where it is the top cause or still open gives no first-48-hours ice and compression.
    #[serde(default)]
    pub no_ice_or_compression: bool,
    /// A calf problem that tends to recur: its plan points to the tweak protocol.
    #[serde(default)]
    pub recurs: bool,
    /// What it is, in one or two plain sentences.
    pub about: String,
    pub now: Vec<Fact>,
    /// For a serious condition that is open but not the top: what to do until it is ruled out.
    #[serde(default)]
    pub while_open: Option<Fact>,
    /// Exercise ids left out of another condition's rehab while this one is still open (a
    /// possible rupture rules out stretching and heel drops; a possible fracture, hopping).
    #[serde(default)]
    pub avoid_while_open: Vec<String>,
    /// Present when this condition, top or still open, rules out running until it is dealt with.
    #[serde(default)]
    pub stop_running: Option<StopRunning>,
    pub safety_net: Vec<Sign>,
    pub load: Load,
    pub rehab: Vec<PhaseSpec>,
    pub support: Vec<SupportSpec>,
    pub imaging: Imaging,
    pub recovery: Recovery,
    pub return_to_run: ReturnToRun,
}

/// What every plan shares.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Common {
    /// Protection, ice, compression, elevation and what to avoid in the first 48 hours.
    pub first_48_hours: Vec<Fact>,
    /// The first 48 hours as a phase that stops running, for the Today card.
    pub first_48_hours_phase: FirstPhase,
    /// Seed 000's step 1, the weekly pain-score loop, in order.
    pub load_loop: Vec<Fact>,
    /// Signs that send anyone to care, whatever the cause.
    pub safety_net: Vec<Sign>,
    /// Seed 000: when a scan is warranted at all.
    pub imaging_warranted: Vec<Fact>,
    /// Seed 000, step 3: support only works for its cause.
    pub support_rule: Fact,
    /// Said in place of rehab when the triage is urgent or an emergency.
    pub held_back: Fact,
    /// Where a recurring calf problem's plan points for a flare-up.
    pub if_it_recurs: Fact,
    pub says: Says,
    pub tweak: Tweak,
}

/// What the plan builder says on its own (`[says]`): from the assessment itself, or sourced.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Says {
    /// `{cause}`: a serious cause behind the urgency.
    pub tell_worry: String,
    pub stop_until_seen: String,
    pub no_training_until_seen: String,
    pub unclear_cause: String,
    pub clinician_sets_rehab: String,
    /// `{cause}`, `{exercises}`.
    pub left_out: String,
    pub while_waiting: Fact,
    pub recovery_unknown: Fact,
    /// Under a rehab phase whose exercises a still-open cause has all left out.
    pub phase_waits: String,
    pub today: TodaySays,
}

/// The Today card's words (`[says.today]`); each `{name}` is filled by `plans::today`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TodaySays {
    pub no_run: String,
    pub emergency_headline: String,
    pub emergency_why: String,
    pub urgent_why: String,
    pub urgent_until: String,
    /// `{cause}`: the most likely cause, which stops running.
    pub top_stops: String,
    /// `{cause}`: a still-open cause that stops running.
    pub open_stops: String,
    /// `{until}`: when the cause's stop ends.
    pub stop_until: String,
    /// `{day}`, `{phase}`.
    pub phase_until: String,
    /// `{criterion}`.
    pub runs_once: String,
    pub done_headline: String,
    /// `{done}`.
    pub done_why: String,
    /// `{parameter}`.
    pub no_score_cut: String,
    pub no_score_score: String,
    /// The headlines of a day to run less: cut hills, `{amount}` less, or `{parameter}` cut.
    pub less_flat: String,
    pub less_than_last: String,
    pub less_cut: String,
    /// Holding the load: `{amount}`, or without a last run to name.
    pub same_as_last: String,
    pub same_load: String,
    /// Building back up: `{amount}`, or without a longest run to name.
    pub build_to: String,
    pub build_gently: String,
}

/// Seed 000's protocol for a recurrence ("tweak"), every part by name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tweak {
    pub title: String,
    pub about: String,
    pub source: String,
    /// The weekly loop's steps (ids) to follow if it keeps flaring, and their label.
    pub keeps_flaring: Vec<String>,
    pub keeps_flaring_label: String,
    /// The weekly loop's step (id) that closes the return to running.
    pub return_rule: String,
    pub steps: TweakSteps,
    pub structural_sign: TimedSign,
    pub basic_rehab: PhaseSpec,
    pub test: PhaseSpec,
    pub recovery: TimedFact,
    /// The protocol's Today card: no running for the first days, and until when.
    pub today: TweakToday,
}

/// The protocol's days.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TweakSteps {
    /// Day 0: stop and wait.
    pub stop: TimedFact,
    /// It passed within a day.
    pub passing: TimedFact,
    /// Still there after 3 days: basic rehab.
    pub basic_rehab: TimedFact,
    /// A week on: test it.
    pub test: TimedFact,
    /// Still there after a week: a structural injury.
    pub structural: TimedFact,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimedSign {
    pub sign: String,
    pub when: String,
    pub act: crate::engine::Triage,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TweakToday {
    pub headline: String,
    pub why: String,
    pub until: String,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimedFact {
    pub when: String,
    pub text: String,
    pub source: String,
}

impl Common {
    /// The weekly loop's step named `id`. Every id the code and common.toml use is checked when
    /// common.toml loads, so a renamed step fails at start (in the tests), not in a plan.
    pub fn loop_step(&self, id: &str) -> &Fact {
        self.load_loop.iter().find(|f| f.id.as_deref() == Some(id)).unwrap_or_else(|| panic!("knowledge/plans/common.toml: no load_loop step `{id}`"))
    }
}

/// The weekly loop's steps the plans name in code.
pub const LOOP_START: &str = "find";
pub const LOOP_RETURN: &str = "single_runs";

const CONDITION_FILES: [&str; 19] = [
    "plans/gastrocnemius_strain.toml",
    "plans/soleus_strain.toml",
    "plans/achilles_rupture.toml",
    "plans/achilles_tendinopathy.toml",
    "plans/mtss.toml",
    "plans/tibial_bone_stress.toml",
    "plans/calf_overload.toml",
    "plans/calf_cramp.toml",
    "plans/chronic_exertional_compartment_syndrome.toml",
    "plans/popliteal_artery_entrapment.toml",
    "plans/lumbar_radiculopathy.toml",
    "plans/peripheral_nerve_entrapment.toml",
    "plans/dvt.toml",
    "plans/acute_compartment_syndrome.toml",
    "plans/bakers_cyst.toml",
    "plans/popliteus_injury.toml",
    "plans/posterior_knee_tendinopathy.toml",
    "plans/meniscus_tear.toml",
    "plans/knee_osteoarthritis.toml",
];

/// A condition that stops running, whether it is the most likely cause or still open: until when,
/// and who decides. The plan and the Today card say this instead of any running advice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StopRunning {
    /// Who rules it in or out, and how soon: "until a physiotherapist or doctor has ...".
    pub until: String,
    /// Also when the condition is only still to rule out, not the most likely cause.
    pub also_when_open: bool,
    pub source: String,
}

/// The published citation of `ids` ("warden2014, milgrom2021"), one after another (each ends
/// with its own full stop). Panics on an id
/// missing from sources.toml or not citable: knowledge is checked when it loads.
pub fn cite(ids: &str) -> String {
    let kb = crate::engine::knowledge::get();
    ids.split(',')
        .map(|id| kb.publication(id.trim()).unwrap_or_else(|e| panic!("knowledge/plans cites {e}")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a plans file, every `source` turned from ids into citations.
fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    fn resolve(v: &mut toml::Value) {
        match v {
            toml::Value::Table(t) => {
                for (k, v) in t.iter_mut() {
                    match (k.as_str(), &*v) {
                        ("source", toml::Value::String(ids)) => *v = toml::Value::String(cite(ids)),
                        _ => resolve(v),
                    }
                }
            }
            toml::Value::Array(a) => a.iter_mut().for_each(resolve),
            _ => {}
        }
    }
    let mut value: toml::Value = toml::from_str(text).unwrap_or_else(|e| panic!("knowledge/plans/{name}: {e}"));
    resolve(&mut value);
    value.try_into().unwrap_or_else(|e| panic!("knowledge/plans/{name}: {e}"))
}

/// Every condition's plan knowledge, by condition id.
pub fn conditions() -> &'static HashMap<String, ConditionPlan> {
    static PLANS: OnceLock<HashMap<String, ConditionPlan>> = OnceLock::new();
    PLANS.get_or_init(|| {
        CONDITION_FILES
            .iter()
            .map(|file| {
                let p: ConditionPlan = parse("<condition>.toml", crate::embedded::knowledge(file));
                check_still_open(&p).unwrap_or_else(|e| panic!("knowledge/plans/{}.toml: {e}", p.id));
                (p.id.clone(), p)
            })
            .collect()
    })
}

/// A serious condition says from what probability it is still open, with a source; another
/// condition says nothing (it never enters a plan as still open).
fn check_still_open(p: &ConditionPlan) -> Result<(), String> {
    match (p.serious, p.still_open_at, &p.still_open_src) {
        (true, Some(at), Some(src)) => {
            if !(0.0..1.0).contains(&at) {
                return Err(format!("still_open_at = {at} is not a probability below 1"));
            }
            crate::engine::knowledge::get().check_cited(src).map_err(|e| format!("still_open_src {e}"))?;
            Ok(())
        }
        (true, _, _) => Err("a serious condition needs still_open_at and still_open_src".into()),
        (false, None, None) => Ok(()),
        (false, _, _) => Err("still_open_at is only for a serious condition".into()),
    }
}

pub fn common() -> &'static Common {
    static COMMON: OnceLock<Common> = OnceLock::new();
    COMMON.get_or_init(|| {
        let c: Common = parse("common.toml", crate::embedded::knowledge("plans/common.toml"));
        let t = &c.tweak;
        for id in t.keeps_flaring.iter().map(String::as_str).chain([t.return_rule.as_str(), LOOP_START, LOOP_RETURN]) {
            c.loop_step(id);
        }
        c
    })
}

#[cfg(test)]
mod still_open_tests {
    use super::*;

    #[test]
    fn each_serious_condition_says_from_when_it_is_still_open_and_only_those_do() {
        for p in conditions().values() {
            assert_eq!(p.serious, p.still_open_at.is_some(), "{}", p.id);
        }
        let mut p = conditions()["dvt"].clone();
        p.still_open_src = Some("nobody2020".into());
        assert!(check_still_open(&p).unwrap_err().contains("nobody2020"));
        p.serious = false;
        assert!(check_still_open(&p).unwrap_err().contains("only for a serious"));
    }

    #[test]
    fn the_tweak_protocol_names_loop_steps_that_exist() {
        let c = common();
        assert_eq!(c.loop_step(LOOP_RETURN).id.as_deref(), Some("single_runs"));
        assert!(c.tweak.keeps_flaring.iter().all(|id| c.load_loop.iter().any(|f| f.id.as_deref() == Some(id))));
    }
}
