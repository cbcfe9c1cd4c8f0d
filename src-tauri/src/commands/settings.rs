//! App settings: units, theme, and the clinician's or clinic's name reports are signed with.

use soleus::settings::{self, Settings};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    state.with_store(|store| settings::get(store))
}

#[tauri::command]
pub fn update_settings(state: State<'_, AppState>, settings: Settings) -> Reply<Settings> {
    state.with_store(|store| settings::update(store, settings))
}

/// The name reports are signed with; empty when none is set.
#[tauri::command]
pub fn get_clinic_name(state: State<'_, AppState>) -> Reply<String> {
    state.with_store(|store| settings::clinic_name(store))
}

/// Saves the name reports are signed with (trimmed; empty clears it). A name of only spaces is
/// refused with `clinic_name_blank` and nothing is saved.
#[tauri::command]
pub fn set_clinic_name(state: State<'_, AppState>, name: String) -> Reply<String> {
    state.with_store(|store| settings::set_clinic_name(store, &name))
}
