//! The runner's functional tests and outcome scores (migration 006), each on a local day.
//!
//! Every bound of the schema is checked here first and refused by name, so a calf-raise count of
//! -3 or 250 gets a sentence about the calf raises, not a constraint failure, and nothing is
//! written. Numbers arrive as `i64` (not `u8`) so a negative count from the window or the command
//! line reaches this check instead of failing to deserialize.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::RecordError;
use crate::log::rows::{DailyValues, read_day};
use crate::store::Store;

pub const MAX_CALF_RAISES: i64 = 200;
pub const MAX_KNEE_TO_WALL_CM: f64 = 30.0;

/// One day's functional tests. A measure not taken is `None`; the two legs of a paired test come
/// together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FunctionalTest {
    #[ts(type = "string")]
    pub tested_on: NaiveDate,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub calf_raises_left: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub calf_raises_right: Option<i64>,
    #[serde(default)]
    pub knee_to_wall_left_cm: Option<f64>,
    #[serde(default)]
    pub knee_to_wall_right_cm: Option<f64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub hop_pain: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub walk_pain: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub calf_raise_pain: Option<i64>,
}

/// An outcome questionnaire's total on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OutcomeScore {
    /// An instrument id of `knowledge/return_to_run.toml` (`visa_a`, `lefs`).
    pub instrument: String,
    #[ts(type = "string")]
    pub scored_on: NaiveDate,
    #[ts(type = "number")]
    pub score: i64,
}

fn check_day(what: &'static str, day: NaiveDate) -> Result<(), RecordError> {
    if !(1900..=2999).contains(&day.year()) {
        return Err(RecordError::BadDay { what, day: day.to_string() });
    }
    Ok(())
}

fn check_count(field: &'static str, v: Option<i64>) -> Result<(), RecordError> {
    match v {
        Some(n) if !(0..=MAX_CALF_RAISES).contains(&n) => Err(RecordError::CalfRaisesOutOfRange { field, value: n }),
        _ => Ok(()),
    }
}

fn check_pain(field: &'static str, v: Option<i64>) -> Result<(), RecordError> {
    match v {
        Some(n) if !(0..=i64::from(crate::log::entries::MAX_SCORE)).contains(&n) => Err(RecordError::PainOutOfRange { field, value: n }),
        _ => Ok(()),
    }
}

fn check_cm(field: &'static str, v: Option<f64>) -> Result<(), RecordError> {
    match v {
        Some(cm) if !cm.is_finite() || !(0.0..=MAX_KNEE_TO_WALL_CM).contains(&cm) => {
            Err(RecordError::KneeToWallOutOfRange { field, value: cm })
        }
        _ => Ok(()),
    }
}

/// Every rule of `functional_tests`, by name.
pub fn check_test(t: &FunctionalTest) -> Result<(), RecordError> {
    check_day("a test", t.tested_on)?;
    check_count("calf raises (left)", t.calf_raises_left)?;
    check_count("calf raises (right)", t.calf_raises_right)?;
    check_cm("knee-to-wall (left)", t.knee_to_wall_left_cm)?;
    check_cm("knee-to-wall (right)", t.knee_to_wall_right_cm)?;
    check_pain("hop pain", t.hop_pain)?;
    check_pain("pain walking", t.walk_pain)?;
    check_pain("pain on calf raises", t.calf_raise_pain)?;
    if t.calf_raises_left.is_some() != t.calf_raises_right.is_some() {
        return Err(RecordError::OneSideOnly("calf raises"));
    }
    if t.knee_to_wall_left_cm.is_some() != t.knee_to_wall_right_cm.is_some() {
        return Err(RecordError::OneSideOnly("knee-to-wall"));
    }
    if t.calf_raises_left.is_none() && t.knee_to_wall_left_cm.is_none() && t.hop_pain.is_none() && t.walk_pain.is_none() && t.calf_raise_pain.is_none() {
        return Err(RecordError::EmptyTest);
    }
    Ok(())
}

/// Every rule of `outcome_scores`, by name: the instrument is a known one and the score in its range.
pub fn check_score(s: &OutcomeScore) -> Result<(), RecordError> {
    check_day("a score", s.scored_on)?;
    let k = super::knowledge::get();
    let i = k.instrument(&s.instrument).ok_or_else(|| RecordError::UnknownInstrument(s.instrument.clone()))?;
    if !(i64::from(i.min)..=i64::from(i.max)).contains(&s.score) {
        return Err(RecordError::ScoreOutOfRange { instrument: i.name.clone(), min: i.min, max: i.max, value: s.score });
    }
    Ok(())
}

const TEST_COLUMNS: &str =
    "tested_on, calf_raises_left, calf_raises_right, knee_to_wall_left_cm, knee_to_wall_right_cm, hop_pain, walk_pain, calf_raise_pain";

/// Records a day's tests. A second record on the same day fills in or corrects what it gives and
/// keeps the measures it leaves out (calf raises in the morning, a hop test in the evening).
/// Returns the day's record as stored.
pub fn record_test(store: &mut Store, profile_id: i64, test: &FunctionalTest) -> Result<FunctionalTest, RecordError> {
    check_test(test)?;
    let tx = store.conn_mut().transaction()?;
    tx.execute(
        &format!(
            "INSERT INTO functional_tests (profile_id, {TEST_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (profile_id, tested_on) DO UPDATE SET
               calf_raises_left = coalesce(excluded.calf_raises_left, calf_raises_left),
               calf_raises_right = coalesce(excluded.calf_raises_right, calf_raises_right),
               knee_to_wall_left_cm = coalesce(excluded.knee_to_wall_left_cm, knee_to_wall_left_cm),
               knee_to_wall_right_cm = coalesce(excluded.knee_to_wall_right_cm, knee_to_wall_right_cm),
               hop_pain = coalesce(excluded.hop_pain, hop_pain),
               walk_pain = coalesce(excluded.walk_pain, walk_pain),
               calf_raise_pain = coalesce(excluded.calf_raise_pain, calf_raise_pain)"
        ),
        test_params(profile_id, test),
    )?;
    let stored = tx
        .query_row(
            &format!("SELECT {TEST_COLUMNS} FROM functional_tests WHERE profile_id = ?1 AND tested_on = ?2"),
            params![profile_id, test.tested_on.to_string()],
            read_test,
        )
        .optional()?
        .expect("the row was just written");
    tx.commit()?;
    Ok(stored)
}

fn test_params(profile_id: i64, t: &FunctionalTest) -> [Box<dyn rusqlite::ToSql + '_>; 9] {
    [
        Box::new(profile_id),
        Box::new(t.tested_on.to_string()),
        Box::new(t.calf_raises_left),
        Box::new(t.calf_raises_right),
        Box::new(t.knee_to_wall_left_cm),
        Box::new(t.knee_to_wall_right_cm),
        Box::new(t.hop_pain),
        Box::new(t.walk_pain),
        Box::new(t.calf_raise_pain),
    ]
}

fn read_test(r: &rusqlite::Row) -> rusqlite::Result<FunctionalTest> {
    Ok(FunctionalTest {
        tested_on: read_day(r, 0)?,
        calf_raises_left: r.get(1)?,
        calf_raises_right: r.get(2)?,
        knee_to_wall_left_cm: r.get(3)?,
        knee_to_wall_right_cm: r.get(4)?,
        hop_pain: r.get(5)?,
        walk_pain: r.get(6)?,
        calf_raise_pain: r.get(7)?,
    })
}

/// A profile's tests, oldest first.
pub fn list_tests(conn: &Connection, profile_id: i64) -> Result<Vec<FunctionalTest>, RecordError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {TEST_COLUMNS} FROM functional_tests WHERE profile_id = ?1 ORDER BY tested_on"))?;
    let rows = stmt.query_map([profile_id], read_test)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The table of outcome scores: one per instrument and day.
const SCORES: DailyValues = DailyValues { table: "outcome_scores", key: "instrument", day: "scored_on", value: "score" };

/// Records a score; the same instrument on the same day again replaces it (a correction).
pub fn record_score(store: &mut Store, profile_id: i64, score: &OutcomeScore) -> Result<(), RecordError> {
    check_score(score)?;
    Ok(SCORES.record(store, profile_id, &score.instrument, score.scored_on, &score.score)?)
}

/// A profile's scores, oldest first.
pub fn list_scores(conn: &Connection, profile_id: i64) -> Result<Vec<OutcomeScore>, RecordError> {
    Ok(SCORES.list(conn, profile_id, |instrument, scored_on, score| OutcomeScore { instrument, scored_on, score })?)
}

/// Inserts a backup's records in the caller's transaction, each checked first; a day already
/// recorded here is kept. Returns how many were added.
pub(crate) fn insert_all(conn: &Connection, profile_id: i64, tests: &[FunctionalTest], scores: &[OutcomeScore]) -> Result<usize, RecordError> {
    let mut added = 0;
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO functional_tests (profile_id, {TEST_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING"
    ))?;
    for t in tests {
        check_test(t)?;
        added += stmt.execute(rusqlite::params_from_iter(test_params(profile_id, t)))?;
    }
    for s in scores {
        check_score(s)?;
        added += SCORES.insert_new(conn, profile_id, &s.instrument, s.scored_on, &s.score)?;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn store_with_profile() -> (Store, i64) {
        crate::profiles::ana_in_memory("2026-12-01T00:00:00Z".parse().unwrap())
    }

    fn raises(l: i64, r: i64) -> FunctionalTest {
        FunctionalTest { tested_on: day("2026-12-07"), calf_raises_left: Some(l), calf_raises_right: Some(r), ..Default::default() }
    }

    #[test]
    fn a_negative_or_too_large_calf_raise_count_is_refused_by_name_and_nothing_is_saved() {
        let (mut store, p) = store_with_profile();
        for (l, r) in [(-1, 20), (20, 201)] {
            let err = record_test(&mut store, p, &raises(l, r)).unwrap_err();
            assert_eq!(err.code(), "rtr_calf_raises_out_of_range");
            assert!(err.to_string().contains("calf raises") && err.to_string().contains("0 to 200"), "{err}");
        }
        assert!(list_tests(store.conn(), p).unwrap().is_empty());
    }

    #[test]
    fn every_check_matches_a_constraint_of_the_schema() {
        let (mut store, p) = store_with_profile();
        let cases: Vec<(FunctionalTest, &str)> = vec![
            (FunctionalTest { knee_to_wall_left_cm: Some(31.0), knee_to_wall_right_cm: Some(10.0), ..raises(1, 1) }, "rtr_knee_to_wall_out_of_range"),
            (FunctionalTest { knee_to_wall_left_cm: Some(f64::NAN), knee_to_wall_right_cm: Some(10.0), ..raises(1, 1) }, "rtr_knee_to_wall_out_of_range"),
            (FunctionalTest { hop_pain: Some(11), ..raises(1, 1) }, "rtr_pain_out_of_range"),
            (FunctionalTest { walk_pain: Some(-1), ..raises(1, 1) }, "rtr_pain_out_of_range"),
            (FunctionalTest { calf_raise_pain: Some(12), ..raises(1, 1) }, "rtr_pain_out_of_range"),
            (FunctionalTest { calf_raises_right: None, ..raises(1, 1) }, "rtr_one_side_only"),
            (FunctionalTest { knee_to_wall_left_cm: Some(8.0), ..raises(1, 1) }, "rtr_one_side_only"),
            (FunctionalTest { tested_on: day("2026-12-07"), ..Default::default() }, "rtr_empty_test"),
        ];
        for (t, code) in cases {
            let err = record_test(&mut store, p, &t).unwrap_err();
            assert_eq!(err.code(), code, "{t:?}: {err}");
            // The same row written past the check is refused by the schema too.
            let direct = store.conn().execute(
                &format!("INSERT INTO functional_tests (profile_id, {TEST_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
                rusqlite::params_from_iter(test_params(p, &t)),
            );
            assert!(direct.is_err(), "the schema also refuses {t:?}");
        }
        // The year is the log's own bound (1900-2999), stricter than the schema's date pattern.
        let old = FunctionalTest { tested_on: day("1899-12-31"), ..raises(1, 1) };
        assert_eq!(record_test(&mut store, p, &old).unwrap_err().code(), "rtr_bad_day");
        assert!(list_tests(store.conn(), p).unwrap().is_empty());
        for bad in [OutcomeScore { instrument: "lefs".into(), scored_on: day("2026-12-07"), score: 81 }, OutcomeScore { instrument: "visa_a".into(), scored_on: day("2026-12-07"), score: -1 }] {
            assert_eq!(record_score(&mut store, p, &bad).unwrap_err().code(), "rtr_score_out_of_range");
            let direct = store.conn().execute(
                "INSERT INTO outcome_scores (profile_id, instrument, scored_on, score) VALUES (?1, ?2, ?3, ?4)",
                params![p, bad.instrument, bad.scored_on.to_string(), bad.score],
            );
            assert!(direct.is_err(), "the schema also refuses {bad:?}");
        }
        let unknown = OutcomeScore { instrument: "koos".into(), scored_on: day("2026-12-07"), score: 50 };
        assert_eq!(record_score(&mut store, p, &unknown).unwrap_err().code(), "rtr_unknown_instrument");
        assert!(list_scores(store.conn(), p).unwrap().is_empty());
    }

    #[test]
    fn a_second_record_on_a_day_fills_in_and_corrects_it() {
        let (mut store, p) = store_with_profile();
        record_test(&mut store, p, &raises(22, 30)).unwrap();
        let both = record_test(&mut store, p, &FunctionalTest { tested_on: day("2026-12-07"), hop_pain: Some(2), ..Default::default() }).unwrap();
        assert_eq!((both.calf_raises_left, both.hop_pain), (Some(22), Some(2)));
        record_test(&mut store, p, &raises(25, 30)).unwrap();
        let all = list_tests(store.conn(), p).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].calf_raises_left, all[0].hop_pain), (Some(25), Some(2)));
    }

    #[test]
    fn scores_are_kept_per_instrument_and_day_and_a_second_one_corrects() {
        let (mut store, p) = store_with_profile();
        let s = |score, on: &str| OutcomeScore { instrument: "lefs".into(), scored_on: day(on), score };
        record_score(&mut store, p, &s(50, "2026-11-23")).unwrap();
        record_score(&mut store, p, &s(60, "2026-12-07")).unwrap();
        record_score(&mut store, p, &s(62, "2026-12-07")).unwrap();
        let all = list_scores(store.conn(), p).unwrap();
        assert_eq!(all.iter().map(|s| s.score).collect::<Vec<_>>(), [50, 62]);
    }
}
