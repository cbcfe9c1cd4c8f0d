//! Who examined a saved check, and the cause a clinician confirmed on it. Until a clinician
//! confirms a cause, a plan is conditional on it ("If this is ..."); after, it is the plan for the
//! confirmed cause, signed with who confirmed it and when (`plans::plan_confirmed`).
//!
//! A confirmation never changes the result saved with the check: the engine's answer stays as it
//! was given, and the confirmation sits beside it (migration 008).

use crate::error_code::ErrorCode;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::assessments::{self, SavedAssessment};
use super::LogError;
use crate::engine::knowledge;
use crate::signed_name::{self, NameProblem};
use crate::store::Store;

/// The longest name of who examined or confirmed, in characters (as a clinic name): the database
/// holds the same limit (migration 008).
pub const EXAMINER_NAME_MAX: usize = 120;

/// A cause a clinician confirmed on a saved check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Confirmation {
    /// The condition's id: one the engine knows, listed on the check or not.
    pub condition: String,
    /// Who confirmed it (and examined).
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A name or cause that cannot be recorded; nothing is written.
#[derive(Debug, thiserror::Error)]
pub enum ConfirmError {
    #[error("type the name of who examined: a confirmed cause is signed with it")]
    NameMissing,
    #[error("the name of who examined is only spaces: type their name")]
    NameBlank,
    #[error("the name of who examined is {0} characters long; keep it to {EXAMINER_NAME_MAX}")]
    NameTooLong(usize),
    #[error("the name of who examined has a line break or control character; keep it to one line")]
    NameControl,
    #[error("\"{0}\" is not one of the causes Soleus knows: choose one from the list")]
    UnknownCause(String),
    #[error(transparent)]
    Log(#[from] LogError),
}

impl ConfirmError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ConfirmError::NameMissing => ErrorCode::ExaminerNameMissing,
            ConfirmError::NameBlank => ErrorCode::ExaminerNameBlank,
            ConfirmError::NameTooLong(_) => ErrorCode::ExaminerNameTooLong,
            ConfirmError::NameControl => ErrorCode::ExaminerNameControl,
            ConfirmError::UnknownCause(_) => ErrorCode::ConfirmedCauseUnknown,
            ConfirmError::Log(e) => e.code(),
        }
    }

    pub fn is_bad_input(&self) -> bool {
        match self {
            ConfirmError::Log(e) => e.is_bad_input(),
            _ => true,
        }
    }
}

/// The name of who examined, trimmed; empty when none was given. Only spaces, several lines or
/// over [`EXAMINER_NAME_MAX`] characters is refused.
pub fn examiner_name(name: &str) -> Result<String, ConfirmError> {
    let name = signed_name::checked(name, EXAMINER_NAME_MAX).map_err(|problem| match problem {
        NameProblem::Blank => ConfirmError::NameBlank,
        NameProblem::TooLong(length) => ConfirmError::NameTooLong(length),
        NameProblem::Control => ConfirmError::NameControl,
    })?;
    Ok(name.to_string())
}

/// A confirmation's name: as [`examiner_name`], and required.
fn confirmer_name(name: &str) -> Result<String, ConfirmError> {
    match examiner_name(name)? {
        n if n.is_empty() => Err(ConfirmError::NameMissing),
        n => Ok(n),
    }
}

fn known_cause(condition: &str) -> Result<(), ConfirmError> {
    match knowledge::get().condition(condition) {
        Some(_) => Ok(()),
        None => Err(ConfirmError::UnknownCause(condition.to_string())),
    }
}

/// Records that `by` examined and confirmed `condition` on the profile's saved check `id` (a
/// later confirmation replaces an earlier one). Who examined is kept when the check already names
/// someone, else it is `by`. Another profile's check is `CheckNotFound`; nothing is written on
/// any refusal.
pub fn confirm(store: &mut Store, profile_id: i64, id: i64, condition: &str, by: &str, now: DateTime<Utc>) -> Result<SavedAssessment, ConfirmError> {
    let by = confirmer_name(by)?;
    known_cause(condition)?;
    let tx = store.conn_mut().transaction().map_err(LogError::from)?;
    let n = tx
        .execute(
            "UPDATE saved_assessments SET confirmed_condition = ?1, confirmed_by = ?2, confirmed_at = ?3,
               examined_by = CASE WHEN examined_by = '' THEN ?2 ELSE examined_by END
             WHERE id = ?4 AND profile_id = ?5",
            params![condition, by, now.timestamp(), id, profile_id],
        )
        .map_err(LogError::from)?;
    if n != 1 {
        return Err(LogError::CheckNotFound(id).into());
    }
    let saved = assessments::get(&tx, profile_id, id)?;
    tx.commit().map_err(LogError::from)?;
    Ok(saved)
}

/// Restores who examined and a confirmation onto a check just inserted from a backup, in the
/// restore's transaction, under the same rules as when they were recorded.
pub(crate) fn restore(conn: &Connection, id: i64, examined_by: &str, confirmed: Option<&Confirmation>) -> Result<(), LogError> {
    let refused = |e: ConfirmError| LogError::BadBackup(format!("a saved check's examination: {e}"));
    let examined_by = examiner_name(examined_by).map_err(refused)?;
    conn.execute("UPDATE saved_assessments SET examined_by = ?1 WHERE id = ?2", params![examined_by, id])?;
    if let Some(c) = confirmed {
        let by = confirmer_name(&c.by).map_err(refused)?;
        known_cause(&c.condition).map_err(refused)?;
        conn.execute(
            "UPDATE saved_assessments SET confirmed_condition = ?1, confirmed_by = ?2, confirmed_at = ?3 WHERE id = ?4",
            params![c.condition, by, c.at.timestamp(), id],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{self, Case};
    use crate::profiles;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn saved(store: &mut Store, profile_id: i64) -> SavedAssessment {
        let case = serde_json::json!({"findings": {"onset": "gradual", "location": "behind_knee"}});
        let result = engine::assess(&Case::from_value(case.clone()).unwrap());
        assessments::save(store, profile_id, &case, &result, "", at("2026-12-01T09:00:00Z")).unwrap()
    }

    #[test]
    fn a_cause_is_confirmed_with_who_examined_and_bad_names_write_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let ana = profiles::create(&mut store, "Ana", at("2026-11-01T09:00:00Z")).unwrap().id;
        let ben = profiles::create(&mut store, "Ben", at("2026-11-01T09:00:00Z")).unwrap().id;
        let check = saved(&mut store, ana);
        assert_eq!((check.examined_by.as_str(), check.confirmed.as_ref()), ("", None));
        let now = at("2026-12-07T10:00:00Z");

        for (name, code) in [("", "examiner_name_missing"), ("   ", "examiner_name_blank"), ("Sam\nLee", "examiner_name_control")] {
            assert_eq!(confirm(&mut store, ana, check.id, "popliteus_injury", name, now).unwrap_err().code(), code, "{name:?}");
        }
        let long = "é".repeat(EXAMINER_NAME_MAX + 1);
        let e = confirm(&mut store, ana, check.id, "popliteus_injury", &long, now).unwrap_err();
        assert_eq!(e.to_string(), format!("the name of who examined is {} characters long; keep it to 120", EXAMINER_NAME_MAX + 1));
        assert_eq!(confirm(&mut store, ana, check.id, "not_a_cause", "Sam Lee", now).unwrap_err().code(), "confirmed_cause_unknown");
        assert_eq!(confirm(&mut store, ben, check.id, "popliteus_injury", "Sam Lee", now).unwrap_err().code(), "saved_check_not_found");
        assert_eq!(assessments::get(store.conn(), ana, check.id).unwrap(), check, "nothing written");

        let confirmed = confirm(&mut store, ana, check.id, "gastrocnemius_strain", "  Sam Lee ", now).unwrap();
        assert_eq!(confirmed.confirmed, Some(Confirmation { condition: "gastrocnemius_strain".into(), by: "Sam Lee".into(), at: now }));
        assert_eq!(confirmed.examined_by, "Sam Lee", "who confirmed examined");
        assert_eq!((confirmed.result, confirmed.case), (check.result, check.case), "the saved result stays as it was given");
        assert_eq!(assessments::get(store.conn(), ana, check.id).unwrap().confirmed, confirmed.confirmed);

        // A second clinician's confirmation replaces the cause and keeps who examined.
        let again = confirm(&mut store, ana, check.id, "popliteus_injury", "Jo Park", now + chrono::Duration::hours(1)).unwrap();
        assert_eq!((again.confirmed.unwrap().by.as_str(), again.examined_by.as_str()), ("Jo Park", "Sam Lee"));

        // The database keeps a confirmation whole, and the name's length.
        let half = store.conn().execute("UPDATE saved_assessments SET confirmed_by = NULL WHERE id = ?1", [check.id]);
        assert!(half.is_err(), "a confirmation without who confirmed it is refused by the schema");
        let long = store.conn().execute("UPDATE saved_assessments SET examined_by = ?1", [&"n".repeat(121)]);
        assert!(long.is_err());
    }

    #[test]
    fn a_saved_check_keeps_who_examined_from_the_examination_form() {
        let mut store = Store::open_in_memory().unwrap();
        let ana = profiles::create(&mut store, "Ana", at("2026-11-01T09:00:00Z")).unwrap().id;
        let case = serde_json::json!({"findings": {"onset": "gradual"}});
        let result = engine::assess(&Case::from_value(case.clone()).unwrap());
        let name = examiner_name(" Sam Lee ").unwrap();
        let s = assessments::save_examined(&mut store, ana, &case, &result, "", &name, at("2026-12-01T09:00:00Z")).unwrap();
        assert_eq!(s.examined_by, "Sam Lee");
        assert_eq!(assessments::get(store.conn(), ana, s.id).unwrap(), s);
        assert_eq!(examiner_name("").unwrap(), "", "no name is allowed");
    }

    #[test]
    fn a_backup_keeps_who_examined_and_the_confirmation_and_refuses_a_blank_name() {
        use crate::export::backup;
        let mut store = Store::open_in_memory().unwrap();
        let ana = profiles::create(&mut store, "Ana", at("2026-11-01T09:00:00Z")).unwrap();
        let check = saved(&mut store, ana.id);
        let confirmed = confirm(&mut store, ana.id, check.id, "calf_overload", "Sam Lee", at("2026-12-07T10:00:00Z")).unwrap();
        let text = serde_json::to_string(&backup::export(store.conn(), &ana, at("2026-12-07T11:00:00Z")).unwrap()).unwrap();

        let mut other = Store::open_in_memory().unwrap();
        backup::restore_text(&mut other, &text, at("2026-12-07T12:00:00Z")).unwrap();
        let back = assessments::list(other.conn(), 1).unwrap().remove(0);
        assert_eq!((back.examined_by, back.confirmed), (confirmed.examined_by, confirmed.confirmed));

        let blank = text.replace("\"by\":\"Sam Lee\"", "\"by\":\"   \"");
        assert_ne!(blank, text);
        let mut third = Store::open_in_memory().unwrap();
        let e = backup::restore_text(&mut third, &blank, at("2026-12-07T12:00:00Z")).unwrap_err();
        assert!(e.to_string().contains("only spaces"), "{e}");
        assert!(profiles::list(&third).unwrap().is_empty(), "nothing restored");
    }
}
