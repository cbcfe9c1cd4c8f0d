//! The week calendar of the check the Plan screen shows: this week and the next of a profile's
//! chosen (else latest) saved check, for the client's today. Reads the store; decides nothing
//! itself (the calendar is `plans::week_from_log`'s).

use chrono::{DateTime, FixedOffset};

use crate::log::assessments;
use crate::plans::{self, WeekCalendar};
use crate::settings;
use crate::store::Store;
use crate::Error;

/// The calendar of saved check `check_id` (else the latest) at `now`, in the saved units;
/// `None` when the profile has no saved check yet, or when the check was saved unreadably by an
/// older Soleus (it has no plan; the Plan screen already says why).
pub fn week_plan(store: &Store, profile_id: i64, check_id: Option<i64>, now: DateTime<FixedOffset>) -> Result<Option<WeekCalendar>, Error> {
    let saved = match check_id {
        Some(id) => Some(assessments::get(store.conn(), profile_id, id)?),
        None => assessments::latest(store.conn(), profile_id)?,
    };
    let Some(saved) = saved else { return Ok(None) };
    let Some(assessment) = saved.assessment() else { return Ok(None) };
    let plan = plans::plan(&assessment);
    let units = settings::get(store)?.units;
    Ok(Some(plans::week_from_log(store.conn(), profile_id, &plan, saved.created_at, now, units)?))
}
