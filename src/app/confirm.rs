//! A clinician confirms the cause on a saved check: one the check listed, or another of the
//! engine's causes, with the name of who examined. The check's plan is then that cause's
//! (`plans::plan_confirmed`); until then it reads "If this is ...".

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::saved::SavedCheck;
use crate::engine::knowledge;
use crate::log::confirmation;
use crate::store::Store;
use crate::Error;

/// A cause a clinician may confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Cause {
    pub condition: String,
    pub name: String,
}

/// Every cause the engine knows, in its knowledge's order: the "another cause" choices.
pub fn causes() -> Vec<Cause> {
    knowledge::get().conditions().iter().map(|c| Cause { condition: c.id.clone(), name: c.name.clone() }).collect()
}

/// Confirms `condition` on the profile's saved check `id`, by `by`; the check read back worded.
/// A name of only spaces or too long, an unknown cause or another profile's check is refused by
/// name, and nothing is written.
pub fn confirm(store: &mut Store, profile_id: i64, id: i64, condition: &str, by: &str, now: DateTime<Utc>) -> Result<SavedCheck, Error> {
    Ok(SavedCheck::of(confirmation::confirm(store, profile_id, id, condition, by, now)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::check::{self, CheckAnswers, Saving, Screen};
    use crate::profiles;

    #[test]
    fn a_confirmed_check_reads_back_with_who_and_its_plan_follows_the_cause() {
        let mut store = Store::open_in_memory().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z").unwrap().to_utc();
        let ana = profiles::create(&mut store, "Ana", now).unwrap().id;
        let findings = serde_json::json!({"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true,
            "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false});
        let answers = CheckAnswers { findings: findings.as_object().unwrap().clone(), not_known: vec![], examining: true };
        let saved = check::save(&mut store, ana, &answers, Saving { notes: "", examined_by: "", screen: Screen::Required }, now).unwrap();
        let before = SavedCheck::of(saved.clone());
        assert_eq!((before.examined_by.as_ref(), before.confirmed.as_ref()), (None, None));
        let utc = chrono::FixedOffset::east_opt(0).unwrap();
        assert!(before.plan(utc).unwrap().title.starts_with("If this is: "));

        assert_eq!(causes().len(), knowledge::get().conditions().len());
        let other = causes().into_iter().find(|c| before.view.as_ref().unwrap().chances.iter().all(|l| l.condition != c.condition)).unwrap();
        let e = confirm(&mut store, ana, saved.id, &other.condition, "  ", now).unwrap_err();
        assert_eq!(e.code(), "examiner_name_blank");

        let c = confirm(&mut store, ana, saved.id, &other.condition, "Sam Lee", now).unwrap();
        assert_eq!(c.examined_by.as_deref(), Some("Sam Lee"));
        assert!(c.examined);
        let confirmed = c.confirmed.as_ref().unwrap();
        assert_eq!((confirmed.name.as_str(), confirmed.by.as_str(), confirmed.at), (other.name.as_str(), "Sam Lee", now));
        let plan = c.plan(utc).unwrap();
        assert_eq!(plan.title, format!("{}: confirmed by Sam Lee on Mon 7 Dec 2026", other.name));
        assert_eq!(c.view, before.view, "the result stays as it was given");
    }
}
