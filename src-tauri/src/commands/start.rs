//! What the window opens on, in one call at start-up (`soleus::app::start`).

use soleus::app::start::{self, Start};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command]
pub fn start(state: State<'_, AppState>) -> Reply<Start> {
    state.with_store(|store| start::start(store))
}
