//! Versioned schema migrations, kept as plain SQL files and embedded in the binary.
//!
//! The pending migrations run in one EXCLUSIVE transaction that reads the schema version again
//! once it holds the lock: several processes opening a new file at once (the app and a CLI) queue
//! on the lock, and those after the first find the work done instead of creating the tables a
//! second time. A failure leaves the file at the version it had; before upgrading a file that
//! already holds data, a copy is taken with SQLite's online backup API next to it
//! (`soleus.db.pre-v2.bak`, 0600 like the database). The version is SQLite's `user_version`.

use std::path::Path;

use rusqlite::{Connection, MAIN_DB, OpenFlags, TransactionBehavior};

use super::StoreError;
use crate::private;

/// The migrations in order; the schema version is the number applied. Append, never edit.
const STEPS: &[&str] = &[
    include_str!("migrations/001_profiles_settings.sql"),
    include_str!("migrations/002_pain_log.sql"),
    include_str!("migrations/003_check_notes.sql"),
    include_str!("migrations/004_clinic_name.sql"),
    include_str!("migrations/005_pain_runs.sql"),
    include_str!("migrations/006_return_to_run.sql"),
    include_str!("migrations/007_reminders.sql"),
    include_str!("migrations/008_check_confirmation.sql"),
    include_str!("migrations/009_pain_run_link.sql"),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: usize = STEPS.len();

fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

pub(super) fn upgrade(conn: &mut Connection, path: Option<&Path>) -> Result<(), StoreError> {
    if version(conn)? >= SCHEMA_VERSION as i64 {
        return Ok(());
    }
    let display = || path.map(Path::to_path_buf).unwrap_or_else(|| ":memory:".into());
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let found = version(&tx)?;
    if found > SCHEMA_VERSION as i64 {
        return Err(StoreError::TooNew { path: display(), found, supported: SCHEMA_VERSION });
    }
    let from = found as usize;
    if from == SCHEMA_VERSION {
        return Ok(()); // another process upgraded it while this one waited for the lock
    }
    let backup = match path {
        Some(p) if from > 0 => {
            let dest = backup_path(p, from + 1);
            private::ensure_file(&dest).map_err(|source| StoreError::Io { path: dest.clone(), source })?;
            // Through a second connection: SQLite cannot back up from a connection in the middle
            // of a write transaction, and a WAL reader sees the file as it is, at version `from`,
            // while this one holds the lock.
            let reader = Connection::open_with_flags(p, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
            reader.backup(MAIN_DB, &dest, None)?;
            dest.display().to_string()
        }
        _ => "(none: the database was new)".to_string(),
    };
    for version in from + 1..=SCHEMA_VERSION {
        tx.execute_batch(STEPS[version - 1])
            .and_then(|()| tx.pragma_update(None, "user_version", version as i64))
            .map_err(|e| StoreError::Migration { path: display(), version, detail: e.to_string(), backup: backup.clone() })?;
    }
    tx.commit()?;
    Ok(())
}

/// `soleus.db` -> `soleus.db.pre-v2.bak`
pub fn backup_path(db: &Path, version: usize) -> std::path::PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".pre-v{version}.bak"));
    db.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_applies_to_an_empty_database_and_sets_the_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        upgrade(&mut conn, None).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION as i64);
        // A second run finds nothing to do.
        upgrade(&mut conn, None).unwrap();
    }

    #[test]
    fn a_failing_migration_leaves_the_version_it_had() {
        let mut conn = Connection::open_in_memory().unwrap();
        // Version 0 with a table the first migration creates: it fails, and nothing of it stays.
        conn.execute_batch("CREATE TABLE profiles (x)").unwrap();
        let err = upgrade(&mut conn, None).unwrap_err();
        assert!(matches!(err, StoreError::Migration { version: 1, .. }), "{err}");
        assert_eq!(version(&conn).unwrap(), 0);
        let settings: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'settings')", [], |r| r.get(0)).unwrap();
        assert!(!settings);
    }
}
