//! `soleus return-to-run ...` through the real binary: tests and scores recorded, bad input
//! refused by name with nothing written, and the status the core gives.

use std::path::Path;
use std::process::{Command, Output};

mod cli_support;

fn soleus(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soleus")).arg("--db").arg(db).args(["--profile", "Ana"]).args(args).output().unwrap()
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn tests_and_scores_are_recorded_bad_ones_refused_and_the_status_shows_the_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("soleus.db");
    let out = soleus(&db, &["return-to-run", "test", "--calf-raises-left", "-3", "--calf-raises-right", "20"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("calf raises (left) must be a whole number from 0 to 200; got -3"));
    assert!(!db.exists() || count(&db, "functional_tests") == 0, "nothing written");
    let out = soleus(&db, &["return-to-run", "score", "lefs", "81"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("from 0 to 80; got 81"));

    let ok = |args: &[&str]| {
        let out = soleus(&db, args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    ok(&["return-to-run", "test", "--walk-pain", "0", "--calf-raises-left", "22", "--calf-raises-right", "30", "--on", "2026-12-01"]);
    ok(&["return-to-run", "score", "LEFS", "55", "--on", "2026-12-01"]);
    assert_eq!((count(&db, "functional_tests"), count(&db, "outcome_scores")), (1, 1));

    let mut all: Vec<&std::ffi::OsStr> = vec!["--db".as_ref(), db.as_os_str()];
    all.extend(["--profile", "Ana", "log", "save-assessment"].map(std::ffi::OsStr::new));
    let saved = cli_support::run_with_stdin(&all, r#"{"findings": {"age": 30, "sex": "male", "onset": "sudden", "run_pattern": "sudden_during_run"}}"#);
    assert!(saved.status.success(), "{}", String::from_utf8_lossy(&saved.stderr));
    let status = ok(&["return-to-run", "status"]);
    assert!(status.contains("Walking (Passed)"), "{status}");
    assert!(status.contains("[met]") && status.contains("(22 left, 30 right"), "{status}");
    let json: serde_json::Value = serde_json::from_str(&ok(&["return-to-run", "status", "--json"])).unwrap();
    assert_eq!(json["stages"][0]["state"], "passed");
    assert_eq!(json["outcome"]["scores"][0]["score"], 55);
}
