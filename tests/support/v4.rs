//! A database file as an older Soleus wrote it (schema version 4 or before: migrations 001-004),
//! the starting point of each later migration's test, which adds its own rows and then opens it
//! with `Store::open` ([`upgraded`]).

use std::path::Path;

use rusqlite::Connection;
use soleus::store::SCHEMA_VERSION;
use soleus::Store;
use tempfile::TempDir;

/// Migrations 001-004; the first n of them write a version-n file.
pub const STEPS: [&str; 4] = [
    include_str!("../../src/store/migrations/001_profiles_settings.sql"),
    include_str!("../../src/store/migrations/002_pain_log.sql"),
    include_str!("../../src/store/migrations/003_check_notes.sql"),
    include_str!("../../src/store/migrations/004_clinic_name.sql"),
];

/// A new file at `path` written by `steps` (the first of [`STEPS`]), marked as that version.
fn written_by(path: &Path, steps: &[&str]) -> Connection {
    let conn = Connection::open(path).unwrap();
    for step in steps {
        conn.execute_batch(step).unwrap();
    }
    conn.pragma_update(None, "user_version", steps.len() as i64).unwrap();
    conn
}

/// A new file at `path` holding the version-4 schema, marked as version 4.
#[allow(dead_code)] // the migration tests go through `upgraded`
pub fn database(path: &Path) -> Connection {
    written_by(path, &STEPS)
}

/// A `soleus.db` in a new folder written by `steps` (the first of [`STEPS`]) and holding `rows`
/// (SQL run on it as written then), opened with `Store::open`, which upgrades it: the folder
/// (where the upgrade leaves its backup), the store and the schema version the file now says it is.
#[allow(dead_code)] // check_confirmation adds a row with parameters, through `database`
pub fn upgraded(steps: &[&str], rows: &str) -> (TempDir, Store, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soleus.db");
    written_by(&path, steps).execute_batch(rows).unwrap();
    let store = Store::open(&path).unwrap();
    let version: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    (dir, store, version as usize)
}

/// A version-4 file holding the profile Ana (id 1) and then `rows`, upgraded by `Store::open` to
/// this build's version with a backup taken before migration 005, as every later migration's test
/// starts: the folder (keep it while the store is used) and the store.
#[allow(dead_code)] // not every migration test starts from Ana
pub fn ana_upgraded(rows: &str) -> (TempDir, Store) {
    let (dir, store, version) = upgraded(&STEPS, &format!("INSERT INTO profiles (name, created_at) VALUES ('Ana', '2026-01-01T00:00:00Z');\n{rows}"));
    assert_eq!(version, SCHEMA_VERSION);
    assert!(dir.path().join("soleus.db.pre-v5.bak").exists(), "a backup was taken before upgrading");
    (dir, store)
}
