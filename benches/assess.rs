//! Assessing a case must cost at most twice parsing and validating it: the engine's work (the
//! differential, safety, the triage, the reasons and the next questions) is measured against
//! `Case::from_json` on the same public cases. The second group is what `soleus assess --batch`
//! and `soleus validate --batch` do per line, output included (written to memory): the in-process
//! form of `make bench`'s engine figure (target: assess at most 2x validate).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use soleus::cli::assess_json::Sorted;
use soleus::engine::{assess, Case};

#[path = "support/public_cases.rs"]
mod public_cases;

fn bench(c: &mut Criterion) {
    let texts = public_cases::case_texts();
    let parsed: Vec<Case> = texts.iter().map(|t| Case::from_json(t).expect("public case is valid")).collect();
    let mut g = c.benchmark_group("all 24 public cases");
    g.bench_function("validate (parse + check)", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(Case::from_json(black_box(t)).ok());
            }
        })
    });
    g.bench_function("assess", |b| {
        b.iter(|| {
            for case in &parsed {
                black_box(assess(black_box(case)));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("all 24 public cases, read and written as JSON Lines");
    let mut out = Vec::with_capacity(1 << 20);
    g.bench_function("validate --batch", |b| {
        b.iter(|| {
            out.clear();
            for t in &texts {
                let case = Case::from_json(black_box(t)).expect("valid");
                serde_json::to_writer(&mut out, &case.to_json()).unwrap();
                out.push(b'\n');
            }
            black_box(out.len())
        })
    });
    g.bench_function("assess --batch", |b| {
        b.iter(|| {
            out.clear();
            for t in &texts {
                let case = Case::from_json(black_box(t)).expect("valid");
                Sorted::new(&assess(&case), case.id.as_deref()).write(&mut out, false).unwrap();
            }
            black_box(out.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
