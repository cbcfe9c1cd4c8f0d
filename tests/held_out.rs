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
//! 53.8%, 7; a runner alone 48.1%, 76.9%, 55.8%, 7). The decision-aware interview and the new
//! safety rules (December 2026) moved them to: held_out 75.0%, 83.3%, 70.8%, 5 (runner alone
//! 75.0%, 85.4%, 70.8%, 5); held_out_f 50.0%, 75.0%, 57.7%, 6 (runner alone 50.0%, 76.9%,
//! 59.6%, 5): fewer cases under-triaged and more triaged exactly, one case fewer first and two
//! fewer in the first three on held_out_f's interview. The floors follow those figures: the
//! under-triage allowed only ever falls.

mod floors;

use floors::{assert_floors, figures};
use soleus::evaluation::Mode;

/// Floors: top-1, top-3 and exact triage in percent, and the most cases allowed under-triaged.
type Floors = ((f64, f64, f64), usize);

/// One blind set: its file, its name in a failure, how many cases it holds, and its floors full
/// case, through the questionnaire, and through the questionnaire as the runner alone answers it.
struct Set(&'static str, &'static str, usize, Floors, Floors, Floors);

/// The blind sets, in the order they were written (e and f: the module's note).
const SETS: &[Set] = &[
    Set("held_out.jsonl", "held-out cases", 48, ((77.0, 87.0, 75.0), 5), ((68.0, 81.0, 72.0), 5), ((68.0, 81.0, 72.0), 5)),
    Set("held_out_f.jsonl", "held-out cases (f)", 52, ((55.0, 82.0, 63.0), 3), ((51.0, 76.0, 59.0), 5), ((50.0, 76.0, 59.0), 5)),
    // A fourth blind set (tests/data/held_out_g.jsonl, g-): 71 presentations from published sources
    // no other file uses, written on 7 December 2026 by an engineer who saw neither the engine nor
    // its knowledge, while that day's changes (vocabulary v2, the safety rules, the decision-aware
    // interview) were made by others who never saw it. First measured after those were merged:
    // full case top-1 67.6%, top-3 88.7%, triage 67.6%, 6 under-triaged (3 emergencies); interview
    // 64.8%, 84.5%, 59.2%, 9, median 31 questions; a runner alone 60.6%, 84.5%, 60.6%, 9. The same
    // cases on the engine before that day's changes: 66.2%, 91.5%, 56.3%, 8; interview 64.8%,
    // 85.9%, 54.9%, 9. Floors at the first measurement; the under-triage allowed only ever falls.
    //
    // From December 2026's seventh session all three sets (e, f, g) are development sets
    // (tests/data/sets.toml `tuned_on`). That session's changes (inherited likelihoods strict, the
    // nerve-sign rule, back pain screened, the core history asked first, each question weighed by
    // the chance it is answered) moved them to: e full 79.2/87.5/75.0, 5 under-triaged; interview
    // 68.8/81.2/70.8, 5 (27 questions; three cases fewer first, one fewer in the first three); f
    // full 55.8/82.7/61.5, 4; interview 50.0/76.9/59.6, 5 (25 questions, from 27); g full
    // 67.6/88.7/69.0, 5; interview 63.4/88.7/63.4, 6 (29 questions, from 31). The floors follow;
    // the under-triage allowed only falls.
    Set("held_out_g.jsonl", "held-out cases (g)", 71, ((67.0, 88.0, 68.0), 4), ((64.0, 88.0, 63.0), 4), ((60.0, 88.0, 63.0), 4)),
    // A fifth blind set (tests/data/held_out_h.jsonl, h-): 68 presentations from published sources
    // no other file uses, written on 7 December 2026 (session 7) by an engineer who never ran the
    // engine, while that session's knowledge changes were made by others who never saw it. Measured
    // once, after those changes were merged (`soleus benchmark`): full case top-1 66.2%, top-3
    // 76.5%, triage 76.5%, 4 under-triaged (3 emergencies: h-036, h-037, h-061, acute compartment
    // syndromes; 1 urgent: h-067), self-care sent to urgent 0 of 16; interview 61.8%, 77.9%, 73.5%,
    // 6 under-triaged, median 27 questions; a runner alone 61.8%, 77.9%, 73.5%, 6. No knowledge was
    // changed after that measurement; the floors are those figures, and the under-triage allowed
    // only ever falls. From now on it guides development like the others: the next blind set must
    // be new.
    //
    // December 2026's eighth session used h, with the others, to find the knowledge the engine
    // lacked and to judge the interview's stop rule (sets.toml `tuned_on`). After it (`soleus
    // benchmark`), on every set: e full 79.2/87.5/75.0, 5 under-triaged; interview 68.8/81.2/72.9,
    // 5, 26 questions; f full 55.8/82.7/63.5, 3 (from 4: f-208, a clot after a trip whose calf went
    // "solid", now a clot's sign after a leg injury), interview 51.9/76.9/59.6, 5; g full 67.6/88.7/69.0, 4 (from
    // 5); interview 64.8/88.7/62.0, 5 (from 6), 28 questions; h full unchanged, interview
    // 63.2/79.4/70.6, 5 (from 6), 26 questions. Floors raised to those. Lowered, with the reason:
    // g's interview triage from 63 to 61 (g-036, a torn gastrocnemius tendon with swelling and
    // bruising behind the knee, is now sent for a same-day scan by the burst-cyst rule, as an
    // ultrasound was needed to tell them apart); h's interview triage from 73 to 70 and its runner's
    // from 73 to 72 (h-002, under-triaged before, is now over-triaged to an emergency; h-009's
    // reduced foot pulses are now asked, and fire their urgent rule where the case expects a
    // clinician). Session 9 (the threatened-limb rule, a whole swollen calf asked whether it is tense):
    // h full case 3 under-triaged (from 4: h-037, absent foot pulses with numbness, now an
    // emergency), triage 77.9; g's interview 4 (from 5: g-018) and triage 63.4. Floors raised to those.
    Set("held_out_h.jsonl", "held-out cases (h)", 68, ((66.0, 76.0, 77.0), 3), ((63.0, 79.0, 70.0), 5), ((61.0, 79.0, 72.0), 5)),
    // A sixth blind set (tests/data/held_out_i.jsonl, i-): 67 presentations from 67 published
    // sources no other file uses (checked by author, title and address), written on 7 December 2026
    // (session 8) by an engineer who read neither the engine nor its knowledge, while that session's
    // knowledge changes (a leg injury and the pill as clot risks, the burst-cyst rule, the
    // interview's stop rule) were made by others who never saw it. Measured once, after they were
    // merged (`soleus benchmark`): full case top-1 70.1%, top-3 86.6%, triage 68.7%, 8
    // under-triaged (3 emergencies, 5 urgent), self-care sent to urgent 1 of 16; interview 65.7%,
    // 85.1%, 64.2%, 10 under-triaged, median 28 questions; a runner alone 64.2%, 85.1%, 65.7%, 10.
    // Nothing was changed after that measurement; the floors are those figures and the under-triage
    // allowed only ever falls. From session 10 (8 December 2026) it is a development set
    // (sets.toml `tuned_on`): its under-triaged cases were read to find missing knowledge. Session
    // 10's sourced rules (an anterior tibial stress fracture, a worsening weakness with front-of-shin
    // pain) lowered its under-triage to 6 full case (2 emergencies, 4 urgent), 8 interview and 8 for
    // a runner alone (triage 71.6%, 67.2%, 68.7%); the floors follow.
    Set("held_out_i.jsonl", "held-out cases (i)", 67, ((70.0, 86.0, 68.0), 6), ((65.0, 85.0, 64.0), 8), ((64.0, 85.0, 65.0), 8)),
    // A seventh blind set (tests/data/held_out_j.jsonl, j-): 65 presentations from sources no other
    // file uses (checked by address, title and author), written on 7 December 2026 (session 9) by
    // an engineer who read neither the engine nor its knowledge, while that session's changes (the
    // threatened-limb rule, the tense-calf questions, the interview's "not known" sets) were made
    // by others who never saw it. Measured once, after they were merged (`soleus benchmark`): full
    // case top-1 69.2%, top-3 87.7%, triage 73.8%, 9 under-triaged (3 emergencies, 6 urgent),
    // self-care sent to urgent 0 of 18; interview 63.1%, 87.7%, 70.8%, 9 under-triaged, median 26
    // questions; a runner alone the same. Nothing was changed after that measurement; the floors
    // are those figures and the under-triage allowed only ever falls. From session 10 it is a
    // development set, like i. Session 10's sourced rules (a cauda equina emergency with a worsening
    // weakness in both legs, a worsening weakness with front-of-shin pain) lowered its under-triage
    // to 7 full case (1 emergency, 6 urgent), 7 interview and 7 for a runner alone (triage 76.9%,
    // 73.8%, 73.8%); the floors follow.
    Set("held_out_j.jsonl", "held-out cases (j)", 65, ((69.0, 87.0, 73.0), 7), ((63.0, 87.0, 70.0), 7), ((63.0, 87.0, 70.0), 7)),
    // An eighth blind set (tests/data/held_out_k.jsonl, k-): 66 presentations from 65 sources no
    // other file uses (checked by address, title and author against the 769 sources of every case
    // set and the knowledge), written on 8 December 2026 (session 10) by an engineer who saw neither
    // the engine nor its knowledge nor any other case set, while that session's changes (four
    // sourced red-flag rules, a sudden onset during a run, the store's migration 009) were made by
    // others who never saw it. Measured once, after they were merged (score_cases.py and
    // interview_cases.py): full case top-1 84.8%, top-3 90.9%, triage 62.1%, 7 under-triaged (1
    // emergency, 6 urgent), 15 over-triaged, self-care sent to urgent 1 of 16; interview 78.8%,
    // 84.8%, 57.6%, 7, median 28 questions; a runner alone the same, median 26. Nothing was changed
    // after that measurement; the floors are those figures and the under-triage allowed only falls.
    Set("held_out_k.jsonl", "held-out cases (k)", 66, ((84.0, 90.0, 62.0), 7), ((78.0, 84.0, 57.0), 7), ((78.0, 84.0, 57.0), 7)),
];

/// Scores one set full case, through the questionnaire and as the runner alone, each against its
/// floors.
fn scores_no_lower_than_its_floors(Set(file, name, cases, full, interview, runner): &Set) {
    for (how, mode, (percents, max_under)) in [
        ("", Mode::FullCase, full),
        (", interview", Mode::Interview { runner: false }, interview),
        (", runner alone", Mode::Interview { runner: true }, runner),
    ] {
        let f = figures(file, mode);
        assert_eq!(f.cases, *cases, "{file}{how}");
        assert_floors(&format!("{name}{how}"), &f, *percents, *max_under);
    }
}

/// Every set is scored, and every set below a floor is named (its figures are printed above),
/// not only the first.
#[test]
fn every_blind_set_scores_no_lower_than_when_first_measured() {
    let below: Vec<&str> = SETS.iter().filter(|set| std::panic::catch_unwind(|| scores_no_lower_than_its_floors(set)).is_err()).map(|set| set.0).collect();
    assert!(below.is_empty(), "below their floors: {below:?}");
}
