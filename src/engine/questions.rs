//! Which question to ask next: unanswered red-flag screening questions first, then the questions
//! that would complete a half-met safety rule, then age and sex (`ask_early`), then the questions
//! worth the most to the decision (knowledge/interview.toml explains the costs).
//!
//! A question is worth the loss its answer is expected to save (the expected value of
//! information). The loss has two parts. The triage's: over the four levels, sending a person
//! below the level of the cause they have costs that cause's miss cost, above it one false alarm,
//! and the triage is the level of least expected loss not below the safety floor. The list's:
//! the chance the cause is not listed first plus the chance it is not in the first three. With
//! the answer `v` to finding F, the expected loss after asking is a sum over the values of F of
//! the loss of the unnormalised posterior p(c) P(v | c), so no division or logarithm is needed:
//! per value, one pass over the likely classes fills four level totals and the three largest
//! listed masses. A serious cause still possible adds, for its deciding questions (chosen at
//! load), its stake times the share of the uncertainty about it the answer resolves. The
//! interview stops when no question saves more than its cost; among those that do, the next is
//! the one worth most plus `information_weight` times its information about the list.

use super::case::{Case, MAX_FINDINGS};
use super::knowledge::{Knowledge, LEVELS};
use super::fastmath::ln;
use super::model::Scratch;
use super::knowledge::FindingKind;
use super::safety;
use super::{Text, Triage};
use serde_json::Value as Json;

/// At most this many keys are suggested; the first is the one to ask.
pub(crate) const MAX_QUESTIONS: usize = 5;

/// A class as the question values read it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Live {
    class: usize,
    level: usize,
    /// Population-scale probability, and times the cost of missing it.
    p: f64,
    p_miss: f64,
    /// List-scale probability.
    q: f64,
}

/// Findings valued in full besides a live serious cause's deciding questions: the largest
/// information bounds (a question that far down the bound is never the one asked).
const CANDIDATES: usize = 10;

/// Classes this unlikely, on both scales and weighted by their miss cost, cannot change which
/// question is worth most.
const NEGLIGIBLE: f64 = 1e-4;

/// The losses of one (unnormalised) posterior: the triage's, at its best level not below `floor`,
/// and the list's (first missed plus first three missed).
#[derive(Default)]
struct Loss {
    /// Per level: the mass of classes at that level weighted by their miss cost, and unweighted.
    under: [f64; LEVELS],
    mass: [f64; LEVELS],
    /// The listed mass in all, and its three largest parts, largest first.
    listed: f64,
    top: [f64; 3],
}

impl Loss {
    #[inline]
    fn add(&mut self, l: &Live, x: f64) {
        self.under[l.level] += l.p_miss * x;
        self.mass[l.level] += l.p * x;
        let q = l.q * x;
        self.listed += q;
        if q > self.top[2] {
            if q > self.top[0] {
                self.top = [q, self.top[0], self.top[1]];
            } else if q > self.top[1] {
                self.top[2] = self.top[1];
                self.top[1] = q;
            } else {
                self.top[2] = q;
            }
        }
    }

    /// The triage's loss at its best level not below `floor`, and that level.
    fn triage(&self, floor: usize) -> (f64, usize) {
        // loss(t) = sum over levels above t of the missed cost + mass of levels below t.
        let mut above: f64 = self.under[floor + 1..].iter().sum();
        let mut below: f64 = self.mass[..floor].iter().sum();
        let (mut best, mut level) = (above + below, floor);
        for t in floor + 1..LEVELS {
            above -= self.under[t];
            below += self.mass[t - 1];
            if above + below < best {
                (best, level) = (above + below, t);
            }
        }
        (best, level)
    }

    /// The list's loss: the cause not listed first plus not among the first three.
    fn rank(&self) -> f64 {
        let first3: f64 = self.top.iter().sum();
        2.0 * self.listed - self.top[0] - first3
    }

    fn mass(&self) -> f64 {
        self.mass.iter().sum()
    }
}

pub(crate) fn next_questions(kb: &'static Knowledge, case: &Case, posterior: &[f64], ranked: &[f64], floor: Triage, follow_ups: &[usize], s: &mut Scratch) -> Vec<Text> {
    let iv = &kb.interview;
    let mut out: Vec<Text> = Vec::with_capacity(MAX_QUESTIONS + follow_ups.len());
    let chosen = &mut s.chosen;
    chosen.clear();
    for &f in kb.screening.iter().chain(follow_ups).chain(&iv.ask_early) {
        if case.open(f) && !chosen.contains(&f) {
            chosen.push(f);
            out.push(Text::Borrowed(&kb.findings[f].key));
        }
    }
    if out.len() >= MAX_QUESTIONS {
        return out;
    }
    let live = &mut s.live;
    live.clear();
    live.extend((0..kb.classes).map(|c| Live { class: c, level: iv.level[c] as usize, p: posterior[c], p_miss: posterior[c] * iv.miss[c], q: ranked[c] }).filter(|l| l.p.max(l.p_miss).max(l.q) >= NEGLIGIBLE));
    let floor = floor as usize;
    let mut now_loss = Loss::default();
    live.iter().for_each(|l| now_loss.add(l, 1.0));
    let (now_triage, level_now) = now_loss.triage(floor);
    let now_rank = iv.rank_weight * now_loss.rank();
    let now_mass = now_loss.mass();

    // A finding whose dependence group already has an answer adds only `others_weight` of its
    // evidence (`model::log_scores`): valued as if its answer were that much its own and the
    // rest the population's.
    let mut grouped = [0u64; MAX_FINDINGS / 64];
    for e in case.entries() {
        if let Some(g) = kb.models[e.finding as usize].group {
            grouped[g / 64] |= 1 << (g % 64);
        }
    }

    // While a serious cause is live, its deciding questions are worth the stake of missing it
    // (or of a false alarm, if it is already raised) times the share of the uncertainty about it
    // that the answer is expected to resolve: I(F; C = s) / H(C = s). A single answer rarely
    // carries a rare cause across its threshold, so the one-question value above would leave
    // these questions for last; resolving the uncertainty is what a sequence of them does.
    let extra = &mut s.extra;
    extra.iter_mut().for_each(|x| *x = 0.0);
    {
        for (sc, deciding) in &iv.serious {
            let sc = *sc;
            let ps = posterior[sc];
            if iv.level[sc] as usize <= floor || ps < NEGLIGIBLE {
                continue;
            }
            let stake = (iv.miss[sc] * ps).min(1.0 - ps);
            // The share resolved is at most 1: a stake below a question's cost buys nothing.
            if stake <= iv.question_cost {
                continue;
            }
            let entropy = -(ps * ln(ps) + (1.0 - ps) * ln(1.0 - ps));
            for &f in deciding {
                if !case.open(f) || chosen.contains(&f) {
                    continue;
                }
                let m = &kb.models[f];
                let mut info = 0.0;
                for slot in m.first_slot..m.first_slot + m.slots.len() {
                    let row = kb.p_row(slot);
                    let pv: f64 = live.iter().map(|l| l.p * row[l.class]).sum();
                    let (a, b) = (row[sc], (pv - ps * row[sc]) / (1.0 - ps));
                    if pv > 0.0 {
                        info += ps * a * ln(a / pv);
                        if b > 0.0 {
                            info += (1.0 - ps) * b * ln(b / pv);
                        }
                    }
                }
                extra[f] += stake * info / entropy;
            }
        }
    }

    // A question one of whose answers would fire a safety rule above the triage the answers so
    // far warrant can change the triage whatever the list says: it is worth that answer's chance
    // times the miss cost of the level the rule sets (the dearest cause at or above it). Only an
    // answer that meets a rule's alarming test (`red_flag_slot`) can fire one.
    let current = level_now.max(floor);
    let fires = &mut s.fires;
    fires.clear();
    fires.resize(kb.models.len(), 0.0);
    if current + 1 < LEVELS {
        for f in 0..kb.models.len() {
            if !case.open(f) || chosen.contains(&f) {
                continue;
            }
            let m = &kb.models[f];
            let key = &kb.findings[f].key;
            for (i, slot) in (m.first_slot..m.first_slot + m.slots.len()).enumerate() {
                if !kb.red_flag_slot[slot] {
                    continue;
                }
                let value = match &kb.findings[f].kind {
                    FindingKind::Bool => Json::Bool(i == 1),
                    FindingKind::Enum { .. } => Json::String(m.slots[i].id.clone()),
                    _ => continue,
                };
                let row = kb.p_row(slot);
                let pv = live.iter().map(|l| l.p * row[l.class]).sum::<f64>() / now_mass;
                if pv < iv.could_change_at {
                    continue;
                }
                let mut answered_so = case.clone();
                if answered_so.set(key, &value).is_err() {
                    continue;
                }
                let level = safety::check(kb, &answered_so).floor as usize;
                if level > current {
                    let miss = (0..kb.classes).filter(|&c| iv.level[c] as usize >= level).map(|c| iv.miss[c]).fold(0.0, f64::max);
                    fires[f] += pv * miss;
                }
            }
        }
    }
    // The chance this person answers the next question, from their interview so far
    // (interview.toml `answer_prior`): a question's value is only saved if it is answered.
    // Examination tests a runner alone cannot do are not counted as unanswered, nor are the
    // screening questions, asked of everyone whatever this says.
    let counted = |f: usize| !kb.findings[f].clinician && !kb.screening.contains(&f);
    let given = case.entries().iter().filter(|e| counted(e.finding as usize)).count() as f64;
    let unanswered = (0..kb.models.len()).filter(|&f| counted(f) && !case.knows(f) && !case.open(f)).count() as f64;
    let answered = (given + iv.answer_prior) / (given + unanswered + iv.answer_prior);

    // Candidates: the findings with the largest bound on the information they can give about
    // the list, sum_c q(c) KL(F | c || population) (a dot product per class, no logarithms), and
    // every deciding question of a live serious cause. Only these are valued in full: a question
    // outside both that the triage alone makes worth asking is left for a later turn.
    let nf = kb.models.len();
    let mut by_bound = [(0.0f64, 0usize); CANDIDATES];
    let mut len = 0;
    for f in 0..nf {
        if !case.open(f) || chosen.contains(&f) || extra[f] > 0.0 || fires[f] > 0.0 {
            continue;
        }
        let b: f64 = live.iter().map(|l| l.q * iv.kl[l.class * nf + f]).sum();
        if len == CANDIDATES && b <= by_bound[len - 1].0 {
            continue;
        }
        let at = by_bound[..len].partition_point(|t| t.0 >= b);
        len = (len + 1).min(CANDIDATES);
        by_bound.copy_within(at..len - 1, at + 1);
        by_bound[at] = (b, f);
    }
    let serious_candidates = (0..nf).filter(|&f| extra[f] > 0.0 || fires[f] > 0.0);

    // The most valuable questions, best first, kept by insertion in one pass.
    let want = MAX_QUESTIONS - out.len();
    let mut best = [(0.0f64, 0usize); MAX_QUESTIONS];
    let mut kept = 0;
    for f in by_bound[..len].iter().map(|t| t.1).chain(serious_candidates) {
        let m = &kb.models[f];
        let own = m.group.filter(|&g| grouped[g / 64] & (1 << (g % 64)) != 0).map_or(1.0, |g| kb.groups[g].others_weight);
        let (mut after_triage, mut after_rank) = (0.0, 0.0);
        // Whether some answer this person may give (one in `could_change_at` or likelier) would
        // change the triage the answers so far warrant.
        let mut could_change = false;
        let mut information = 0.0;
        for slot in m.first_slot..m.first_slot + m.slots.len() {
            let row = kb.p_row(slot);
            let rest = if own < 1.0 { (1.0 - own) * kb.ln_default[slot].exp() } else { 0.0 };
            let mut loss = Loss::default();
            live.iter().for_each(|l| loss.add(l, own * row[l.class] + rest));
            let (t, level) = loss.triage(floor);
            after_triage += t;
            after_rank += iv.rank_weight * loss.rank();
            could_change |= level != level_now && loss.mass() >= iv.could_change_at * now_mass;
            if iv.information_weight > 0.0 {
                // I(C; F) = sum_v sum_c q(c) P(v|c) ln P(v|c) - sum_v P(v) ln P(v).
                let plnp = &iv.p_ln_p[slot * kb.classes..(slot + 1) * kb.classes];
                information += if own == 1.0 {
                    live.iter().map(|l| l.q * plnp[l.class]).sum::<f64>()
                } else {
                    live.iter().map(|l| { let x = own * row[l.class] + rest; l.q * x * ln(x) }).sum::<f64>()
                };
                if loss.listed > 0.0 {
                    information -= loss.listed * ln(loss.listed);
                }
            }
        }
        // Worth asking only while its answer could change the triage (then the triage's saving and
        // a live serious cause's stake count), or while the change it is expected to make to the
        // first and first three listed is worth its cost on its own.
        let list = answered * (now_rank - after_rank);
        let could_change = could_change || fires[f] > 0.0;
        let decision = if could_change { answered * (now_triage - after_triage + extra[f] + fires[f]) + list } else { list };
        if decision <= iv.cost[f] || (!could_change && list <= iv.list_change_at) {
            continue;
        }
        let value = decision + answered * iv.information_weight * information;
        if kept < want || value > best[want - 1].0 {
            let at = best[..kept].partition_point(|b| b.0 >= value);
            kept = (kept + 1).min(want);
            best.copy_within(at..kept - 1, at + 1);
            best[at] = (value, f);
        }
    }
    out.extend(best[..kept].iter().map(|&(_, f)| Text::Borrowed(&kb.findings[f].key)));
    out
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::engine::{assess, knowledge};

    fn next(findings: Value) -> Vec<String> {
        assess(&Case::from_value(json!({ "findings": findings })).unwrap()).next_questions.iter().map(|q| q.to_string()).collect()
    }

    /// The screening questions answered "no", as every interview starts.
    fn screened(mut more: Value) -> Value {
        let m = more.as_object_mut().unwrap();
        for k in ["chest_symptoms", "foot_cold_pale", "pain_out_of_proportion", "back_pain"] {
            m.insert(k.into(), false.into());
        }
        more
    }

    #[test]
    fn age_and_sex_are_asked_right_after_the_screening_questions() {
        assert_eq!(next(json!({})), ["chest_symptoms", "foot_cold_pale", "pain_out_of_proportion", "back_pain", "age", "sex", "location", "onset", "days_since_onset", "bilateral", "numbness_tingling", "weakness", "recent_immobilisation"]);
        assert_eq!(next(screened(json!({})))[..2], ["age", "sex"]);
    }

    #[test]
    fn the_triage_loss_raises_a_serious_cause_exactly_at_its_threshold() {
        // One urgent cause with its miss cost read from `raise_at`, the rest self-care: staying
        // low costs its miss, raising costs a false alarm for everyone else, and the two meet
        // at the threshold.
        let at = 0.15;
        let miss = (1.0 - at) / at;
        let loss = |p: f64, floor: usize| {
            let mut l = Loss::default();
            l.add(&Live { class: 0, level: Triage::Urgent as usize, p, p_miss: p * miss, q: 0.0 }, 1.0);
            l.add(&Live { class: 1, level: Triage::SelfCare as usize, p: 1.0 - p, p_miss: 0.0, q: 0.0 }, 1.0);
            l.triage(floor).0
        };
        for p in [0.01, 0.1, 0.149] {
            assert!((loss(p, 0) - p * miss).abs() < 1e-12, "below the threshold the triage stays low");
        }
        for p in [0.151, 0.5, 0.9] {
            assert!((loss(p, 0) - (1.0 - p)).abs() < 1e-12, "above it the triage is raised");
        }
        // A safety floor at urgent leaves nothing to miss, only the false alarms it sets.
        assert!((loss(0.01, Triage::Urgent as usize) - 0.99).abs() < 1e-12);
    }

    #[test]
    fn the_list_loss_counts_the_first_and_the_first_three() {
        let mut l = Loss::default();
        for (c, q) in [0.4, 0.3, 0.2, 0.1].into_iter().enumerate() {
            l.add(&Live { class: c, level: 0, p: q, p_miss: 0.0, q }, 1.0);
        }
        // Missed first: 0.6; missed from the first three: 0.1.
        assert!((l.rank() - 0.7).abs() < 1e-12, "{}", l.rank());
    }

    #[test]
    fn the_interview_stops_once_no_answer_could_change_the_triage_or_the_first_three() {
        // (With the safety rules' own follow-ups answered: bleeding risk, a tense calf, a hot red
        // swelling, the nerves after a sudden onset.)
        let rupture = screened(json!({"age": 40, "sex": "male", "location": "achilles", "onset": "sudden", "pop": true, "heel_raise": "unable", "thompson_test": "positive", "palpable_gap": true,
                                      "blood_thinners": false, "swelling": "local", "calf_tense": false, "bruising": true, "calf_warm_red": false, "numbness_tingling": false, "weakness": false, "days_since_onset": 1, "bilateral": false, "recent_immobilisation": false}));
        assert_eq!(next(rupture), Vec::<String>::new());
        let tennis_leg = json!({"age": 30, "sex": "male", "location": "upper_calf_medial", "onset": "sudden", "pop": true, "mechanism": "push_off", "heel_raise": "painful", "bruising": true, "blood_thinners": false, "numbness_tingling": false, "weakness": false, "days_since_onset": 1, "bilateral": false, "recent_immobilisation": false});
        // A torn calf is a clinician's; an answer that would fire a safety rule above that (a
        // whole swollen or hot red calf, a positive squeeze test, the deep veins tender after an
        // injury) can still change the triage, so those are asked before it stops.
        let asked = next(screened(tennis_leg.clone()));
        for key in ["swelling", "thompson_test", "tender_deep_veins"] {
            assert!(asked.iter().any(|k| k == key), "{key} would fire a rule: {asked:?}");
        }
        let mut answered = tennis_leg;
        for (k, v) in [("swelling", json!("local")), ("calf_warm_red", json!(false)), ("thompson_test", json!("negative")), ("tender_deep_veins", json!(false)), ("bulge_behind_knee", json!(false)), ("calf_tense", json!(false)), ("palpable_gap", json!(false)), ("pitting_oedema", json!(false))] {
            answered.as_object_mut().unwrap().insert(k.into(), v);
        }
        assert_eq!(next(screened(answered)), Vec::<String>::new());
        // ...and asks on while the first three are open.
        assert!(next(screened(json!({"age": 45, "sex": "female", "location": "mid_calf"}))).len() >= 3);
    }

    #[test]
    fn while_a_clot_is_possible_its_deciding_questions_come_before_fine_distinctions() {
        let kb = knowledge::get();
        let dvt = kb.conditions().iter().position(|c| c.id == "dvt").unwrap();
        let deciding: Vec<&str> = kb.interview.serious.iter().find(|(c, _)| *c == dvt).unwrap().1.iter().map(|&f| kb.findings()[f].key.as_str()).collect();
        for key in ["recent_immobilisation", "swelling", "calf_warm_red", "previous_dvt"] {
            assert!(deciding.contains(&key), "{key} decides a clot: {deciding:?}");
        }
        // A gradual mid-calf pain at 45 for ten days, one leg, no numbness (the core history
        // answered): whether the calf is swollen, the question that most sets a clot apart that a
        // runner can answer, and then another of a clot's deciding questions.
        // (A recent journey or operation not known: the clot stays as live as the answers leave it.)
        let findings = screened(json!({"age": 45, "sex": "female", "location": "mid_calf", "onset": "gradual", "days_since_onset": 10, "bilateral": false, "numbness_tingling": false, "weakness": false}));
        let case = Case::from_value(json!({"findings": findings, "not_known": ["recent_immobilisation"]})).unwrap();
        let asked: Vec<String> = assess(&case).next_questions.iter().map(|q| q.to_string()).collect();
        assert_eq!(asked[0], "swelling", "{asked:?}");
        assert!(asked[..2].iter().all(|k| deciding.contains(&k.as_str())), "{asked:?}");
    }
}
