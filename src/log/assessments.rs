//! Saved assessments: a case and the result the engine gave for it, kept exactly as they were so
//! that an old result reads as it did on the day, whatever the engine says now.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::LogError;
use super::confirmation::Confirmation;
use super::time::normalize;
use crate::engine::Assessment;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedAssessment {
    #[ts(type = "number")]
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub engine_version: String,
    /// The answers given (the engine's `Case`, as JSON).
    #[ts(type = "Record<string, unknown>")]
    pub case: Value,
    /// The result as the engine returned it (an `Assessment`, as JSON of its day).
    #[ts(type = "Record<string, unknown>")]
    pub result: Value,
    /// A clinician's notes on the check (empty when none); a backup without them restores empty.
    #[serde(default)]
    pub notes: String,
    /// Who examined (a clinician's name), empty when nobody did or gave no name (migration 008).
    /// Read it from `app::saved::SavedCheck::examined_by`.
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub examined_by: String,
    /// The cause a clinician confirmed on this check, when one has (`log::confirmation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub confirmed: Option<Confirmation>,
}

/// The longest notes a check keeps, in characters: a page of a consultation's notes. The
/// database holds the same limit (migration 003).
pub const NOTES_MAX: usize = 4000;

/// Notes within [`NOTES_MAX`], or the error that names the limit and the length.
pub fn check_notes(notes: &str) -> Result<(), LogError> {
    let len = notes.chars().count();
    if len > NOTES_MAX { Err(LogError::NotesTooLong { max: NOTES_MAX, len }) } else { Ok(()) }
}

impl SavedAssessment {
    /// The result read with today's `Assessment` type; `None` when its shape has since changed
    /// (then show `result` as it is).
    pub fn assessment(&self) -> Option<Assessment> {
        serde_json::from_value(self.result.clone()).ok()
    }
}

/// Saves a case, its result and the clinician's notes.
pub fn save(store: &mut Store, profile_id: i64, case: &Value, result: &Assessment, notes: &str, now: DateTime<Utc>) -> Result<SavedAssessment, LogError> {
    save_examined(store, profile_id, case, result, notes, "", now)
}

/// [`save`], with the name of who examined (already checked by
/// `confirmation::examiner_name`; empty for none), in the same transaction.
pub fn save_examined(
    store: &mut Store,
    profile_id: i64,
    case: &Value,
    result: &Assessment,
    notes: &str,
    examined_by: &str,
    now: DateTime<Utc>,
) -> Result<SavedAssessment, LogError> {
    let result = serde_json::to_value(result).expect("an Assessment serializes");
    let tx = store.conn_mut().transaction()?;
    let mut saved = insert(&tx, profile_id, now, case, &result, notes)?.ok_or_else(|| LogError::BadTime {
        value: now.to_rfc3339(),
        reason: "an assessment was already saved at this second".into(),
    })?;
    if !examined_by.is_empty() {
        tx.execute("UPDATE saved_assessments SET examined_by = ?1 WHERE id = ?2", params![examined_by, saved.id])?;
        saved.examined_by = examined_by.to_string();
    }
    tx.commit()?;
    Ok(saved)
}

/// Inserts one saved assessment in the caller's transaction; `None` when one with the same
/// creation time is already stored (a restored backup brings it back only once).
pub(crate) fn insert(conn: &Connection, profile_id: i64, created_at: DateTime<Utc>, case: &Value, result: &Value, notes: &str) -> Result<Option<SavedAssessment>, LogError> {
    if !case.is_object() || !result.is_object() {
        return Err(LogError::BadBackup("a saved assessment's case and result must be JSON objects".into()));
    }
    check_notes(notes)?;
    let created_at = normalize(created_at.fixed_offset())?.to_utc();
    let engine_version = result.get("engine_version").and_then(Value::as_str).unwrap_or("unknown").to_string();
    // The schema's `length(engine_version) BETWEEN 1 AND 100`, said in words before it fires.
    if engine_version.is_empty() || engine_version.contains('\0') || engine_version.chars().count() > 100 {
        return Err(LogError::BadBackup("a saved check names the version of Soleus that made it in 1 to 100 characters; this one does not".into()));
    }
    let n = conn.execute(
        "INSERT INTO saved_assessments (profile_id, created_at, engine_version, case_json, result_json, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
        params![profile_id, created_at.timestamp(), engine_version, case.to_string(), result.to_string(), notes],
    )?;
    Ok((n == 1).then(|| SavedAssessment {
        id: conn.last_insert_rowid(),
        created_at,
        engine_version,
        case: case.clone(),
        result: result.clone(),
        notes: notes.to_string(),
        examined_by: String::new(),
        confirmed: None,
    }))
}

fn row_to_saved(row: &rusqlite::Row<'_>) -> rusqlite::Result<SavedAssessment> {
    let json = |i: usize| -> rusqlite::Result<Value> {
        let text: String = row.get(i)?;
        serde_json::from_str(&text).map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
    };
    let created_at = super::time::from_db(row.get(1)?, 0)?.to_utc();
    let confirmed = match (row.get::<_, Option<String>>(7)?, row.get::<_, Option<String>>(8)?, row.get::<_, Option<i64>>(9)?) {
        (Some(condition), Some(by), Some(at)) => Some(Confirmation { condition, by, at: super::time::from_db(at, 0)?.to_utc() }),
        _ => None,
    };
    Ok(SavedAssessment {
        id: row.get(0)?,
        created_at,
        engine_version: row.get(2)?,
        case: json(3)?,
        result: json(4)?,
        notes: row.get(5)?,
        examined_by: row.get(6)?,
        confirmed,
    })
}

const SELECT: &str = "SELECT id, created_at, engine_version, case_json, result_json, notes, examined_by, \
    confirmed_condition, confirmed_by, confirmed_at FROM saved_assessments";

/// All saved assessments, oldest first.
pub fn list(conn: &Connection, profile_id: i64) -> Result<Vec<SavedAssessment>, LogError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE profile_id = ?1 ORDER BY created_at, id"))?;
    let rows = stmt.query_map([profile_id], row_to_saved)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn latest(conn: &Connection, profile_id: i64) -> Result<Option<SavedAssessment>, LogError> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE profile_id = ?1 ORDER BY created_at DESC, id DESC LIMIT 1"), [profile_id], row_to_saved)
        .optional()?)
}

/// One saved assessment of this profile; another profile's, or one deleted, is `CheckNotFound`.
pub fn get(conn: &Connection, profile_id: i64, id: i64) -> Result<SavedAssessment, LogError> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1 AND profile_id = ?2"), params![id, profile_id], row_to_saved)
        .optional()?
        .ok_or(LogError::CheckNotFound(id))
}

/// Replaces the notes of one saved check of this profile (the result stays as it was); too
/// long, or another profile's check, changes nothing.
pub fn set_notes(store: &mut Store, profile_id: i64, id: i64, notes: &str) -> Result<SavedAssessment, LogError> {
    check_notes(notes)?;
    let tx = store.conn_mut().transaction()?;
    let n = tx.execute("UPDATE saved_assessments SET notes = ?1 WHERE id = ?2 AND profile_id = ?3", params![notes, id, profile_id])?;
    if n != 1 {
        return Err(LogError::CheckNotFound(id));
    }
    let saved = get(&tx, profile_id, id)?;
    tx.commit()?;
    Ok(saved)
}

/// Deletes one saved assessment of this profile; another profile's is refused as `CheckNotFound`
/// and left as it was.
pub fn delete(store: &mut Store, profile_id: i64, id: i64) -> Result<(), LogError> {
    let tx = store.conn_mut().transaction()?;
    let n = tx.execute("DELETE FROM saved_assessments WHERE id = ?1 AND profile_id = ?2", params![id, profile_id])?;
    if n != 1 {
        return Err(LogError::CheckNotFound(id));
    }
    tx.commit()?;
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

    /// A store holding two profiles, Ana's and Ben's, and their ids.
    fn ana_and_ben() -> (Store, i64, i64) {
        let mut store = Store::open_in_memory().unwrap();
        let ana = profiles::create(&mut store, "Ana", at("2026-11-01T09:00:00Z")).unwrap().id;
        let ben = profiles::create(&mut store, "Ben", at("2026-11-01T09:00:00Z")).unwrap().id;
        (store, ana, ben)
    }

    fn save_one(store: &mut Store, profile_id: i64, when: &str) -> SavedAssessment {
        let case = serde_json::json!({"findings": {"onset": "gradual", "location": "behind_knee"}});
        let result = engine::assess(&Case::from_value(case.clone()).unwrap());
        save(store, profile_id, &case, &result, "", at(when)).unwrap()
    }

    #[test]
    fn a_saved_check_is_read_and_deleted_only_by_its_own_profile() {
        let (mut store, ana, ben) = ana_and_ben();
        let first = save_one(&mut store, ana, "2026-11-07T09:00:00Z");
        let second = save_one(&mut store, ana, "2026-11-21T09:00:00Z");
        let bens = save_one(&mut store, ben, "2026-11-21T09:00:00Z");

        assert_eq!(get(store.conn(), ana, first.id).unwrap(), first);
        let e = get(store.conn(), ben, first.id).unwrap_err();
        assert_eq!(e.code(), "saved_check_not_found");
        assert!(e.to_string().contains(&format!("no saved check {}", first.id)), "{e}");

        // Ben cannot delete Ana's check: refused by name, and it is still there.
        assert!(matches!(delete(&mut store, ben, first.id), Err(LogError::CheckNotFound(id)) if id == first.id));
        assert_eq!(list(store.conn(), ana).unwrap().len(), 2);

        delete(&mut store, ana, first.id).unwrap();
        assert_eq!(list(store.conn(), ana).unwrap(), vec![second.clone()]);
        assert_eq!(latest(store.conn(), ana).unwrap(), Some(second));
        assert_eq!(list(store.conn(), ben).unwrap(), vec![bens]);
        // Deleting it again names it as gone.
        assert_eq!(delete(&mut store, ana, first.id).unwrap_err().code(), "saved_check_not_found");
    }

    #[test]
    fn notes_are_kept_within_the_limit_and_only_on_the_profiles_own_check() {
        let (mut store, ana, ben) = ana_and_ben();
        let check = save_one(&mut store, ana, "2026-11-07T09:00:00Z");
        assert_eq!(check.notes, "");

        let noted = set_notes(&mut store, ana, check.id, "Thompson negative; tender medial head.").unwrap();
        assert_eq!(get(store.conn(), ana, check.id).unwrap(), noted);
        assert_eq!(noted.result, check.result, "the result stays as it was");

        // Over the limit (counted in characters, not bytes): named, and nothing changes.
        let long = "é".repeat(NOTES_MAX + 1);
        let e = set_notes(&mut store, ana, check.id, &long).unwrap_err();
        assert_eq!(e.code(), "check_notes_too_long");
        assert_eq!(e.to_string(), format!("the notes can be at most 4000 characters; these have {}", NOTES_MAX + 1));
        set_notes(&mut store, ana, check.id, &"é".repeat(NOTES_MAX)).unwrap();
        assert!(matches!(set_notes(&mut store, ben, check.id, "mine"), Err(LogError::CheckNotFound(_))));
        assert_eq!(get(store.conn(), ana, check.id).unwrap().notes.chars().count(), NOTES_MAX);

        // The database keeps the limit too, for any other writer.
        let raw = store.conn().execute("UPDATE saved_assessments SET notes = ?1 WHERE id = ?2", params!["x".repeat(NOTES_MAX + 1), check.id]);
        assert!(raw.is_err(), "the CHECK constraint refuses over-long notes");
    }
}
