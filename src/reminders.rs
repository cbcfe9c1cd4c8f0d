//! Reminders the runner chose: a time of day for the rehab exercises and one for the
//! next-morning pain score, per profile, kept locally (migration 007) and off until a time is
//! set. [`due`] says which fall in a span of time; the desktop shell asks it every so often while
//! it runs and shows them as the system's notifications (desktop Linux has no scheduled
//! notifications, so nothing is handed to the system in advance). Time is passed in.

use crate::error_code::ErrorCode;
use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::log::sessions::{self, Sport};
use crate::store::{Store, StoreError};

/// What a reminder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// The day's rehab exercises.
    Exercises,
    /// The pain score the morning after a run.
    MorningPain,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 2] = [ReminderKind::Exercises, ReminderKind::MorningPain];

    fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Exercises => "exercises",
            ReminderKind::MorningPain => "morning_pain",
        }
    }

    fn words(self) -> &'static str {
        match self {
            ReminderKind::Exercises => "exercise reminder",
            ReminderKind::MorningPain => "morning pain-score reminder",
        }
    }
}

/// A profile's reminders: each a local time "HH:MM", or none when off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reminders {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exercises: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub morning_pain: Option<String>,
}

impl Reminders {
    fn slot(&mut self, kind: ReminderKind) -> &mut Option<String> {
        match kind {
            ReminderKind::Exercises => &mut self.exercises,
            ReminderKind::MorningPain => &mut self.morning_pain,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReminderError {
    #[error("the {} time \"{value}\" is not a time of day: write it as hours and minutes, e.g. 07:30 or 18:00", kind.words())]
    BadTime { kind: ReminderKind, value: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Log(#[from] crate::log::LogError),
}

impl ReminderError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ReminderError::BadTime { .. } => ErrorCode::ReminderBadTime,
            ReminderError::Store(e) => e.code(),
            ReminderError::Log(e) => e.code(),
        }
    }
}

impl From<rusqlite::Error> for ReminderError {
    fn from(e: rusqlite::Error) -> Self {
        ReminderError::Store(e.into())
    }
}

/// Reads a time of day as people type it: "07:30", "7:30", "18:00" (24-hour clock).
pub fn parse_time(kind: ReminderKind, text: &str) -> Result<NaiveTime, ReminderError> {
    let bad = || ReminderError::BadTime { kind, value: text.to_string() };
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let digits = |s: &str, max: usize| (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h, 2) || m.len() != 2 || !digits(m, 2) {
        return Err(bad());
    }
    NaiveTime::from_hms_opt(h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, 0).ok_or_else(bad)
}

fn words(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// A profile's reminders (none set: both off).
pub fn get(conn: &Connection, profile_id: i64) -> Result<Reminders, ReminderError> {
    let mut stmt = conn.prepare_cached("SELECT kind, at_minute FROM reminders WHERE profile_id = ?1")?;
    let rows = stmt.query_map([profile_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    let mut reminders = Reminders::default();
    for row in rows {
        let (kind, minute) = row?;
        if let Some(k) = ReminderKind::ALL.into_iter().find(|k| k.as_str() == kind) {
            *reminders.slot(k) = Some(words(minute));
        }
    }
    Ok(reminders)
}

/// Sets one reminder's time ("07:30"), or turns it off (`None`, or an empty text). A time that
/// is not a time of day is refused by name and nothing is saved.
pub fn set(store: &mut Store, profile_id: i64, kind: ReminderKind, time: Option<&str>) -> Result<Reminders, ReminderError> {
    let time = time.filter(|t| !t.trim().is_empty()).map(|t| parse_time(kind, t)).transpose()?;
    let tx = store.conn_mut().transaction()?;
    match time {
        Some(t) => tx.execute(
            "INSERT INTO reminders (profile_id, kind, at_minute) VALUES (?1, ?2, ?3)
             ON CONFLICT (profile_id, kind) DO UPDATE SET at_minute = excluded.at_minute",
            params![profile_id, kind.as_str(), t.hour() * 60 + t.minute()],
        )?,
        None => tx.execute("DELETE FROM reminders WHERE profile_id = ?1 AND kind = ?2", params![profile_id, kind.as_str()])?,
    };
    let reminders = get(&tx, profile_id)?;
    tx.commit()?;
    Ok(reminders)
}

/// Restores a backup's reminders into a profile (inside the restore's transaction): a kind the
/// profile already has keeps its own time. Every time is read first, so a bad one writes nothing.
/// Returns how many were added.
pub fn restore(conn: &Connection, profile_id: i64, reminders: &Reminders) -> Result<usize, ReminderError> {
    let mut times = Vec::new();
    for kind in ReminderKind::ALL {
        let text = match kind {
            ReminderKind::Exercises => reminders.exercises.as_deref(),
            ReminderKind::MorningPain => reminders.morning_pain.as_deref(),
        };
        if let Some(text) = text {
            let t = parse_time(kind, text)?;
            times.push((kind, t.hour() * 60 + t.minute()));
        }
    }
    let mut added = 0;
    for (kind, minute) in times {
        added += conn.execute(
            "INSERT INTO reminders (profile_id, kind, at_minute) VALUES (?1, ?2, ?3) ON CONFLICT (profile_id, kind) DO NOTHING",
            params![profile_id, kind.as_str(), minute],
        )?;
    }
    Ok(added)
}

/// How many reminders are set.
pub fn count(reminders: &Reminders) -> usize {
    usize::from(reminders.exercises.is_some()) + usize::from(reminders.morning_pain.is_some())
}

/// A reminder to show now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Due {
    #[ts(type = "number")]
    pub profile_id: i64,
    pub kind: ReminderKind,
    pub title: String,
    /// What to do, in a sentence. It names no person: notifications show on a shared screen.
    pub body: String,
}

/// The reminders whose time falls after `after` and at or before `upto` (local times in
/// `upto`'s offset), for every profile. The morning score is asked for only the morning after a
/// day with a run.
pub fn due(conn: &Connection, after: DateTime<FixedOffset>, upto: DateTime<FixedOffset>) -> Result<Vec<Due>, ReminderError> {
    let zone = *upto.offset();
    let mut stmt = conn.prepare_cached("SELECT profile_id, kind, at_minute FROM reminders ORDER BY profile_id, kind")?;
    let rows: Vec<(i64, String, u32)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    let first = after.with_timezone(&zone).date_naive();
    for (profile_id, kind, minute) in rows {
        let Some(kind) = ReminderKind::ALL.into_iter().find(|k| k.as_str() == kind) else { continue };
        let mut day = first;
        while day <= upto.date_naive() {
            let at = local(zone, day, minute);
            if at > after && at <= upto && (kind == ReminderKind::Exercises || ran_on(conn, profile_id, zone, day - Days::new(1))?) {
                out.push(reminder(profile_id, kind));
                break; // one of a kind per call, however long the span
            }
            day = day + Days::new(1);
        }
    }
    Ok(out)
}

fn local(zone: FixedOffset, day: NaiveDate, minute: u32) -> DateTime<FixedOffset> {
    let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).expect("the schema keeps minutes within a day");
    zone.from_local_datetime(&day.and_time(time)).single().expect("a fixed offset maps every local time once")
}

fn ran_on(conn: &Connection, profile_id: i64, zone: FixedOffset, day: NaiveDate) -> Result<bool, ReminderError> {
    let start = local(zone, day, 0).to_utc();
    let runs = sessions::between(conn, profile_id, start, start + chrono::Duration::days(1))?;
    Ok(runs.iter().any(|s| s.sport == Sport::Running))
}

fn reminder(profile_id: i64, kind: ReminderKind) -> Due {
    let (title, body) = match kind {
        ReminderKind::Exercises => ("Rehab exercises", "Time for today's rehab exercises: the Plan tab's week shows which ones, and you can tick them there."),
        ReminderKind::MorningPain => ("Morning pain score", "You ran yesterday: score the pain this morning, out of 10, before the day warms the calf up."),
    };
    Due { profile_id, kind, title: title.into(), body: body.into() }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::log::sessions::NewSession;
    use crate::profiles;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn store_with_profile() -> (Store, i64) {
        profiles::ana_in_memory(at("2026-11-01T00:00:00Z").to_utc())
    }

    #[test]
    fn reminders_are_off_until_a_time_is_set_and_off_again_when_cleared() {
        let (mut store, id) = store_with_profile();
        assert_eq!(get(store.conn(), id).unwrap(), Reminders::default());
        let r = set(&mut store, id, ReminderKind::Exercises, Some("7:05")).unwrap();
        assert_eq!(r.exercises.as_deref(), Some("07:05"));
        assert!(r.morning_pain.is_none());
        let r = set(&mut store, id, ReminderKind::Exercises, Some("18:30")).unwrap();
        assert_eq!(r.exercises.as_deref(), Some("18:30"));
        assert_eq!(set(&mut store, id, ReminderKind::Exercises, Some(" ")).unwrap(), Reminders::default());
    }

    #[test]
    fn a_time_that_is_not_a_time_is_refused_by_name_and_nothing_is_saved() {
        let (mut store, id) = store_with_profile();
        set(&mut store, id, ReminderKind::MorningPain, Some("07:00")).unwrap();
        for bad in ["25:00", "7", "07:60", "7:5", "seven", "07:00pm", "-1:00", "07:00:00", "123:00"] {
            let e = set(&mut store, id, ReminderKind::MorningPain, Some(bad)).unwrap_err();
            assert_eq!(e.code(), "reminder_bad_time", "{bad}");
            assert!(e.to_string().contains(bad) && e.to_string().contains("morning pain-score"), "{e}");
        }
        assert_eq!(get(store.conn(), id).unwrap().morning_pain.as_deref(), Some("07:00"), "the last good time is kept");
    }

    #[test]
    fn due_reminders_fall_in_the_span_and_the_morning_score_follows_a_run_day() {
        let (mut store, id) = store_with_profile();
        set(&mut store, id, ReminderKind::Exercises, Some("18:00")).unwrap();
        set(&mut store, id, ReminderKind::MorningPain, Some("07:30")).unwrap();
        let kinds = |store: &Store, a: &str, b: &str| due(store.conn(), at(a), at(b)).unwrap().into_iter().map(|d| d.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&store, "2026-11-19T17:59:00+01:00", "2026-11-19T18:00:00+01:00"), vec![ReminderKind::Exercises]);
        assert!(kinds(&store, "2026-11-19T18:00:00+01:00", "2026-11-19T18:01:00+01:00").is_empty(), "shown once");
        // No run on the 18th: no morning score on the 19th.
        assert!(kinds(&store, "2026-11-19T07:00:00+01:00", "2026-11-19T08:00:00+01:00").is_empty());
        let run = NewSession::new(at("2026-11-18T19:00:00+01:00"), Sport::Running, Some(5000.0), None, None, None).unwrap();
        sessions::add_one(&mut store, id, &run).unwrap();
        assert_eq!(kinds(&store, "2026-11-19T07:00:00+01:00", "2026-11-19T08:00:00+01:00"), vec![ReminderKind::MorningPain]);
        // A span over midnight finds the next day's time.
        assert_eq!(kinds(&store, "2026-11-18T23:00:00+01:00", "2026-11-19T07:45:00+01:00"), vec![ReminderKind::MorningPain]);
        let shown = due(store.conn(), at("2026-11-19T17:00:00+01:00"), at("2026-11-19T19:00:00+01:00")).unwrap();
        assert!(!shown[0].body.contains("Ana"), "no name on a notification");
    }

    #[test]
    fn a_profile_deleted_takes_its_reminders_with_it() {
        let (mut store, id) = store_with_profile();
        set(&mut store, id, ReminderKind::Exercises, Some("18:00")).unwrap();
        profiles::delete(&mut store, id).unwrap();
        let n: i64 = store.conn().query_row("SELECT count(*) FROM reminders", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }
}
