//! The plan once a clinician has confirmed the cause on a saved check.
//!
//! Until then a plan is conditional ("If this is: ..."). After, it is built for the confirmed
//! cause (one the check listed, or another of the engine's causes) and titled with it, who
//! confirmed it and when. A confirmation never lowers the advice: the plan keeps the check's
//! triage and warning signs, raised to the confirmed cause's own triage when that is higher, and
//! the serious causes the check still had open stay listed (a confirmation by examination does not
//! rule out what needs a scan).

use std::borrow::Cow;

use chrono::{FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{build, Plan};
use crate::engine::{knowledge, Assessment, Ranked};
use crate::log::confirmation::Confirmation;

/// Who confirmed a plan's cause, and when, as the plan shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConfirmedCause {
    pub condition: String,
    /// The cause's name.
    pub name: String,
    pub by: String,
    /// The day it was confirmed, in the one date format people read ("Mon 7 Dec 2026").
    pub on: String,
}

/// The plan of assessment `a` with the cause a clinician confirmed on `on` (the person's local
/// day); `None` when the confirmation names a cause this version no longer knows (then the
/// conditional plan stands).
pub fn plan_confirmed(a: &Assessment, c: &Confirmation, on: NaiveDate) -> Option<Plan> {
    let info = knowledge::get().condition(&c.condition)?;
    let mut confirmed = a.clone();
    let at = confirmed.differential.iter().position(|r| r.condition == c.condition);
    let top = match at {
        Some(i) => confirmed.differential.remove(i),
        // Another of the causes, which the check did not list: it leads without a chance of its own.
        None => Ranked { condition: Cow::Owned(info.id.clone()), name: Cow::Owned(info.name.clone()), probability: 0.0, why: vec![] },
    };
    confirmed.differential.insert(0, top);
    if info.triage > confirmed.triage {
        confirmed.triage = info.triage;
        confirmed.triage_advice = Cow::Borrowed(info.triage.advice());
    }
    let mut plan = build::plan(&confirmed);
    let day = crate::log::day(on);
    plan.title = format!("{}: confirmed by {} on {day}", info.name, c.by);
    plan.confirmed = Some(ConfirmedCause { condition: info.id.clone(), name: info.name.clone(), by: c.by.clone(), on: day });
    Some(plan)
}

/// The plan of a saved check: for its confirmed cause when a clinician confirmed one (its day read
/// at `offset`, the person's), else conditional on its most likely cause.
pub fn plan_of(a: &Assessment, confirmed: Option<&Confirmation>, offset: FixedOffset) -> Plan {
    confirmed.and_then(|c| plan_confirmed(a, c, c.at.with_timezone(&offset).date_naive())).unwrap_or_else(|| build::plan(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{self, Case, Triage};
    use crate::plans::Role;

    fn assess(findings: serde_json::Value) -> Assessment {
        engine::assess(&Case::from_value(serde_json::json!({ "findings": findings })).unwrap())
    }

    fn confirmation(condition: &str) -> Confirmation {
        Confirmation { condition: condition.into(), by: "Sam Lee".into(), at: chrono::Utc::now() }
    }

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    const ON: fn() -> NaiveDate = || NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();

    #[test]
    fn a_confirmed_plan_is_titled_with_the_cause_who_and_when_and_leads_with_it() {
        let a = assess(serde_json::json!({"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true}));
        let unconfirmed = build::plan(&a);
        assert!(unconfirmed.title.starts_with("If this is: "), "{}", unconfirmed.title);
        assert_eq!(unconfirmed.confirmed, None);

        // A cause the check listed, but not first.
        let second = a.differential[1].clone();
        let plan = plan_confirmed(&a, &confirmation(&second.condition), ON()).unwrap();
        assert_eq!(plan.title, format!("{}: confirmed by Sam Lee on Mon 7 Dec 2026", second.name));
        assert!(!plan.title.contains("If this is"));
        let top = plan.conditions.iter().find(|c| c.role == Role::Top).unwrap();
        assert_eq!(top.condition, second.condition);
        assert!(plan.conditions.iter().filter(|c| c.condition == second.condition).count() == 1, "listed once");
        assert_eq!(plan.confirmed.as_ref().map(|c| c.by.as_str()), Some("Sam Lee"));
        assert!(plan.triage >= a.triage, "never below the check's triage");

        // No confirmation: the conditional plan.
        assert_eq!(plan_of(&a, None, utc()), unconfirmed);
        // A cause this version does not know: the conditional plan stands.
        assert_eq!(plan_of(&a, Some(&confirmation("retired_cause")), utc()), unconfirmed);
    }

    #[test]
    fn confirming_a_serious_cause_the_check_did_not_list_raises_the_advice_to_its_own() {
        let a = assess(serde_json::json!({"knot": true, "onset": "gradual", "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false}));
        assert!(a.triage < Triage::Urgent, "{:?}", a.triage);
        let dvt = knowledge::get().condition("dvt").unwrap();
        let plan = plan_confirmed(&a, &confirmation("dvt"), ON()).unwrap();
        assert_eq!(plan.triage, a.triage.max(dvt.triage));
        assert!(plan.triage >= Triage::Urgent, "a confirmed clot is at least urgent");
        assert!(plan.title.starts_with(&dvt.name));
        assert_eq!(plan.conditions[0].condition, "dvt");
    }
}
