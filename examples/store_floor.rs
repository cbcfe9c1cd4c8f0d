//! `make bench`'s store figure, one measurement per process so that bench/run.py can interleave
//! them: a 100,000-row pain import through the store (validation, one transaction per file)
//! against raw SQLite inserts of the same rows (benches/support/pain_rows.rs).
//!
//! ```sh
//! cargo build --release --example store_floor
//! target/release/examples/store_floor csv  DIR   # writes DIR/pain.csv once
//! target/release/examples/store_floor import DIR # prints "wall_s cpu_s" of the import
//! target/release/examples/store_floor raw DIR    # the same for raw inserts
//! target/release/examples/store_floor read DIR   # the import's reading and checking alone
//! ```
//! Setup (a new store and its profile, the rows read into memory for raw) is outside the time.

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use soleus::Store;
use soleus::import::{self, ImportOptions};
use soleus::profiles;

#[path = "../benches/support/pain_rows.rs"]
mod pain_rows;

/// This process's CPU time (user + system, all threads), in seconds, from /proc/self/stat
/// (utime and stime, fields 14 and 15, in 10 ms ticks).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let fields: Vec<&str> = stat.rsplit_once(')').unwrap().1.split_whitespace().collect();
    (fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap()) / 100.0
}

fn timed(f: impl FnOnce()) {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    f();
    println!("{:.4} {:.4}", wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, dir] = args.as_slice() else { panic!("usage: store_floor csv|import|read|raw DIR") };
    let dir = Path::new(dir);
    let csv_path = dir.join("pain.csv");
    let db = dir.join(format!("{mode}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    match mode.as_str() {
        "csv" => pain_rows::write_csv(&csv_path, &pain_rows::rows()),
        "import" => {
            let now = DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z").unwrap().to_utc();
            let mut store = Store::open(&db).unwrap();
            let id = profiles::create(&mut store, "Bench", now).unwrap().id;
            let opts = ImportOptions::new(FixedOffset::east_opt(3600).unwrap(), now);
            timed(|| {
                let report = import::import_paths(&mut store, Some(id), &[csv_path.clone()], &opts, &mut |_| {}).unwrap();
                assert_eq!(report.added, pain_rows::ROWS);
            });
        }
        // Where the import's time goes: reading and checking the file, without storing it.
        "read" => {
            let opts = ImportOptions::new(FixedOffset::east_opt(3600).unwrap(), DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z").unwrap().to_utc());
            timed(|| {
                let file = import::read_file(&csv_path, import::FileKind::PainCsv, &opts).unwrap();
                assert_eq!(file.rows(), pain_rows::ROWS);
            });
        }
        "raw" => {
            let rows = csv::Reader::from_path(&csv_path)
                .unwrap()
                .records()
                .map(|r| {
                    let r = r.unwrap();
                    std::array::from_fn(|i| r[i].to_string())
                })
                .collect::<Vec<[String; 5]>>();
            assert_eq!(rows.len(), pain_rows::ROWS);
            let mut conn = pain_rows::raw_open(&db);
            timed(|| pain_rows::raw_insert(&mut conn, &rows));
        }
        _ => panic!("usage: store_floor csv|import|read|raw DIR"),
    }
}
