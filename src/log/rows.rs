//! How the record's tables are read and written where they do it the same way: a list read in
//! one query, the tables of timestamped rows (pain scores, sessions), and the tables that keep one
//! value per profile, key and local day (exercises done, outcome scores).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::FromSql;
use rusqlite::{Connection, Params, Row, ToSql, params};

use crate::store::Store;

/// Every row `sql` selects, mapped by `map`, in the query's order (the statement is cached).
pub(crate) fn all<T, P: Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, map)?;
    rows.collect()
}

/// A table of a profile's timestamped rows, read oldest first (ties by id): pain scores by
/// `recorded_at`, sessions by `started_at`, both stored as UTC seconds.
pub(crate) struct TimeOrdered<T: 'static> {
    /// `SELECT <columns> FROM <table>`, the columns in the order `map` reads them.
    pub select: &'static str,
    /// The time column.
    pub at: &'static str,
    pub map: fn(&Row<'_>) -> rusqlite::Result<T>,
}

impl<T> TimeOrdered<T> {
    /// All of a profile's rows.
    pub fn list(&self, conn: &Connection, profile_id: i64) -> rusqlite::Result<Vec<T>> {
        let TimeOrdered { select, at, map } = self;
        all(conn, &format!("{select} WHERE profile_id = ?1 ORDER BY {at}, id"), [profile_id], *map)
    }

    /// A profile's rows whose time falls in `[from, to)`.
    pub fn between(&self, conn: &Connection, profile_id: i64, from: DateTime<Utc>, to: DateTime<Utc>) -> rusqlite::Result<Vec<T>> {
        let TimeOrdered { select, at, map } = self;
        all(
            conn,
            &format!("{select} WHERE profile_id = ?1 AND {at} >= ?2 AND {at} < ?3 ORDER BY {at}, id"),
            params![profile_id, from.timestamp(), to.timestamp()],
            *map,
        )
    }
}

/// A local day stored as `YYYY-MM-DD` text; anything else is a conversion failure of column `i`.
pub(crate) fn read_day(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    let day: String = r.get(i)?;
    day.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

/// A table that keeps one value per profile, key and local day: the sets of an exercise done
/// (`exercise_completions`) and an outcome questionnaire's total (`outcome_scores`). Recording
/// the same key and day again replaces the value (the person corrected it); a restored backup
/// keeps a day already recorded here. The caller checks the value first.
pub(crate) struct DailyValues {
    pub table: &'static str,
    pub key: &'static str,
    pub day: &'static str,
    pub value: &'static str,
}

impl DailyValues {
    fn insert(&self) -> String {
        let DailyValues { table, key, day, value } = self;
        format!("INSERT INTO {table} (profile_id, {key}, {day}, {value}) VALUES (?1, ?2, ?3, ?4)")
    }

    /// Records `value` for `key` on `day`, in its own transaction, replacing one already there.
    pub fn record(&self, store: &mut Store, profile_id: i64, key: &str, day: NaiveDate, value: &dyn ToSql) -> rusqlite::Result<()> {
        let DailyValues { key: k, day: d, value: v, .. } = self;
        let tx = store.conn_mut().transaction()?;
        tx.execute(
            &format!("{} ON CONFLICT (profile_id, {k}, {d}) DO UPDATE SET {v} = excluded.{v}", self.insert()),
            params![profile_id, key, day.to_string(), value],
        )?;
        tx.commit()
    }

    /// Inserts `value` in the caller's transaction unless the day already has one; returns how
    /// many rows were added (0 or 1).
    pub fn insert_new(&self, conn: &Connection, profile_id: i64, key: &str, day: NaiveDate, value: &dyn ToSql) -> rusqlite::Result<usize> {
        conn.prepare_cached(&format!("{} ON CONFLICT DO NOTHING", self.insert()))?
            .execute(params![profile_id, key, day.to_string(), value])
    }

    /// A profile's values as `make(key, day, value)`, by day, then key.
    pub fn list<V: FromSql, T>(&self, conn: &Connection, profile_id: i64, make: impl Fn(String, NaiveDate, V) -> T) -> rusqlite::Result<Vec<T>> {
        let DailyValues { table, key, day, value } = self;
        all(
            conn,
            &format!("SELECT {key}, {day}, {value} FROM {table} WHERE profile_id = ?1 ORDER BY {day}, {key}"),
            [profile_id],
            |r| Ok(make(r.get(0)?, read_day(r, 1)?, r.get(2)?)),
        )
    }
}
