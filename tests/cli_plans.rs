//! `soleus exercises` and `soleus plan` from the outside: output, named errors, exit codes.

use std::process::Output;

mod cli_support;
use cli_support::soleus;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn exercises_lists_the_library_as_text_and_json() {
    let o = soleus(&["exercises"], "");
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), soleus::exercises::library().len());
    let o = soleus(&["exercises", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), soleus::exercises::library().len());
}

#[test]
fn exercises_show_prints_the_prescription_json_or_svg() {
    let o = soleus(&["exercises", "show", "heavy_slow_calf_raise"], "");
    let t = stdout(&o);
    assert!(t.contains("Prescription: 3 sets x 15 reps each side, rest 120 s, 3x a week"), "{t}");
    assert!(t.contains("Sources:\n  1. Beyer R, Kongsgaard M"), "{t}");
    let o = soleus(&["exercises", "show", "heavy_slow_calf_raise", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["prescription"]["times_per_week"], 3);
    let o = soleus(&["exercises", "show", "heavy_slow_calf_raise", "--svg"], "");
    assert!(roxmltree::Document::parse(stdout(&o).trim()).is_ok());
}

#[test]
fn an_unknown_exercise_is_a_named_error_with_exit_2() {
    let o = soleus(&["exercises", "show", "moonwalk"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("\"moonwalk\""));
}

#[test]
fn plan_tweak_prints_the_recurrence_protocol() {
    let o = soleus(&["plan", "--tweak", "--format", "text"], "");
    assert!(o.status.success());
    let t = stdout(&o);
    assert!(t.starts_with("Plan for a recurring calf tweak"));
    assert!(t.contains("Day 3: ") && t.contains("Day 7: "));
    let o = soleus(&["plan", "--tweak"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["sections"].as_array().unwrap().len(), 8);
}

#[test]
fn plan_from_an_assessment_and_bad_input() {
    let a = r#"{"triage":"self_care","triage_advice":"x","red_flags":[],"differential":[{"condition":"calf_overload","name":"Calf overload","probability":0.7,"why":[]}],"next_questions":[],"disclaimer":"d","engine_version":"t"}"#;
    let o = soleus(&["plan", "--assessment"], a);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["conditions"][0]["condition"], "calf_overload");
    let o = soleus(&["plan", "--assessment"], "{not json");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not an assessment"));
}

#[test]
fn plan_reads_a_case_like_assess_and_names_bad_input() {
    let case = r#"{"findings": {"onset": "sudden", "pop": true, "palpable_gap": true, "heel_raise": "unable", "mechanism": "push_off"}}"#;
    let o = soleus(&["plan"], case);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["sections"][0]["kind"], "care", "a suspected rupture puts care first");
    assert_eq!(v["conditions"][0]["condition"], "achilles_rupture");
    let o = soleus(&["plan", "--format", "text"], case);
    assert!(stdout(&o).starts_with("If this is: Achilles tendon rupture"));
    let o = soleus(&["plan"], r#"{"findings": {"onset": "sometimes"}}"#);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("onset"));
    assert!(stdout(&o).is_empty(), "nothing printed on bad input");
}
