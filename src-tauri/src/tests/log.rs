//! The pain log's commands through IPC: round trips, named errors, and one profile's data kept
//! apart from another's.

use serde_json::{Value, json};

use super::{app, invoke, invoke_file};

fn profile(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, name: &str) -> Value {
    invoke(w, "create_profile", json!({"name": name})).unwrap()["id"].clone()
}

/// Deletes `id` of the profile with `delete` (true), then again (false: it is gone), and `list`
/// then shows the profile nothing.
fn deletes_once(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, delete: &str, list: &str, profile: &Value, id: &Value) {
    assert_eq!(invoke(w, delete, json!({"profileId": profile, "id": id})).unwrap(), json!(true), "{delete}");
    assert_eq!(invoke(w, delete, json!({"profileId": profile, "id": id})).unwrap(), json!(false), "{delete} again");
    assert_eq!(invoke(w, list, json!({"profileId": profile})).unwrap(), json!([]), "{list}");
}

#[test]
fn pain_entries_round_trip_and_delete() {
    let (_app, w) = app();
    let ana = profile(&w, "Ana");
    let args = json!({"profileId": ana, "recordedAt": "2026-11-20T19:00:00+01:00", "score": 4,
                      "moment": "1 h after run", "side": "left", "notes": "flat route"});
    let entry = invoke(&w, "add_pain_entry", args.clone()).unwrap();
    assert_eq!(entry["score"], 4);
    assert_eq!(entry["recorded_at"], "2026-11-20T19:00:00+01:00");
    assert_eq!(entry["side"], "left");
    let all = invoke(&w, "list_pain_entries", json!({"profileId": ana})).unwrap();
    assert_eq!(all, json!([entry]));
    let dup = invoke(&w, "add_pain_entry", args).unwrap_err();
    assert_eq!(dup["code"], "log_duplicate_entry");
    deletes_once(&w, "delete_pain_entry", "list_pain_entries", &ana, &entry["id"]);
}

#[test]
fn bad_scores_and_times_get_named_errors_and_write_nothing() {
    let (_app, w) = app();
    let ana = profile(&w, "Ana");
    let add = |score: i64, at: &str| {
        invoke(&w, "add_pain_entry", json!({"profileId": ana, "recordedAt": at, "score": score,
                                            "moment": "", "side": null, "notes": ""}))
    };
    let err = add(11, "2026-11-20 19:00").unwrap_err();
    assert_eq!(err["code"], "log_score_out_of_range");
    assert!(err["message"].as_str().unwrap().contains("0 (no pain) to 10"), "{err}");
    assert_eq!(add(-1, "2026-11-20 19:00").unwrap_err()["code"], "log_score_out_of_range");
    assert_eq!(add(3, "yesterday").unwrap_err()["code"], "log_bad_time");
    assert_eq!(add(3, "2999-01-01 10:00").unwrap_err()["code"], "log_bad_time", "the future is refused");
    assert_eq!(invoke(&w, "list_pain_entries", json!({"profileId": ana})).unwrap(), json!([]));
}

#[test]
fn sessions_round_trip_and_delete_and_stay_with_their_profile() {
    let (_app, w) = app();
    let ana = profile(&w, "Ana");
    let ben = profile(&w, "Ben");
    let args = json!({"profileId": ana, "startedAt": "2026-11-19T07:30:00+01:00", "sport": "running",
                      "distanceM": 8000.0, "durationS": 2700.0, "elevationGainM": null});
    let run = invoke(&w, "add_session", args.clone()).unwrap();
    assert_eq!(run["distance_m"], 8000.0);
    assert_eq!(run["elevation_gain_m"], Value::Null);
    assert_eq!(run["started_at"], "2026-11-19T07:30:00+01:00");
    assert_eq!(invoke(&w, "add_session", args).unwrap_err()["code"], "log_duplicate_session");
    let negative = json!({"profileId": ana, "startedAt": "2026-11-18 07:30", "sport": "running",
                          "distanceM": -5.0, "durationS": null, "elevationGainM": null});
    assert_eq!(invoke(&w, "add_session", negative).unwrap_err()["code"], "log_implausible_value");
    assert_eq!(invoke(&w, "list_sessions", json!({"profileId": ana})).unwrap(), json!([run]));
    assert_eq!(invoke(&w, "list_sessions", json!({"profileId": ben})).unwrap(), json!([]));
    assert_eq!(invoke(&w, "delete_session", json!({"profileId": ben, "id": run["id"]})).unwrap(), json!(false));
    deletes_once(&w, "delete_session", "list_sessions", &ana, &run["id"]);
}

#[test]
fn the_weekly_review_reads_the_log_of_the_week_asked_for() {
    let (_app, w) = app();
    let ana = profile(&w, "Ana");
    for (at, score) in [("2026-11-10 19:00", 6), ("2026-11-12 19:00", 6), ("2026-11-17 19:00", 4), ("2026-11-19 19:00", 3)] {
        invoke(&w, "add_pain_entry", json!({"profileId": ana, "recordedAt": at, "score": score,
                                            "moment": "1 h after run", "side": null, "notes": ""})).unwrap();
    }
    let review = invoke(&w, "weekly_review", json!({"profileId": ana, "week": "2026-W47"})).unwrap();
    assert_eq!(review["week"], "2026-W47");
    assert_eq!(review["starts_on"], "2026-11-16");
    assert_eq!(review["pain"]["mean"], 3.5);
    assert_eq!(review["previous_pain"]["mean"], 6.0);
    assert_eq!(review["advice"]["verdict"], "hold");
    let err = invoke(&w, "weekly_review", json!({"profileId": ana, "week": "week 47"})).unwrap_err();
    assert_eq!(err["code"], "log_bad_week");
    let current = invoke(&w, "weekly_review", json!({"profileId": ana, "week": null})).unwrap();
    assert!(current["week"].as_str().unwrap().contains("-W"), "the current week by default: {current}");
}

#[test]
fn the_weekly_review_speaks_the_saved_units_and_keeps_its_numbers_in_km() {
    let (_app, w) = app();
    let ana = profile(&w, "Ana");
    for (at, score) in [("2026-11-10 19:00", 6), ("2026-11-17 19:00", 2)] {
        invoke(&w, "add_pain_entry", json!({"profileId": ana, "recordedAt": at, "score": score,
                                            "moment": "1 h after run", "side": null, "notes": ""})).unwrap();
    }
    // Last week 2 x 10 km, this week 2 x 12 km: a 20% jump, so pain at 2/10 eases back to last
    // week's 20 km rather than beginning a return.
    for (at, km) in [("2026-11-10 07:00", 10.0), ("2026-11-12 07:00", 10.0), ("2026-11-17 07:00", 12.0), ("2026-11-19 07:00", 12.0)] {
        invoke(&w, "add_session", json!({"profileId": ana, "startedAt": at, "sport": "running",
                                         "distanceM": km * 1000.0, "durationS": 3600.0, "elevationGainM": null})).unwrap();
    }
    let review = || invoke(&w, "weekly_review", json!({"profileId": ana, "week": "2026-W47"})).unwrap();
    let jump = |r: &Value| r["warnings"].as_array().unwrap().iter().find(|w| w["kind"] == "weekly_distance_jump").unwrap()["message"].clone();

    let km = review();
    assert_eq!(km["advice"]["verdict"], "ease_back");
    assert!(km["advice"]["detail"].as_str().unwrap().contains("(last week: 20.0 km)"), "{km}");
    assert!(jump(&km).as_str().unwrap().starts_with("You ran 24.0 km this week"), "{km}");

    invoke(&w, "update_settings", json!({"settings": {"units": "mi", "theme": "system"}})).unwrap();
    let mi = review();
    assert_eq!(mi["advice"]["verdict"], "ease_back");
    assert!(mi["advice"]["detail"].as_str().unwrap().contains("(last week: 12.4 mi)"), "{mi}");
    assert!(jump(&mi).as_str().unwrap().starts_with("You ran 14.9 mi this week, 20% more than last week's 12.4 mi."), "{mi}");
    assert!(!mi.to_string().contains(" km"), "no km left in a miles review: {mi}");
    // The fields the screen and the charts use stay in km.
    assert_eq!(mi["advice"]["next_week_distance_km"], 20.0);
    assert_eq!(mi["load"]["distance_km"], 24.0);
    assert_eq!(mi["load"], km["load"]);
}

#[test]
fn a_chosen_file_imports_from_its_bytes_and_a_foreign_one_is_named() {
    let (_app, w) = app();
    let ana = profile(&w, "Ana");
    let gpx = include_bytes!("../../../tests/data/run.gpx").to_vec();
    let outcome = invoke_file(&w, "import_log_file", &ana, "run.gpx", gpx).unwrap();
    assert_eq!(outcome["kind"], "gpx");
    assert_eq!(outcome["added"], 1);
    let sessions = invoke(&w, "list_sessions", json!({"profileId": ana})).unwrap();
    assert_eq!(sessions[0]["source_file"], "run.gpx");
    let err = invoke_file(&w, "import_log_file", &ana, "photo.jpg", vec![1, 2, 3]).unwrap_err();
    assert_eq!(err["code"], "import_unknown_format");
    // A name that is not ASCII crosses its header intact.
    let outcome = invoke_file(&w, "import_log_file", &ana, "Läufe 1.gpx", include_bytes!("../../../tests/data/run.gpx").to_vec()).unwrap();
    assert_eq!(outcome["path"], "Läufe 1.gpx");
    // The bytes as a JSON array, as the window sent them before, are refused by name.
    let err = invoke(&w, "import_log_file", json!({"profileId": ana, "name": "run.gpx", "bytes": [1, 2, 3]})).unwrap_err();
    assert_eq!(err["code"], "internal");
    assert!(err["message"].as_str().unwrap().contains("its bytes as the request's body"), "{err}");
}

#[test]
fn a_clinic_name_of_only_spaces_is_refused_and_nothing_is_saved() {
    let (_app, w) = app();
    assert_eq!(invoke(&w, "set_clinic_name", json!({"name": " Northside Physio "})).unwrap(), "Northside Physio");
    let err = invoke(&w, "set_clinic_name", json!({"name": "   "})).unwrap_err();
    assert_eq!(err["code"], "clinic_name_blank");
    assert!(err["message"].as_str().unwrap().contains("only spaces"), "{err}");
    assert_eq!(invoke(&w, "get_clinic_name", json!({})).unwrap(), "Northside Physio");
}

#[test]
fn the_pdf_report_of_a_plan_is_saved_as_a_pdf_and_not_opened_in_tests() {
    let (_app, w) = app();
    let ana = profile(&w, "Ana");
    let r = invoke(&w, "save_report_pdf", json!({"profileId": ana, "checkId": null})).unwrap();
    let path = r["file"]["path"].as_str().unwrap();
    assert!(path.ends_with(".pdf"), "{r}");
    assert!(std::fs::read(path).unwrap().starts_with(b"%PDF-"));
    assert_eq!(r["opened"], false);
}

/// A chosen file is read and checked before the store is taken: while another command holds the
/// store (a long write), an import still reads its file, and a refused one answers at once.
/// Before, the whole import ran inside the store's lock, on the main thread.
#[test]
fn a_chosen_file_is_read_without_waiting_for_the_store() {
    use std::sync::mpsc;
    use std::time::Duration;
    use tauri::Manager;

    let (app, w) = app();
    let ana = profile(&w, "Ana");
    let (locked, is_locked) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let handle = app.handle().clone();
    let holder = std::thread::spawn(move || {
        let state = handle.state::<crate::AppState>();
        state
            .with_store(|_| {
                locked.send(()).unwrap();
                released.recv().unwrap();
                Ok::<_, soleus::Error>(())
            })
            .unwrap();
    });
    is_locked.recv().unwrap();
    let (answer, answered) = mpsc::channel();
    let window = w.clone();
    let fit = include_bytes!("../../../tests/data/reproducers/fit-m00072-panic.fit").to_vec();
    std::thread::spawn(move || {
        answer.send(invoke_file(&window, "import_log_file", &ana, "watch.fit", fit)).unwrap();
    });
    let reply = answered.recv_timeout(Duration::from_secs(20)).expect("the import answered while the store was busy");
    release.send(()).unwrap();
    holder.join().unwrap();
    let err = reply.unwrap_err();
    assert_eq!(err["code"], "import_unreadable", "{err}");
    assert!(err["message"].as_str().unwrap().starts_with("watch.fit: not a readable FIT file"), "{err}");
}
