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
        Cond::Leaf { finding, test } => match case.value_at(*finding) {
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
        if !started && !rule.reads_wells && rule.ask_if.is_none() {
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
                } else if started {
                    half_met(case, &rule.when, wells, &mut follow_ups);
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
fn half_met(case: &Case, cond: &Cond, wells: (i32, i32), out: &mut Vec<usize>) {
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
                push_unknown(case, &leaves, out);
            }
            cs.iter().for_each(|c| half_met(case, c, wells, out));
        }
        Cond::Any(cs) => cs.iter().for_each(|c| half_met(case, c, wells, out)),
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

/// The triage the differential warrants. Red-flag answers may only add urgency: when judging
/// condition `c`, a red-flag answer that favours a competitor more than `c` counts for that
/// competitor only as much as it counts for `c`. So adding a red-flag answer never lowers the
/// triage. A condition then counts with its own triage when it is the most likely one on either
/// scale (`posterior`, the population's, or `ranked`, the list's: the triage is never below what
/// the first-listed cause warrants, exactly so unless a red-flag answer shares a dependence
/// group with another answer, since each is clipped alone), or, for serious conditions, when its
/// population-scale probability reaches its `raise_at` threshold; and the conditions that need
/// a clinician count together (`clinician_at`). Returns the triage and the condition that set
/// it, which the differential then always shows.
pub(crate) fn differential_triage(kb: &Knowledge, case: &Case, posterior: &[f64], ranked: &[f64], scratch: &mut Scratch) -> (Triage, usize) {
    let entries = case.entries();
    let n = kb.conditions.len();
    let argmax = |p: &dyn Fn(usize) -> f64| (0..n).max_by(|&a, &b| p(a).total_cmp(&p(b))).unwrap_or(0);
    let mut flagged_slots = std::mem::take(&mut scratch.flagged);
    flagged_slots.clear();
    flagged_slots.extend(entries.iter().filter(|e| is_red_flag_answer(kb, e)).map(|e| e.slot as usize));
    if flagged_slots.is_empty() {
        // No red-flag answer: the plain differential decides.
        scratch.flagged = flagged_slots;
        let (mut triage, mut by) = most_urgent_top(kb, argmax(&|x| posterior[x]), argmax(&|x| ranked[x]));
        if let Some(c) = needs_clinician(kb, triage, |x| posterior[x]) {
            (triage, by) = (Triage::Clinician, c);
        }
        for (c, info) in kb.conditions.iter().enumerate() {
            if info.triage > triage && info.raise_at.is_some_and(|at| posterior[c] >= at) {
                (triage, by) = (info.triage, c);
            }
        }
        return (triage, by);
    }
    let flagged = Flagged(kb, &flagged_slots);
    let adjust = &kb.rank_adjust;
    let mut base = std::mem::take(&mut scratch.base);
    model::log_scores(kb, entries, |e| !flagged_slots.contains(&(e.slot as usize)), scratch, &mut base);
    // The most likely condition without the red-flag answers stays the most likely under its
    // own clipping (clipping only lowers its competitors), so its triage is a floor and only
    // conditions more urgent than it need checking. The same holds on the list's scale.
    let (reduced_top, reduced_first) = (argmax(&|x| base[x]), argmax(&|x| base[x] + adjust[x]));
    let (mut triage, mut by) = most_urgent_top(kb, reduced_top, reduced_first);
    // Judged without the red-flag answers too, so that adding one cannot take it away.
    let max = base[reduced_top].max(base[kb.classes - 1]);
    if let Some(c) = needs_clinician(kb, triage, |x| super::fastmath::exp_neg(base[x] - max)) {
        (triage, by) = (Triage::Clinician, c);
    }
    for &c in &kb.by_triage {
        let info = &kb.conditions[c];
        if info.triage <= triage {
            break;
        }
        let own = base[c] + flagged.rows().map(|r| r[c]).sum::<f64>();
        let score = |x: usize| base[x] + flagged.rows().map(|r| r[x].min(r[c])).sum::<f64>();
        // The reduced tops are competitors: if `c` falls short of the population's by more than
        // the raise threshold allows, and of the list's at all, nothing else about `c` matters.
        let slack = info.raise_at.map_or(0.0, |at| at.ln().min(0.0));
        let short_of_top = c != reduced_top && own - score(reduced_top) < slack;
        let short_of_first = c != reduced_first && own + adjust[c] < score(reduced_first) + adjust[reduced_first];
        if short_of_top && short_of_first {
            continue;
        }
        // The best competitor on each scale, in one pass.
        let (mut best_other, mut best_listed) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for x in (0..n).filter(|&x| x != c) {
            let sx = score(x);
            best_other = best_other.max(sx);
            best_listed = best_listed.max(sx + adjust[x]);
        }
        let top = best_other <= own || best_listed <= own + adjust[c];
        // p(c) <= exp(own - best_other): skip the exponentials when that already falls short.
        let raised = info.raise_at.is_some_and(|at| {
            own - best_other >= at.ln() && {
                // Competitors more than e^12 below count as nothing (which can only raise p).
                let rest: f64 = (0..kb.classes).filter(|&x| x != c).map(|x| score(x) - own).filter(|&d| d > -12.0).map(super::fastmath::exp_neg).sum();
                1.0 / (1.0 + rest) >= at
            }
        });
        if top || raised {
            (triage, by) = (info.triage, c);
        }
    }
    scratch.base = base;
    scratch.flagged = flagged_slots;
    (triage, by)
}

/// Of the most likely condition on the population's scale and the first on the list's, the one
/// whose own triage is more urgent (the population's on a tie), with that triage.
fn most_urgent_top(kb: &Knowledge, top: usize, first: usize) -> (Triage, usize) {
    let (a, b) = (kb.conditions[top].triage, kb.conditions[first].triage);
    if b > a {
        (b, first)
    } else {
        (a, top)
    }
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

/// The likelihood-ratio rows of the red-flag answers.
struct Flagged<'a>(&'a Knowledge, &'a [usize]);

impl<'a> Flagged<'a> {
    fn rows(&self) -> impl Iterator<Item = &'a [f64]> + '_ {
        self.1.iter().map(|&s| self.0.lr_row(s))
    }
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
