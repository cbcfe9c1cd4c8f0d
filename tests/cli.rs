//! `soleus assess` and `soleus validate` as a script or a clinician uses them.

mod cli_support;
use cli_support::soleus;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn assess_prints_the_contract_fields() {
    let out = soleus(&["assess"], r#"{"findings": {"onset": "sudden", "pop": true, "kicked_sensation": true, "palpable_gap": true, "location": "achilles"}}"#);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["triage"], "urgent");
    assert_eq!(v["differential"][0]["condition"], "achilles_rupture");
    assert!(v["differential"][0]["probability"].as_f64().unwrap() > 0.5);
    assert!(!v["differential"][0]["why"].as_array().unwrap().is_empty());
    assert_eq!(v["red_flags"][0]["id"], "achilles_rupture_signs");
    assert!(v["red_flags"][0]["message"].as_str().unwrap().contains("Achilles"));
    assert!(v["next_questions"].is_array());
    assert!(v["disclaimer"].as_str().unwrap().contains("not a diagnosis"));
    assert!(v.get("wells_score").is_none(), "no Wells item known");
}

#[test]
fn assess_batch_reads_and_writes_json_lines() {
    let input = "{\"id\": \"a\", \"findings\": {\"location\": \"inner_shin\"}}\n\n{\"findings\": {\"previous_dvt\": true}}\n";
    let out = soleus(&["assess", "--batch"], input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["wells_score"], 1);
}

#[test]
fn assess_text_is_readable_and_carries_the_disclaimer() {
    let out = soleus(&["assess", "--format", "text"], r#"{"findings": {"chest_symptoms": true}}"#);
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(s.contains("Call emergency services"), "{s}");
    assert!(s.contains("Likely causes:") && s.contains("not a diagnosis"), "{s}");
}

#[test]
fn validate_prints_the_case_normalised() {
    let out = soleus(&["validate", "--batch"], "{\"findings\": {\"pop\": true, \"age\": 30}}\n");
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).trim(), r#"{"findings":{"age":30,"pop":true}}"#);
}

#[test]
fn questions_not_answerable_are_not_suggested_again() {
    // A DVT rule half met (a risk factor) asks for the clot signs first; a runner alone cannot
    // measure the calf or test for pitting, and a question already answered "don't know" is done.
    let case = r#"{"findings": {"recent_immobilisation": true, "onset": "sudden"}, "not_known": ["chest_symptoms"]}"#;
    let questions = |args: &[&str]| -> Vec<String> {
        let out = soleus(args, case);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["next_questions"].as_array().unwrap().iter().map(|q| q.as_str().unwrap().to_string()).collect()
    };
    let physio = questions(&["assess"]);
    assert!(!physio.contains(&"chest_symptoms".to_string()), "{physio:?}");
    assert!(physio.contains(&"pitting_oedema".to_string()), "{physio:?}");
    let runner = questions(&["assess", "--no-examination"]);
    assert!(!runner.is_empty());
    let kb = soleus::engine::knowledge::get();
    for q in &runner {
        assert!(!kb.finding(q).unwrap().clinician, "a runner alone was asked {q}");
    }
    let out = soleus(&["validate"], case);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["not_known"], serde_json::json!(["chest_symptoms"]));
}

#[test]
fn bad_input_exits_2_with_nothing_on_stdout_and_names_the_key() {
    for (args, input, needle) in [
        (&["assess"][..], r#"{"findings": {"pain_level": 7}}"#, "pain_level"),
        (&["assess"][..], r#"{"findings": {"location": "foot"}}"#, "location"),
        (&["assess"][..], r#"{"findings": {"age": "forty"}}"#, "age"),
        (&["assess"][..], r#"{"findings": {"pop": true"#, "invalid JSON"),
        (&["assess"][..], "", "invalid JSON"),
        (&["validate"][..], r#"{"findings": {"relief_minutes": -5}}"#, "relief_minutes"),
        (&["assess"][..], r#"{"findings": {}, "not_known": ["thomson_test"]}"#, "thomson_test"),
        (&["assess"][..], r#"{"findings": {}, "not_known": "age"}"#, "not_known"),
        (&["assess", "--batch"][..], "{\"findings\": {}}\n{\"findings\": {\"swelling\": \"huge\"}}\n", "line 2"),
    ] {
        let out = soleus(args, input);
        assert_eq!(out.status.code(), Some(2), "{args:?} {input}");
        assert!(out.stdout.is_empty(), "{args:?} {input}: stdout {}", text(&out.stdout));
        let err = text(&out.stderr);
        assert!(err.contains(needle), "{args:?} {input}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_cli_quietly() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_soleus"))
        .args(["assess", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader closes before the CLI has anything to print (it is still waiting for input),
    // as `soleus ... | head` does once it has its lines.
    drop(child.stdout.take());
    let case = "{\"findings\": {\"onset\": \"sudden\"}}\n".repeat(50);
    // The CLI may already be gone when the input arrives; that is not what is under test.
    let _ = child.stdin.take().unwrap().write_all(case.as_bytes());
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "a closed pipe made the CLI panic: {stderr}");
    assert_ne!(out.status.code(), Some(101), "exit code of a panic");
}
