//! Migration 009 (a score's run held by constraints of the row instead of migration 005's
//! triggers, and text limits counted without a copy of the text): a version-8 file keeps every
//! score as it was, each score tied to a run gains the run's person, start and offset, the
//! triggers are gone, and the schema still refuses what they and the limits refused, to any writer.

use rusqlite::params;
use soleus::log::entries::{self, NewPainEntry, RunMoment};
use soleus::log::sessions;
use soleus::store::SCHEMA_VERSION;

#[path = "support/v4.rs"]
mod v4;

/// Migrations 001-008: the first eight write a version-8 file.
const V8: [&str; 8] = [
    v4::STEPS[0],
    v4::STEPS[1],
    v4::STEPS[2],
    v4::STEPS[3],
    include_str!("../src/store/migrations/005_pain_runs.sql"),
    include_str!("../src/store/migrations/006_return_to_run.sql"),
    include_str!("../src/store/migrations/007_reminders.sql"),
    include_str!("../src/store/migrations/008_check_confirmation.sql"),
];

/// Ana's run (2026-11-17T17:00:00Z, +01:00) with a score during it, one the next morning at the
/// Achilles, a free-standing one, and one whose run was deleted (it kept its moment); Ben's run.
const ROWS: &str = "
    INSERT INTO profiles (name, created_at) VALUES ('Ana', '2026-01-01T00:00:00Z'), ('Ben', '2026-01-02T00:00:00Z');
    INSERT INTO training_sessions (profile_id, started_at, utc_offset_min, sport, distance_m, duration_s, fingerprint)
      VALUES (1, 1794934800, 60, 'running', 12000, 4200, 'start:2026-11-17T17:00Z'),
             (2, 1794938400, -300, 'running', 5000, 1800, 'start:2026-11-17T18:00Z');
    INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, moment, side, notes, run_moment, session_id, site)
      VALUES (1, 1794936000, 60, 4, 'During the run', 'left', 'hilly', 'during', 1, NULL),
             (1, 1794983400, 60, 2, 'on waking', NULL, '', 'next_morning', 1, 'achilles'),
             (1, 1794600000, 60, 1, '', 'both', '', NULL, NULL, NULL),
             (1, 1794500000, 60, 3, 'Right after the run', NULL, '', 'after', NULL, 'mid_calf');
";

type Row = (i64, i64, i64, i64, i64, String, Option<String>, String, Option<String>, Option<i64>, Option<String>);

fn rows(conn: &rusqlite::Connection) -> Vec<Row> {
    let mut stmt = conn
        .prepare("SELECT id, profile_id, recorded_at, utc_offset_min, score, moment, side, notes, run_moment, session_id, site FROM pain_entries ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn run_columns(conn: &rusqlite::Connection) -> Vec<(Option<i64>, Option<i64>, Option<i64>)> {
    let mut stmt = conn.prepare("SELECT run_profile_id, run_started_at, run_utc_offset_min FROM pain_entries ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_v8_log_keeps_every_score_and_its_run_without_a_trigger_and_the_rules_still_hold() {
    let dir = tempfile::tempdir().unwrap();
    let before = {
        let path = dir.path().join("v8.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        for step in V8 {
            conn.execute_batch(step).unwrap();
        }
        conn.execute_batch(ROWS).unwrap();
        rows(&conn)
    };
    assert_eq!(before.len(), 4);

    let (dir, mut store, version) = v4::upgraded(&V8, ROWS);
    assert_eq!((version, SCHEMA_VERSION), (9, 9));
    assert!(dir.path().join("soleus.db.pre-v9.bak").exists(), "a backup was taken before upgrading");
    let conn = store.conn();
    assert_eq!(rows(conn), before, "every score as it was, with its id");
    assert_eq!(
        run_columns(conn),
        vec![(Some(1), Some(1794934800), Some(60)), (Some(1), Some(1794934800), Some(60)), (None, None, None), (None, None, None)],
        "a score tied to a run carries the run's person, start and offset"
    );
    let triggers: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'pain_entries'", [], |r| r.get(0)).unwrap();
    assert_eq!(triggers, 0, "no trigger is entered for each score stored");
    let index: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'pain_entries_by_session'", [], |r| r.get(0)).unwrap();
    assert_eq!(index, 1);
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let dangling: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(dangling, 0);

    // Any writer, straight to the table: what 005's triggers refused is refused, by its name.
    let insert = |profile: i64, at: i64, moment: &str, session: Option<i64>, run: Option<(i64, i64, i64)>| {
        conn.execute(
            "INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, run_moment, session_id, run_profile_id, run_started_at, run_utc_offset_min)
             VALUES (?1, ?2, 60, 3, ?3, ?4, ?5, ?6, ?7)",
            params![profile, at, moment, session, run.map(|r| r.0), run.map(|r| r.1), run.map(|r| r.2)],
        )
        .map_err(|e| e.to_string())
    };
    let ana_run = Some((1, 1794934800, 60));
    let refused = [
        (insert(2, 1794990000, "next_morning", Some(1), ana_run), "pain_run: another profile"),
        (insert(2, 1794990000, "next_morning", Some(1), Some((2, 1794934800, 60))), "FOREIGN KEY"),
        (insert(1, 1794990000, "next_morning", Some(1), Some((1, 1794900000, 60))), "FOREIGN KEY"),
        (insert(1, 1794934000, "during", Some(1), ana_run), "pain_run: before the run"),
        (insert(1, 1794950000, "next_morning", Some(1), ana_run), "pain_run: next morning on the day of the run"),
        (insert(1, 1794990000, "next_morning", Some(1), None), "pain_run: the run named in part"),
        (insert(1, 1794990000, "next_morning", None, ana_run), "pain_run: the run named in part"),
    ];
    for (result, why) in refused {
        let err = result.expect_err(why);
        assert!(err.contains(why), "{why}: {err}");
    }
    let moved = conn.execute("UPDATE pain_entries SET recorded_at = 1794930000 WHERE id = 1", []).unwrap_err();
    assert!(moved.to_string().contains("pain_run: before the run"), "an update is held too: {moved}");
    insert(1, 1794990000, "next_morning", Some(1), ana_run).expect("the run's own key, a later day");

    // The text limits are 002's, in characters (counted in bytes first, which a text of at most
    // that many bytes cannot exceed): 200 two-byte characters are kept, 201 are not.
    let text = |column: &str, at: i64, chars: usize| {
        conn.execute(&format!("INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, {column}) VALUES (1, ?1, 60, 1, ?2)"), params![at, "é".repeat(chars)])
    };
    text("moment", 1795000001, 200).expect("200 characters in 400 bytes");
    text("notes", 1795000002, 4000).expect("4,000 characters in 8,000 bytes");
    for (column, at, chars) in [("moment", 1795000003, 201), ("notes", 1795000004, 4001)] {
        let err = text(column, at, chars).unwrap_err().to_string();
        assert!(err.contains(&format!("length({column})")), "{column}: {err}");
    }
    conn.execute("DELETE FROM pain_entries WHERE recorded_at > 1795000000", []).unwrap();

    // Through the store: a score tied to the upgraded run, then the run deleted keeps its scores.
    let run = sessions::list(store.conn(), 1).unwrap().remove(0);
    let now = "2026-11-19T12:00:00Z".parse().unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-18T09:00:00+01:00").unwrap();
    let entry = NewPainEntry::new(at, 1, "", None, "", now).unwrap().for_run(run.started_at, RunMoment::NextMorning).unwrap();
    assert_eq!(entries::add(&mut store, 1, &entry).unwrap().run_id, Some(run.id));
    assert!(sessions::delete(&mut store, 1, run.id).unwrap());
    let kept = entries::list(store.conn(), 1).unwrap();
    assert_eq!(kept.len(), 6, "deleting the run keeps its scores");
    assert!(kept.iter().all(|e| e.run_id.is_none()));
    assert_eq!(kept.iter().filter(|e| e.run_moment == Some(RunMoment::NextMorning)).count(), 3, "with their moment");
    assert!(run_columns(store.conn()).iter().all(|c| *c == (None, None, None)), "the run's key goes with it");
}
