//! The pain-log CSV as an import. The format itself (its header, reading and writing it) lives in
//! `formats::pain_csv` and is re-exported here for callers; this module stores a file's rows, all
//! in one transaction, inserted in batches by [`entries::insert_all`]: a row the schema refuses is
//! named by its place in the file and rolls the whole file back.

pub use crate::formats::pain_csv::*;
use crate::log::entries::{self, NewPainEntry};
use crate::log::LogError;
use crate::store::Store;

/// Stores a pain log's rows into `profile_id` in one transaction, skipping those already stored;
/// returns how many were new.
pub(super) fn store(store: &mut Store, profile_id: i64, rows: &[NewPainEntry]) -> Result<usize, LogError> {
    let tx = store.conn_mut().transaction()?;
    let added = entries::insert_all(&tx, profile_id, rows)?;
    tx.commit()?;
    Ok(added)
}
