//! Profiles: one per person whose data the app keeps.

use chrono::Utc;
use soleus::profiles::{self, Profile};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command]
pub fn list_profiles(state: State<'_, AppState>) -> Reply<Vec<Profile>> {
    state.with_store(|store| profiles::list(store))
}

#[tauri::command]
pub fn create_profile(state: State<'_, AppState>, name: String) -> Reply<Profile> {
    state.with_store(|store| profiles::create(store, &name, Utc::now()))
}

#[tauri::command]
pub fn rename_profile(state: State<'_, AppState>, id: i64, name: String) -> Reply<Profile> {
    state.with_store(|store| profiles::rename(store, id, &name))
}

#[tauri::command]
pub fn delete_profile(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_store(|store| profiles::delete(store, id))
}

#[tauri::command]
pub fn get_active_profile(state: State<'_, AppState>) -> Reply<Option<Profile>> {
    state.with_store(|store| profiles::active(store))
}

#[tauri::command]
pub fn set_active_profile(state: State<'_, AppState>, id: i64) -> Reply<Profile> {
    state.with_store(|store| profiles::set_active(store, id))
}
