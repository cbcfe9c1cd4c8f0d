//! The week calendar of the check the Plan screen shows: this week and the next of a profile's
//! chosen (else latest) saved check, for the client's today, from the plan that screen shows. Reads the store; decides nothing
//! itself (the calendar is `plans::week_from_log`'s).

use chrono::{DateTime, FixedOffset};

use crate::log::assessments;
use super::saved::SavedCheck;
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
    let created_at = saved.created_at;
    // The same plan the Plan screen shows above the calendar: a cause a clinician confirmed
    // replaces the check's most likely one, and the phases are dated from the injury.
    let Some(plan) = SavedCheck::of(saved).plan(*now.offset()) else { return Ok(None) };
    let units = settings::get(store)?.units;
    Ok(Some(plans::week_from_log(store.conn(), profile_id, &plan, created_at, now, units)?))
}
