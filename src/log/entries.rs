//! Pain scores: one row per score, at a key moment, on a side.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::time::{from_db, normalize, to_db};
use super::{LogError, Side, check_len};
use crate::store::Store;

pub const MAX_MOMENT_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 4000;

/// A score further ahead of the clock than this is a typing mistake (a day allows for time zones).
const FUTURE_SLACK: Duration = Duration::hours(24);

/// One recorded pain score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PainEntry {
    #[ts(type = "number")]
    pub id: i64,
    /// When it was scored, in the UTC offset the person was in (RFC 3339).
    #[ts(type = "string")]
    pub recorded_at: DateTime<FixedOffset>,
    /// 0 (no pain) to 10 (worst imaginable).
    pub score: u8,
    /// The key moment it was scored at, e.g. "1 h after the run"; empty when not said.
    pub moment: String,
    pub side: Option<Side>,
    pub notes: String,
}

/// A score checked and ready to store; build it with [`NewPainEntry::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPainEntry {
    recorded_at: DateTime<FixedOffset>,
    score: u8,
    moment: String,
    side: Option<Side>,
    notes: String,
}

/// A score given as a number: 0 to 10, whole.
pub fn check_score(score: i64) -> Result<u8, LogError> {
    u8::try_from(score).ok().filter(|s| *s <= 10).ok_or_else(|| LogError::ScoreOutOfRange(score.to_string()))
}

/// A score given as text (a CSV cell): `7`, ` 7 `, or `7.0` are 7; `7.5`, `11` and `seven` are refused.
pub fn parse_score(text: &str) -> Result<u8, LogError> {
    let t = text.trim();
    let whole = t.strip_suffix(".0").unwrap_or(t);
    whole.parse::<i64>().map_err(|_| LogError::ScoreOutOfRange(text.to_string())).and_then(check_score)
}

impl NewPainEntry {
    /// Checks a score before it is stored. `now` only bounds how far in the future it may be.
    pub fn new(
        recorded_at: DateTime<FixedOffset>,
        score: i64,
        moment: &str,
        side: Option<Side>,
        notes: &str,
        now: DateTime<Utc>,
    ) -> Result<NewPainEntry, LogError> {
        let score = check_score(score)?;
        let recorded_at = normalize(recorded_at)?;
        if recorded_at.with_timezone(&Utc) > now + FUTURE_SLACK {
            return Err(LogError::BadTime {
                value: recorded_at.to_rfc3339(),
                reason: "it is in the future".into(),
            });
        }
        let (moment, notes) = (moment.trim(), notes.trim());
        check_len("moment", moment, MAX_MOMENT_CHARS)?;
        check_len("notes", notes, MAX_NOTES_CHARS)?;
        Ok(NewPainEntry { recorded_at, score, moment: moment.to_string(), side, notes: notes.to_string() })
    }

    pub fn recorded_at(&self) -> DateTime<FixedOffset> {
        self.recorded_at
    }
}

/// Rows per INSERT statement: one statement per row spends as long in SQLite's statement
/// machinery as in the table, so large imports insert many rows per statement.
const ROWS_PER_INSERT: usize = 64;

fn insert_sql(rows: usize) -> String {
    let values = vec!["(?, ?, ?, ?, ?, ?, ?)"; rows].join(", ");
    format!(
        "INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, moment, side, notes)
         VALUES {values} ON CONFLICT DO NOTHING"
    )
}

/// Stores one score; refuses a second score at the same second.
pub fn add(store: &mut Store, profile_id: i64, entry: &NewPainEntry) -> Result<PainEntry, LogError> {
    let tx = store.conn_mut().transaction()?;
    if insert_all(&tx, profile_id, std::slice::from_ref(entry)).map_err(LogError::without_row)? == 0 {
        return Err(LogError::DuplicateEntry(entry.recorded_at.to_rfc3339()));
    }
    let id = tx.last_insert_rowid();
    tx.commit()?;
    Ok(PainEntry {
        id,
        recorded_at: entry.recorded_at,
        score: entry.score,
        moment: entry.moment.clone(),
        side: entry.side,
        notes: entry.notes.clone(),
    })
}

/// Inserts scores inside the caller's transaction, skipping any already stored (same second);
/// returns how many were new. A row the schema refuses is named by its place in `entries`
/// (`LogError::Refused { row: Some(n) }`, counting from 1).
pub fn insert_all(conn: &Connection, profile_id: i64, entries: &[NewPainEntry]) -> Result<usize, LogError> {
    let mut added = 0;
    for (c, chunk) in entries.chunks(ROWS_PER_INSERT).enumerate() {
        match insert_chunk(conn, profile_id, chunk) {
            Ok(n) => added += n,
            Err(LogError::Refused { row: None, reason }) => {
                // Which row: one at a time. Whatever they write goes with the caller's
                // transaction, which a refused row rolls back.
                let at = (0..chunk.len()).find(|&i| insert_chunk(conn, profile_id, &chunk[i..=i]).is_err());
                return Err(LogError::Refused { row: at.map(|i| c * ROWS_PER_INSERT + i + 1), reason });
            }
            Err(e) => return Err(e),
        }
    }
    Ok(added)
}

fn insert_chunk(conn: &Connection, profile_id: i64, chunk: &[NewPainEntry]) -> Result<usize, LogError> {
    static FULL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let full = FULL.get_or_init(|| insert_sql(ROWS_PER_INSERT));
    let sql = if chunk.len() == ROWS_PER_INSERT { std::borrow::Cow::Borrowed(full.as_str()) } else { insert_sql(chunk.len()).into() };
    let mut stmt = conn.prepare_cached(&sql)?;
    let times: Vec<(i64, i32)> = chunk.iter().map(|e| to_db(&e.recorded_at)).collect();
    let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(chunk.len() * 7);
    for (e, (utc, offset)) in chunk.iter().zip(&times) {
        values.extend([&profile_id as &dyn rusqlite::ToSql, utc, offset, &e.score, &e.moment, &e.side, &e.notes]);
    }
    Ok(stmt.execute(values.as_slice())?)
}

fn row_to_entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<PainEntry> {
    let side: Option<String> = row.get(5)?;
    Ok(PainEntry {
        id: row.get(0)?,
        recorded_at: from_db(row.get(1)?, row.get(2)?)?,
        score: row.get(3)?,
        moment: row.get(4)?,
        side: side.and_then(|s| Side::parse_optional(&s).ok().flatten()),
        notes: row.get(6)?,
    })
}

const SELECT: &str = "SELECT id, recorded_at, utc_offset_min, score, moment, side, notes FROM pain_entries";

/// All of a profile's scores, oldest first.
pub fn list(conn: &Connection, profile_id: i64) -> Result<Vec<PainEntry>, LogError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE profile_id = ?1 ORDER BY recorded_at, id"))?;
    let rows = stmt.query_map([profile_id], row_to_entry)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A profile's scores recorded in `[from, to)`, oldest first.
pub fn between(conn: &Connection, profile_id: i64, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<PainEntry>, LogError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE profile_id = ?1 AND recorded_at >= ?2 AND recorded_at < ?3 ORDER BY recorded_at, id"
    ))?;
    let rows = stmt.query_map(params![profile_id, from.timestamp(), to.timestamp()], row_to_entry)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deletes one score; false when there was none with that id for this profile.
pub fn delete(store: &mut Store, profile_id: i64, id: i64) -> Result<bool, LogError> {
    let tx = store.conn_mut().transaction()?;
    let n = tx.execute("DELETE FROM pain_entries WHERE id = ?1 AND profile_id = ?2", params![id, profile_id])?;
    tx.commit()?;
    Ok(n == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn now() -> DateTime<Utc> {
        at("2026-11-21T12:00:00Z").to_utc()
    }

    #[test]
    fn scores_outside_0_to_10_are_refused() {
        assert_eq!(check_score(0).unwrap(), 0);
        assert_eq!(check_score(10).unwrap(), 10);
        for bad in [-1, 11, 256] {
            assert!(matches!(check_score(bad), Err(LogError::ScoreOutOfRange(_))));
        }
        assert_eq!(parse_score(" 7 ").unwrap(), 7);
        assert_eq!(parse_score("7.0").unwrap(), 7);
        for bad in ["7.5", "seven", "", "11", "-0.5"] {
            assert!(matches!(parse_score(bad), Err(LogError::ScoreOutOfRange(_))), "{bad}");
        }
    }

    #[test]
    fn entries_round_trip_with_their_offset_and_duplicates_are_named() {
        let mut store = Store::open_in_memory().unwrap();
        let p = profiles::create(&mut store, "Ana", now()).unwrap();
        let e = NewPainEntry::new(at("2026-11-20T18:30:00-05:00"), 4, " 1 h after run ", Some(Side::Left), "hilly", now()).unwrap();
        let saved = add(&mut store, p.id, &e).unwrap();
        assert_eq!(saved.moment, "1 h after run");
        let listed = list(store.conn(), p.id).unwrap();
        assert_eq!(listed, vec![saved.clone()]);
        assert_eq!(listed[0].recorded_at.to_rfc3339(), "2026-11-20T18:30:00-05:00");
        assert!(matches!(add(&mut store, p.id, &e), Err(LogError::DuplicateEntry(_))));
        assert_eq!(list(store.conn(), p.id).unwrap().len(), 1);
        // Deleting the profile takes its log with it.
        profiles::delete(&mut store, p.id).unwrap();
        let left: i64 = store.conn().query_row("SELECT count(*) FROM pain_entries", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn a_score_the_schema_refuses_is_said_in_words_without_a_row() {
        let mut store = Store::open_in_memory().unwrap();
        let p = profiles::create(&mut store, "Ana", now()).unwrap();
        profiles::delete(&mut store, p.id).unwrap();
        let e = NewPainEntry::new(at("2026-11-20T18:30:00Z"), 4, "", None, "", now()).unwrap();
        let err = add(&mut store, p.id, &e).unwrap_err();
        assert_eq!((err.code().as_str(), err.to_string().as_str()), ("log_value_refused", "the profile it belongs to no longer exists"));
    }

    #[test]
    fn future_times_and_long_texts_are_refused() {
        let future = NewPainEntry::new(at("2026-11-23T12:00:00Z"), 3, "", None, "", now());
        assert!(matches!(future, Err(LogError::BadTime { .. })));
        let long = NewPainEntry::new(at("2026-11-20T12:00:00Z"), 3, &"m".repeat(201), None, "", now());
        assert!(matches!(long, Err(LogError::TooLong { field: "moment", .. })));
    }

    #[test]
    fn the_schema_itself_refuses_bad_rows() {
        let mut store = Store::open_in_memory().unwrap();
        let p = profiles::create(&mut store, "Ana", now()).unwrap();
        let insert = |score: i64, at: &dyn rusqlite::ToSql, side: &str| {
            store.conn().execute(
                "INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, side) VALUES (?1, ?2, 0, ?3, ?4)",
                params![p.id, at, score, side],
            )
        };
        let noon = 1_795_176_000_i64; // 2026-11-20T12:00:00Z
        assert!(insert(11, &noon, "left").is_err());
        assert!(insert(3, &"2026-11-20 12:00:00", "left").is_err(), "a text time is refused (STRICT)");
        assert!(insert(3, &40_000_000_000_i64, "left").is_err(), "the year 3237 is refused");
        assert!(insert(3, &noon, "middle").is_err());
        assert!(insert(3, &noon, "left").is_ok());
        let orphan = store.conn().execute(
            "INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score) VALUES (999, 1795176000, 0, 1)",
            [],
        );
        assert!(orphan.is_err(), "a score needs a profile");
    }
}
