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
//! Asserted: the figures do not fall below those measurements (floors, not targets), full case
//! and through the questionnaire (`soleus::evaluation`'s interview, first measured in December
//! 2026: held_out top-1 75.0%, top-3 81.2%, triage 68.8%, 6 under-triaged; held_out_f 51.9%, 78.8%,
//! 53.8%, 7; a runner alone 48.1%, 76.9%, 55.8%, 7).

mod floors;

use floors::{assert_floors, figures};
use soleus::evaluation::Mode;

const INTERVIEW: Mode = Mode::Interview { runner: false };
const RUNNER: Mode = Mode::Interview { runner: true };

#[test]
fn held_out_cases_score_no_lower_than_when_first_measured() {
    let f = figures("held_out.jsonl", Mode::FullCase);
    assert_eq!(f.cases, 48);
    assert_floors("held-out cases", &f, (77.0, 87.0, 75.0), 5);
    assert_floors("held-out cases, interview", &figures("held_out.jsonl", INTERVIEW), (75.0, 81.0, 68.0), 6);
    assert_floors("held-out cases, runner alone", &figures("held_out.jsonl", RUNNER), (75.0, 81.0, 68.0), 6);
}

#[test]
fn the_third_blind_set_scores_no_lower_than_when_first_measured() {
    let f = figures("held_out_f.jsonl", Mode::FullCase);
    assert_eq!(f.cases, 52);
    assert_floors("held-out cases (f)", &f, (55.0, 82.0, 57.0), 5);
    assert_floors("held-out cases (f), interview", &figures("held_out_f.jsonl", INTERVIEW), (51.0, 78.0, 53.0), 7);
    assert_floors("held-out cases (f), runner alone", &figures("held_out_f.jsonl", RUNNER), (48.0, 76.0, 55.0), 7);
}
