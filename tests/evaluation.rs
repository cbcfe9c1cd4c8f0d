//! `soleus::evaluation` (what `soleus benchmark` and the app's accuracy page show) scores the
//! full cases exactly as the case tests' own scoring (tests/common, itself the figures of
//! ../shared/clinical/score_cases.py), on every set of tests/data/sets.toml, and its interview
//! figures are those of a plain re-implementation of interview_cases.py's loop.

mod common;

use soleus::engine::{assess, Case};
use soleus::evaluation::{self, Mode, MAX_QUESTIONS};

fn file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn full_case_figures_equal_the_case_tests_scoring_on_every_shipped_set() {
    let sets = evaluation::sets().unwrap();
    assert!(sets.len() >= 5);
    for set in sets {
        let reference = common::score(&file(&set.file));
        let f = evaluation::score(&evaluation::cases(set).unwrap(), Mode::FullCase).unwrap();
        let got = (f.cases, f.top1, f.top3, f.triage_exact, f.over_triage, &f.under_emergency, &f.under_urgent, &f.sent_to_self_care);
        let want = (
            reference.cases,
            reference.top1,
            reference.top3,
            reference.triage_ok,
            reference.over,
            &reference.under_emergency,
            &reference.under_urgent,
            &reference.sent_to_self_care,
        );
        assert_eq!(got, want, "{}", set.file);
        assert_eq!(set.cases, reference.cases, "{}: the manifest's count", set.file);
    }
}

/// interview_cases.py's loop, through the JSON the CLI reads: the answers so far as
/// `{"findings", "not_known"}`, the first suggested key not yet asked, at most 40 questions.
fn scripted_interview(findings: &serde_json::Map<String, serde_json::Value>) -> (Vec<String>, String, usize) {
    let (mut known, mut not_known, mut asked) = (serde_json::Map::new(), Vec::<String>::new(), 0);
    loop {
        let a = assess(&Case::from_value(serde_json::json!({"findings": known, "not_known": not_known})).unwrap());
        let next = a.next_questions.iter().find(|k| !known.contains_key(k.as_ref()) && !not_known.iter().any(|n| n == k.as_ref()));
        match next {
            Some(k) if asked < MAX_QUESTIONS => {
                asked += 1;
                match findings.get(k.as_ref()) {
                    Some(v) => drop(known.insert(k.to_string(), v.clone())),
                    None => not_known.push(k.to_string()),
                }
            }
            _ => return (a.differential.iter().take(3).map(|r| r.condition.to_string()).collect(), a.triage.id().to_string(), asked),
        }
    }
}

#[test]
fn interview_figures_equal_the_scripts_loop_on_the_public_cases() {
    let set = evaluation::sets().unwrap().iter().find(|s| s.file == "public_cases.jsonl").unwrap();
    let cases = evaluation::cases(set).unwrap();
    let f = evaluation::score(&cases, Mode::Interview { runner: false }).unwrap();
    let (mut top1, mut triage, mut lengths) = (0, 0, Vec::new());
    for c in &cases {
        let (ranked, t, asked) = scripted_interview(&c.findings);
        top1 += usize::from(c.accept.contains(&ranked[0]));
        triage += usize::from(t == c.triage.id());
        lengths.push(asked);
    }
    lengths.sort_unstable();
    assert_eq!((f.top1, f.triage_exact, f.median_questions), (top1, triage, Some(lengths[lengths.len() / 2])));
    assert!(f.median_questions.unwrap() > 0, "the interviews asked something");
}
