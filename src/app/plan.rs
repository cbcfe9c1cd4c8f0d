//! The Plan screen's header and plan: a saved check's plan (the confirmed cause's when a
//! clinician confirmed one, else "If this is ..."), its triage, top cause and that cause's chance
//! in words, and the Today card for the client's today. Reads the store; words nothing itself
//! (`SavedCheck` and `plans` do).

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::saved::SavedCheck;
use crate::engine::Triage;
use crate::log::assessments::{self, SavedAssessment};
use crate::log::LogError;
use crate::plans::{self, Plan, Role, Today};
use crate::settings;
use crate::store::Store;
use crate::Error;

/// A saved check's plan, with what the Plan screen's header needs.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedPlan {
    /// The saved check's id.
    pub check_id: i64,
    /// When the check was saved.
    pub checked_at: DateTime<Utc>,
    pub triage: Triage,
    /// The most likely cause, when the check found one.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_cause: Option<String>,
    /// Its chance in words ("very likely", "possible"), as the Check words it: no false precision;
    /// none once a clinician confirmed the cause.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_chance: Option<String>,
    pub plan: Plan,
    /// Can I run today, and how much: from the plan and the log, for the machine's today.
    pub today: Today,
}

/// The plan of the profile's latest saved check at `now`, or `None` when it has none yet.
pub fn latest_plan(store: &Store, profile_id: i64, now: DateTime<FixedOffset>) -> Result<Option<SavedPlan>, Error> {
    let saved = assessments::latest(store.conn(), profile_id)?;
    saved.map(|s| saved_plan(store, profile_id, &s, now)).transpose()
}

/// The plan of one saved check of the profile; another profile's check, or one deleted, is
/// `saved_check_not_found`.
pub fn check_plan(store: &Store, profile_id: i64, check_id: i64, now: DateTime<FixedOffset>) -> Result<SavedPlan, Error> {
    let saved = assessments::get(store.conn(), profile_id, check_id)?;
    saved_plan(store, profile_id, &saved, now)
}

fn saved_plan(store: &Store, profile_id: i64, saved: &SavedAssessment, now: DateTime<FixedOffset>) -> Result<SavedPlan, Error> {
    // A check saved by an older Soleus whose result no longer reads as today's Assessment: say
    // so rather than build a plan from a guess.
    let check = SavedCheck::of(saved.clone());
    let plan = check.plan(*now.offset()).ok_or(LogError::CheckUnreadable(saved.id))?;
    let units = settings::get(store)?.units;
    let today = plans::today_from_log(store.conn(), profile_id, &plan, now, units)?;
    let top = plan.conditions.iter().find(|c| c.role == Role::Top);
    Ok(SavedPlan {
        check_id: saved.id,
        checked_at: saved.created_at,
        triage: plan.triage,
        top_cause: top.map(|c| c.name.clone()),
        // A confirmed cause is not worded as a chance.
        top_chance: check.view.filter(|_| plan.confirmed.is_none()).and_then(|v| v.chances.first().map(|c| c.words.clone())),
        plan,
        today,
    })
}
