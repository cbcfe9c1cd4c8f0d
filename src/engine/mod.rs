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
#[cfg(test)]
mod rules_in_interview;

pub use assessment::{Assessment, ConditionId, NoneFits, Ranked, RedFlag, Text, Triage, TriageWords, WellsScore, DISCLAIMER};
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

/// The keys of a case's red-flag answers: answers that meet a test of a safety rule or score on
/// the Wells score. Each can only raise the triage.
pub fn red_flag_keys(case: &Case) -> Vec<&'static str> {
    let kb = knowledge::get();
    case.entries().iter().filter(|e| safety::is_red_flag_answer(kb, e)).map(|e| kb.findings[e.finding as usize].key.as_str()).collect()
}

/// Whether an answer from the leg itself (not age, sex or a risk factor) points to `condition`:
/// what a serious cause needs before it raises the triage.
pub fn leg_points_to(case: &Case, condition: &str) -> bool {
    let kb = knowledge::get();
    kb.conditions.iter().position(|c| c.id == condition).is_some_and(|c| safety::leg_evidence(kb, case.entries().iter()) & (1 << c) != 0)
}

/// Assess a validated case.
pub fn assess(case: &Case) -> Assessment {
    let kb = knowledge::get();
    with_scratch(kb, |s| assess_with(kb, case, s))
}

/// Whether the likely cause is settled: the top condition on the population's scale (the scale
/// `next_questions` stops on, not the list's) has reached `settled_at`. What is still asked
/// after that is only warning signs; a client says "nearly there" from this, never from the
/// list's probabilities.
pub fn is_settled(case: &Case) -> bool {
    let kb = knowledge::get();
    with_scratch(kb, |s| {
        let mut scores = std::mem::take(&mut s.scores);
        model::log_scores(kb, case.entries(), |_| true, s, &mut scores);
        model::softmax(&mut scores);
        let top = scores[..kb.conditions.len()].iter().copied().fold(0.0, f64::max);
        s.scores = scores;
        top >= kb.settled_at
    })
}

fn with_scratch<T>(kb: &'static knowledge::Knowledge, f: impl FnOnce(&mut model::Scratch) -> T) -> T {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Option<model::Scratch>> = const { std::cell::RefCell::new(None) };
    }
    SCRATCH.with(|cell| {
        let mut guard = cell.borrow_mut();
        f(guard.get_or_insert_with(|| model::Scratch::new(kb)))
    })
}

fn assess_with(kb: &'static knowledge::Knowledge, case: &Case, s: &mut model::Scratch) -> Assessment {
    let mut scores = std::mem::take(&mut s.scores);
    model::log_scores(kb, case.entries(), |_| true, s, &mut scores);
    // The population scale, with the priors in full, tells the interview when it has enough to
    // go on; the list's scale (`model::list_scale`) orders and shows the likely causes, and the
    // triage is judged on what it shows.
    let mut posterior = std::mem::take(&mut s.posterior);
    posterior.clear();
    posterior.extend_from_slice(&scores);
    model::softmax(&mut posterior);
    let mut ranked = std::mem::take(&mut s.ranked);
    model::list_scale(kb, &posterior, &mut ranked);

    let n = kb.conditions.len();
    let mut order = std::mem::take(&mut s.order);
    order.clear();
    order.extend(0..n);
    order.sort_unstable_by(|a, b| ranked[*b].total_cmp(&ranked[*a]));
    let safety = safety::check(kb, case);
    let (warranted, by) = safety::differential_triage(kb, case, &ranked, order[0], s);
    let triage = safety.floor.max(warranted);
    let shown = |i: usize, c: usize| {
        i < SHOW_AT_LEAST
            || (i < SHOW_AT_MOST && ranked[c] >= SHOW_ABOVE)
            || kb.conditions[c].raise_at.is_some_and(|at| ranked[c] >= at)
            || c == by
            || safety.points_to & (1 << c) != 0
    };
    let mut differential = Vec::with_capacity(SHOW_AT_MOST);
    differential.extend(order.iter().enumerate().filter(|&(i, &c)| shown(i, c)).map(|(_, &c)| Ranked {
        condition: Text::Borrowed(&kb.conditions[c].id),
        name: Text::Borrowed(&kb.conditions[c].name),
        // Rounded down so the differential never sums above 1.
        probability: (ranked[c] * 10_000.0).floor() / 10_000.0,
        why: model::why(kb, case.entries(), c),
    }));

    // Said whenever "something not listed" is at its threshold, or set the triage with some
    // red-flag answers set aside.
    let leak = kb.classes - 1;
    let none_fits = (ranked[leak] >= kb.none_fits.at || (by == leak && warranted == triage)).then(|| NoneFits {
        probability: (ranked[leak] * 10_000.0).floor() / 10_000.0,
        message: Text::Borrowed(&kb.none_fits.message),
    });
    let next_questions = questions::next_questions(kb, case, &posterior, &ranked, safety.floor, &safety.follow_ups, s);
    s.scores = scores;
    s.posterior = posterior;
    s.ranked = ranked;
    s.order = order;

    Assessment {
        triage,
        triage_advice: Text::Borrowed(triage.advice()),
        red_flags: safety.flags,
        differential,
        none_fits,
        wells_score: safety.wells.as_ref().map(|w| w.score),
        wells: safety.wells,
        next_questions,
        disclaimer: Text::Borrowed(DISCLAIMER),
        engine_version: Text::Borrowed(&kb.engine_version),
    }
}

#[cfg(test)]
mod tests {
    use super::knowledge::{self, FindingKind, Knowledge, CONDITIONS};
    use super::*;

    /// Every single answer alone, as a case: each value of each yes/no and choice finding, and
    /// each numeric finding at its bounds.
    fn single_answers(kb: &Knowledge) -> Vec<Case> {
        let mut cases = Vec::new();
        for f in kb.findings() {
            let values: Vec<serde_json::Value> = match &f.kind {
                FindingKind::Bool => vec![true.into(), false.into()],
                FindingKind::Enum { values } => values.iter().map(|v| v.as_str().into()).collect(),
                FindingKind::Integer { min, max } => vec![(*min).into(), (*max).into()],
                FindingKind::Number { min, max } => vec![(*min).into(), (*max).into()],
            };
            for v in values {
                let mut case = Case::default();
                case.set(&f.key, &v).unwrap();
                cases.push(case);
            }
        }
        cases
    }

    #[test]
    fn answers_that_fit_none_of_the_causes_say_so_and_advise_a_clinician() {
        // Shin-front pain at 16 with a knee that grinds, a cramp, a thickened tendon, a pop yet a
        // gradual onset, easing with running, tender along the shin: no listed cause fits.
        let odd = Case::from_value(serde_json::json!({"findings": {"age": 16, "location": "front_shin", "knee_grinding": true, "cramp_episode": true, "tendon_thickening": true, "sitting_worse": true, "pop": true, "onset": "gradual", "run_pattern": "warms_up", "bone_tenderness": "diffuse"}})).unwrap();
        let a = assess(&odd);
        let n = a.none_fits.as_ref().expect("none of these fits");
        assert!(n.probability >= knowledge::get().none_fits.at && !n.message.is_empty());
        assert!(a.triage >= Triage::Clinician, "{:?}", a.triage);
        // A plain presentation does not.
        let plain = Case::from_value(serde_json::json!({"findings": {"location": "mid_calf", "knot": true, "onset": "gradual"}})).unwrap();
        assert!(assess(&plain).none_fits.is_none());
    }

    #[test]
    fn the_list_weighs_the_priors_at_rank_prior_weight_and_shows_a_serious_cause_below_its_threshold_at_its_own() {
        const WEIGHT: &str = "rank_prior_weight = 0.5";
        assert!(CONDITIONS.contains(WEIGHT), "the test compares the shipped weight with 1.0");
        let kb = knowledge::get();
        let full: &'static Knowledge = Box::leak(Box::new(Knowledge::load_with_conditions(&CONDITIONS.replace(WEIGHT, "rank_prior_weight = 1.0")).unwrap()));
        let (mut s, mut s_full) = (model::Scratch::new(kb), model::Scratch::new(full));
        let prior = |id: &str| kb.condition(id).unwrap().prior.ln();
        let serious = |id: &str| kb.condition(id).unwrap().raise_at.is_some();
        let below = |id: &str, p: f64| kb.condition(id).unwrap().raise_at.is_some_and(|at| p < at);
        let mut reordered = 0;
        for case in single_answers(kb) {
            let (a, b) = (assess_with(kb, &case, &mut s), assess_with(full, &case, &mut s_full));
            let p = |x: &Assessment, id: &str| x.differential.iter().find(|r| r.condition == id).map(|r| r.probability);
            for (i, r) in a.differential.iter().enumerate() {
                // A serious cause below its threshold is shown at its population probability, the
                // scale its threshold was derived for.
                if let Some(x) = p(&b, &r.condition).filter(|&x| below(&r.condition, x)) {
                    assert!((r.probability - x).abs() < 2e-4, "{} for {}: {} != {x}", r.condition, case.to_json(), r.probability);
                }
                // Odds between two other listed causes move by exactly the discounted prior ratio.
                for q in &a.differential[i + 1..] {
                    let (Some(x), Some(y)) = (p(&b, &r.condition), p(&b, &q.condition)) else { continue };
                    if !serious(&r.condition) && !serious(&q.condition) && [r.probability, q.probability, x, y].iter().all(|&v| v > 0.01) {
                        let moved = (r.probability / q.probability).ln() - (x / y).ln();
                        let expected = -0.5 * (prior(&r.condition) - prior(&q.condition));
                        assert!((moved - expected).abs() < 0.05, "{} vs {} for {}: {moved} != {expected}", r.condition, q.condition, case.to_json());
                    }
                }
            }
            reordered += usize::from(a.differential[0].condition != b.differential[0].condition);
        }
        assert!(reordered > 0, "the weight never changed which cause is listed first");
    }
}
