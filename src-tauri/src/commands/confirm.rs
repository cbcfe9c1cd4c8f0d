//! A clinician confirms the cause on a saved check. One-line adapters to `soleus::app::confirm`.

use chrono::Utc;
use soleus::app::confirm::{self, Cause};
use soleus::app::saved::SavedCheck;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Every cause a clinician may confirm, in the knowledge base's order.
#[tauri::command]
pub fn check_causes(_state: State<'_, AppState>) -> Reply<Vec<Cause>> {
    Ok(confirm::causes())
}

/// Records that `by` examined and confirmed `condition` on the profile's saved check `id`.
#[tauri::command]
pub fn confirm_check(state: State<'_, AppState>, profile_id: i64, id: i64, condition: String, by: String) -> Reply<SavedCheck> {
    state.with_store(|store| confirm::confirm(store, profile_id, id, &condition, &by, Utc::now()))
}
