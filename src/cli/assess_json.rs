//! `soleus assess`'s JSON, written straight from the assessment. Its keys are in alphabetical
//! order, as the CLI has always printed them (it went through `serde_json::Value`, whose maps sort
//! their keys); building that Value copied every string of every result and, with a write per
//! line, cost more than assessing. These views borrow the result and list the keys in that order,
//! so the bytes are the same (tested against the Value rendering below).

use std::io::Write;

use serde::Serialize;

use crate::engine::{Assessment, NoneFits, Ranked, RedFlag, Triage, WellsScore};

/// An assessment as the CLI prints it, with the case's `id` when it has one.
#[derive(Serialize)]
pub struct Sorted<'a> {
    // `Ranked` and `RedFlag` already declare their keys alphabetically.
    differential: &'a [Ranked],
    disclaimer: &'a str,
    engine_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    next_questions: &'a [crate::engine::Text],
    #[serde(skip_serializing_if = "Option::is_none")]
    none_fits: Option<SortedNoneFits<'a>>,
    red_flags: &'a [RedFlag],
    triage: Triage,
    triage_advice: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    wells: Option<SortedWells<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wells_score: Option<i32>,
}

#[derive(Serialize)]
struct SortedNoneFits<'a> {
    message: &'a str,
    probability: f64,
}

#[derive(Serialize)]
struct SortedWells<'a> {
    dvt_likely: bool,
    items: &'a [crate::engine::Text],
    score: i32,
}

impl<'a> Sorted<'a> {
    pub fn new(a: &'a Assessment, id: Option<&'a str>) -> Self {
        // Taken apart field by field, so that a new field of the result fails to compile here
        // instead of going missing from the CLI's output.
        let Assessment { triage, triage_advice, red_flags, differential, none_fits, wells_score, wells, next_questions, disclaimer, engine_version } = a;
        Sorted {
            differential,
            disclaimer,
            engine_version,
            id,
            next_questions,
            none_fits: none_fits.as_ref().map(|NoneFits { probability, message }| SortedNoneFits { message, probability: *probability }),
            red_flags,
            triage: *triage,
            triage_advice,
            wells: wells.as_ref().map(|WellsScore { score, dvt_likely, items }| SortedWells { dvt_likely: *dvt_likely, items, score: *score }),
            wells_score: *wells_score,
        }
    }

    /// One line of JSON Lines (`pretty`: indented, for one case), newline included.
    pub fn write(&self, out: &mut impl Write, pretty: bool) -> std::io::Result<()> {
        if pretty {
            serde_json::to_writer_pretty(&mut *out, self)?;
        } else {
            self.write_compact(out)?;
        }
        out.write_all(b"\n")
    }

    /// The compact line, written field by field in the derive's order. Nearly every string is
    /// the knowledge base's and needs no escaping: serde_json checks each byte of each string
    /// against its escape table (a fifth of `assess --batch`'s time, perf); here one branch-free
    /// pass per string decides, and serde_json still writes any string that needs escaping, and
    /// every number, so the bytes are the same (the test below).
    fn write_compact(&self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(b"{\"differential\":[")?;
        for (i, r) in self.differential.iter().enumerate() {
            out.write_all(if i == 0 { b"{\"condition\":" } else { b",{\"condition\":" })?;
            string(out, &r.condition)?;
            out.write_all(b",\"name\":")?;
            string(out, &r.name)?;
            out.write_all(b",\"probability\":")?;
            serde_json::to_writer(&mut *out, &r.probability)?;
            out.write_all(b",\"why\":")?;
            strings(out, &r.why)?;
            out.write_all(b"}")?;
        }
        out.write_all(b"],\"disclaimer\":")?;
        string(out, self.disclaimer)?;
        out.write_all(b",\"engine_version\":")?;
        string(out, self.engine_version)?;
        if let Some(id) = self.id {
            out.write_all(b",\"id\":")?;
            string(out, id)?;
        }
        out.write_all(b",\"next_questions\":")?;
        strings(out, self.next_questions)?;
        if let Some(n) = &self.none_fits {
            out.write_all(b",\"none_fits\":{\"message\":")?;
            string(out, n.message)?;
            out.write_all(b",\"probability\":")?;
            serde_json::to_writer(&mut *out, &n.probability)?;
            out.write_all(b"}")?;
        }
        out.write_all(b",\"red_flags\":[")?;
        for (i, f) in self.red_flags.iter().enumerate() {
            out.write_all(if i == 0 { b"{\"id\":" } else { b",{\"id\":" })?;
            string(out, &f.id)?;
            out.write_all(b",\"message\":")?;
            string(out, &f.message)?;
            out.write_all(b",\"triage\":")?;
            serde_json::to_writer(&mut *out, &f.triage)?;
            out.write_all(b"}")?;
        }
        out.write_all(b"],\"triage\":")?;
        serde_json::to_writer(&mut *out, &self.triage)?;
        out.write_all(b",\"triage_advice\":")?;
        string(out, self.triage_advice)?;
        if let Some(w) = &self.wells {
            out.write_all(b",\"wells\":{\"dvt_likely\":")?;
            out.write_all(if w.dvt_likely { b"true" } else { b"false" })?;
            out.write_all(b",\"items\":")?;
            strings(out, w.items)?;
            out.write_all(b",\"score\":")?;
            serde_json::to_writer(&mut *out, &w.score)?;
            out.write_all(b"}")?;
        }
        if let Some(score) = self.wells_score {
            out.write_all(b",\"wells_score\":")?;
            serde_json::to_writer(&mut *out, &score)?;
        }
        out.write_all(b"}")
    }
}

/// A JSON string: as it is when no byte needs escaping (serde_json escapes only `"`, `\\` and
/// control characters), else through serde_json.
fn string(out: &mut impl Write, s: &str) -> std::io::Result<()> {
    if s.bytes().fold(false, |escape, b| escape | (b < 0x20) | (b == b'"') | (b == b'\\')) {
        return Ok(serde_json::to_writer(&mut *out, s)?);
    }
    out.write_all(b"\"")?;
    out.write_all(s.as_bytes())?;
    out.write_all(b"\"")
}

fn strings(out: &mut impl Write, list: &[crate::engine::Text]) -> std::io::Result<()> {
    out.write_all(b"[")?;
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        string(out, s)?;
    }
    out.write_all(b"]")
}

#[cfg(test)]
mod tests {
    use super::Sorted;
    use crate::engine::{assess, Case};

    /// The output as it was made before: through a Value (keys sorted), the id put in.
    fn through_value(a: &crate::engine::Assessment, id: Option<&str>, pretty: bool) -> String {
        let mut v = serde_json::to_value(a).unwrap();
        if let Some(id) = id {
            v.as_object_mut().unwrap().insert("id".into(), id.into());
        }
        if pretty { serde_json::to_string_pretty(&v).unwrap() + "\n" } else { format!("{v}\n") }
    }

    fn written(a: &crate::engine::Assessment, id: Option<&str>, pretty: bool) -> String {
        let mut out = Vec::new();
        Sorted::new(a, id).write(&mut out, pretty).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Every public case, each with half its answers and with none, with and without an id,
    /// compact and indented: red flags, Wells, "none fits" and empty lists all come up.
    #[test]
    fn the_output_is_byte_for_byte_the_sorted_value_rendering() {
        let (mut wells, mut flags, mut none_fits) = (0, 0, 0);
        for line in include_str!("../../tests/data/public_cases.jsonl").lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let findings = v["findings"].as_object().unwrap();
            let half: serde_json::Map<_, _> = findings.iter().step_by(2).map(|(k, v)| (k.clone(), v.clone())).collect();
            for f in [findings.clone(), half, serde_json::Map::new()] {
                let a = assess(&Case::from_findings(&f).unwrap());
                wells += usize::from(a.wells.is_some());
                flags += usize::from(!a.red_flags.is_empty());
                none_fits += usize::from(a.none_fits.is_some());
                for (id, pretty) in [(None, false), (Some("p-1"), false), (Some("p \"2\""), true), (None, true)] {
                    assert_eq!(written(&a, id, pretty), through_value(&a, id, pretty), "{f:?}");
                }
            }
        }
        assert!(wells > 0 && flags > 0, "the cases reach Wells ({wells}) and red flags ({flags})");
        let odd = Case::from_value(serde_json::json!({"findings": {"age": 16, "location": "front_shin", "knee_grinding": true, "cramp_episode": true, "tendon_thickening": true, "sitting_worse": true, "pop": true, "onset": "gradual", "run_pattern": "warms_up", "bone_tenderness": "diffuse"}})).unwrap();
        let a = assess(&odd);
        assert!(a.none_fits.is_some() || none_fits > 0, "\"none fits\" is written somewhere");
        assert_eq!(written(&a, Some("odd"), false), through_value(&a, Some("odd"), false));
        // Strings that need escaping (quotes, a backslash, a control character, non-ASCII).
        for id in ["a \"quoted\" id", "back\\slash", "tab\there\u{1}", "é ✓"] {
            assert_eq!(written(&a, Some(id), false), through_value(&a, Some(id), false), "{id}");
        }
    }
}
