//! Scoring a JSON Lines file of clinical cases through the engine, as
//! ../shared/clinical/score_cases.py does from the CLI: top-1, top-3, triage exact and
//! under-triage of emergency and urgent cases.

use serde_json::Value;
use soleus::engine::{assess, Case, Triage};

pub struct Score {
    pub cases: usize,
    pub top1: usize,
    pub top3: usize,
    pub triage_ok: usize,
    pub over: usize,
    pub under_emergency: Vec<String>,
    pub under_urgent: Vec<String>,
    /// Emergency or urgent cases given self-care advice: the worst under-triage.
    pub sent_to_self_care: Vec<String>,
}

impl Score {
    fn pct(&self, x: usize) -> f64 {
        100.0 * x as f64 / self.cases as f64
    }

    /// The summary line, in score_cases.py's words.
    pub fn summary(&self) -> String {
        format!(
            "cases={} top1={:.1}% top3={:.1}% triage={:.1}% under_triaged_emergency={} under_triaged_urgent={} over_triage={}",
            self.cases,
            self.pct(self.top1),
            self.pct(self.top3),
            self.pct(self.triage_ok),
            self.under_emergency.len(),
            self.under_urgent.len(),
            self.over
        )
    }
}

fn triage_of(id: &str) -> Triage {
    Triage::ALL.into_iter().find(|t| t.id() == id).unwrap_or_else(|| panic!("unknown triage {id}"))
}

/// Scores every case of `jsonl`, printing each miss (top-1 or triage).
pub fn score(jsonl: &str) -> Score {
    let cases: Vec<Value> = jsonl.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut s = Score { cases: cases.len(), top1: 0, top3: 0, triage_ok: 0, over: 0, under_emergency: Vec::new(), under_urgent: Vec::new(), sent_to_self_care: Vec::new() };
    for c in &cases {
        let id = c["id"].as_str().unwrap();
        let case = Case::from_value(serde_json::json!({ "findings": c["findings"] })).unwrap_or_else(|e| panic!("{id}: {e}"));
        let a = assess(&case);
        let accept: Vec<&str> = c["expected"]["accept"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let want = triage_of(c["expected"]["triage"].as_str().unwrap());
        let ranked: Vec<&str> = a.differential.iter().map(|r| &*r.condition).collect();
        let hit1 = accept.contains(&ranked[0]);
        s.top1 += usize::from(hit1);
        s.top3 += usize::from(ranked.iter().take(3).any(|r| accept.contains(r)));
        s.triage_ok += usize::from(a.triage == want);
        if a.triage < want {
            if a.triage == Triage::SelfCare && want >= Triage::Urgent {
                s.sent_to_self_care.push(id.to_string());
            }
            match want {
                Triage::Emergency => s.under_emergency.push(id.to_string()),
                Triage::Urgent => s.under_urgent.push(id.to_string()),
                _ => {}
            }
        } else if a.triage > want {
            s.over += 1;
        }
        if !hit1 || a.triage != want {
            println!("{id}: expected {accept:?}/{} got {:?}/{}", want.id(), &ranked[..3.min(ranked.len())], a.triage.id());
        }
    }
    println!("{}", s.summary());
    s
}
