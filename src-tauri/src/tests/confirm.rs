//! A clinician confirms the cause on a saved check through real IPC: who examined is kept from the
//! save, a blank name is refused by name with nothing changed, and the check's plan then reads as
//! the confirmed cause; the recurrence protocol's Today card.

use serde_json::{Value, json};

use super::{app, invoke};

fn knee() -> Value {
    json!({"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none",
           "knee_locking": false, "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false})
}

#[test]
fn a_physio_confirms_the_cause_and_the_plan_title_follows() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    let args = json!({"profileId": ana["id"], "answers": {"findings": knee(), "not_known": [], "examining": true}, "notes": "", "examinedBy": " Sam Lee "});
    let saved = invoke(&w, "save_check", args).unwrap();
    assert_eq!(saved["examined_by"], "Sam Lee");
    let id = saved["saved"]["id"].clone();
    let plan = invoke(&w, "check_plan", json!({"profileId": ana["id"], "checkId": id})).unwrap();
    assert!(plan["plan"]["title"].as_str().unwrap().starts_with("If this is: "), "{}", plan["plan"]["title"]);

    let causes = invoke(&w, "check_causes", json!({})).unwrap();
    let causes = causes.as_array().unwrap();
    assert_eq!(causes.len(), 19);
    let strain = causes.iter().find(|c| c["condition"] == "gastrocnemius_strain").unwrap();

    let blank = invoke(&w, "confirm_check", json!({"profileId": ana["id"], "id": id, "condition": "gastrocnemius_strain", "by": "   "})).unwrap_err();
    assert_eq!(blank["code"], "examiner_name_blank");
    assert!(blank["message"].as_str().unwrap().contains("only spaces"));
    let list = invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap();
    assert!(list[0].get("confirmed").is_none(), "nothing saved");

    let confirmed = invoke(&w, "confirm_check", json!({"profileId": ana["id"], "id": id, "condition": "gastrocnemius_strain", "by": "Jo Park"})).unwrap();
    assert_eq!(confirmed["confirmed"]["name"], strain["name"]);
    assert_eq!(confirmed["confirmed"]["by"], "Jo Park");
    assert_eq!(confirmed["examined_by"], "Sam Lee", "who examined is kept");
    let plan = invoke(&w, "check_plan", json!({"profileId": ana["id"], "checkId": id})).unwrap();
    let title = plan["plan"]["title"].as_str().unwrap();
    assert!(title.starts_with(&format!("{}: confirmed by Jo Park on ", strain["name"].as_str().unwrap())), "{title}");
    assert_eq!(plan["top_cause"], strain["name"]);
    assert!(plan.get("top_chance").is_none(), "a confirmed cause is not worded as a chance");
    assert_eq!(plan["plan"]["confirmed"]["by"], "Jo Park");

    // Another profile cannot confirm Ana's check.
    let ben = invoke(&w, "create_profile", json!({"name": "Ben"})).unwrap();
    let e = invoke(&w, "confirm_check", json!({"profileId": ben["id"], "id": id, "condition": "dvt", "by": "Jo Park"})).unwrap_err();
    assert_eq!(e["code"], "saved_check_not_found");
}

#[test]
fn the_recurrence_protocol_has_a_today_card() {
    let (_app, w) = app();
    let today = invoke(&w, "tweak_today", json!({})).unwrap();
    assert_eq!(today["run"], "no");
    assert!(today["headline"].as_str().unwrap().starts_with("Don't run today"));
    assert!(today["until"].as_str().unwrap().starts_with("Until"));
}
