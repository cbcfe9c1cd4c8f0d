//! Parse the data files, check every id, value, probability and source against the vocabulary,
//! and compile the dense tables the reasoning core reads. Every check names the file and key
//! that failed, so a reviewer editing the data gets a precise message from `cargo test`.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use toml::{Table, Value as Toml};

use super::rules::{Cond, Rule, Test, WellsItem};
use super::{ConditionInfo, FindingInfo, FindingKind, FindingModel, Grade, Group, Knowledge, Slot, Source};
use crate::engine::Triage;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("knowledge error at {at}: {what}")]
pub struct KnowledgeError {
    pub at: String,
    pub what: String,
}

impl KnowledgeError {
    pub(crate) fn new(at: &str, what: impl Into<String>) -> Self {
        KnowledgeError { at: at.to_string(), what: what.into() }
    }
}

type Res<T> = Result<T, KnowledgeError>;

#[derive(Deserialize)]
struct Vocabulary {
    conditions: Vec<VocabCondition>,
    findings: BTreeMap<String, VocabFinding>,
}

#[derive(Deserialize)]
struct VocabCondition {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct VocabFinding {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    values: Vec<String>,
    #[serde(default)]
    range: Vec<f64>,
    ask: String,
    #[serde(default)]
    clinician: bool,
}

fn parse_toml(file: &str, text: &str) -> Res<Table> {
    text.parse::<Table>().map_err(|e| KnowledgeError::new(file, e.to_string()))
}

fn table<'a>(t: &'a Table, key: &str, at: &str) -> Res<&'a Table> {
    t.get(key).and_then(Toml::as_table).ok_or_else(|| KnowledgeError::new(at, format!("missing table `{key}`")))
}

fn string(t: &Table, key: &str, at: &str) -> Res<String> {
    t.get(key).and_then(Toml::as_str).map(str::to_string).ok_or_else(|| KnowledgeError::new(at, format!("missing text `{key}`")))
}

fn number(v: &Toml) -> Option<f64> {
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
}

fn num(t: &Table, key: &str, at: &str) -> Res<f64> {
    t.get(key).and_then(number).ok_or_else(|| KnowledgeError::new(at, format!("missing number `{key}`")))
}

fn probability(p: f64, at: &str) -> Res<f64> {
    if p > 0.0 && p < 1.0 {
        Ok(p)
    } else {
        Err(KnowledgeError::new(at, format!("{p} is not a probability strictly between 0 and 1")))
    }
}

fn triage(s: &str, at: &str) -> Res<Triage> {
    Triage::ALL.into_iter().find(|t| t.id() == s).ok_or_else(|| KnowledgeError::new(at, format!("unknown triage `{s}`")))
}

struct Sources(HashSet<String>);

/// The longest "how to test" line: about two lines under a question on a phone-width screen.
const MAX_HOW: usize = 200;

impl Sources {
    /// The table's `src` names a source of sources.toml.
    fn cite(&self, t: &Table, at: &str) -> Res<()> {
        self.cite_as(t, "src", at)
    }

    /// The table's `key` names a source of sources.toml.
    fn cite_as(&self, t: &Table, key: &str, at: &str) -> Res<()> {
        let src = string(t, key, at)?;
        if self.0.contains(&src) { Ok(()) } else { Err(KnowledgeError::new(at, format!("source `{src}` is not in sources.toml"))) }
    }
}

fn vocabulary_findings(vocab: &Vocabulary) -> Res<Vec<FindingInfo>> {
    vocab
        .findings
        .iter()
        .map(|(key, f)| {
            let at = format!("vocabulary.json findings.{key}");
            let kind = match f.kind.as_str() {
                "bool" => FindingKind::Bool,
                "enum" => FindingKind::Enum { values: f.values.clone() },
                "integer" if f.range.len() == 2 => FindingKind::Integer { min: f.range[0] as i64, max: f.range[1] as i64 },
                "number" if f.range.len() == 2 => FindingKind::Number { min: f.range[0], max: f.range[1] },
                other => return Err(KnowledgeError::new(&at, format!("unsupported type `{other}` (or missing range)"))),
            };
            Ok(FindingInfo { key: key.clone(), ask: f.ask.clone(), question: f.ask.clone(), labels: Vec::new(), kind, clinician: f.clinician, how: None, red_flag: false })
        })
        .collect()
}

/// How the app asks a finding: its `question` (if the vocabulary's `ask` will not do) and, for a
/// choice, a plain `answers` label for every value (required, so no choice is offered as an id).
fn plain_words(info: &mut FindingInfo, t: &Table, sources: &Sources, at: &str) -> Res<()> {
    if let Some(q) = t.get("question") {
        info.question = q.as_str().ok_or_else(|| KnowledgeError::new(at, "`question` is text"))?.to_string();
    }
    // An examination test's one-line "how to test", shown to the physio under the question.
    if let Some(h) = t.get("how") {
        let h = h.as_str().ok_or_else(|| KnowledgeError::new(at, "`how` is text"))?;
        if !info.clinician {
            return Err(KnowledgeError::new(at, "`how` is only for an examination test (clinician = true)"));
        }
        if h.trim().is_empty() || h.contains('\n') || h.chars().count() > MAX_HOW {
            return Err(KnowledgeError::new(at, format!("`how` is one line of at most {MAX_HOW} characters")));
        }
        sources.cite_as(t, "how_src", at)?;
        info.how = Some(h.to_string());
    }
    let answers = t.get("answers").and_then(Toml::as_table);
    match &info.kind {
        FindingKind::Enum { values } => {
            let answers = answers.ok_or_else(|| KnowledgeError::new(at, "a choice needs `answers`, a plain label per value"))?;
            if let Some(k) = answers.keys().find(|k| !values.contains(k)) {
                return Err(KnowledgeError::new(at, format!("`answers.{k}` is not a value of this finding")));
            }
            info.labels = values
                .iter()
                .map(|v| answers.get(v).and_then(Toml::as_str).map(str::to_string).ok_or_else(|| KnowledgeError::new(at, format!("missing `answers.{v}`"))))
                .collect::<Res<_>>()?;
        }
        _ if answers.is_some() => return Err(KnowledgeError::new(at, "`answers` is only for a choice")),
        _ => {}
    }
    Ok(())
}

/// A finding's values (or bins) and their population defaults, from findings.toml.
fn finding_model(info: &FindingInfo, t: &Table, sources: &Sources, at: &str) -> Res<(Vec<Slot>, Vec<f64>)> {
    sources.cite(t, at)?;
    let says = t.get("says").and_then(Toml::as_table);
    let say = |id: &str| -> Res<String> {
        says.and_then(|s| s.get(id)).and_then(Toml::as_str).map(str::to_string)
            .ok_or_else(|| KnowledgeError::new(at, format!("missing `says.{id}`")))
    };
    let slots: Vec<Slot> = match &info.kind {
        FindingKind::Bool => ["false", "true"].iter().map(|id| Ok(Slot { id: id.to_string(), says: say(id)?, max: 0.0 })).collect::<Res<_>>()?,
        FindingKind::Enum { values } => values.iter().map(|id| Ok(Slot { id: id.clone(), says: say(id)?, max: 0.0 })).collect::<Res<_>>()?,
        FindingKind::Integer { .. } | FindingKind::Number { .. } if t.contains_key("bins") => {
            let top = info.kind.numeric_max().unwrap_or_default();
            let bins = t["bins"].as_array().ok_or_else(|| KnowledgeError::new(at, "`bins` must be a list"))?;
            let mut out = Vec::new();
            for b in bins {
                let b = b.as_table().ok_or_else(|| KnowledgeError::new(at, "a bin is a table {id, max, says}"))?;
                out.push(Slot { id: string(b, "id", at)?, says: string(b, "says", at)?, max: num(b, "max", at)? });
            }
            if out.windows(2).any(|w| w[0].max >= w[1].max) || out.last().map(|s| s.max) != Some(top) {
                return Err(KnowledgeError::new(at, format!("bins must rise and the last must end at {top}")));
            }
            out
        }
        _ => return Err(KnowledgeError::new(at, "a numeric finding needs `bins`")),
    };
    let defaults = distribution(&slots, t.get("default"), None, at, "default")?;
    Ok((slots, defaults))
}

/// A distribution over a finding's slots: a bare number is P(true) for a bool; a table gives
/// some values, and the rest share what is left in proportion to `base` (or evenly).
fn distribution(slots: &[Slot], v: Option<&Toml>, base: Option<&[f64]>, at: &str, what: &str) -> Res<Vec<f64>> {
    let v = v.ok_or_else(|| KnowledgeError::new(at, format!("missing `{what}`")))?;
    let mut given: Vec<Option<f64>> = vec![None; slots.len()];
    match v {
        Toml::Table(t) => {
            for (k, p) in t {
                if k == "src" || k == "note" {
                    continue;
                }
                let i = slots.iter().position(|s| s.id == *k).ok_or_else(|| KnowledgeError::new(at, format!("`{k}` is not a value of this finding")))?;
                let p = number(p).ok_or_else(|| KnowledgeError::new(at, format!("`{k}` must be a number")))?;
                given[i] = Some(probability(p, &format!("{at}.{k}"))?);
            }
        }
        other if slots.len() == 2 && slots[1].id == "true" => {
            given[1] = Some(probability(number(other).ok_or_else(|| KnowledgeError::new(at, "expected P(true)"))?, at)?);
        }
        _ => return Err(KnowledgeError::new(at, format!("`{what}` must be a table of value = probability"))),
    }
    let fixed: f64 = given.iter().flatten().sum();
    let free: Vec<usize> = (0..slots.len()).filter(|&i| given[i].is_none()).collect();
    if fixed > 1.0 + 1e-9 || (free.is_empty() && (fixed - 1.0).abs() > 1e-6) {
        return Err(KnowledgeError::new(at, format!("`{what}` probabilities sum to {fixed:.3}, not 1")));
    }
    if fixed == 0.0 && base.is_some() {
        return Err(KnowledgeError::new(at, format!("`{what}` gives no value")));
    }
    let weights: Vec<f64> = free.iter().map(|&i| base.map_or(1.0, |b| b[i])).collect();
    let total: f64 = weights.iter().sum();
    let mut out: Vec<f64> = given.iter().map(|g| g.unwrap_or(0.0)).collect();
    for (&i, w) in free.iter().zip(weights) {
        out[i] = (1.0 - fixed).max(0.0) * w / total;
    }
    Ok(out)
}

pub(super) fn compile(vocabulary: &str, sources: &str, findings: &str, conditions: &str, red_flags: &str) -> Res<Knowledge> {
    let vocab: Vocabulary = serde_json::from_str(vocabulary).map_err(|e| KnowledgeError::new("vocabulary.json", e.to_string()))?;
    let mut infos = vocabulary_findings(&vocab)?;
    if infos.len() > crate::engine::case::MAX_FINDINGS {
        return Err(KnowledgeError::new("vocabulary.json", format!("more than {} findings", crate::engine::case::MAX_FINDINGS)));
    }
    let finding_index: HashMap<String, usize> = infos.iter().enumerate().map(|(i, f)| (f.key.clone(), i)).collect();
    let index = |k: &str| finding_index.get(k).copied();

    let src_table = parse_toml("sources.toml", sources)?;
    let src_table = table(&src_table, "source", "sources.toml")?;
    let source_list: Vec<Source> = src_table
        .iter()
        .map(|(id, c)| Ok(Source { id: id.clone(), citation: c.as_str().ok_or_else(|| KnowledgeError::new("sources.toml", format!("`{id}` must be text")))?.to_string() }))
        .collect::<Res<_>>()?;
    let cite = Sources(source_list.iter().map(|s| s.id.clone()).collect());

    // The model's settings first: how findings are weighed depends on them.
    let ctoml = parse_toml("conditions.toml", conditions)?;
    let model = table(&ctoml, "model", "conditions.toml")?;
    let at = "conditions.toml model";
    let tempering = num(model, "tempering", at)?;
    let smoothing = probability(num(model, "leak_smoothing", at)?, at)?;
    let leak_prior = probability(num(model, "leak_prior", at)?, at)?;
    let settled_at = probability(num(model, "settled_at", at)?, at)?;
    let clinician_at = probability(num(model, "clinician_at", at)?, at)?;
    let rank_prior_weight = num(model, "rank_prior_weight", at)?;
    let version = string(model, "version", at)?;
    cite.cite(model, at)?;
    cite.cite_as(model, "rank_prior_src", at)?;
    if !(0.0..=1.0).contains(&tempering) || tempering == 0.0 {
        return Err(KnowledgeError::new(at, "tempering must be in (0, 1]"));
    }
    if !(0.0..=1.0).contains(&rank_prior_weight) {
        return Err(KnowledgeError::new(at, "rank_prior_weight must be in [0, 1]"));
    }

    // Findings: values, population defaults, how `why` says them, groups.
    let ftoml = parse_toml("findings.toml", findings)?;
    let fdefs = table(&ftoml, "finding", "findings.toml")?;
    for k in fdefs.keys() {
        if index(k).is_none() {
            return Err(KnowledgeError::new(&format!("findings.toml finding.{k}"), "not a vocabulary finding"));
        }
    }
    let mut models = Vec::with_capacity(infos.len());
    let mut defaults: Vec<Vec<f64>> = Vec::with_capacity(infos.len());
    let mut next_slot = 0;
    for info in &mut infos {
        let at = format!("findings.toml finding.{}", info.key);
        let t = fdefs.get(&info.key).and_then(Toml::as_table).ok_or_else(|| KnowledgeError::new(&at, "every vocabulary finding needs an entry"))?;
        plain_words(info, t, &cite, &at)?;
        let (slots, d) = finding_model(info, t, &cite, &at)?;
        let antecedent = t.get("antecedent").map(|v| v.as_bool().ok_or_else(|| KnowledgeError::new(&at, "`antecedent` is true or false"))).transpose()?.unwrap_or(false);
        models.push(FindingModel { first_slot: next_slot, slots, group: None, tempering: if antecedent { 1.0 } else { tempering } });
        next_slot += d.len();
        defaults.push(d);
    }
    let mut groups = Vec::new();
    if let Some(gs) = ftoml.get("group").and_then(Toml::as_table) {
        for (name, g) in gs {
            let at = format!("findings.toml group.{name}");
            let g = g.as_table().ok_or_else(|| KnowledgeError::new(&at, "a group is a table"))?;
            let keys = g.get("findings").and_then(Toml::as_array).ok_or_else(|| KnowledgeError::new(&at, "missing `findings`"))?;
            for k in keys {
                let k = k.as_str().unwrap_or_default();
                let f = index(k).ok_or_else(|| KnowledgeError::new(&at, format!("unknown finding `{k}`")))?;
                if models[f].group.is_some() {
                    return Err(KnowledgeError::new(&at, format!("`{k}` is already in a group")));
                }
                models[f].group = Some(groups.len());
            }
            let w = num(g, "others_weight", &at)?;
            if !(0.0..=1.0).contains(&w) {
                return Err(KnowledgeError::new(&at, "others_weight must be in [0, 1]"));
            }
            string(g, "reason", &at)?;
            groups.push(Group { others_weight: w });
        }
    }

    // Conditions: names from the vocabulary, priors, triage, likelihoods.
    let cdefs = table(&ctoml, "condition", "conditions.toml")?;
    let vocab_ids: HashSet<&str> = vocab.conditions.iter().map(|c| c.id.as_str()).collect();
    for k in cdefs.keys() {
        if !vocab_ids.contains(k.as_str()) {
            return Err(KnowledgeError::new(&format!("conditions.toml condition.{k}"), "not a vocabulary condition"));
        }
    }
    let mut conds = Vec::new();
    let mut likelihoods: Vec<Vec<Vec<f64>>> = Vec::new(); // condition -> finding -> slots
    let mut listed: Vec<Vec<bool>> = Vec::new(); // condition -> finding: given in conditions.toml
    for vc in &vocab.conditions {
        let at = format!("conditions.toml condition.{}", vc.id);
        let t = cdefs.get(&vc.id).and_then(Toml::as_table).ok_or_else(|| KnowledgeError::new(&at, "every vocabulary condition needs an entry"))?;
        let prior = probability(num(t, "prior", &at)?, &format!("{at}.prior"))?;
        let ptab = t.get("prior_src").map(|s| Table::from_iter([("src".to_string(), s.clone())])).unwrap_or_default();
        cite.cite(&ptab, &format!("{at}.prior_src"))?;
        let raise_at = match t.get("raise_at") {
            Some(v) => {
                string(t, "raise_reason", &at)?;
                // A threshold taken from the literature names its source, which must resolve.
                if let Some(s) = t.get("raise_src") {
                    cite.cite(&Table::from_iter([("src".to_string(), s.clone())]), &format!("{at}.raise_src"))?;
                }
                Some(probability(number(v).unwrap_or(-1.0), &format!("{at}.raise_at"))?)
            }
            None => None,
        };
        let grades = match t.get("grades").and_then(Toml::as_array) {
            Some(gs) => gs
                .iter()
                .map(|g| {
                    let g = g.as_table().ok_or_else(|| KnowledgeError::new(&at, "a grade is a table"))?;
                    cite.cite(g, &format!("{at}.grades"))?;
                    Ok(Grade { grade: num(g, "grade", &at)? as u8, description: string(g, "description", &at)? })
                })
                .collect::<Res<_>>()?,
            None => Vec::new(),
        };
        let name = t.get("name").and_then(Toml::as_str).map(str::to_string).unwrap_or_else(|| vc.name.clone());
        conds.push(ConditionInfo { id: vc.id.clone(), name, triage: triage(&string(t, "triage", &at)?, &at)?, prior, raise_at, grades });

        let lik = table(t, "likelihood", &at)?;
        let mut rows = defaults.clone();
        let mut listed_here = vec![false; infos.len()];
        for (key, spec) in lik {
            let at = format!("{at}.likelihood.{key}");
            let f = index(key).ok_or_else(|| KnowledgeError::new(&at, "not a vocabulary finding"))?;
            let spec_t = spec.as_table().ok_or_else(|| KnowledgeError::new(&at, "a likelihood is a table { value = p, src = id }"))?;
            cite.cite(spec_t, &at)?;
            rows[f] = distribution(&models[f].slots, Some(spec), Some(&defaults[f]), &at, "likelihood")?;
            listed_here[f] = true;
        }
        likelihoods.push(rows);
        listed.push(listed_here);
    }
    unlisted_take_the_rest(&conds, leak_prior, &defaults, &listed, &mut likelihoods);

    if conds.is_empty() || conds.len() > 64 {
        // Rules name their conditions in a 64-bit set.
        return Err(KnowledgeError::new("vocabulary.json", "between 1 and 64 conditions"));
    }

    // Dense tables: classes = conditions + leak.
    let classes = conds.len() + 1;
    let total_prior: f64 = conds.iter().map(|c| c.prior).sum::<f64>() + leak_prior;
    let log_prior: Vec<f64> = conds.iter().map(|c| c.prior).chain([leak_prior]).map(|p| (p / total_prior).ln()).collect();
    let rank_adjust: Vec<f64> = log_prior.iter().map(|l| (rank_prior_weight - 1.0) * l).collect();
    let rank_factor = rank_adjust.iter().map(|a| a.exp()).collect();
    let mut lr = vec![0.0; next_slot * classes];
    let mut p = vec![0.0; next_slot * classes];
    let mut kl = vec![0.0; infos.len() * classes];
    let mut ln_default = vec![0.0; next_slot];
    for (f, m) in models.iter().enumerate() {
        for (local, d) in defaults[f].iter().enumerate() {
            let slot = m.first_slot + local;
            ln_default[slot] = d.ln();
            for k in 0..classes {
                let raw = if k < conds.len() { likelihoods[k][f][local] } else { *d };
                let smoothed = (1.0 - smoothing) * raw + smoothing * d;
                p[slot * classes + k] = smoothed;
                lr[slot * classes + k] = m.tempering * (smoothed / d).ln();
                kl[k * infos.len() + f] += smoothed * (smoothed / d).ln();
            }
        }
    }

    // The reasons `why` gives, precomputed: per slot, {strongly, moderately, slightly} x {for, against}.
    let mut reasons = Vec::with_capacity(next_slot * 6);
    for m in &models {
        for slot in &m.slots {
            let mut chars = slot.says.chars();
            let says: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            for dir in ["for", "against"] {
                for word in ["strongly", "moderately", "slightly"] {
                    reasons.push(format!("{says} ({word} {dir})"));
                }
            }
        }
    }

    // Safety rules and the Wells score.
    let rtoml = parse_toml("red_flags.toml", red_flags)?;
    let mut rules = Vec::new();
    let mut seen = HashSet::new();
    for r in rtoml.get("rule").and_then(Toml::as_array).ok_or_else(|| KnowledgeError::new("red_flags.toml", "missing [[rule]]"))? {
        let r = r.as_table().ok_or_else(|| KnowledgeError::new("red_flags.toml", "a rule is a table"))?;
        let id = string(r, "id", "red_flags.toml rule")?;
        let at = format!("red_flags.toml rule {id}");
        if !seen.insert(id.clone()) {
            return Err(KnowledgeError::new(&at, "duplicate rule id"));
        }
        cite.cite(r, &at)?;
        let when = Cond::parse(r.get("when").ok_or_else(|| KnowledgeError::new(&at, "missing `when`"))?, &at, &infos, &index)?;
        let ask_if = r.get("ask_if").map(|c| Cond::parse(c, &at, &infos, &index)).transpose()?;
        let mut leaves = Vec::new();
        when.leaves(&mut leaves);
        let mut mask = [0u64; crate::engine::case::MAX_FINDINGS / 64];
        leaves.iter().for_each(|&(f, _)| mask[f / 64] |= 1 << (f % 64));
        let reads_wells = when.uses_wells();
        let mut points_to = 0u64;
        for c in r.get("points_to").map(|v| v.as_array().ok_or_else(|| KnowledgeError::new(&at, "`points_to` is a list of condition ids"))).transpose()?.into_iter().flatten() {
            let c = c.as_str().unwrap_or_default();
            let i = conds.iter().position(|x| x.id == c).ok_or_else(|| KnowledgeError::new(&at, format!("`points_to`: `{c}` is not a condition")))?;
            points_to |= 1 << i;
        }
        rules.push(Rule { triage: triage(&string(r, "triage", &at)?, &at)?, message: string(r, "message", &at)?, when, ask_if, mask, reads_wells, points_to, id });
    }
    let mut wells = Vec::new();
    for w in rtoml.get("wells").and_then(Toml::as_array).ok_or_else(|| KnowledgeError::new("red_flags.toml", "missing [[wells]]"))? {
        let w = w.as_table().ok_or_else(|| KnowledgeError::new("red_flags.toml", "a Wells item is a table"))?;
        let at = "red_flags.toml wells";
        cite.cite(w, at)?;
        let when = Cond::parse(w.get("when").ok_or_else(|| KnowledgeError::new(at, "missing `when`"))?, at, &infos, &index)?;
        if when.uses_wells() {
            return Err(KnowledgeError::new(at, "a Wells item cannot refer to the Wells score"));
        }
        let points = num(w, "points", at)? as i32;
        let label = format!("{} ({points:+})", string(w, "says", at)?);
        wells.push(WellsItem { points, label, when, alternative: points < 0 });
    }
    let mut wells_leaves = Vec::new();
    wells.iter().for_each(|w| w.when.leaves(&mut wells_leaves));
    let mut wells_findings: Vec<usize> = wells_leaves.iter().map(|(f, _)| *f).collect();
    wells_findings.dedup();
    let screening = rtoml
        .get("screening")
        .and_then(Toml::as_array)
        .ok_or_else(|| KnowledgeError::new("red_flags.toml", "missing `screening`"))?
        .iter()
        .map(|k| {
            let k = k.as_str().unwrap_or_default();
            index(k).ok_or_else(|| KnowledgeError::new("red_flags.toml screening", format!("unknown finding `{k}`")))
        })
        .collect::<Res<Vec<_>>>()?;
    let mut leaves = Vec::new();
    rules.iter().for_each(|r| r.when.leaves(&mut leaves));
    wells.iter().filter(|w| !w.alternative).for_each(|w| w.when.leaves(&mut leaves));
    let mut red_flag_tests = vec![Vec::new(); infos.len()];
    for (f, test) in leaves {
        infos[f].red_flag = true;
        if !red_flag_tests[f].contains(test) {
            red_flag_tests[f].push(test.clone());
        }
    }
    let mut red_flag_slot = vec![false; next_slot];
    for (f, tests) in red_flag_tests.iter().enumerate() {
        for t in tests {
            match *t {
                Test::Is(b) => red_flag_slot[models[f].first_slot + usize::from(b)] = true,
                Test::In(ref vs) => vs.iter().for_each(|&v| red_flag_slot[models[f].first_slot + v as usize] = true),
                Test::AtLeast(_) | Test::Above(_) => {}
            }
        }
    }

    let mut by_triage: Vec<usize> = (0..conds.len()).collect();
    by_triage.sort_by(|&a, &b| conds[b].triage.cmp(&conds[a].triage));
    let interview = super::interview::compile(super::INTERVIEW, &infos, &p, &kl, &conds, clinician_at, &|id| cite.0.contains(id))?;
    Ok(Knowledge {
        by_triage,
        conditions: conds,
        findings: infos,
        finding_index,
        models,
        groups,
        sources: source_list,
        rules,
        wells,
        red_flag_tests,
        red_flag_slot,
        screening,
        classes,
        log_prior,
        rank_adjust,
        rank_factor,
        lr,
        p,
        ln_default,
        reasons,
        wells_findings,
        settled_at,
        clinician_at,
        interview,
        engine_version: format!("soleus-engine {} / knowledge {version}", env!("CARGO_PKG_VERSION")),
        version,
    })
}

/// A condition that does not list a finding shows it at the rate of the rest of the population:
/// the population default with the conditions that do list it taken out, so that the prior-weighted
/// mix of all classes gives back the default. (Taking the default itself would credit, say, a calf
/// strain with the knee-joint tenderness that the knee conditions bring into the population rate.)
/// No value falls below a quarter of its default: the defaults are estimates too.
fn unlisted_take_the_rest(conds: &[ConditionInfo], leak_prior: f64, defaults: &[Vec<f64>], listed: &[Vec<bool>], likelihoods: &mut [Vec<Vec<f64>>]) {
    let total: f64 = conds.iter().map(|c| c.prior).sum::<f64>() + leak_prior;
    let leak_w = leak_prior / total;
    for (f, d) in defaults.iter().enumerate() {
        let unlisted_w: f64 = conds.iter().enumerate().filter(|(c, _)| !listed[*c][f]).map(|(_, info)| info.prior / total).sum();
        if unlisted_w <= 0.0 || unlisted_w + leak_w >= 1.0 - 1e-9 {
            continue;
        }
        let mut rest: Vec<f64> = (0..d.len())
            .map(|v| {
                let listed_mass: f64 = conds.iter().enumerate().filter(|(c, _)| listed[*c][f]).map(|(c, info)| info.prior / total * likelihoods[c][f][v]).sum();
                (d[v] * (1.0 - leak_w) - listed_mass) / unlisted_w
            })
            .collect();
        // Values below their floor take the floor; the others share what is left.
        let floor = |v: usize| 0.25 * d[v];
        let floored: f64 = (0..d.len()).filter(|&v| rest[v] < floor(v)).map(floor).sum();
        let free: f64 = (0..d.len()).filter(|&v| rest[v] >= floor(v)).map(|v| rest[v]).sum();
        for (v, r) in rest.iter_mut().enumerate() {
            *r = if *r < floor(v) { floor(v) } else { *r * (1.0 - floored) / free };
        }
        for (c, rows) in likelihoods.iter_mut().enumerate() {
            if !listed[c][f] {
                rows[f].clone_from(&rest);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CONDITIONS, FINDINGS, RED_FLAGS, SOURCES, VOCABULARY};
    use super::*;

    fn with_conditions(text: &str) -> Res<Knowledge> {
        compile(VOCABULARY, SOURCES, FINDINGS, text, RED_FLAGS)
    }

    #[test]
    fn embedded_knowledge_covers_the_whole_vocabulary() {
        let kb = Knowledge::load().expect("embedded knowledge loads");
        let vocab: serde_json::Value = serde_json::from_str(VOCABULARY).unwrap();
        assert_eq!(kb.conditions().len(), vocab["conditions"].as_array().unwrap().len());
        assert_eq!(kb.findings().len(), vocab["findings"].as_object().unwrap().len());
        for c in kb.conditions() {
            assert!(c.prior > 0.0 && c.prior < 1.0, "{}", c.id);
            if let Some(at) = c.raise_at {
                assert!(at > 0.0 && at < 0.5, "{}: raise_at {at} should be a safety-weighted (low) threshold", c.id);
            }
        }
    }

    #[test]
    fn every_likelihood_row_is_a_distribution() {
        let kb = Knowledge::load().unwrap();
        for (f, m) in kb.models.iter().enumerate() {
            for k in 0..kb.classes {
                let total: f64 = (m.first_slot..m.first_slot + m.slots.len()).map(|s| kb.p_row(s)[k]).sum();
                assert!((total - 1.0).abs() < 1e-9, "{} class {k} sums to {total}", kb.findings[f].key);
                for s in m.first_slot..m.first_slot + m.slots.len() {
                    assert!(kb.p_row(s)[k] > 0.0, "{} slot {s}: smoothing keeps every likelihood above 0", kb.findings[f].key);
                }
            }
        }
    }

    #[test]
    fn every_choice_is_offered_in_plain_words_and_no_question_lists_value_ids() {
        let kb = Knowledge::load().unwrap();
        for f in kb.findings() {
            match &f.kind {
                FindingKind::Enum { values } => {
                    assert_eq!(f.labels.len(), values.len(), "{}", f.key);
                    assert!(f.labels.iter().all(|l| !l.is_empty() && !l.contains('_')), "{}: {:?}", f.key, f.labels);
                }
                _ => assert!(f.labels.is_empty(), "{}", f.key),
            }
            assert!(!f.question.contains('_') && !f.question.contains(';'), "{}: {}", f.key, f.question);
        }
        assert_eq!(kb.finding("heel_raise").unwrap().labels[3], "No, I cannot");
    }

    #[test]
    fn every_examination_test_says_how_to_do_it_and_only_those_do() {
        let kb = Knowledge::load().unwrap();
        let exams: Vec<&FindingInfo> = kb.findings().iter().filter(|f| f.clinician).collect();
        assert!(exams.len() >= 12, "{} examination findings", exams.len());
        for f in exams {
            let how = f.how.as_deref().unwrap_or_else(|| panic!("{}: no `how` in findings.toml", f.key));
            assert!(how.ends_with('.') || how.ends_with('?'), "{}: {how}", f.key);
        }
        assert!(kb.findings().iter().filter(|f| !f.clinician).all(|f| f.how.is_none()));
        // A runner's question gets no examination hint, and a hint cites a listed source.
        let text = FINDINGS.replacen("[finding.pop]\n", "[finding.pop]\nhow = \"Ask.\"\nhow_src = \"seed003\"\n", 1);
        assert_ne!(text, FINDINGS);
        let e = compile(VOCABULARY, SOURCES, &text, CONDITIONS, RED_FLAGS).unwrap_err();
        assert!(e.at.contains("finding.pop") && e.what.contains("examination test"), "{e}");
        let text = FINDINGS.replacen("how_src = \"maffulli1998\"", "how_src = \"nobody2020\"", 1);
        assert_ne!(text, FINDINGS);
        let e = compile(VOCABULARY, SOURCES, &text, CONDITIONS, RED_FLAGS).unwrap_err();
        assert!(e.at.contains("thompson_test") && e.what.contains("nobody2020"), "{e}");
    }

    #[test]
    fn a_missing_or_stray_answer_label_is_named() {
        let text = FINDINGS.replacen("focal = \"One spot a fingertip could cover\", ", "", 1);
        assert_ne!(text, FINDINGS);
        let e = compile(VOCABULARY, SOURCES, &text, CONDITIONS, RED_FLAGS).unwrap_err();
        assert!(e.at.contains("pain_extent") && e.what.contains("answers.focal"), "{e}");
        let text = FINDINGS.replacen("gradual = \"Gradually", "slowly = \"Gradually", 1);
        let e = compile(VOCABULARY, SOURCES, &text, CONDITIONS, RED_FLAGS).unwrap_err();
        assert!(e.at.contains("onset") && e.what.contains("answers.slowly"), "{e}");
    }

    #[test]
    fn calf_tears_carry_their_three_grades() {
        let kb = Knowledge::load().unwrap();
        for id in ["gastrocnemius_strain", "soleus_strain"] {
            let grades: Vec<u8> = kb.condition(id).unwrap().grades.iter().map(|g| g.grade).collect();
            assert_eq!(grades, vec![1, 2, 3], "{id}");
        }
    }

    #[test]
    fn the_required_safety_rules_exist() {
        let kb = Knowledge::load().unwrap();
        let ids: Vec<&str> = kb.rules().map(|(id, _, _)| id).collect();
        for id in ["pe_signs", "acute_compartment_syndrome_after_trauma", "acute_compartment_syndrome_signs", "acute_limb_ischaemia", "cauda_equina", "dvt_wells_likely", "dvt_features_with_risk", "achilles_rupture_signs", "infection_signs"] {
            assert!(ids.contains(&id), "missing rule {id}");
        }
    }

    #[test]
    fn an_unknown_source_is_named() {
        let text = CONDITIONS.replacen("src = \"seed003\"", "src = \"no_such_paper\"", 1);
        let e = with_conditions(&text).unwrap_err();
        assert!(e.what.contains("no_such_paper"), "{e}");
    }

    #[test]
    fn an_unknown_threshold_source_is_named() {
        let text = CONDITIONS.replacen("raise_src = \"wells1997\"", "raise_src = \"no_such_trial\"", 1);
        assert_ne!(text, CONDITIONS, "the DVT threshold cites its source");
        let e = with_conditions(&text).unwrap_err();
        assert!(e.what.contains("no_such_trial") && e.at.contains("dvt.raise_src"), "{e}");
    }

    #[test]
    fn an_unknown_finding_or_value_is_named() {
        let text = CONDITIONS.replacen("pop = { true = 0.45", "popp = { true = 0.45", 1);
        let e = with_conditions(&text).unwrap_err();
        assert!(e.at.contains("popp"), "{e}");
        let text = CONDITIONS.replacen("location = { upper_calf_medial = 0.45", "location = { upper_calf = 0.45", 1);
        let e = with_conditions(&text).unwrap_err();
        assert!(e.what.contains("upper_calf"), "{e}");
    }

    #[test]
    fn probabilities_must_be_between_0_and_1_and_sum_to_at_most_1() {
        let text = CONDITIONS.replacen("pop = { true = 0.45", "pop = { true = 1.5", 1);
        assert!(with_conditions(&text).unwrap_err().what.contains("1.5"));
        let text = CONDITIONS.replacen("onset = { sudden = 0.90", "onset = { sudden = 0.90, gradual = 0.5", 1);
        assert!(with_conditions(&text).unwrap_err().what.contains("sum"));
    }

    #[test]
    fn a_missing_condition_is_refused() {
        let start = CONDITIONS.find("[condition.calf_cramp]").unwrap();
        let end = CONDITIONS[start..].find("# ----").unwrap() + start;
        let text = format!("{}{}", &CONDITIONS[..start], &CONDITIONS[end..]);
        let e = with_conditions(&text).unwrap_err();
        assert!(e.at.contains("calf_cramp"), "{e}");
    }

    #[test]
    fn a_rule_on_an_unknown_value_is_refused() {
        let text = RED_FLAGS.replacen("eq = \"positive\"", "eq = \"abnormal\"", 1);
        let e = compile(VOCABULARY, SOURCES, FINDINGS, CONDITIONS, &text).unwrap_err();
        assert!(e.what.contains("abnormal"), "{e}");
    }

    fn condition(id: &str, prior: f64) -> ConditionInfo {
        ConditionInfo { id: id.into(), name: id.into(), triage: Triage::SelfCare, prior, raise_at: None, grades: Vec::new() }
    }

    #[test]
    fn unlisted_conditions_take_what_the_listed_ones_leave_of_the_default() {
        // One yes/no finding, default P(yes) = 0.2; condition a lists 0.6, b and c do not.
        let conds = [condition("a", 0.2), condition("b", 0.3), condition("c", 0.3)];
        let defaults = vec![vec![0.8, 0.2]];
        let listed = vec![vec![true], vec![false], vec![false]];
        let mut lik = vec![vec![vec![0.4, 0.6]], vec![defaults[0].clone()], vec![defaults[0].clone()]];
        unlisted_take_the_rest(&conds, 0.2, &defaults, &listed, &mut lik);
        let mix: f64 = [0.2 * 0.6, 0.3 * lik[1][0][1], 0.3 * lik[2][0][1], 0.2 * 0.2].iter().sum();
        assert!((mix - 0.2).abs() < 1e-12, "the population mix gives back the default: {mix}");
        assert!(lik[1][0][1] < 0.2 && (lik[1][0].iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(lik[1], lik[2]);
        assert_eq!(lik[0][0], vec![0.4, 0.6], "a listed figure is kept");
    }

    #[test]
    fn no_unlisted_value_falls_below_a_quarter_of_its_default() {
        let conds = [condition("a", 0.5), condition("b", 0.5)];
        let defaults = vec![vec![0.9, 0.1]];
        let listed = vec![vec![true], vec![false]];
        let mut lik = vec![vec![vec![0.0, 1.0]], vec![defaults[0].clone()]];
        unlisted_take_the_rest(&conds, 0.0, &defaults, &listed, &mut lik);
        assert!(lik[1][0][1] >= 0.025 - 1e-12, "{:?}", lik[1][0]);
    }

    #[test]
    fn antecedents_count_in_full_and_symptoms_are_tempered() {
        let damped = CONDITIONS.replacen("tempering = 1.0", "tempering = 0.8", 1);
        assert_ne!(damped, CONDITIONS);
        let kb = compile(VOCABULARY, SOURCES, FINDINGS, &damped, RED_FLAGS).unwrap();
        let at = |key: &str| kb.models[kb.finding_index[key]].tempering;
        assert_eq!(at("recent_immobilisation"), 1.0);
        assert_eq!(at("age"), 1.0);
        assert_eq!(at("onset"), 0.8);
        let bad = FINDINGS.replace("[finding.age]\nantecedent = true", "[finding.age]\nantecedent = \"yes\"");
        assert_ne!(bad, FINDINGS);
        let e = compile(VOCABULARY, SOURCES, &bad, CONDITIONS, RED_FLAGS).err().expect("a non-boolean antecedent is refused");
        assert!(e.to_string().contains("antecedent"), "{e}");
    }

    #[test]
    fn a_rule_pointing_to_an_unknown_condition_is_refused() {
        let text = RED_FLAGS.replacen("points_to = [\"dvt\"]", "points_to = [\"dvtt\"]", 1);
        assert_ne!(text, RED_FLAGS);
        let e = compile(VOCABULARY, SOURCES, FINDINGS, CONDITIONS, &text).err().expect("refused");
        assert!(e.to_string().contains("`dvtt` is not a condition"), "{e}");
    }

    #[test]
    fn a_rank_prior_weight_outside_0_1_or_without_a_source_is_refused() {
        for (text, says) in [
            (CONDITIONS.replace("rank_prior_weight = 0.5", "rank_prior_weight = 1.5"), "rank_prior_weight must be in [0, 1]"),
            (CONDITIONS.replace("rank_prior_src = \"ibrahim2015\"", "rank_prior_src = \"nobody2020\""), "source `nobody2020` is not in sources.toml"),
        ] {
            assert_ne!(text, CONDITIONS);
            let e = with_conditions(&text).err().expect("refused");
            assert!(e.to_string().contains(says), "{e}");
        }
    }
}
