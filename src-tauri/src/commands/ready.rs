//! `ui_ready`: the UI's first interactive screen is painted (see crate::ready).

use soleus::ErrorPayload;
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command]
pub fn ui_ready(_state: State<'_, AppState>) -> Reply<()> {
    crate::ready::note_ready().map_err(|e| ErrorPayload { code: soleus::ErrorCode::ReadyFile, message: format!("the ready file could not be written: {e}") })
}
