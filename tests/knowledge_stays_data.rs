//! Medical knowledge is data: a threshold or a sentence of `knowledge/` copied into code would
//! silently disagree with the file the day a source changes it. This test reads the code as text
//! (Rust outside the modules that load knowledge, and the UI outside the generated bindings) and
//! fails on:
//! - a pain threshold written as a score out of 10 (`3/10`, `5/10`);
//! - a figure of `knowledge/training_load.toml` (a hazard ratio) written as a literal;
//! - any sentence of a knowledge file, or a long piece of one, written into code;
//! - care advice (who to see, how soon) written in code rather than read from knowledge: a line
//!   of code (not a comment) naming a doctor, a physiotherapist or an emergency department.
//!
//! Test code is not read (it may state the figures it checks). Each exception is in [`ALLOWED`]
//! with the reason it is not knowledge.

use std::fs;
use std::path::{Path, PathBuf};

/// (file, the text allowed there, why).
const ALLOWED: &[(&str, &str, &str)] = &[
    ("src/export/report/chart.rs", "<title>{} {}/10 {}</title>", "formats a logged score as 'n/10'; not a threshold"),
    ("src/log/review/pain_monitoring.rs", "during 3/10, right after 4/10", "a doc comment's example of the line's format; not a threshold"),
    ("src/return_to_run/progress.rs", "at most {n}/10", "formats a criterion's bound read from knowledge/return_to_run.toml; not a threshold"),
    // The app's own copy about who uses it: a physio as a user of Soleus, not advice to see one.
    ("ui/src/components/log/ShareSection.svelte", "Report for your physio (PDF)", "names a button's audience, not advice"),
    ("ui/src/components/check/StartCheck.svelte", "A physio is examining", "who is answering the check, not advice"),
    ("ui/src/lib/accuracy.ts", "with a physio examining", "describes a benchmark mode, not advice"),
    ("ui/src/screens/ProfileSetup.svelte", "a check that reasons like a physiotherapist", "what the app is, not advice"),
    ("ui/src/screens/ProfileSetup.svelte", "A physio can add one profile per person", "how the app is used, not advice"),
    ("ui/src/components/accuracy/AccuracyPage.svelte", "a doctor today, or emergency care", "describes what the accuracy figures measure; not advice"),
];

/// Words that make a line of code care advice.
const CARE_WORDS: [&str; 4] = ["doctor", "physiotherapist", "physio ", "emergency department"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            // Test modules and the UI's dependencies are not the product's code.
            if !["tests", "node_modules"].contains(&name.as_str()) {
                files(&path, exts, out);
            }
        } else if exts.iter().any(|e| name.ends_with(e)) {
            out.push(path);
        }
    }
}

/// The code that ships, as (path relative to the root, text): Rust without its test modules, the
/// UI without its tests and without the generated bindings (which carry the knowledge on purpose).
fn shipped_code() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    files(&root().join("src"), &[".rs"], &mut paths);
    files(&root().join("src-tauri/src"), &[".rs"], &mut paths);
    files(&root().join("ui/src"), &[".ts", ".svelte"], &mut paths);
    paths
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            let is_test = rel.ends_with("/tests.rs") || rel.ends_with(".test.ts") || rel.ends_with("ui/src/lib/bindings.ts");
            if is_test {
                return None;
            }
            let text = fs::read_to_string(&p).unwrap();
            // Rust test modules sit at the end of their file, after `#[cfg(test)]` (or
            // `#[cfg(all(test, unix))]`).
            let code: Vec<&str> = text.lines().take_while(|l| !(l.starts_with("#[cfg(") && l.contains("test"))).collect();
            Some((rel, code.join("\n")))
        })
        .collect()
}

fn allowed(file: &str, line: &str) -> bool {
    ALLOWED.iter().any(|(f, text, _)| *f == file && line.contains(text))
}

/// The string values of a TOML document, at any depth.
fn strings(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Every sentence of the knowledge files: the pieces of 40 characters or more between `{name}`s.
fn knowledge_sentences() -> Vec<String> {
    let mut paths = Vec::new();
    files(&root().join("knowledge"), &[".toml"], &mut paths);
    let mut values = Vec::new();
    for p in paths {
        let value: toml::Value = toml::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
        strings(&value, &mut values);
    }
    let mut pieces: Vec<String> = values
        .iter()
        .flat_map(|s| s.split(['{', '}']).map(str::trim).filter(|p| p.len() >= 40 && p.contains(' ')).map(str::to_string).collect::<Vec<_>>())
        .collect();
    pieces.sort();
    pieces.dedup();
    pieces
}

/// The lines of shipped code where `bad` holds and no ALLOWED entry covers, as `file:line: text`.
fn offending_lines(bad: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for (file, code) in shipped_code() {
        for (n, line) in code.lines().enumerate() {
            if bad(line) && !allowed(&file, line) {
                found.push(format!("{file}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

/// A score out of 10 written with a number: `3/10`, not `{score}/10` nor `1/100`.
fn has_threshold(line: &str) -> bool {
    let bytes = line.as_bytes();
    line.match_indices("/10").any(|(i, _)| i > 0 && bytes[i - 1].is_ascii_digit() && !bytes.get(i + 3).is_some_and(|c| c.is_ascii_digit()))
}

#[test]
fn no_pain_threshold_is_written_into_code() {
    let found = offending_lines(has_threshold);
    assert!(found.is_empty(), "pain thresholds belong in knowledge/ (training_load.toml):\n{}", found.join("\n"));
}

#[test]
fn no_care_advice_is_written_into_code() {
    let found = offending_lines(|line| {
        let t = line.trim_start();
        let comment = ["//", "/*", "*", "<!--"].iter().any(|c| t.starts_with(c));
        !comment && CARE_WORDS.iter().any(|w| t.to_lowercase().contains(w))
    });
    assert!(found.is_empty(), "care advice belongs in knowledge/ (or in ALLOWED with why):\n{}", found.join("\n"));
}

#[test]
fn every_allowed_entry_is_still_needed() {
    let code = shipped_code();
    for (file, text, why) in ALLOWED {
        let here = code.iter().find(|(f, _)| f == file).map(|(_, c)| c.as_str()).unwrap_or_default();
        assert!(here.contains(text), "ALLOWED names `{text}` in {file} ({why}), which is no longer there: remove the entry");
    }
}

#[test]
fn no_training_load_figure_is_written_into_code() {
    let k = soleus::log::review::knowledge();
    let figures: Vec<String> = k.spike.bands.iter().map(|b| format!("{:.2}", b.hazard)).collect();
    assert!(!figures.is_empty());
    let mut found = Vec::new();
    for (file, code) in shipped_code() {
        for (n, line) in code.lines().enumerate() {
            if let Some(f) = figures.iter().find(|f| line.contains(f.as_str())) {
                found.push(format!("{file}:{}: {f} in {}", n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "training-load figures belong in knowledge/training_load.toml:\n{}", found.join("\n"));
}

#[test]
fn no_knowledge_sentence_is_copied_into_code() {
    let sentences = knowledge_sentences();
    assert!(sentences.len() > 100, "the knowledge files were read: {}", sentences.len());
    // Code may wrap a long string over lines (`\` then spaces): compare with whitespace collapsed.
    let code: Vec<(String, String)> = shipped_code()
        .into_iter()
        .map(|(file, text)| (file, text.replace("\\\n", " ").split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    let mut found = Vec::new();
    for s in &sentences {
        for (file, flat) in &code {
            if flat.contains(s.as_str()) {
                found.push(format!("{file}: \"{s}\""));
            }
        }
    }
    assert!(found.is_empty(), "sentences of knowledge/ copied into code:\n{}", found.join("\n"));
}

#[test]
fn the_checks_above_would_catch_a_copy() {
    // A threshold and a sentence planted in a copy of real code are found: the scans can fail.
    assert!(has_threshold("const RETURN_AT: &str = \"3/10\";"));
    assert!(!has_threshold("format!(\"{score}/10\")") && !has_threshold("1/100"));
    let sentence = &soleus::log::review::knowledge().words.when_to_seek_care;
    assert!(knowledge_sentences().iter().any(|s| sentence.contains(s.as_str())), "the seek-care sentence is among those looked for");
}

#[test]
fn the_care_sentences_moved_out_of_code_would_be_caught_if_written_back() {
    // Each was once written in code (issue 15): now in knowledge/, a copy back in code is both a
    // knowledge sentence copied and, naming a doctor or physio, care advice in code.
    let moved = [
        "Signs in this check need a doctor to examine the leg before any running.",
        "Until a doctor has seen you and said you can.",
        "Your answers are saved in Soleus: show them to the paramedic or doctor.",
        "This phase's exercises wait until a doctor has ruled out the serious cause.",
        "they guide you; your physio or doctor decides.",
    ];
    let sentences = knowledge_sentences();
    let care = |line: &str| CARE_WORDS.iter().any(|w| line.to_lowercase().contains(w));
    for m in moved {
        assert!(sentences.iter().any(|s| s.contains(m) || m.contains(s.as_str())), "`{m}` is in knowledge/");
        assert!(care(&format!("<p>{m}</p>")), "`{m}` would be flagged as care advice in code");
    }
    // Too short to be looked for as a sentence; the care words still catch it.
    assert!(care("Ask your physio for it, or find it at <span>{link}</span>."));
}

#[test]
fn the_window_words_no_chance_itself() {
    // A cause's chance is worded once, by the core (`app::check`: the band's words, the rounded
    // figure and the bar's share): a UI file reading a raw `probability` would be a second rule.
    let found: Vec<String> = shipped_code()
        .into_iter()
        .filter(|(file, _)| file.starts_with("ui/"))
        .flat_map(|(file, code)| {
            code.lines().enumerate().filter(|(_, l)| l.contains("probability")).map(|(n, l)| format!("{file}:{}: {}", n + 1, l.trim())).collect::<Vec<_>>()
        })
        .collect();
    assert!(found.is_empty(), "the window shows the core's `Chance` (words, figure, share), never a probability of its own:\n{}", found.join("\n"));
}
