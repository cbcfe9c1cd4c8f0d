//! Pain log benchmarks (targets from issue 5):
//! - importing 100,000 pain entries from CSV, against raw inserts of the same rows into one plain
//!   SQLite table in one transaction (target: the import within 2x);
//! - the weekly review over ten years of daily scores and runs (target: under 5 ms).
//!
//! Run: `cargo bench -p soleus --bench log`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, FixedOffset, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rusqlite::{Connection, params};
use soleus::Store;
use soleus::import::{self, ImportOptions};
use soleus::log::entries::{self, NewPainEntry};
use soleus::log::review;
use soleus::log::sessions::{self, NewSession, Sport};
use soleus::log::IsoWeek;
use soleus::profiles;

const ROWS: usize = 100_000;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z").unwrap().to_utc()
}

/// The rows as CSV fields: one score every 2 hours from 2000, in +01:00.
fn rows() -> Vec<[String; 5]> {
    let start = DateTime::parse_from_rfc3339("2000-01-01T08:00:00+01:00").unwrap();
    (0..ROWS)
        .map(|i| {
            let at = start + Duration::hours(2 * i as i64);
            let notes = if i % 5 == 0 { "felt tight on the hills".to_string() } else { String::new() };
            [at.to_rfc3339(), (i % 11).to_string(), "1 h after run".into(), ["left", "right", "both"][i % 3].into(), notes]
        })
        .collect()
}

fn write_csv(path: &Path, rows: &[[String; 5]]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(["recorded_at", "score", "moment", "side", "notes"]).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

fn fresh_db(dir: &Path, n: &mut usize) -> PathBuf {
    *n += 1;
    dir.join(format!("bench-{n}.db"))
}

fn import_vs_raw(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let rows = rows();
    let csv_path = dir.path().join("pain.csv");
    write_csv(&csv_path, &rows);
    let mut n = 0;
    let mut group = c.benchmark_group("import_100k_pain_entries");
    group.sample_size(10);

    group.bench_function("soleus_log_import_csv", |b| {
        b.iter_batched(
            || {
                let mut store = Store::open(fresh_db(dir.path(), &mut n)).unwrap();
                let p = profiles::create(&mut store, "Bench", now()).unwrap();
                (store, p.id)
            },
            |(mut store, id)| {
                let opts = ImportOptions::new(FixedOffset::east_opt(3600).unwrap(), now());
                let report = import::import_paths(&mut store, Some(id), std::slice::from_ref(&csv_path), &opts, &mut |_| {}).unwrap();
                assert_eq!(report.added, ROWS);
                store
            },
            BatchSize::PerIteration,
        )
    });

    // The floor: the same rows, already in memory as text, into one plain table, one transaction,
    // with the same journal settings as the store.
    group.bench_function("raw_sqlite_inserts_one_transaction", |b| {
        b.iter_batched(
            || {
                let conn = Connection::open(fresh_db(dir.path(), &mut n)).unwrap();
                conn.execute_batch(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                     CREATE TABLE raw (recorded_at TEXT, score INTEGER, moment TEXT, side TEXT, notes TEXT);",
                )
                .unwrap();
                conn
            },
            |mut conn| {
                let tx = conn.transaction().unwrap();
                {
                    let mut stmt = tx.prepare("INSERT INTO raw VALUES (?1, ?2, ?3, ?4, ?5)").unwrap();
                    for r in &rows {
                        stmt.execute(params![r[0], r[1], r[2], r[3], r[4]]).unwrap();
                    }
                }
                tx.commit().unwrap();
                conn
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn weekly_review_ten_years(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("ten-years.db")).unwrap();
    let p = profiles::create(&mut store, "Ten years", now()).unwrap();
    let start = DateTime::parse_from_rfc3339("2016-11-24T19:00:00+01:00").unwrap();
    let days = 3653;
    let pain: Vec<NewPainEntry> = (0..days)
        .map(|d| NewPainEntry::new(start + Duration::days(d), (d % 8) + 1, "1 h after run", None, "", now() + Duration::days(days)).unwrap())
        .collect();
    let runs: Vec<NewSession> = (0..days)
        .map(|d| {
            let km = 5.0 + (d % 7) as f64;
            NewSession::new(start + Duration::days(d) - Duration::hours(2), Sport::Running, Some(km * 1000.0), Some(km * 330.0), Some(40.0), None)
                .unwrap()
        })
        .collect();
    let tx = store.conn_mut().transaction().unwrap();
    entries::insert_all(&tx, p.id, &pain).unwrap();
    sessions::insert_all(&tx, p.id, &runs).unwrap();
    tx.commit().unwrap();
    let week: IsoWeek = "2021-W47".parse().unwrap();
    c.bench_function("weekly_review_ten_years_daily", |b| {
        b.iter(|| {
            let r = review::weekly_review(store.conn(), p.id, week).unwrap();
            assert_eq!(r.pain.as_ref().map(|p| p.scores), Some(7));
            r
        })
    });
}

criterion_group!(benches, import_vs_raw, weekly_review_ten_years);
criterion_main!(benches);
