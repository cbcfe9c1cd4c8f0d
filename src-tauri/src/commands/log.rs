//! The pain log: pain scores, training sessions and the weekly review, for one profile.
//!
//! Times come from the UI as the person wrote them (RFC 3339 with their offset, or a local
//! "2026-11-21 07:30"), read in the machine's zone like the CLI reads them. One-line adapters to
//! `soleus::app::log`; the clock and the zone are read here, in the shell, and passed to the core.

use chrono::{Local, Utc};
use soleus::app::log::{self, PainScore, SessionInput};
use soleus::import::{self, FileOutcome, ImportOptions};
use soleus::log::entries::{self, PainEntry};
use soleus::log::review::WeeklyReview;
use soleus::log::sessions::{self, Session, Sport};
use soleus::log::weekly_totals::WeekTotals;
use soleus::log::{Side, Zone};
use tauri::State;

use super::Reply;
use super::chosen_file::ChosenFile;
use crate::state::AppState;

/// A free-standing score; `site`, a region of the body map, may be left out.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub fn add_pain_entry(
    state: State<'_, AppState>,
    profile_id: i64,
    recorded_at: String,
    score: i64,
    moment: String,
    side: Option<Side>,
    notes: String,
    site: Option<String>,
) -> Reply<PainEntry> {
    let score = PainScore { recorded_at: Some(&recorded_at), score, moment: &moment, side, notes: &notes, site: site.as_deref() };
    state.with_store(|store| log::add_pain_entry(store, profile_id, &score, Zone::Local, Local::now().fixed_offset()))
}

#[tauri::command]
pub fn list_pain_entries(state: State<'_, AppState>, profile_id: i64) -> Reply<Vec<PainEntry>> {
    state.with_store(|store| entries::list(store.conn(), profile_id))
}

/// True when the score existed and was deleted.
#[tauri::command]
pub fn delete_pain_entry(state: State<'_, AppState>, profile_id: i64, id: i64) -> Reply<bool> {
    state.with_store(|store| entries::delete(store, profile_id, id))
}

#[tauri::command]
pub fn add_session(
    state: State<'_, AppState>,
    profile_id: i64,
    started_at: String,
    sport: Sport,
    distance_m: Option<f64>,
    duration_s: Option<f64>,
    elevation_gain_m: Option<f64>,
) -> Reply<Session> {
    let session = SessionInput { started_at: &started_at, sport, distance_m, duration_s, elevation_gain_m };
    state.with_store(|store| log::add_session(store, profile_id, &session, Zone::Local))
}

#[tauri::command]
pub fn list_sessions(state: State<'_, AppState>, profile_id: i64) -> Reply<Vec<Session>> {
    state.with_store(|store| sessions::list(store.conn(), profile_id))
}

/// True when the session existed and was deleted.
#[tauri::command]
pub fn delete_session(state: State<'_, AppState>, profile_id: i64, id: i64) -> Reply<bool> {
    state.with_store(|store| sessions::delete(store, profile_id, id))
}

/// The review of `week` (`2026-W47`); without one, of the week the machine's clock is in. Its
/// sentences use the saved units, like the Log screen's boxes.
#[tauri::command]
pub fn weekly_review(state: State<'_, AppState>, profile_id: i64, week: Option<String>) -> Reply<WeeklyReview> {
    state.with_store(|store| log::weekly_review(store, profile_id, week.as_deref(), Local::now().date_naive()))
}

/// The last `weeks` weeks up to the machine's current one, each week's running distance (in the
/// saved units) and pain from its review: what the Log's load chart draws, aggregated once in the
/// core as the report's charts are.
#[tauri::command]
pub fn weekly_totals(state: State<'_, AppState>, profile_id: i64, weeks: u32) -> Reply<Vec<WeekTotals>> {
    state.with_store(|store| log::weekly_totals(store, profile_id, weeks, Local::now().date_naive()))
}

/// Imports a file the person chose in the window (a .gpx, .tcx, .fit, Strava's activities.csv
/// or a pain-log CSV), given as its name and bytes (the request's raw body: `ChosenFile`): the
/// window has no filesystem access.
///
/// Off the main thread (`async`: Tauri runs it on its thread pool), and the file is read and
/// checked before the store is taken, so the window and every other command answer meanwhile;
/// only the writing, one transaction, holds the store.
#[tauri::command(async)]
pub fn import_log_file(state: State<'_, AppState>, file: ChosenFile) -> Reply<FileOutcome> {
    let ChosenFile { profile_id, name, bytes } = file;
    let read = import::read_bytes(&name, bytes, &ImportOptions::new(Zone::Local, Utc::now())).map_err(|e| soleus::Error::from(e).payload())?;
    state.with_store(|store| read.store_outcome(store, profile_id))
}
