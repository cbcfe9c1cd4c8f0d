//! Safety: the declarative red-flag rules of `knowledge/red_flags.toml`, the two-level Wells
//! score, and the triage the differential warrants. Kept apart from the probabilistic core so
//! that a rule fires on its findings alone, whatever the differential says.

use super::case::{Case, Entry, Value};
use super::knowledge::{Cond, Knowledge, Test};
use super::model::{self, Scratch};
use super::{RedFlag, Text, Triage, WellsScore};

/// Three-valued truth: a condition over unknown findings is neither true nor false.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tri {
    False,
    Unknown,
    True,
}

fn leaf_holds(test: &Test, v: &Value) -> bool {
    match (test, v) {
        (Test::Is(b), Value::Bool(x)) => b == x,
        (Test::In(vs), Value::Enum(i)) => vs.contains(i),
        (Test::AtLeast(n), Value::Int(i)) => *i as f64 >= *n,
        (Test::AtLeast(n), Value::Num(x)) => x >= n,
        (Test::Above(n), Value::Int(i)) => *i as f64 > *n,
        (Test::Above(n), Value::Num(x)) => x > n,
        (Test::Below(n), Value::Int(i)) => (*i as f64) < *n,
        (Test::Below(n), Value::Num(x)) => x < n,
        _ => false,
    }
}

/// The Wells score, once per case: the score as reported (with the "alternative diagnosis"
/// item) when any item is known, and the pair the safety rules use, (points known, points
/// still possible) without that item, so it never cancels a DVT flag on its own (Sartori 2012:
/// the score misses half of calf clots, and a calf tear can coexist with one).
fn wells(kb: &'static Knowledge, case: &Case) -> (Option<WellsScore>, (i32, i32)) {
    if !kb.wells_findings.iter().any(|&f| case.knows(f)) {
        return (None, (0, kb.wells.iter().map(|w| w.points.max(0)).sum()));
    }
    let (mut score, mut known, mut open) = (0, 0, 0);
    let mut items = Vec::new();
    for item in &kb.wells {
        match eval(case, &item.when, (0, 0)) {
            Tri::True => {
                score += item.points;
                items.push(Text::Borrowed(&item.label));
                if !item.alternative {
                    known += item.points;
                }
            }
            Tri::Unknown if !item.alternative => open += item.points,
            _ => {}
        }
    }
    (Some(WellsScore { score, dvt_likely: score >= 2, items }), (known, open))
}

pub(crate) fn eval(case: &Case, cond: &Cond, wells: (i32, i32)) -> Tri {
    match cond {
        Cond::Leaf { finding, test: Test::Unknown, .. } => if case.knows(*finding) { Tri::False } else { Tri::True },
        Cond::Leaf { finding, test, .. } => match case.value_at(*finding) {
            None => Tri::Unknown,
            Some(v) if leaf_holds(test, v) => Tri::True,
            Some(_) => Tri::False,
        },
        Cond::All(cs) => cs.iter().map(|c| eval(case, c, wells)).min_by_key(|t| *t as u8).unwrap_or(Tri::True),
        Cond::Any(cs) => cs.iter().map(|c| eval(case, c, wells)).max_by_key(|t| *t as u8).unwrap_or(Tri::False),
        Cond::WellsAtLeast(n) => {
            let (known, open) = wells;
            if known >= *n {
                Tri::True
            } else if known + open >= *n {
                Tri::Unknown
            } else {
                Tri::False
            }
        }
    }
}

/// What the safety layer concludes from the findings alone.
pub(crate) struct Safety {
    pub flags: Vec<RedFlag>,
    pub wells: Option<WellsScore>,
    pub floor: Triage,
    /// Findings that would complete a rule already half met (e.g. heel raise after a pop).
    pub follow_ups: Vec<usize>,
    /// The conditions the fired rules are about (bitset of condition indices).
    pub points_to: u64,
}

pub(crate) fn check(kb: &'static Knowledge, case: &Case) -> Safety {
    let (wells_score, wells) = wells(kb, case);
    let mut red = [0u64; crate::engine::case::MAX_FINDINGS / 64];
    for e in case.entries().iter().filter(|e| is_red_flag_answer(kb, e)) {
        red[e.finding as usize / 64] |= 1 << (e.finding % 64);
    }
    let mut flags = Vec::new();
    let mut follow_ups = Vec::new();
    let mut points_to = 0u64;
    let mut leaves: Vec<(usize, &Test)> = Vec::new();
    for rule in &kb.rules {
        // Rules only test for the presence of findings, so a rule none of whose findings has a
        // red-flag answer can neither fire nor be half met (unless it reads the Wells score or
        // asks its questions on a condition of its own).
        let started = rule.mask.iter().zip(&red).any(|(m, r)| m & r != 0);
        if !started && !rule.always && !rule.reads_wells && rule.ask_if.is_none() {
            continue;
        }
        match eval(case, &rule.when, wells) {
            Tri::True => {
                flags.push(RedFlag { id: Text::Borrowed(&rule.id), message: Text::Borrowed(&rule.message), triage: rule.triage });
                points_to |= rule.points_to;
            }
            Tri::Unknown => {
                let asked = rule.ask_if.as_ref().is_some_and(|c| eval(case, c, wells) == Tri::True);
                if asked {
                    leaves.clear();
                    rule.when.leaves(&mut leaves);
                    push_unknown(case, &leaves, &mut follow_ups);
                } else if started || rule.always {
                    half_met(kb, case, &rule.when, wells, &mut follow_ups);
                }
            }
            Tri::False => {}
        }
    }
    flags.sort_by_key(|f| std::cmp::Reverse(f.triage));
    let floor = flags.first().map_or(Triage::SelfCare, |f| f.triage);
    Safety { flags, wells: wells_score, floor, follow_ups, points_to }
}

fn push_unknown(case: &Case, leaves: &[(usize, &Test)], out: &mut Vec<usize>) {
    for (f, _) in leaves {
        if case.open(*f) && !out.contains(f) {
            out.push(*f);
        }
    }
}

/// The unanswered questions of every `all` that is partly true and still open: what would
/// complete a rule already half met (a pop, with the heel raise unknown).
///
/// Where what is still open includes who the person is (an antecedent: an age, blood thinners),
/// that gate is asked alone first: a swollen calf should not bring the night-pain questions meant
/// for a child, or the injury questions meant for someone on blood thinners, until the answer
/// says they apply. Once the gate holds, the rule's other questions follow.
fn half_met(kb: &Knowledge, case: &Case, cond: &Cond, wells: (i32, i32), out: &mut Vec<usize>) {
    match cond {
        Cond::All(cs) => {
            let (mut any_true, mut any_false) = (false, false);
            for c in cs {
                match eval(case, c, wells) {
                    Tri::True => any_true = true,
                    Tri::False => any_false = true,
                    Tri::Unknown => {}
                }
            }
            if any_true && !any_false {
                let mut leaves = Vec::new();
                cs.iter().filter(|c| eval(case, c, wells) == Tri::Unknown).for_each(|c| c.leaves(&mut leaves));
                let gated = |f: usize| kb.models[f].antecedent && case.open(f);
                // A gate the person could not answer ("not known": whether they take blood
                // thinners, their age) does not open the rule's other questions: they are left to
                // what each is worth (engine::questions), not asked as if the gate held.
                let unanswerable = |f: usize| kb.models[f].antecedent && !case.knows(f) && !case.open(f);
                if leaves.iter().any(|(f, _)| gated(*f)) {
                    leaves.retain(|(f, _)| gated(*f));
                } else if leaves.iter().any(|(f, _)| unanswerable(*f)) {
                    leaves.clear();
                }
                push_unknown(case, &leaves, out);
            }
            cs.iter().for_each(|c| half_met(kb, case, c, wells, out));
        }
        Cond::Any(cs) => cs.iter().for_each(|c| half_met(kb, case, c, wells, out)),
        _ => {}
    }
}

/// Whether an answer satisfies any safety rule's condition (a "red-flag answer").
pub(crate) fn is_red_flag_answer(kb: &Knowledge, e: &Entry) -> bool {
    match e.value {
        // For yes/no and choice answers the slot decides, and that was worked out at load.
        Value::Bool(_) | Value::Enum(_) => kb.red_flag_slot[e.slot as usize],
        _ => kb.red_flag_tests[e.finding as usize].iter().any(|t| leaf_holds(t, &e.value)),
    }
}

/// The triage the list of causes warrants, judged on what it shows (knowledge/README.md, "one
/// rule"): the first-listed cause's own triage; the triage of a serious cause listed at or above
/// its `raise_at`; "clinician" when the causes that each need one together reach `clinician_at`.
/// `p` is the list's scale (`ranked`) and `first` the cause it lists first. A serious cause raises
/// only on a finding in the leg that points to it (`leg`, a bitset of classes): age, sex and risk
/// factors make a clot likelier, but alone they never send a person to a doctor today (nice_ng158:
/// a clot is suspected from the leg's signs and symptoms, and the risk factors then weigh it).
fn listed_triage(kb: &Knowledge, p: &[f64], first: usize, leg: u64) -> (Triage, usize) {
    let (mut triage, mut by) = (kb.conditions[first].triage, first);
    if let Some(c) = needs_clinician(kb, triage, |x| p[x]) {
        (triage, by) = (Triage::Clinician, c);
    }
    // None of the listed causes fits: the leak class (the last) sets "clinician".
    let leak = kb.classes - 1;
    if triage < Triage::Clinician && p[leak] >= kb.none_fits.at {
        (triage, by) = (Triage::Clinician, leak);
    }
    for (c, info) in kb.conditions.iter().enumerate() {
        if info.triage > triage && info.raise_at.is_some_and(|at| p[c] >= at) && leg & (1 << c) != 0 {
            (triage, by) = (info.triage, c);
        }
    }
    (triage, by)
}

/// The classes that some answer from the leg itself (not an antecedent) points to.
pub(crate) fn leg_evidence<'a>(kb: &Knowledge, entries: impl Iterator<Item = &'a Entry>) -> u64 {
    let mut leg = 0u64;
    for e in entries.filter(|e| !kb.models[e.finding as usize].antecedent) {
        for (c, r) in kb.lr_row(e.slot as usize).iter().enumerate() {
            if *r > 0.0 {
                leg |= 1 << c;
            }
        }
    }
    leg
}

/// Answer combinations tried at most when red-flag answers are set aside; beyond this many the
/// bound decides (it can only add urgency).
const MAX_COMBINATIONS: usize = 1024;

/// The triage the differential warrants, and the condition that sets it (always shown).
///
/// One rule: the list's own triage ([`listed_triage`]), taken over the case and over the case
/// with any of its red-flag answers set aside, whichever is most urgent. So a red-flag answer
/// never lowers the triage (the cases with it set aside are among those weighed), a serious cause
/// shown at or above its threshold always raises it (the case itself is among them), and nothing
/// raises it but a cause that some of the person's own answers list first or at its threshold.
///
/// Most cases are settled by a bound: for each more urgent condition, the most its odds against
/// each competitor can gain by setting answers aside (each answer, or each dependence group as a
/// whole, weighed independently). Only when the bound leaves a raise possible are the
/// combinations tried; more than [`MAX_COMBINATIONS`] and the bound itself decides.
pub(crate) fn differential_triage(kb: &Knowledge, case: &Case, ranked: &[f64], first: usize, s: &mut Scratch) -> (Triage, usize) {
    let entries = case.entries();
    let shown = listed_triage(kb, ranked, first, leg_evidence(kb, entries.iter()));
    let red_groups = entries
        .iter()
        .filter(|e| is_red_flag_answer(kb, e))
        .fold(0u64, |m, e| m | kb.models[e.finding as usize].group.map_or(0, |g| 1 << g));
    let loose = |e: &Entry| is_red_flag_answer(kb, e) && kb.models[e.finding as usize].group.is_none();
    if red_groups == 0 && !entries.iter().any(loose) {
        return shown;
    }
    let k = kb.classes;
    // The case with every red-flag answer (and every group holding one) set aside, on the list's
    // scale; then each such answer or group as a unit with its options, rows of `k`.
    let mut base = std::mem::take(&mut s.base);
    let in_red_group = |e: &Entry| kb.models[e.finding as usize].group.is_some_and(|g| red_groups & (1 << g) != 0);
    model::log_scores(kb, entries, |e| !loose(e) && !in_red_group(e), s, &mut base);
    let base_leg = leg_evidence(kb, entries.iter().filter(|e| !loose(e) && !in_red_group(e)));
    let (opts, units, legs) = (&mut s.options, &mut s.units, &mut s.legs);
    opts.clear();
    units.clear();
    legs.clear();
    for e in entries.iter().filter(|e| loose(e)) {
        units.push((opts.len() / k, 2));
        opts.extend(std::iter::repeat_n(0.0, k));
        opts.extend_from_slice(kb.lr_row(e.slot as usize));
        legs.extend([0, leg_evidence(kb, std::iter::once(e))]);
    }
    for (g, group) in kb.groups.iter().enumerate().filter(|(g, _)| red_groups & (1 << g) != 0) {
        let members = || entries.iter().filter(move |e| kb.models[e.finding as usize].group == Some(g));
        let red: Vec<&Entry> = members().filter(|e| is_red_flag_answer(kb, e)).collect();
        units.push((opts.len() / k, 1 << red.len()));
        for pick in 0..1usize << red.len() {
            let at = opts.len();
            opts.extend(std::iter::repeat_n(0.0, k));
            let picked = members().filter(|e| !is_red_flag_answer(kb, e) || red.iter().position(|r| std::ptr::eq(*r, *e)).is_some_and(|i| pick & (1 << i) != 0));
            model::add_group(group.others_weight, picked.clone().map(|e| kb.lr_row(e.slot as usize)), &mut opts[at..]);
            legs.push(leg_evidence(kb, picked));
        }
    }
    let row = |o: usize| &opts[o * k..(o + 1) * k];
    // The lowest that x's log score can be against c's over all the options: a lower bound on
    // x's lead over c in any combination, on the population scale.
    let lowest_lead = |x: usize, c: usize| {
        base[x] - base[c] + units.iter().map(|&(o, m)| (o..o + m).map(|o| row(o)[x] - row(o)[c]).fold(f64::INFINITY, f64::min)).sum::<f64>()
    };
    // Upper bounds, over every combination, of the share of the classes `of` among the classes
    // `among`, from the lowest leads: 1 / (1 + sum over the others x of e^(x's least lowest lead
    // over them) / their number).
    let most_share = |of: &dyn Fn(usize) -> bool, among: &dyn Fn(usize) -> bool, adjust: bool| {
        let lead = |x: usize, c: usize| lowest_lead(x, c) + if adjust { kb.rank_adjust[x] - kb.rank_adjust[c] } else { 0.0 };
        // (1 / sum over c of e^-lead >= e^(least lead) / their number: one exponential per x.)
        let count = (0..k).filter(|&c| of(c)).count() as f64;
        let rest: f64 = (0..k)
            .filter(|&x| among(x) && !of(x))
            .map(|x| (0..k).filter(|&c| of(c)).map(|c| lead(x, c)).fold(f64::INFINITY, f64::min).min(700.0).exp() / count)
            .sum();
        1.0 / (1.0 + rest)
    };
    let n = kb.conditions.len();
    let serious = |x: usize| x < n && kb.conditions[x].raise_at.is_some();
    let mut ceiling = shown;
    for &c in &kb.by_triage {
        let info = &kb.conditions[c];
        if info.triage <= ceiling.0 {
            break;
        }
        // A serious cause is listed at its population probability below its threshold, so it
        // raises the triage (or is listed first, which needs at least 1/k) only if that can
        // reach the lower of the two; the others are listed in the order of their weighed odds.
        // The strongest rival without the set-aside answers is checked first: one lead that
        // already rules `c` out spares the rest.
        let rival = |keep: &dyn Fn(usize) -> bool, adjust: bool| {
            let score = |x: usize| base[x] + if adjust { kb.rank_adjust[x] } else { 0.0 };
            (0..k).filter(|&x| x != c && keep(x)).max_by(|&a, &b| score(a).total_cmp(&score(b)))
        };
        let possible = if let Some(at) = info.raise_at {
            let need = at.min(1.0 / k as f64);
            // p(c) <= 1 / (1 + e^lead) against any single rival.
            rival(&|_| true, false).is_none_or(|r| lowest_lead(r, c) <= (1.0 / need - 1.0).ln()) && most_share(&|x| x == c, &|_| true, false) >= need
        } else {
            let lead = |x: usize| lowest_lead(x, c) + kb.rank_adjust[x] - kb.rank_adjust[c];
            let others = |x: usize| x < n && !serious(x);
            rival(&others, true).is_none_or(|r| lead(r) <= 0.0) && (0..n).filter(|&x| others(x) && x != c).all(|x| lead(x) <= 0.0)
        };
        if possible {
            ceiling = (info.triage, c);
        }
    }
    if ceiling.0 < Triage::Clinician {
        // The causes that each need a clinician: a serious one below its threshold at most its
        // own bound (else up to everything), the others at most their share among the others.
        let need = |x: usize| x < n && kb.conditions[x].triage >= Triage::Clinician;
        let from_serious: f64 = (0..n)
            .filter(|&x| need(x) && serious(x))
            .map(|x| most_share(&|y| y == x, &|_| true, false))
            .zip((0..n).filter(|&x| need(x) && serious(x)))
            .map(|(b, x)| if kb.conditions[x].raise_at.is_some_and(|at| b < at) { b } else { 1.0 })
            .sum();
        let from_others = most_share(&|x| need(x) && !serious(x), &|x| !serious(x), true);
        let leak = k - 1;
        if most_share(&|x| x == leak, &|x| !serious(x), true) >= kb.none_fits.at {
            ceiling = (Triage::Clinician, leak);
        } else if from_serious + from_others >= kb.clinician_at {
            let c = (0..n).filter(|&x| need(x)).max_by(|&a, &b| base[a].total_cmp(&base[b])).unwrap_or(first);
            ceiling = (Triage::Clinician, c);
        }
    }
    let combinations = units.iter().try_fold(1usize, |t, &(_, m)| t.checked_mul(m).filter(|&t| t <= MAX_COMBINATIONS));
    let result = match combinations {
        _ if ceiling.0 == shown.0 => shown,
        None => ceiling,
        Some(total) => {
            let mut best = shown;
            let (mut p, mut listed) = (vec![0.0; k], Vec::with_capacity(k));
            for mut pick in 0..total {
                p.copy_from_slice(&base);
                let mut leg = base_leg;
                for &(o, m) in units.iter() {
                    p.iter_mut().zip(row(o + pick % m)).for_each(|(a, r)| *a += r);
                    leg |= legs[o + pick % m];
                    pick /= m;
                }
                model::softmax(&mut p);
                model::list_scale(kb, &p, &mut listed);
                let top = (0..n).max_by(|&a, &b| listed[a].total_cmp(&listed[b])).unwrap_or(0);
                let t = listed_triage(kb, &listed, top, leg);
                if t.0 > best.0 {
                    best = t;
                    if best.0 == ceiling.0 {
                        break;
                    }
                }
            }
            best
        }
    };
    s.base = base;
    result
}

/// When the triage so far is self-care but the conditions that need a clinician together reach
/// `clinician_at`, the most likely of them. `weight(class)` is proportional to its probability.
fn needs_clinician(kb: &Knowledge, triage: Triage, weight: impl Fn(usize) -> f64) -> Option<usize> {
    if triage >= Triage::Clinician {
        return None;
    }
    let (mut need, mut total, mut best) = (0.0, 0.0, None::<(usize, f64)>);
    for x in 0..kb.classes {
        let w = weight(x);
        total += w;
        if kb.conditions.get(x).is_some_and(|info| info.triage >= Triage::Clinician) {
            need += w;
            if best.is_none_or(|(_, b)| w > b) {
                best = Some((x, w));
            }
        }
    }
    best.filter(|_| need >= kb.clinician_at * total).map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value as Json};

    use crate::engine::{assess, Assessment, Case, Triage};

    fn run(findings: Json) -> Assessment {
        assess(&Case::from_value(json!({ "findings": findings })).unwrap())
    }

    fn fires(findings: Json, rule: &str, floor: Triage) {
        let a = run(findings.clone());
        let flag = a.red_flags.iter().find(|f| f.id == rule).unwrap_or_else(|| panic!("{rule} did not fire for {findings}"));
        assert_eq!(flag.triage, floor, "{rule}");
        assert!(!flag.message.is_empty());
        assert!(a.triage >= floor, "{rule}: triage {:?} below its floor", a.triage);
    }

    fn silent(findings: Json, rule: &str) {
        let a = run(findings.clone());
        assert!(a.red_flags.iter().all(|f| f.id != rule), "{rule} fired for {findings}");
    }

    #[test]
    fn chest_symptoms_with_a_painful_leg_are_an_emergency() {
        fires(json!({"chest_symptoms": true, "swelling": "whole_calf"}), "pe_signs", Triage::Emergency);
        fires(json!({"chest_symptoms": true, "pop": true}), "pe_signs", Triage::Emergency);
        silent(json!({"chest_symptoms": false, "swelling": "whole_calf"}), "pe_signs");
    }

    #[test]
    fn compartment_syndrome_after_trauma_is_an_emergency() {
        for sign in ["pain_out_of_proportion", "pain_on_passive_stretch", "calf_tense"] {
            fires(json!({"severe_trauma": true, sign: true}), "acute_compartment_syndrome_after_trauma", Triage::Emergency);
        }
        silent(json!({"severe_trauma": false, "calf_tense": true}), "acute_compartment_syndrome_after_trauma");
    }

    #[test]
    fn compartment_syndrome_signs_without_trauma_are_an_emergency() {
        fires(json!({"pain_out_of_proportion": true, "pain_on_passive_stretch": true}), "acute_compartment_syndrome_signs", Triage::Emergency);
        fires(json!({"pain_out_of_proportion": true, "calf_tense": true}), "acute_compartment_syndrome_signs", Triage::Emergency);
        fires(json!({"pain_out_of_proportion": true, "severe_trauma": false}), "acute_compartment_syndrome_signs", Triage::Emergency);
        fires(json!({"calf_tense": true, "pain_on_passive_stretch": true}), "acute_compartment_syndrome_signs", Triage::Emergency);
        // A tense calf alone is common after effort (chronic exertional compartment syndrome).
        silent(json!({"calf_tense": true}), "acute_compartment_syndrome_signs");
        silent(json!({"pain_on_passive_stretch": true, "calf_tense": false}), "acute_compartment_syndrome_signs");
    }

    #[test]
    fn a_cold_pale_foot_is_an_emergency() {
        fires(json!({"foot_cold_pale": true}), "acute_limb_ischaemia", Triage::Emergency);
        silent(json!({"foot_cold_pale": false}), "acute_limb_ischaemia");
    }

    #[test]
    fn saddle_numbness_or_bladder_change_is_an_emergency() {
        fires(json!({"saddle_numbness_or_bladder": true, "back_pain": true}), "cauda_equina", Triage::Emergency);
        silent(json!({"back_pain": true}), "cauda_equina");
    }

    #[test]
    fn wells_two_or_more_is_urgent() {
        fires(json!({"active_cancer": true, "previous_dvt": true}), "dvt_wells_likely", Triage::Urgent);
        silent(json!({"active_cancer": true}), "dvt_wells_likely");
    }

    #[test]
    fn the_alternative_diagnosis_item_never_cancels_a_dvt_flag_by_itself() {
        let a = run(json!({"swelling": "whole_leg", "recent_surgery_or_bedrest": true, "alternative_diagnosis_likely": true}));
        assert_eq!(a.wells_score, Some(0), "the score itself counts the -2");
        assert!(a.red_flags.iter().any(|f| f.id == "dvt_wells_likely"));
        assert!(a.triage >= Triage::Urgent);
    }

    #[test]
    fn strong_dvt_features_with_risk_factors_are_urgent() {
        fires(json!({"swelling": "whole_calf", "recent_immobilisation": true}), "dvt_features_with_risk", Triage::Urgent);
        fires(json!({"calf_circumference_diff_cm": 3.5, "hormonal_risk": true}), "dvt_features_with_risk", Triage::Urgent);
        fires(json!({"tender_deep_veins": true, "previous_dvt": true}), "dvt_features_with_risk", Triage::Urgent);
        silent(json!({"swelling": "whole_calf", "recent_immobilisation": false}), "dvt_features_with_risk");
        silent(json!({"swelling": "local", "recent_immobilisation": true}), "dvt_features_with_risk");
    }

    #[test]
    fn a_whole_swollen_leg_is_urgent() {
        fires(json!({"swelling": "whole_leg"}), "whole_leg_swelling", Triage::Urgent);
        silent(json!({"swelling": "whole_calf"}), "whole_leg_swelling");
    }

    #[test]
    fn a_fired_rule_always_shows_the_condition_it_is_about() {
        // Pain out of proportion alone leaves compartment syndrome unlikely by the numbers, but
        // the emergency it sets must not come with harmless causes only.
        let a = run(json!({"pain_out_of_proportion": true, "severe_trauma": false, "mechanism": "none"}));
        assert_eq!(a.triage, Triage::Emergency);
        let shown: Vec<&str> = a.differential.iter().map(|r| &*r.condition).collect();
        assert!(shown.contains(&"acute_compartment_syndrome"), "{shown:?}");
        let p: Vec<f64> = a.differential.iter().map(|r| r.probability).collect();
        assert!(p.windows(2).all(|w| w[0] >= w[1]), "still most likely first: {p:?}");
        let a = run(json!({"foot_cold_pale": true, "onset": "sudden"}));
        assert!(a.differential.iter().any(|r| r.condition == "popliteal_artery_entrapment"));
    }

    #[test]
    fn a_whole_swollen_calf_is_urgent_even_after_a_strain() {
        fires(json!({"swelling": "whole_calf"}), "calf_swelling", Triage::Urgent);
        fires(json!({"swelling": "whole_calf", "pop": true, "bruising": true, "mechanism": "push_off"}), "calf_swelling", Triage::Urgent);
        silent(json!({"swelling": "local"}), "calf_swelling");
        silent(json!({"swelling": "knee_joint"}), "calf_swelling");
    }

    #[test]
    fn achilles_rupture_signs_are_urgent() {
        fires(json!({"palpable_gap": true}), "achilles_rupture_signs", Triage::Urgent);
        fires(json!({"thompson_test": "positive"}), "achilles_rupture_signs", Triage::Urgent);
        fires(json!({"pop": true, "heel_raise": "unable"}), "achilles_rupture_signs", Triage::Urgent);
        fires(json!({"kicked_sensation": true, "heel_raise": "unable"}), "achilles_rupture_signs", Triage::Urgent);
        silent(json!({"pop": true, "heel_raise": "painful"}), "achilles_rupture_signs");
        silent(json!({"thompson_test": "negative", "palpable_gap": false}), "achilles_rupture_signs");
    }

    #[test]
    fn a_warm_red_calf_with_fever_is_urgent() {
        fires(json!({"calf_warm_red": true, "fever": true}), "infection_signs", Triage::Urgent);
        silent(json!({"calf_warm_red": true, "fever": false}), "infection_signs");
    }

    #[test]
    fn a_hot_red_swollen_calf_is_urgent_without_a_fever() {
        fires(json!({"calf_warm_red": true, "swelling": "local", "fever": false}), "hot_red_calf", Triage::Urgent);
        fires(json!({"calf_warm_red": true, "swelling": "whole_calf"}), "hot_red_calf", Triage::Urgent);
        silent(json!({"calf_warm_red": false, "swelling": "local"}), "hot_red_calf");
    }

    #[test]
    fn a_progressing_weakness_or_foot_drop_is_urgent() {
        fires(json!({"weakness_progressing": true}), "progressive_weakness", Triage::Urgent);
        silent(json!({"weakness": true, "weakness_progressing": false}), "progressive_weakness");
    }

    #[test]
    fn nerve_symptoms_in_both_legs_with_back_pain_are_a_cauda_equina_warning() {
        fires(json!({"bilateral": true, "back_pain": true, "radiates_to_foot": true}), "cauda_equina_warning", Triage::Urgent);
        fires(json!({"bilateral": true, "back_pain": true, "radiates_up_thigh": true}), "cauda_equina_warning", Triage::Urgent);
        silent(json!({"bilateral": false, "back_pain": true, "radiates_to_foot": true}), "cauda_equina_warning");
        // Shin splints in both legs with a sore back are common: the nerve questions come first.
        let a = run(json!({"bilateral": true, "back_pain": true}));
        assert!(a.red_flags.iter().all(|f| f.id != "cauda_equina_warning"));
        for key in ["saddle_numbness_or_bladder", "radiates_to_foot", "radiates_up_thigh"] {
            assert!(a.next_questions.iter().any(|q| q == key), "{key} not asked: {:?}", a.next_questions);
        }
    }

    #[test]
    fn a_sudden_injury_that_stops_walking_is_urgent_until_examined() {
        fires(json!({"pop": true, "cannot_bear_weight": true}), "sudden_injury_unexamined", Triage::Urgent);
        fires(json!({"onset": "sudden", "cannot_bear_weight": true}), "sudden_injury_unexamined", Triage::Urgent);
        fires(json!({"pop": true, "numbness_tingling": true}), "sudden_injury_unexamined", Triage::Urgent);
        // Numbness after a sudden onset without a tearing event is the back's or a nerve's.
        silent(json!({"onset": "sudden", "numbness_tingling": true}), "sudden_injury_unexamined");
        // "Not known" is not an examination.
        let case = Case::from_value(json!({"findings": {"kicked_sensation": true, "cannot_bear_weight": true}, "not_known": ["heel_raise", "thompson_test"]})).unwrap();
        assert!(assess(&case).red_flags.iter().any(|f| f.id == "sudden_injury_unexamined"));
        // Once examined, the examination's own rules decide.
        silent(json!({"pop": true, "cannot_bear_weight": true, "heel_raise": "painful"}), "sudden_injury_unexamined");
        silent(json!({"pop": true, "cannot_bear_weight": true, "thompson_test": "negative"}), "sudden_injury_unexamined");
        silent(json!({"onset": "sudden", "cannot_bear_weight": false}), "sudden_injury_unexamined");
        silent(json!({"onset": "gradual", "cannot_bear_weight": true}), "sudden_injury_unexamined");
    }

    #[test]
    fn a_pain_that_came_on_suddenly_during_a_run_is_a_sudden_onset() {
        // Described by the run rather than by the onset, it opens the same rules.
        fires(json!({"run_pattern": "sudden_during_run", "cannot_bear_weight": true}), "sudden_injury_unexamined", Triage::Urgent);
        fires(json!({"run_pattern": "sudden_during_run", "heel_raise": "unable"}), "achilles_rupture_signs", Triage::Urgent);
        fires(json!({"run_pattern": "sudden_during_run", "numbness_tingling": true, "days_since_onset": 1}), "acute_nerve_signs", Triage::Emergency);
        // A cramp that came on in a run and passed, with the person walking, is not an injury to examine.
        silent(json!({"run_pattern": "sudden_during_run", "cramp_episode": true, "cannot_bear_weight": false}), "sudden_injury_unexamined");
        silent(json!({"run_pattern": "builds_lingers", "cannot_bear_weight": true}), "sudden_injury_unexamined");
    }

    #[test]
    fn back_pain_with_both_legs_affected_and_a_worsening_weakness_is_a_cauda_equina_emergency() {
        fires(json!({"bilateral": true, "back_pain": true, "weakness_progressing": true}), "cauda_equina_progressive_deficit", Triage::Emergency);
        // Without the worsening weakness it stays the urgent warning; without back pain or the
        // second leg, a worsening weakness is the urgent nerve rule.
        silent(json!({"bilateral": true, "back_pain": true, "weakness": true, "weakness_progressing": false, "radiates_to_foot": true}), "cauda_equina_progressive_deficit");
        silent(json!({"bilateral": false, "back_pain": true, "weakness_progressing": true}), "cauda_equina_progressive_deficit");
        silent(json!({"bilateral": true, "back_pain": false, "weakness_progressing": true}), "cauda_equina_progressive_deficit");
        let a = run(json!({"bilateral": false, "back_pain": true, "weakness_progressing": true}));
        assert_eq!(a.triage, Triage::Urgent, "{:?}", a.red_flags);
    }

    #[test]
    fn one_very_tender_spot_on_the_front_of_the_shin_bone_is_a_high_risk_stress_fracture() {
        fires(json!({"location": "front_shin", "bone_tenderness": "focal"}), "anterior_tibial_stress_fracture", Triage::Urgent);
        // The inner border's stress injuries and a tender stretch (shin splints) are not this site.
        silent(json!({"location": "inner_shin", "bone_tenderness": "focal"}), "anterior_tibial_stress_fracture");
        silent(json!({"location": "front_shin", "bone_tenderness": "diffuse"}), "anterior_tibial_stress_fracture");
        silent(json!({"location": "front_shin", "bone_tenderness": "none"}), "anterior_tibial_stress_fracture");
    }

    #[test]
    fn a_worsening_weakness_with_pain_at_the_front_of_the_shin_is_an_anterior_compartment_emergency() {
        fires(json!({"location": "front_shin", "weakness_progressing": true}), "anterior_compartment_weakness", Triage::Emergency);
        fires(json!({"location": "front_shin", "weakness_progressing": true, "days_since_onset": 3, "back_pain": false, "onset": "gradual"}), "anterior_compartment_weakness", Triage::Emergency);
        // With back pain a trapped nerve root is the likelier reading; after a week, or elsewhere
        // in the leg, the urgent nerve rule stands.
        silent(json!({"location": "front_shin", "weakness_progressing": true, "back_pain": true}), "anterior_compartment_weakness");
        silent(json!({"location": "front_shin", "weakness_progressing": true, "days_since_onset": 60}), "anterior_compartment_weakness");
        silent(json!({"location": "upper_calf_lateral", "weakness_progressing": true}), "anterior_compartment_weakness");
        silent(json!({"location": "front_shin", "weakness": true, "weakness_progressing": false}), "anterior_compartment_weakness");
        assert_eq!(run(json!({"location": "front_shin", "weakness_progressing": true, "days_since_onset": 60})).triage, Triage::Urgent);
    }

    #[test]
    fn new_nerve_signs_within_a_week_of_a_sudden_onset_are_an_emergency() {
        fires(json!({"onset": "sudden", "numbness_tingling": true, "days_since_onset": 1}), "acute_nerve_signs", Triage::Emergency);
        fires(json!({"pop": true, "weakness": true, "days_since_onset": 4, "back_pain": false}), "acute_nerve_signs", Triage::Emergency);
        // When it started not yet known: until it is, the rule holds.
        fires(json!({"onset": "sudden", "weakness": true}), "acute_nerve_signs", Triage::Emergency);
        // With low back pain, a trapped nerve root is the likelier reading: the sciatica rules decide.
        silent(json!({"onset": "sudden", "numbness_tingling": true, "days_since_onset": 1, "back_pain": true}), "acute_nerve_signs");
        // Older than a week, or a gradual onset, or no nerve sign: not this rule.
        silent(json!({"onset": "sudden", "numbness_tingling": true, "days_since_onset": 8}), "acute_nerve_signs");
        silent(json!({"onset": "gradual", "numbness_tingling": true, "weakness": true, "days_since_onset": 2}), "acute_nerve_signs");
        silent(json!({"onset": "sudden", "numbness_tingling": false, "weakness": false, "days_since_onset": 2}), "acute_nerve_signs");
        // A sudden onset asks about the nerves.
        let a = run(json!({"onset": "sudden", "days_since_onset": 2, "back_pain": false, "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false}));
        for key in ["numbness_tingling", "weakness"] {
            assert!(a.next_questions.iter().any(|q| q == key), "{key} not asked: {:?}", a.next_questions);
        }
    }

    #[test]
    fn the_question_that_would_complete_a_rule_is_asked_when_its_gate_is_met() {
        let screened = |mut f: Json| {
            for k in ["chest_symptoms", "foot_cold_pale", "pain_out_of_proportion", "back_pain"] {
                f.as_object_mut().unwrap().insert(k.into(), false.into());
            }
            run(f).next_questions
        };
        for (findings, key) in [
            (json!({"weakness": true}), "weakness_progressing"),
            (json!({"knee_locking": true}), "knee_locked"),
            (json!({"mechanism": "twisting"}), "knee_locked"),
            (json!({"swelling": "behind_knee"}), "calf_warm_red"),
            (json!({"bulge_behind_knee": true}), "calf_warm_red"),
            (json!({"swelling": "whole_calf"}), "calf_tense"),
            (json!({"swelling": "whole_leg"}), "pain_on_passive_stretch"),
            (json!({"location": "front_shin"}), "bone_tenderness"),
        ] {
            let asked = screened(findings.clone());
            assert!(asked.iter().any(|q| q == key), "{key} not asked after {findings}: {asked:?}");
        }
        // (The screen above answers "no" to back pain, so this gate is asked with it answered "yes".)
        let asked = run(json!({"bilateral": true, "back_pain": true, "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false})).next_questions;
        assert!(asked.iter().any(|q| q == "weakness_progressing"), "{asked:?}");
        assert!(screened(json!({"swelling": "none"})).iter().all(|q| q != "calf_warm_red"));
        assert!(screened(json!({"swelling": "local"})).iter().all(|q| q != "pain_on_passive_stretch"));
    }

    #[test]
    fn a_knee_locked_so_it_will_not_straighten_is_urgent() {
        fires(json!({"knee_locked": true}), "locked_knee", Triage::Urgent);
        silent(json!({"knee_locking": true, "knee_locked": false}), "locked_knee");
    }

    #[test]
    fn night_or_rest_pain_with_swelling_in_a_child_or_teenager_needs_an_x_ray() {
        fires(json!({"age": 14, "night_pain": true, "swelling": "local"}), "young_bone_pain", Triage::Urgent);
        fires(json!({"age": 19, "rest_pain": true, "swelling": "knee_joint"}), "young_bone_pain", Triage::Urgent);
        silent(json!({"age": 20, "night_pain": true, "swelling": "local"}), "young_bone_pain");
        silent(json!({"age": 14, "night_pain": true, "swelling": "none"}), "young_bone_pain");
        silent(json!({"age": 14, "night_pain": false, "rest_pain": false, "swelling": "local"}), "young_bone_pain");
    }

    #[test]
    fn a_swollen_or_bruised_calf_after_an_injury_on_blood_thinners_is_urgent() {
        fires(json!({"blood_thinners": true, "bruising": true, "pop": true}), "bleeding_on_blood_thinners", Triage::Urgent);
        fires(json!({"blood_thinners": true, "calf_tense": true, "onset": "sudden"}), "bleeding_on_blood_thinners", Triage::Urgent);
        silent(json!({"blood_thinners": true, "bruising": true, "onset": "gradual", "mechanism": "none"}), "bleeding_on_blood_thinners");
        // A third bleed with no injury at all (mazur2018): a swollen calf that keeps getting worse.
        fires(json!({"blood_thinners": true, "swelling": "whole_calf", "course": "worsening", "onset": "gradual"}), "bleeding_on_blood_thinners", Triage::Urgent);
        silent(json!({"blood_thinners": true, "swelling": "whole_calf", "course": "improving", "onset": "gradual"}), "bleeding_on_blood_thinners");
        silent(json!({"blood_thinners": false, "bruising": true, "onset": "sudden"}), "bleeding_on_blood_thinners");
    }

    #[test]
    fn a_lump_behind_the_knee_with_sudden_calf_pain_or_bruising_is_a_burst_cyst_until_scanned() {
        fires(json!({"bulge_behind_knee": true, "onset": "sudden"}), "ruptured_bakers_cyst", Triage::Urgent);
        fires(json!({"swelling": "behind_knee", "bruising": true}), "ruptured_bakers_cyst", Triage::Urgent);
        fires(json!({"bulge_behind_knee": true, "calf_tense": true, "onset": "gradual"}), "ruptured_bakers_cyst", Triage::Urgent);
        // An intact cyst that built up slowly, without bruising or a tight calf, is not.
        silent(json!({"bulge_behind_knee": true, "onset": "gradual", "bruising": false, "calf_tense": false}), "ruptured_bakers_cyst");
        silent(json!({"swelling": "local", "onset": "sudden", "bruising": true}), "ruptured_bakers_cyst");
        // On blood thinners, a cyst that swells behind the knee and keeps getting worse is a bleed.
        fires(json!({"blood_thinners": true, "swelling": "behind_knee", "course": "worsening", "onset": "gradual"}), "bleeding_on_blood_thinners", Triage::Urgent);
    }

    #[test]
    fn a_leg_injury_in_the_last_month_is_a_clot_risk_factor_once_the_leg_shows_a_clots_signs() {
        fires(json!({"mechanism": "direct_blow", "days_since_onset": 6, "tender_deep_veins": true}), "dvt_features_with_risk", Triage::Urgent);
        fires(json!({"mechanism": "push_off", "pitting_oedema": true}), "dvt_features_with_risk", Triage::Urgent);
        // A strain whose calf has gone tight and hard within the month: swollen under its fascia.
        fires(json!({"mechanism": "misstep", "days_since_onset": 6, "calf_tense": true}), "dvt_features_with_risk", Triage::Urgent);
        // Not after ten weeks (vanstralen2008: no association), nor without a sign in the leg.
        silent(json!({"mechanism": "direct_blow", "days_since_onset": 70, "tender_deep_veins": true}), "dvt_features_with_risk");
        silent(json!({"mechanism": "direct_blow", "days_since_onset": 3, "swelling": "local"}), "dvt_features_with_risk");
        silent(json!({"mechanism": "none", "days_since_onset": 3, "tender_deep_veins": true}), "dvt_features_with_risk");
    }

    #[test]
    fn a_gate_about_the_person_answered_not_known_does_not_open_its_rules_other_questions() {
        let kb = crate::engine::knowledge::get();
        let follow_ups = |case: Json| {
            let s = super::check(kb, &Case::from_value(case).unwrap());
            s.follow_ups.iter().map(|&f| kb.findings()[f].key.clone()).collect::<Vec<_>>()
        };
        // A sudden onset half-meets the bleeding rule: its gate (blood thinners) is asked alone...
        let asked = follow_ups(json!({"findings": {"onset": "sudden"}}));
        assert!(asked.contains(&"blood_thinners".to_string()) && !asked.contains(&"bruising".to_string()), "{asked:?}");
        // ...and when the person takes them, the rule's other questions follow.
        let asked = follow_ups(json!({"findings": {"onset": "sudden", "blood_thinners": true}}));
        assert!(asked.contains(&"bruising".to_string()), "{asked:?}");
        // A person who cannot say is not asked them as if the gate held.
        let asked = follow_ups(json!({"findings": {"onset": "sudden"}, "not_known": ["blood_thinners"]}));
        assert!(!asked.contains(&"bruising".to_string()), "{asked:?}");
    }

    #[test]
    fn reduced_foot_pulses_at_rest_are_urgent() {
        fires(json!({"pulses_reduced_at_rest": true}), "pulses_reduced_at_rest", Triage::Urgent);
        silent(json!({"pulses_reduced_at_rest": false}), "pulses_reduced_at_rest");
    }

    #[test]
    fn missing_foot_pulses_with_a_numb_or_weak_foot_are_a_threatened_limb() {
        fires(json!({"pulses_reduced_at_rest": true, "numbness_tingling": true}), "threatened_limb", Triage::Emergency);
        fires(json!({"pulses_reduced_at_rest": true, "weakness": true, "days_since_onset": 3}), "threatened_limb", Triage::Emergency);
        // Pulses alone stay a same-day vascular assessment; long-standing numbness with a narrowed
        // artery is not an acute limb (over two weeks).
        silent(json!({"pulses_reduced_at_rest": true}), "threatened_limb");
        silent(json!({"pulses_reduced_at_rest": true, "numbness_tingling": true, "days_since_onset": 60}), "threatened_limb");
        silent(json!({"pulses_reduced_at_rest": false, "numbness_tingling": true}), "threatened_limb");
    }

    #[test]
    fn age_alone_never_makes_a_clot_urgent() {
        for age in [16, 40, 65, 80, 99] {
            for sex in ["female", "male"] {
                let a = run(json!({"age": age, "sex": sex}));
                assert!(a.triage < Triage::Urgent, "{age} {sex}: {:?} {:?}", a.triage, a.differential);
            }
        }
        // With a finding in the leg that points to a clot, its threshold applies again.
        let a = run(json!({"age": 80, "swelling": "local", "tender_deep_veins": true}));
        assert!(a.triage >= Triage::Urgent, "{:?}", a.differential);
    }

    #[test]
    fn a_self_care_cause_that_is_not_improving_past_its_review_point_needs_a_clinician() {
        // Calf overload, a self-care cause, on its own.
        let base = json!({"location": "mid_calf", "knot": true, "onset": "gradual"});
        let with = |extra: Json| {
            let mut f = base.clone();
            f.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            f
        };
        assert_eq!(run(base.clone()).triage, Triage::SelfCare, "the base case is self-care");
        for extra in [
            json!({"course": "unchanged", "days_since_onset": 21}),
            json!({"course": "worsening", "self_care_tried": true}),
            json!({"course": "unchanged", "previous_calf_injury": true}),
        ] {
            fires(with(extra.clone()), "not_improving", Triage::Clinician);
            let a = run(with(extra));
            assert!(a.red_flags.iter().any(|f| f.message.contains("not getting better")));
        }
        fires(with(json!({"run_pattern": "cannot_run", "days_since_onset": 15})), "stopped_running_for_weeks", Triage::Clinician);
        // Improving, or before the review point: self-care stands.
        silent(with(json!({"course": "improving", "days_since_onset": 30, "self_care_tried": true})), "not_improving");
        silent(with(json!({"course": "unchanged", "days_since_onset": 6})), "not_improving");
        silent(with(json!({"run_pattern": "cannot_run", "days_since_onset": 5})), "stopped_running_for_weeks");
        assert_eq!(run(with(json!({"course": "improving", "days_since_onset": 30}))).triage, Triage::SelfCare);
    }

    #[test]
    fn major_trauma_is_urgent() {
        fires(json!({"severe_trauma": true}), "major_trauma", Triage::Urgent);
    }

    #[test]
    fn the_most_urgent_rule_comes_first() {
        let a = run(json!({"palpable_gap": true, "foot_cold_pale": true}));
        assert_eq!(a.red_flags[0].id, "acute_limb_ischaemia");
        assert_eq!(a.triage, Triage::Emergency);
    }

    #[test]
    fn each_wells_item_scores_its_points() {
        for (key, value, points) in [
            ("active_cancer", json!(true), 1),
            ("leg_cast_or_paralysis", json!(true), 1),
            ("recent_surgery_or_bedrest", json!(true), 1),
            ("tender_deep_veins", json!(true), 1),
            ("swelling", json!("whole_leg"), 1),
            ("calf_circumference_diff_cm", json!(3.5), 1),
            ("pitting_oedema", json!(true), 1),
            ("collateral_superficial_veins", json!(true), 1),
            ("previous_dvt", json!(true), 1),
            ("alternative_diagnosis_likely", json!(true), -2),
        ] {
            let w = run(json!({ key: value })).wells.unwrap_or_else(|| panic!("{key} is a Wells item"));
            assert_eq!(w.score, points, "{key}");
            assert_eq!(w.items.len(), 1, "{key}");
            assert_eq!(w.dvt_likely, points >= 2);
        }
    }

    #[test]
    fn wells_items_that_do_not_score() {
        assert_eq!(run(json!({"calf_circumference_diff_cm": 3.0})).wells_score, Some(0), "3 cm is not more than 3 cm");
        assert_eq!(run(json!({"swelling": "whole_calf"})).wells_score, Some(0), "whole calf is not the whole leg");
        assert_eq!(run(json!({"active_cancer": false})).wells_score, Some(0), "a known 'no' still makes the score applicable");
        assert_eq!(run(json!({"pop": true})).wells_score, None, "no Wells item known: no score");
    }

    /// The share of the differential that needs a clinician, from the conditions shown.
    fn needs_clinician(a: &Assessment) -> f64 {
        let kb = crate::engine::knowledge::get();
        a.differential.iter().filter(|r| kb.condition(&r.condition).unwrap().triage >= Triage::Clinician).map(|r| r.probability).sum()
    }

    #[test]
    fn causes_that_need_a_clinician_count_together() {
        // Knee arthritis (self-care) is the likeliest single cause of locking and stiffness
        // behind the knee at 53, but a meniscal tear and a Baker's cyst together are likelier.
        let a = run(json!({"age": 53, "sex": "female", "onset": "gradual", "location": "behind_knee", "knee_locking": true, "knee_stiffness": true}));
        let kb = crate::engine::knowledge::get();
        assert_eq!(kb.condition(&a.differential[0].condition).unwrap().triage, Triage::SelfCare, "{:?}", a.differential);
        assert!(needs_clinician(&a) >= 0.5, "{:?}", a.differential);
        assert_eq!(a.triage, Triage::Clinician);
        // Pain at the Achilles that warms up with running: tendinopathy dominates, self-care.
        let a = run(json!({"location": "achilles", "run_pattern": "warms_up"}));
        assert!(needs_clinician(&a) < 0.5, "{:?}", a.differential);
        assert_eq!(a.triage, Triage::SelfCare);
    }
}
