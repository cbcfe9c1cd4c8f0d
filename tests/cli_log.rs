//! `soleus log ...` end to end through the real binary: exit codes, named errors, nothing written
//! on bad input.

use std::path::Path;
use std::process::Command;

mod cli_support;
#[path = "support/cli_db.rs"]
mod cli_db;

use cli_db::{new_db as db, Cli};

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).display().to_string()
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}


#[test]
fn bad_input_is_named_exits_2_and_writes_nothing() {
    let (_dir, db) = db();
    let cli = Cli::new(&db);
    for (args, says) in [
        (vec!["log", "add", "--score", "11"], "from 0 (no pain) to 10"),
        (vec!["log", "add", "--score", "-1"], "got \"-1\""),
        (vec!["log", "add", "--score", "4", "--at", "last tuesday"], "cannot read the time \"last tuesday\""),
        (vec!["log", "add", "--score", "4", "--side", "up"], "left, right or both"),
    ] {
        let message = cli.bad_input(&args);
        assert!(message.contains(says), "{args:?}: {message}");
        assert!(!db.exists(), "{args:?}: not even the database file was created");
    }
    cli.ok(&["log", "add", "--score", "4", "--at", "2026-11-17T19:00:00+01:00", "--moment", "1 h after run"]);
    let message = cli.bad_input(&["--profile", "Nobody", "log", "list"]);
    assert!(message.contains("no profile called \"Nobody\""), "{message}");
    cli.bad_input(&["--profile", "Nobody", "log", "review"]);
    cli.bad_input(&["--profile", "Nobody", "log", "export", "--format", "json"]);
    cli.bad_input(&["log", "review", "--week", "2026-W60"]);
    let txt = db.with_file_name("notes.txt");
    std::fs::write(&txt, "not a run").unwrap();
    let message = cli.bad_input(&["--profile", "New", "log", "import", &data("run.gpx"), txt.to_str().unwrap()]);
    assert!(message.contains("notes.txt") && message.contains("not a file Soleus can import"), "{message}");
    assert_eq!(count(&db, "training_sessions"), 0, "run.gpx was not imported either");
    assert_eq!(count(&db, "profiles"), 1, "the profile New was not created");
    assert_eq!(count(&db, "pain_entries"), 1);
    let dup = cli.bad_input(&["log", "add", "--score", "5", "--at", "2026-11-17T19:00:00+01:00", "--moment", "1 h after run"]);
    assert!(dup.contains("already a pain score"), "{dup}");
    // Deleting: an unknown id is named; the right one goes.
    let listed: serde_json::Value = serde_json::from_str(&cli.ok(&["log", "list", "--json"])).unwrap();
    let id = listed[0]["id"].as_i64().unwrap();
    assert!(cli.bad_input(&["log", "delete", &(id + 100).to_string()]).contains("no pain score with id"));
    assert_eq!(count(&db, "pain_entries"), 1);
    cli.ok(&["log", "delete", &id.to_string()]);
    assert_eq!(count(&db, "pain_entries"), 0);
}

#[test]
fn add_list_import_review_and_export() {
    let (_dir, db) = db();
    let cli = Cli::new(&db);
    cli.ok(&["--profile", "Ana", "log", "add", "--score", "7", "--at", "2026-11-11T19:00:00+01:00", "--moment", "1 h after run", "--side", "left"]);
    let imported = cli.ok(&["--profile", "Ana", "log", "import", &data("pain.csv"), &data("activities.csv"), &data("long_run.gpx")]);
    assert!(imported.contains("saved 4 of 4 rows of"), "{imported}");
    assert!(imported.contains("imported 8 new rows into \"Ana\""), "{imported}");

    let listed: serde_json::Value = serde_json::from_str(&cli.ok(&["--profile", "Ana", "log", "list", "--json"])).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 5);
    assert_eq!(listed[0]["score"], 6);
    let text = cli.ok(&["--profile", "Ana", "log", "list"]);
    assert!(text.contains("2026-11-11 19:00 +01:00   7/10  left   1 h after run"), "{text}");

    // Last week 6, 7, 6 (mean 6.3); this week 4, 4: a drop of 2.3, on track on its own; but the
    // week has a long-run spike, so it eases back rather than holding (never "on track").
    let review: serde_json::Value =
        serde_json::from_str(&cli.ok(&["--profile", "Ana", "log", "review", "--week", "2026-W47", "--json"])).unwrap();
    assert_eq!(review["advice"]["verdict"], "ease_back");
    assert_eq!(review["pain"]["mean"], 4.0);
    assert_eq!(review["previous_pain"]["mean"], 6.3);
    // The 10 km run on Sunday 22 Nov against 8 km (10 Nov) and 5 km (17 Nov) in the 30 days before.
    assert_eq!(review["warnings"][0]["kind"], "long_run_spike");
    let text = cli.ok(&["--profile", "Ana", "log", "review", "--week", "2026-W47"]);
    assert!(text.contains("ease back") && !text.contains("on track") && text.contains("not a diagnosis"), "{text}");

    let csv = cli.ok(&["--profile", "Ana", "log", "export", "--format", "csv"]);
    assert!(csv.starts_with("recorded_at,score,moment,side,notes\n"));
    assert_eq!(csv.lines().count(), 6);
    let sessions = cli.ok(&["--profile", "Ana", "log", "export", "--format", "csv", "--table", "sessions"]);
    assert_eq!(sessions.lines().count(), 5);

    // The JSON backup restores into a fresh database as the same profile, and exports back the same.
    let backup = db.with_file_name("ana.json");
    cli.ok(&["--profile", "Ana", "log", "export", "--format", "json", "--out", backup.to_str().unwrap()]);
    let other = db.with_file_name("other.db");
    Cli::new(&other).ok(&["log", "import", backup.to_str().unwrap()]);
    let strip = |text: String| {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v.as_object_mut().unwrap().remove("exported_at");
        v
    };
    let again = Cli::new(&other).ok(&["--profile", "Ana", "log", "export", "--format", "json"]);
    assert_eq!(strip(again), strip(std::fs::read_to_string(&backup).unwrap()));
    assert_eq!(count(&other, "profiles"), 1, "restored as Ana; no extra profile was made");
}

#[test]
fn the_review_speaks_the_units_saved_in_the_app() {
    let (_dir, db) = db();
    let cli = Cli::new(&db);
    cli.ok(&["--profile", "Ana", "log", "import", &data("pain.csv"), &data("activities.csv"), &data("long_run.gpx")]);
    let review = || cli.ok(&["--profile", "Ana", "log", "review", "--week", "2026-W47"]);
    // The 10 km run on Sunday 22 Nov against the 8 km of 10 Nov.
    let km = review();
    assert!(km.contains("Your 10.0 km run on Sun 22 Nov") && km.contains("(8.0 km)"), "{km}");
    // The app saves the units in the database; the CLI reads the same setting.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE settings SET units = 'mi' WHERE id = 1", []).unwrap();
    let mi = review();
    assert!(mi.contains("Your 6.2 mi run on Sun 22 Nov") && mi.contains("(5.0 mi)"), "{mi}");
    assert!(!mi.contains(" km"), "no km left in a miles review: {mi}");
    let json: serde_json::Value = serde_json::from_str(&cli.ok(&["--profile", "Ana", "log", "review", "--week", "2026-W47", "--json"])).unwrap();
    assert!(json["warnings"][0]["message"].as_str().unwrap().contains("6.2 mi run"), "{json}");
}

#[test]
fn a_broken_file_among_good_ones_is_named_and_the_rest_import() {
    let (dir, db) = db();
    let cli = Cli::new(&db);
    let broken = dir.path().join("broken.gpx");
    std::fs::write(&broken, "<gpx><trk>").unwrap();
    let out = cli.run(&["log", "import", &data("run.gpx"), broken.to_str().unwrap(), &data("run.tcx")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.gpx") && stderr.contains("not a readable GPX file"), "{stderr}");
    // run.tcx is the same run as run.gpx (same start minute): stored once.
    assert_eq!(count(&db, "training_sessions"), 1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 already there"));
}

#[test]
fn a_saved_assessment_appears_in_the_report() {
    let (_dir, db) = db();
    let cli = Cli::new(&db);
    let run = |args: &[&str], stdin: &str| {
        let mut all: Vec<&std::ffi::OsStr> = vec!["--db".as_ref(), db.as_os_str()];
        all.extend(args.iter().map(std::ffi::OsStr::new));
        cli_support::run_with_stdin(&all, stdin)
    };
    let bad = run(&["--profile", "Ana", "log", "save-assessment"], r#"{"findings": {"onset": "sometimes"}}"#);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("onset"));
    let case = r#"{"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true}}"#;
    let saved = run(&["--profile", "Ana", "log", "save-assessment"], case);
    assert!(saved.status.success(), "{}", String::from_utf8_lossy(&saved.stderr));
    assert_eq!(count(&db, "saved_assessments"), 1);
    let top = String::from_utf8(saved.stdout).unwrap();
    let top = top.lines().find_map(|l| l.strip_prefix("most likely: ")).expect("the top cause is printed");
    // Worded as the app words it: a band and a rounded figure, never "over 99%".
    let chance = top.rsplit_once(" (").unwrap().1;
    assert!(["very likely, ", "likely, ", "possible, ", "less likely, "].iter().any(|w| chance.starts_with(w)) && !chance.contains("99"), "{top}");
    // Notes over the limit are refused by name, and nothing is saved.
    let long = "n".repeat(4001);
    let refused = run(&["--profile", "Ana", "log", "save-assessment", "--notes", &long], case);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("at most 4000 characters"), "{}", String::from_utf8_lossy(&refused.stderr));
    assert_eq!(count(&db, "saved_assessments"), 1);
    let name = top.rsplit_once(" (").unwrap().0.replace('&', "&amp;").replace('\'', "&#39;");

    let html = db.with_file_name("report.html");
    cli.ok(&["--profile", "Ana", "report", "--out", html.to_str().unwrap()]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains(&name), "the report shows {name}");
    assert!(page.contains("Latest assessment") && page.contains("not a diagnosis"));
    let message = cli.bad_input(&["--profile", "Nobody", "report", "--out", html.to_str().unwrap()]);
    assert!(message.contains("Nobody"));
}

#[test]
fn local_times_follow_daylight_saving() {
    let (dir, db) = db();
    let cli = Cli::new(&db);
    // Central European time as a POSIX TZ rule, so no time-zone database is needed.
    let cet = "CET-1CEST,M3.5.0,M10.5.0/3";
    let in_cet = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_soleus")).env("TZ", cet).arg("--db").arg(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    in_cet(&["log", "add", "--score", "3", "--at", "2026-07-01 07:30"]);
    in_cet(&["log", "add", "--score", "4", "--at", "2026-01-15 07:30"]);
    let summer = std::fs::read_to_string(data("run.gpx")).unwrap().replace("2026-11-17", "2026-06-17");
    let summer_gpx = dir.path().join("summer.gpx");
    std::fs::write(&summer_gpx, summer).unwrap();
    in_cet(&["log", "import", &data("run.gpx"), summer_gpx.to_str().unwrap()]);

    let entries: serde_json::Value = serde_json::from_str(&cli.ok(&["log", "list", "--json"])).unwrap();
    assert_eq!(entries[0]["recorded_at"], "2026-01-15T07:30:00+01:00");
    assert_eq!(entries[1]["recorded_at"], "2026-07-01T07:30:00+02:00");
    let runs: serde_json::Value = serde_json::from_str(&cli.ok(&["log", "list", "--sessions", "--json"])).unwrap();
    assert_eq!(runs[0]["started_at"], "2026-06-17T09:30:20+02:00", "a summer run in summer time");
    assert_eq!(runs[1]["started_at"], "2026-11-17T08:30:20+01:00");
}

#[test]
fn exercises_done_are_recorded_against_the_library() {
    let (_dir, db) = db();
    let cli = Cli::new(&db);
    let message = cli.bad_input(&["log", "exercise", "moonwalk", "--sets", "3"]);
    assert!(message.contains("moonwalk"), "{message}");
    assert!(!db.exists(), "nothing written for an unknown exercise");
    cli.bad_input(&["log", "exercise", "glute_bridge", "--sets", "0"]);
    cli.bad_input(&["log", "exercise", "glute_bridge", "--sets", "3", "--on", "tuesday"]);
    cli.ok(&["log", "exercise", "glute_bridge", "--sets", "3", "--on", "2026-11-18"]);
    // Recording the same exercise and day again corrects the count.
    cli.ok(&["log", "exercise", "glute_bridge", "--sets", "2", "--on", "2026-11-18"]);
    let backup: serde_json::Value = serde_json::from_str(&cli.ok(&["log", "export", "--format", "json"])).unwrap();
    assert_eq!(backup["exercise_completions"], serde_json::json!([{"exercise_id": "glute_bridge", "done_on": "2026-11-18", "sets_done": 2}]));
}
