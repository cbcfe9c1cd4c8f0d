//! The plan: the management plan of a profile's latest (or a chosen) saved check, and the
//! recurrence protocol.

use chrono::{DateTime, Local, Utc};
use serde::Serialize;
use soleus::engine::Triage;
use soleus::app::saved::SavedCheck;
use soleus::log::assessments::{self, SavedAssessment};
use soleus::log::LogError;
use soleus::plans::{self, Plan, Role, Today};
use soleus::settings;
use tauri::State;
use ts_rs::TS;

use super::Reply;
use crate::state::AppState;

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

/// The plan of the profile's latest saved check, or `None` when it has none yet.
#[tauri::command]
pub fn latest_plan(state: State<'_, AppState>, profile_id: i64) -> Reply<Option<SavedPlan>> {
    let saved = state.with_store(|store| assessments::latest(store.conn(), profile_id))?;
    saved.map(|s| saved_plan(&state, profile_id, &s)).transpose()
}

/// The plan of one saved check of the profile (chosen from its past checks); another profile's
/// check, or one deleted, is `saved_check_not_found`.
#[tauri::command]
pub fn check_plan(state: State<'_, AppState>, profile_id: i64, check_id: i64) -> Reply<SavedPlan> {
    let saved = state.with_store(|store| assessments::get(store.conn(), profile_id, check_id))?;
    saved_plan(&state, profile_id, &saved)
}

fn saved_plan(state: &AppState, profile_id: i64, saved: &SavedAssessment) -> Reply<SavedPlan> {
    // A check saved by an older Soleus whose result no longer reads as today's Assessment: say
    // so rather than build a plan from a guess.
    // Its plan is the confirmed cause's when a clinician confirmed one, else "If this is ...".
    let check = SavedCheck::of(saved.clone());
    let now = Local::now().fixed_offset();
    let plan = check.plan(*now.offset()).ok_or_else(|| soleus::Error::from(LogError::CheckUnreadable(saved.id)).payload())?;
    let today = state.with_store(|store| {
        let units = settings::get(store)?.units;
        Ok::<_, soleus::Error>(plans::today_from_log(store.conn(), profile_id, &plan, now, units)?)
    })?;
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

/// The protocol for a calf that tweaks again after it had recovered.
#[tauri::command]
pub fn tweak_plan(_state: State<'_, AppState>) -> Reply<Plan> {
    Ok(plans::tweak_plan())
}

/// The recurrence protocol's Today card, for the machine's today.
#[tauri::command]
pub fn tweak_today(_state: State<'_, AppState>) -> Reply<Today> {
    Ok(plans::tweak_today(Local::now().date_naive()))
}
