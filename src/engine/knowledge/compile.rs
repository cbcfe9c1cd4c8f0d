//! Check every id, value, probability and source of the data files against the vocabulary, and
//! compile the dense tables the reasoning core reads. The files' shape is `schema`'s (serde,
//! refusing unknown keys); every check here names the file and key that failed, so a reviewer
//! editing the data gets a precise message from `cargo test`.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use toml::Value as Toml;

use super::rules::{Cond, Rule, Test, WellsItem};
use super::NoneFits;
use super::schema::{self, ConditionsFile, FindingDef, FindingsFile, RedFlagsFile, SourcesFile};
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

fn number(v: &Toml) -> Option<f64> {
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
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
    /// `src` names a source of sources.toml.
    fn cite(&self, src: &str, at: &str) -> Res<()> {
        if self.0.contains(src) { Ok(()) } else { Err(KnowledgeError::new(at, format!("source `{src}` is not in sources.toml"))) }
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
fn plain_words(info: &mut FindingInfo, def: &FindingDef, sources: &Sources, at: &str) -> Res<()> {
    if let Some(q) = &def.question {
        info.question = q.clone();
    }
    // An examination test's one-line "how to test", shown to the physio under the question.
    match (&def.how, &def.how_src) {
        (Some(h), Some(src)) => {
            if !info.clinician {
                return Err(KnowledgeError::new(at, "`how` is only for an examination test (clinician = true)"));
            }
            if h.trim().is_empty() || h.contains('\n') || h.chars().count() > MAX_HOW {
                return Err(KnowledgeError::new(at, format!("`how` is one line of at most {MAX_HOW} characters")));
            }
            sources.cite(src, at)?;
            info.how = Some(h.clone());
        }
        (Some(_), None) => return Err(KnowledgeError::new(at, "`how` needs `how_src`, the source it follows")),
        (None, Some(_)) => return Err(KnowledgeError::new(at, "`how_src` without `how`")),
        (None, None) => {}
    }
    match (&info.kind, &def.answers) {
        (FindingKind::Enum { values }, answers) => {
            let answers = answers.as_ref().ok_or_else(|| KnowledgeError::new(at, "a choice needs `answers`, a plain label per value"))?;
            if let Some(k) = answers.keys().find(|k| !values.contains(k)) {
                return Err(KnowledgeError::new(at, format!("`answers.{k}` is not a value of this finding")));
            }
            info.labels = values
                .iter()
                .map(|v| answers.get(v).cloned().ok_or_else(|| KnowledgeError::new(at, format!("missing `answers.{v}`"))))
                .collect::<Res<_>>()?;
        }
        (_, Some(_)) => return Err(KnowledgeError::new(at, "`answers` is only for a choice")),
        _ => {}
    }
    Ok(())
}

/// A finding's values (or bins) and their population defaults, from findings.toml.
fn finding_model(info: &FindingInfo, def: &FindingDef, sources: &Sources, at: &str) -> Res<(Vec<Slot>, Vec<f64>)> {
    sources.cite(&def.src, at)?;
    let say = |id: &str| -> Res<String> { def.says.get(id).cloned().ok_or_else(|| KnowledgeError::new(at, format!("missing `says.{id}`"))) };
    let slots: Vec<Slot> = match (&info.kind, &def.bins) {
        (FindingKind::Bool, None) => ["false", "true"].iter().map(|id| Ok(Slot { id: id.to_string(), says: say(id)?, max: 0.0 })).collect::<Res<_>>()?,
        (FindingKind::Enum { values }, None) => values.iter().map(|id| Ok(Slot { id: id.clone(), says: say(id)?, max: 0.0 })).collect::<Res<_>>()?,
        (FindingKind::Integer { .. } | FindingKind::Number { .. }, Some(bins)) => {
            let top = info.kind.numeric_max().unwrap_or_default();
            let out: Vec<Slot> = bins.iter().map(|b| Slot { id: b.id.clone(), says: b.says.clone(), max: b.max }).collect();
            if out.windows(2).any(|w| w[0].max >= w[1].max) || out.last().map(|s| s.max) != Some(top) {
                return Err(KnowledgeError::new(at, format!("bins must rise and the last must end at {top}")));
            }
            out
        }
        (FindingKind::Integer { .. } | FindingKind::Number { .. }, None) => return Err(KnowledgeError::new(at, "a numeric finding needs `bins`")),
        (_, Some(_)) => return Err(KnowledgeError::new(at, "`bins` are only for a number")),
    };
    // A `says` for a value the finding does not have is a typo that would leave a reason unsaid.
    if let Some(k) = def.says.keys().find(|k| !slots.iter().any(|s| s.id == **k) || def.bins.is_some()) {
        return Err(KnowledgeError::new(at, format!("`says.{k}` is not a value of this finding (numbers word their bins)")));
    }
    let defaults = distribution(&slots, &def.default, None, at, "default")?;
    Ok((slots, defaults))
}

/// A distribution over a finding's slots: a bare number is P(true) for a bool; a table gives
/// some values, and the rest share what is left in proportion to `base` (or evenly).
fn distribution(slots: &[Slot], v: &Toml, base: Option<&[f64]>, at: &str, what: &str) -> Res<Vec<f64>> {
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

    let sources_file: SourcesFile = schema::read("sources.toml", sources)?;
    let source_list: Vec<Source> = sources_file.source.into_iter().map(|(id, citation)| Source { id, citation }).collect();
    let cite = Sources(source_list.iter().map(|s| s.id.clone()).collect());

    // The model's settings first: how findings are weighed depends on them.
    let ctoml: ConditionsFile = schema::read("conditions.toml", conditions)?;
    let model = &ctoml.model;
    let at = "conditions.toml model";
    let tempering = model.tempering;
    let smoothing = probability(model.leak_smoothing, at)?;
    let leak_prior = probability(model.leak_prior, at)?;
    let settled_at = probability(model.settled_at, at)?;
    let clinician_at = probability(model.clinician_at, at)?;
    let rank_prior_weight = model.rank_prior_weight;
    let version = model.version.clone();
    cite.cite(&model.src, at)?;
    cite.cite(&model.rank_prior_src, at)?;
    if !(0.0..=1.0).contains(&tempering) || tempering == 0.0 {
        return Err(KnowledgeError::new(at, "tempering must be in (0, 1]"));
    }
    if !(0.0..=1.0).contains(&rank_prior_weight) {
        return Err(KnowledgeError::new(at, "rank_prior_weight must be in [0, 1]"));
    }

    // Findings: values, population defaults, how `why` says them, groups.
    let ftoml: FindingsFile = schema::read("findings.toml", findings)?;
    let fdefs = &ftoml.finding;
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
        let def = fdefs.get(&info.key).ok_or_else(|| KnowledgeError::new(&at, "every vocabulary finding needs an entry"))?;
        plain_words(info, def, &cite, &at)?;
        let (slots, d) = finding_model(info, def, &cite, &at)?;
        models.push(FindingModel { first_slot: next_slot, slots, group: None, tempering: if def.antecedent { 1.0 } else { tempering }, antecedent: def.antecedent });
        next_slot += d.len();
        defaults.push(d);
    }
    let mut groups = Vec::new();
    for (name, g) in &ftoml.group {
        let at = format!("findings.toml group.{name}");
        for k in &g.findings {
            let f = index(k).ok_or_else(|| KnowledgeError::new(&at, format!("unknown finding `{k}`")))?;
            if models[f].group.is_some() {
                return Err(KnowledgeError::new(&at, format!("`{k}` is already in a group")));
            }
            models[f].group = Some(groups.len());
        }
        if !(0.0..=1.0).contains(&g.others_weight) {
            return Err(KnowledgeError::new(&at, "others_weight must be in [0, 1]"));
        }
        if g.reason.trim().is_empty() {
            return Err(KnowledgeError::new(&at, "a group says why its findings are one fact (`reason`)"));
        }
        groups.push(Group { others_weight: g.others_weight });
    }

    // Conditions: names from the vocabulary, priors, triage, likelihoods.
    let cdefs = &ctoml.condition;
    let vocab_ids: HashSet<&str> = vocab.conditions.iter().map(|c| c.id.as_str()).collect();
    for k in cdefs.keys() {
        if !vocab_ids.contains(k.as_str()) {
            return Err(KnowledgeError::new(&format!("conditions.toml condition.{k}"), "not a vocabulary condition"));
        }
    }
    let mut conds = Vec::new();
    let mut likelihoods: Vec<Vec<Vec<f64>>> = Vec::new(); // condition -> finding -> slots
    let mut listed: Vec<Vec<bool>> = Vec::new(); // condition -> finding: given in conditions.toml
    let mut given: Vec<Vec<Vec<bool>>> = Vec::new(); // condition -> finding -> slot: a sourced figure
    for vc in &vocab.conditions {
        let at = format!("conditions.toml condition.{}", vc.id);
        let t = cdefs.get(&vc.id).ok_or_else(|| KnowledgeError::new(&at, "every vocabulary condition needs an entry"))?;
        let prior = probability(t.prior, &format!("{at}.prior"))?;
        cite.cite(&t.prior_src, &format!("{at}.prior_src"))?;
        let raise_at = match (t.raise_at, &t.raise_reason) {
            (Some(p), Some(_)) => {
                // A threshold taken from the literature names its source, which must resolve.
                if let Some(s) = &t.raise_src {
                    cite.cite(s, &format!("{at}.raise_src"))?;
                }
                Some(probability(p, &format!("{at}.raise_at"))?)
            }
            (Some(_), None) => return Err(KnowledgeError::new(&at, "`raise_at` needs `raise_reason`, the costs it weighs")),
            (None, _) if t.raise_reason.is_some() || t.raise_src.is_some() => {
                return Err(KnowledgeError::new(&at, "`raise_reason` and `raise_src` explain a `raise_at`, which is missing"))
            }
            (None, _) => None,
        };
        let grades = t
            .grades
            .iter()
            .map(|g| {
                cite.cite(&g.src, &format!("{at}.grades"))?;
                Ok(Grade { grade: g.grade, description: g.description.clone() })
            })
            .collect::<Res<_>>()?;
        let name = t.name.clone().unwrap_or_else(|| vc.name.clone());
        conds.push(ConditionInfo { id: vc.id.clone(), name, triage: triage(&t.triage, &at)?, prior, raise_at, grades });

        let mut rows = defaults.clone();
        let mut listed_here = vec![false; infos.len()];
        let mut given_here: Vec<Vec<bool>> = defaults.iter().map(|d| vec![false; d.len()]).collect();
        for (key, spec) in &t.likelihood {
            let at = format!("{at}.likelihood.{key}");
            let f = index(key).ok_or_else(|| KnowledgeError::new(&at, "not a vocabulary finding"))?;
            let src = spec.get("src").and_then(Toml::as_str).ok_or_else(|| KnowledgeError::new(&at, "a likelihood is a table { value = p, src = id }"))?;
            cite.cite(src, &at)?;
            rows[f] = distribution(&models[f].slots, spec, Some(&defaults[f]), &at, "likelihood")?;
            listed_here[f] = true;
            let slots = &models[f].slots;
            // Of two values (yes/no, positive/negative) the one left out is the other restated.
            // Otherwise the values left out share what the line leaves, which no one wrote: a
            // knee arthritis whose durations stop at six months hands the rest to "more than six
            // months".
            let two = slots.len() == 2;
            given_here[f] = slots.iter().map(|s| two || spec.get(&s.id).is_some()).collect();
        }
        likelihoods.push(rows);
        listed.push(listed_here);
        given.push(given_here);
    }
    unlisted_take_the_rest(&conds, leak_prior, &defaults, &listed, &mut likelihoods);
    audit_inherited(&conds, &infos, &models, &defaults, &likelihoods, &given, smoothing)?;

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
    let rtoml: RedFlagsFile = schema::read("red_flags.toml", red_flags)?;
    let mut rules = Vec::new();
    let mut seen = HashSet::new();
    for r in &rtoml.rule {
        let at = format!("red_flags.toml rule {}", r.id);
        if !seen.insert(r.id.clone()) {
            return Err(KnowledgeError::new(&at, "duplicate rule id"));
        }
        cite.cite(&r.src, &at)?;
        let when = Cond::parse(&r.when, &at, &infos, &index)?;
        let ask_if = r.ask_if.as_ref().map(|c| Cond::parse(c, &at, &infos, &index)).transpose()?;
        let mut leaves = Vec::new();
        when.alarming_leaves(&mut leaves);
        let mut mask = [0u64; crate::engine::case::MAX_FINDINGS / 64];
        leaves.iter().for_each(|&(f, _)| mask[f / 64] |= 1 << (f % 64));
        let always = leaves.is_empty();
        let reads_wells = when.uses_wells();
        let mut points_to = 0u64;
        for c in &r.points_to {
            let i = conds.iter().position(|x| x.id == *c).ok_or_else(|| KnowledgeError::new(&at, format!("`points_to`: `{c}` is not a condition")))?;
            points_to |= 1 << i;
        }
        rules.push(Rule { triage: triage(&r.triage, &at)?, message: r.message.clone(), when, ask_if, mask, always, reads_wells, points_to, id: r.id.clone() });
    }
    let mut wells = Vec::new();
    for w in &rtoml.wells {
        let at = "red_flags.toml wells";
        cite.cite(&w.src, at)?;
        let when = Cond::parse(&w.when, at, &infos, &index)?;
        if when.uses_wells() {
            return Err(KnowledgeError::new(at, "a Wells item cannot refer to the Wells score"));
        }
        let points = w.points;
        let label = format!("{} ({points:+})", w.says);
        wells.push(WellsItem { points, label, when, alternative: points < 0 });
    }
    let mut wells_leaves = Vec::new();
    wells.iter().for_each(|w| w.when.leaves(&mut wells_leaves));
    let mut wells_findings: Vec<usize> = wells_leaves.iter().map(|(f, _)| *f).collect();
    wells_findings.dedup();
    let screening = rtoml
        .screening
        .iter()
        .map(|k| index(k).ok_or_else(|| KnowledgeError::new("red_flags.toml screening", format!("unknown finding `{k}`"))))
        .collect::<Res<Vec<_>>>()?;
    let mut leaves = Vec::new();
    rules.iter().for_each(|r| r.when.alarming_leaves(&mut leaves));
    wells.iter().filter(|w| !w.alternative).for_each(|w| w.when.alarming_leaves(&mut leaves));
    let mut red_flag_tests = vec![Vec::new(); infos.len()];
    for (f, test) in leaves {
        infos[f].red_flag = true;
        if *test != Test::Unknown && !red_flag_tests[f].contains(test) {
            red_flag_tests[f].push(test.clone());
        }
    }
    let mut red_flag_slot = vec![false; next_slot];
    for (f, tests) in red_flag_tests.iter().enumerate() {
        for t in tests {
            match *t {
                Test::Is(b) => red_flag_slot[models[f].first_slot + usize::from(b)] = true,
                Test::In(ref vs) => vs.iter().for_each(|&v| red_flag_slot[models[f].first_slot + v as usize] = true),
                Test::AtLeast(_) | Test::Above(_) | Test::Below(_) | Test::Unknown => {}
            }
        }
    }

    let at = "red_flags.toml none_fits";
    cite.cite(&rtoml.none_fits.src, at)?;
    if rtoml.none_fits.reason.trim().is_empty() || rtoml.none_fits.message.trim().is_empty() {
        return Err(KnowledgeError::new(at, "none_fits says why its threshold (`reason`) and what it means (`message`)"));
    }
    let none_fits = NoneFits { at: probability(rtoml.none_fits.at, at)?, message: rtoml.none_fits.message.clone() };

    let mut by_triage: Vec<usize> = (0..conds.len()).collect();
    by_triage.sort_by(|&a, &b| conds[b].triage.cmp(&conds[a].triage));
    let interview = super::interview::compile(super::file("interview.toml"), &infos, &p, &kl, &conds, clinician_at, &|id| cite.0.contains(id))?;
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
        none_fits,
        engine_version: format!("soleus-engine {} / knowledge {version}", env!("CARGO_PKG_VERSION")),
        version,
    })
}

/// The furthest an inherited likelihood may sit from the population default, as a ratio either
/// way: beyond it, the figure moves the condition as a sourced one would ("moderately", README).
const MAX_INHERITED_RATIO: f64 = 2.0;

/// A likelihood no line of conditions.toml gives: a finding the condition does not list, or a
/// value its line leaves out (sharing what the line leaves).
#[derive(Debug, Clone)]
struct Inherited {
    condition: String,
    finding: String,
    value: String,
    /// P(value | condition) as the engine weighs it (after leak smoothing) over the default.
    ratio: f64,
}

/// Every value a condition does not give a figure for inherits a likelihood from the population
/// defaults. Beyond `MAX_INHERITED_RATIO` either way, that figure would move the condition as a
/// sourced one would (above it, make it likelier on its own; below its inverse, hold it back),
/// though no one wrote it: loading fails, naming condition, finding, value and ratio, until the
/// figure is a sourced line or the default is brought near the listing conditions
/// (knowledge/README.md "Inherited likelihoods").
fn audit_inherited(conds: &[ConditionInfo], infos: &[FindingInfo], models: &[FindingModel], defaults: &[Vec<f64>], likelihoods: &[Vec<Vec<f64>>], given: &[Vec<Vec<bool>>], smoothing: f64) -> Res<()> {
    let mut out = Vec::new();
    for (c, cond) in conds.iter().enumerate() {
        for (f, d) in defaults.iter().enumerate() {
            for (v, &default) in d.iter().enumerate() {
                let ratio = ((1.0 - smoothing) * likelihoods[c][f][v] + smoothing * default) / default;
                if given[c][f][v] || (1.0 / MAX_INHERITED_RATIO..=MAX_INHERITED_RATIO).contains(&ratio) {
                    continue;
                }
                out.push(Inherited { condition: cond.id.clone(), finding: infos[f].key.clone(), value: models[f].slots[v].id.clone(), ratio });
            }
        }
    }
    let Some(first) = out.first() else { return Ok(()) };
    let list: Vec<String> = out.iter().map(|i| format!("{}.{} = {} (ratio {:.2})", i.condition, i.finding, i.value, i.ratio)).collect();
    let side = if first.ratio > MAX_INHERITED_RATIO { format!("above {MAX_INHERITED_RATIO}") } else { format!("below {}", 1.0 / MAX_INHERITED_RATIO) };
    Err(KnowledgeError::new(
        &format!("conditions.toml condition.{}.likelihood.{}", first.condition, first.finding),
        format!(
            "`{}` is not given and inherits a likelihood ratio of {:.2} against the population default, {side}: give it a sourced figure, or bring the default in findings.toml near what the conditions imply (all: {})",
            first.value,
            first.ratio,
            list.join("; ")
        ),
    ))
}

/// A condition that does not list a finding shows it at the rate of the rest of the population:
/// the population default with the conditions that do list it taken out, so that the prior-weighted
/// mix of all classes gives back the default. (Taking the default itself would credit, say, a calf
/// strain with the knee-joint tenderness that the knee conditions bring into the population rate.)
/// No value falls below half its default: the defaults are estimates too, and a figure that holds
/// a condition back by more than a factor of two must be written and sourced (`audit_inherited`),
/// not inherited.
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
        let floor = |v: usize| 0.5 * d[v];
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
        let text = CONDITIONS.replacen("location = { upper_calf_medial = 0.44", "location = { upper_calf = 0.44", 1);
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

    /// `text` with `from` replaced once by `to` (which must be there, or the test tests nothing).
    fn edit(text: &str, from: &str, to: &str) -> String {
        let out = text.replacen(from, to, 1);
        assert_ne!(out, text, "`{from}` is not in the file");
        out
    }

    #[test]
    fn a_misspelt_key_in_a_rule_is_refused_by_name() {
        for (from, to, key) in [
            ("points_to = [\"dvt\"]", "points_too = [\"dvt\"]", "points_too"),
            ("ask_if = {", "ask_iff = {", "ask_iff"),
            ("message = \"Chest pain", "mesage = \"Chest pain", "mesage"),
        ] {
            let e = compile(VOCABULARY, SOURCES, FINDINGS, CONDITIONS, &edit(RED_FLAGS, from, to)).unwrap_err();
            assert!(e.at == "red_flags.toml" && e.what.contains(&format!("unknown field `{key}`")), "{e}");
            // The parser shows the line, so the rule is found without searching.
            assert!(e.what.contains("TOML parse error at line") && e.what.contains(key), "{e}");
        }
        // Inside a rule's condition: a misspelt test, and a second form that would be ignored.
        let e = compile(VOCABULARY, SOURCES, FINDINGS, CONDITIONS, &edit(RED_FLAGS, "{ key = \"chest_symptoms\", eq = true }", "{ key = \"chest_symptoms\", eqq = true }")).unwrap_err();
        assert!(e.at.contains("rule pe_signs") && e.what.contains("unknown key `eqq`"), "{e}");
        let e = compile(VOCABULARY, SOURCES, FINDINGS, CONDITIONS, &edit(RED_FLAGS, "{ key = \"fever\", eq = true },", "{ key = \"fever\", eq = true, gt = 1 },")).unwrap_err();
        assert!(e.at.contains("rule infection_signs") && e.what.contains("exactly one of eq, in, ge or gt"), "{e}");
        let text = edit(RED_FLAGS, "when = { key = \"foot_cold_pale\", eq = true }", "when = { any = [{ key = \"foot_cold_pale\", eq = true }], all = [{ key = \"fever\", eq = true }] }");
        let e = compile(VOCABULARY, SOURCES, FINDINGS, CONDITIONS, &text).unwrap_err();
        assert!(e.at.contains("rule acute_limb_ischaemia") && e.what.contains("exactly one of all, any"), "{e}");
    }

    #[test]
    fn a_misspelt_key_in_a_condition_is_refused_by_name() {
        for (from, to, key) in [("raise_reason = ", "raise_reasn = ", "raise_reasn"), ("prior_src = \"taunton2002\"", "prior_scr = \"taunton2002\"", "prior_scr"), ("leak_prior = ", "leak_priors = ", "leak_priors")] {
            let e = with_conditions(&edit(CONDITIONS, from, to)).unwrap_err();
            assert!(e.at == "conditions.toml" && e.what.contains(&format!("unknown field `{key}`")), "{e}");
        }
        let e = with_conditions(&edit(CONDITIONS, "{ grade = 1, description", "{ grade = 1, descripton")).unwrap_err();
        assert!(e.what.contains("unknown field `descripton`"), "{e}");
    }

    #[test]
    fn a_misspelt_key_in_a_finding_is_refused_by_name() {
        for (from, to, key) in [("[finding.age]\nantecedent = true", "[finding.age]\nantecedant = true", "antecedant"), ("others_weight = 0.3", "other_weight = 0.3", "other_weight"), ("question = \"Where does", "questoin = \"Where does", "questoin")] {
            let e = compile(VOCABULARY, SOURCES, &edit(FINDINGS, from, to), CONDITIONS, RED_FLAGS).unwrap_err();
            assert!(e.at == "findings.toml" && e.what.contains(&format!("unknown field `{key}`")), "{e}");
        }
        // A `says` for a value the finding does not have.
        let e = compile(VOCABULARY, SOURCES, &edit(FINDINGS, "says = { true = \"a pop", "says = { maybe = \"perhaps\", true = \"a pop"), CONDITIONS, RED_FLAGS).unwrap_err();
        assert!(e.at.contains("finding.pop") && e.what.contains("says.maybe"), "{e}");
    }

    #[test]
    fn an_unsourced_inherited_likelihood_above_twice_the_default_is_refused_by_name() {
        // Knee arthritis's durations stopping at six months would hand it 0.60 of "more than
        // six months", four times the population's 0.14, without anyone writing it.
        let text = edit(CONDITIONS, "42_179 = 0.25, 180_plus = 0.60, src = \"nice_ng226\"", "42_179 = 0.25, src = \"nice_ng226\"");
        let e = with_conditions(&text).unwrap_err();
        assert_eq!(e.at, "conditions.toml condition.knee_osteoarthritis.likelihood.days_since_onset", "{e}");
        assert!(e.what.contains("`180_plus` is not given") && e.what.contains("ratio of 4.19"), "{e}");
        // A finding a condition does not list takes the rest of the population's rate, which
        // can be high too: a default far above what the listing conditions give (most overuse
        // conditions list 0.01-0.03 for relentless pain) leaves the rest far above it.
        let text = edit(FINDINGS, "[finding.pain_out_of_proportion]\ndefault = 0.04", "[finding.pain_out_of_proportion]\ndefault = 0.20");
        let e = compile(VOCABULARY, SOURCES, &text, CONDITIONS, RED_FLAGS).unwrap_err();
        assert!(e.at.contains("likelihood.pain_out_of_proportion") && e.what.contains("`true` is not given"), "{e}");
    }

    #[test]
    fn an_unsourced_inherited_likelihood_below_half_the_default_is_refused_by_name() {
        // An Achilles rupture line that gave only the tendon (0.95) would hand every other site a
        // share of the 0.05 left, in proportion to the defaults: a rupture felt in the lower calf
        // at a tenth of the population's rate, a figure no one wrote.
        let text = edit(CONDITIONS, "location = { achilles = 0.70, lower_calf = 0.20, mid_calf = 0.05, behind_knee = 0.012, upper_calf_medial = 0.01, upper_calf_lateral = 0.005, inner_shin = 0.013, whole_calf = 0.007, front_shin = 0.003, src = \"seed003\" }", "location = { achilles = 0.95, src = \"seed003\" }");
        let e = with_conditions(&text).unwrap_err();
        assert_eq!(e.at, "conditions.toml condition.achilles_rupture.likelihood.location", "{e}");
        assert!(e.what.contains("is not given") && e.what.contains("below 0.5"), "{e}");
        // Every inherited figure of the shipped knowledge is within a factor of two of the
        // default: the load would fail otherwise (the knowledge tests load it).
        assert!(Knowledge::load().is_ok());
    }

    fn condition(id: &str, prior: f64) -> ConditionInfo {
        ConditionInfo { id: id.into(), name: id.into(), triage: Triage::SelfCare, prior, raise_at: None, grades: Vec::new() }
    }

    #[test]
    fn unlisted_conditions_take_what_the_listed_ones_leave_of_the_default() {
        // One yes/no finding, default P(yes) = 0.2; condition a lists 0.4, b and c do not.
        let conds = [condition("a", 0.2), condition("b", 0.3), condition("c", 0.3)];
        let defaults = vec![vec![0.8, 0.2]];
        let listed = vec![vec![true], vec![false], vec![false]];
        let mut lik = vec![vec![vec![0.6, 0.4]], vec![defaults[0].clone()], vec![defaults[0].clone()]];
        unlisted_take_the_rest(&conds, 0.2, &defaults, &listed, &mut lik);
        let mix: f64 = [0.2 * 0.4, 0.3 * lik[1][0][1], 0.3 * lik[2][0][1], 0.2 * 0.2].iter().sum();
        assert!((mix - 0.2).abs() < 1e-12, "the population mix gives back the default: {mix}");
        assert!(lik[1][0][1] < 0.2 && (lik[1][0].iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(lik[1], lik[2]);
        assert_eq!(lik[0][0], vec![0.6, 0.4], "a listed figure is kept");
    }

    #[test]
    fn no_unlisted_value_falls_below_half_its_default() {
        let conds = [condition("a", 0.5), condition("b", 0.5)];
        let defaults = vec![vec![0.9, 0.1]];
        let listed = vec![vec![true], vec![false]];
        let mut lik = vec![vec![vec![0.0, 1.0]], vec![defaults[0].clone()]];
        unlisted_take_the_rest(&conds, 0.0, &defaults, &listed, &mut lik);
        assert!(lik[1][0][1] >= 0.05 - 1e-12, "{:?}", lik[1][0]);
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
