//! The shape of the knowledge files, as serde reads them. Every table refuses a key it does not
//! know, so a misspelt key (a rule's `points_too`, a finding's `antecedant`, a condition's
//! `raise_att`) stops the load with the file, the line and the key, instead of silently dropping
//! a safeguard or a figure. What the values mean (ids, probabilities, sources) is `compile`'s
//! business; the tables keyed by value ids (a default, a likelihood) and the rule conditions
//! (`rules::Cond`) stay TOML values, checked there against the vocabulary.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::Value as Toml;

use super::compile::KnowledgeError;

/// Reads one whole file; an error names the file, and the parser's message gives the line and
/// the key at fault.
pub(super) fn read<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, KnowledgeError> {
    toml::from_str(text).map_err(|e| KnowledgeError::new(file, e.to_string().trim_end()))
}

/// sources.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourcesFile {
    pub source: BTreeMap<String, String>,
}

/// findings.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindingsFile {
    #[serde(default)]
    pub group: BTreeMap<String, GroupDef>,
    pub finding: BTreeMap<String, FindingDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GroupDef {
    pub findings: Vec<String>,
    pub others_weight: f64,
    /// Why these findings are one fact, for the reviewer.
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindingDef {
    /// P(true) for a yes/no finding, or a table `value = p`.
    pub default: Toml,
    pub src: String,
    #[serde(default)]
    pub antecedent: bool,
    #[serde(default)]
    pub says: BTreeMap<String, String>,
    pub bins: Option<Vec<BinDef>>,
    pub answers: Option<BTreeMap<String, String>>,
    pub question: Option<String>,
    pub how: Option<String>,
    pub how_src: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BinDef {
    pub id: String,
    pub max: f64,
    pub says: String,
}

/// conditions.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ConditionsFile {
    pub model: ModelDef,
    pub condition: BTreeMap<String, ConditionDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ModelDef {
    pub version: String,
    pub tempering: f64,
    pub leak_smoothing: f64,
    pub leak_prior: f64,
    pub settled_at: f64,
    pub clinician_at: f64,
    pub rank_prior_weight: f64,
    pub rank_prior_src: String,
    pub src: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ConditionDef {
    pub triage: String,
    pub prior: f64,
    pub prior_src: String,
    /// Overrides the vocabulary's name.
    pub name: Option<String>,
    pub raise_at: Option<f64>,
    pub raise_reason: Option<String>,
    pub raise_src: Option<String>,
    #[serde(default)]
    pub grades: Vec<GradeDef>,
    /// Finding key -> `{ value = p, ..., src = id }`, checked against the finding's values.
    pub likelihood: BTreeMap<String, Toml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GradeDef {
    pub grade: u8,
    pub description: String,
    pub src: String,
}

/// red_flags.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RedFlagsFile {
    pub screening: Vec<String>,
    pub none_fits: NoneFitsDef,
    pub rule: Vec<RuleDef>,
    pub wells: Vec<WellsDef>,
}

/// red_flags.toml `[none_fits]`: when "something not listed" is this likely, say so.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NoneFitsDef {
    pub at: f64,
    pub message: String,
    /// Why this threshold, for the reviewer.
    pub reason: String,
    pub src: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RuleDef {
    pub id: String,
    pub triage: String,
    pub message: String,
    pub src: String,
    pub when: Toml,
    pub ask_if: Option<Toml>,
    #[serde(default)]
    pub points_to: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WellsDef {
    pub points: i32,
    pub says: String,
    pub src: String,
    pub when: Toml,
}
