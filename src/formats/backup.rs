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
use crate::log::{LogError, RunMoment, Side, assessments};
use crate::profiles::{self, Profile};
use crate::reminders::{self, ReminderError, Reminders};
use crate::return_to_run::records::{self as rtr, FunctionalTest, OutcomeScore};
use crate::store::Store;

pub const FORMAT: &str = "soleus-profile-backup";
/// 2: pain scores may name their run (by its start), its moment and a body-map site. A v1
/// backup still restores (those fields are simply absent); v1 Soleus refuses a v2 backup rather
/// than drop the links.
pub const VERSION: u32 = 2;

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
    /// The return to running's tests and outcome scores; a backup made before they existed
    /// restores none (and an older Soleus reading this one ignores them).
    #[serde(default)]
    pub functional_tests: Vec<FunctionalTest>,
    #[serde(default)]
    pub outcome_scores: Vec<OutcomeScore>,
    /// The reminder times the runner chose (off: absent); a backup made before reminders
    /// existed restores none, and one restored into a profile keeps that profile's own times.
    #[serde(default)]
    pub reminders: Reminders,
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
    /// The start of the run the score is tied to (a session of this backup, or one already
    /// stored); absent in a v1 backup and for a free-standing score.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub run_started_at: Option<DateTime<FixedOffset>>,
    /// Which moment of the run (kept when the run itself was deleted).
    #[serde(default)]
    pub run_moment: Option<RunMoment>,
    /// Where it hurt, a region of the body map.
    #[serde(default)]
    pub site: Option<String>,
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
    /// A clinician's notes on the check; a backup made before notes existed restores none.
    #[serde(default)]
    pub notes: String,
    /// Who examined, and the cause a clinician confirmed (migration 008); absent when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(type = "string | undefined")]
    pub examined_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub confirmed: Option<crate::log::confirmation::Confirmation>,
}

/// Everything recorded for a profile.
pub fn export(conn: &Connection, profile: &Profile, now: DateTime<Utc>) -> Result<ProfileBackup, LogError> {
    let runs = sessions::list(conn, profile.id)?;
    let started = |id: Option<i64>| id.and_then(|id| runs.iter().find(|s| s.id == id)).map(|s| s.started_at);
    let pain_entries = entries::list(conn, profile.id)?
        .into_iter()
        .map(|e| BackupPainEntry {
            run_started_at: started(e.run_id),
            run_moment: e.run_moment,
            site: e.site,
            recorded_at: e.recorded_at,
            score: e.score,
            moment: e.moment,
            side: e.side,
            notes: e.notes,
        })
        .collect();
    let sessions = runs
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
        .map(|a| BackupAssessment {
            created_at: a.created_at,
            engine_version: a.engine_version,
            case: a.case,
            result: a.result,
            notes: a.notes,
            examined_by: a.examined_by,
            confirmed: a.confirmed,
        })
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
        functional_tests: rtr::list_tests(conn, profile.id).map_err(record_error)?,
        outcome_scores: rtr::list_scores(conn, profile.id).map_err(record_error)?,
        reminders: reminders::get(conn, profile.id).map_err(reminder_error)?,
    })
}

/// Reads a backup file's text, refusing other files and newer formats by name. The reasons are
/// for the person who chose the file: no format names, no field names.
pub fn parse(text: &str) -> Result<ProfileBackup, LogError> {
    if text.len() as u64 > crate::import::MAX_FILE_BYTES {
        return Err(LogError::BadBackup(crate::import::Limit::FileSize.to_string()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        LogError::BadBackup(format!("it is not a Soleus backup file (it is damaged or cut short near line {}, column {})", e.line(), e.column()))
    })?;
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        _ => return Err(LogError::BadBackup("it is not a Soleus backup file (it does not say it is one)".into())),
    }
    let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(LogError::BadBackup(format!("it was written by a newer Soleus (backup format v{version}); update Soleus to read it")));
    }
    serde_json::from_value(value)
        .map_err(|_| LogError::BadBackup("it is damaged or was changed by hand: a part of it is missing or not what a backup holds".into()))
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
    let rows = Rows::checked(backup, now)?;
    let tx = store.conn_mut().transaction()?;
    let count = rows.insert(&tx, profile_id, backup)?;
    tx.commit()?;
    Ok(count)
}

/// A backup's rows, checked before anything is written.
struct Rows {
    pain: Vec<NewPainEntry>,
    runs: Vec<NewSession>,
}

impl Rows {
    fn checked(backup: &ProfileBackup, now: DateTime<Utc>) -> Result<Rows, LogError> {
        let pain = backup
            .pain_entries
            .iter()
            .map(|e| {
                let entry = NewPainEntry::new(e.recorded_at, i64::from(e.score), &e.moment, e.side, &e.notes, now)?.at_site(e.site.as_deref())?;
                match (e.run_started_at, e.run_moment) {
                    (Some(run), Some(moment)) => entry.for_run(run, moment),
                    (Some(_), None) => Err(LogError::BadBackup("a pain score names its run but not the moment of it".into())),
                    (None, moment) => Ok(entry.of_deleted_run(moment)),
                }
            })
            .collect::<Result<_, _>>()?;
        let runs = backup
            .sessions
            .iter()
            .map(|s| NewSession::new(s.started_at, s.sport, s.distance_m, s.duration_s, s.elevation_gain_m, s.source_file.clone()))
            .collect::<Result<_, _>>()?;
        for kind in reminders::ReminderKind::ALL {
            let time = match kind {
                reminders::ReminderKind::Exercises => &backup.reminders.exercises,
                reminders::ReminderKind::MorningPain => &backup.reminders.morning_pain,
            };
            if let Some(t) = time {
                reminders::parse_time(kind, t).map_err(reminder_error)?;
            }
        }
        Ok(Rows { pain, runs })
    }

    fn insert(&self, tx: &Connection, profile_id: i64, backup: &ProfileBackup) -> Result<RestoreCount, LogError> {
        // A row the schema refuses is named by what it is and its place in the backup.
        let which = |what: &'static str| {
            move |e| match e {
                LogError::Refused { row: Some(n), reason } => LogError::BadBackup(format!("{what} {n}: {reason}")),
                other => other,
            }
        };
        // Sessions first: a score tied to a run finds it by its start.
        let mut added = sessions::insert_all(tx, profile_id, &self.runs).map_err(which("session"))?;
        added += entries::insert_all(tx, profile_id, &self.pain).map_err(|e| match e {
            LogError::RunNotFound(start) => LogError::BadBackup(format!("a pain score is tied to a run starting at {start} that is not in it")),
            other => which("pain score")(other),
        })?;
        for a in &backup.assessments {
            if let Some(row) = assessments::insert(tx, profile_id, a.created_at, &a.case, &a.result, &a.notes)? {
                crate::log::confirmation::restore(tx, row.id, &a.examined_by, a.confirmed.as_ref())?;
                added += 1;
            }
        }
        added += exercises::insert_all(tx, profile_id, &backup.exercise_completions)?;
        added += rtr::insert_all(tx, profile_id, &backup.functional_tests, &backup.outcome_scores).map_err(record_error)?;
        added += reminders::restore(tx, profile_id, &backup.reminders).map_err(reminder_error)?;
        let total = self.pain.len()
            + self.runs.len()
            + backup.assessments.len()
            + backup.exercise_completions.len()
            + backup.functional_tests.len()
            + backup.outcome_scores.len()
            + reminders::count(&backup.reminders);
        Ok(RestoreCount { added, already_there: total - added })
    }
}

/// What a restore did: the profile it went into, whether it made that profile, and the rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Restored {
    pub profile: Profile,
    /// True when no profile had the backup's name, so one was created for it.
    pub created: bool,
    pub added: usize,
    pub already_there: usize,
}

/// A backup file's text restored into the profile named in it: refused whole (nothing written,
/// not even the profile) when it is not a backup, is from a newer Soleus, or has a bad row.
pub fn restore_text(store: &mut Store, text: &str, now: DateTime<Utc>) -> Result<Restored, LogError> {
    restore_named(store, &parse(text)?, now)
}

/// Restores a backup into the profile named in it, creating that profile (with its original
/// creation time) when there is none of that name.
pub fn restore_named(store: &mut Store, backup: &ProfileBackup, now: DateTime<Utc>) -> Result<Restored, LogError> {
    let rows = Rows::checked(backup, now)?;
    // The profile is looked up and created in the same transaction as the rows: a restore that
    // fails half way leaves no empty profile behind, and two restores at once share one profile.
    let tx = store.conn_mut().transaction()?;
    let (profile, created) = match profiles::find_in(&tx, &backup.profile.name).map_err(profile_error)? {
        Some(p) => (p, false),
        None => (profiles::insert(&tx, &backup.profile.name, backup.profile.created_at).map_err(profile_error)?, true),
    };
    let count = rows.insert(&tx, profile.id, backup)?;
    tx.commit()?;
    Ok(Restored { profile, created, added: count.added, already_there: count.already_there })
}

/// A test or score the backup holds that this Soleus refuses, named like any other bad row.
fn record_error(e: crate::return_to_run::RecordError) -> LogError {
    match e {
        crate::return_to_run::RecordError::Store(s) => LogError::Store(s),
        other => LogError::BadBackup(format!("a return-to-run record: {other}")),
    }
}

/// A reminder time the backup holds that this Soleus refuses, named like any other bad row.
fn reminder_error(e: ReminderError) -> LogError {
    match e {
        ReminderError::Store(s) => LogError::Store(s),
        ReminderError::Log(l) => l,
        bad @ ReminderError::BadTime { .. } => LogError::BadBackup(format!("a reminder: {bad}")),
    }
}

fn profile_error(e: profiles::ProfileError) -> LogError {
    match e {
        profiles::ProfileError::Store(s) => LogError::Store(s),
        other => LogError::BadBackup(format!("its profile cannot be restored ({other})")),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
    }

    /// A backup of "Ana" with two pain scores, as text.
    fn ana_backup() -> String {
        let mut store = Store::open_in_memory().unwrap();
        let ana = profiles::create(&mut store, "Ana", now()).unwrap();
        for day in [10, 11] {
            let at = FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, day, 7, 0, 0).unwrap();
            entries::add(&mut store, ana.id, &NewPainEntry::new(at, 3, "on waking", None, "", now()).unwrap()).unwrap();
        }
        serde_json::to_string(&export(store.conn(), &ana, now()).unwrap()).unwrap()
    }

    /// Every row of every table, to see that a refused restore changed nothing at all.
    fn everything(store: &Store) -> (i64, i64, i64) {
        let count = |table: &str| store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        (count("profiles"), count("pain_entries"), count("training_sessions"))
    }

    #[test]
    fn a_restore_creates_the_named_profile_or_adds_to_it_keeping_what_is_there() {
        let text = ana_backup();
        let mut store = Store::open_in_memory().unwrap();
        let first = restore_text(&mut store, &text, now()).unwrap();
        assert_eq!((first.profile.name.as_str(), first.created, first.added, first.already_there), ("Ana", true, 2, 0));
        let again = restore_text(&mut store, &text, now()).unwrap();
        assert_eq!((again.profile.id, again.created, again.added, again.already_there), (first.profile.id, false, 0, 2));
        assert_eq!(everything(&store), (1, 2, 0));
    }

    #[test]
    fn files_that_are_not_backups_newer_or_damaged_are_refused_and_nothing_is_written() {
        let good = ana_backup();
        let newer = good.replace(&format!("\"version\":{VERSION}"), &format!("\"version\":{}", VERSION + 1));
        // A score of 11 on the last row: the profile must not be created for the first rows.
        let bad_row = good.replacen("\"score\":3", "\"score\":11", 2).replacen("\"score\":11", "\"score\":3", 1);
        let cut = &good[..good.len() / 2];
        let cases = [
            ("{\"hello\": 1}", "not a Soleus backup file"),
            ("not json at all", "damaged or cut short near line 1"),
            (cut, "damaged or cut short"),
            (newer.as_str(), "newer Soleus"),
            (bad_row.as_str(), "from 0 (no pain) to 10"),
        ];
        for (text, why) in cases {
            let mut store = Store::open_in_memory().unwrap();
            let err = restore_text(&mut store, text, now()).unwrap_err();
            assert!(err.to_string().contains(why), "{why}: {err}");
            assert_eq!(everything(&store), (0, 0, 0), "{why}: nothing written");
        }
    }

    fn with_return_to_run(text: &str) -> Value {
        let mut value: Value = serde_json::from_str(text).unwrap();
        value["functional_tests"] = serde_json::json!([{ "tested_on": "2026-11-12", "calf_raises_left": 22, "calf_raises_right": 30, "hop_pain": 2 }]);
        value["outcome_scores"] = serde_json::json!([{ "instrument": "lefs", "scored_on": "2026-11-12", "score": 58 }]);
        value
    }

    #[test]
    fn the_return_to_run_records_go_through_a_backup_and_back() {
        let text = with_return_to_run(&ana_backup()).to_string();
        let mut store = Store::open_in_memory().unwrap();
        let restored = restore_text(&mut store, &text, now()).unwrap();
        assert_eq!(restored.added, 4);
        let tests = rtr::list_tests(store.conn(), restored.profile.id).unwrap();
        assert_eq!((tests[0].calf_raises_left, tests[0].calf_raises_right, tests[0].hop_pain), (Some(22), Some(30), Some(2)));
        let again = export(store.conn(), &restored.profile, now()).unwrap();
        assert_eq!(again.functional_tests, tests);
        assert_eq!(again.outcome_scores[0].score, 58);
        assert_eq!(restore_text(&mut store, &text, now()).unwrap().already_there, 4);
    }

    #[test]
    fn a_backup_from_before_the_return_to_run_records_still_restores() {
        let mut old: Value = serde_json::from_str(&ana_backup()).unwrap();
        let fields = old.as_object_mut().unwrap();
        assert!(fields.remove("functional_tests").is_some() && fields.remove("outcome_scores").is_some());
        let mut store = Store::open_in_memory().unwrap();
        let restored = restore_text(&mut store, &old.to_string(), now()).unwrap();
        assert_eq!((restored.added, restored.already_there), (2, 0));
        assert!(rtr::list_tests(store.conn(), restored.profile.id).unwrap().is_empty());
    }

    #[test]
    fn reminders_go_through_a_backup_and_back_keeping_a_profile_s_own_times() {
        let mut value: Value = serde_json::from_str(&ana_backup()).unwrap();
        value["reminders"] = serde_json::json!({ "exercises": "18:30", "morning_pain": "07:15" });
        let mut store = Store::open_in_memory().unwrap();
        let restored = restore_text(&mut store, &value.to_string(), now()).unwrap();
        assert_eq!((restored.added, restored.already_there), (4, 0));
        let again = export(store.conn(), &restored.profile, now()).unwrap();
        assert_eq!(again.reminders, Reminders { exercises: Some("18:30".into()), morning_pain: Some("07:15".into()) });
        // Into a profile that set its own exercise time since: that one is kept.
        reminders::set(&mut store, restored.profile.id, reminders::ReminderKind::Exercises, Some("06:00")).unwrap();
        reminders::set(&mut store, restored.profile.id, reminders::ReminderKind::MorningPain, None).unwrap();
        let again = restore_text(&mut store, &value.to_string(), now()).unwrap();
        assert_eq!((again.added, again.already_there), (1, 3));
        let now_set = reminders::get(store.conn(), restored.profile.id).unwrap();
        assert_eq!(now_set, Reminders { exercises: Some("06:00".into()), morning_pain: Some("07:15".into()) });
    }

    #[test]
    fn a_backup_from_before_reminders_still_restores_and_a_bad_time_writes_nothing() {
        let mut old: Value = serde_json::from_str(&ana_backup()).unwrap();
        assert!(old.as_object_mut().unwrap().remove("reminders").is_some());
        let mut store = Store::open_in_memory().unwrap();
        let restored = restore_text(&mut store, &old.to_string(), now()).unwrap();
        assert_eq!((restored.added, restored.already_there), (2, 0));
        assert_eq!(reminders::get(store.conn(), restored.profile.id).unwrap(), Reminders::default());

        let mut bad: Value = serde_json::from_str(&ana_backup()).unwrap();
        bad["reminders"] = serde_json::json!({ "exercises": "25:00" });
        let mut store = Store::open_in_memory().unwrap();
        let err = restore_text(&mut store, &bad.to_string(), now()).unwrap_err();
        assert!(err.to_string().contains("\"25:00\" is not a time of day"), "{err}");
        assert_eq!(everything(&store), (0, 0, 0));
    }

    #[test]
    fn a_calf_raise_count_out_of_range_in_a_backup_is_refused_and_nothing_is_written() {
        let mut value = with_return_to_run(&ana_backup());
        value["functional_tests"][0]["calf_raises_left"] = serde_json::json!(250);
        let mut store = Store::open_in_memory().unwrap();
        let err = restore_text(&mut store, &value.to_string(), now()).unwrap_err();
        assert!(err.to_string().contains("calf raises (left) must be a whole number from 0 to 200"), "{err}");
        assert_eq!(everything(&store), (0, 0, 0));
    }

    #[test]
    fn a_bad_saved_check_rolls_back_a_profile_created_for_it() {
        let good = ana_backup();
        let mut value: Value = serde_json::from_str(&good).unwrap();
        value["assessments"] = serde_json::json!([{ "created_at": "2026-11-20T09:00:00Z", "engine_version": "x", "case": 1, "result": 2 }]);
        let mut store = Store::open_in_memory().unwrap();
        let err = restore_text(&mut store, &value.to_string(), now()).unwrap_err();
        assert_eq!(err.code(), "import_bad_backup", "{err}");
        assert_eq!(everything(&store), (0, 0, 0));
    }
}
