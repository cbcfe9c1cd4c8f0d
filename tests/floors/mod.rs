//! Floors on a shipped case set's figures (soleus::evaluation), full case or interview: the
//! figures must not fall below where they were measured. Floors, not targets.

use soleus::evaluation::{self, Figures, Mode};

/// The figures of the shipped set `file` (as tests/data/sets.toml names it), scored `mode`.
pub fn figures(file: &str, mode: Mode) -> Figures {
    let set = evaluation::sets().unwrap().iter().find(|s| s.file == file).unwrap_or_else(|| panic!("{file} is not in tests/data/sets.toml"));
    let f = evaluation::score(&evaluation::cases(set).unwrap(), mode).unwrap_or_else(|(id, e)| panic!("{file} {id}: {e}"));
    println!("{file}: {}", f.summary(mode));
    f
}

/// Fails when top-1, top-3 or triage (percent) falls below its floor, or more than
/// `max_under` emergency and urgent cases are triaged lower.
pub fn assert_floors(what: &str, f: &Figures, (top1, top3, triage): (f64, f64, f64), max_under: usize) {
    for (name, got, floor) in [("top-1", f.top1, top1), ("top-3", f.top3, top3), ("triage", f.triage_exact, triage)] {
        assert!(f.percent(got) >= floor, "{what}: {name} fell to {:.1}% (floor {floor}%)", f.percent(got));
    }
    assert!(f.under_triaged() <= max_under, "{what}: under-triaged {:?} {:?} (at most {max_under})", f.under_emergency, f.under_urgent);
}
