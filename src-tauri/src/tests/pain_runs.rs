//! Scoring a run through IPC: the three moments, the run's verdict, the missed morning, and bad
//! input named with nothing saved.

use serde_json::{Value, json};

use super::{app, invoke};

#[test]
fn a_run_is_scored_at_each_moment_and_read_back_with_its_verdict() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap()["id"].clone();
    let run = invoke(&w, "add_session", json!({"profileId": ana, "startedAt": "2026-11-17T18:00:00+01:00", "sport": "running",
                                               "distanceM": 12000.0, "durationS": 4200.0, "elevationGainM": null}))
    .unwrap();
    let score = |moment: &str, score: i64, at: &str, site: Value| {
        invoke(&w, "score_run", json!({"profileId": ana, "runId": run["id"], "moment": moment, "score": score,
                                       "side": "left", "site": site, "recordedAt": at}))
    };
    let during = score("during", 5, "2026-11-17T18:40:00+01:00", json!("achilles")).unwrap();
    assert_eq!((&during["run_id"], &during["run_moment"], &during["site"]), (&run["id"], &json!("during"), &json!("achilles")));
    score("after", 4, "2026-11-17T19:10:00+01:00", Value::Null).unwrap();
    // Bad input: named, and nothing saved.
    let same_day = score("next_morning", 3, "2026-11-17T23:00:00+01:00", Value::Null).unwrap_err();
    assert_eq!(same_day["code"], "log_next_morning_on_run_day");
    let off_map = score("next_morning", 3, "2026-11-18T07:30:00+01:00", json!("elbow")).unwrap_err();
    assert_eq!(off_map["code"], "log_bad_site");
    assert!(off_map["message"].as_str().unwrap().contains("body map"), "{off_map}");
    let other = invoke(&w, "score_run", json!({"profileId": ana, "runId": 999, "moment": "after", "score": 2,
                                               "side": null, "site": null, "recordedAt": null}))
    .unwrap_err();
    assert_eq!(other["code"], "log_run_not_found");
    assert_eq!(invoke(&w, "list_pain_entries", json!({"profileId": ana})).unwrap().as_array().unwrap().len(), 2);

    score("next_morning", 1, "2026-11-18T07:30:00+01:00", json!("achilles")).unwrap();
    let review = invoke(&w, "weekly_review", json!({"profileId": ana, "week": "2026-W47"})).unwrap();
    let checked = &review["pain_monitoring"]["runs"][0];
    assert_eq!((&checked["during"], &checked["next_morning"], &checked["verdict"]), (&json!(5), &json!(1), &json!("within")));
    // A free-standing score names its site too; one off the map is refused by name.
    let free = |site: &str| invoke(&w, "add_pain_entry", json!({"profileId": ana, "recordedAt": "2026-11-19T08:00:00+01:00", "score": 2,
                                                               "moment": "On waking", "side": null, "notes": "", "site": site}));
    assert_eq!(free("elbow").unwrap_err()["code"], "log_bad_site");
    assert_eq!(free("mid_calf").unwrap()["site"], "mid_calf");
    let sites = invoke(&w, "pain_sites", json!({})).unwrap();
    assert!(sites.as_array().unwrap().iter().any(|s| s["value"] == "achilles"), "{sites}");
    // A run of long ago is not asked about.
    assert_eq!(invoke(&w, "missed_next_morning", json!({"profileId": ana})).unwrap(), Value::Null);
    assert!(invoke(&w, "recent_runs", json!({"profileId": ana})).unwrap().is_array());
}
