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

/// Scratch space reused across the passes of one assessment.
pub(crate) struct Scratch {
    best: Vec<f64>,
    sum: Vec<f64>,
    used: Vec<bool>,
}

impl Scratch {
    pub fn new(kb: &Knowledge) -> Self {
        let n = kb.groups.len() * kb.classes;
        Scratch { best: vec![0.0; n], sum: vec![0.0; n], used: vec![false; kb.groups.len()] }
    }
}

/// Log scores (unnormalised log posteriors) of every class from the entries `keep` accepts.
pub(crate) fn log_scores(kb: &Knowledge, entries: &[Entry], keep: impl Fn(&Entry) -> bool, s: &mut Scratch, out: &mut Vec<f64>) {
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
                let best = s.best[g * k + i];
                out[i] += best + group.others_weight * (s.sum[g * k + i] - best);
            }
        }
    }
}

/// Normalise log scores into probabilities, in place.
pub(crate) fn softmax(scores: &mut [f64]) {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut total = 0.0;
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
        total += *s;
    }
    scores.iter_mut().for_each(|s| *s /= total);
}

/// How strongly a likelihood ratio moves a condition, in words.
fn strength(ratio: f64) -> &'static str {
    match ratio {
        r if r >= 5.0 => "strongly",
        r if r >= 2.0 => "moderately",
        _ => "slightly",
    }
}

/// The ratio below which a finding is not worth naming (it moved the condition by less than half).
const NOTABLE: f64 = 1.5;
const MAX_REASONS: usize = 4;

/// The findings that moved condition `c` most, for and against, strongest first.
pub(crate) fn why(kb: &Knowledge, entries: &[Entry], c: usize) -> Vec<String> {
    let mut moved: Vec<(f64, usize)> = entries
        .iter()
        .map(|e| (kb.lr_row(e.slot as usize)[c] / kb.tempering, e.slot as usize))
        .filter(|(x, _)| x.abs() >= NOTABLE.ln())
        .collect();
    moved.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    moved
        .iter()
        .take(MAX_REASONS)
        .map(|&(x, slot)| {
            let says = &kb.slot(slot).says;
            let (word, dir) = if x > 0.0 { (strength(x.exp()), "for") } else { (strength((-x).exp()), "against") };
            let mut s = String::with_capacity(says.len() + 24);
            let mut chars = says.chars();
            if let Some(first) = chars.next() {
                s.extend(first.to_uppercase());
                s.push_str(chars.as_str());
            }
            s.push_str(" (");
            s.push_str(word);
            s.push(' ');
            s.push_str(dir);
            s.push(')');
            s
        })
        .collect()
}
