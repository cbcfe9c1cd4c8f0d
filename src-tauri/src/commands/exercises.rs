//! The exercise library, one exercise with its illustration, and the exercises a person did.
//! One-line adapters to `soleus::app::exercises` (the views, a day's sets recorded) and
//! `soleus::log::exercises` (the list).

use chrono::NaiveDate;
pub use soleus::app::exercises::{ExerciseLibrary, ExerciseView};
use soleus::app::exercises as views;
use soleus::log::exercises::{self as done, ExerciseCompletion};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Off the main thread: the first call draws all forty illustrations (cached after that).
#[tauri::command(async)]
pub fn exercise_library(_state: State<'_, AppState>) -> Reply<ExerciseLibrary> {
    Ok(views::library())
}

#[tauri::command]
pub fn get_exercise(_state: State<'_, AppState>, id: String) -> Reply<ExerciseView> {
    views::exercise(&id).map_err(|e| soleus::Error::from(e).payload())
}

/// Records that the profile did an exercise on a day (the person's local date, from the UI);
/// recording it again that day replaces the count of sets.
#[tauri::command]
pub fn record_exercise_done(state: State<'_, AppState>, profile_id: i64, exercise_id: String, done_on: NaiveDate, sets_done: u8) -> Reply<()> {
    let completion = ExerciseCompletion { exercise_id, done_on, sets_done };
    state.with_store(|store| views::record_done(store, profile_id, &completion))
}

/// Every exercise the profile recorded as done, oldest first.
#[tauri::command]
pub fn list_exercise_completions(state: State<'_, AppState>, profile_id: i64) -> Reply<Vec<ExerciseCompletion>> {
    state.with_store(|store| done::list(store.conn(), profile_id))
}
