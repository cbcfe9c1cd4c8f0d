//! Every public development case through the engine: prints top-1, top-3, triage accuracy and
//! under-triage (as ../shared/clinical/score_cases.py does from the CLI). Safety is a gate: an
//! emergency case triaged lower fails the test. The accuracy targets are reported, not asserted.

mod common;

#[test]
fn public_cases_score_and_no_emergency_is_under_triaged() {
    let s = common::score(include_str!("data/public_cases.jsonl"));
    assert!(s.cases >= 20);
    println!("targets (reported, not asserted): top1 >= 85%, top3 >= 97%, triage >= 90%, no urgent case triaged lower");
    assert!(s.under_emergency.is_empty(), "emergency cases triaged lower: {:?}", s.under_emergency);
}
