//! Pain tied to the run: score a run (during, right after, the next morning; side and body-map
//! site), the recent runs with their scores and verdicts, and the run whose next-morning score is
//! missing. Thin adapters: the clock and the machine's zone are read here, everything else is
//! the core's (`soleus::app::run_score`, `soleus::log::review::pain_monitoring`).

use chrono::{Local, Utc};
use soleus::app::run_score::{self, RunScore};
use soleus::log::entries::PainEntry;
use soleus::log::review::pain_monitoring::{self, MissedMorning, RunCheck};
use soleus::log::sites::{self, Site};
use soleus::log::{RunMoment, Side, Zone};
use soleus::settings;
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// How far back the Log screen lists runs to score.
const RECENT_DAYS: i64 = 28;

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
    let run = RunScore { run_id, moment, score, side, site: site.as_deref(), recorded_at: recorded_at.as_deref() };
    state.with_store(|store| run_score::score_run(store, profile_id, &run, Zone::Local, Utc::now()))
}

/// The runs of the last four weeks, newest first, each with its scores and verdict.
#[tauri::command]
pub fn recent_runs(state: State<'_, AppState>, profile_id: i64) -> Reply<Vec<RunCheck>> {
    state.with_store(|store| {
        let units = settings::get(store)?.units;
        pain_monitoring::recent_runs(store.conn(), profile_id, Local::now().date_naive(), RECENT_DAYS, units)
    })
}

/// The last run without its next-morning score, when it is recent enough to ask about.
#[tauri::command]
pub fn missed_next_morning(state: State<'_, AppState>, profile_id: i64) -> Reply<Option<MissedMorning>> {
    state.with_store(|store| {
        let units = settings::get(store)?.units;
        pain_monitoring::missed_next_morning_in(store.conn(), profile_id, Local::now().date_naive(), units)
    })
}

/// The body map's regions, the sites a score may name.
#[tauri::command]
pub fn pain_sites(_state: State<'_, AppState>) -> Reply<Vec<Site>> {
    Ok(sites::all())
}
