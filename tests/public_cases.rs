//! Every public development case through the engine: prints top-1, top-3, triage accuracy and
//! under-triage (as ../shared/clinical/score_cases.py does from the CLI). Safety is a gate: an
//! emergency case triaged lower fails the test. The accuracy targets are reported, not asserted.

use serde_json::Value;
use soleus::engine::{assess, Case, Triage};

fn triage_of(id: &str) -> Triage {
    Triage::ALL.into_iter().find(|t| t.id() == id).unwrap_or_else(|| panic!("unknown triage {id}"))
}

#[test]
fn public_cases_score_and_no_emergency_is_under_triaged() {
    let cases: Vec<Value> = include_str!("data/public_cases.jsonl").lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(cases.len() >= 20);
    let (mut top1, mut top3, mut triage_ok) = (0, 0, 0);
    let (mut under_emergency, mut under_urgent, mut over) = (Vec::new(), Vec::new(), 0);
    for c in &cases {
        let id = c["id"].as_str().unwrap();
        let case = Case::from_value(serde_json::json!({ "findings": c["findings"] })).unwrap_or_else(|e| panic!("{id}: {e}"));
        let a = assess(&case);
        let accept: Vec<&str> = c["expected"]["accept"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let want = triage_of(c["expected"]["triage"].as_str().unwrap());
        let ranked: Vec<&str> = a.differential.iter().map(|r| r.condition.as_str()).collect();
        let hit1 = accept.contains(&ranked[0]);
        top1 += usize::from(hit1);
        top3 += usize::from(ranked.iter().take(3).any(|r| accept.contains(r)));
        triage_ok += usize::from(a.triage == want);
        if a.triage < want {
            match want {
                Triage::Emergency => under_emergency.push(id),
                Triage::Urgent => under_urgent.push(id),
                _ => {}
            }
        } else if a.triage > want {
            over += 1;
        }
        if !hit1 || a.triage != want {
            println!("{id}: expected {accept:?}/{} got {:?}/{}", want.id(), &ranked[..3.min(ranked.len())], a.triage.id());
        }
    }
    let n = cases.len() as f64;
    let pct = |x: usize| 100.0 * x as f64 / n;
    println!(
        "cases={} top1={:.1}% top3={:.1}% triage={:.1}% under_triaged_emergency={} under_triaged_urgent={} over_triage={over}",
        cases.len(), pct(top1), pct(top3), pct(triage_ok), under_emergency.len(), under_urgent.len()
    );
    println!("targets (reported, not asserted): top1 >= 85%, top3 >= 97%, triage >= 90%, no urgent case triaged lower");
    assert!(under_emergency.is_empty(), "emergency cases triaged lower: {under_emergency:?}");
}
