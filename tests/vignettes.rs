//! The independent validation set (tests/data/vignettes.jsonl): vignettes written from textbooks,
//! guidelines and reviews rather than from the public cases, covering every condition and every
//! red-flag route. Prints the same figures as the public cases; fails on any emergency or
//! urgent vignette triaged lower, because a validation set that only reports safety misses
//! would let them creep back. The accuracy figures are reported, not asserted.

mod common;

use std::collections::BTreeMap;

#[test]
fn vignettes_score_and_no_emergency_or_urgent_is_under_triaged() {
    let text = include_str!("data/vignettes.jsonl");
    let s = common::score(text);
    assert!(s.cases >= 80, "the validation set holds {} vignettes, want at least 80", s.cases);
    let mut per_condition = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        *per_condition.entry(v["expected"]["condition"].as_str().unwrap().to_string()).or_insert(0) += 1;
    }
    let conditions = soleus::engine::knowledge::get().conditions();
    for c in conditions {
        let n = per_condition.get(c.id.as_str()).copied().unwrap_or(0);
        assert!(n >= 3, "{} has {n} vignettes, want at least 3", c.id);
    }
    assert!(s.under_emergency.is_empty(), "emergency vignettes triaged lower: {:?}", s.under_emergency);
    assert!(s.under_urgent.is_empty(), "urgent vignettes triaged lower: {:?}", s.under_urgent);
}
