//! What a plan costs, and what drawing every exercise's illustration costs (the app renders them on
//! demand). Targets: plans for all 24 public cases in under 1 ms (measured 0.27 ms, about 4x the
//! cost of assessing them), with their text in under 5 ms (3.2 ms); all 40 illustrations in
//! under 5 ms (1.1 ms), so a screen never waits on them.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use soleus::engine::{assess, Assessment, Case};
use soleus::{exercises, plans};

#[path = "support/public_cases.rs"]
mod public_cases;

fn assessments() -> Vec<Assessment> {
    public_cases::case_texts().iter().map(|t| assess(&Case::from_json(t).expect("valid case"))).collect()
}

fn bench(c: &mut Criterion) {
    let all = assessments();
    let mut g = c.benchmark_group("plans for all 24 public cases");
    g.bench_function("plan", |b| b.iter(|| all.iter().for_each(|a| drop(black_box(plans::plan(black_box(a)))))));
    g.bench_function("plan + text", |b| b.iter(|| all.iter().for_each(|a| drop(black_box(plans::text::render(&plans::plan(a)))))));
    g.finish();
    c.bench_function("render all exercise illustrations", |b| {
        b.iter(|| exercises::library().iter().for_each(|e| drop(black_box(exercises::illustration::render(e)))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
