//! The case-report set (tests/data/case_reports.jsonl): 160 real presentations written blind,
//! by engineers who had not seen the engine, from published case reports and teaching cases
//! (a-), runners' own stories and news of athletes (b-), and mixes of both with textbook
//! presentations (c-, d-), encoding only what each source says. Many are sparse or misleading,
//! as the hidden evaluation set is; they measure the engine more honestly than the vignettes.
//!
//! Sets a- and b- guided the knowledge review of November 2026, c- was held out until late in it
//! and d- until after it (measured once: top-1 72.5%, top-3 90%, triage 80%); all four then chose
//! the model's tempering (1.0: better on every set). The figures printed here are the ones to
//! watch when the knowledge changes. Two things are asserted: the
//! figures do not fall below where that review left them (a floor, not a target), and no
//! emergency or urgent case is ever sent to self-care. Through the questionnaire (measured in
//! December 2026: top-1 77.5%, top-3 84.4%, triage 80.6%, 7 under-triaged, one of them, c-030,
//! to self-care) the figures have floors too, and so does the number of emergency and urgent cases
//! triaged lower (4 full case when measured).

mod floors;

use floors::{assert_floors, figures};
use soleus::evaluation::Mode;

#[test]
fn case_reports_score_and_no_urgent_case_is_sent_to_self_care() {
    let f = figures("case_reports.jsonl", Mode::FullCase);
    assert_eq!(f.cases, 160);
    assert_floors("case reports", &f, (81.0, 88.0, 80.0), 4);
    assert!(f.sent_to_self_care.is_empty(), "urgent or emergency cases sent to self-care: {:?}", f.sent_to_self_care);
}

#[test]
fn case_reports_through_the_questionnaire_score_no_lower_than_measured() {
    let f = figures("case_reports.jsonl", Mode::Interview { runner: false });
    // Top-1 76 (77 until December 2026's eighth session, when it was 78.8%, now 76.9%): two
    // cases fewer first since the swelling, tension and bruising questions that a "not known" to
    // blood thinners opened for everyone after a sudden onset are asked only when they are worth
    // it; no case was under-triaged more (tests/interview.rs says the same of its floors).
    assert_floors("case reports, interview", &f, (76.0, 84.0, 80.0), 4);
    assert!(f.sent_to_self_care.len() <= 1, "urgent or emergency cases sent to self-care: {:?}", f.sent_to_self_care);
}
