//! Which question to ask next: unanswered red-flag questions first, then the findings with the
//! largest expected information gain over the differential.
//!
//! The gain of asking finding F is the mutual information between F and the condition:
//! I = H(F) - sum_c p(c) H(F | c). The second term's H(F | c) is fixed by the knowledge base and
//! precompiled, so each candidate costs one pass over the classes per value, with no logarithm
//! per class. Classes with negligible probability are skipped.

use super::case::Case;
use super::knowledge::Knowledge;

/// At most this many keys are suggested; the first is the one to ask.
const MAX_QUESTIONS: usize = 10;
/// Classes below this probability cannot change which question is best.
const NEGLIGIBLE: f64 = 1e-4;

pub(crate) fn next_questions(kb: &Knowledge, case: &Case, posterior: &[f64], follow_ups: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(MAX_QUESTIONS);
    let unknown = |f: usize| case.value_at(f).is_none();
    for &f in kb.screening.iter().chain(follow_ups) {
        let key = &kb.findings[f].key;
        if unknown(f) && !out.contains(key) {
            out.push(key.clone());
        }
    }
    let top = posterior[..kb.conditions.len()].iter().copied().fold(0.0, f64::max);
    if top >= kb.settled_at {
        return out;
    }
    let live: Vec<usize> = (0..kb.classes).filter(|&c| posterior[c] >= NEGLIGIBLE).collect();
    let mut gains: Vec<(f64, usize)> = Vec::new();
    for (f, m) in kb.models.iter().enumerate() {
        if !unknown(f) || out.contains(&kb.findings[f].key) {
            continue;
        }
        let ne = kb.neg_entropy_row(f);
        let conditional: f64 = live.iter().map(|&c| posterior[c] * ne[c]).sum();
        let mut marginal = 0.0;
        for slot in m.first_slot..m.first_slot + m.slots.len() {
            let p = kb.p_row(slot);
            let pv: f64 = live.iter().map(|&c| posterior[c] * p[c]).sum();
            if pv > 0.0 {
                marginal -= pv * pv.ln();
            }
        }
        let gain = marginal + conditional;
        if gain >= kb.min_gain {
            gains.push((gain, f));
        }
    }
    gains.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.extend(gains.iter().take(MAX_QUESTIONS.saturating_sub(out.len())).map(|&(_, f)| kb.findings[f].key.clone()));
    out
}
