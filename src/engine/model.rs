//! The probabilistic core: naive Bayes in log space over the compiled tables.
//!
//! Each known finding adds its row of tempered log likelihood ratios (against the population
//! default) to every class's log prior. Findings in a dependence group (e.g. a pop and a kicked
//! feeling, two descriptions of one tearing event) do not simply add: per class the strongest
//! member counts in full and the others at the group's `others_weight`, so one event is not
//! counted twice. The leak class ("something not listed") keeps the population defaults, so a
//! case that fits no condition well leaves mass there instead of forcing a confident answer.

use super::case::Entry;
use super::knowledge::Knowledge;
use super::Text;

/// Working memory of one assessment, kept per thread and reused so that assessing a case
/// allocates only what it returns.
pub(crate) struct Scratch {
    best: Vec<f64>,
    sum: Vec<f64>,
    used: Vec<bool>,
    pub scores: Vec<f64>,
    pub posterior: Vec<f64>,
    pub ranked: Vec<f64>,
    pub base: Vec<f64>,
    pub order: Vec<usize>,
    /// Next questions: the classes that can change which question is worth most.
    pub live: Vec<super::questions::Live>,
    /// Next questions: per finding, the serious causes' stakes it resolves.
    pub extra: Vec<f64>,
    /// Per finding: what its answers are worth through the safety rules they would fire.
    pub fires: Vec<f64>,
    /// Next questions: the findings already suggested.
    pub chosen: Vec<usize>,
    /// Triage: the red-flag answers (and groups holding one) set aside, as units of options,
    /// rows of one score per class; each unit is (first row, number of options).
    pub options: Vec<f64>,
    pub units: Vec<(usize, usize)>,
    /// Per option: the classes its answers from the leg point to (`safety::leg_evidence`).
    pub legs: Vec<u64>,
}

impl Scratch {
    pub fn new(kb: &Knowledge) -> Self {
        let n = kb.groups.len() * kb.classes;
        Scratch {
            best: vec![0.0; n],
            sum: vec![0.0; n],
            used: vec![false; kb.groups.len()],
            scores: Vec::with_capacity(kb.classes),
            posterior: Vec::with_capacity(kb.classes),
            ranked: Vec::with_capacity(kb.classes),
            base: Vec::with_capacity(kb.classes),
            order: Vec::with_capacity(kb.classes),
            live: Vec::with_capacity(kb.classes),
            chosen: Vec::new(),
            extra: vec![0.0; kb.models.len()],
            fires: vec![0.0; kb.models.len()],
            options: Vec::new(),
            units: Vec::new(),
            legs: Vec::new(),
        }
    }
}

/// Log scores (unnormalised log posteriors) of every class from the entries `keep` accepts.
pub(crate) fn log_scores(kb: &Knowledge, entries: &[Entry], keep: impl Fn(&Entry) -> bool, s: &mut Scratch, out: &mut Vec<f64>) {
    // `out` is one of the scratch vectors, taken out by the caller while this runs.
    let k = kb.classes;
    out.clear();
    out.extend_from_slice(&kb.log_prior);
    s.used.iter_mut().for_each(|u| *u = false);
    for e in entries.iter().filter(|e| keep(e)) {
        let row = kb.lr_row(e.slot as usize);
        match kb.models[e.finding as usize].group {
            None => out.iter_mut().zip(row).for_each(|(o, r)| *o += r),
            Some(g) => {
                let (best, sum) = (&mut s.best[g * k..(g + 1) * k], &mut s.sum[g * k..(g + 1) * k]);
                if !s.used[g] {
                    s.used[g] = true;
                    best.fill(0.0);
                    sum.fill(0.0);
                }
                for i in 0..k {
                    sum[i] += row[i];
                    if row[i].abs() > best[i].abs() {
                        best[i] = row[i];
                    }
                }
            }
        }
    }
    for (g, group) in kb.groups.iter().enumerate() {
        if s.used[g] {
            for i in 0..k {
                out[i] += group_total(s.best[g * k + i], s.sum[g * k + i], group.others_weight);
            }
        }
    }
}

/// What a group's answers add to one class: the strongest in full, the others at `others_weight`.
#[inline]
pub(crate) fn group_total(best: f64, sum: f64, others_weight: f64) -> f64 {
    best + others_weight * (sum - best)
}

/// A group's total for every class from some of its members' rows, added to `out`.
pub(crate) fn add_group<'a>(others_weight: f64, rows: impl Iterator<Item = &'a [f64]> + Clone, out: &mut [f64]) {
    for (i, o) in out.iter_mut().enumerate() {
        let (mut best, mut sum) = (0.0f64, 0.0);
        for r in rows.clone() {
            sum += r[i];
            if r[i].abs() > best.abs() {
                best = r[i];
            }
        }
        *o += group_total(best, sum, others_weight);
    }
}

/// Normalise log scores into probabilities, in place.
pub(crate) fn softmax(scores: &mut [f64]) {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut total = 0.0;
    for s in scores.iter_mut() {
        // Below e^-40 of the best a class rounds to nothing: skip its exponential.
        *s = if *s - max < -40.0 { 0.0 } else { super::fastmath::exp_neg(*s - max) };
        total += *s;
    }
    scores.iter_mut().for_each(|s| *s /= total);
}

/// The list's scale, from population-scale probabilities (knowledge/README.md, "one scale for what
/// is shown"): a serious cause (one with a `raise_at`) below its threshold keeps its population
/// probability, the scale its threshold was derived for; every other cause shares what is left
/// with its prior weighed at `rank_prior_weight` (its odds times its `rank_factor`).
pub(crate) fn list_scale(kb: &Knowledge, posterior: &[f64], out: &mut Vec<f64>) {
    out.clear();
    let held = |x: usize| kb.conditions.get(x).and_then(|c| c.raise_at).is_some_and(|at| posterior[x] < at);
    let mut kept = 0.0;
    out.extend(posterior.iter().zip(&kb.rank_factor).enumerate().map(|(x, (p, f))| {
        if held(x) {
            kept += p;
            0.0
        } else {
            p * f
        }
    }));
    let weighed: f64 = out.iter().sum();
    let scale = if weighed > 0.0 { (1.0 - kept).max(0.0) / weighed } else { 0.0 };
    for (x, o) in out.iter_mut().enumerate() {
        *o = if held(x) { posterior[x] } else { *o * scale };
    }
}

/// How strongly a log likelihood ratio (at least 0) moves a condition: 0 strongly (ratio 5 or
/// more), 1 moderately (2 or more), 2 slightly (the order of `Knowledge::reasons`).
fn strength(log_ratio: f64) -> usize {
    const LN_5: f64 = 1.609_437_912_434_100_3;
    match log_ratio {
        r if r >= LN_5 => 0,
        r if r >= std::f64::consts::LN_2 => 1,
        _ => 2,
    }
}

/// ln 1.5: a finding that moved a condition by less than half is not worth naming.
const NOTABLE_LN: f64 = 0.405_465_108_108_164_4;
const MAX_REASONS: usize = 3;

/// The findings that moved condition `c` most, for and against, strongest first.
pub(crate) fn why(kb: &'static Knowledge, entries: &[Entry], c: usize) -> Vec<Text> {
    // The strongest few, kept in order by insertion: cases carry a handful of findings.
    let mut top: [(f64, usize); MAX_REASONS] = [(0.0, 0); MAX_REASONS];
    let mut len = 0;
    for e in entries {
        let x = kb.lr_row(e.slot as usize)[c] / kb.models[e.finding as usize].tempering;
        if x.abs() < NOTABLE_LN || (len == MAX_REASONS && x.abs() <= top[len - 1].0.abs()) {
            continue;
        }
        let at = top[..len].partition_point(|t| t.0.abs() >= x.abs());
        if len < MAX_REASONS {
            len += 1;
        }
        top.copy_within(at..len - 1, at + 1);
        top[at] = (x, e.slot as usize);
    }
    top[..len]
        .iter()
        .map(|&(x, slot)| {
            let variant = if x > 0.0 { strength(x) } else { 3 + strength(-x) };
            Text::Borrowed(&kb.reasons[slot * 6 + variant])
        })
        .collect()
}
