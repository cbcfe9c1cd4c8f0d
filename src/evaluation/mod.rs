//! "How accurate is this?": the engine scored on the case sets it ships with, computed on the
//! spot, full case and interview, so a physio can check the tool before trusting it.
//!
//! `sets` reads the manifest (tests/data/sets.toml) and the embedded cases; `score` gives the
//! figures of one set one way, as ../shared/clinical/score_cases.py (full case) and
//! interview_cases.py (the questionnaire) do through the CLI. `soleus benchmark` prints them;
//! the app shows them from every result.

pub mod score;
pub mod sets;

use serde::Serialize;
use ts_rs::TS;

pub use score::{score, Figures, Mode, MAX_QUESTIONS};
pub use sets::{cases, embedded_bytes, sets, CaseSet, LabelledCase, SetError};

/// One set's figures, each way.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SetFigures {
    pub set: CaseSet,
    /// Every finding of the case given at once.
    pub full_case: Figures,
    /// The questionnaire with a physio examining: one suggested question at a time.
    pub interview: Figures,
    /// The questionnaire answered by a runner alone (no examination tests).
    pub runner: Figures,
}

/// The figures of every shipped set.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Benchmark {
    pub sets: Vec<SetFigures>,
    /// The most questions an interview may ask before it is scored as it stands.
    #[ts(type = "number")]
    pub max_questions: usize,
}

/// Scores one set every way.
pub fn score_set(set: &CaseSet) -> Result<SetFigures, SetError> {
    let cases = cases(set)?;
    let by = |mode| score(&cases, mode).map_err(|(id, e)| SetError { file: set.file.clone(), message: format!("case {id}: {e}") });
    Ok(SetFigures {
        set: set.clone(),
        full_case: by(Mode::FullCase)?,
        interview: by(Mode::Interview { runner: false })?,
        runner: by(Mode::Interview { runner: true })?,
    })
}

/// Every shipped set, scored now.
pub fn benchmark() -> Result<Benchmark, SetError> {
    Ok(Benchmark { sets: sets()?.iter().map(score_set).collect::<Result<_, _>>()?, max_questions: MAX_QUESTIONS })
}
