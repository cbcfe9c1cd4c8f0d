//! The runner's record: pain scores, training sessions, saved assessments and exercises done,
//! and the weekly review that reads them together (the "score, cut, hold, re-score" loop).
//!
//! Every write is one transaction; every function that depends on the date takes it as an
//! argument, so nothing here reads the clock.

pub mod assessments;
pub mod confirmation;
pub mod entries;
pub mod exercises;
pub mod review;
pub(crate) mod rows;
pub mod sessions;
pub mod sites;
mod time;
pub mod week;
pub mod weekly_totals;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::StoreError;

pub use time::{day, Zone, parse_time};
pub use entries::RunMoment;
pub use week::IsoWeek;

/// Which leg hurts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
    Both,
}

impl rusqlite::ToSql for Side {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Both => "both",
        }
    }

    /// `left`, `right` or `both` (any case); an empty text means "not said".
    pub fn parse_optional(text: &str) -> Result<Option<Side>, LogError> {
        let t = text.trim();
        // Compared in place: this runs once per row of a large import.
        [Side::Left, Side::Right, Side::Both]
            .into_iter()
            .find(|s| t.eq_ignore_ascii_case(s.as_str()))
            .map(Some)
            .or_else(|| t.is_empty().then_some(None))
            .ok_or_else(|| LogError::BadSide(text.to_string()))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("a pain score must be a whole number from 0 (no pain) to 10 (worst imaginable); got \"{0}\"")]
    ScoreOutOfRange(String),
    #[error("cannot read the time \"{value}\": {reason}")]
    BadTime { value: String, reason: String },
    #[error("the side must be left, right or both; got \"{0}\"")]
    BadSide(String),
    #[error("\"{0}\" is not a place on the body map; it must be one of {list}", list = sites::all().iter().map(|s| s.value.as_str()).collect::<Vec<_>>().join(", "))]
    BadSite(String),
    #[error("the moment of a run must be during, after or next_morning; got \"{0}\"")]
    BadRunMoment(String),
    #[error("there is no run starting at {0} for this person (it may have been deleted)")]
    RunNotFound(String),
    #[error("there is no run with id {0} for this person (it may have been deleted, or belong to another profile)")]
    RunIdNotFound(i64),
    #[error("a score {moment} cannot be dated before the run started: the score is dated {at}, the run started {run}")]
    ScoreBeforeRun { moment: &'static str, at: String, run: String },
    #[error("a next-morning score must be dated on a day after the run ({run_day}); this one is dated {dated}")]
    NextMorningOnRunDay { run_day: String, dated: String },
    #[error("the {field} can be at most {max} characters; this one has {len}")]
    TooLong { field: &'static str, max: usize, len: usize },
    #[error("{0}")]
    Implausible(String),
    #[error("there is already a pain score at {0}")]
    DuplicateEntry(String),
    #[error("there is already a session starting at {0} (sessions are told apart by the minute they start)")]
    DuplicateSession(String),
    #[error("cannot read the week \"{0}\": write it as YYYY-Www, e.g. 2026-W07")]
    BadWeek(String),
    #[error("{path}: not a file Soleus can import ({reason}); it takes .gpx, .tcx, .fit (also gzipped, .fit.gz), Strava's activities.csv, a pain-log .csv (recorded_at,score,moment,side,notes) or a Soleus .json backup")]
    UnknownFormat { path: PathBuf, reason: String },
    #[error("{path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path}: row {} of the file: {reason}; nothing from this file was imported", thousands(*row))]
    BadRow { path: PathBuf, row: usize, reason: String },
    #[error("{path}: {limit}; nothing from this file was imported")]
    OverLimit { path: PathBuf, limit: crate::import::Limit },
    #[error("{path}: this file could not be read: the {reader} reader stopped on something in it that it cannot handle; nothing from this file was imported")]
    ReaderFailed { path: PathBuf, reader: &'static str },
    /// A row the store itself refused (a constraint the checks above did not foresee); `row`
    /// counts from 1 in the rows given to the insert.
    #[error("{}{reason}", row.map_or(String::new(), |r| format!("row {} of the file: ", thousands(r))))]
    Refused { row: Option<usize>, reason: String },
    #[error("cannot use {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the notes can be at most {max} characters; these have {len}")]
    NotesTooLong { max: usize, len: usize },
    #[error("there is no saved check {0} for this person (it may have been deleted, or belong to another profile)")]
    CheckNotFound(i64),
    #[error("this check was saved by an older version of Soleus and cannot be turned into a plan; do the check again")]
    CheckUnreadable(i64),
    #[error("this backup cannot be restored: {0}")]
    BadBackup(String),
    #[error("importing runs or pain scores needs a profile to put them in (only a backup names its own)")]
    NoProfile,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl LogError {
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            LogError::ScoreOutOfRange(_) => ErrorCode::LogScoreOutOfRange,
            LogError::BadTime { .. } => ErrorCode::LogBadTime,
            LogError::BadSide(_) => ErrorCode::LogBadSide,
            LogError::BadSite(_) => ErrorCode::LogBadSite,
            LogError::BadRunMoment(_) => ErrorCode::LogBadRunMoment,
            LogError::RunNotFound(_) | LogError::RunIdNotFound(_) => ErrorCode::LogRunNotFound,
            LogError::ScoreBeforeRun { .. } => ErrorCode::LogScoreBeforeRun,
            LogError::NextMorningOnRunDay { .. } => ErrorCode::LogNextMorningOnRunDay,
            LogError::TooLong { .. } => ErrorCode::LogTextTooLong,
            LogError::Implausible(_) => ErrorCode::LogImplausibleValue,
            LogError::DuplicateEntry(_) => ErrorCode::LogDuplicateEntry,
            LogError::DuplicateSession(_) => ErrorCode::LogDuplicateSession,
            LogError::BadWeek(_) => ErrorCode::LogBadWeek,
            LogError::UnknownFormat { .. } => ErrorCode::ImportUnknownFormat,
            LogError::Unreadable { .. } => ErrorCode::ImportUnreadable,
            LogError::BadRow { .. } => ErrorCode::ImportBadRow,
            LogError::OverLimit { limit, .. } => limit.code(),
            LogError::ReaderFailed { .. } => ErrorCode::ImportReaderFailed,
            LogError::Refused { .. } => ErrorCode::LogValueRefused,
            LogError::Io { .. } => ErrorCode::LogIo,
            LogError::NotesTooLong { .. } => ErrorCode::CheckNotesTooLong,
            LogError::CheckNotFound(_) => ErrorCode::SavedCheckNotFound,
            LogError::CheckUnreadable(_) => ErrorCode::SavedCheckUnreadable,
            LogError::BadBackup(_) => ErrorCode::ImportBadBackup,
            LogError::NoProfile => ErrorCode::ImportNeedsProfile,
            LogError::Store(e) => e.code(),
        }
    }

    /// A refused row of a single write (a score or session entered by hand) has no "row of the
    /// file" to name.
    pub(crate) fn without_row(self) -> LogError {
        match self {
            LogError::Refused { reason, .. } => LogError::Refused { row: None, reason },
            other => other,
        }
    }

    /// True when the person's input was at fault rather than the machine.
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, LogError::Io { .. } | LogError::Store(_))
    }
}

impl From<rusqlite::Error> for LogError {
    /// A constraint that fires is the person's data, said in words ([`refused_by_schema`]);
    /// anything else is the store's failure.
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => LogError::Refused { row: None, reason: refused_by_schema(&e) },
            _ => LogError::Store(e.into()),
        }
    }
}

/// What a constraint of the schema (src/store/migrations) refused, in the words of the checks
/// that should have caught it first: SQLite names columns and expressions, not reasons.
fn refused_by_schema(e: &rusqlite::Error) -> String {
    let text = e.to_string();
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if text.contains("pain_run: another profile") {
        "the run it is tied to belongs to another person".into()
    } else if text.contains("pain_run: before the run") {
        "a score tied to a run cannot be dated before the run started".into()
    } else if text.contains("pain_run: next morning") {
        "a next-morning score must be dated on a day after the run".into()
    } else if text.contains("pain_run: the run named in part") {
        "the run it is tied to is not named in full (its id, person, start and offset)".into()
    } else if has(&["session_id IS NULL OR run_moment"]) {
        "a score tied to a run must say at which moment of it (during, after, next morning)".into()
    } else if has(&["run_moment"]) {
        "the moment of a run must be during, after or next morning".into()
    } else if has(&["site IS NULL"]) {
        "the site is not a place on the body map".into()
    } else if text.contains("FOREIGN KEY") {
        "the profile it belongs to no longer exists".into()
    } else if has(&["utc_offset_min"]) {
        "its offset from UTC is more than 18 hours".into()
    } else if has(&["recorded_at", "started_at", "created_at", "done_on"]) {
        "its time is outside the years 1900 to 2999".into()
    } else if has(&["score"]) {
        "a pain score must be a whole number from 0 to 10".into()
    } else if has(&["side"]) {
        "the side must be left, right or both".into()
    } else if has(&["moment", "notes", "source_file", "exercise_id", "engine_version", "name"]) {
        "a text in it is empty or longer than Soleus keeps".into()
    } else if has(&["distance_m", "duration_s", "elevation_gain_m", "sets_done"]) {
        "a number in it is not plausible".into()
    } else {
        "a value in it is outside what Soleus can keep".into()
    }
}

/// `12001` as `12,001`, as numbers are written for people.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Refuses a text longer than `max` characters, or holding a NUL (SQLite's `length()` stops at
/// one, so the schema's length CHECKs would see another text than this).
pub(crate) fn check_len(field: &'static str, text: &str, max: usize) -> Result<(), LogError> {
    if text.contains('\0') {
        return Err(LogError::Implausible(format!("the {field} holds a character that is not text (NUL)")));
    }
    let len = text.chars().count();
    if len > max { Err(LogError::TooLong { field, max, len }) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    #[test]
    fn large_numbers_are_grouped_in_thousands() {
        assert_eq!(super::thousands(7), "7");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(12_001), "12,001");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }

    use super::review::WeeklyReview;
    use crate::export::backup::ProfileBackup;
    use crate::import::ImportProgress;

    /// The app's TypeScript types are generated from these: times and ids must come out as the
    /// JSON actually carries them.
    #[test]
    fn typescript_declarations_match_the_json() {
        let cfg = Config::default();
        let review = WeeklyReview::decl(&cfg);
        assert!(review.contains("week: IsoWeek") && super::IsoWeek::decl(&cfg).contains("= string"), "{review}");
        assert!(review.contains("key_moment: string | null"), "{review}");
        let entry = super::entries::PainEntry::decl(&cfg);
        assert!(entry.contains("id: number") && entry.contains("recorded_at: string"), "{entry}");
        let progress = ImportProgress::decl(&cfg);
        assert!(progress.contains("\"event\": \"committed\""), "{progress}");
        assert!(ProfileBackup::decl(&cfg).contains("pain_entries: Array<BackupPainEntry>"));
    }
}
