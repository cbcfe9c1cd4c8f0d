//! A check's answers in the questionnaire's words, grouped as the person's history and the
//! physio's examination: what the answer list, a saved check, the presenter and the emergency
//! screen show. Never an internal key or value id on screen.

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::engine::knowledge::{self, FindingInfo, FindingKind};

/// Whose answer it is: the person's own story, or an examination test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AnswerGroup {
    History,
    Examination,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AnswerRow {
    /// The finding's key: for the window to act on the row (change, remove), never shown.
    pub key: String,
    pub group: AnswerGroup,
    pub question: String,
    pub answer: String,
    /// Asked and marked "not sure".
    pub unsure: bool,
}

/// Said of a question this version of Soleus no longer asks (a check saved by an older one).
const RETIRED: &str = "A question this version no longer asks";

/// An answer in the words the question offered.
pub fn answer_text(f: &FindingInfo, v: &Value) -> String {
    match (&f.kind, v) {
        (FindingKind::Bool, Value::Bool(b)) => if *b { "Yes" } else { "No" }.to_string(),
        (FindingKind::Enum { values }, Value::String(s)) => {
            values.iter().position(|x| x == s).and_then(|i| f.labels.get(i)).cloned().unwrap_or_else(|| plain(s))
        }
        (_, Value::Number(n)) => n.to_string(),
        (_, other) => plain(&other.to_string()),
    }
}

fn plain(s: &str) -> String {
    s.trim_matches('"').replace('_', " ")
}

/// The rows of a check: answers given in the questionnaire's order, then those marked "not
/// sure". Examination tests a runner alone was never asked (every one "not sure", none
/// answered) are left out: the list shows what was asked. `examining`: a physio took part.
pub fn rows(findings: &Map<String, Value>, not_known: &[String], examining: bool) -> Vec<AnswerRow> {
    let kb = knowledge::get();
    let order = |key: &str| kb.findings().iter().position(|f| f.key == key).unwrap_or(usize::MAX);
    let group = |f: Option<&FindingInfo>| if f.is_some_and(|f| f.clinician) { AnswerGroup::Examination } else { AnswerGroup::History };
    let mut given: Vec<AnswerRow> = findings
        .iter()
        .map(|(key, v)| {
            let f = kb.finding(key);
            AnswerRow {
                key: key.clone(),
                group: group(f),
                question: f.map_or(RETIRED.to_string(), |f| f.question.clone()),
                answer: f.map_or_else(|| plain(&v.to_string()), |f| answer_text(f, v)),
                unsure: false,
            }
        })
        .collect();
    let examined = examining || given.iter().any(|r| r.group == AnswerGroup::Examination);
    let mut unsure: Vec<AnswerRow> = not_known
        .iter()
        .filter_map(|key| {
            let f = kb.finding(key);
            let g = group(f);
            (g == AnswerGroup::History || examined).then(|| AnswerRow {
                key: key.clone(),
                group: g,
                question: f.map_or(RETIRED.to_string(), |f| f.question.clone()),
                answer: "Not sure".to_string(),
                unsure: true,
            })
        })
        .collect();
    given.sort_by_key(|r| order(&r.key));
    unsure.sort_by_key(|r| order(&r.key));
    given.extend(unsure);
    given
}

/// The rows of a case as saved (`{"findings": {...}, "not_known": [...]}`), read defensively: a
/// shape that has since changed gives what it can.
pub fn rows_of_saved(case: &Value) -> Vec<AnswerRow> {
    let findings = case.get("findings").and_then(Value::as_object).cloned().unwrap_or_default();
    let not_known: Vec<String> =
        case.get("not_known").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default();
    rows(&findings, &not_known, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn answers_read_in_the_questionnaires_words_grouped_and_never_by_key() {
        let case = json!({"findings": {"thompson_test": "negative", "swelling": "whole_calf", "pop": true, "calf_circumference_diff_cm": 2.5, "gone_finding": "some_value"},
            "not_known": ["age", "mcmurray_positive"]});
        let rows = rows_of_saved(&case);
        let row = |k: &str| rows.iter().find(|r| r.key == k).unwrap();
        assert_eq!(row("pop").answer, "Yes");
        assert_eq!(row("pop").group, AnswerGroup::History);
        assert_eq!(row("thompson_test").group, AnswerGroup::Examination);
        assert!(!row("thompson_test").answer.contains('_') && !row("swelling").answer.contains('_'), "{rows:?}");
        assert_eq!(row("calf_circumference_diff_cm").answer, "2.5");
        assert_eq!(row("gone_finding").question, RETIRED);
        assert_eq!(row("gone_finding").answer, "some value");
        for r in &rows {
            assert!(!r.question.contains('_'), "a question in words: {r:?}");
        }
        // Examined: its "not sure" tests are listed; answers before "not sure".
        assert!(row("mcmurray_positive").unsure);
        assert!(rows.iter().position(|r| r.unsure).unwrap() > rows.iter().rposition(|r| !r.unsure).unwrap());
    }

    #[test]
    fn a_runner_alone_is_not_listed_as_unsure_of_every_examination_test() {
        let case = json!({"findings": {"pop": true}, "not_known": ["thompson_test", "pitting_oedema", "age"]});
        let rows = rows_of_saved(&case);
        assert_eq!(rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["pop", "age"]);
    }
}
