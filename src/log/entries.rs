//! Pain scores: one row per score, at a key moment, on a side and a site of the body map; a score
//! may be tied to a run (during it, right after it, or the next morning).

use chrono::{DateTime, Duration, FixedOffset, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sessions::{self, Session};
use super::rows::TimeOrdered;
use super::time::{from_db, normalize, to_db};
use super::{LogError, Side, check_len, day, sites};
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
    /// The run (training session) it belongs to; none for a free-standing score, or once that
    /// run was deleted (the score stays, with its `run_moment`).
    #[ts(type = "number | null")]
    pub run_id: Option<i64>,
    /// Which moment of a run it was taken at.
    pub run_moment: Option<RunMoment>,
    /// Where it hurts: a region of the body map ([`sites`]).
    pub site: Option<String>,
}

/// The moments of a run the pain-monitoring model reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RunMoment {
    During,
    After,
    NextMorning,
}

impl RunMoment {
    pub const ALL: [RunMoment; 3] = [RunMoment::During, RunMoment::After, RunMoment::NextMorning];

    pub fn as_str(self) -> &'static str {
        match self {
            RunMoment::During => "during",
            RunMoment::After => "after",
            RunMoment::NextMorning => "next_morning",
        }
    }

    /// How a score's `moment` says it when the person wrote none (the Log form's own words where
    /// it has them, so the weekly loop compares a run's morning with a free-standing one).
    pub fn words(self) -> &'static str {
        match self {
            RunMoment::During => "During the run",
            RunMoment::After => "Right after the run",
            RunMoment::NextMorning => "Next morning",
        }
    }

    /// `during`, `after` or `next_morning` (also `next-morning`, any case).
    pub fn parse(text: &str) -> Result<RunMoment, LogError> {
        let t = text.trim().replace('-', "_");
        RunMoment::ALL
            .into_iter()
            .find(|m| t.eq_ignore_ascii_case(m.as_str()))
            .ok_or_else(|| LogError::BadRunMoment(text.to_string()))
    }
}

impl rusqlite::ToSql for RunMoment {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// A score checked and ready to store; build it with [`NewPainEntry::new`], then
/// [`NewPainEntry::at_site`] and [`NewPainEntry::for_run`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPainEntry {
    recorded_at: DateTime<FixedOffset>,
    score: u8,
    moment: String,
    side: Option<Side>,
    notes: String,
    site: Option<String>,
    run: Option<RunLink>,
    /// The moment of a run that is no longer logged (a score restored after its run was deleted).
    moment_of_deleted_run: Option<RunMoment>,
}

/// The run a new score belongs to, named by its start (which finds it again in the store, as
/// [`sessions::fingerprint`] does: a backup holds no ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunLink {
    pub started_at: DateTime<FixedOffset>,
    pub moment: RunMoment,
}

/// The top of the pain scale, 0 (no pain) to 10 (worst imaginable): every pain score Soleus
/// keeps, logged or tested, is on it; the window's forms read it from the bindings.
pub const MAX_SCORE: u8 = 10;

/// A score given as a number: 0 to 10, whole.
pub fn check_score(score: i64) -> Result<u8, LogError> {
    u8::try_from(score).ok().filter(|s| *s <= MAX_SCORE).ok_or_else(|| LogError::ScoreOutOfRange(score.to_string()))
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
        Ok(NewPainEntry { recorded_at, score, moment: moment.to_string(), side, notes: notes.to_string(), site: None, run: None, moment_of_deleted_run: None })
    }

    /// Where it hurts: a region of the body map, or none (empty); anything else is refused by name.
    pub fn at_site(mut self, site: Option<&str>) -> Result<NewPainEntry, LogError> {
        self.site = site.map(sites::parse_optional).transpose()?.flatten();
        Ok(self)
    }

    /// Ties the score to the run that started at `run_started_at`, at `moment` of it. Refused
    /// (as the schema's CHECKs would refuse it): a score dated before the run started, and a
    /// next-morning score dated on the run's own day or before. A score with no moment of its
    /// own takes the run moment's words, so the weekly loop compares like with like.
    pub fn for_run(mut self, run_started_at: DateTime<FixedOffset>, moment: RunMoment) -> Result<NewPainEntry, LogError> {
        let run_day = run_started_at.date_naive();
        if self.recorded_at < run_started_at {
            return Err(LogError::ScoreBeforeRun {
                moment: moment.words(),
                at: self.recorded_at.format("%Y-%m-%d %H:%M").to_string(),
                run: run_started_at.format("%Y-%m-%d %H:%M").to_string(),
            });
        }
        if moment == RunMoment::NextMorning && self.recorded_at.date_naive() <= run_day {
            return Err(LogError::NextMorningOnRunDay { run_day: day(run_day), dated: day(self.recorded_at.date_naive()) });
        }
        if self.moment.is_empty() {
            self.moment = moment.words().to_string();
        }
        self.run = Some(RunLink { started_at: run_started_at, moment });
        Ok(self)
    }

    /// Keeps the moment of a run that was deleted since (the score outlived it): a backup
    /// restores such a score as it was.
    pub fn of_deleted_run(mut self, moment: Option<RunMoment>) -> NewPainEntry {
        self.moment_of_deleted_run = moment;
        self
    }

    pub fn recorded_at(&self) -> DateTime<FixedOffset> {
        self.recorded_at
    }

    pub fn run(&self) -> Option<RunLink> {
        self.run
    }

    fn run_moment(&self) -> Option<RunMoment> {
        self.run.map(|r| r.moment).or(self.moment_of_deleted_run)
    }
}

/// Rows per INSERT statement: one statement per row spends as long in SQLite's statement
/// machinery as in the table, so large imports insert many rows per statement.
const ROWS_PER_INSERT: usize = 64;

/// A score's columns after `profile_id`, which every row of a statement shares as `?1`. A chunk
/// with no score tied to a run leaves the run's four columns to their default (NULL) instead of
/// binding four NULLs a row: a pain CSV has no runs.
const FREE_COLUMNS: &str = "recorded_at, utc_offset_min, score, moment, side, notes, run_moment, site";
const RUN_COLUMNS: &str = "session_id, run_profile_id, run_started_at, run_utc_offset_min";

fn insert_sql(rows: usize, with_runs: bool) -> String {
    let columns = if with_runs { format!("{FREE_COLUMNS}, {RUN_COLUMNS}") } else { FREE_COLUMNS.to_string() };
    // `?` numbers itself one past the largest so far, so each row's own values follow `?1`.
    let row = format!("(?1{})", ", ?".repeat(columns.split(", ").count()));
    let values = vec![row.as_str(); rows].join(", ");
    format!("INSERT INTO pain_entries (profile_id, {columns}) VALUES {values} ON CONFLICT DO NOTHING")
}

/// Stores one score; refuses a second score at the same second.
pub fn add(store: &mut Store, profile_id: i64, entry: &NewPainEntry) -> Result<PainEntry, LogError> {
    let tx = store.conn_mut().transaction()?;
    if insert_all(&tx, profile_id, std::slice::from_ref(entry)).map_err(LogError::without_row)? == 0 {
        return Err(LogError::DuplicateEntry(entry.recorded_at.to_rfc3339()));
    }
    let id = tx.last_insert_rowid();
    let run_id = tx.query_row("SELECT session_id FROM pain_entries WHERE id = ?1", [id], |r| r.get(0))?;
    tx.commit()?;
    Ok(PainEntry {
        id,
        recorded_at: entry.recorded_at,
        score: entry.score,
        moment: entry.moment.clone(),
        side: entry.side,
        notes: entry.notes.clone(),
        run_id,
        run_moment: entry.run_moment(),
        site: entry.site.clone(),
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
    static FULL: [std::sync::OnceLock<String>; 2] = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    let runs = chunk.iter().map(|e| e.run.map(|r| stored_run(conn, profile_id, &r)).transpose()).collect::<Result<Vec<_>, _>>()?;
    let with_runs = runs.iter().any(Option::is_some);
    let sql = if chunk.len() == ROWS_PER_INSERT {
        std::borrow::Cow::Borrowed(FULL[usize::from(with_runs)].get_or_init(|| insert_sql(ROWS_PER_INSERT, with_runs)).as_str())
    } else {
        insert_sql(chunk.len(), with_runs).into()
    };
    let moments: Vec<Option<RunMoment>> = chunk.iter().map(NewPainEntry::run_moment).collect();
    let mut stmt = conn.prepare_cached(&sql)?;
    let times: Vec<(i64, i32)> = chunk.iter().map(|e| to_db(&e.recorded_at)).collect();
    let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(1 + chunk.len() * 12);
    values.push(&profile_id);
    let none = None::<i64>;
    for (((e, (utc, offset)), run), moment) in chunk.iter().zip(&times).zip(&runs).zip(&moments) {
        values.extend([utc as &dyn rusqlite::ToSql, offset, &e.score, &e.moment, &e.side, &e.notes, moment, &e.site]);
        match run {
            Some(run) => values.extend([&run.id as &dyn rusqlite::ToSql, &profile_id, &run.started_at, &run.utc_offset_min]),
            None if with_runs => values.extend([&none as &dyn rusqlite::ToSql, &none, &none, &none]),
            None => {}
        }
    }
    Ok(stmt.execute(values.as_slice())?)
}

/// A run as stored: a score tied to it names its id with its person, start and offset, which
/// migration 009's foreign key holds to the run's own.
struct StoredRun {
    id: i64,
    started_at: i64,
    utc_offset_min: i64,
}

/// The profile's stored run that started at the link's start; a run that is not there (deleted,
/// or missing from a backup) is refused by name.
fn stored_run(conn: &Connection, profile_id: i64, run: &RunLink) -> Result<StoredRun, LogError> {
    let mut stmt = conn.prepare_cached("SELECT id, started_at, utc_offset_min FROM training_sessions WHERE profile_id = ?1 AND fingerprint = ?2")?;
    let mut rows = stmt.query(params![profile_id, sessions::fingerprint(&run.started_at)])?;
    match rows.next()? {
        Some(row) => Ok(StoredRun { id: row.get(0)?, started_at: row.get(1)?, utc_offset_min: row.get(2)? }),
        None => Err(LogError::RunNotFound(run.started_at.format("%Y-%m-%d %H:%M").to_string())),
    }
}

/// When a score of `run` at `moment` given without a time is placed: during it at its middle,
/// right after it at its end (its start when its duration is unknown), the next morning now;
/// never later than `now`, and at the first second from there that holds no score yet (a
/// profile keeps one score a second), so a run's scores chart on the run's day.
pub fn time_for_run(conn: &Connection, profile_id: i64, run: &Session, moment: RunMoment, now: DateTime<Utc>) -> Result<DateTime<FixedOffset>, LogError> {
    let seconds = |fraction: f64| Duration::seconds((run.duration_s.unwrap_or(0.0) * fraction) as i64);
    let placed = match moment {
        RunMoment::During => run.started_at + seconds(0.5),
        RunMoment::After => run.started_at + seconds(1.0),
        RunMoment::NextMorning => now.with_timezone(run.started_at.offset()),
    };
    let mut at = placed.min(now.with_timezone(run.started_at.offset()));
    let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM pain_entries WHERE profile_id = ?1 AND recorded_at = ?2)")?;
    while stmt.query_row(params![profile_id, at.timestamp()], |r| r.get::<_, bool>(0))? {
        at += Duration::seconds(1);
    }
    Ok(at)
}

/// The scores tied to one run, oldest first.
pub fn of_run(conn: &Connection, profile_id: i64, run: &Session) -> Result<Vec<PainEntry>, LogError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE profile_id = ?1 AND session_id = ?2 ORDER BY recorded_at, id"))?;
    let rows = stmt.query_map(params![profile_id, run.id], row_to_entry)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn row_to_entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<PainEntry> {
    let side: Option<String> = row.get(5)?;
    let run_moment: Option<String> = row.get(8)?;
    Ok(PainEntry {
        id: row.get(0)?,
        recorded_at: from_db(row.get(1)?, row.get(2)?)?,
        score: row.get(3)?,
        moment: row.get(4)?,
        side: side.and_then(|s| Side::parse_optional(&s).ok().flatten()),
        notes: row.get(6)?,
        run_id: row.get(7)?,
        run_moment: run_moment.and_then(|m| RunMoment::parse(&m).ok()),
        site: row.get(9)?,
    })
}

const SELECT: &str = "SELECT id, recorded_at, utc_offset_min, score, moment, side, notes, session_id, run_moment, site FROM pain_entries";

const BY_TIME: TimeOrdered<PainEntry> = TimeOrdered { select: SELECT, at: "recorded_at", map: row_to_entry };

/// All of a profile's scores, oldest first.
pub fn list(conn: &Connection, profile_id: i64) -> Result<Vec<PainEntry>, LogError> {
    Ok(BY_TIME.list(conn, profile_id)?)
}

/// A profile's scores recorded in `[from, to)`, oldest first.
pub fn between(conn: &Connection, profile_id: i64, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<PainEntry>, LogError> {
    Ok(BY_TIME.between(conn, profile_id, from, to)?)
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

    fn run_at(store: &mut Store, profile: i64, when: &str) -> Session {
        let new = sessions::NewSession::new(at(when), sessions::Sport::Running, Some(12_000.0), Some(4000.0), None, None).unwrap();
        sessions::add_one(store, profile, &new).unwrap()
    }

    #[test]
    fn scores_are_tied_to_a_run_at_a_moment_and_a_site_and_read_back() {
        let mut store = Store::open_in_memory().unwrap();
        let p = profiles::create(&mut store, "Ana", now()).unwrap();
        let run = run_at(&mut store, p.id, "2026-11-17T18:00:00+01:00");
        let during = NewPainEntry::new(at("2026-11-17T18:40:00+01:00"), 4, "", Some(Side::Left), "", now()).unwrap();
        let during = during.at_site(Some("achilles")).unwrap().for_run(run.started_at, RunMoment::During).unwrap();
        let saved = add(&mut store, p.id, &during).unwrap();
        assert_eq!((saved.run_id, saved.run_moment, saved.site.as_deref()), (Some(run.id), Some(RunMoment::During), Some("achilles")));
        assert_eq!(saved.moment, "During the run", "a score without a moment of its own takes the run's");
        let morning = NewPainEntry::new(at("2026-11-18T07:30:00+01:00"), 2, "on waking", None, "", now()).unwrap();
        add(&mut store, p.id, &morning.for_run(run.started_at, RunMoment::NextMorning).unwrap()).unwrap();
        let of_run = of_run(store.conn(), p.id, &run).unwrap();
        assert_eq!(of_run.len(), 2);
        assert_eq!((of_run[1].moment.as_str(), of_run[1].run_moment), ("on waking", Some(RunMoment::NextMorning)));
        assert_eq!(list(store.conn(), p.id).unwrap(), of_run, "the log lists them as any other score");
    }

    #[test]
    fn a_score_before_its_run_a_next_morning_on_the_run_s_day_and_a_site_off_the_map_are_named_and_not_saved() {
        let mut store = Store::open_in_memory().unwrap();
        let p = profiles::create(&mut store, "Ana", now()).unwrap();
        let run = run_at(&mut store, p.id, "2026-11-17T18:00:00+01:00");
        let score = |when: &str| NewPainEntry::new(at(when), 3, "", None, "", now()).unwrap();
        let before = score("2026-11-17T17:59:00+01:00").for_run(run.started_at, RunMoment::After).unwrap_err();
        assert_eq!(before.code(), "log_score_before_run");
        assert!(before.to_string().contains("Right after the run") && before.to_string().contains("2026-11-17 18:00"), "{before}");
        let same_day = score("2026-11-17T23:30:00+01:00").for_run(run.started_at, RunMoment::NextMorning).unwrap_err();
        assert_eq!(same_day.code(), "log_next_morning_on_run_day");
        assert!(same_day.to_string().contains("Tue 17 Nov 2026"), "{same_day}");
        let earlier = score("2026-11-16T07:00:00+01:00").for_run(run.started_at, RunMoment::NextMorning).unwrap_err();
        assert_eq!(earlier.code(), "log_score_before_run");
        let off_map = score("2026-11-18T07:00:00+01:00").at_site(Some("elbow")).unwrap_err();
        assert_eq!(off_map.code(), "log_bad_site");
        assert!(list(store.conn(), p.id).unwrap().is_empty(), "nothing saved");
        // A run that is not there (another profile's start, or deleted) is named.
        let ghost = score("2026-11-18T07:00:00+01:00").for_run(at("2026-11-10T07:00:00Z"), RunMoment::NextMorning).unwrap();
        assert_eq!(add(&mut store, p.id, &ghost).unwrap_err().code(), "log_run_not_found");
    }

    #[test]
    fn the_schema_refuses_what_the_checks_refuse_and_keeps_scores_when_their_run_is_deleted() {
        let mut store = Store::open_in_memory().unwrap();
        let ana = profiles::create(&mut store, "Ana", now()).unwrap();
        let ben = profiles::create(&mut store, "Ben", now()).unwrap();
        let run = run_at(&mut store, ana.id, "2026-11-17T18:00:00+01:00");
        // A writer that names the run in full, as migration 009 asks (its id, person, start, offset).
        let (run_utc, run_offset) = to_db(&run.started_at);
        let insert = |store: &Store, profile: i64, when: &str, moment: Option<&str>, session: Option<i64>, site: Option<&str>| {
            let (utc, offset) = to_db(&at(when));
            let key = session.map(|_| (ana.id, run_utc, run_offset));
            store
                .conn()
                .execute(
                    "INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, run_moment, session_id, site, run_profile_id, run_started_at, run_utc_offset_min)
                     VALUES (?1, ?2, ?3, 3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![profile, utc, offset, moment, session, site, key.map(|k| k.0), key.map(|k| k.1), key.map(|k| k.2)],
                )
                .map_err(|e| LogError::from(e).to_string())
        };
        let refused = [
            (insert(&store, ana.id, "2026-11-17T17:00:00+01:00", Some("during"), Some(run.id), None), "before the run started"),
            (insert(&store, ana.id, "2026-11-17T23:00:00+01:00", Some("next_morning"), Some(run.id), None), "on a day after the run"),
            (insert(&store, ben.id, "2026-11-18T07:00:00+01:00", Some("next_morning"), Some(run.id), None), "another person"),
            (insert(&store, ana.id, "2026-11-18T07:01:00+01:00", None, Some(run.id), None), "at which moment"),
            (insert(&store, ana.id, "2026-11-18T07:02:00+01:00", Some("later"), None, None), "during, after or next morning"),
            (insert(&store, ana.id, "2026-11-18T07:03:00+01:00", None, None, Some("elbow")), "body map"),
        ];
        for (result, why) in refused {
            let err = result.unwrap_err();
            assert!(err.contains(why), "{why}: {err}");
        }
        insert(&store, ana.id, "2026-11-18T07:00:00+01:00", Some("next_morning"), Some(run.id), Some("achilles")).unwrap();
        assert!(sessions::delete(&mut store, ana.id, run.id).unwrap());
        let kept = list(store.conn(), ana.id).unwrap();
        assert_eq!(kept.len(), 1, "deleting the run keeps its scores");
        assert_eq!((kept[0].run_id, kept[0].run_moment), (None, Some(RunMoment::NextMorning)));
    }

    #[test]
    fn a_run_s_score_given_no_time_is_placed_in_the_run_and_never_on_another_score() {
        let mut store = Store::open_in_memory().unwrap();
        let p = profiles::create(&mut store, "Ana", now()).unwrap();
        let run = run_at(&mut store, p.id, "2026-11-17T18:00:00+01:00"); // 4000 s long
        let place = |store: &Store, moment| time_for_run(store.conn(), p.id, &run, moment, now()).unwrap();
        let during = place(&store, RunMoment::During);
        assert_eq!(during.to_rfc3339(), "2026-11-17T18:33:20+01:00");
        assert_eq!(place(&store, RunMoment::After).to_rfc3339(), "2026-11-17T19:06:40+01:00");
        assert_eq!(place(&store, RunMoment::NextMorning), now().with_timezone(run.started_at.offset()));
        let first = NewPainEntry::new(during, 3, "", None, "", now()).unwrap().for_run(run.started_at, RunMoment::During).unwrap();
        add(&mut store, p.id, &first).unwrap();
        assert_eq!(place(&store, RunMoment::During).to_rfc3339(), "2026-11-17T18:33:21+01:00", "a second score during it");
    }
}
