//! Past checks through real IPC: listed newest first, a chosen check's plan, delete, and another
//! profile's check refused by name.

use serde_json::{Value, json};

use super::{app, invoke};

/// Saves a check with the warning-sign screen answered "no" (a check is never saved half screened).
fn save(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, profile: &Value, mut findings: Value) -> Value {
    for key in ["chest_symptoms", "foot_cold_pale", "pain_out_of_proportion", "back_pain"] {
        findings[key] = json!(false);
    }
    let args = json!({"profileId": profile["id"], "answers": {"findings": findings, "not_known": [], "examining": false}, "notes": ""});
    invoke(w, "save_check", args).unwrap()["saved"].clone()
}

/// Public case p-001: gradual pain behind the knee, worse downhill; self-care.
fn knee() -> Value {
    json!({"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none", "knee_locking": false})
}

/// Swelling of the whole calf after a long journey: a clot to rule out, urgent.
fn clot() -> Value {
    json!({"swelling": "whole_calf", "recent_immobilisation": true, "onset": "gradual", "chest_symptoms": false,
           "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false})
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array().unwrap().iter().map(|s| s["saved"]["id"].as_i64().unwrap()).collect()
}

#[test]
fn checks_are_listed_newest_first_and_each_gives_its_own_plan() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    assert_eq!(invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap(), json!([]));
    let older = save(&w, &ana, clot());
    // Saved checks are told apart by the second they were saved in.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let newer = save(&w, &ana, knee());

    let list = invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap();
    assert_eq!(ids(&list), vec![newer["id"].as_i64().unwrap(), older["id"].as_i64().unwrap()]);
    assert_eq!(list[1]["saved"], older, "a listed check is the check as saved");

    // The older check's plan is its own (urgent), not the latest's (self-care).
    let plan = invoke(&w, "check_plan", json!({"profileId": ana["id"], "checkId": older["id"]})).unwrap();
    assert_eq!(plan["check_id"], older["id"]);
    assert_eq!(plan["checked_at"], older["created_at"]);
    assert_eq!(plan["triage"], "urgent");
    assert_eq!(plan["plan"]["sections"][0]["kind"], "care");
    let latest = invoke(&w, "latest_plan", json!({"profileId": ana["id"]})).unwrap();
    assert_eq!(latest["check_id"], newer["id"]);
    assert_eq!(latest["triage"], "self_care");
    let same = invoke(&w, "check_plan", json!({"profileId": ana["id"], "checkId": newer["id"]})).unwrap();
    assert_eq!(same, latest, "the chosen latest check's plan is the latest plan");
}

#[test]
fn another_profiles_check_is_refused_by_name_and_stays() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    let ben = invoke(&w, "create_profile", json!({"name": "Ben"})).unwrap();
    let anas = save(&w, &ana, knee());

    let e = invoke(&w, "check_plan", json!({"profileId": ben["id"], "checkId": anas["id"]})).unwrap_err();
    assert_eq!(e["code"], "saved_check_not_found");
    assert!(e["message"].as_str().unwrap().contains(&format!("no saved check {}", anas["id"])), "{e}");
    let e = invoke(&w, "delete_check", json!({"profileId": ben["id"], "id": anas["id"]})).unwrap_err();
    assert_eq!(e["code"], "saved_check_not_found");
    assert_eq!(ids(&invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap()), vec![anas["id"].as_i64().unwrap()]);
    assert_eq!(invoke(&w, "list_checks", json!({"profileId": ben["id"]})).unwrap(), json!([]));
    assert_eq!(invoke(&w, "list_checks", json!({"profileId": 999})).unwrap_err()["code"], "profile_not_found");
}

#[test]
fn a_deleted_check_leaves_the_list_and_its_plan_is_a_named_error() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    let older = save(&w, &ana, clot());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let newer = save(&w, &ana, knee());

    assert_eq!(invoke(&w, "delete_check", json!({"profileId": ana["id"], "id": newer["id"]})).unwrap(), Value::Null);
    let list = invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap();
    assert_eq!(ids(&list), vec![older["id"].as_i64().unwrap()]);
    // The latest plan is now the older check's.
    assert_eq!(invoke(&w, "latest_plan", json!({"profileId": ana["id"]})).unwrap()["check_id"], older["id"]);

    let e = invoke(&w, "check_plan", json!({"profileId": ana["id"], "checkId": newer["id"]})).unwrap_err();
    assert_eq!(e["code"], "saved_check_not_found");
    let e = invoke(&w, "delete_check", json!({"profileId": ana["id"], "id": 12345})).unwrap_err();
    assert_eq!(e["code"], "saved_check_not_found");
    assert!(e["message"].as_str().unwrap().contains("12345"), "{e}");
}
