//! The diagnosis engine: from a case's findings to a ranked differential, triage, red flags and
//! the next questions worth asking.
//!
//! - [`Case`]: findings validated against the vocabulary ([`Case::from_json`]).
//! - [`assess`]: the [`Assessment`] of a case. Never panics.
//! - [`knowledge`]: the knowledge base (conditions, findings and their questions, rules).
//!
//! The medical knowledge is data (`knowledge/*.toml`); this module is the small core that
//! reasons over it: `model` (naive Bayes), `safety` (rules, Wells, triage), `questions`
//! (expected information gain).

mod assessment;
mod case;
mod fastmath;
pub mod knowledge;
mod model;
mod questions;
mod safety;

pub use assessment::{percent, Assessment, ConditionId, Ranked, RedFlag, Text, Triage, WellsScore, DISCLAIMER};
pub use case::{expected, Case, CaseError, FindingValue};

/// Conditions shown: at least this many...
const SHOW_AT_LEAST: usize = 3;
/// ...plus any other above this probability...
const SHOW_ABOVE: f64 = 0.10;
/// ...up to this many (a list a person reads; the reasons are computed only for these)...
const SHOW_AT_MOST: usize = 5;
// ...and always a serious condition that reached its `raise_at`, the condition that set the
// triage, and the conditions a fired red-flag rule is about: when a condition makes the advice
// more urgent, the person sees it and why.

/// Assess a validated case.
pub fn assess(case: &Case) -> Assessment {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Option<model::Scratch>> = const { std::cell::RefCell::new(None) };
    }
    let kb = knowledge::get();
    SCRATCH.with(|cell| {
        let mut guard = cell.borrow_mut();
        let scratch = guard.get_or_insert_with(|| model::Scratch::new(kb));
        assess_with(kb, case, scratch)
    })
}

fn assess_with(kb: &'static knowledge::Knowledge, case: &Case, s: &mut model::Scratch) -> Assessment {
    let mut scores = std::mem::take(&mut s.scores);
    model::log_scores(kb, case.entries(), |_| true, s, &mut scores);
    let mut posterior = std::mem::take(&mut s.posterior);
    posterior.clear();
    posterior.extend_from_slice(&scores);
    model::softmax(&mut posterior);

    let n = kb.conditions.len();
    let mut order = std::mem::take(&mut s.order);
    order.clear();
    order.extend(0..n);
    order.sort_unstable_by(|a, b| posterior[*b].total_cmp(&posterior[*a]));
    let safety = safety::check(kb, case);
    let (warranted, by) = safety::differential_triage(kb, case, &posterior, s);
    let triage = safety.floor.max(warranted);
    let shown = |i: usize, c: usize| {
        i < SHOW_AT_LEAST
            || (i < SHOW_AT_MOST && posterior[c] >= SHOW_ABOVE)
            || kb.conditions[c].raise_at.is_some_and(|at| posterior[c] >= at)
            || c == by
            || safety.points_to & (1 << c) != 0
    };
    let mut differential = Vec::with_capacity(SHOW_AT_MOST);
    differential.extend(order.iter().enumerate().filter(|&(i, &c)| shown(i, c)).map(|(_, &c)| Ranked {
        condition: Text::Borrowed(&kb.conditions[c].id),
        name: Text::Borrowed(&kb.conditions[c].name),
        // Rounded down so the differential never sums above 1.
        probability: (posterior[c] * 10_000.0).floor() / 10_000.0,
        why: model::why(kb, case.entries(), c),
    }));

    let next_questions = questions::next_questions(kb, case, &posterior, &safety.follow_ups, s);
    s.scores = scores;
    s.posterior = posterior;
    s.order = order;

    Assessment {
        triage,
        triage_advice: Text::Borrowed(triage.advice()),
        red_flags: safety.flags,
        differential,
        wells_score: safety.wells.as_ref().map(|w| w.score),
        wells: safety.wells,
        next_questions,
        disclaimer: Text::Borrowed(DISCLAIMER),
        engine_version: Text::Borrowed(&kb.engine_version),
    }
}
