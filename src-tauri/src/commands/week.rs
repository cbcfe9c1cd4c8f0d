//! The plan as days: this week and the next of a profile's latest (or a chosen) saved check.
//! A one-line adapter to `soleus::app::week`; the clock is read here.

use chrono::Local;
use soleus::app::week;
use soleus::plans::WeekCalendar;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// The week calendar of the check the Plan screen shows (`check_id`, else the latest), for the
/// machine's today; `None` when the profile has no saved check yet.
#[tauri::command]
pub fn week_plan(state: State<'_, AppState>, profile_id: i64, check_id: Option<i64>) -> Reply<Option<WeekCalendar>> {
    state.with_store(|store| week::week_plan(store, profile_id, check_id, Local::now().fixed_offset()))
}
