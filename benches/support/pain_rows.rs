//! The store benchmark's rows, shared by benches/log.rs (criterion) and examples/store_floor.rs
//! (`make bench`): 100,000 pain scores, one every 2 hours from 2000, in +01:00.

use std::path::Path;

use chrono::{DateTime, Duration};

pub const ROWS: usize = 100_000;

/// The rows as the CSV's fields: recorded_at, score, moment, side, notes.
pub fn rows() -> Vec<[String; 5]> {
    let start = DateTime::parse_from_rfc3339("2000-01-01T08:00:00+01:00").unwrap();
    (0..ROWS)
        .map(|i| {
            let at = start + Duration::hours(2 * i as i64);
            let notes = if i % 5 == 0 { "felt tight on the hills".to_string() } else { String::new() };
            [at.to_rfc3339(), (i % 11).to_string(), "1 h after run".into(), ["left", "right", "both"][i % 3].into(), notes]
        })
        .collect()
}

/// The pain-log CSV a person would import.
pub fn write_csv(path: &Path, rows: &[[String; 5]]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(["recorded_at", "score", "moment", "side", "notes"]).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

/// The floor's database: one plain table, with the store's journal settings (WAL, synchronous
/// NORMAL).
pub fn raw_open(db: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE TABLE raw (recorded_at TEXT, score INTEGER, moment TEXT, side TEXT, notes TEXT);",
    )
    .unwrap();
    conn
}

/// The floor: the same rows, already in memory as text, inserted in one transaction.
pub fn raw_insert(conn: &mut rusqlite::Connection, rows: &[[String; 5]]) {
    let tx = conn.transaction().unwrap();
    {
        let mut stmt = tx.prepare("INSERT INTO raw VALUES (?1, ?2, ?3, ?4, ?5)").unwrap();
        for r in rows {
            stmt.execute(rusqlite::params![r[0], r[1], r[2], r[3], r[4]]).unwrap();
        }
    }
    tx.commit().unwrap();
}
