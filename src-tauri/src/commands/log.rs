//! The pain log: pain scores, training sessions and the weekly review, for one profile.
//!
//! Times come from the UI as the person wrote them (RFC 3339 with their offset, or a local
//! "2026-11-21 07:30"), read in the machine's zone like the CLI reads them. The clock is read
//! here, in the shell, and passed to the core.

use chrono::{Local, Utc};
use soleus::import::{self, FileOutcome, ImportOptions};
use soleus::log::entries::{self, NewPainEntry, PainEntry};
use soleus::log::review::{self, WeeklyReview};
use soleus::log::sessions::{self, NewSession, Session, Sport};
use soleus::log::weekly_totals::{self, WeekTotals};
use soleus::log::{IsoWeek, Side, Zone, parse_time};
use soleus::settings;
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
    state.with_store(|store| {
        let at = parse_time(&recorded_at, Zone::Local)?;
        let entry = NewPainEntry::new(at, score, &moment, side, &notes, Utc::now())?.at_site(site.as_deref())?;
        entries::add(store, profile_id, &entry)
    })
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
    state.with_store(|store| {
        let at = parse_time(&started_at, Zone::Local)?;
        let session = NewSession::new(at, sport, distance_m, duration_s, elevation_gain_m, None)?;
        sessions::add_one(store, profile_id, &session)
    })
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
    state.with_store(|store| {
        let week = match week {
            Some(text) => text.parse()?,
            None => IsoWeek::containing(Local::now().date_naive()),
        };
        let units = settings::get(store)?.units;
        review::weekly_review(store.conn(), profile_id, week, units)
    })
}

/// The last `weeks` weeks up to the machine's current one, each week's running distance (in the
/// saved units) and pain from its review: what the Log's load chart draws, aggregated once in the
/// core as the report's charts are.
#[tauri::command]
pub fn weekly_totals(state: State<'_, AppState>, profile_id: i64, weeks: u32) -> Reply<Vec<WeekTotals>> {
    state.with_store(|store| {
        let units = settings::get(store)?.units;
        weekly_totals::from_log(store.conn(), profile_id, IsoWeek::containing(Local::now().date_naive()), weeks, units)
    })
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
