//! A case: the findings known about one person, validated against the vocabulary.
//!
//! A case arrives as JSON `{"findings": {KEY: VALUE, ...}}` (an optional `"id"` is carried
//! along for batch work). Every key must be a vocabulary finding and every value must have its
//! type and lie in its enum or range; anything else is a [`CaseError`] that names the key and
//! what was expected. A key that is absent is unknown, never "no".
//!
//! An interview also records the questions that were asked and could not be answered:
//! `"not_known": [KEY, ...]` (a runner cannot do a Thompson test; a person may not remember).
//! They move nothing, like any unknown finding, but are not suggested again.

use serde_json::{Map, Value as Json};

use super::knowledge::{self, FindingKind, Knowledge};

/// A validated answer, in the compact form the engine reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value {
    Bool(bool),
    /// Index into the finding's enum values.
    Enum(u16),
    Int(i64),
    Num(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub finding: u16,
    /// The answer's column in the knowledge tables.
    pub slot: u32,
    pub value: Value,
}

/// An answer as a client sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FindingValue<'a> {
    Bool(bool),
    Choice(&'a str),
    Integer(i64),
    Number(f64),
}

impl FindingValue<'_> {
    pub fn to_json(self) -> Json {
        match self {
            FindingValue::Bool(b) => Json::Bool(b),
            FindingValue::Choice(s) => Json::String(s.to_string()),
            FindingValue::Integer(i) => Json::from(i),
            FindingValue::Number(x) => Json::from(x),
        }
    }
}

/// Most findings a vocabulary may have: the known-set is a fixed bitset (checked when the
/// knowledge loads).
pub(crate) const MAX_FINDINGS: usize = 256;

/// Validated findings, ordered by key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Case {
    /// An optional label (batch files), echoed in batch output.
    pub id: Option<String>,
    entries: Vec<Entry>,
    /// Which findings are known: lookups are a bit test and a popcount, not a search, because
    /// the safety rules and the question ranking ask about every finding.
    known: [u64; MAX_FINDINGS / 64],
    /// Asked and not answerable ("don't know"): not suggested again.
    not_known: [u64; MAX_FINDINGS / 64],
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CaseError {
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    #[error("a case must be a JSON object {{\"findings\": {{...}}}}; {0}")]
    InvalidCase(String),
    #[error("unknown finding `{key}`{hint}")]
    UnknownFinding { key: String, hint: String },
    #[error("invalid value for `{key}`: expected {expected}, got {got}")]
    InvalidValue { key: String, expected: String, got: String },
}

impl CaseError {
    /// A stable code clients may match on.
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            CaseError::InvalidJson(_) => ErrorCode::InvalidJson,
            CaseError::InvalidCase(_) => ErrorCode::InvalidCase,
            CaseError::UnknownFinding { .. } => ErrorCode::UnknownFinding,
            CaseError::InvalidValue { .. } => ErrorCode::InvalidValue,
        }
    }

    /// The finding key at fault, if one is.
    pub fn key(&self) -> Option<&str> {
        match self {
            CaseError::UnknownFinding { key, .. } | CaseError::InvalidValue { key, .. } => Some(key),
            _ => None,
        }
    }
}

/// What a finding accepts, in words, for error messages.
pub fn expected(kind: &FindingKind) -> String {
    match kind {
        FindingKind::Bool => "true or false".into(),
        FindingKind::Enum { values } => format!("one of {}", values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ")),
        FindingKind::Integer { min, max } => format!("a whole number from {min} to {max}"),
        FindingKind::Number { min, max } => format!("a number from {min} to {max}"),
    }
}

fn describe(v: &Json) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 { format!("{}...", s.chars().take(40).collect::<String>()) } else { s }
}

/// The closest known key, for "did you mean" hints on typos.
fn closest<'a>(key: &str, kb: &'a Knowledge) -> Option<&'a str> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for j in 0..b.len() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != b[j])).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }
    kb.findings().iter().map(|f| (distance(key, &f.key), f.key.as_str())).filter(|(d, _)| *d <= 3).min().map(|(_, k)| k)
}

impl Case {
    pub fn from_json(text: &str) -> Result<Case, CaseError> {
        let v: Json = serde_json::from_str(text).map_err(|e| CaseError::InvalidJson(e.to_string()))?;
        Case::from_value(v)
    }

    pub fn from_value(v: Json) -> Result<Case, CaseError> {
        let Json::Object(mut top) = v else {
            return Err(CaseError::InvalidCase(format!("got {}", describe(&v))));
        };
        let id = match top.remove("id") {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) => Some(s),
            Some(Json::Number(n)) => Some(n.to_string()),
            Some(other) => return Err(CaseError::InvalidCase(format!("`id` must be text, got {}", describe(&other)))),
        };
        let findings = match top.remove("findings") {
            Some(Json::Object(m)) => m,
            Some(other) => return Err(CaseError::InvalidCase(format!("`findings` must be an object, got {}", describe(&other)))),
            None => return Err(CaseError::InvalidCase("`findings` is missing".into())),
        };
        let not_known = match top.remove("not_known") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(keys)) => keys,
            Some(other) => return Err(CaseError::InvalidCase(format!("`not_known` must be a list of finding keys, got {}", describe(&other)))),
        };
        if let Some(k) = top.keys().next() {
            return Err(CaseError::InvalidCase(format!("unknown field `{k}` (only \"findings\", \"not_known\" and \"id\" are allowed)")));
        }
        let mut case = Case::from_findings(&findings)?;
        for key in &not_known {
            let Json::String(key) = key else {
                return Err(CaseError::InvalidCase(format!("`not_known` must be a list of finding keys, got {} in it", describe(key))));
            };
            case.mark_not_known(key)?;
        }
        case.id = id;
        Ok(case)
    }

    /// Validate a findings object (`{KEY: VALUE, ...}`).
    pub fn from_findings(findings: &Map<String, Json>) -> Result<Case, CaseError> {
        let mut case = Case { entries: Vec::with_capacity(findings.len()), ..Case::default() };
        for (key, value) in findings {
            case.set(key, value)?;
        }
        Ok(case)
    }

    /// Set (or replace) one finding, validating it.
    pub fn set(&mut self, key: &str, value: &Json) -> Result<(), CaseError> {
        let kb = knowledge::get();
        let f = finding_index(kb, key)?;
        let kind = &kb.findings()[f].kind;
        let bad = || CaseError::InvalidValue { key: key.to_string(), expected: expected(kind), got: describe(value) };
        let model = &kb.models[f];
        let (value, local) = match (kind, value) {
            (FindingKind::Bool, Json::Bool(b)) => (Value::Bool(*b), usize::from(*b)),
            (FindingKind::Enum { values }, Json::String(s)) => {
                let i = values.iter().position(|v| v == s).ok_or_else(bad)?;
                (Value::Enum(i as u16), i)
            }
            (FindingKind::Integer { min, max }, Json::Number(n)) => {
                let i = n.as_i64().filter(|i| (min..=max).contains(&i)).ok_or_else(bad)?;
                (Value::Int(i), model.slots.iter().position(|s| i as f64 <= s.max).ok_or_else(bad)?)
            }
            (FindingKind::Number { min, max }, Json::Number(n)) => {
                let x = n.as_f64().filter(|x| (min..=max).contains(&x)).ok_or_else(bad)?;
                (Value::Num(x), model.slots.iter().position(|s| x <= s.max).ok_or_else(bad)?)
            }
            _ => return Err(bad()),
        };
        let entry = Entry { finding: f as u16, slot: (model.first_slot + local) as u32, value };
        match self.entries.binary_search_by_key(&entry.finding, |e| e.finding) {
            Ok(i) => self.entries[i] = entry,
            Err(i) => self.entries.insert(i, entry),
        }
        self.known[f / 64] |= 1 << (f % 64);
        self.not_known[f / 64] &= !(1 << (f % 64));
        Ok(())
    }

    /// Record that `key` was asked and could not be answered: it stays unknown (and moves
    /// nothing) but is not suggested again. An answer given later replaces this.
    pub fn mark_not_known(&mut self, key: &str) -> Result<(), CaseError> {
        let f = finding_index(knowledge::get(), key)?;
        self.set_not_known(f);
        Ok(())
    }

    /// Marks finding `f` asked and not answerable, unless it has an answer.
    fn set_not_known(&mut self, f: usize) {
        if !self.knows(f) {
            self.not_known[f / 64] |= 1 << (f % 64);
        }
    }

    /// Mark every examination test (the vocabulary's `clinician` findings) not known: a runner
    /// on their own is then asked only what they can answer.
    pub fn without_examination(mut self) -> Case {
        for (f, info) in knowledge::get().findings().iter().enumerate() {
            if info.clinician {
                self.set_not_known(f);
            }
        }
        self
    }

    /// The questions asked and not answerable, by key.
    pub fn not_known(&self) -> impl Iterator<Item = &'static str> + '_ {
        let kb = knowledge::get();
        (0..kb.findings().len()).filter(|&f| self.not_known[f / 64] & (1 << (f % 64)) != 0).map(move |f| kb.findings()[f].key.as_str())
    }

    /// Forget one finding (it becomes unknown). Returns whether it was known.
    pub fn remove(&mut self, key: &str) -> bool {
        let Some(f) = knowledge::get().index_of(key) else { return false };
        match self.entries.binary_search_by_key(&(f as u16), |e| e.finding) {
            Ok(i) => {
                self.entries.remove(i);
                self.known[f / 64] &= !(1 << (f % 64));
                true
            }
            Err(_) => false,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn get(&self, key: &str) -> Option<FindingValue<'static>> {
        let f = knowledge::get().index_of(key)?;
        self.value_at(f).map(|v| public_value(f, v))
    }

    /// Every known finding, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, FindingValue<'static>)> + '_ {
        let kb = knowledge::get();
        self.entries.iter().map(move |e| (kb.findings()[e.finding as usize].key.as_str(), public_value(e.finding as usize, &e.value)))
    }

    /// The normalised case: `{"id"?, "findings": {...}, "not_known"?: [...]}` with keys in order.
    pub fn to_json(&self) -> Json {
        let mut findings = Map::new();
        for (k, v) in self.iter() {
            findings.insert(k.to_string(), v.to_json());
        }
        let mut top = Map::new();
        if let Some(id) = &self.id {
            top.insert("id".into(), Json::String(id.clone()));
        }
        top.insert("findings".into(), Json::Object(findings));
        let not_known: Vec<Json> = self.not_known().map(|k| Json::String(k.to_string())).collect();
        if !not_known.is_empty() {
            top.insert("not_known".into(), Json::Array(not_known));
        }
        Json::Object(top)
    }

    pub(crate) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    #[inline]
    pub(crate) fn knows(&self, finding: usize) -> bool {
        self.known[finding / 64] & (1 << (finding % 64)) != 0
    }

    /// Worth asking: neither answered nor already asked without an answer.
    #[inline]
    pub(crate) fn open(&self, finding: usize) -> bool {
        (self.known[finding / 64] | self.not_known[finding / 64]) & (1 << (finding % 64)) == 0
    }

    #[inline]
    pub(crate) fn value_at(&self, finding: usize) -> Option<&Value> {
        self.entry_at(finding).map(|e| &e.value)
    }

    #[inline]
    pub(crate) fn entry_at(&self, finding: usize) -> Option<&Entry> {
        if !self.knows(finding) {
            return None;
        }
        let (word, bit) = (finding / 64, finding % 64);
        let below: u32 = self.known[..word].iter().map(|w| w.count_ones()).sum::<u32>() + (self.known[word] & ((1 << bit) - 1)).count_ones();
        Some(&self.entries[below as usize])
    }
}

/// The index of finding `key`, or an error naming it with the closest known key.
fn finding_index(kb: &Knowledge, key: &str) -> Result<usize, CaseError> {
    kb.index_of(key).ok_or_else(|| CaseError::UnknownFinding {
        key: key.to_string(),
        hint: closest(key, kb).map(|k| format!(" (did you mean `{k}`?)")).unwrap_or_else(|| " (see `knowledge/vocabulary.json` for the known findings)".into()),
    })
}

fn public_value(finding: usize, v: &Value) -> FindingValue<'static> {
    match *v {
        Value::Bool(b) => FindingValue::Bool(b),
        Value::Enum(i) => match &knowledge::get().findings()[finding].kind {
            FindingKind::Enum { values } => FindingValue::Choice(values[i as usize].as_str()),
            _ => FindingValue::Integer(i64::from(i)),
        },
        Value::Int(i) => FindingValue::Integer(i),
        Value::Num(x) => FindingValue::Number(x),
    }
}

impl serde::Serialize for Case {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err(v: Json) -> CaseError {
        Case::from_value(v).unwrap_err()
    }

    #[test]
    fn a_valid_case_is_normalised_in_key_order() {
        let c = Case::from_json(r#"{"findings": {"pop": true, "age": 40, "location": "achilles", "calf_circumference_diff_cm": 2.5}}"#).unwrap();
        assert_eq!(c.len(), 4);
        assert_eq!(c.get("location"), Some(FindingValue::Choice("achilles")));
        assert_eq!(
            c.to_json(),
            json!({"findings": {"age": 40, "calf_circumference_diff_cm": 2.5, "location": "achilles", "pop": true}})
        );
        let keys: Vec<&str> = c.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["age", "calf_circumference_diff_cm", "location", "pop"]);
    }

    #[test]
    fn an_unknown_finding_is_named_with_a_hint() {
        let e = err(json!({"findings": {"poop": true}}));
        assert_eq!(e.code(), "unknown_finding");
        assert_eq!(e.key(), Some("poop"));
        assert!(e.to_string().contains("`poop`") && e.to_string().contains("`pop`"), "{e}");
    }

    #[test]
    fn a_value_outside_its_enum_names_the_key_and_the_values() {
        let e = err(json!({"findings": {"location": "foot"}}));
        assert_eq!(e.code(), "invalid_value");
        let m = e.to_string();
        assert!(m.contains("`location`") && m.contains("\"achilles\"") && m.contains("\"foot\""), "{m}");
    }

    #[test]
    fn out_of_range_and_wrong_types_are_refused() {
        for (key, v, expect) in [
            ("age", json!(3), "from 5 to 110"),
            ("age", json!(40.5), "whole number"),
            ("age", json!("40"), "whole number"),
            ("pop", json!("yes"), "true or false"),
            ("pop", json!(null), "true or false"),
            ("calf_circumference_diff_cm", json!(-1), "from 0 to 30"),
            ("relief_minutes", json!(20000), "from 0 to 10080"),
        ] {
            let e = err(json!({"findings": {key: v}}));
            assert_eq!(e.code(), "invalid_value");
            assert!(e.to_string().contains(&format!("`{key}`")) && e.to_string().contains(expect), "{e}");
        }
    }

    #[test]
    fn malformed_json_and_bad_shapes_are_refused() {
        assert_eq!(Case::from_json("{\"findings\": {").unwrap_err().code(), "invalid_json");
        assert_eq!(err(json!([1, 2])).code(), "invalid_case");
        assert_eq!(err(json!({"pop": true})).code(), "invalid_case");
        assert_eq!(err(json!({"findings": []})).code(), "invalid_case");
        let e = err(json!({"findings": {}, "expected": "dvt"}));
        assert!(e.to_string().contains("`expected`"), "{e}");
    }

    #[test]
    fn set_and_remove_keep_the_case_valid() {
        let mut c = Case::default();
        c.set("pop", &json!(true)).unwrap();
        c.set("age", &json!(30)).unwrap();
        c.set("pop", &json!(false)).unwrap();
        assert_eq!(c.get("pop"), Some(FindingValue::Bool(false)));
        assert!(c.set("age", &json!(200)).is_err());
        assert_eq!(c.get("age"), Some(FindingValue::Integer(30)), "a refused value leaves the old one");
        assert!(c.remove("pop"));
        assert!(!c.remove("pop"));
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn an_id_is_carried_along() {
        let c = Case::from_value(json!({"id": "p-1", "findings": {"pop": true}})).unwrap();
        assert_eq!(c.id.as_deref(), Some("p-1"));
        assert_eq!(c.to_json()["id"], "p-1");
    }

    #[test]
    fn questions_asked_without_an_answer_are_carried_validated_and_cleared_by_an_answer() {
        let mut c = Case::from_value(json!({"findings": {"pop": true}, "not_known": ["thompson_test", "age"]})).unwrap();
        assert_eq!(c.not_known().collect::<Vec<_>>(), ["age", "thompson_test"]);
        assert_eq!(c.len(), 1, "not known moves nothing: it is not a finding");
        assert_eq!(c.to_json(), json!({"findings": {"pop": true}, "not_known": ["age", "thompson_test"]}));
        c.set("age", &json!(40)).unwrap();
        assert_eq!(c.not_known().collect::<Vec<_>>(), ["thompson_test"]);
        // Marking an answered finding changes nothing.
        c.mark_not_known("pop").unwrap();
        assert!(c.not_known().all(|k| k != "pop"));

        assert!(matches!(err(json!({"findings": {}, "not_known": ["thomson_test"]})), CaseError::UnknownFinding { key, .. } if key == "thomson_test"));
        assert!(err(json!({"findings": {}, "not_known": "age"})).to_string().contains("`not_known` must be a list"));
        assert!(err(json!({"findings": {}, "not_known": [3]})).to_string().contains("got 3 in it"));
    }

    #[test]
    fn without_examination_marks_exactly_the_clinician_tests() {
        let c = Case::from_value(json!({"findings": {"thompson_test": "negative"}})).unwrap().without_examination();
        let kb = knowledge::get();
        let marked: Vec<&str> = c.not_known().collect();
        assert!(!marked.is_empty());
        for f in kb.findings() {
            let expect = f.clinician && f.key != "thompson_test";
            assert_eq!(marked.contains(&f.key.as_str()), expect, "{}", f.key);
        }
    }
}
