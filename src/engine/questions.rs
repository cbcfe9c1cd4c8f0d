//! Which question to ask next: unanswered red-flag questions first, then the findings with the
//! largest expected information gain over the differential.
//!
//! The gain of asking finding F is the mutual information between F and the condition. Written
//! against the population default Q of F, I(C; F) = sum_c p(c) KL(P(F|c) || Q) - KL(P(F) || Q).
//! The first term is a dot product with a precompiled table (no logarithms), and since the second
//! term is never negative it is an upper bound on the gain. Candidates are taken in order of that
//! bound and the exact gain is computed only until no remaining bound can enter the list: the
//! work per assessment is a few dozen short dot products and a handful of logarithms.

use super::case::Case;
use super::knowledge::Knowledge;
use super::fastmath::ln;
use super::model::Scratch;
use super::Text;

/// At most this many keys are suggested; the first is the one to ask.
pub(crate) const MAX_QUESTIONS: usize = 5;
/// Classes below this probability cannot change which question is best.
const NEGLIGIBLE: f64 = 2e-2;
/// Exact gains computed at most: beyond these the bound alone would order the list, and a
/// question that far down is never the one asked.
const MAX_EXACT: usize = MAX_QUESTIONS + 3;

pub(crate) fn next_questions(kb: &'static Knowledge, case: &Case, posterior: &[f64], follow_ups: &[usize], s: &mut Scratch) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::with_capacity(MAX_QUESTIONS + follow_ups.len());
    let chosen = &mut s.chosen;
    chosen.clear();
    for &f in kb.screening.iter().chain(follow_ups) {
        if case.open(f) && !chosen.contains(&f) {
            chosen.push(f);
            out.push(Text::Borrowed(&kb.findings[f].key));
        }
    }
    let top = posterior[..kb.conditions.len()].iter().copied().fold(0.0, f64::max);
    if top >= kb.settled_at || out.len() >= MAX_QUESTIONS {
        return out;
    }
    let live = &mut s.live;
    live.clear();
    live.extend(posterior.iter().copied().enumerate().filter(|&(_, p)| p >= NEGLIGIBLE));
    let bound = &mut s.bound;
    bound.clear();
    bound.resize(kb.models.len(), 0.0);
    for &(c, w) in live.iter() {
        bound.iter_mut().zip(kb.kl_class(c)).for_each(|(b, k)| *b += w * k);
    }
    for (f, b) in bound.iter_mut().enumerate() {
        if !case.open(f) {
            *b = 0.0;
        }
    }
    for &f in chosen.iter() {
        bound[f] = 0.0;
    }
    // The candidates with the largest bounds, best first, kept by insertion in one pass.
    let mut top = [(0.0f64, 0usize); MAX_EXACT];
    let mut len = 0;
    for (f, &b) in bound.iter().enumerate() {
        if b < kb.min_gain || (len == MAX_EXACT && b <= top[len - 1].0) {
            continue;
        }
        let at = top[..len].partition_point(|t| t.0 >= b);
        if len < MAX_EXACT {
            len += 1;
        }
        top.copy_within(at..len - 1, at + 1);
        top[at] = (b, f);
    }
    let want = MAX_QUESTIONS - out.len();
    let mut best = [(0.0f64, 0usize); MAX_QUESTIONS];
    let mut kept = 0;
    for (examined, &(bound, f)) in top[..len].iter().enumerate() {
        if (kept == want && best[want - 1].0 >= bound) || examined == want + 2 {
            break;
        }
        let m = &kb.models[f];
        let mut excess = 0.0; // KL(P(F) || Q)
        for slot in m.first_slot..m.first_slot + m.slots.len() {
            let p = kb.p_row(slot);
            let pv: f64 = live.iter().map(|&(c, w)| w * p[c]).sum();
            if pv > 0.0 {
                excess += pv * (ln(pv) - kb.ln_default[slot]);
            }
        }
        let gain = bound - excess;
        if gain >= kb.min_gain {
            let at = best[..kept].partition_point(|b| b.0 >= gain);
            if at < want {
                kept = (kept + 1).min(want);
                best.copy_within(at..kept - 1, at + 1);
                best[at] = (gain, f);
            }
        }
    }
    out.extend(best[..kept].iter().map(|&(_, f)| Text::Borrowed(&kb.findings[f].key)));
    out
}
