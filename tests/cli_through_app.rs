//! The CLI and the window call the same application functions (issue 15): what the CLI prints for
//! `return-to-run score` and `report --out` is pinned here, taken before they were moved onto
//! `soleus::app`, and their modules are checked to go through `app::` rather than build the
//! result themselves.

use std::path::Path;

#[path = "support/cli_db.rs"]
mod cli_db;

use cli_db::Cli;

#[test]
fn return_to_run_score_prints_what_it_recorded() {
    let (_dir, db) = cli_db::new_db();
    let cli = Cli::new(&db).as_profile("Ana");
    assert_eq!(cli.ok(&["return-to-run", "score", " LEFS ", "55", "--on", "2026-12-01"]), "recorded lefs 55 on 2026-12-01 for \"Ana\"\n");
    // The same day again replaces the score.
    assert_eq!(cli.ok(&["return-to-run", "score", "lefs", "60", "--on", "2026-12-01"]), "recorded lefs 60 on 2026-12-01 for \"Ana\"\n");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let scores: Vec<i64> = conn.prepare("SELECT score FROM outcome_scores").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(scores, [60]);
    assert!(cli.bad_input(&["return-to-run", "score", "visa_b", "10"]).contains("visa_b"));
}

#[test]
fn report_out_writes_the_named_file_replacing_it_and_says_so() {
    let (dir, db) = cli_db::new_db();
    let cli = Cli::new(&db).as_profile("Ana");
    cli.ok(&["log", "add", "--score", "3"]);
    let html = dir.path().join("report.html");
    std::fs::write(&html, "old").unwrap();
    let out = cli.ok(&["report", "--out", html.to_str().unwrap(), "--weeks", "4"]);
    assert_eq!(out, format!("wrote {}\n", html.display()));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("not a diagnosis"), "the named file is replaced by the report");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(!names.iter().any(|n| n.contains("(2)") || n.ends_with(".part")), "no second file, no leftover: {names:?}");

    let cannot = Cli::new(&db).as_profile("Ana").run(&["report", "--out", dir.path().join("missing/report.html").to_str().unwrap()]);
    assert_eq!(cannot.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&cannot.stderr).contains("cannot write"), "{}", String::from_utf8_lossy(&cannot.stderr));
    let nobody = Cli::new(&db).as_profile("Nobody").bad_input(&["report", "--out", html.to_str().unwrap()]);
    assert!(nobody.contains("Nobody"));
}

/// The CLI modules whose command has a window twin: each must call the application function the
/// Tauri command calls (named here), so that neither client builds its own result.
const SHARED: &[(&str, &str, &str)] = &[
    ("src/cli/return_to_run.rs", "app::return_to_run::record_outcome_score(", "src-tauri/src/commands/return_to_run.rs"),
    ("src/cli/report.rs", "app::share::save_report(", "src-tauri/src/commands/share.rs"),
];

#[test]
fn cli_commands_with_a_window_twin_call_the_same_app_function() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (cli, call, command) in SHARED {
        let cli_text = std::fs::read_to_string(root.join(cli)).unwrap();
        assert!(cli_text.contains(call), "{cli} must call {call}..) as the window does");
        // The window's command calls the same function (under the name its file imports it by).
        let command_text = std::fs::read_to_string(root.join(command)).unwrap();
        let function = call.rsplit("::").next().unwrap();
        let module = call.split("::").nth(1).unwrap();
        assert!(command_text.contains(&format!("use soleus::app::{module}")), "{command} imports soleus::app::{module}");
        assert!(command_text.contains(function), "{command} calls {function}..)");
    }
}
