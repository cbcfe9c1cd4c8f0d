//! The case sets Soleus ships with: the manifest `tests/data/sets.toml` (what each set is,
//! where its cases come from, whether it was used to build the engine) and the sets' cases,
//! embedded in the binary by build.rs.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::engine::Triage;

include!(concat!(env!("OUT_DIR"), "/case_sets.rs"));

const MANIFEST: &str = include_str!("../../tests/data/sets.toml");

/// One case set, as the manifest describes it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CaseSet {
    /// The JSON Lines file in tests/data.
    pub file: String,
    pub title: String,
    /// How many cases the file holds (checked against it when the sets load).
    #[ts(type = "number")]
    pub cases: usize,
    /// What the cases are, in plain words.
    pub what: String,
    /// Where the cases come from.
    pub sources: String,
    /// Used to build the knowledge or to choose a parameter: its figures flatter the engine.
    pub tuned_on: bool,
    /// When and how it was written, and what it was used for.
    pub history: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    set: Vec<CaseSet>,
}

/// A case with the answer its author expects.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledCase {
    pub id: String,
    /// The findings as the file gives them; only these reach the engine.
    pub findings: Map<String, Value>,
    /// The conditions accepted as right (`expected.accept`, else `expected.condition`).
    pub accept: Vec<String>,
    pub triage: Triage,
}

/// A shipped set that cannot be read: the manifest or a line of a file, named.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("case set {file}: {message}")]
pub struct SetError {
    pub file: String,
    pub message: String,
}

/// Every set of the manifest, in its order, each checked against its embedded file.
pub fn sets() -> Result<&'static [CaseSet], SetError> {
    static SETS: OnceLock<Result<Vec<CaseSet>, SetError>> = OnceLock::new();
    SETS.get_or_init(load).as_deref().map_err(Clone::clone)
}

fn load() -> Result<Vec<CaseSet>, SetError> {
    let bad = |file: &str, message: String| SetError { file: file.to_string(), message };
    let manifest: Manifest = toml::from_str(MANIFEST).map_err(|e| bad("sets.toml", e.to_string()))?;
    for set in &manifest.set {
        let n = cases(set)?.len();
        if n != set.cases {
            return Err(bad(&set.file, format!("holds {n} cases, the manifest says {}", set.cases)));
        }
    }
    Ok(manifest.set)
}

/// The embedded text of `set`'s file, inflated the first time any set is read (a few
/// milliseconds for all of them) and kept.
fn text(set: &CaseSet) -> Result<&'static str, SetError> {
    static TEXTS: OnceLock<Vec<Result<String, String>>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| EMBEDDED.iter().map(|(_, packed)| inflate(packed)).collect());
    let at = EMBEDDED
        .iter()
        .position(|(file, _)| *file == set.file)
        .ok_or_else(|| SetError { file: set.file.clone(), message: "is not embedded in this binary".into() })?;
    texts[at].as_deref().map_err(|message| SetError { file: set.file.clone(), message: message.clone() })
}

use crate::embedded::inflate;

/// The cases of `set`, in file order.
pub fn cases(set: &CaseSet) -> Result<Vec<LabelledCase>, SetError> {
    text(set)?
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| parse(line).map_err(|message| SetError { file: set.file.clone(), message: format!("line {}: {message}", i + 1) }))
        .collect()
}

fn parse(line: &str) -> Result<LabelledCase, String> {
    #[derive(Deserialize)]
    struct Expected {
        condition: String,
        #[serde(default)]
        accept: Vec<String>,
        triage: Triage,
    }
    #[derive(Deserialize)]
    struct Line {
        id: String,
        findings: Map<String, Value>,
        expected: Expected,
    }
    let l: Line = serde_json::from_str(line).map_err(|e| e.to_string())?;
    // As score_cases.py: an empty or missing `accept` means the expected condition alone.
    let accept = if l.expected.accept.is_empty() { vec![l.expected.condition] } else { l.expected.accept };
    Ok(LabelledCase { id: l.id, findings: l.findings, accept, triage: l.expected.triage })
}

/// The bytes the embedded sets add to the binary (their files deflated, the manifest as text).
pub fn embedded_bytes() -> usize {
    EMBEDDED.iter().map(|(_, packed)| packed.len()).sum::<usize>() + MANIFEST.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_set_of_the_manifest_loads_with_the_count_it_states() {
        let sets = sets().unwrap();
        assert!(sets.len() >= 5, "{} sets", sets.len());
        assert_eq!(EMBEDDED.len(), sets.len(), "build.rs embeds exactly the manifest's files");
        for s in sets {
            assert!(!s.title.is_empty() && !s.what.is_empty() && !s.sources.is_empty() && !s.history.is_empty(), "{} is described", s.file);
            assert_eq!(cases(s).unwrap().len(), s.cases);
        }
    }

    #[test]
    fn an_embedded_set_inflates_to_its_file_byte_for_byte_and_is_stored_smaller() {
        let public = sets().unwrap().iter().find(|s| s.file == "public_cases.jsonl").unwrap();
        let file = include_str!("../../tests/data/public_cases.jsonl");
        assert_eq!(text(public).unwrap(), file);
        let packed = EMBEDDED.iter().find(|(f, _)| *f == "public_cases.jsonl").unwrap().1;
        assert!(packed.len() * 2 < file.len(), "{} bytes deflated from {}", packed.len(), file.len());
        assert!(inflate(b"not deflate").unwrap_err().contains("cannot be unpacked"));
    }

    #[test]
    fn a_case_without_accept_accepts_its_condition() {
        let c = parse(r#"{"id": "x", "findings": {"pop": true}, "expected": {"condition": "achilles_rupture", "triage": "urgent"}}"#).unwrap();
        assert_eq!(c.accept, ["achilles_rupture"]);
        assert_eq!(c.triage, Triage::Urgent);
        assert!(parse(r#"{"id": "x", "findings": {}, "expected": {"condition": "a", "triage": "soon"}}"#).unwrap_err().contains("soon"));
    }

    #[test]
    fn a_misspelt_manifest_field_is_refused() {
        let e = toml::from_str::<Manifest>("[[set]]\nfile = \"a.jsonl\"\ntitel = \"x\"\n").err().unwrap();
        assert!(e.to_string().contains("titel"), "{e}");
    }
}
