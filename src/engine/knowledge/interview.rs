//! How the interview chooses its next question (`knowledge/interview.toml`), compiled against the
//! conditions: each class's triage level and the cost of sending it lower, so that
//! `engine::questions` values a question by the triage loss it is expected to save.

use serde::Deserialize;

use super::compile::KnowledgeError;
use super::{ConditionInfo, FindingInfo};
use crate::engine::Triage;

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    ask_early: Vec<String>,
    ask_early_src: String,
    question_cost: f64,
    examination_cost: f64,
    rank_weight: f64,
    information_weight: f64,
    answer_prior: f64,
    answer_prior_src: String,
    could_change_at: f64,
    list_change_at: f64,
    unknown_together: Vec<Vec<String>>,
    unknown_together_src: String,
    src: String,
}

/// The compiled interview settings.
#[derive(Debug, Clone)]
pub(crate) struct Interview {
    /// Findings asked right after the screening questions, in order.
    pub ask_early: Vec<usize>,
    /// What the cheapest question costs (false alarms).
    pub question_cost: f64,
    /// Per finding: what asking it costs (false alarms): `question_cost`, times
    /// `examination_cost` for an examination test.
    pub cost: Vec<f64>,
    /// The weight of the list's loss (top-1 missed plus top-3 missed), in false alarms.
    pub rank_weight: f64,
    /// The serious causes (a miss costs more than a false alarm), each with the findings that
    /// set it apart from the population most (its deciding questions), most telling first.
    pub serious: Vec<(usize, Vec<usize>)>,
    /// Per slot, per class: P(v | c) ln P(v | c), for the information a question gives about
    /// the list.
    pub p_ln_p: Vec<f64>,
    /// Nats of information about the list, in false alarms: how the next question is chosen
    /// among those worth asking.
    pub information_weight: f64,
    /// The answers a person is credited with before the interview starts, when judging how likely
    /// the next question is to be answered at all: (answered + this) / (asked + this).
    pub answer_prior: f64,
    /// The chance of an answer below which a question is not asked for the change that answer
    /// alone would make to the triage.
    pub could_change_at: f64,
    /// A question that cannot change the triage is asked only while the change it is expected to
    /// make to the first and first three listed (weighed by the chance it is answered) is above this.
    pub list_change_at: f64,
    /// Sets of questions a person answers from the same knowledge: once one of a set is answered
    /// "not known", the others are not asked (unless a safety rule needs them).
    pub unknown_together: Vec<Vec<usize>>,
    /// Per class, per finding: KL(P(values | class) || population default), in nats: the
    /// information a finding can give about the list is at most their mean over the classes,
    /// which picks the candidates whose value is worth computing.
    pub kl: Vec<f64>,
    /// Per class (conditions, then the leak): its triage level, 0 (self-care) to 3 (emergency).
    pub level: Vec<u8>,
    /// Per class: what sending it below its level costs, in false alarms.
    pub miss: Vec<f64>,
}

/// A serious cause's deciding questions are those whose answers, for people with it, differ from
/// the population's by at least this much (KL divergence, nats): on its own such a question
/// moves the odds of that cause by a tenth of a nat on average, and several of them settle it.
const DECIDING_NATS: f64 = 0.1;

/// Triage levels: self-care, clinician, urgent, emergency.
pub(crate) const LEVELS: usize = 4;

pub(crate) fn compile(text: &str, findings: &[FindingInfo], p: &[f64], kl: &[f64], conditions: &[ConditionInfo], clinician_at: f64, sources: &dyn Fn(&str) -> bool) -> Result<Interview, KnowledgeError> {
    const AT: &str = "interview.toml";
    let f: File = toml::from_str(text).map_err(|e| KnowledgeError::new(AT, e.to_string()))?;
    for (what, id) in [("src", &f.src), ("ask_early_src", &f.ask_early_src), ("answer_prior_src", &f.answer_prior_src), ("unknown_together_src", &f.unknown_together_src)] {
        if !sources(id) {
            return Err(KnowledgeError::new(AT, format!("`{what}`: source `{id}` is not in sources.toml")));
        }
    }
    let ask_early = f
        .ask_early
        .iter()
        .map(|k| findings.iter().position(|x| x.key == *k).ok_or_else(|| KnowledgeError::new(AT, format!("`ask_early`: unknown finding `{k}`"))))
        .collect::<Result<Vec<_>, _>>()?;
    let index = |what: &str, k: &String| findings.iter().position(|x| x.key == *k).ok_or_else(|| KnowledgeError::new(AT, format!("`{what}`: unknown finding `{k}`")));
    let unknown_together = f
        .unknown_together
        .iter()
        .map(|set| {
            if set.len() < 2 {
                return Err(KnowledgeError::new(AT, format!("`unknown_together`: a set of one question ({set:?}) silences nothing")));
            }
            set.iter().map(|k| index("unknown_together", k)).collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()?;
    if !(f.question_cost > 0.0 && f.question_cost.is_finite()) {
        return Err(KnowledgeError::new(AT, "`question_cost` must be above 0"));
    }
    if !(f.examination_cost >= 1.0 && f.examination_cost.is_finite()) {
        return Err(KnowledgeError::new(AT, "`examination_cost` must be 1 or more (a test costs at least a question)"));
    }
    if !(f.answer_prior > 0.0 && f.answer_prior.is_finite()) {
        return Err(KnowledgeError::new(AT, "`answer_prior` must be above 0"));
    }
    if !(0.0..1.0).contains(&f.list_change_at) {
        return Err(KnowledgeError::new(AT, "`list_change_at` must be from 0 to below 1"));
    }
    if !(0.0..1.0).contains(&f.could_change_at) {
        return Err(KnowledgeError::new(AT, "`could_change_at` must be from 0 to below 1"));
    }
    for (what, w) in [("rank_weight", f.rank_weight), ("information_weight", f.information_weight)] {
        if !(w >= 0.0 && w.is_finite()) {
            return Err(KnowledgeError::new(AT, format!("`{what}` must be 0 or more")));
        }
    }
    // The threshold approach read backwards: a cause raised at probability `at` is one whose
    // miss costs (1 - at) / at false alarms.
    let odds = |at: f64| (1.0 - at) / at;
    let miss: Vec<f64> = conditions
        .iter()
        .map(|c| match (c.raise_at, c.triage) {
            (Some(at), _) => odds(at),
            (None, Triage::SelfCare) => 0.0,
            (None, _) => odds(clinician_at),
        })
        // The leak ("something not listed") is triaged like the rest of the list, by what it
        // resembles: nothing to miss on its own.
        .chain([0.0])
        .collect();
    let level = conditions.iter().map(|c| c.triage as u8).chain([Triage::SelfCare as u8]).collect();
    let cost = findings.iter().map(|x| f.question_cost * if x.clinician { f.examination_cost } else { 1.0 }).collect();
    let nf = findings.len();
    let serious = (0..conditions.len())
        .filter(|&c| miss[c] > 1.0)
        .map(|c| {
            let row = &kl[c * nf..(c + 1) * nf];
            let mut by: Vec<usize> = (0..nf).filter(|&f| row[f] >= DECIDING_NATS).collect();
            by.sort_by(|&a, &b| row[b].total_cmp(&row[a]));
            (c, by)
        })
        .collect();
    Ok(Interview { question_cost: f.question_cost, kl: kl.to_vec(), p_ln_p: p.iter().map(|x| x * x.ln()).collect(), information_weight: f.information_weight, answer_prior: f.answer_prior, could_change_at: f.could_change_at, list_change_at: f.list_change_at, unknown_together, serious, ask_early, cost, rank_weight: f.rank_weight, level, miss })
}

#[cfg(test)]
mod tests {
    use super::super::{get, INTERVIEW};

    fn refused(text: &str) -> String {
        let kb = get();
        let kl = vec![0.0; kb.findings.len() * kb.classes];
        let e = super::compile(text, &kb.findings, &kb.p, &kl, &kb.conditions, kb.clinician_at, &|id| kb.sources.iter().any(|s| s.id == id)).err().expect("refused");
        assert_eq!(e.at, "interview.toml");
        e.what
    }

    #[test]
    fn the_shipped_settings_price_a_miss_by_its_threshold() {
        let kb = get();
        let iv = &kb.interview;
        let dvt = kb.conditions().iter().position(|c| c.id == "dvt").unwrap();
        let at = kb.conditions()[dvt].raise_at.unwrap();
        assert!((iv.miss[dvt] - (1.0 - at) / at).abs() < 1e-12);
        assert!(iv.serious.iter().any(|(c, _)| *c == dvt));
        let calf_overload = kb.conditions().iter().position(|c| c.id == "calf_overload").unwrap();
        assert_eq!(iv.miss[calf_overload], 0.0, "a self-care cause has nothing to miss");
        assert_eq!(iv.ask_early.iter().map(|&f| kb.findings()[f].key.as_str()).collect::<Vec<_>>(), ["age", "sex", "location", "onset", "days_since_onset", "bilateral", "numbness_tingling", "weakness", "recent_immobilisation"]);
    }

    #[test]
    fn a_misspelt_setting_an_unknown_question_or_source_is_refused() {
        for (from, to, says) in [
            ("question_cost = ", "question_kost = ", "question_kost"),
            ("\"sex\"", "\"gender\"", "`gender`"),
            ("src = \"howard1966\"", "src = \"nobody2020\"", "nobody2020"),
            ("examination_cost = ", "examination_cost = 0.5 #", "examination_cost"),
            ("[\"pop\", \"kicked_sensation\"]", "[\"pop\", \"kicked_sensashun\"]", "kicked_sensashun"),
            ("[\"pop\", \"kicked_sensation\"]", "[\"pop\"]", "a set of one"),
        ] {
            let text = INTERVIEW.replacen(from, to, 1);
            assert_ne!(text, INTERVIEW, "{from}");
            let what = refused(&text);
            assert!(what.contains(says), "{what}");
        }
    }
}
