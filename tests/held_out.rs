//! A second blind set (tests/data/held_out.jsonl, e-): 48 presentations written in November 2026
//! by an engineer who saw neither the engine nor its knowledge, from sources no other set uses
//! (case reports, athletes' stories, textbook presentations), after the last knowledge and model
//! changes. First measured at top-1 70.8%, top-3 87.5%, triage 75.0%; then, with the list's
//! prior weight (`rank_prior_weight`, chosen on this set among others), 79.2%, 87.5%, 75.0%.
//!
//! It is harder than the other sets on purpose: six cases carry only two findings and several
//! none that sets the cause apart (e-019, a clot known only as "40, male, lower calf"; e-026
//! and e-028, compartment syndromes known only as "no injury" and age or sex). Those go to
//! self-care, as they would with any questionnaire stopped after three answers; the engine's
//! next questions ask the red-flag screening first. Its author also sends Achilles
//! tendinopathy and knee arthritis to a clinician, where the public cases advise self-care.
//!
//! A third blind set (tests/data/held_out_f.jsonl, f-): 52 case reports written the same way
//! after `rank_prior_weight` was chosen, to check that choice on cases it had not seen: with
//! the weight top-1 29, top-3 43, triage 30 of 52; without it 31, 41, 28. It is the hardest set:
//! half its cases are "misleading" (a clot taken for a torn calf, f-207; a compartment syndrome
//! after a pop, f-211) or sparse.
//!
//! Asserted: the figures do not fall below those measurements (floors, not targets).

mod common;

/// Scores a blind set and holds it to the floors of its first measurement.
fn no_lower_than_first_measured(name: &str, jsonl: &str, cases: usize, floors: (f64, f64, f64), max_under: usize) {
    let s = common::score(jsonl);
    println!("{name}: {}", s.summary());
    assert_eq!(s.cases, cases);
    s.assert_floors(floors.0, floors.1, floors.2);
    assert!(s.under_emergency.len() + s.under_urgent.len() <= max_under, "under-triaged: {:?} {:?}", s.under_emergency, s.under_urgent);
}

#[test]
fn held_out_cases_score_no_lower_than_when_first_measured() {
    no_lower_than_first_measured("held-out cases", include_str!("data/held_out.jsonl"), 48, (77.0, 87.0, 75.0), 5);
}

#[test]
fn the_third_blind_set_scores_no_lower_than_when_first_measured() {
    no_lower_than_first_measured("held-out cases (f)", include_str!("data/held_out_f.jsonl"), 52, (55.0, 82.0, 57.0), 5);
}
