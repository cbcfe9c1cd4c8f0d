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

/// Every key and value of the vocabulary (version 2: course, self_care_tried, front_shin,
/// weakness_progressing, knee_locked, blood_thinners, pulses_reduced_at_rest) is accepted, and
/// `not_known` may name every finding key.
#[test]
fn every_vocabulary_key_and_value_is_accepted() {
    let vocab: serde_json::Value = serde_json::from_str(include_str!("../knowledge/vocabulary.json")).unwrap();
    assert_eq!(vocab["version"], 2);
    let findings = vocab["findings"].as_object().unwrap();
    let mut cases = Vec::new();
    for (key, f) in findings {
        let values: Vec<serde_json::Value> = match f["type"].as_str().unwrap() {
            "bool" => vec![true.into(), false.into()],
            "enum" => f["values"].as_array().unwrap().clone(),
            _ => f["range"].as_array().unwrap().clone(),
        };
        cases.extend(values.into_iter().map(|v| serde_json::json!({ "findings": { key.as_str(): v } })));
    }
    cases.push(serde_json::json!({ "findings": {}, "not_known": findings.keys().collect::<Vec<_>>() }));
    let input: String = cases.iter().map(|c| format!("{c}\n")).collect();
    let out = soleus(&["assess", "--batch"], &input);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), cases.len());
    for key in ["course", "self_care_tried", "weakness_progressing", "knee_locked", "blood_thinners", "pulses_reduced_at_rest"] {
        assert!(findings.contains_key(key), "{key}");
    }
}

#[test]
fn a_version_2_key_or_value_misspelt_is_refused_by_name() {
    for (input, needle) in [
        (r#"{"findings": {"course": "better"}}"#, "course"),
        (r#"{"findings": {"location": "front"}}"#, "location"),
        (r#"{"findings": {"knee_locked": "yes"}}"#, "knee_locked"),
        (r#"{"findings": {"blood_thinner": true}}"#, "blood_thinner"),
        // A value where a finding key belongs, and a key that does not exist.
        (r#"{"findings": {}, "not_known": ["front_shin"]}"#, "front_shin"),
        (r#"{"findings": {}, "not_known": ["course", "pulses_reduced"]}"#, "pulses_reduced"),
    ] {
        let out = soleus(&["assess"], input);
        assert_eq!(out.status.code(), Some(2), "{input}");
        assert!(out.stdout.is_empty(), "{input}: stdout {}", text(&out.stdout));
        assert!(text(&out.stderr).contains(needle), "{input}: {}", text(&out.stderr));
    }
}
