//! Writers wait their turn: the CLI and the store API writing to one file from several processes
//! and threads at once get no "database is locked", and every write they acknowledged is there.
//! Before, a transaction that read and then wrote failed at once with SQLITE_BUSY (whatever the
//! busy timeout), two processes opening a new file both ran the migrations, and two creating the
//! same profile collided.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};
use soleus::Store;
use soleus::export::backup;
use soleus::log::entries::{self, NewPainEntry};
use soleus::profiles;

fn cli(db: &Path, args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soleus")).arg("--db").arg(db).args(args).stdin(Stdio::null()).output().unwrap()
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z").unwrap().to_utc()
}

/// The `n`th distinct time a writer uses: one a minute from 2020, so every write is a new row.
fn time(n: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2020-01-01T00:00:00+01:00").unwrap() + chrono::Duration::minutes(n)
}

fn stored_times(db: &Path) -> Vec<i64> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT recorded_at FROM pain_entries ORDER BY recorded_at").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn six_processes_opening_a_new_file_together_all_succeed() {
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("soleus.db");
        let children: Vec<_> = (0..6)
            .map(|i| {
                Command::new(env!("CARGO_BIN_EXE_soleus"))
                    .arg("--db")
                    .arg(&db)
                    .args(["--profile", "Shared", "log", "add", "--score", "3", "--at", &time(i).to_rfc3339()])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        }
        let store = Store::open(&db).unwrap();
        let all = profiles::list(&store).unwrap();
        assert_eq!(all.len(), 1, "round {round}: one profile, created once: {all:?}");
        assert_eq!(entries::list(store.conn(), all[0].id).unwrap().len(), 6, "round {round}");
    }
}

#[test]
fn six_threads_opening_a_new_file_together_all_succeed() {
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("soleus.db");
        let start = Arc::new(Barrier::new(6));
        let threads: Vec<_> = (0..6)
            .map(|_| {
                let (db, start) = (db.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    let mut store = Store::open(&db)?;
                    profiles::find_or_create(&mut store, "Shared", now()).map(|(p, _)| p.id).map_err(soleus::Error::from)
                })
            })
            .collect();
        let ids: Vec<i64> = threads.into_iter().map(|t| t.join().unwrap().unwrap_or_else(|e| panic!("round {round}: {e}"))).collect();
        assert!(ids.iter().all(|id| *id == ids[0]), "round {round}: the same profile for all: {ids:?}");
    }
}

type Rows = Arc<Mutex<Vec<i64>>>;
type Failures = Arc<Mutex<Vec<String>>>;

/// A thread of this process writing through the store API on its own connection until `until`:
/// `prepare` once, then `write` one row at a time at writer `w`'s times, each row acknowledged
/// once stored; the first error stops it and is recorded as `what`'s.
fn api_writer<T>(
    what: &'static str,
    w: i64,
    (db, until, acknowledged, failures): (&Path, Instant, &Rows, &Failures),
    prepare: impl FnOnce(&mut Store) -> Result<T, soleus::Error> + Send + 'static,
    write: impl Fn(&mut Store, &T, DateTime<FixedOffset>) -> Result<(), soleus::Error> + Send + 'static,
) -> std::thread::JoinHandle<()> {
    let (db, acknowledged, failures) = (db.to_path_buf(), acknowledged.clone(), failures.clone());
    std::thread::spawn(move || {
        let mut k = 0;
        let result = (|| -> Result<(), soleus::Error> {
            let mut store = Store::open(&db)?;
            let prepared = prepare(&mut store)?;
            while Instant::now() < until {
                let at = time(w * 100_000 + k);
                write(&mut store, &prepared, at)?;
                acknowledged.lock().unwrap().push(at.timestamp());
                k += 1;
            }
            Ok(())
        })();
        if let Err(e) = result {
            failures.lock().unwrap().push(format!("{what}: {e}"));
        }
    })
}

#[test]
fn writers_in_several_processes_wait_their_turn_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("soleus.db");
    let acknowledged = Arc::new(Mutex::new(Vec::<i64>::new()));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let until = Instant::now() + Duration::from_secs(3);
    let mut writers = Vec::new();

    // Three streams of CLI processes, each adding a score and exiting.
    for w in 0..3i64 {
        let (db, acknowledged, failures) = (db.clone(), acknowledged.clone(), failures.clone());
        writers.push(std::thread::spawn(move || {
            let mut k = 0;
            while Instant::now() < until {
                let at = time(w * 100_000 + k);
                let out = cli(&db, &["--profile".into(), "Runner".into(), "log".into(), "add".into(), "--score".into(), "4".into(), "--at".into(), at.to_rfc3339()]);
                if out.status.success() {
                    acknowledged.lock().unwrap().push(at.timestamp());
                } else {
                    failures.lock().unwrap().push(format!("CLI: {}", String::from_utf8_lossy(&out.stderr)));
                }
                k += 1;
            }
        }));
    }
    // Two CLI imports of a 3,000-row pain log, which hold the write lock longest.
    for w in 3..5i64 {
        let (db, acknowledged, failures) = (db.clone(), acknowledged.clone(), failures.clone());
        let csv = dir.path().join(format!("log-{w}.csv"));
        let times: Vec<DateTime<FixedOffset>> = (0..3_000).map(|k| time(w * 100_000 + k)).collect();
        let mut text = String::from("recorded_at,score\n");
        for t in &times {
            text += &format!("{},5\n", t.to_rfc3339());
        }
        std::fs::write(&csv, text).unwrap();
        writers.push(std::thread::spawn(move || {
            let out = cli(&db, &["--profile".into(), "Runner".into(), "log".into(), "import".into(), csv.display().to_string()]);
            if out.status.success() {
                acknowledged.lock().unwrap().extend(times.iter().map(DateTime::timestamp));
            } else {
                failures.lock().unwrap().push(format!("CLI import: {}", String::from_utf8_lossy(&out.stderr)));
            }
        }));
    }
    // Three threads of this process through the store API, each with its own connection.
    for w in 5..8i64 {
        let prepare = |store: &mut Store| Ok(profiles::find_or_create(store, "Runner", now())?.0.id);
        let add = |store: &mut Store, runner: &i64, at| Ok(entries::add(store, *runner, &NewPainEntry::new(at, 2, "", None, "", now())?).map(drop)?);
        writers.push(api_writer("store API", w, (&db, until, &acknowledged, &failures), prepare, add));
    }
    // And restores of a one-score backup, which look the profile up before writing: the kind of
    // transaction that failed at once with "database is locked" when it began DEFERRED.
    for w in 8..10i64 {
        let restore = |store: &mut Store, _: &(), at: DateTime<FixedOffset>| {
            let text = serde_json::json!({
                "format": "soleus-profile-backup", "version": 1, "exported_at": "2026-11-23T12:00:00Z",
                "profile": {"name": "Runner", "created_at": "2026-11-01T00:00:00Z"},
                "pain_entries": [{"recorded_at": at.to_rfc3339(), "score": 1, "moment": "", "side": null, "notes": ""}],
                "sessions": [], "assessments": [], "exercise_completions": []
            });
            Ok(backup::restore_text(store, &text.to_string(), now()).map(drop)?)
        };
        writers.push(api_writer("restore", w, (&db, until, &acknowledged, &failures), |_| Ok(()), restore));
    }
    for w in writers {
        w.join().unwrap();
    }
    let failures = failures.lock().unwrap();
    assert!(failures.is_empty(), "{} writes failed, e.g. {:?}", failures.len(), failures.first());
    let mut acknowledged = acknowledged.lock().unwrap().clone();
    acknowledged.sort();
    assert!(acknowledged.len() > 6_000, "the writers wrote: {}", acknowledged.len());
    assert_eq!(stored_times(&db), acknowledged, "every acknowledged row is there, and nothing else");
    let store = Store::open(&db).unwrap();
    assert_eq!(profiles::list(&store).unwrap().len(), 1, "one Runner");
}
