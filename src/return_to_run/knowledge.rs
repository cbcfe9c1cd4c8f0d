//! `knowledge/return_to_run.toml`: the protocols (stages with exit criteria), the walk-run
//! ladder and the outcome instruments, read once into structs that refuse unknown keys and
//! checked at load (sources, conditions, bounds), so a misspelt key or an unsourced figure stops
//! the build's tests instead of silently changing what unlocks running.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a criterion measures, from the runner's recorded tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Pain 0-10 while walking.
    WalkPain,
    /// Pain 0-10 during single-leg calf raises.
    CalfRaisePain,
    /// Pain 0-10 while hopping on the injured leg.
    HopPain,
    /// Single-leg calf raises to fatigue, the weaker leg's count.
    CalfRaises,
    /// How far the weaker leg's calf raises fall short of the other's, in percent of the other.
    CalfRaiseDifference,
    /// The same for the knee-to-wall lunge (cm).
    KneeToWallDifference,
}

impl Measure {
    fn is_pain(self) -> bool {
        matches!(self, Measure::WalkPain | Measure::CalfRaisePain | Measure::HopPain)
    }

    fn is_difference(self) -> bool {
        matches!(self, Measure::CalfRaiseDifference | Measure::KneeToWallDifference)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionSpec {
    pub measure: Measure,
    #[serde(default)]
    pub at_most: Option<f64>,
    #[serde(default)]
    pub at_least: Option<f64>,
    pub src: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageSpec {
    pub name: String,
    pub goal: String,
    pub exit: Vec<CriterionSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub text: String,
    pub src: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub default: bool,
    pub conditions: Vec<String>,
    pub ladder_rules: Vec<Rule>,
    pub stage: Vec<StageSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderStep {
    pub jog_min: u32,
    pub walk_min: u32,
    pub session_min: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    pub src: String,
    pub steps: Vec<LadderStep>,
}

/// An outcome questionnaire. Only its total is recorded: its wording is not shipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct InstrumentSpec {
    pub id: String,
    pub name: String,
    pub min: u32,
    pub max: u32,
    /// The smallest change in the total that matters to a patient, where the source gives one.
    #[serde(default)]
    #[ts(optional)]
    pub important_change: Option<u32>,
    #[serde(default)]
    pub default: bool,
    pub conditions: Vec<String>,
    /// Where the questionnaire itself is published.
    pub link: String,
    pub src: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSchedule {
    pub every_days: u32,
    pub every_days_src: String,
}

/// What the panel says of itself (`[says]`); `{name}`s filled by `progress`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Says {
    /// `{condition}`, `{protocol}`: the tests guide, a clinician decides.
    pub caveat: String,
    /// `{link}`: where to get the questionnaire.
    pub find_it: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnToRunKnowledge {
    pub protocol: Vec<Protocol>,
    pub ladder: Ladder,
    pub instrument: Vec<InstrumentSpec>,
    pub outcome: OutcomeSchedule,
    pub says: Says,
}

impl ReturnToRunKnowledge {
    /// The protocol for a condition: the one that lists it, else the default.
    pub fn protocol_for(&self, condition: &str) -> &Protocol {
        self.protocol
            .iter()
            .find(|p| p.conditions.iter().any(|c| c == condition))
            .or_else(|| self.protocol.iter().find(|p| p.default))
            .expect("checked at load: one protocol is the default")
    }

    /// The outcome instrument for a condition: the one that lists it, else the default.
    pub fn instrument_for(&self, condition: &str) -> &InstrumentSpec {
        self.instrument
            .iter()
            .find(|i| i.conditions.iter().any(|c| c == condition))
            .or_else(|| self.instrument.iter().find(|i| i.default))
            .expect("checked at load: one instrument is the default")
    }

    pub fn instrument(&self, id: &str) -> Option<&InstrumentSpec> {
        self.instrument.iter().find(|i| i.id == id)
    }
}

const FILE: &str = "knowledge/return_to_run.toml";

/// Parses and checks the file's text; the error names the file and what is wrong.
pub fn parse(text: &str) -> Result<ReturnToRunKnowledge, String> {
    let k: ReturnToRunKnowledge = toml::from_str(text).map_err(|e| format!("{FILE}: {e}"))?;
    check(&k).map_err(|e| format!("{FILE}: {e}"))?;
    Ok(k)
}

fn check(k: &ReturnToRunKnowledge) -> Result<(), String> {
    let kb = crate::engine::knowledge::get();
    let cited = |ids: &str| ids.split(',').map(str::trim).try_for_each(|id| kb.check_cited(id));
    let known_conditions = crate::plans::knowledge::conditions();
    let mut claimed = HashSet::new();
    if k.protocol.iter().filter(|p| p.default).count() != 1 {
        return Err("exactly one protocol must be the default".into());
    }
    for p in &k.protocol {
        for c in &p.conditions {
            if !known_conditions.contains_key(c) {
                return Err(format!("protocol `{}` lists `{c}`, which is not a condition", p.id));
            }
            if !claimed.insert(c.as_str()) {
                return Err(format!("`{c}` is listed by more than one protocol"));
            }
        }
        if p.stage.is_empty() {
            return Err(format!("protocol `{}` has no stage", p.id));
        }
        for r in &p.ladder_rules {
            cited(&r.src)?;
        }
        for s in &p.stage {
            if s.exit.is_empty() {
                return Err(format!("stage `{}` of `{}` has no exit criterion", s.name, p.id));
            }
            for c in &s.exit {
                cited(&c.src)?;
                let at = format!("stage `{}` of `{}`, {:?}", s.name, p.id, c.measure);
                match (c.at_most, c.at_least) {
                    (Some(v), None) if (c.measure.is_pain() || c.measure.is_difference()) && v >= 0.0 => {
                        if c.measure.is_pain() && v > 10.0 {
                            return Err(format!("{at}: a pain bound must be 0 to 10"));
                        }
                    }
                    (None, Some(v)) if c.measure == Measure::CalfRaises && v > 0.0 => {}
                    _ => return Err(format!("{at}: pains and differences take one `at_most` (0 or more), calf raises one `at_least`")),
                }
            }
        }
    }
    // A plan's rehab phase left by a return-to-run stage names a stage of its own condition's
    // protocol (the default protocol for a condition no protocol lists).
    let mut plans: Vec<_> = known_conditions.values().collect();
    plans.sort_by(|a, b| a.id.cmp(&b.id));
    for plan in plans {
        let protocol = k.protocol_for(&plan.id);
        for phase in &plan.rehab {
            if let Some(stage) = &phase.exit_stage {
                if !protocol.stage.iter().any(|s| &s.name == stage) {
                    return Err(format!(
                        "knowledge/plans/{}.toml: phase `{}` is left by stage `{stage}`, which protocol `{}` does not have",
                        plan.id, phase.name, protocol.id
                    ));
                }
            }
        }
    }
    // The tweak protocol has no condition, so no protocol whose stage it could name.
    let tweak = &crate::plans::knowledge::common().tweak;
    if let Some(phase) = [&tweak.basic_rehab, &tweak.test].into_iter().find(|p| p.exit_stage.is_some()) {
        return Err(format!("knowledge/plans/common.toml: the tweak phase `{}` names an exit stage, but the tweak protocol has no condition", phase.name));
    }
    cited(&k.ladder.src)?;
    if k.ladder.steps.is_empty() {
        return Err("the ladder has no step".into());
    }
    if k.instrument.iter().filter(|i| i.default).count() != 1 {
        return Err("exactly one instrument must be the default".into());
    }
    for i in &k.instrument {
        cited(&i.src)?;
        if i.min >= i.max {
            return Err(format!("instrument `{}`: min must be below max", i.id));
        }
        for c in &i.conditions {
            if !known_conditions.contains_key(c) {
                return Err(format!("instrument `{}` lists `{c}`, which is not a condition", i.id));
            }
        }
    }
    cited(&k.outcome.every_days_src)?;
    Ok(())
}

/// The shipped knowledge, parsed and checked once. Panics on a broken file: it ships compiled in.
pub fn get() -> &'static ReturnToRunKnowledge {
    static KNOWLEDGE: OnceLock<ReturnToRunKnowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| parse(crate::embedded::knowledge("return_to_run.toml")).unwrap_or_else(|e| panic!("{e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../knowledge/return_to_run.toml");

    /// The error for the shipped file with its first `from` changed to `to`, which must be refused.
    fn refusal(from: &str, to: &str) -> String {
        let changed = SHIPPED.replacen(from, to, 1);
        assert_ne!(changed, SHIPPED, "`{from}` is in the shipped file");
        parse(&changed).unwrap_err()
    }

    #[test]
    fn the_shipped_file_loads_and_gives_each_condition_its_protocol() {
        let k = get();
        assert_eq!(k.protocol_for("gastrocnemius_strain").id, "calf_strain");
        assert_eq!(k.protocol_for("achilles_tendinopathy").id, "achilles_tendinopathy");
        assert_eq!(k.protocol_for("tibial_bone_stress").id, "bone_stress");
        assert_eq!(k.protocol_for("meniscus_tear").id, "default");
        assert_eq!(k.instrument_for("achilles_tendinopathy").id, "visa_a");
        assert_eq!(k.instrument_for("soleus_strain").id, "lefs");
        assert_eq!(k.instrument("lefs").unwrap().important_change, Some(9));
    }

    #[test]
    fn a_misspelt_key_is_refused_with_the_file_and_key() {
        let err = refusal("at_least = 30", "at_leest = 30");
        assert!(err.contains("return_to_run.toml") && err.contains("at_leest"), "{err}");
    }

    #[test]
    fn an_unknown_source_or_condition_is_refused() {
        let err = refusal("src = \"green2022\"", "src = \"green2099\"");
        assert!(err.contains("green2099"), "{err}");
        let err = refusal("\"soleus_strain\"]", "\"soleus_sprain\"]");
        assert!(err.contains("soleus_sprain"), "{err}");
    }

    #[test]
    fn a_rehab_phase_naming_a_stage_its_protocol_lacks_is_refused() {
        // The calf-strain plans' strength phases are left by "Calf strength".
        let err = refusal("name = \"Calf strength\"", "name = \"Calf power\"");
        assert!(err.contains("stage `Calf strength`") && err.contains("protocol `calf_strain`"), "{err}");
    }

    #[test]
    fn a_criterion_with_the_wrong_bound_is_refused() {
        let err = refusal("measure = \"walk_pain\", at_most = 0", "measure = \"walk_pain\", at_least = 0");
        assert!(err.contains("WalkPain"), "{err}");
        let err = refusal("measure = \"hop_pain\", at_most = 0", "measure = \"hop_pain\", at_most = 12");
        assert!(err.contains("0 to 10"), "{err}");
    }
}
