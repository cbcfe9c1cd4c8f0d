//! The week calendar and the reminders through real IPC: a saved check's week with a run and an
//! exercise ticked, and a reminder time set, refused when it is not a time, and turned off.

use serde_json::{Value, json};

use super::{app, invoke};

/// Public case p-001: gradual pain behind the knee, worse downhill; self-care. The warning-sign
/// screen is answered "no" (a check is never saved half screened).
fn save_check(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, profile: &Value) {
    let findings = json!({"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true,
        "swelling": "none", "knee_locking": false, "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false});
    let args = json!({"profileId": profile["id"], "answers": {"findings": findings, "not_known": [], "examining": false}, "notes": ""});
    invoke(w, "save_check", args).unwrap();
}

#[test]
fn the_week_of_a_saved_check_ticks_today_s_run_and_exercise() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    assert_eq!(invoke(&w, "week_plan", json!({"profileId": ana["id"], "checkId": null})).unwrap(), Value::Null, "no check, no week");
    save_check(&w, &ana);
    let today = chrono::Local::now();
    let started = today.format("%Y-%m-%dT%H:%M:00%:z").to_string();
    invoke(&w, "add_session", json!({"profileId": ana["id"], "startedAt": started, "sport": "running", "distanceM": 5000.0,
        "durationS": 1800.0, "elevationGainM": null})).unwrap();
    let week = invoke(&w, "week_plan", json!({"profileId": ana["id"], "checkId": null})).unwrap();
    let days = week["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    assert_eq!(week["next_week"].as_array().unwrap().len(), 7);
    let day = days.iter().find(|d| d["today"] == true).expect("today is in this week");
    assert_eq!(day["injury"], true, "the check was saved today");
    assert_eq!(day["runs"], json!([{"done": true, "amount": "5.0 km"}]));
    // Tick one of today's planned exercises, or any exercise when none falls today.
    let id = day["exercises"].as_array().unwrap().first().map_or("glute_bridge".to_string(), |e| e["id"].as_str().unwrap().to_string());
    let on = today.date_naive().to_string();
    invoke(&w, "record_exercise_done", json!({"profileId": ana["id"], "exerciseId": id, "doneOn": on, "setsDone": 3})).unwrap();
    let week = invoke(&w, "week_plan", json!({"profileId": ana["id"], "checkId": null})).unwrap();
    let day = week["days"].as_array().unwrap().iter().find(|d| d["today"] == true).unwrap().clone();
    assert!(day["exercises"].as_array().unwrap().iter().any(|e| e["id"] == id.as_str() && e["done"] == true), "{day}");
}

#[test]
fn a_reminder_is_set_refused_when_not_a_time_and_turned_off() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    assert_eq!(invoke(&w, "get_reminders", json!({"profileId": ana["id"]})).unwrap(), json!({}), "off by default");
    let set = invoke(&w, "set_reminder", json!({"profileId": ana["id"], "kind": "morning_pain", "time": "7:30"})).unwrap();
    assert_eq!(set, json!({"morning_pain": "07:30"}));
    let err = invoke(&w, "set_reminder", json!({"profileId": ana["id"], "kind": "morning_pain", "time": "half past"})).unwrap_err();
    assert_eq!(err["code"], "reminder_bad_time");
    assert!(err["message"].as_str().unwrap().contains("half past"), "{err}");
    assert_eq!(invoke(&w, "get_reminders", json!({"profileId": ana["id"]})).unwrap(), json!({"morning_pain": "07:30"}), "nothing saved");
    // Set, due since midnight, no run yesterday: nothing missed.
    invoke(&w, "set_reminder", json!({"profileId": ana["id"], "kind": "morning_pain", "time": "00:00"})).unwrap();
    let off = invoke(&w, "set_reminder", json!({"profileId": ana["id"], "kind": "morning_pain", "time": null})).unwrap();
    assert_eq!(off, json!({}));
}

#[test]
fn a_calf_tear_saved_today_says_do_not_run_until_its_first_48_hours_end() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    // Tennis leg, torn today: a pop on push-off at the inner upper calf.
    let findings = json!({"age": 30, "sex": "male", "location": "upper_calf_medial", "onset": "sudden", "pop": true, "mechanism": "push_off",
        "heel_raise": "painful", "bruising": true, "blood_thinners": false, "numbness_tingling": false, "weakness": false, "days_since_onset": 0,
        "bilateral": false, "recent_immobilisation": false, "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false});
    let args = json!({"profileId": ana["id"], "answers": {"findings": findings, "not_known": [], "examining": false}, "notes": ""});
    invoke(&w, "save_check", args).unwrap();
    let saved = invoke(&w, "latest_plan", json!({"profileId": ana["id"]})).unwrap();
    assert_eq!(saved["plan"]["conditions"][0]["condition"], "gastrocnemius_strain", "{}", saved["plan"]["conditions"]);
    let today = &saved["today"];
    assert_eq!(today["run"], "no", "{today}");
    let ends = chrono::Local::now().date_naive() + chrono::Duration::days(2);
    let until = today["until"].as_str().unwrap();
    assert!(until.contains("First 48 hours") && until.contains(&soleus::log::day(ends)), "{until}");
    let week = invoke(&w, "week_plan", json!({"profileId": ana["id"], "checkId": null})).unwrap();
    assert!(week["runs_note"].as_str().unwrap().starts_with("Don't run today."), "{week}");
}
