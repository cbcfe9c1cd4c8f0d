//! Properties of the engine over any valid case (proptest): probabilities are probabilities,
//! nothing panics, red-flag answers never lower the triage, removing a finding is safe, and a
//! "don't know" moves nothing and is not asked again.

use proptest::prelude::*;
use serde_json::{json, Value};
use soleus::engine::knowledge::{self, FindingKind};
use soleus::engine::{assess, Case};

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

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
            || a.differential.iter().any(|r| kb.condition(&r.condition).is_some_and(|c| c.triage == a.triage));
        prop_assert!(explained, "triage {:?} unexplained for {}", a.triage, case.to_json());
        for q in &a.next_questions {
            prop_assert!(!case.contains(q), "asks {} again", q);
        }
        prop_assert!(!a.disclaimer.is_empty());
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
