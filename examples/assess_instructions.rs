//! The benchmark's two workloads as a plain program, for instruction counts that do not depend
//! on the machine's load: run it under `valgrind --tool=callgrind` at two repetition counts and
//! divide the difference by the extra cases, which cancels start-up (knowledge, reading cases):
//!
//! ```sh
//! cargo build --release --example assess_instructions
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/assess_instructions assess 100
//! ```
//! (`validate` or `assess`, then the number of passes over the 24 public cases.)
//! `scripts/assess-cost.sh` does both and prints the instructions per case and the ratio.

use std::hint::black_box;

use soleus::engine::{assess, Case};

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let passes: usize = args.next().and_then(|n| n.parse().ok()).expect("usage: assess_instructions validate|assess PASSES");
    // The same inputs as benches/assess.rs: each public case's findings alone.
    let texts: Vec<String> = include_str!("../tests/data/public_cases.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("public case is JSON");
            serde_json::json!({ "findings": v["findings"] }).to_string()
        })
        .collect();
    let parsed: Vec<Case> = texts.iter().map(|t| Case::from_json(t).expect("public case is valid")).collect();
    // Warm-up: the knowledge base and the per-thread scratch are built outside the passes.
    black_box(assess(&parsed[0]));
    for _ in 0..passes {
        match mode.as_str() {
            "validate" => texts.iter().for_each(|t| drop(black_box(Case::from_json(black_box(t)).ok()))),
            "assess" => parsed.iter().for_each(|c| drop(black_box(assess(black_box(c))))),
            _ => panic!("mode is validate or assess"),
        }
    }
}
