//! Pain tied to the run: score a run (during, right after, the next morning; side and body-map
//! site), the recent runs with their scores and verdicts, and the run whose next-morning score is
//! missing. One-line adapters to `soleus::app::run_score`: the clock and the machine's zone are
//! read here, everything else is the core's.

use chrono::{Local, Utc};
use soleus::app::run_score::{self, RunScore};
use soleus::log::entries::PainEntry;
use soleus::log::review::pain_monitoring::{MissedMorning, RunCheck};
use soleus::log::sites::{self, Site};
use soleus::log::{RunMoment, Side, Zone};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Scores run `run_id` at `moment`; with no `recorded_at`, the core places it in the run
/// (`entries::time_for_run`: mid-run, its end, or now for the next morning). Refused by name: a
/// run that is not this person's, a score dated before the run, a next-morning score on the
/// run's day, a site not on the body map. Nothing is saved then.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub fn score_run(
    state: State<'_, AppState>,
    profile_id: i64,
    run_id: i64,
    moment: RunMoment,
    score: i64,
    side: Option<Side>,
    site: Option<String>,
    recorded_at: Option<String>,
) -> Reply<PainEntry> {
    let run = RunScore { run_id, moment, score, side, site: site.as_deref(), notes: "", recorded_at: recorded_at.as_deref() };
    state.with_store(|store| run_score::score_run(store, profile_id, &run, Zone::Local, Utc::now()))
}

/// The runs of the last four weeks, newest first, each with its scores and verdict.
#[tauri::command]
pub fn recent_runs(state: State<'_, AppState>, profile_id: i64) -> Reply<Vec<RunCheck>> {
    state.with_store(|store| run_score::recent_runs(store, profile_id, Local::now().date_naive()))
}

/// The last run without its next-morning score, when it is recent enough to ask about.
#[tauri::command]
pub fn missed_next_morning(state: State<'_, AppState>, profile_id: i64) -> Reply<Option<MissedMorning>> {
    state.with_store(|store| run_score::missed_next_morning(store, profile_id, Local::now().date_naive()))
}

/// The body map's regions, the sites a score may name.
#[tauri::command]
pub fn pain_sites(_state: State<'_, AppState>) -> Reply<Vec<Site>> {
    Ok(sites::all())
}
