//! `soleus log add --run ID --moment during|after|next-morning --site ...` through the real
//! binary: a run scored, its verdict in the review, and bad input named with nothing written.

#[path = "support/cli_db.rs"]
mod cli_db;

use cli_db::Cli;

#[test]
fn a_run_is_scored_during_after_and_next_morning_and_the_review_names_it() {
    let (_dir, db) = cli_db::new_db();
    let cli = Cli::new(&db).as_profile("Ana");
    // Ana's backup: a 12 km run on Tuesday 17 November 2026 at 18:00 (+01:00).
    cli.ok(&["log", "import", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/backup_v1.json")]);
    let sessions: serde_json::Value = serde_json::from_str(&cli.ok(&["log", "list", "--sessions", "--json"])).unwrap();
    let run = sessions[0]["id"].as_i64().unwrap().to_string();
    let add = |score: &str, moment: &str, at: &str| {
        cli.ok(&["log", "add", "--score", score, "--run", &run, "--moment", moment, "--at", at, "--site", "achilles", "--side", "left"])
    };
    add("3", "during", "2026-11-17T18:40:00+01:00");
    add("4", "after", "2026-11-17T19:10:00+01:00");
    add("4", "next-morning", "2026-11-18T07:45:00+01:00");
    let listed = cli.ok(&["log", "list"]);
    assert!(listed.contains(&format!("at achilles  [run {run}]")), "{listed}");
    assert!(listed.contains("Next morning"), "{listed}");

    let review = cli.ok(&["log", "review", "--week", "2026-W47"]);
    assert!(review.contains("Not settled by the morning after Tuesday's 12 km"), "{review}");
    let json: serde_json::Value = serde_json::from_str(&cli.ok(&["log", "review", "--week", "2026-W47", "--json"])).unwrap();
    let checked = &json["pain_monitoring"]["runs"][0];
    assert_eq!((checked["during"].as_u64(), checked["next_morning"].as_u64()), (Some(3), Some(4)));
    assert_eq!(checked["verdict"], "not_settled");

    // Bad input: named, exit 2, nothing written.
    let before = cli.ok(&["log", "list"]);
    for (args, why) in [
        (vec!["--score", "2", "--run", &run, "--moment", "next-morning", "--at", "2026-11-17T23:00:00+01:00"], "a day after the run"),
        (vec!["--score", "2", "--run", &run, "--moment", "during", "--at", "2026-11-17T17:00:00+01:00"], "before the run started"),
        (vec!["--score", "2", "--run", &run, "--moment", "later", "--at", "2026-11-17T19:00:00+01:00"], "during, after or next_morning"),
        (vec!["--score", "2", "--site", "elbow", "--at", "2026-11-18T09:00:00+01:00"], "not a place on the body map"),
        (vec!["--score", "2", "--run", "9999", "--moment", "after", "--at", "2026-11-18T09:00:00+01:00"], "no run with id 9999"),
    ] {
        let mut full = vec!["log", "add"];
        full.extend(args);
        let message = cli.bad_input(&full);
        assert!(message.contains(why), "{why}: {message}");
    }
    assert_eq!(cli.ok(&["log", "list"]), before, "nothing was written");
}
