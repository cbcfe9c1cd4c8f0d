//! The Check commands through real IPC: questions, assessment, the examination switch, errors
//! named by the engine, and a saved check read back.

use serde_json::{Value, json};

use super::{app, invoke};

fn answers(findings: Value, not_known: &[&str], examining: bool) -> Value {
    json!({"answers": {"findings": findings, "not_known": not_known, "examining": examining}, "notes": ""})
}

/// Swelling of the whole calf after a long journey, with the screening red flags answered no.
fn dvt_like() -> Value {
    json!({"swelling": "whole_calf", "recent_immobilisation": true, "onset": "gradual", "chest_symptoms": false,
           "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false})
}

#[test]
fn the_questions_carry_wording_labels_ranges_and_the_clinician_flag() {
    let (_app, w) = app();
    let q = invoke(&w, "check_questions", json!({})).unwrap();
    let all = q["questions"].as_array().unwrap();
    let find = |k: &str| all.iter().find(|f| f["key"] == k).unwrap_or_else(|| panic!("{k} missing"));
    let loc = find("location");
    assert_eq!(loc["type"], "enum");
    assert_eq!(loc["values"].as_array().unwrap().len(), loc["labels"].as_array().unwrap().len());
    assert_eq!(loc["labels"][0], "Behind the knee");
    assert_eq!(find("age")["min"], 5);
    assert_eq!(find("age")["max"], 110);
    assert_eq!(find("thompson_test")["clinician"], true);
    assert_eq!(find("chest_symptoms")["red_flag"], true);
}

#[test]
fn a_runner_alone_is_never_asked_an_examination_test_and_a_physio_is() {
    let (_app, w) = app();
    let clinician: Vec<String> = invoke(&w, "check_questions", json!({})).unwrap()["questions"]
        .as_array().unwrap().iter().filter(|f| f["clinician"] == true).map(|f| f["key"].as_str().unwrap().to_string()).collect();
    let next = |a: &Value| a["result"]["assessment"]["next_questions"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect::<Vec<_>>();
    // Pain behind the knee, the history taken (who the person is comes first, so the examination
    // tests follow it): a physio is offered the knee's tests, a runner alone never.
    let knee = json!({"age": 40, "sex": "male", "location": "behind_knee", "onset": "gradual", "days_since_onset": 30, "bilateral": false,
                      "numbness_tingling": false, "weakness": false, "recent_immobilisation": false, "chest_symptoms": false, "foot_cold_pale": false,
                      "pain_out_of_proportion": false, "back_pain": false});
    let alone = invoke(&w, "assess_check", answers(knee.clone(), &[], false)).unwrap();
    assert!(!next(&alone).is_empty());
    assert!(next(&alone).iter().all(|k| !clinician.contains(k)), "{:?}", next(&alone));
    let examining = invoke(&w, "assess_check", answers(knee, &[], true)).unwrap();
    assert!(next(&examining).iter().any(|k| clinician.contains(k)), "{:?}", next(&examining));
    let examined = invoke(&w, "assess_check", answers(dvt_like(), &[], true)).unwrap();
    assert_eq!(examined["result"]["assessment"]["triage"], "urgent");
    // "Not sure" is never asked again.
    let first = next(&examined)[0].clone();
    let after = invoke(&w, "assess_check", answers(dvt_like(), &[&first], true)).unwrap();
    assert!(!next(&after).contains(&first));
}

#[test]
fn a_bad_answer_comes_back_as_the_engines_named_error() {
    let (_app, w) = app();
    let e = invoke(&w, "assess_check", answers(json!({"pop": "yes"}), &[], false)).unwrap_err();
    assert_eq!(e["code"], "invalid_value");
    assert!(e["message"].as_str().unwrap().contains("`pop`"), "{e}");
    let e = invoke(&w, "assess_check", answers(json!({"age": 200}), &[], false)).unwrap_err();
    assert!(e["message"].as_str().unwrap().contains("from 5 to 110"), "{e}");
    let e = invoke(&w, "assess_check", answers(json!({}), &["thomson_test"], true)).unwrap_err();
    assert_eq!(e["code"], "unknown_finding");
    assert!(e["message"].as_str().unwrap().contains("`thompson_test`"), "a near miss gets a hint: {e}");
}

#[test]
fn a_saved_check_is_listed_for_its_profile_only_and_nothing_is_saved_on_bad_input() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    let ben = invoke(&w, "create_profile", json!({"name": "Ben"})).unwrap();
    assert_eq!(invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap(), json!([]));

    let mut bad = answers(json!({"heel_raise": "sometimes"}), &[], false);
    bad["profileId"] = ana["id"].clone();
    assert_eq!(invoke(&w, "save_check", bad).unwrap_err()["code"], "invalid_value");
    assert_eq!(invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap(), json!([]));

    let mut args = answers(dvt_like(), &["location"], false);
    args["profileId"] = ana["id"].clone();
    let check = invoke(&w, "save_check", args).unwrap();
    assert_eq!(check["saved"]["result"]["triage"], "urgent");
    let listed = invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap()[0].clone();
    assert_eq!(listed, check);
    let latest = &listed["saved"];
    assert_eq!(latest["case"]["findings"]["swelling"], "whole_calf");
    assert!(latest["case"]["not_known"].as_array().unwrap().contains(&json!("location")));
    let step = invoke(&w, "assess_check", answers(dvt_like(), &["location"], false)).unwrap();
    assert_eq!(latest["result"], step["result"]["assessment"]);
    // Read back worded as the check words it, with its answers in words.
    assert_eq!(listed["view"]["chances"], step["result"]["chances"]);
    let rows = listed["answers"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["key"] == "swelling" && r["group"] == "history" && !r["answer"].as_str().unwrap().contains('_')), "{rows:?}");
    assert_eq!(invoke(&w, "list_checks", json!({"profileId": ben["id"]})).unwrap(), json!([]), "per profile");

    let e = invoke(&w, "list_checks", json!({"profileId": 999})).unwrap_err();
    assert_eq!(e["code"], "profile_not_found");
}

#[test]
fn a_step_words_the_chances_and_an_emergency_ends_the_interview() {
    let (_app, w) = app();
    let step = invoke(&w, "assess_check", answers(dvt_like(), &[], false)).unwrap();
    assert_eq!(step["stage"], "asking");
    assert_eq!(step["warning_signs_open"], json!([]));
    let top = &step["result"]["chances"][0];
    assert!(["very_likely", "likely", "possible", "less_likely"].contains(&top["band"].as_str().unwrap()), "{top}");
    assert!(top["figure"].as_str().unwrap().contains('%'), "{top}");
    // A clot on the list: the Wells card, incomplete for a runner who cannot examine.
    assert_eq!(step["result"]["wells"]["state"], "incomplete");

    let sos = invoke(&w, "assess_check", answers(json!({"chest_symptoms": true}), &[], false)).unwrap();
    assert_eq!(sos["stage"], "emergency");
    assert_eq!(sos["next_question"], Value::Null);
    assert!(sos["emergency"]["call"].as_str().unwrap().contains("112"), "{sos}");
}

#[test]
fn notes_are_saved_with_a_check_changed_later_and_refused_over_the_limit() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    let mut args = answers(dvt_like(), &[], true);
    args["profileId"] = ana["id"].clone();
    args["notes"] = json!("x".repeat(4001));
    let e = invoke(&w, "save_check", args.clone()).unwrap_err();
    assert_eq!(e["code"], "check_notes_too_long");
    assert!(e["message"].as_str().unwrap().contains("at most 4000 characters"), "{e}");
    assert_eq!(invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap(), json!([]), "nothing saved");

    args["notes"] = json!("Calf 3.5 cm larger; tender along the deep veins.");
    let saved = invoke(&w, "save_check", args).unwrap()["saved"].clone();
    assert_eq!(saved["notes"], "Calf 3.5 cm larger; tender along the deep veins.");
    let changed = invoke(&w, "set_check_notes", json!({"profileId": ana["id"], "id": saved["id"], "notes": "Sent for a scan."})).unwrap();
    assert_eq!(changed["saved"]["notes"], "Sent for a scan.");
    let e = invoke(&w, "set_check_notes", json!({"profileId": ana["id"], "id": saved["id"], "notes": "y".repeat(4001)})).unwrap_err();
    assert_eq!(e["code"], "check_notes_too_long");
    assert_eq!(invoke(&w, "list_checks", json!({"profileId": ana["id"]})).unwrap()[0]["saved"]["notes"], "Sent for a scan.");

    // A half-answered warning-sign screen is never saved as a result.
    let mut half = answers(json!({"knot": true}), &[], false);
    half["profileId"] = ana["id"].clone();
    assert_eq!(invoke(&w, "save_check", half).unwrap_err()["code"], "check_warning_signs_open");
}
