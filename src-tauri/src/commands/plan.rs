//! The plan: the management plan of a profile's latest (or a chosen) saved check, and the
//! recurrence protocol. One-line adapters to `soleus::app::plan` and `soleus::plans`; the clock
//! is read here.

use chrono::Local;
pub use soleus::app::plan::SavedPlan;
use soleus::app::plan;
use soleus::plans::{self, Plan, Today};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// The plan of the profile's latest saved check, or `None` when it has none yet.
#[tauri::command]
pub fn latest_plan(state: State<'_, AppState>, profile_id: i64) -> Reply<Option<SavedPlan>> {
    state.with_store(|store| plan::latest_plan(store, profile_id, Local::now().fixed_offset()))
}

/// The plan of one saved check of the profile (chosen from its past checks); another profile's
/// check, or one deleted, is `saved_check_not_found`.
#[tauri::command]
pub fn check_plan(state: State<'_, AppState>, profile_id: i64, check_id: i64) -> Reply<SavedPlan> {
    state.with_store(|store| plan::check_plan(store, profile_id, check_id, Local::now().fixed_offset()))
}

/// The protocol for a calf that tweaks again after it had recovered.
#[tauri::command]
pub fn tweak_plan(_state: State<'_, AppState>) -> Reply<Plan> {
    Ok(plans::tweak_plan())
}

/// The recurrence protocol's Today card, for the machine's today.
#[tauri::command]
pub fn tweak_today(_state: State<'_, AppState>) -> Reply<Today> {
    Ok(plans::tweak_today(Local::now().date_naive()))
}
