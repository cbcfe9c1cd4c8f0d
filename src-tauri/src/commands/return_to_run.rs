//! The return to running: record the functional tests and outcome scores, and the core's verdicts
//! on them for the Plan screen's panel and the Log screen's outcome chart.

use chrono::Local;
use soleus::app::return_to_run as recorded;
use soleus::return_to_run::progress::OutcomeView;
use soleus::return_to_run::{self as rtr, FunctionalTest, OutcomeScore, ReturnToRun};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Where the profile is on the way back to running, for a chosen saved check's plan (none: the
/// latest); `None` without a saved check.
#[tauri::command]
pub fn return_to_run(state: State<'_, AppState>, profile_id: i64, check_id: Option<i64>) -> Reply<Option<ReturnToRun>> {
    state.with_store(|store| rtr::for_profile(store, profile_id, check_id, Local::now().date_naive()))
}

/// Records a day's tests (a second record that day fills it in); returns the day as stored.
#[tauri::command]
pub fn record_functional_test(state: State<'_, AppState>, profile_id: i64, test: FunctionalTest) -> Reply<FunctionalTest> {
    state.with_store(|store| rtr::records::record_test(store, profile_id, &test))
}

/// Records an outcome score; returns the profile's outcome view with it.
#[tauri::command]
pub fn record_outcome_score(state: State<'_, AppState>, profile_id: i64, score: OutcomeScore) -> Reply<OutcomeView> {
    state.with_store(|store| recorded::record_outcome_score(store, profile_id, &score, Local::now().date_naive()))
}

/// The profile's outcome scores for its instrument, and when the next is due.
#[tauri::command]
pub fn outcome_scores(state: State<'_, AppState>, profile_id: i64) -> Reply<OutcomeView> {
    state.with_store(|store| rtr::outcome_for_profile(store, profile_id, Local::now().date_naive()))
}
