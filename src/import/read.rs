//! One file read whole and checked ([`read_file`], [`read_bytes`]: no store needed, so the app
//! reads off the main thread without holding the store), then stored in one transaction
//! ([`ReadFile::store`]): a file refused on any row leaves no row behind. Sizes are checked
//! before any parser runs (`limits.rs`), and a panic inside a parser is caught here and named.

use std::fs;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::detect::{FileKind, detect_bytes, extension};
use super::limits::{self, Limit, MAX_FILE_BYTES, Refusal};
use super::{ImportOptions, fit, gpx, pain_csv, strava_csv, tcx};
use super::files::FileOutcome;
use crate::formats::backup::{self, ProfileBackup};
use crate::log::entries::NewPainEntry;
use crate::log::sessions::NewSession;
use crate::log::{LogError, sessions};
use crate::store::Store;

/// A file read and checked, not yet stored.
#[derive(Debug)]
pub struct ReadFile {
    path: PathBuf,
    kind: FileKind,
    rows: Rows,
    /// A backup's rows are checked against it when stored.
    now: DateTime<Utc>,
}

#[derive(Debug)]
enum Rows {
    Sessions(Vec<NewSession>),
    Pain(Vec<NewPainEntry>),
    Backup(Box<ProfileBackup>),
}

/// Reads and checks a file on disk of a kind [`detect`] found, refusing one larger than
/// [`MAX_FILE_BYTES`] before reading it.
pub fn read_file(path: &Path, kind: FileKind, options: &ImportOptions) -> Result<ReadFile, LogError> {
    let io = |source| LogError::Io { path: path.to_path_buf(), source };
    let file = fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    read_checked(path, bytes, kind, options)
}

/// [`read_file`] for a file given as its name and bytes (chosen in the app's window).
pub fn read_bytes(name: &str, bytes: Vec<u8>, options: &ImportOptions) -> Result<ReadFile, LogError> {
    let kind = detect_bytes(name, &bytes)?;
    read_checked(Path::new(name), bytes, kind, options)
}

fn read_checked(path: &Path, mut bytes: Vec<u8>, kind: FileKind, options: &ImportOptions) -> Result<ReadFile, LogError> {
    let refused = |r: Refusal| match r {
        Refusal::Unreadable(reason) => LogError::Unreadable { path: path.to_path_buf(), reason },
        Refusal::Row(row, reason) => LogError::BadRow { path: path.to_path_buf(), row, reason },
        Refusal::Limit(limit) => LogError::OverLimit { path: path.to_path_buf(), limit },
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refused(Limit::FileSize.into()));
    }
    if extension(path).1 {
        bytes = gunzip(&bytes, MAX_FILE_BYTES).map_err(refused)?;
    }
    let source = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // A parser that panics (fitparser did, on a header that lied about its size) must not take
    // the app down with it; whatever it built is dropped, and nothing was written yet.
    let rows = catch_unwind(AssertUnwindSafe(|| parse(&bytes, kind, &source, options)))
        .map_err(|_| LogError::ReaderFailed { path: path.to_path_buf(), reader: kind.format_name() })?
        .map_err(refused)?;
    Ok(ReadFile { path: path.to_path_buf(), kind, rows, now: options.now })
}

/// The contents of a gzipped file, or why not, refusing to expand past `limit` bytes.
fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, Refusal> {
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut plain)
        .map_err(|e| format!("cannot decompress it ({e})"))?;
    if plain.len() as u64 > limit {
        return Err(Limit::Unzipped.into());
    }
    Ok(plain)
}

fn parse(bytes: &[u8], kind: FileKind, source: &str, options: &ImportOptions) -> Result<Rows, Refusal> {
    let text = || std::str::from_utf8(bytes).map_err(|_| Refusal::from("it is not text (UTF-8)"));
    let zone = options.zone;
    Ok(match kind {
        FileKind::Gpx => {
            limits::check_xml(bytes, "GPX", &[b"trkpt", b"rtept", b"wpt"])?;
            Rows::Sessions(gpx::read(bytes, source, zone)?)
        }
        FileKind::Tcx => {
            limits::check_xml(bytes, "TCX", &[b"Trackpoint"])?;
            Rows::Sessions(tcx::read(text()?, source, zone)?)
        }
        FileKind::Fit => {
            limits::check_fit_header(bytes)?;
            Rows::Sessions(fit::read(bytes, source, zone)?)
        }
        FileKind::StravaCsv => Rows::Sessions(strava_csv::read(bytes, source, zone)?),
        FileKind::PainCsv => Rows::Pain(pain_csv::read(bytes, zone, options.now)?),
        FileKind::Backup => Rows::Backup(Box::new(backup::parse(text()?).map_err(|e| e.to_string())?)),
    })
}

impl ReadFile {
    pub fn kind(&self) -> FileKind {
        self.kind
    }

    /// Rows (scores, sessions, backup rows) the file holds.
    pub fn rows(&self) -> usize {
        match &self.rows {
            Rows::Sessions(runs) => runs.len(),
            Rows::Pain(rows) => rows.len(),
            Rows::Backup(b) => b.pain_entries.len() + b.sessions.len() + b.assessments.len() + b.exercise_completions.len(),
        }
    }

    /// Stores the file's rows in one transaction, skipping those already stored; (rows added,
    /// rows in the file). Everything goes into `profile_id`; with `None`, a backup goes into the
    /// profile named in it (created if need be) and other files are refused. A row the store
    /// refuses is named, and nothing of the file is kept.
    pub fn store(&self, store: &mut Store, profile_id: Option<i64>) -> Result<(usize, usize), LogError> {
        let added = self.insert(store, profile_id).map_err(|e| self.named(e))?;
        Ok((added, self.rows()))
    }

    fn insert(&self, store: &mut Store, profile_id: Option<i64>) -> Result<usize, LogError> {
        let needs_profile = || LogError::NoProfile;
        match &self.rows {
            Rows::Sessions(runs) => sessions::add(store, profile_id.ok_or_else(needs_profile)?, runs),
            Rows::Pain(rows) => pain_csv::store(store, profile_id.ok_or_else(needs_profile)?, rows),
            Rows::Backup(backup) => match profile_id {
                Some(id) => backup::restore(store, id, backup, self.now).map(|c| c.added),
                None => backup::restore_named(store, backup, self.now).map(|r| r.added),
            },
        }
    }

    /// [`ReadFile::store`] into a profile, as the window's outcome.
    pub fn store_outcome(&self, store: &mut Store, profile_id: i64) -> Result<FileOutcome, LogError> {
        let (added, total) = self.store(store, Some(profile_id))?;
        Ok(FileOutcome { path: self.path.display().to_string(), kind: Some(self.kind), added, duplicates: total - added, error: None })
    }

    /// A row the store refused, named as the file's row (CSV files) or as the file's problem.
    fn named(&self, e: LogError) -> LogError {
        let path = self.path.clone();
        match e {
            LogError::Refused { row: Some(row), reason } if matches!(self.kind, FileKind::PainCsv | FileKind::StravaCsv) => {
                LogError::BadRow { path, row, reason }
            }
            LogError::Refused { reason, .. } => LogError::Unreadable { path, reason },
            // A backup's rows are checked as it is restored: its refusals name the file too.
            LogError::BadBackup(_) => LogError::Unreadable { path, reason: e.to_string() },
            e if self.kind == FileKind::Backup && e.is_bad_input() && !matches!(e, LogError::NoProfile) => {
                LogError::Unreadable { path, reason: format!("this backup cannot be restored: {e}") }
            }
            other => other,
        }
    }
}


#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzipped(len: usize) -> Vec<u8> {
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&vec![b'x'; len]).unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn a_gzipped_file_expands_up_to_the_limit_and_no_further() {
        let small = gzipped(1000);
        assert_eq!(gunzip(&small, 1000).unwrap().len(), 1000);
        // A few kilobytes that would expand to 2 MB: refused at 1 MB, with the reason.
        let bomb = gzipped(2 * 1024 * 1024);
        assert!(bomb.len() < 20_000, "the test's file is small on disk");
        assert!(matches!(gunzip(&bomb, 1024 * 1024), Err(Refusal::Limit(Limit::Unzipped))));
        assert!(matches!(gunzip(b"not gzip at all", 1024), Err(Refusal::Unreadable(m)) if m.starts_with("cannot decompress it")));
    }
}
