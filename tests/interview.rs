//! Simulated interviews: how many questions `next_questions` takes to settle a case.
//!
//! People are sampled from the knowledge base itself (a condition by its prior, each answer by
//! P(answer | condition)), then interviewed from an empty case by always asking the first
//! suggested question, until the engine suggests nothing more; "don't know" is recorded in the
//! case so the question is not suggested again. A runner alone starts with every examination
//! test marked not known. A second run replays the public cases, answering from their findings
//! ("don't know" for anything else). Figures are printed; the assertions are the loose bounds a
//! working questionnaire must meet.

use serde_json::Value;
use soleus::engine::knowledge::{self, Knowledge};
use soleus::engine::{assess, Case};

/// A small deterministic generator (xorshift64*): reproducible interviews without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<T: Clone>(&mut self, weighted: &[(T, f64)]) -> T {
        let total: f64 = weighted.iter().map(|w| w.1).sum();
        let mut x = self.next() * total;
        for (v, w) in weighted {
            if x < *w {
                return v.clone();
            }
            x -= w;
        }
        weighted.last().unwrap().0.clone()
    }
}

struct Interview {
    asked: usize,
    settled: bool,
    top1: String,
    in_top3: bool,
}

const MAX_QUESTIONS: usize = 60;

/// Ask the first suggested question until the engine suggests none; `answer` returns None for
/// "don't know", which the case records (`mark_not_known`) so the question is not suggested
/// again, as the app's questionnaire will do. `start` is the empty case the interview begins
/// from (a runner alone: every examination test marked not known).
fn interview(truth: &str, start: Case, mut answer: impl FnMut(&str) -> Option<Value>) -> Interview {
    let mut case = start;
    let mut asked: Vec<soleus::engine::Text> = Vec::new();
    loop {
        let a = assess(&case);
        match a.next_questions.first() {
            Some(q) if asked.len() < MAX_QUESTIONS => {
                assert!(!asked.contains(q), "{q} was suggested again after it was asked");
                match answer(q) {
                    Some(v) => case.set(q, &v).expect("simulated answers are valid"),
                    None => case.mark_not_known(q).expect("suggested keys are findings"),
                }
                asked.push(q.clone());
            }
            next => {
                return Interview {
                    asked: asked.len(),
                    settled: next.is_none(),
                    top1: a.differential[0].condition.to_string(),
                    in_top3: a.differential.iter().take(3).any(|r| r.condition == truth),
                }
            }
        }
    }
}

fn percentile(sorted: &[usize], p: f64) -> usize {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn sampled(kb: &Knowledge, runner_only: bool, people: usize, seed: u64) -> Vec<(String, Interview)> {
    let mut rng = Rng(seed);
    let conditions: Vec<(String, f64)> = kb.conditions().iter().map(|c| (c.id.clone(), c.prior)).collect();
    (0..people)
        .map(|_| {
            let truth = rng.pick(&conditions);
            let mut answers = std::collections::HashMap::new();
            let start = if runner_only { Case::default().without_examination() } else { Case::default() };
            let i = interview(&truth, start, |key| {
                assert!(!(runner_only && kb.finding(key).is_some_and(|f| f.clinician)), "a runner alone was asked the examination test {key}");
                let dist = kb.answer_distribution(&truth, key).unwrap();
                Some(answers.entry(key.to_string()).or_insert_with(|| rng.pick(&dist)).clone())
            });
            (truth, i)
        })
        .collect()
}

fn report(label: &str, runs: &[(String, Interview)]) -> (usize, f64, f64, f64) {
    let mut lengths: Vec<usize> = runs.iter().map(|(_, i)| i.asked).collect();
    lengths.sort_unstable();
    let n = runs.len() as f64;
    let settled = runs.iter().filter(|(_, i)| i.settled).count() as f64 / n;
    let top1 = runs.iter().filter(|(t, i)| *t == i.top1).count() as f64 / n;
    let top3 = runs.iter().filter(|(_, i)| i.in_top3).count() as f64 / n;
    println!(
        "{label}: n={} questions p10={} median={} p90={} max={} | settled={:.0}% top1={:.0}% top3={:.0}%",
        runs.len(), percentile(&lengths, 0.1), percentile(&lengths, 0.5), percentile(&lengths, 0.9), lengths.last().unwrap(),
        settled * 100.0, top1 * 100.0, top3 * 100.0
    );
    (percentile(&lengths, 0.5), settled, top1, top3)
}

#[test]
fn sampled_interviews_settle_in_a_reasonable_number_of_questions() {
    let kb = knowledge::get();
    let (median, settled, top1, top3) = report("sampled people, physio interview (all questions)", &sampled(kb, false, 400, 0x5eed_0001));
    assert!((5..=20).contains(&median), "median interview length {median}");
    assert!(settled >= 0.95, "only {:.0}% of interviews settled", settled * 100.0);
    assert!(top1 >= 0.6 && top3 >= 0.85, "the interview should find the sampled condition (top1 {top1:.2}, top3 {top3:.2})");
    let (median, settled, _, top3) = report("sampled people, runner alone (no examination tests)", &sampled(kb, true, 400, 0x5eed_0002));
    assert!(median <= 25 && settled >= 0.9 && top3 >= 0.75, "runner-only interviews: median {median}, settled {settled}, top3 {top3}");
}

#[test]
fn public_cases_replayed_as_interviews() {
    let cases: Vec<Value> = include_str!("data/public_cases.jsonl").lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let runs: Vec<(String, Interview)> = cases
        .iter()
        .map(|c| {
            let truth = c["expected"]["condition"].as_str().unwrap().to_string();
            let findings = c["findings"].as_object().unwrap().clone();
            let i = interview(&truth, Case::default(), |key| findings.get(key).cloned());
            (truth, i)
        })
        .collect();
    report("public cases replayed (unknown answers skipped)", &runs);
    assert!(runs.iter().all(|(_, i)| i.asked <= MAX_QUESTIONS));
}
