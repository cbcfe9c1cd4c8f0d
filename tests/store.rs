//! The store refuses files it must not touch, and upgrades the ones it may.

use std::fs;

use soleus::Store;
use soleus::store::{SCHEMA_VERSION, StoreError};

#[test]
fn a_file_that_is_not_sqlite_is_reported_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    fs::write(&path, "these are my running notes, not a database\n").unwrap();
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("a text file must be refused");
    assert!(matches!(err, StoreError::NotSqlite { .. }), "{err}");
    assert!(err.to_string().contains(&path.display().to_string()), "message names the path: {err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no -wal or -shm file was created");
}

#[test]
fn a_damaged_database_is_reported_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soleus.db");
    drop(Store::open(&path).unwrap());
    let mut bytes = fs::read(&path).unwrap();
    // Keep the header's magic, wreck the rest of the first page (the schema table).
    for b in bytes.iter_mut().skip(100).take(3000) {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).err().expect("a damaged file must be refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains(&path.display().to_string()));
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soleus.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!("CREATE TABLE future (x); PRAGMA user_version = {};", SCHEMA_VERSION + 5)).unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("a newer schema must be refused");
    match &err {
        StoreError::TooNew { found, supported, .. } => {
            assert_eq!(*found as usize, SCHEMA_VERSION + 5);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected TooNew, got {other}"),
    }
    assert!(err.to_string().contains("newer Soleus"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_new_database_is_created_at_the_latest_schema_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("soleus.db");
    let store = Store::open(&path).unwrap();
    let version: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version as usize, SCHEMA_VERSION);
    let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    drop(store);
    // Reopening an up-to-date file needs no migration and so takes no backup.
    drop(Store::open(&path).unwrap());
    let backups = fs::read_dir(path.parent().unwrap()).unwrap().filter(|e| {
        e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".bak")
    });
    assert_eq!(backups.count(), 0);
}

/// A file store syncs each commit (synchronous=FULL: a power cut keeps what was acknowledged,
/// ARCHITECTURE.md "Durability"), in WAL mode, and begins every transaction IMMEDIATE.
#[test]
fn a_file_store_syncs_every_commit_and_takes_the_write_lock_at_begin() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = soleus::Store::open(dir.path().join("soleus.db")).unwrap();
    let sync: i64 = store.conn().query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!((sync, mode.as_str()), (2, "wal"));
    // A transaction that has not written yet already holds the write lock: another connection
    // cannot begin writing.
    let tx = store.conn_mut().transaction().unwrap();
    let other = rusqlite::Connection::open(dir.path().join("soleus.db")).unwrap();
    other.busy_timeout(std::time::Duration::ZERO).unwrap();
    let err = other.execute_batch("BEGIN IMMEDIATE").unwrap_err();
    assert_eq!(err.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy));
    drop(tx);
    other.execute_batch("BEGIN IMMEDIATE; ROLLBACK").unwrap();
}
