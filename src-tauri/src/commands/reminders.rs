//! Reminders: the times the runner picked for the exercises and the next-morning pain score.
//! They are shown by the shell's reminder clock (`crate::reminder_clock`), not by the page.

use soleus::reminders::{self, ReminderKind, Reminders};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// A profile's reminders; both off until a time is set.
#[tauri::command]
pub fn get_reminders(state: State<'_, AppState>, profile_id: i64) -> Reply<Reminders> {
    state.with_store(|store| reminders::get(store.conn(), profile_id))
}

/// Sets one reminder's time ("07:30"), or turns it off (`null` or empty). A time that is not a
/// time of day is refused with `reminder_bad_time` and nothing is saved.
#[tauri::command]
pub fn set_reminder(state: State<'_, AppState>, profile_id: i64, kind: ReminderKind, time: Option<String>) -> Reply<Reminders> {
    state.with_store(|store| reminders::set(store, profile_id, kind, time.as_deref()))
}
