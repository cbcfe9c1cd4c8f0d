//! The return to running, measured (issue 13): the runner's functional tests and outcome scores
//! (`records`), the protocols, walk-run ladder and instruments of `knowledge/return_to_run.toml`
//! (`knowledge`), and the verdicts on them (`progress`): which criteria are met, the stage the
//! runner is in, what unlocks the next step. The clients show these; they decide nothing.

pub mod knowledge;
pub mod progress;
pub mod records;

use crate::error_code::ErrorCode;
use chrono::NaiveDate;

pub use progress::{progress, CriterionVerdict, ReturnToRun};
pub use records::{FunctionalTest, OutcomeScore};

use crate::log::assessments;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("the {field} must be a whole number from 0 to 200; got {value}")]
    CalfRaisesOutOfRange { field: &'static str, value: i64 },
    #[error("the {field} must be 0 to 30 cm; got {value}")]
    KneeToWallOutOfRange { field: &'static str, value: f64 },
    #[error("the {field} must be a whole number from 0 (no pain) to 10 (worst imaginable); got {value}")]
    PainOutOfRange { field: &'static str, value: i64 },
    #[error("the {0} need both legs, left and right, so the sides can be compared")]
    OneSideOnly(&'static str),
    #[error("a test record needs at least one result (calf raises, knee-to-wall, or a pain score)")]
    EmptyTest,
    #[error("{what} on {day} is outside the years 1900 to 2999")]
    BadDay { what: &'static str, day: String },
    #[error("there is no outcome questionnaire \"{0}\" (Soleus keeps visa_a and lefs)")]
    UnknownInstrument(String),
    #[error("a {instrument} score must be a whole number from {min} to {max}; got {value}")]
    ScoreOutOfRange { instrument: String, min: u32, max: u32, value: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for RecordError {
    fn from(e: rusqlite::Error) -> Self {
        RecordError::Store(e.into())
    }
}

impl RecordError {
    pub fn code(&self) -> ErrorCode {
        match self {
            RecordError::CalfRaisesOutOfRange { .. } => ErrorCode::RtrCalfRaisesOutOfRange,
            RecordError::KneeToWallOutOfRange { .. } => ErrorCode::RtrKneeToWallOutOfRange,
            RecordError::PainOutOfRange { .. } => ErrorCode::RtrPainOutOfRange,
            RecordError::OneSideOnly(_) => ErrorCode::RtrOneSideOnly,
            RecordError::EmptyTest => ErrorCode::RtrEmptyTest,
            RecordError::BadDay { .. } => ErrorCode::RtrBadDay,
            RecordError::UnknownInstrument(_) => ErrorCode::RtrUnknownInstrument,
            RecordError::ScoreOutOfRange { .. } => ErrorCode::RtrScoreOutOfRange,
            RecordError::Store(e) => e.code(),
        }
    }

    pub fn is_bad_input(&self) -> bool {
        !matches!(self, RecordError::Store(_))
    }

    /// A failure reading records (which only the store can cause) as the log's error, for the
    /// readers that return one: the week calendar, the report.
    pub fn into_read_error(self) -> crate::log::LogError {
        match self {
            RecordError::Store(e) => crate::log::LogError::Store(e),
            other => unreachable!("reading records refuses nothing: {other}"),
        }
    }
}

/// The plan of a profile's chosen saved check (or its latest); `None` without one, or for a check
/// an older Soleus saved that no longer reads as a result.
fn plan_of(store: &Store, profile_id: i64, check_id: Option<i64>) -> Result<Option<crate::plans::Plan>, crate::Error> {
    let saved = match check_id {
        Some(id) => Some(assessments::get(store.conn(), profile_id, id)?),
        None => assessments::latest(store.conn(), profile_id)?,
    };
    Ok(saved.and_then(|s| s.assessment()).map(|a| crate::plans::plan(&a)))
}

/// The return to running for a profile's chosen (or latest) saved check on `today`; `None`
/// without a saved check.
pub fn for_profile(store: &Store, profile_id: i64, check_id: Option<i64>, today: NaiveDate) -> Result<Option<ReturnToRun>, crate::Error> {
    let Some(plan) = plan_of(store, profile_id, check_id)? else { return Ok(None) };
    let tests = records::list_tests(store.conn(), profile_id)?;
    let scores = records::list_scores(store.conn(), profile_id)?;
    Ok(progress(&plan, &tests, &scores, today))
}

/// The outcome scores of the instrument for the profile's latest check (the default instrument,
/// the LEFS, before any check), with when the next is due.
pub fn outcome_for_profile(store: &Store, profile_id: i64, today: NaiveDate) -> Result<progress::OutcomeView, crate::Error> {
    let plan = plan_of(store, profile_id, None)?;
    let condition = plan.as_ref().and_then(|p| p.conditions.first()).map_or("", |c| c.condition.as_str());
    Ok(progress::outcome(condition, &records::list_scores(store.conn(), profile_id)?, today))
}
