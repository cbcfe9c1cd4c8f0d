//! Test fixtures shared by the Today card's tests (`today/tests.rs`) and the calendar's
//! (`week/tests.rs`): one moment in week 2026-W47, an assessment naming conditions from the
//! vocabulary, and two weeks of steady runs.

use chrono::{DateTime, FixedOffset};

use crate::engine::{Assessment, Ranked, Triage, DISCLAIMER};
use crate::log::sessions::Session;
pub(crate) use crate::log::review::tests::run;

pub(crate) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Thursday 19 November 2026, in week 2026-W47 (Monday 16 to Sunday 22).
pub(crate) fn now() -> DateTime<FixedOffset> {
    at("2026-11-19T12:00:00+00:00")
}

/// A condition's name in the vocabulary.
pub(crate) fn name(id: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(include_str!("../../knowledge/vocabulary.json")).unwrap();
    let c = v["conditions"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap_or_else(|| panic!("{id}"));
    c["name"].as_str().unwrap().to_string()
}

/// An assessment at `triage` ranking `causes` (condition id, probability) as given.
pub(crate) fn assessment(triage: Triage, causes: &[(&str, f64)]) -> Assessment {
    Assessment {
        triage,
        triage_advice: triage.advice().into(),
        red_flags: vec![],
        differential: causes.iter().map(|(id, p)| Ranked { condition: (*id).to_owned().into(), name: name(id).into(), probability: *p, why: vec![] }).collect(),
        wells_score: None,
        wells: None,
        next_questions: vec![],
        none_fits: None,
        disclaimer: DISCLAIMER.into(),
        engine_version: "test".into(),
    }
}

/// 5 km runs, two a week: last week Tuesday and Thursday, this week Monday and Tuesday
/// (the latest on Tuesday 17 November).
pub(crate) fn steady_runs() -> Vec<Session> {
    vec![run("2026-11-10T07:00:00Z", 5.0), run("2026-11-12T07:00:00Z", 5.0), run("2026-11-16T07:00:00Z", 5.0), run("2026-11-17T07:00:00Z", 5.0)]
}
