//! The CLI's text and JSON outputs, as snapshots, so that moving knowledge out of code (issue 15)
//! is seen to change nothing a script or a person reads: every public case through `assess` and
//! `plan`, the recurrence plan, the exercise library, and a logged month's weekly reviews.
//! A change shows up for review (`cargo insta review`, or INSTA_UPDATE=always then read the diff).

use std::path::Path;
use std::process::Command;

mod cli_support;
use cli_support::soleus;

fn ok(args: &[&str], stdin: &str) -> String {
    let out = soleus(args, stdin);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Each public case as `soleus assess` reads it: its id and findings only.
fn public_cases() -> Vec<(String, String)> {
    include_str!("data/public_cases.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap().to_string();
            (id.clone(), serde_json::json!({ "id": id, "findings": v["findings"] }).to_string())
        })
        .collect()
}

/// All the cases' outputs of one command in one snapshot, each under its case's id.
fn per_case(args: &[&str]) -> String {
    public_cases().iter().map(|(id, case)| format!("=== {id}\n{}\n", ok(args, case))).collect()
}

#[test]
fn assess_public_cases() {
    insta::assert_snapshot!("assess_json", per_case(&["assess"]));
    insta::assert_snapshot!("assess_text", per_case(&["assess", "--format", "text"]));
}

#[test]
fn plan_public_cases() {
    insta::assert_snapshot!("plan_json", per_case(&["plan"]));
    insta::assert_snapshot!("plan_text", per_case(&["plan", "--format", "text"]));
}

#[test]
fn tweak_plan_and_exercises() {
    insta::assert_snapshot!("plan_tweak_json", ok(&["plan", "--tweak"], ""));
    insta::assert_snapshot!("plan_tweak_text", ok(&["plan", "--tweak", "--format", "text"], ""));
    insta::assert_snapshot!("exercises_json", ok(&["exercises", "--json"], ""));
    insta::assert_snapshot!("exercises_text", ok(&["exercises"], ""));
    insta::assert_snapshot!("exercise_show_text", ok(&["exercises", "show", "seated_calf_raise"], ""));
}

#[test]
fn weekly_reviews_of_a_logged_month() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("soleus.db");
    let data = |name: &str| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name).display().to_string();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_soleus")).arg("--db").arg(&db).args(["--profile", "Ana"]).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["log", "add", "--score", "7", "--at", "2026-11-11T19:00:00+01:00", "--moment", "1 h after run", "--side", "left"]);
    run(&["log", "import", &data("pain.csv"), &data("activities.csv"), &data("long_run.gpx")]);
    // Then two more weeks (before the machine's today: the future is refused), so that more
    // verdicts and both warnings are printed: W48 low pain (begin a return), W49 pain up with a
    // big weekly rise (restrict further, warned).
    let later = dir.path().join("later.csv");
    let mut csv = String::from("recorded_at,score,moment,side,notes\n");
    for (day, score) in [("2026-11-24", 3), ("2026-11-26", 2), ("2026-12-01", 4), ("2026-12-03", 5)] {
        csv.push_str(&format!("{day}T19:00:00+01:00,{score},1 h after run,left,\n"));
    }
    std::fs::write(&later, csv).unwrap();
    let runs = dir.path().join("activities.csv");
    let header = std::fs::read_to_string(data("activities.csv")).unwrap().lines().next().unwrap().to_string();
    let mut strava = header + "\n";
    for (id, date, km) in [(1, "Nov 24, 2026, 7:00:00 AM", 4.0), (2, "Nov 26, 2026, 7:00:00 AM", 4.0), (3, "Dec 1, 2026, 7:00:00 AM", 6.0), (4, "Dec 3, 2026, 7:00:00 AM", 6.0)] {
        let m = km * 1000.0;
        strava.push_str(&format!("9{id},\"{date}\",Morning Run,Run,,1800,{km},,,false,,,,,,1800.0,1750.0,{m},4.0,2.8,20.0,20.0\n"));
    }
    std::fs::write(&runs, strava).unwrap();
    run(&["log", "import", later.to_str().unwrap(), runs.to_str().unwrap()]);
    let mut text = String::new();
    let mut json = String::new();
    for week in ["2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"] {
        text.push_str(&format!("=== {week}\n{}\n", run(&["log", "review", "--week", week])));
        json.push_str(&format!("=== {week}\n{}\n", run(&["log", "review", "--week", week, "--json"])));
    }
    insta::assert_snapshot!("review_text", text);
    insta::assert_snapshot!("review_json", json);
    insta::assert_snapshot!("log_list_text", run(&["log", "list"]));
}
