//! Exercises done: which exercise of the library, on which (local) day, how many sets.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rows::DailyValues;
use super::{LogError, check_len};
use crate::store::Store;

pub const MAX_SETS: u8 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExerciseCompletion {
    /// An exercise id of the exercise library, e.g. `"bent_knee_calf_raise"`.
    pub exercise_id: String,
    pub done_on: NaiveDate,
    pub sets_done: u8,
}

fn check(c: &ExerciseCompletion) -> Result<(), LogError> {
    if c.exercise_id.trim().is_empty() {
        return Err(LogError::BadBackup("an exercise completion needs an exercise id".into()));
    }
    check_len("exercise id", &c.exercise_id, 100)?;
    // The schema stores the day as YYYY-MM-DD text (a GLOB): a five-digit or negative year would
    // not fit, and any year outside the log's own bounds is a mistake anyway.
    if !(1900..=2999).contains(&c.done_on.year()) {
        return Err(LogError::BadBackup(format!("an exercise was done on {}, outside the years 1900 to 2999", c.done_on)));
    }
    if c.sets_done == 0 || c.sets_done > MAX_SETS {
        return Err(LogError::BadBackup(format!("sets done must be 1 to {MAX_SETS}; got {}", c.sets_done)));
    }
    Ok(())
}

/// The table: one count of sets per exercise and day.
const DONE: DailyValues = DailyValues { table: "exercise_completions", key: "exercise_id", day: "done_on", value: "sets_done" };

/// Records the sets done of an exercise on a day; recording the same exercise and day again
/// replaces the count (the person corrected it).
pub fn record(store: &mut Store, profile_id: i64, completion: &ExerciseCompletion) -> Result<(), LogError> {
    check(completion)?;
    Ok(DONE.record(store, profile_id, &completion.exercise_id, completion.done_on, &completion.sets_done)?)
}

/// Inserts completions in the caller's transaction, keeping any already stored for that day.
pub(crate) fn insert_all(conn: &Connection, profile_id: i64, all: &[ExerciseCompletion]) -> Result<usize, LogError> {
    let mut added = 0;
    for c in all {
        check(c)?;
        added += DONE.insert_new(conn, profile_id, &c.exercise_id, c.done_on, &c.sets_done)?;
    }
    Ok(added)
}

/// All completions, oldest first.
pub fn list(conn: &Connection, profile_id: i64) -> Result<Vec<ExerciseCompletion>, LogError> {
    Ok(DONE.list(conn, profile_id, |exercise_id, done_on, sets_done| ExerciseCompletion { exercise_id, done_on, sets_done })?)
}
