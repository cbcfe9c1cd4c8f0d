//! The knowledge base: what the engine knows, loaded once from the data files in `knowledge/`
//! (embedded at compile time) and compiled into dense tables for the reasoning core.
//!
//! The public part of this module is what a client needs to build a questionnaire or explain a
//! result: [`Knowledge::conditions`], [`Knowledge::findings`], [`Knowledge::rules`] and
//! [`Knowledge::sources`]. The tables (`pub(crate)`) are the engine's own business.

mod compile;
mod interview;
mod schema;
mod rules;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

use super::Triage;

pub use compile::KnowledgeError;
pub(crate) use interview::{Interview, LEVELS};
pub(crate) use rules::{Cond, Rule, Test, WellsItem};

/// The data files as the tests edit them; the binary carries them deflated (`crate::embedded`).
#[cfg(test)]
pub(crate) const VOCABULARY: &str = include_str!("../../../knowledge/vocabulary.json");
#[cfg(test)]
pub(crate) const SOURCES: &str = include_str!("../../../knowledge/sources.toml");
#[cfg(test)]
pub(crate) const FINDINGS: &str = include_str!("../../../knowledge/findings.toml");
#[cfg(test)]
pub(crate) const CONDITIONS: &str = include_str!("../../../knowledge/conditions.toml");
#[cfg(test)]
pub(crate) const RED_FLAGS: &str = include_str!("../../../knowledge/red_flags.toml");
#[cfg(test)]
pub(crate) const INTERVIEW: &str = include_str!("../../../knowledge/interview.toml");

/// A data file of the engine's knowledge, embedded deflated.
pub(crate) fn file(path: &str) -> &'static str {
    crate::embedded::knowledge(path)
}

/// The loaded knowledge base. Parsed and validated on first use; the tests check that the
/// embedded data loads, so a failure here is a build defect, never a user's input.
pub fn get() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::load().unwrap_or_else(|e| panic!("embedded knowledge is invalid: {e}")))
}

/// A condition the engine ranks.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ConditionInfo {
    pub id: String,
    pub name: String,
    /// The triage this condition warrants on its own, when it is the most likely cause.
    pub triage: Triage,
    /// Prior probability in a population of runners with calf or posterior-knee pain.
    pub prior: f64,
    /// Posterior probability at which this condition raises the triage to its own level even
    /// when it is not the most likely cause (serious conditions only).
    pub raise_at: Option<f64>,
    /// Injury grades, for tears (seed 003): grade number and what it means.
    pub grades: Vec<Grade>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Grade {
    pub grade: u8,
    pub description: String,
}

/// The type of a finding's answer and what it may be.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FindingKind {
    Bool,
    Enum { values: Vec<String> },
    Integer {
        #[ts(type = "number")]
        min: i64,
        #[ts(type = "number")]
        max: i64,
    },
    Number { min: f64, max: f64 },
}

impl FindingKind {
    /// The largest value a numeric finding accepts.
    pub fn numeric_max(&self) -> Option<f64> {
        match self {
            FindingKind::Integer { max, .. } => Some(*max as f64),
            FindingKind::Number { max, .. } => Some(*max),
            _ => None,
        }
    }
}

/// A finding a case may carry (a question the app may ask).
#[derive(Debug, Clone, Serialize, TS)]
pub struct FindingInfo {
    pub key: String,
    /// The question, as the vocabulary words it.
    pub ask: String,
    /// The question as the app asks it: findings.toml's `question` where the vocabulary's `ask`
    /// lists its answers inline (they are offered as `labels` instead), else `ask`.
    pub question: String,
    /// For a choice: each value in plain words, in the order of `values` (findings.toml
    /// `answers`); empty for other types.
    pub labels: Vec<String>,
    #[serde(flatten)]
    pub kind: FindingKind,
    /// Only a clinician can answer it (an examination test).
    pub clinician: bool,
    /// For an examination test: how to do it, in one line (findings.toml `how`, citing `how_src`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub how: Option<String>,
    /// Named by a safety rule or the Wells score: asked before anything else.
    pub red_flag: bool,
}

/// Sources that may back a figure but never be shown as a reference: Soleus's own seed texts and
/// design choices, not publications.
const NOT_CITABLE: [&str; 6] = ["seed000", "seed001", "seed002", "seed003", "model_design", "population"];

/// A bibliographic source a number cites.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: String,
    pub citation: String,
}

/// One value (or numeric bin) of a finding: a column of the dense tables.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    /// The value id (`"true"`, an enum value, or a bin id).
    pub id: String,
    /// How `why` says it, e.g. "a pop or snap when it started".
    pub says: String,
    /// For numeric bins: the largest value in the bin.
    pub max: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct FindingModel {
    pub first_slot: usize,
    pub slots: Vec<Slot>,
    pub group: Option<usize>,
    /// The weight of this finding's log likelihood ratios: the model's `tempering`, or 1 for an
    /// antecedent (a risk factor or trait that precedes the condition and so does not overlap
    /// with the symptoms it causes).
    pub tempering: f64,
    /// An antecedent (findings.toml `antecedent = true`): age, sex, a risk factor. Not a finding
    /// in the leg, so it never raises the triage through a cause on its own.
    pub antecedent: bool,
}

/// red_flags.toml `[none_fits]`: the leak class's share at which the result says that none of the
/// listed causes fits well and advises a clinician.
#[derive(Debug, Clone)]
pub(crate) struct NoneFits {
    pub at: f64,
    pub message: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Weight of the weaker members' evidence once the strongest has counted (0 = strongest only).
    pub others_weight: f64,
}

/// The knowledge base. Classes are the conditions followed by one leak class ("something not
/// listed") whose likelihoods are the population defaults.
#[derive(Debug)]
pub struct Knowledge {
    pub(crate) conditions: Vec<ConditionInfo>,
    pub(crate) findings: Vec<FindingInfo>,
    pub(crate) finding_index: HashMap<String, usize>,
    pub(crate) models: Vec<FindingModel>,
    pub(crate) groups: Vec<Group>,
    pub(crate) sources: Vec<Source>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) wells: Vec<WellsItem>,
    /// Per finding: the tests of safety rules and Wells items on it (what makes an answer a
    /// "red-flag answer").
    pub(crate) red_flag_tests: Vec<Vec<Test>>,
    /// Per slot of a yes/no or choice finding: whether that answer is a red-flag answer.
    pub(crate) red_flag_slot: Vec<bool>,
    /// Red-flag questions worth asking of everyone, in order.
    pub(crate) screening: Vec<usize>,
    /// Condition indices, most urgent default triage first.
    pub(crate) by_triage: Vec<usize>,
    /// Number of classes: conditions + 1 leak.
    pub(crate) classes: usize,
    /// ln prior per class (normalised).
    pub(crate) log_prior: Vec<f64>,
    /// Per class, added to a log score to weigh its prior at `rank_prior_weight` instead of in
    /// full: (weight - 1) * ln prior. The differential is ranked on that scale (`model::ranked`).
    pub(crate) rank_adjust: Vec<f64>,
    /// exp(rank_adjust), to rescale probabilities without logarithms.
    pub(crate) rank_factor: Vec<f64>,
    /// Per slot, per class: tempered ln(P(value | class) / P(value | population)).
    pub(crate) lr: Vec<f64>,
    /// Per slot, per class: P(value | class), untempered (for expected information gain).
    pub(crate) p: Vec<f64>,
    /// Per slot, 6 reasons: (strongly, moderately, slightly) for, then the same against.
    pub(crate) reasons: Vec<String>,
    /// Per slot: ln of the population default.
    pub(crate) ln_default: Vec<f64>,
    /// Findings named by Wells items (the score applies once any is known).
    pub(crate) wells_findings: Vec<usize>,
    /// The top cause's probability at which a client may say "nearly there".
    pub(crate) settled_at: f64,
    /// The triage is at least "clinician" once the conditions that need one reach this
    /// probability together.
    pub(crate) clinician_at: f64,
    /// How the next question is chosen (knowledge/interview.toml).
    pub(crate) interview: Interview,
    /// When "something not listed" (the leak class) reaches `none_fits.at` on the list's scale.
    pub(crate) none_fits: NoneFits,
    pub(crate) version: String,
    /// What `Assessment::engine_version` says.
    pub(crate) engine_version: String,
}

impl Knowledge {
    /// Parse, check and compile the embedded data files.
    pub fn load() -> Result<Knowledge, KnowledgeError> {
        compile::compile(file("vocabulary.json"), file("sources.toml"), file("findings.toml"), file("conditions.toml"), file("red_flags.toml"))
    }

    /// The embedded knowledge with `conditions.toml` replaced: for tests that compare settings.
    #[cfg(test)]
    pub(crate) fn load_with_conditions(conditions: &str) -> Result<Knowledge, KnowledgeError> {
        compile::compile(VOCABULARY, SOURCES, FINDINGS, conditions, RED_FLAGS)
    }

    pub fn conditions(&self) -> &[ConditionInfo] {
        &self.conditions
    }

    pub fn condition(&self, id: &str) -> Option<&ConditionInfo> {
        self.conditions.iter().find(|c| c.id == id)
    }

    /// Every finding a case may carry, in the vocabulary's order.
    pub fn findings(&self) -> &[FindingInfo] {
        &self.findings
    }

    pub fn finding(&self, key: &str) -> Option<&FindingInfo> {
        self.finding_index.get(key).map(|&i| &self.findings[i])
    }

    /// The safety rules, for display: id, triage floor and message.
    /// The dependence group (findings.toml `[group]`) a finding belongs to, if any: answers in
    /// one group are weighed together, not added.
    pub fn dependence_group(&self, key: &str) -> Option<usize> {
        self.models[*self.finding_index.get(key)?].group
    }

    pub fn rules(&self) -> impl Iterator<Item = (&str, Triage, &str)> {
        self.rules.iter().map(|r| (r.id.as_str(), r.triage, r.message.as_str()))
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Whether a knowledge file may cite `id`: sources.toml lists it. The error is the sentence
    /// each file's check gives after its own name ("… cites `x`, which is not in sources.toml").
    pub fn check_cited(&self, id: &str) -> Result<(), String> {
        if self.sources.iter().any(|s| s.id == id) { Ok(()) } else { Err(format!("cites `{id}`, which is not in sources.toml")) }
    }

    /// The published citation of source `id`, for text a person reads (plans, exercises): an
    /// error naming the id when sources.toml does not list it, or lists it as one of Soleus's own
    /// texts or design choices rather than a publication.
    pub fn publication(&self, id: &str) -> Result<&str, String> {
        if NOT_CITABLE.contains(&id) {
            return Err(format!("`{id}`, which is not a publication"));
        }
        self.sources.iter().find(|s| s.id == id).map(|s| s.citation.as_str()).ok_or_else(|| format!("`{id}`, which is not in sources.toml"))
    }

    /// The top cause's probability at which the result is nearly settled: a client can say
    /// "nearly there". (The interview itself stops when no question is worth its cost.)
    pub fn settled_at(&self) -> f64 {
        self.settled_at
    }

    /// The version of the knowledge base (`knowledge/conditions.toml` `[model] version`).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// P(answer | condition) for one finding, with a representative answer per value (numeric
    /// bins give their upper bound). For explaining the knowledge, and for simulating people.
    pub fn answer_distribution(&self, condition: &str, key: &str) -> Option<Vec<(serde_json::Value, f64)>> {
        let c = self.conditions.iter().position(|c| c.id == condition)?;
        let f = self.index_of(key)?;
        let m = &self.models[f];
        Some(
            m.slots
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let answer = match &self.findings[f].kind {
                        FindingKind::Bool => serde_json::Value::Bool(s.id == "true"),
                        FindingKind::Enum { .. } => serde_json::Value::String(s.id.clone()),
                        FindingKind::Integer { .. } => serde_json::Value::from(s.max as i64),
                        FindingKind::Number { .. } => serde_json::Value::from(s.max),
                    };
                    (answer, self.p_row(m.first_slot + i)[c])
                })
                .collect(),
        )
    }

    /// Answers that satisfy a safety rule's condition or score on the Wells score: each can only
    /// raise the triage. One representative answer per test.
    pub fn red_flag_answers(&self) -> Vec<(String, serde_json::Value)> {
        let mut out = Vec::new();
        for (f, tests) in self.red_flag_tests.iter().enumerate() {
            let key = &self.findings[f].key;
            for t in tests {
                match (t, &self.findings[f].kind) {
                    (Test::Is(b), _) => out.push((key.clone(), serde_json::Value::Bool(*b))),
                    (Test::In(vs), FindingKind::Enum { values }) => {
                        out.extend(vs.iter().map(|&i| (key.clone(), serde_json::Value::String(values[i as usize].clone()))))
                    }
                    (Test::AtLeast(n), FindingKind::Integer { .. }) => out.push((key.clone(), serde_json::Value::from(n.ceil() as i64))),
                    (Test::Above(n), FindingKind::Integer { .. }) => out.push((key.clone(), serde_json::Value::from(n.floor() as i64 + 1))),
                    (Test::AtLeast(n), _) => out.push((key.clone(), serde_json::Value::from(*n))),
                    (Test::Above(n), _) => out.push((key.clone(), serde_json::Value::from(n + 0.5))),
                    (Test::Below(n), FindingKind::Integer { .. }) => out.push((key.clone(), serde_json::Value::from(n.ceil() as i64 - 1))),
                    (Test::Below(n), _) => out.push((key.clone(), serde_json::Value::from(n - 0.5))),
                    _ => {}
                }
            }
        }
        out
    }

    pub(crate) fn index_of(&self, key: &str) -> Option<usize> {
        self.finding_index.get(key).copied()
    }

    #[inline]
    pub(crate) fn lr_row(&self, slot: usize) -> &[f64] {
        &self.lr[slot * self.classes..(slot + 1) * self.classes]
    }

    #[inline]
    pub(crate) fn p_row(&self, slot: usize) -> &[f64] {
        &self.p[slot * self.classes..(slot + 1) * self.classes]
    }


}
