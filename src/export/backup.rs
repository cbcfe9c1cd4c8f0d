//! A profile's whole record as one JSON file, and its restore. Ids are left out (they belong to
//! one database), so a backup restored into a fresh database exports back byte for byte, bar
//! `exported_at`.
//!
//! The row types here mirror the log's own (`PainEntry`, `Session`...) on purpose: they are a file
//! format with its own version, so the app's types can change without changing old backups.

use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::log::entries::{self, NewPainEntry};
use crate::log::exercises::{self, ExerciseCompletion};
use crate::log::sessions::{self, NewSession, Sport};
use crate::log::{LogError, Side, assessments};
use crate::profiles::{self, Profile};
use crate::store::Store;

pub const FORMAT: &str = "soleus-profile-backup";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProfileBackup {
    /// Always `"soleus-profile-backup"`: tells this file from any other JSON.
    pub format: String,
    /// The backup format's version; a newer one is refused rather than half read.
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub profile: BackupProfile,
    pub pain_entries: Vec<BackupPainEntry>,
    pub sessions: Vec<BackupSession>,
    pub assessments: Vec<BackupAssessment>,
    pub exercise_completions: Vec<ExerciseCompletion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupProfile {
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupPainEntry {
    #[ts(type = "string")]
    pub recorded_at: DateTime<FixedOffset>,
    pub score: u8,
    pub moment: String,
    pub side: Option<Side>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupSession {
    #[ts(type = "string")]
    pub started_at: DateTime<FixedOffset>,
    pub sport: Sport,
    pub distance_m: Option<f64>,
    pub duration_s: Option<f64>,
    pub elevation_gain_m: Option<f64>,
    pub source_file: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupAssessment {
    pub created_at: DateTime<Utc>,
    pub engine_version: String,
    #[ts(type = "Record<string, unknown>")]
    pub case: Value,
    #[ts(type = "Record<string, unknown>")]
    pub result: Value,
}

/// Everything recorded for a profile.
pub fn export(conn: &Connection, profile: &Profile, now: DateTime<Utc>) -> Result<ProfileBackup, LogError> {
    let pain_entries = entries::list(conn, profile.id)?
        .into_iter()
        .map(|e| BackupPainEntry { recorded_at: e.recorded_at, score: e.score, moment: e.moment, side: e.side, notes: e.notes })
        .collect();
    let sessions = sessions::list(conn, profile.id)?
        .into_iter()
        .map(|s| BackupSession {
            started_at: s.started_at,
            sport: s.sport,
            distance_m: s.distance_m,
            duration_s: s.duration_s,
            elevation_gain_m: s.elevation_gain_m,
            source_file: s.source_file,
        })
        .collect();
    let assessments = assessments::list(conn, profile.id)?
        .into_iter()
        .map(|a| BackupAssessment { created_at: a.created_at, engine_version: a.engine_version, case: a.case, result: a.result })
        .collect();
    Ok(ProfileBackup {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        profile: BackupProfile { name: profile.name.clone(), created_at: profile.created_at },
        pain_entries,
        sessions,
        assessments,
        exercise_completions: exercises::list(conn, profile.id)?,
    })
}

/// Reads a backup file's text, refusing other JSON and newer formats by name.
pub fn parse(text: &str) -> Result<ProfileBackup, LogError> {
    let value: Value = serde_json::from_str(text).map_err(|e| LogError::BadBackup(format!("it is not valid JSON ({e})")))?;
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        _ => return Err(LogError::BadBackup(format!("it is JSON but not a Soleus backup (no \"format\": \"{FORMAT}\")"))),
    }
    let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(LogError::BadBackup(format!("it was written by a newer Soleus (backup format v{version}); update Soleus to read it")));
    }
    serde_json::from_value(value).map_err(|e| LogError::BadBackup(e.to_string()))
}

/// How many rows a restore added, and how many were already there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreCount {
    pub added: usize,
    pub already_there: usize,
}

/// Restores a backup into a profile in one transaction: all of it or, on any bad row, none.
/// Rows already present (a score at the same second, the same activity, the same exercise and
/// day) are kept as they are.
pub fn restore(store: &mut Store, profile_id: i64, backup: &ProfileBackup, now: DateTime<Utc>) -> Result<RestoreCount, LogError> {
    let pain: Vec<NewPainEntry> = backup
        .pain_entries
        .iter()
        .map(|e| NewPainEntry::new(e.recorded_at, i64::from(e.score), &e.moment, e.side, &e.notes, now))
        .collect::<Result<_, _>>()?;
    let runs: Vec<NewSession> = backup
        .sessions
        .iter()
        .map(|s| NewSession::new(s.started_at, s.sport, s.distance_m, s.duration_s, s.elevation_gain_m, s.source_file.clone()))
        .collect::<Result<_, _>>()?;
    let tx = store.conn_mut().transaction()?;
    let mut added = entries::insert_all(&tx, profile_id, &pain)? + sessions::insert_all(&tx, profile_id, &runs)?;
    for a in &backup.assessments {
        added += usize::from(assessments::insert(&tx, profile_id, a.created_at, &a.case, &a.result)?.is_some());
    }
    added += exercises::insert_all(&tx, profile_id, &backup.exercise_completions)?;
    tx.commit()?;
    let total = pain.len() + runs.len() + backup.assessments.len() + backup.exercise_completions.len();
    Ok(RestoreCount { added, already_there: total - added })
}

/// Restores a backup into the profile named in it, creating that profile (with its original
/// creation time) when there is none of that name.
pub fn restore_named(store: &mut Store, backup: &ProfileBackup, now: DateTime<Utc>) -> Result<(Profile, RestoreCount), LogError> {
    let name = &backup.profile.name;
    let profile = match profiles::find_by_name(store, name).map_err(profile_error)? {
        Some(p) => p,
        None => profiles::create(store, name, backup.profile.created_at).map_err(profile_error)?,
    };
    let count = restore(store, profile.id, backup, now)?;
    Ok((profile, count))
}

fn profile_error(e: profiles::ProfileError) -> LogError {
    match e {
        profiles::ProfileError::Store(s) => LogError::Store(s),
        other => LogError::BadBackup(format!("its profile cannot be restored ({other})")),
    }
}
