//! Training sessions: what was run (or ridden, walked...), imported from watch files or Strava.

use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rows::TimeOrdered;
use super::time::{from_db, normalize, to_db};
use super::{LogError, check_len};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sport {
    Running,
    Walking,
    Hiking,
    Cycling,
    Swimming,
    Other,
}

impl Sport {
    pub fn as_str(self) -> &'static str {
        match self {
            Sport::Running => "running",
            Sport::Walking => "walking",
            Sport::Hiking => "hiking",
            Sport::Cycling => "cycling",
            Sport::Swimming => "swimming",
            Sport::Other => "other",
        }
    }

    /// Reads the sport names the formats use ("Run", "Trail Run", "running", "VirtualRide",
    /// "Biking", "treadmill_running"...); anything unrecognised is `Other`.
    pub fn from_label(label: &str) -> Sport {
        let l = label.to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| l.contains(w));
        if has(&["run", "jog"]) {
            Sport::Running
        } else if has(&["ride", "cycl", "bik"]) {
            Sport::Cycling
        } else if has(&["hike", "hiking"]) {
            Sport::Hiking
        } else if has(&["walk"]) {
            Sport::Walking
        } else if has(&["swim"]) {
            Sport::Swimming
        } else {
            Sport::Other
        }
    }
}

/// One stored session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Session {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "string")]
    pub started_at: DateTime<FixedOffset>,
    pub sport: Sport,
    pub distance_m: Option<f64>,
    pub duration_s: Option<f64>,
    pub elevation_gain_m: Option<f64>,
    /// The file it was imported from; none when entered by hand.
    pub source_file: Option<String>,
    pub fingerprint: String,
}

/// A session checked and ready to store; build it with [`NewSession::new`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewSession {
    started_at: DateTime<FixedOffset>,
    sport: Sport,
    distance_m: Option<f64>,
    duration_s: Option<f64>,
    elevation_gain_m: Option<f64>,
    source_file: Option<String>,
}

/// Largest plausible values; anything beyond is a unit mix-up (the schema holds the same bounds).
pub const MAX_DISTANCE_M: f64 = 1_000_000.0;
pub const MAX_DURATION_S: f64 = 1_000_000.0;
pub const MAX_ELEVATION_M: f64 = 100_000.0;
/// The longest source file name kept (the schema's `length(source_file) BETWEEN 1 AND 1000`).
pub const MAX_SOURCE_CHARS: usize = 1000;

fn check_amount(what: &str, value: Option<f64>, max: f64) -> Result<Option<f64>, String> {
    match value {
        Some(v) if !v.is_finite() || v < 0.0 || v > max => Err(format!("the {what} {v} is not plausible")),
        other => Ok(other),
    }
}

impl NewSession {
    pub fn new(
        started_at: DateTime<FixedOffset>,
        sport: Sport,
        distance_m: Option<f64>,
        duration_s: Option<f64>,
        elevation_gain_m: Option<f64>,
        source_file: Option<String>,
    ) -> Result<NewSession, LogError> {
        let bad = LogError::Implausible;
        let source_file = source_file.filter(|s| !s.is_empty());
        if let Some(name) = &source_file {
            check_len("file name", name, MAX_SOURCE_CHARS)?;
        }
        Ok(NewSession {
            started_at: normalize(started_at)?,
            sport,
            distance_m: check_amount("distance (m)", distance_m, MAX_DISTANCE_M).map_err(bad)?,
            duration_s: check_amount("duration (s)", duration_s, MAX_DURATION_S).map_err(bad)?,
            elevation_gain_m: check_amount("elevation gain (m)", elevation_gain_m, MAX_ELEVATION_M).map_err(bad)?,
            source_file,
        })
    }

    pub fn started_at(&self) -> DateTime<FixedOffset> {
        self.started_at
    }

    pub fn distance_m(&self) -> Option<f64> {
        self.distance_m
    }

    pub fn sport(&self) -> Sport {
        self.sport
    }
}

/// What makes two files the same activity: the minute it started (UTC). A watch's FIT file, its
/// GPX export and Strava's CSV row all agree on that, while their distances differ by a few metres.
pub fn fingerprint(started_at: &DateTime<FixedOffset>) -> String {
    format!("start:{}", started_at.with_timezone(&Utc).format("%Y-%m-%dT%H:%MZ"))
}

/// Inserts sessions in the caller's transaction, skipping activities already stored; returns how
/// many were new. A row the schema refuses is named by its place in `sessions`, from 1.
pub fn insert_all(conn: &Connection, profile_id: i64, sessions: &[NewSession]) -> Result<usize, LogError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO training_sessions (profile_id, started_at, utc_offset_min, sport, distance_m, duration_s,
                                        elevation_gain_m, source_file, fingerprint)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
    )?;
    let mut added = 0;
    for (i, s) in sessions.iter().enumerate() {
        let (utc, offset) = to_db(&s.started_at);
        let inserted = stmt.execute(params![
            profile_id,
            utc,
            offset,
            s.sport.as_str(),
            s.distance_m,
            s.duration_s,
            s.elevation_gain_m,
            s.source_file,
            fingerprint(&s.started_at)
        ]);
        added += inserted.map_err(|e| match LogError::from(e) {
            LogError::Refused { reason, .. } => LogError::Refused { row: Some(i + 1), reason },
            other => other,
        })?;
    }
    Ok(added)
}

/// Stores sessions in one transaction; returns how many were new.
pub fn add(store: &mut Store, profile_id: i64, sessions: &[NewSession]) -> Result<usize, LogError> {
    let tx = store.conn_mut().transaction()?;
    let added = insert_all(&tx, profile_id, sessions)?;
    tx.commit()?;
    Ok(added)
}

/// Stores one session entered by hand and returns it as stored; refuses a second session that
/// starts in the same minute (the same activity, by [`fingerprint`]).
pub fn add_one(store: &mut Store, profile_id: i64, session: &NewSession) -> Result<Session, LogError> {
    let tx = store.conn_mut().transaction()?;
    if insert_all(&tx, profile_id, std::slice::from_ref(session)).map_err(LogError::without_row)? == 0 {
        return Err(LogError::DuplicateSession(session.started_at.to_rfc3339()));
    }
    let id = tx.last_insert_rowid();
    let stored = tx.query_row(&format!("{SELECT} WHERE id = ?1"), [id], row_to_session)?;
    tx.commit()?;
    Ok(stored)
}

/// One of the profile's sessions by its id; another profile's, or none, is `RunIdNotFound`.
pub fn get(conn: &Connection, profile_id: i64, id: i64) -> Result<Session, LogError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE id = ?1 AND profile_id = ?2"))?;
    let mut rows = stmt.query_map(params![id, profile_id], row_to_session)?;
    rows.next().transpose()?.ok_or(LogError::RunIdNotFound(id))
}

/// Deletes one session; false when there was none with that id for this profile.
pub fn delete(store: &mut Store, profile_id: i64, id: i64) -> Result<bool, LogError> {
    let tx = store.conn_mut().transaction()?;
    let n = tx.execute("DELETE FROM training_sessions WHERE id = ?1 AND profile_id = ?2", params![id, profile_id])?;
    tx.commit()?;
    Ok(n == 1)
}

fn row_to_session(row: &rusqlite::Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        id: row.get(0)?,
        started_at: from_db(row.get(1)?, row.get(2)?)?,
        sport: Sport::from_label(&row.get::<_, String>(3)?),
        distance_m: row.get(4)?,
        duration_s: row.get(5)?,
        elevation_gain_m: row.get(6)?,
        source_file: row.get(7)?,
        fingerprint: row.get(8)?,
    })
}

const SELECT: &str = "SELECT id, started_at, utc_offset_min, sport, distance_m, duration_s, elevation_gain_m,
                             source_file, fingerprint FROM training_sessions";

const BY_START: TimeOrdered<Session> = TimeOrdered { select: SELECT, at: "started_at", map: row_to_session };

/// All of a profile's sessions, oldest first.
pub fn list(conn: &Connection, profile_id: i64) -> Result<Vec<Session>, LogError> {
    Ok(BY_START.list(conn, profile_id)?)
}

/// A profile's sessions started in `[from, to)`, oldest first.
pub fn between(conn: &Connection, profile_id: i64, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Session>, LogError> {
    Ok(BY_START.between(conn, profile_id, from, to)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles;

    #[test]
    fn sport_labels_from_every_format_are_understood() {
        for (label, sport) in [
            ("Run", Sport::Running),
            ("Trail Run", Sport::Running),
            ("treadmill_running", Sport::Running),
            ("running", Sport::Running),
            ("VirtualRide", Sport::Cycling),
            ("Biking", Sport::Cycling),
            ("Hike", Sport::Hiking),
            ("Walk", Sport::Walking),
            ("Swim", Sport::Swimming),
            ("Yoga", Sport::Other),
        ] {
            assert_eq!(Sport::from_label(label), sport, "{label}");
        }
    }

    #[test]
    fn the_same_activity_from_two_files_is_stored_once() {
        let mut store = Store::open_in_memory().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").unwrap().to_utc();
        let p = profiles::create(&mut store, "Ana", now).unwrap();
        let start = DateTime::parse_from_rfc3339("2026-11-20T07:30:12+01:00").unwrap();
        let gpx = NewSession::new(start, Sport::Running, Some(8012.0), Some(2700.0), Some(55.0), Some("a.gpx".into())).unwrap();
        let fit_start = DateTime::parse_from_rfc3339("2026-11-20T06:30:40Z").unwrap();
        let fit = NewSession::new(fit_start, Sport::Running, Some(8005.0), Some(2690.0), None, Some("a.fit".into())).unwrap();
        assert_eq!(add(&mut store, p.id, std::slice::from_ref(&gpx)).unwrap(), 1);
        assert_eq!(add(&mut store, p.id, &[fit, gpx]).unwrap(), 0);
        let all = list(store.conn(), p.id).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].started_at.to_rfc3339(), "2026-11-20T07:30:12+01:00");
        assert_eq!(all[0].fingerprint, "start:2026-11-20T06:30Z");
    }

    #[test]
    fn one_session_is_added_then_deleted_and_only_by_its_own_profile() {
        let mut store = Store::open_in_memory().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").unwrap().to_utc();
        let ana = profiles::create(&mut store, "Ana", now).unwrap();
        let ben = profiles::create(&mut store, "Ben", now).unwrap();
        let start = DateTime::parse_from_rfc3339("2026-11-20T07:30:00+01:00").unwrap();
        let run = NewSession::new(start, Sport::Running, Some(8000.0), Some(2700.0), Some(40.0), None).unwrap();
        let stored = add_one(&mut store, ana.id, &run).unwrap();
        assert_eq!(stored.started_at, start);
        assert_eq!((stored.distance_m, stored.duration_s, stored.elevation_gain_m), (Some(8000.0), Some(2700.0), Some(40.0)));
        assert_eq!(list(store.conn(), ana.id).unwrap(), vec![stored.clone()]);
        let again = add_one(&mut store, ana.id, &run).unwrap_err();
        assert_eq!(again.code(), "log_duplicate_session");
        assert!(!delete(&mut store, ben.id, stored.id).unwrap(), "another profile's session is not touched");
        assert!(delete(&mut store, ana.id, stored.id).unwrap());
        assert!(list(store.conn(), ana.id).unwrap().is_empty());
        assert!(!delete(&mut store, ana.id, stored.id).unwrap(), "a second delete finds nothing");
    }

    #[test]
    fn implausible_amounts_are_refused() {
        let start = DateTime::parse_from_rfc3339("2026-11-20T07:30:00Z").unwrap();
        assert!(NewSession::new(start, Sport::Running, Some(-1.0), None, None, None).is_err());
        assert!(NewSession::new(start, Sport::Running, Some(f64::NAN), None, None, None).is_err());
        assert!(NewSession::new(start, Sport::Running, None, Some(2e6), None, None).is_err());
        let long_name = Some("x".repeat(MAX_SOURCE_CHARS + 1));
        assert!(matches!(NewSession::new(start, Sport::Running, None, None, None, long_name), Err(LogError::TooLong { .. })));
        // SQLite's length() stops at a NUL: the schema would see an empty name.
        let nul = Some("\0run.gpx".to_string());
        assert!(matches!(NewSession::new(start, Sport::Running, None, None, None, nul), Err(LogError::Implausible(_))));
    }
}
