//! Simulated interviews: how many questions `next_questions` takes to settle a case.
//!
//! People are sampled from the knowledge base itself (a condition by its prior, each answer by
//! P(answer | condition)), then interviewed from an empty case by always asking the first
//! suggested question, until the engine suggests nothing more; "don't know" is recorded in the
//! case so the question is not suggested again. A runner alone starts with every examination
//! test marked not known. The sampled figures are printed; the assertions are the loose bounds a
//! working questionnaire must meet.
//!
//! Every case set of tests/data is also replayed as interviews, as ../shared/clinical/
//! interview_cases.py does (the first suggested question not yet asked, answered from the case's
//! findings or marked not known), and its figures are printed beside the full case's and held to
//! the floors last measured.

mod common;

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
    // At most 22 (20 until December 2026's eighth session, when it was 19): the questions one of
    // whose answers (2% or likelier) would fire a safety rule above the triage are now asked
    // while they could (a whole swollen or hot red calf, a squeeze test, a worsening foot drop),
    // which took the sampled median from 19 to 21 and the sampled top-1 from 84% to 80%.
    assert!((5..=22).contains(&median), "median interview length {median}");
    assert!(settled >= 0.95, "only {:.0}% of interviews settled", settled * 100.0);
    assert!(top1 >= 0.6 && top3 >= 0.85, "the interview should find the sampled condition (top1 {top1:.2}, top3 {top3:.2})");
    let (median, settled, _, top3) = report("sampled people, runner alone (no examination tests)", &sampled(kb, true, 400, 0x5eed_0002));
    assert!(median <= 25 && settled >= 0.9 && top3 >= 0.75, "runner-only interviews: median {median}, settled {settled}, top3 {top3}");
}

/// Every case set of tests/data (`set`: tests/data/SET.jsonl), full case and interview (a
/// physio's, and a runner's alone), side by side: the figures `score_cases.py` and
/// `interview_cases.py` print. What the interview (a physio's) scored on each set when last
/// measured, as floors: top-1,
/// top-3 and triage exact (percent), the most emergency or urgent cases it may triage lower,
/// and the longest median interview. Measured with knowledge/interview.toml as committed; the
/// full-case figures are held by their own tests (public_cases.rs, vignettes.rs, held_out.rs).
struct Floor {
    set: &'static str,
    top1: f64,
    top3: f64,
    triage: f64,
    under: usize,
    median_questions: usize,
}

const FLOORS: [Floor; 5] = [
    // Re-measured in December 2026's seventh session (the core history first, each question
    // weighed by the chance it is answered, the nerve-sign rule): shorter everywhere but the
    // vignettes (21 from 18: the core history and the nerve questions are asked of everyone),
    // under-triage down on three sets; top-1 one case lower on the vignettes and the
    // case reports and three on held_out (e), exact triage two cases lower on the case reports
    // (the nerve-sign rule sends two sudden nerve entrapments to the emergency department).
    //
    // Re-measured in December 2026's eighth session (the stop rule: a question is asked for the
    // triage only while one of its answers, with a chance of 2% or more, could change it, on the
    // list or by firing a safety rule; a blood-thinner gate answered "not known" no longer opens
    // every detail of its rule; the clot's hormonal ratio and the burst-cyst rule). Raised where
    // the figures rose: the vignettes' under-triage to 0 (v-060, a clot on the pill) and exact
    // triage, held_out (e)'s triage and length, held_out_f's top-1. Lowered, with the reason:
    // - the public cases' median from 21 to 23 and the case reports' top-1 from 78.1 to 76.9,
    //   top-3 from 88.7 to 88.1, triage from 81.2 to 80.6 (two top-1 cases, one top-3, one
    //   triage): the questions whose answers would fire a safety rule (a whole swollen or hot red
    //   calf, a squeeze test, a gap, a foot drop getting worse) are now asked while that could
    //   raise the triage, and the swelling, tension and bruising questions that a "not known"
    //   to blood thinners used to open for everyone after a sudden onset are asked only when
    //   they are worth it; the interview under-triaged no more cases on any set.
    Floor { set: "public_cases", top1: 79.1, top3: 100.0, triage: 95.8, under: 0, median_questions: 23 },
    // Vignettes' median 21 -> 22 (clin-knowledge, December 2026): a whole swollen calf or leg is
    // asked whether it is tense and whether moving the toes hurts (the compartment syndrome's
    // deciding signs, red_flags.toml); same figures otherwise, and g-018 (a clot with a tense,
    // numb leg) is no longer under-triaged through the interview.
    Floor { set: "vignettes", top1: 93.6, top3: 98.5, triage: 95.7, under: 0, median_questions: 22 },
    Floor { set: "case_reports", top1: 76.8, top3: 88.1, triage: 80.6, under: 4, median_questions: 25 },
    Floor { set: "held_out", top1: 68.7, top3: 81.2, triage: 72.9, under: 5, median_questions: 26 },
    Floor { set: "held_out_f", top1: 51.9, top3: 76.9, triage: 59.6, under: 5, median_questions: 25 },
];

#[test]
fn every_case_set_is_scored_through_the_interview_beside_the_full_case() {
    let mut table = Vec::new();
    let mut failures = Vec::new();
    for floor in &FLOORS {
        let name = floor.set;
        let jsonl = &std::fs::read_to_string(format!("{}/tests/data/{name}.jsonl", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let full = common::score(jsonl);
        let asked = common::interview(jsonl, false);
        let runner = common::interview(jsonl, true);
        table.push(format!("{name:>13} full      {}", full.summary()));
        table.push(format!("{name:>13} interview {}", asked.summary()));
        table.push(format!("{name:>13} runner    {}", runner.summary()));
        let under = asked.under_emergency.len() + asked.under_urgent.len();
        let pct = |x: usize| 100.0 * x as f64 / asked.cases as f64;
        for (what, got, want) in [("top-1", pct(asked.top1), floor.top1), ("top-3", pct(asked.top3), floor.top3), ("triage", pct(asked.triage_ok), floor.triage)] {
            if got < want {
                failures.push(format!("{name}: interview {what} {got:.1}% below its floor {want}%"));
            }
        }
        if under > floor.under {
            failures.push(format!("{name}: interview under-triaged {:?} {:?}, at most {} allowed", asked.under_emergency, asked.under_urgent, floor.under));
        }
        if asked.median_questions() > floor.median_questions {
            failures.push(format!("{name}: median interview {} questions, at most {}", asked.median_questions(), floor.median_questions));
        }
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
