//! The text plan for a handful of the public cases, end to end (case -> assess -> plan -> text),
//! as snapshots. Each was read as a runner would read it before it was accepted; a change in the
//! engine's ranking or in the plan knowledge shows up here for review (`cargo insta review`, or
//! INSTA_UPDATE=always then read the diff).

use soleus::engine::{self, Case};
use soleus::plans::{self, text};

/// Gastrocnemius tear (clinician), acute compartment syndrome (emergency), Achilles rupture
/// (urgent), Achilles tendinopathy (self-care), tibial bone stress (clinician), DVT (urgent).
const CASES: [&str; 6] = ["p-003", "p-006", "p-008", "p-010", "p-018", "p-021"];

fn case(id: &str) -> Case {
    let line = include_str!("data/public_cases.jsonl")
        .lines()
        .find(|l| l.contains(&format!("\"id\": \"{id}\"")))
        .unwrap_or_else(|| panic!("no public case {id}"));
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    let only = serde_json::json!({ "id": id, "findings": v["findings"] });
    Case::from_json(&only.to_string()).unwrap()
}

#[test]
fn text_plans_of_public_cases() {
    for id in CASES {
        let plan = plans::plan(&engine::assess(&case(id)));
        insta::assert_snapshot!(format!("plan_{id}"), text::render(&plan));
    }
}
