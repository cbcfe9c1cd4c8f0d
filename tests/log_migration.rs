//! A database written by an older Soleus is upgraded in place, after a backup of it is taken.

use std::fs;

use rusqlite::Connection;
use soleus::Store;
use soleus::store::SCHEMA_VERSION;

#[path = "support/v4.rs"]
mod v4;


#[test]
fn a_v1_database_is_backed_up_then_upgraded_with_its_data_kept() {
    let (dir, store, version) = v4::upgraded(
        &v4::STEPS[..1],
        "INSERT INTO profiles (name, created_at) VALUES ('Ana', '2026-01-01T00:00:00Z');
         UPDATE settings SET active_profile_id = 1, units = 'mi';",
    );
    assert_eq!(version, SCHEMA_VERSION);
    let name: String = store.conn().query_row("SELECT name FROM profiles", [], |r| r.get(0)).unwrap();
    assert_eq!(name, "Ana");
    let units: String = store.conn().query_row("SELECT units FROM settings", [], |r| r.get(0)).unwrap();
    assert_eq!(units, "mi");
    for table in ["pain_entries", "training_sessions", "saved_assessments", "exercise_completions"] {
        let n: i64 = store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{table} exists and is empty");
    }
    drop(store);

    let backup = dir.path().join("soleus.db.pre-v2.bak");
    assert!(backup.exists(), "a backup was taken before upgrading: {:?}", fs::read_dir(dir.path()).unwrap().collect::<Vec<_>>());
    let old = Connection::open(&backup).unwrap();
    let old_version: i64 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(old_version, 1, "the backup is the database as it was");
    let old_name: String = old.query_row("SELECT name FROM profiles", [], |r| r.get(0)).unwrap();
    assert_eq!(old_name, "Ana");
    let has_log: bool =
        old.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'pain_entries')", [], |r| r.get(0)).unwrap();
    assert!(!has_log);
}

#[test]
fn deleting_a_profile_removes_its_whole_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("soleus.db")).unwrap();
    // Every table of a person's record, including the later migrations' (a pain score's run is
    // a second key, SET NULL, tested with migration 005).
    let fks: Vec<(String, String)> = ["pain_entries", "training_sessions", "saved_assessments", "exercise_completions", "functional_tests", "outcome_scores", "reminders"]
        .iter()
        .map(|t| {
            store
                .conn()
                .query_row(&format!("SELECT \"table\", on_delete FROM pragma_foreign_key_list('{t}') WHERE \"table\" = 'profiles'"), [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .unwrap()
        })
        .collect();
    for (parent, on_delete) in fks {
        assert_eq!((parent.as_str(), on_delete.as_str()), ("profiles", "CASCADE"));
    }
}

/// Migration 003 gives every saved check empty notes, keeps the checks as they were, and holds
/// the notes to their limit.
#[test]
fn a_v2_database_keeps_its_saved_checks_which_gain_empty_notes() {
    let (dir, mut store, version) = v4::upgraded(
        &v4::STEPS[..2],
        r#"INSERT INTO profiles (name, created_at) VALUES ('Ana', '2026-01-01T00:00:00Z');
         INSERT INTO saved_assessments (profile_id, created_at, engine_version, case_json, result_json)
           VALUES (1, 1780000000, 'soleus-engine 1', '{"findings": {"pop": true}}', '{"triage": "urgent"}');"#,
    );
    assert_eq!(version, SCHEMA_VERSION);
    let checks = soleus::log::assessments::list(store.conn(), 1).unwrap();
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].notes, "");
    assert_eq!(checks[0].result, serde_json::json!({"triage": "urgent"}));
    let noted = soleus::log::assessments::set_notes(&mut store, 1, checks[0].id, "Thompson negative.").unwrap();
    assert_eq!(noted.notes, "Thompson negative.");
    let too_long = store.conn().execute("UPDATE saved_assessments SET notes = ?1", [&"n".repeat(4001)]);
    assert!(too_long.is_err(), "the column keeps the notes' limit");
    assert!(dir.path().join("soleus.db.pre-v3.bak").exists(), "a backup was taken before upgrading");
}
