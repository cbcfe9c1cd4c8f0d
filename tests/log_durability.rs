//! The database survives the CLI being killed at any moment of a large import: after each of 50
//! SIGKILLs (at delays spread over a whole import of a folder of pain-log CSVs), the file passes
//! `PRAGMA integrity_check`, holds every row the CLI reported as saved, and holds nothing but a
//! prefix of the rows, in whole files (a file is one transaction).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use rusqlite::Connection;

const FILES: usize = 8;
const ROWS: usize = FILES * BATCH;
const BATCH: usize = 5_000; // rows per file, each file one transaction

/// Row `i` as stored: (UTC seconds, score, notes).
fn row(i: usize) -> (i64, i64, String) {
    let notes = if i % 7 == 0 { format!("run {i}, \"hilly\"") } else { String::new() };
    (1_000_000_000 + i as i64 * 90 * 60, (i % 11) as i64, notes)
}

/// The rows in FILES files of BATCH rows, named so that the import (in name order) reads them in
/// row order.
fn write_csvs(dir: &Path) {
    for f in 0..FILES {
        let mut w = csv::Writer::from_path(dir.join(format!("part-{f:02}.csv"))).unwrap();
        w.write_record(["recorded_at", "score", "moment", "side", "notes"]).unwrap();
        for i in f * BATCH..(f + 1) * BATCH {
            let (secs, score, notes) = row(i);
            let at = chrono::DateTime::from_timestamp(secs, 0).unwrap().to_rfc3339();
            w.write_record([at, score.to_string(), "1 h after run".into(), "left".into(), notes]).unwrap();
        }
        w.flush().unwrap();
    }
}

fn start_import(db: &Path, csv: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_soleus"))
        .arg("--db")
        .arg(db)
        .args(["--profile", "Runner", "log", "import"])
        .arg(csv)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// How many rows the CLI said were saved: per file the last "saved N of M rows of FILE", summed.
fn reported_saved(child: &mut Child) -> usize {
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    let mut per_file = std::collections::HashMap::new();
    // Only whole lines: a line cut short by the kill was not a report of anything.
    for line in out.split_inclusive('\n').filter_map(|l| l.strip_suffix('\n')) {
        let Some(rest) = line.strip_prefix("saved ") else { continue };
        let (n, file) = (rest.split(' ').next().unwrap(), rest.rsplit(" rows of ").next().unwrap());
        let n: usize = n.parse().unwrap();
        let best = per_file.entry(file.to_string()).or_insert(0);
        *best = n.max(*best);
    }
    per_file.values().sum()
}

fn remove_db(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Checks the file after a kill; returns how many rows it holds.
fn check(db: &Path, expected: &[(i64, i64, String)], reported: usize, attempt: usize) -> usize {
    if !db.exists() {
        assert_eq!(reported, 0, "attempt {attempt}: rows were reported but there is no file");
        return 0;
    }
    let conn = Connection::open(db).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "attempt {attempt}");
    let has_table: bool = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'pain_entries')", [], |r| r.get(0))
        .unwrap();
    if !has_table {
        assert_eq!(reported, 0, "attempt {attempt}");
        return 0;
    }
    let mut stmt = conn.prepare("SELECT recorded_at, score, notes FROM pain_entries ORDER BY id").unwrap();
    let stored: Vec<(i64, i64, String)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
    assert!(stored.len() >= reported, "attempt {attempt}: {reported} rows were reported saved, {} found", stored.len());
    assert!(stored.len() % BATCH == 0 || stored.len() == ROWS, "attempt {attempt}: {} rows is not whole files", stored.len());
    assert!(stored[..] == expected[..stored.len()], "attempt {attempt}: the rows stored are the file's first {}", stored.len());
    drop(stmt);
    drop(conn);
    // And the app itself opens it as healthy.
    soleus::Store::open(db).unwrap_or_else(|e| panic!("attempt {attempt}: {e}"));
    stored.len()
}

#[test]
fn a_killed_import_leaves_a_healthy_file_with_every_reported_row() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("log");
    std::fs::create_dir(&csv).unwrap();
    write_csvs(&csv);
    let db = dir.path().join("soleus.db");
    let expected: Vec<_> = (0..ROWS).map(row).collect();

    // How long a whole import takes here, so the kills spread over all of it.
    let began = Instant::now();
    let mut child = start_import(&db, &csv);
    assert!(child.wait().unwrap().success());
    let full = began.elapsed();
    assert_eq!(reported_saved(&mut child), ROWS);
    assert_eq!(check(&db, &expected, ROWS, 0), ROWS);

    let mut outcomes = [0usize; 3]; // nothing stored, part stored, all stored
    for attempt in 1..=50 {
        remove_db(&db);
        let mut child = start_import(&db, &csv);
        // Spread over 0..110% of a full import, with a prime stride so neighbours differ.
        let delay = full.mul_f64(((attempt * 37) % 50) as f64 / 45.0);
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix
        child.wait().unwrap();
        let reported = reported_saved(&mut child);
        let stored = check(&db, &expected, reported, attempt);
        outcomes[if stored == 0 { 0 } else if stored < ROWS { 1 } else { 2 }] += 1;
        if attempt % 10 == 0 {
            // Running the same import again finishes the job without duplicating what was saved.
            let mut again = start_import(&db, &csv);
            assert!(again.wait().unwrap().success(), "attempt {attempt}: the rerun failed");
            assert_eq!(check(&db, &expected, ROWS, attempt), ROWS, "attempt {attempt}: the rerun completed the import");
        }
    }
    eprintln!("full import {full:?}; kills that left nothing / part / all: {outcomes:?}");
    assert!(outcomes[1] >= 10, "most kills should land mid-import: {outcomes:?} (full import took {full:?})");
}

#[test]
fn a_damaged_database_is_named_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("soleus.db");
    let ok = Command::new(env!("CARGO_BIN_EXE_soleus")).arg("--db").arg(&db).args(["log", "add", "--score", "3"]).output().unwrap();
    assert!(ok.status.success());
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().skip(100).take(2000) {
        *b = 0x5A;
    }
    std::fs::write(&db, &bytes).unwrap();
    let _ = std::fs::remove_file(dir.path().join("soleus.db-wal"));
    let out = Command::new(env!("CARGO_BIN_EXE_soleus")).arg("--db").arg(&db).args(["log", "add", "--score", "4"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&db.display().to_string()) && stderr.contains("damaged"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the damaged file is left exactly as it was");
}
