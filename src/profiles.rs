//! Profiles: one per person whose data Soleus keeps, and which of them is active.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::{Store, StoreError};

/// The longest profile name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Profile {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("a profile needs a name: type at least one letter or digit")]
    EmptyName,
    #[error("a profile name can be at most {MAX_NAME_CHARS} characters; this one has {0}")]
    NameTooLong(usize),
    #[error("there is already a profile called \"{0}\"")]
    DuplicateName(String),
    #[error("no profile with {0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ProfileError {
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            ProfileError::EmptyName => ErrorCode::ProfileNameEmpty,
            ProfileError::NameTooLong(_) => ErrorCode::ProfileNameTooLong,
            ProfileError::DuplicateName(_) => ErrorCode::ProfileNameTaken,
            ProfileError::NotFound(_) => ErrorCode::ProfileNotFound,
            ProfileError::Store(e) => e.code(),
        }
    }
}

impl From<rusqlite::Error> for ProfileError {
    fn from(e: rusqlite::Error) -> Self {
        ProfileError::Store(e.into())
    }
}

/// Trims a proposed name and checks it; the name to store, or why it cannot be used.
pub fn validate_name(name: &str) -> Result<String, ProfileError> {
    // NULs go: they are not text, and SQLite's length() in the schema's CHECK stops at one.
    let name = name.replace('\0', "");
    let name = name.trim();
    let chars = name.chars().count();
    if chars == 0 {
        Err(ProfileError::EmptyName)
    } else if chars > MAX_NAME_CHARS {
        Err(ProfileError::NameTooLong(chars))
    } else {
        Ok(name.to_string())
    }
}

fn row_to_profile(row: &rusqlite::Row<'_>) -> rusqlite::Result<Profile> {
    Ok(Profile { id: row.get(0)?, name: row.get(1)?, created_at: row.get(2)? })
}

/// All profiles, oldest first.
pub fn list(store: &Store) -> Result<Vec<Profile>, ProfileError> {
    let mut stmt = store.conn().prepare("SELECT id, name, created_at FROM profiles ORDER BY id")?;
    let rows = stmt.query_map([], row_to_profile)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(store: &Store, id: i64) -> Result<Profile, ProfileError> {
    store
        .conn()
        .query_row("SELECT id, name, created_at FROM profiles WHERE id = ?1", [id], row_to_profile)
        .optional()?
        .ok_or_else(|| ProfileError::NotFound(format!("id {id}")))
}

/// Looks a profile up by name, ignoring case and surrounding spaces.
pub fn find_by_name(store: &Store, name: &str) -> Result<Option<Profile>, ProfileError> {
    find_in(store.conn(), name)
}

pub(crate) fn find_in(conn: &rusqlite::Connection, name: &str) -> Result<Option<Profile>, ProfileError> {
    Ok(conn.query_row("SELECT id, name, created_at FROM profiles WHERE name = ?1", [name.trim()], row_to_profile).optional()?)
}

/// The profile called `name`, created when there is none (true), looked up and created in one
/// transaction: two processes asking at once (the CLI's `--profile` creates on first use) get
/// the same profile, and neither fails on the other's.
pub fn find_or_create(store: &mut Store, name: &str, now: DateTime<Utc>) -> Result<(Profile, bool), ProfileError> {
    let tx = store.conn_mut().transaction()?;
    let found = match find_in(&tx, name)? {
        Some(p) => (p, false),
        None => (insert(&tx, name, now)?, true),
    };
    tx.commit()?;
    Ok(found)
}

/// The active profile; when there is none, the one called `name`, found or created, in one
/// transaction like [`find_or_create`].
pub fn active_or_create(store: &mut Store, name: &str, now: DateTime<Utc>) -> Result<Profile, ProfileError> {
    let tx = store.conn_mut().transaction()?;
    let profile = match active_in(&tx)? {
        Some(p) => p,
        None => match find_in(&tx, name)? {
            Some(p) => p,
            None => insert(&tx, name, now)?,
        },
    };
    tx.commit()?;
    Ok(profile)
}

/// Creates a profile; it becomes the active one when no profile is active yet.
pub fn create(store: &mut Store, name: &str, now: DateTime<Utc>) -> Result<Profile, ProfileError> {
    let tx = store.conn_mut().transaction()?;
    let profile = insert(&tx, name, now)?;
    tx.commit()?;
    Ok(profile)
}

/// [`create`] inside the caller's transaction, so that a restore can create the profile it
/// restores into and roll both back together.
pub(crate) fn insert(conn: &rusqlite::Connection, name: &str, now: DateTime<Utc>) -> Result<Profile, ProfileError> {
    let name = validate_name(name)?;
    let taken: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM profiles WHERE name = ?1)", [&name], |r| r.get(0))?;
    if taken {
        return Err(ProfileError::DuplicateName(name));
    }
    conn.execute("INSERT INTO profiles (name, created_at) VALUES (?1, ?2)", params![name, now])?;
    let id = conn.last_insert_rowid();
    conn.execute("UPDATE settings SET active_profile_id = ?1 WHERE id = 1 AND active_profile_id IS NULL", [id])?;
    Ok(Profile { id, name, created_at: now })
}

pub fn rename(store: &mut Store, id: i64, name: &str) -> Result<Profile, ProfileError> {
    let name = validate_name(name)?;
    let tx = store.conn_mut().transaction()?;
    let taken: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM profiles WHERE name = ?1 AND id <> ?2)", params![name, id], |r| r.get(0))?;
    if taken {
        return Err(ProfileError::DuplicateName(name));
    }
    if tx.execute("UPDATE profiles SET name = ?1 WHERE id = ?2", params![name, id])? == 0 {
        return Err(ProfileError::NotFound(format!("id {id}")));
    }
    tx.commit()?;
    get(store, id)
}

/// Deletes a profile and everything recorded for it. When it was the active profile, the oldest
/// remaining profile (if any) becomes active.
pub fn delete(store: &mut Store, id: i64) -> Result<(), ProfileError> {
    let tx = store.conn_mut().transaction()?;
    if tx.execute("DELETE FROM profiles WHERE id = ?1", [id])? == 0 {
        return Err(ProfileError::NotFound(format!("id {id}")));
    }
    tx.execute(
        "UPDATE settings SET active_profile_id = (SELECT min(id) FROM profiles)
         WHERE id = 1 AND active_profile_id IS NULL",
        [],
    )?;
    tx.commit()?;
    Ok(())
}

/// The active profile, if any.
pub fn active(store: &Store) -> Result<Option<Profile>, ProfileError> {
    active_in(store.conn())
}

fn active_in(conn: &rusqlite::Connection) -> Result<Option<Profile>, ProfileError> {
    Ok(conn
        .query_row(
            "SELECT p.id, p.name, p.created_at FROM settings s JOIN profiles p ON p.id = s.active_profile_id WHERE s.id = 1",
            [],
            row_to_profile,
        )
        .optional()?)
}

pub fn set_active(store: &mut Store, id: i64) -> Result<Profile, ProfileError> {
    let profile = get(store, id)?;
    let tx = store.conn_mut().transaction()?;
    tx.execute("UPDATE settings SET active_profile_id = ?1 WHERE id = 1", [id])?;
    tx.commit()?;
    Ok(profile)
}

/// For tests: a fresh in-memory store holding one person, Ana, created at `created_at`, and her id.
#[cfg(test)]
pub(crate) fn ana_in_memory(created_at: DateTime<Utc>) -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let id = create(&mut store, "Ana", created_at).unwrap().id;
    (store, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T08:00:00Z").unwrap().to_utc()
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(validate_name("  Ana  ").unwrap(), "Ana");
        assert!(matches!(validate_name("   "), Err(ProfileError::EmptyName)));
        assert!(matches!(validate_name(""), Err(ProfileError::EmptyName)));
        assert_eq!(validate_name(&"é".repeat(100)).unwrap().chars().count(), 100);
        assert!(matches!(validate_name(&"a".repeat(101)), Err(ProfileError::NameTooLong(101))));
        assert_eq!(validate_name("\0Ana").unwrap(), "Ana");
    }

    #[test]
    fn first_profile_becomes_active_and_deleting_it_moves_on() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(active(&store).unwrap().is_none());
        let ana = create(&mut store, "Ana", now()).unwrap();
        let ben = create(&mut store, "Ben", now()).unwrap();
        assert_eq!(active(&store).unwrap().unwrap().id, ana.id);
        set_active(&mut store, ben.id).unwrap();
        assert_eq!(active(&store).unwrap().unwrap().name, "Ben");
        delete(&mut store, ben.id).unwrap();
        assert_eq!(active(&store).unwrap().unwrap().id, ana.id);
        delete(&mut store, ana.id).unwrap();
        assert!(active(&store).unwrap().is_none());
    }

    #[test]
    fn bad_names_write_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        create(&mut store, "Ana", now()).unwrap();
        assert!(matches!(create(&mut store, " ana ", now()), Err(ProfileError::DuplicateName(_))));
        assert!(matches!(create(&mut store, " ", now()), Err(ProfileError::EmptyName)));
        let id = list(&store).unwrap()[0].id;
        assert!(matches!(rename(&mut store, id, &"x".repeat(101)), Err(ProfileError::NameTooLong(_))));
        assert_eq!(list(&store).unwrap().len(), 1);
        assert_eq!(list(&store).unwrap()[0].name, "Ana");
        assert_eq!(rename(&mut store, id, "Ana B").unwrap().name, "Ana B");
        assert!(matches!(rename(&mut store, 999, "Zed"), Err(ProfileError::NotFound(_))));
    }
}
