//! App settings: units and theme.

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
