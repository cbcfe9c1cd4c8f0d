//! Check: the questionnaire. One-line adapters to `soleus::app::check`, which assesses every
//! answer, words the result and saves a finished check.

use chrono::Utc;
use soleus::app::check::{self, CheckAnswers, CheckStep, Saving, Screen};
use soleus::app::questions;
pub use soleus::app::questions::CheckQuestions;
use soleus::app::saved::{self, SavedCheck};
use soleus::log::assessments;
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command]
pub fn check_questions(_state: State<'_, AppState>) -> Reply<CheckQuestions> {
    Ok(questions::questions())
}

/// Off the main thread (`async`), which also draws the window: the Check screen asks for the
/// next step after each one-click answer while a question is read (ui/src/lib/checkAhead.ts).
#[tauri::command(async)]
pub fn assess_check(_state: State<'_, AppState>, answers: CheckAnswers) -> Reply<CheckStep> {
    check::step(&answers).map_err(|e| soleus::Error::from(e).payload())
}

/// Saves the check as the engine assesses it now (never a result the window sent), with the
/// clinician's notes and who examined (none when not given).
#[tauri::command]
pub fn save_check(state: State<'_, AppState>, profile_id: i64, answers: CheckAnswers, notes: String, examined_by: Option<String>) -> Reply<SavedCheck> {
    let saving = Saving { notes: &notes, examined_by: examined_by.as_deref().unwrap_or(""), screen: Screen::Required };
    state.with_store(|store| saved::save(store, profile_id, &answers, saving, Utc::now()))
}

/// Replaces a saved check's clinician notes.
#[tauri::command]
pub fn set_check_notes(state: State<'_, AppState>, profile_id: i64, id: i64, notes: String) -> Reply<SavedCheck> {
    state.with_store(|store| saved::set_notes(store, profile_id, id, &notes))
}

/// The profile's saved checks, newest first.
#[tauri::command]
pub fn list_checks(state: State<'_, AppState>, profile_id: i64) -> Reply<Vec<SavedCheck>> {
    state.with_store(|store| saved::list(store, profile_id))
}

/// Deletes one saved check of the profile; another profile's is refused by name.
#[tauri::command]
pub fn delete_check(state: State<'_, AppState>, profile_id: i64, id: i64) -> Reply<()> {
    state.with_store(|store| assessments::delete(store, profile_id, id))
}
