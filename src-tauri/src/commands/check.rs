//! Check: the questionnaire. The questions come from the knowledge base, every answer is
//! validated and assessed by the engine, and a finished check is saved for a profile.

use chrono::Utc;
use serde::Deserialize;
use serde_json::{Map, Value};
use soleus::engine::knowledge::{self, FindingInfo};
use soleus::engine::{self, Assessment, Case, CaseError};
use soleus::log::assessments::{self, SavedAssessment};
use soleus::profiles;
use tauri::State;
use ts_rs::TS;

use super::Reply;
use crate::state::AppState;

/// The questions and when the interview has enough to go on.
#[derive(Debug, Clone, serde::Serialize, TS)]
pub struct CheckQuestions {
    /// Every finding the engine may ask about, in the vocabulary's order.
    pub questions: Vec<FindingInfo>,
    /// The top cause's probability at which `next_questions` stops (the result is settled).
    pub settled_at: f64,
}

/// The answers of a check so far.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct CheckAnswers {
    /// Finding key to answer (true/false, a choice's value id, or a number).
    #[ts(type = "Record<string, boolean | string | number>")]
    pub findings: Map<String, Value>,
    /// Questions asked that the person could not answer: never asked again.
    pub not_known: Vec<String>,
    /// A physio is examining: without one, examination tests are never asked.
    pub examining: bool,
}

impl CheckAnswers {
    /// The engine's case, validated; a bad answer is the engine's error naming its key.
    fn case(&self) -> Result<Case, CaseError> {
        let case = Case::from_value(serde_json::json!({ "findings": self.findings, "not_known": self.not_known }))?;
        Ok(if self.examining { case } else { case.without_examination() })
    }
}

#[tauri::command]
pub fn check_questions(_state: State<'_, AppState>) -> Reply<CheckQuestions> {
    let kb = knowledge::get();
    Ok(CheckQuestions { questions: kb.findings().to_vec(), settled_at: kb.settled_at() })
}

#[tauri::command]
pub fn assess_check(_state: State<'_, AppState>, answers: CheckAnswers) -> Reply<Assessment> {
    let case = answers.case().map_err(|e| soleus::Error::from(e).payload())?;
    Ok(engine::assess(&case))
}

/// Saves the check as the engine assesses it now (never a result the window sent).
#[tauri::command]
pub fn save_check(state: State<'_, AppState>, profile_id: i64, answers: CheckAnswers) -> Reply<SavedAssessment> {
    let case = answers.case().map_err(|e| soleus::Error::from(e).payload())?;
    let result = engine::assess(&case);
    state.with_store(|store| -> Result<_, soleus::Error> {
        profiles::get(store, profile_id)?;
        Ok(assessments::save(store, profile_id, &case.to_json(), &result, Utc::now())?)
    })
}

/// The profile's saved checks, newest first.
#[tauri::command]
pub fn list_checks(state: State<'_, AppState>, profile_id: i64) -> Reply<Vec<SavedAssessment>> {
    state.with_store(|store| -> Result<_, soleus::Error> {
        profiles::get(store, profile_id)?;
        let mut all = assessments::list(store.conn(), profile_id)?;
        all.reverse();
        Ok(all)
    })
}

/// Deletes one saved check of the profile; another profile's is refused by name.
#[tauri::command]
pub fn delete_check(state: State<'_, AppState>, profile_id: i64, id: i64) -> Reply<()> {
    state.with_store(|store| assessments::delete(store, profile_id, id))
}
