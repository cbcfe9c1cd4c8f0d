//! Properties of the engine over any valid case (proptest): probabilities are probabilities,
//! nothing panics, red-flag answers never lower the triage, removing a finding is safe, and a
//! "don't know" moves nothing and is not asked again; and any input at all, valid or not, gets
//! an assessment or an error that names what was wrong, never a panic.

use proptest::prelude::*;
use serde_json::{json, Value};
use soleus::engine::knowledge::{self, FindingKind};
use soleus::engine::{assess, leg_points_to, red_flag_keys, Case, Triage};

/// A valid answer for finding `f`, chosen by `seed`.
fn answer(f: usize, seed: u32) -> (String, Value) {
    let info = &knowledge::get().findings()[f];
    let v = match &info.kind {
        FindingKind::Bool => json!(seed % 2 == 0),
        FindingKind::Enum { values } => json!(values[seed as usize % values.len()]),
        FindingKind::Integer { min, max } => json!(min + (seed as i64 % (max - min + 1))),
        FindingKind::Number { min, max } => json!(min + (max - min) * f64::from(seed) / f64::from(u32::MAX)),
    };
    (info.key.clone(), v)
}

fn any_case() -> impl Strategy<Value = Case> {
    let n = knowledge::get().findings().len();
    prop::collection::vec((0..n, any::<u32>()), 0..25).prop_map(|picks| {
        let mut case = Case::default();
        for (f, seed) in picks {
            let (k, v) = answer(f, seed);
            case.set(&k, &v).expect("generated answers are valid");
        }
        case
    })
}

/// Any JSON value, nested a little: the shapes a caller can get wrong.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|x| serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)),
        (0..200i64).prop_map(Value::from),
        "[a-z_ ]{0,12}".prop_map(Value::from),
        // A value some finding accepts, likely under another key.
        (0..knowledge::get().findings().len(), any::<u32>()).prop_map(|(f, seed)| answer(f, seed).1),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from), prop::collection::btree_map("[a-z]{1,6}", inner, 0..3).prop_map(|m| Value::Object(m.into_iter().collect()))]
    })
}

/// Findings: mostly valid answers, mixed with vocabulary keys and near misses of them carrying
/// any value.
fn any_findings() -> impl Strategy<Value = Value> {
    let n = knowledge::get().findings().len();
    let keys: Vec<String> = knowledge::get().findings().iter().map(|f| f.key.clone()).collect();
    let key = prop_oneof![prop::sample::select(keys.clone()), prop::sample::select(keys).prop_map(|k| format!("{k}s")), "[a-z_]{1,10}"];
    let entry = prop_oneof![4 => (0..n, any::<u32>()).prop_map(|(f, seed)| answer(f, seed)), 1 => (key, any_json())];
    prop::collection::vec(entry, 0..8).prop_map(|entries| Value::Object(entries.into_iter().collect()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_input_gets_an_assessment_or_an_error_naming_what_was_wrong(findings in any_findings(), text in ".{0,40}") {
        match Case::from_value(json!({ "findings": findings })) {
            Ok(case) => prop_assert!(!assess(&case).differential.is_empty()),
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.is_empty());
                // An error about a finding names a key the input carried.
                if let Some(key) = e.key() {
                    prop_assert!(findings.as_object().unwrap().contains_key(key), "{} not in {}", key, findings);
                    prop_assert!(message.contains(key), "{}", message);
                }
            }
        }
        // Text that is not a case at all: an error, never a panic.
        if let Ok(case) = Case::from_json(&text) {
            prop_assert!(!assess(&case).differential.is_empty());
        }
    }

    #[test]
    fn probabilities_are_in_0_1_and_sum_to_at_most_1(case in any_case()) {
        let a = assess(&case);
        prop_assert!(!a.differential.is_empty());
        let total: f64 = a.differential.iter().map(|r| r.probability).sum();
        prop_assert!(total <= 1.0 + 1e-9, "sum {}", total);
        for w in a.differential.windows(2) {
            prop_assert!(w[0].probability >= w[1].probability);
        }
        for r in &a.differential {
            prop_assert!((0.0..=1.0).contains(&r.probability), "{} {}", r.condition, r.probability);
        }
        for f in &a.red_flags {
            prop_assert!(a.triage >= f.triage, "triage below the floor of {}", f.id);
        }
        // The advice is always explained: by a red flag at its level, or by a condition shown.
        let kb = knowledge::get();
        let explained = a.red_flags.iter().any(|f| f.triage == a.triage)
            || (a.none_fits.is_some() && a.triage == Triage::Clinician)
            || a.differential.iter().any(|r| kb.condition(&r.condition).is_some_and(|c| c.triage == a.triage));
        prop_assert!(explained, "triage {:?} unexplained for {}", a.triage, case.to_json());
        // The advice never says less than the first-listed cause warrants on its own.
        let first = kb.condition(&a.differential[0].condition).unwrap();
        prop_assert!(a.triage >= first.triage, "triage {:?} below {} listed first for {}", a.triage, first.id, case.to_json());
        for q in &a.next_questions {
            prop_assert!(!case.contains(q), "asks {} again", q);
        }
        prop_assert!(!a.disclaimer.is_empty());
    }

    /// The one rule (knowledge/README.md): a serious cause shown at or above its threshold raises
    /// the triage (when an answer from the leg points to it), and nothing raises it through a cause that is not shown: above the rules'
    /// floor and "clinician", the triage is that of a cause in the list that is listed first or
    /// at its threshold on the person's answers, or on them with some red-flag answers set aside
    /// (which is how a red-flag answer never lowers the triage).
    #[test]
    fn the_triage_agrees_with_the_causes_shown(case in any_case()) {
        let kb = knowledge::get();
        let a = assess(&case);
        let at = |id: &str| kb.condition(id).and_then(|c| c.raise_at);
        let triage_of = |id: &str| kb.condition(id).unwrap().triage;
        for r in &a.differential {
            if at(&r.condition).is_some_and(|t| r.probability >= t) && leg_points_to(&case, &r.condition) {
                prop_assert!(a.triage >= triage_of(&r.condition), "{} shown at {} but triage {:?} for {}", r.condition, r.probability, a.triage, case.to_json());
            }
        }
        let floor = a.red_flags.iter().map(|f| f.triage).max().unwrap_or(Triage::SelfCare);
        let red = red_flag_keys(&case);
        if a.triage > floor.max(Triage::Clinician) && red.len() <= 6 {
            let listed = |x: &soleus::engine::Assessment, id: &str| {
                x.differential.first().is_some_and(|r| r.condition == id) || x.differential.iter().any(|r| r.condition == id && at(id).is_some_and(|t| r.probability >= t))
            };
            let shown_at_level: Vec<&str> = a.differential.iter().map(|r| &*r.condition).filter(|id| triage_of(id) == a.triage).collect();
            let mut raised = false;
            for pick in 0..1u32 << red.len() {
                let mut sub = case.clone();
                red.iter().enumerate().filter(|(i, _)| pick & (1 << i) != 0).for_each(|(_, k)| { sub.remove(k); });
                let b = assess(&sub);
                raised |= shown_at_level.iter().any(|id| listed(&b, id));
            }
            prop_assert!(raised, "triage {:?} through a cause not shown at its threshold for {}", a.triage, case.to_json());
        }
    }

    #[test]
    fn adding_a_red_flag_answer_never_lowers_triage(case in any_case(), pick in any::<prop::sample::Index>()) {
        let answers = knowledge::get().red_flag_answers();
        let (key, value) = &answers[pick.index(answers.len())];
        prop_assume!(!case.contains(key));
        let before = assess(&case).triage;
        let mut more = case.clone();
        more.set(key, value).unwrap();
        let after = assess(&more).triage;
        prop_assert!(after >= before, "{}={} lowered triage {:?} -> {:?} for {}", key, value, before, after, case.to_json());
    }

    #[test]
    fn removing_a_finding_never_breaks_the_reasons(case in any_case(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!case.is_empty());
        let keys: Vec<&str> = case.iter().map(|(k, _)| k).collect();
        let key = keys[pick.index(keys.len())].to_string();
        let mut fewer = case.clone();
        prop_assert!(fewer.remove(&key));
        let a = assess(&fewer);
        for r in &a.differential {
            prop_assert!(r.why.len() <= 3);
            prop_assert!(r.why.iter().all(|w| !w.is_empty()));
        }
    }

    #[test]
    fn a_dont_know_moves_nothing_and_is_never_asked_again(case in any_case(), picks in prop::collection::vec(any::<prop::sample::Index>(), 1..6)) {
        let kb = knowledge::get();
        let before = assess(&case);
        let mut asked = case.clone();
        for p in &picks {
            asked.mark_not_known(&kb.findings()[p.index(kb.findings().len())].key).unwrap();
        }
        let after = assess(&asked);
        prop_assert_eq!(after.triage, before.triage);
        prop_assert_eq!(&after.differential, &before.differential);
        let not_known: Vec<&str> = asked.not_known().collect();
        for q in &after.next_questions {
            prop_assert!(!not_known.contains(&&**q), "{} was marked not known", q);
        }
    }
}
