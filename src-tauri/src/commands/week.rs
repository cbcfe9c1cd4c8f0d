//! The plan as days: this week and the next of a profile's latest (or a chosen) saved check.

use chrono::Local;
use soleus::log::assessments;
use soleus::plans::{self, WeekCalendar};
use soleus::settings;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// The week calendar of the check the Plan screen shows (`check_id`, else the latest), for the
/// machine's today; `None` when the profile has no saved check yet.
#[tauri::command]
pub fn week_plan(state: State<'_, AppState>, profile_id: i64, check_id: Option<i64>) -> Reply<Option<WeekCalendar>> {
    state.with_store(|store| {
        let saved = match check_id {
            Some(id) => Some(assessments::get(store.conn(), profile_id, id)?),
            None => assessments::latest(store.conn(), profile_id)?,
        };
        let Some(saved) = saved else { return Ok(None) };
        // A check an older Soleus saved unreadably has no plan; the Plan screen already says why.
        let Some(assessment) = saved.assessment() else { return Ok(None) };
        let plan = plans::plan(&assessment);
        let units = settings::get(store)?.units;
        let week = plans::week_from_log(store.conn(), profile_id, &plan, saved.created_at, Local::now().fixed_offset(), units)?;
        Ok::<_, soleus::Error>(Some(week))
    })
}
