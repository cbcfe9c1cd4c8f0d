//! "How accurate is this?": the engine's figures on the case sets it ships with, computed now.

use soleus::evaluation::{self, Benchmark};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Every shipped set scored full case and interview. It takes a second or two, so `async` runs
/// it on Tauri's thread pool, never on the window's thread.
#[tauri::command(async)]
pub fn accuracy_figures(_state: State<'_, AppState>) -> Reply<Benchmark> {
    evaluation::benchmark().map_err(|e| soleus::Error::from(e).payload())
}
