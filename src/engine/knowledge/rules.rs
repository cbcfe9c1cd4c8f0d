//! The safety rules' small condition language, as parsed from `knowledge/red_flags.toml`:
//! `{ key = K, eq = V }`, `{ key = K, in = [V, ...] }`, `{ key = K, ge = N }`, `{ key = K, gt = N }`,
//! `{ key = K, lt = N }`, `{ key = K, unknown = true }` (not answered, or answered "not known"),
//! `{ all = [...] }`, `{ any = [...] }` and `{ wells_ge = N }`.

use toml::Value as Toml;

use super::compile::KnowledgeError;
use super::{FindingInfo, FindingKind};
use crate::engine::Triage;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Test {
    Is(bool),
    /// Enum value indices.
    In(Vec<u16>),
    AtLeast(f64),
    Above(f64),
    Below(f64),
    /// The finding has no answer: "until examined". Never a red-flag answer.
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cond {
    /// `context`: the answer completes the rule but is not alarming on its own (age, back pain,
    /// blood thinners), so it is not a red-flag answer.
    Leaf { finding: usize, test: Test, context: bool },
    All(Vec<Cond>),
    Any(Vec<Cond>),
    /// The two-level Wells score, counted as the safety rules count it (see `engine::safety`).
    WellsAtLeast(i32),
}

#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub id: String,
    pub triage: Triage,
    pub message: String,
    pub when: Cond,
    /// When this holds, the rule's unanswered questions are asked first.
    pub ask_if: Option<Cond>,
    /// The findings of `when`'s alarming (not context) tests, as a bitset: a rule none of whose
    /// findings has a red-flag answer cannot fire, so most rules are skipped for a sparse case.
    pub mask: [u64; crate::engine::case::MAX_FINDINGS / 64],
    /// `when` has no alarming test (only context): always evaluated.
    pub always: bool,
    /// `when` reads the Wells score.
    pub reads_wells: bool,
    /// The conditions this rule is about, as a bitset of condition indices: when it fires they
    /// are always shown in the differential, so an emergency never comes with a list of
    /// harmless causes only.
    pub points_to: u64,
}

#[derive(Debug, Clone)]
pub(crate) struct WellsItem {
    pub points: i32,
    /// As the result lists it, with its points: "active cancer (+1)".
    pub label: String,
    pub when: Cond,
    /// The "alternative diagnosis at least as likely" item.
    pub alternative: bool,
}

/// The keys a rule condition may use.
const KEYS: [&str; 11] = ["key", "eq", "in", "ge", "gt", "lt", "unknown", "context", "all", "any", "wells_ge"];

impl Cond {
    /// Every leaf, for the red-flag question list and for "red-flag answers".
    pub fn leaves<'a>(&'a self, out: &mut Vec<(usize, &'a Test)>) {
        match self {
            Cond::Leaf { finding, test, .. } => out.push((*finding, test)),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.leaves(out)),
            Cond::WellsAtLeast(_) => {}
        }
    }

    /// The leaves that are not context: what makes an answer a red-flag answer.
    pub fn alarming_leaves<'a>(&'a self, out: &mut Vec<(usize, &'a Test)>) {
        match self {
            Cond::Leaf { finding, test, context: false } => out.push((*finding, test)),
            Cond::Leaf { .. } | Cond::WellsAtLeast(_) => {}
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.alarming_leaves(out)),
        }
    }

    pub fn uses_wells(&self) -> bool {
        match self {
            Cond::WellsAtLeast(_) => true,
            Cond::All(cs) | Cond::Any(cs) => cs.iter().any(Cond::uses_wells),
            Cond::Leaf { .. } => false,
        }
    }

    pub fn parse(v: &Toml, at: &str, findings: &[FindingInfo], index: &dyn Fn(&str) -> Option<usize>) -> Result<Cond, KnowledgeError> {
        let bad = |what: String| KnowledgeError::new(at, what);
        let t = v.as_table().ok_or_else(|| bad("a condition must be a table".into()))?;
        // Exactly one form, and no other key: a misspelt or second test would otherwise be
        // dropped without a word, and a safeguard with it.
        if let Some(k) = t.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(bad(format!("unknown key `{k}` in a condition (expected one of {})", KEYS.join(", "))));
        }
        let forms: Vec<&str> = ["all", "any", "wells_ge", "key"].into_iter().filter(|k| t.contains_key(*k)).collect();
        let tests: Vec<&str> = ["eq", "in", "ge", "gt", "lt", "unknown"].into_iter().filter(|k| t.contains_key(*k)).collect();
        match (forms.as_slice(), tests.len()) {
            (["key"], 1) => {}
            (["key"], _) => {
                let key = t["key"].as_str().unwrap_or_default();
                return Err(bad(format!("the condition on `{key}` needs exactly one of eq, in, ge or gt (or lt, or unknown = true)")));
            }
            ([_], 0) => {}
            ([f], _) => return Err(bad(format!("`{f}` takes no {}", tests.join(", ")))),
            _ => return Err(bad(format!("a condition is exactly one of all, any, wells_ge or key (found: {})", forms.join(", ")))),
        }
        if let Some(list) = t.get("all").or_else(|| t.get("any")) {
            let items = list.as_array().ok_or_else(|| bad("all/any takes a list".into()))?;
            let parsed = items.iter().map(|i| Cond::parse(i, at, findings, index)).collect::<Result<Vec<_>, _>>()?;
            if parsed.is_empty() {
                return Err(bad("all/any needs at least one condition".into()));
            }
            return Ok(if t.contains_key("all") { Cond::All(parsed) } else { Cond::Any(parsed) });
        }
        if let Some(n) = t.get("wells_ge") {
            let n = n.as_integer().ok_or_else(|| bad("wells_ge takes an integer".into()))?;
            return Ok(Cond::WellsAtLeast(n as i32));
        }
        let key = t.get("key").and_then(Toml::as_str).ok_or_else(|| bad("a leaf condition needs `key`".into()))?;
        let finding = index(key).ok_or_else(|| bad(format!("unknown finding `{key}`")))?;
        let kind = &findings[finding].kind;
        let enum_index = |s: &Toml| -> Result<u16, KnowledgeError> {
            let s = s.as_str().ok_or_else(|| bad(format!("`{key}` takes text values")))?;
            match kind {
                FindingKind::Enum { values } => values
                    .iter()
                    .position(|v| v == s)
                    .map(|i| i as u16)
                    .ok_or_else(|| bad(format!("`{s}` is not a value of `{key}`"))),
                _ => Err(bad(format!("`{key}` is not an enum"))),
            }
        };
        let number = |v: &Toml| -> Result<f64, KnowledgeError> {
            match kind {
                FindingKind::Integer { .. } | FindingKind::Number { .. } => {}
                _ => return Err(bad(format!("`{key}` is not numeric"))),
            }
            v.as_float().or_else(|| v.as_integer().map(|i| i as f64)).ok_or_else(|| bad("ge/gt/lt take a number".into()))
        };
        let test = if let Some(v) = t.get("eq") {
            match (v, kind) {
                (Toml::Boolean(b), FindingKind::Bool) => Test::Is(*b),
                (Toml::String(_), _) => Test::In(vec![enum_index(v)?]),
                _ => return Err(bad(format!("`eq` does not fit the type of `{key}`"))),
            }
        } else if let Some(v) = t.get("in") {
            let items = v.as_array().ok_or_else(|| bad("`in` takes a list".into()))?;
            Test::In(items.iter().map(enum_index).collect::<Result<_, _>>()?)
        } else if let Some(v) = t.get("ge") {
            Test::AtLeast(number(v)?)
        } else if let Some(v) = t.get("gt") {
            Test::Above(number(v)?)
        } else if let Some(v) = t.get("lt") {
            Test::Below(number(v)?)
        } else if let Some(v) = t.get("unknown") {
            if v.as_bool() != Some(true) {
                return Err(bad(format!("`unknown` on `{key}` takes `true`")));
            }
            Test::Unknown
        } else {
            return Err(bad(format!("the condition on `{key}` needs eq, in, ge or gt")));
        };
        let context = match t.get("context") {
            None => false,
            Some(Toml::Boolean(b)) => *b,
            Some(_) => return Err(bad(format!("`context` on `{key}` takes true or false"))),
        };
        Ok(Cond::Leaf { finding, test, context })
    }
}
