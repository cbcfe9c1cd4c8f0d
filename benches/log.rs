//! Pain log benchmarks (targets from issue 5):
//! - importing 100,000 pain entries from CSV, against raw inserts of the same rows into one plain
//!   SQLite table in one transaction (target: the import within 2x);
//! - the weekly review over ten years of daily scores and runs (target: under 5 ms).
//!
//! Run: `cargo bench -p soleus --bench log`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rusqlite::Connection;
use soleus::Store;
use soleus::import::{self, ImportOptions};
use soleus::log::entries::{self, NewPainEntry};
use soleus::log::review;
use soleus::log::sessions::{self, NewSession, Sport};
use soleus::log::IsoWeek;
use soleus::profiles;
use soleus::settings::Units;

#[path = "support/pain_rows.rs"]
mod pain_rows;
use pain_rows::{ROWS, raw_insert, raw_open, rows, write_csv};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z").unwrap().to_utc()
}

fn fresh_db(dir: &Path, n: &mut usize) -> PathBuf {
    *n += 1;
    dir.join(format!("bench-{n}.db"))
}

fn import_setup(dir: &Path, n: &mut usize) -> (Store, i64) {
    let mut store = Store::open(fresh_db(dir, n)).unwrap();
    let p = profiles::create(&mut store, "Bench", now()).unwrap();
    (store, p.id)
}

fn import_run(store: &mut Store, id: i64, csv_path: &Path) {
    let opts = ImportOptions::new(FixedOffset::east_opt(3600).unwrap(), now());
    let report = import::import_paths(store, Some(id), &[csv_path.to_path_buf()], &opts, &mut |_| {}).unwrap();
    assert_eq!(report.added, ROWS);
}

fn raw_setup(dir: &Path, n: &mut usize) -> Connection {
    raw_open(&fresh_db(dir, n))
}

fn raw_run(conn: &mut Connection, rows: &[[String; 5]]) {
    raw_insert(conn, rows)
}

/// This process's CPU time (all threads, user + system), in seconds.
fn cpu_seconds() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_SELF is always valid.
    let usage = unsafe {
        assert_eq!(libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()), 0);
        usage.assume_init()
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Times `f` in wall and CPU seconds.
fn timed(f: impl FnOnce()) -> (f64, f64) {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    f();
    (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// On a shared machine the load changes between criterion's two groups, so the ratio is also
/// measured on interleaved pairs, in wall time and in CPU time (which other processes' load
/// barely moves; the import's CPU time includes its reading thread).
fn interleaved_ratio(dir: &Path, n: &mut usize, csv_path: &Path, rows: &[[String; 5]]) {
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        let (mut store, id) = import_setup(dir, n);
        let import = timed(|| import_run(&mut store, id, csv_path));
        let mut conn = raw_setup(dir, n);
        let raw = timed(|| raw_run(&mut conn, rows));
        wall.push(import.0 / raw.0);
        cpu.push(import.1 / raw.1);
    }
    println!(
        "import / raw, median of 9 interleaved pairs: wall time {:.2}x, CPU time {:.2}x",
        median(wall),
        median(cpu)
    );
}

fn import_vs_raw(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let rows = rows();
    let csv_path = dir.path().join("pain.csv");
    write_csv(&csv_path, &rows);
    let mut n = 0;
    interleaved_ratio(dir.path(), &mut n, &csv_path, &rows);
    let mut group = c.benchmark_group("import_100k_pain_entries");
    group.sample_size(10);
    group.bench_function("soleus_log_import_csv", |b| {
        b.iter_batched(|| import_setup(dir.path(), &mut n), |(mut store, id)| import_run(&mut store, id, &csv_path), BatchSize::PerIteration)
    });
    group.bench_function("raw_sqlite_inserts_one_transaction", |b| {
        b.iter_batched(|| raw_setup(dir.path(), &mut n), |mut conn| raw_run(&mut conn, &rows), BatchSize::PerIteration)
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
            let r = review::weekly_review(store.conn(), p.id, week, Units::Km).unwrap();
            assert_eq!(r.pain.as_ref().map(|p| p.scores), Some(7));
            r
        })
    });
}

/// One pain score added to a database on disk: what the app acknowledges after each save. Its
/// commit is where `synchronous` costs (FULL syncs the WAL at each commit, NORMAL only at
/// checkpoints); ARCHITECTURE.md "Durability" quotes the figures.
fn add_one_score(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("one-by-one.db")).unwrap();
    let p = profiles::create(&mut store, "One by one", now()).unwrap();
    let start = DateTime::parse_from_rfc3339("2001-01-01T08:00:00+01:00").unwrap();
    let mut i = 0;
    c.bench_function("add_one_pain_score_on_disk", |b| {
        b.iter(|| {
            i += 1;
            let entry = NewPainEntry::new(start + Duration::minutes(i), 3, "", None, "", now()).unwrap();
            entries::add(&mut store, p.id, &entry).unwrap()
        })
    });
}

criterion_group!(benches, import_vs_raw, weekly_review_ten_years, add_one_score);
criterion_main!(benches);
