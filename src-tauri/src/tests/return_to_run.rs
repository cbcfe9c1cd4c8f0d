//! The return to running through real IPC: a bad count refused by name with nothing saved, then
//! recorded calf raises moving the runner on to the next stage, and an outcome score.

use serde_json::{Value, json};

use super::{app, invoke};

#[test]
fn recorded_calf_raises_move_the_runner_on_and_a_bad_count_saves_nothing() {
    let (_app, w) = app();
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    let id = ana["id"].clone();
    assert_eq!(invoke(&w, "return_to_run", json!({"profileId": id, "checkId": null})).unwrap(), Value::Null, "no check yet");

    let check = json!({"profileId": id, "notes": "", "answers": {"findings": {"age": 30, "sex": "male", "onset": "sudden", "run_pattern": "sudden_during_run", "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "saddle_numbness_or_bladder": false, "back_pain": false}, "not_known": [], "examining": false}});
    invoke(&w, "save_check", check).unwrap();
    let bad = json!({"profileId": id, "test": {"tested_on": "2026-12-01", "calf_raises_left": -1, "calf_raises_right": 30}});
    let err = invoke(&w, "record_functional_test", bad).unwrap_err();
    assert_eq!(err["code"], "rtr_calf_raises_out_of_range");
    assert!(err["message"].as_str().unwrap().contains("calf raises (left)"), "{err}");
    let before = invoke(&w, "return_to_run", json!({"profileId": id, "checkId": null})).unwrap();
    assert!(before["stages"].as_array().unwrap().iter().all(|s| s["exit"].as_array().unwrap().iter().all(|c| c["verdict"] == "not_tested")), "nothing was saved");

    let walking = json!({"profileId": id, "test": {"tested_on": "2026-12-01", "walk_pain": 0}});
    invoke(&w, "record_functional_test", walking).unwrap();
    let r = invoke(&w, "return_to_run", json!({"profileId": id, "checkId": null})).unwrap();
    assert_eq!(r["stages"][0]["state"], "passed");
    assert_eq!(r["stages"][1]["state"], "current");

    let outcome = invoke(&w, "record_outcome_score", json!({"profileId": id, "score": {"instrument": "lefs", "scored_on": "2026-12-01", "score": 52}})).unwrap();
    assert_eq!(outcome["scores"][0]["score"], 52);
    assert_eq!(outcome["instrument"]["max"], 80);
    let err = invoke(&w, "record_outcome_score", json!({"profileId": id, "score": {"instrument": "lefs", "scored_on": "2026-12-01", "score": 90}})).unwrap_err();
    assert_eq!(err["code"], "rtr_score_out_of_range");
    assert_eq!(invoke(&w, "outcome_scores", json!({"profileId": id})).unwrap()["scores"][0]["score"], 52);
}
