//! The crash log, read-only: the window offers to show it after a panic. Nothing is sent.

use soleus::crash_log::CrashLog;
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command]
pub fn crash_log(state: State<'_, AppState>) -> Reply<Option<CrashLog>> {
    state.crash_log()
}
