//! Scoring the engine on labelled cases, the two ways ../shared/clinical/score_cases.py and
//! interview_cases.py do through the CLI: the whole case at once, and the questionnaire as it is
//! used, one suggested question at a time.

use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use super::sets::LabelledCase;
use crate::engine::{assess, Assessment, Case, CaseError, Triage};

/// An interview stops after this many questions even if the engine would ask more
/// (interview_cases.py's `--max` default).
pub const MAX_QUESTIONS: usize = 40;

/// How a case reaches the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every finding of the case at once.
    FullCase,
    /// Start empty; ask the engine's first suggested question not yet asked; answer it from the
    /// case, or mark it not known when the case is silent; stop when nothing more is suggested
    /// or after [`MAX_QUESTIONS`]. `runner`: a runner alone, never asked an examination test.
    Interview { runner: bool },
}

/// One way of scoring one set. Counts, not percentages: the reader divides by `cases`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Figures {
    #[ts(type = "number")]
    pub cases: usize,
    /// An accepted condition ranked first.
    #[ts(type = "number")]
    pub top1: usize,
    /// An accepted condition among the first three.
    #[ts(type = "number")]
    pub top3: usize,
    /// The triage exactly as expected.
    #[ts(type = "number")]
    pub triage_exact: usize,
    /// At the expected triage, above it, or at most one level below (Gilbert 2020's "safe").
    #[ts(type = "number")]
    pub safe: usize,
    /// Emergency cases given a lower triage, by id.
    pub under_emergency: Vec<String>,
    /// Urgent cases given a lower triage, by id.
    pub under_urgent: Vec<String>,
    /// Emergency or urgent cases given self-care advice, by id: the worst under-triage.
    pub sent_to_self_care: Vec<String>,
    /// Cases given a higher triage than expected.
    #[ts(type = "number")]
    pub over_triage: usize,
    /// Cases whose expected triage is self-care...
    #[ts(type = "number")]
    pub self_care_cases: usize,
    /// ...and how many of them were sent to urgent or emergency care.
    #[ts(type = "number")]
    pub self_care_sent_urgent: usize,
    /// Interviews only: the median number of questions asked (the upper one of an even count,
    /// as interview_cases.py).
    #[ts(type = "number | null")]
    pub median_questions: Option<usize>,
}

impl Figures {
    /// `count` as a percentage of the cases.
    pub fn percent(&self, count: usize) -> f64 {
        if self.cases == 0 { 0.0 } else { 100.0 * count as f64 / self.cases as f64 }
    }

    /// Emergency and urgent cases triaged lower.
    pub fn under_triaged(&self) -> usize {
        self.under_emergency.len() + self.under_urgent.len()
    }

    /// The summary line the Python scripts print, in their words and rounding.
    pub fn summary(&self, mode: Mode) -> String {
        let p = |x| self.percent(x);
        let tail = format!(
            "under_triaged_emergency={} under_triaged_urgent={} over_triage={} errors=0",
            self.under_emergency.len(),
            self.under_urgent.len(),
            self.over_triage
        );
        match mode {
            Mode::FullCase => format!(
                "cases={} top1={:.1}% top3={:.1}% triage={:.1}% safe={:.1}% {tail}",
                self.cases, p(self.top1), p(self.top3), p(self.triage_exact), p(self.safe)
            ),
            Mode::Interview { runner } => format!(
                "interview{} cases={} median_questions={} top1={:.1}% top3={:.1}% triage={:.1}% {tail}",
                if runner { "(runner)" } else { "" },
                self.cases,
                self.median_questions.unwrap_or(0),
                p(self.top1), p(self.top3), p(self.triage_exact)
            ),
        }
    }
}

/// What one case came to.
struct Outcome {
    ranked: Vec<String>,
    triage: Triage,
    questions: usize,
}

fn run(case: &LabelledCase, mode: Mode) -> Result<Outcome, CaseError> {
    match mode {
        Mode::FullCase => {
            let a = assess(&Case::from_value(json!({ "findings": case.findings }))?);
            Ok(outcome(&a, 0))
        }
        Mode::Interview { runner } => interview(case, runner),
    }
}

fn outcome(a: &Assessment, questions: usize) -> Outcome {
    Outcome { ranked: a.differential.iter().take(3).map(|r| r.condition.to_string()).collect(), triage: a.triage, questions }
}

/// The questionnaire as a person answers it, from what the case reports.
fn interview(case: &LabelledCase, runner: bool) -> Result<Outcome, CaseError> {
    let mut answers = if runner { Case::default().without_examination() } else { Case::default() };
    let mut asked = 0;
    let mut a = assess(&answers);
    while asked < MAX_QUESTIONS {
        // `next_questions` never suggests what was answered or marked not known; the filter
        // keeps the scripts' rule should that ever change.
        let Some(key) = a.next_questions.iter().find(|k| !answers.contains(k) && !answers.not_known().any(|n| n == k.as_ref())) else { break };
        let key = key.to_string();
        match case.findings.get(&key) {
            Some(v) => answers.set(&key, v)?,
            None => answers.mark_not_known(&key)?,
        }
        asked += 1;
        a = assess(&answers);
    }
    Ok(outcome(&a, asked))
}

/// Scores `cases` one way; a case the vocabulary refuses is an error naming it.
pub fn score(cases: &[LabelledCase], mode: Mode) -> Result<Figures, (String, CaseError)> {
    let outcomes = parallel_map(cases, |c| run(c, mode).map_err(|e| (c.id.clone(), e)));
    let mut f = Figures {
        cases: cases.len(),
        top1: 0,
        top3: 0,
        triage_exact: 0,
        safe: 0,
        under_emergency: Vec::new(),
        under_urgent: Vec::new(),
        sent_to_self_care: Vec::new(),
        over_triage: 0,
        self_care_cases: 0,
        self_care_sent_urgent: 0,
        median_questions: None,
    };
    let mut questions = Vec::with_capacity(cases.len());
    for (case, outcome) in cases.iter().zip(outcomes) {
        let o = outcome?;
        let (got, want) = (o.triage, case.triage);
        f.top1 += usize::from(o.ranked.first().is_some_and(|r| case.accept.contains(r)));
        f.top3 += usize::from(o.ranked.iter().any(|r| case.accept.contains(r)));
        f.triage_exact += usize::from(got == want);
        f.safe += usize::from(got as u8 + 1 >= want as u8);
        if got < want {
            match want {
                Triage::Emergency => f.under_emergency.push(case.id.clone()),
                Triage::Urgent => f.under_urgent.push(case.id.clone()),
                _ => {}
            }
            if got == Triage::SelfCare && want >= Triage::Urgent {
                f.sent_to_self_care.push(case.id.clone());
            }
        } else if got > want {
            f.over_triage += 1;
        }
        if want == Triage::SelfCare {
            f.self_care_cases += 1;
            f.self_care_sent_urgent += usize::from(got >= Triage::Urgent);
        }
        questions.push(o.questions);
    }
    if matches!(mode, Mode::Interview { .. }) {
        questions.sort_unstable();
        f.median_questions = questions.get(questions.len() / 2).copied().or(Some(0));
    }
    Ok(f)
}

/// `f` over `items` on every core, results in order: an interview is dozens of assessments, and
/// the app computes the figures while the person waits.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len().max(1));
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items.chunks(chunk).map(|part| s.spawn(|| part.iter().map(&f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("scoring a case does not panic")).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: &str, findings: serde_json::Value, accept: &[&str], triage: Triage) -> LabelledCase {
        LabelledCase {
            id: id.into(),
            findings: findings.as_object().unwrap().clone(),
            accept: accept.iter().map(|s| s.to_string()).collect(),
            triage,
        }
    }

    #[test]
    fn a_wrong_triage_is_counted_as_under_or_over() {
        // An empty case is self-care whatever its label says, so the labels decide the counts.
        let empty = || json!({});
        let cases = [
            case("e", empty(), &["x"], Triage::Emergency),
            case("u", empty(), &["x"], Triage::Urgent),
            case("c", empty(), &["x"], Triage::Clinician),
        ];
        let got = assess(&Case::default()).triage;
        assert_eq!(got, Triage::SelfCare, "the premise: an empty case is self-care");
        let f = score(&cases, Mode::FullCase).unwrap();
        assert_eq!((f.cases, f.top1, f.triage_exact, f.over_triage), (3, 0, 0, 0));
        assert_eq!(f.under_emergency, ["e"]);
        assert_eq!(f.under_urgent, ["u"]);
        assert_eq!(f.sent_to_self_care, ["e", "u"]);
        assert_eq!(f.safe, 1, "one level below is safe (the clinician case), two is not");
        assert_eq!(f.median_questions, None);
    }

    #[test]
    fn an_interview_asks_only_what_is_suggested_and_stops() {
        let c = case("r", json!({"pop": true, "onset": "sudden", "thompson_test": "positive", "age": 45}), &["achilles_rupture"], Triage::Urgent);
        let f = score(std::slice::from_ref(&c), Mode::Interview { runner: false }).unwrap();
        let q = f.median_questions.unwrap();
        assert!((1..=MAX_QUESTIONS).contains(&q), "{q} questions");
        let runner = score(std::slice::from_ref(&c), Mode::Interview { runner: true }).unwrap();
        assert!(runner.median_questions.unwrap() <= MAX_QUESTIONS);
    }

    #[test]
    fn a_case_the_vocabulary_refuses_is_named() {
        let c = case("bad-1", json!({"poop": true}), &["x"], Triage::SelfCare);
        let (id, e) = score(&[c], Mode::FullCase).unwrap_err();
        assert_eq!(id, "bad-1");
        assert_eq!(e.key(), Some("poop"));
    }
}
