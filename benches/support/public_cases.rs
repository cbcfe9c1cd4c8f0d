//! The public cases as the engine reads them (their findings only, as JSON text), shared by
//! benches/assess.rs and benches/plans.rs.

/// One JSON case a line of tests/data/public_cases.jsonl, its findings kept.
pub fn case_texts() -> Vec<String> {
    include_str!("../../tests/data/public_cases.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("public case is JSON");
            serde_json::json!({ "findings": v["findings"] }).to_string()
        })
        .collect()
}
