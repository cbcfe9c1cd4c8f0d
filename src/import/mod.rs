//! Bringing a runner's record in: run files (GPX, TCX, FIT), Strava's activities CSV, the pain-log
//! CSV and Soleus backups, one file or whole folders.
//!
//! A file is read and checked whole first ([`read_file`], [`read_bytes`]: no store needed, so the
//! app reads off the main thread without holding the store), then stored in one transaction
//! ([`ReadFile::store`]): a file refused on any row, by the checks or by the schema, leaves no row
//! behind, and the progress callback reports each file once it is committed. Running an import
//! again skips the rows already stored. A file that cannot be read is reported by name and
//! reason, and the others still import.
//!
//! Nothing a file holds may crash or stall the app: sizes, depth, attributes, track points and
//! entity declarations are checked first (`limits.rs`), and a panic inside any parser (ours or a
//! dependency's) is caught here and named ([`LogError::ReaderFailed`]).

mod fit;
mod gpx;
pub(crate) mod limits;
mod strava_csv;
mod tcx;
mod track;
mod walk;

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::formats::backup::{self, ProfileBackup};
// The pain-log CSV is read and written in `formats/`; this name is kept for callers.
pub use crate::formats::pain_csv;
use crate::log::entries::NewPainEntry;
use crate::log::sessions::NewSession;
use crate::log::{LogError, Zone, entries, sessions};
use crate::store::Store;

pub use limits::{Limit, MAX_ATTRIBUTES, MAX_FILE_BYTES, MAX_TRACK_POINTS, MAX_XML_DEPTH};
use limits::Refusal;

/// The kinds of file Soleus reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Gpx,
    Tcx,
    Fit,
    StravaCsv,
    PainCsv,
    Backup,
}

#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// Where the person is: run files' UTC times are shown in its offset at the time (which
    /// decides their local day), and pain-log times written without an offset are read in it.
    pub zone: Zone,
    /// Bounds how far in the future a pain score may be.
    pub now: DateTime<Utc>,
}

impl ImportOptions {
    pub fn new(zone: impl Into<Zone>, now: DateTime<Utc>) -> Self {
        ImportOptions { zone: zone.into(), now }
    }
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileOutcome {
    pub path: String,
    pub kind: Option<FileKind>,
    /// Rows (scores, sessions...) newly stored.
    pub added: usize,
    /// Rows already stored before (the same file, or the same run from another file).
    pub duplicates: usize,
    /// Why the file was not imported; `None` when it was.
    pub error: Option<String>,
}

/// Reported as an import goes, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ImportProgress {
    /// The files to import have been found.
    Started { files: usize },
    FileStarted { index: usize, path: String },
    /// A file's rows are committed (all of them: a file is one transaction): safe even if the
    /// process dies now.
    Committed { index: usize, path: String, rows_committed: usize, rows_total: usize },
    FileFinished { index: usize, outcome: FileOutcome },
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub files: Vec<FileOutcome>,
    /// Files inside the folders given that are not of a kind Soleus reads (left alone).
    pub ignored: Vec<String>,
    pub added: usize,
    pub duplicates: usize,
    /// How many files could not be imported.
    pub failed: usize,
}

/// A file's extension in lower case, and whether it is gzipped (`run.fit.gz` is `("fit", true)`).
fn extension(path: &Path) -> (String, bool) {
    let ext = |p: &Path| p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    match ext(path).as_str() {
        "gz" => (ext(Path::new(path.file_stem().unwrap_or_default())), true),
        other => (other.to_string(), false),
    }
}

/// Which kind of file this is, from its name and, for CSV, its header line. Run files may be
/// gzipped, as in Strava's bulk export.
pub fn detect(path: &Path) -> Result<FileKind, LogError> {
    kind_of(path, || {
        let file = fs::File::open(path).map_err(|source| LogError::Io { path: path.to_path_buf(), source })?;
        let mut first = String::new();
        Ok(BufReader::new(file).read_line(&mut first).ok().map(|_| first))
    })
}

/// [`detect`] for a file given as its name and its bytes (chosen in the app's window).
pub fn detect_bytes(name: &str, bytes: &[u8]) -> Result<FileKind, LogError> {
    kind_of(Path::new(name), || {
        let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        Ok(std::str::from_utf8(line).ok().map(str::to_string))
    })
}

/// The kind from the name; for CSV, from the first line `first_line` reads (`None`: not text).
fn kind_of(path: &Path, first_line: impl FnOnce() -> Result<Option<String>, LogError>) -> Result<FileKind, LogError> {
    let unknown = |reason: &str| LogError::UnknownFormat { path: path.to_path_buf(), reason: reason.to_string() };
    let (ext, gzipped) = extension(path);
    match ext.as_str() {
        "gpx" => Ok(FileKind::Gpx),
        "tcx" => Ok(FileKind::Tcx),
        "fit" => Ok(FileKind::Fit),
        _ if gzipped => Err(unknown("a gzipped file that is not .gpx, .tcx or .fit")),
        "json" => Ok(FileKind::Backup),
        "csv" => {
            let Some(first) = first_line()? else {
                return Err(unknown("its first line is not text"));
            };
            if pain_csv::is_header(&first) {
                Ok(FileKind::PainCsv)
            } else if strava_csv::is_header(&first) {
                Ok(FileKind::StravaCsv)
            } else {
                Err(unknown("a CSV file whose header is neither a pain log's nor Strava's activities'"))
            }
        }
        "" => Err(unknown("it has no file extension")),
        other => Err(unknown(&format!("a .{other} file"))),
    }
}

/// The files an import will read, found before anything is written.
#[derive(Debug, Clone, Default)]
pub struct FileList {
    pub files: Vec<(PathBuf, FileKind)>,
    /// Files inside the folders given that are not of a kind Soleus reads (left alone).
    pub ignored: Vec<String>,
}

impl FileList {
    /// False when every file is a backup, which names its own profile.
    pub fn needs_profile(&self) -> bool {
        self.files.iter().any(|(_, kind)| *kind != FileKind::Backup)
    }
}

/// Finds the files to import: each file named must be of a kind Soleus reads (else
/// `UnknownFormat`, naming it), and folders are walked recursively, other files in them ignored.
pub fn collect(paths: &[PathBuf]) -> Result<FileList, LogError> {
    let mut list = FileList::default();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| LogError::Io { path: path.clone(), source })?;
        if meta.is_dir() {
            for file in walk::files(path).map_err(|source| LogError::Io { path: path.clone(), source })? {
                match detect(&file) {
                    Ok(kind) => list.files.push((file, kind)),
                    Err(_) => list.ignored.push(file.display().to_string()),
                }
            }
        } else {
            list.files.push((path.clone(), detect(path)?));
        }
    }
    Ok(list)
}

/// Imports files and folders into a profile: [`collect`], then [`import_files`].
pub fn import_paths(
    store: &mut Store,
    profile_id: Option<i64>,
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportReport, LogError> {
    let list = collect(paths)?;
    import_files(store, profile_id, &list, options, progress)
}

/// Imports the files found by [`collect`]. A file that fails to read is reported in its outcome
/// and the others still import; only a failure of the store itself stops the import.
///
/// Everything goes into `profile_id`; with `None`, backups are restored into the profile named in
/// them (created if need be), and other files are refused (see [`FileList::needs_profile`]).
pub fn import_files(
    store: &mut Store,
    profile_id: Option<i64>,
    list: &FileList,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportReport, LogError> {
    let mut report = ImportReport { ignored: list.ignored.clone(), ..ImportReport::default() };
    let files = &list.files;
    progress(ImportProgress::Started { files: files.len() });
    for (index, (path, kind)) in files.iter().enumerate() {
        let name = path.display().to_string();
        progress(ImportProgress::FileStarted { index, path: name.clone() });
        let mut outcome = FileOutcome { path: name.clone(), kind: Some(*kind), added: 0, duplicates: 0, error: None };
        let mut committed = |rows_committed, rows_total| {
            progress(ImportProgress::Committed { index, path: name.clone(), rows_committed, rows_total })
        };
        match import_file(store, profile_id, path, *kind, options, &mut committed) {
            Ok((added, total)) => {
                outcome.added = added;
                outcome.duplicates = total - added;
            }
            Err(LogError::Store(e)) => return Err(LogError::Store(e)),
            Err(e) => outcome.error = Some(e.to_string()),
        }
        report.added += outcome.added;
        report.duplicates += outcome.duplicates;
        report.failed += usize::from(outcome.error.is_some());
        progress(ImportProgress::FileFinished { index, outcome: outcome.clone() });
        report.files.push(outcome);
    }
    Ok(report)
}

/// Imports one file; (rows added, rows in the file).
fn import_file(
    store: &mut Store,
    profile_id: Option<i64>,
    path: &Path,
    kind: FileKind,
    options: &ImportOptions,
    committed: &mut dyn FnMut(usize, usize),
) -> Result<(usize, usize), LogError> {
    let (added, total) = read_file(path, kind, options)?.store(store, profile_id)?;
    committed(total, total);
    Ok((added, total))
}

/// Imports one file given as its name and bytes (chosen in the app's window) into a profile, in
/// one transaction like any file of [`import_files`]. A file that cannot be read is an error.
pub fn import_bytes(store: &mut Store, profile_id: i64, name: &str, bytes: Vec<u8>, options: &ImportOptions) -> Result<FileOutcome, LogError> {
    read_bytes(name, bytes, options)?.store_outcome(store, profile_id)
}

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

impl FileKind {
    /// How the person knows the format, for messages.
    pub fn format_name(self) -> &'static str {
        match self {
            FileKind::Gpx => "GPX",
            FileKind::Tcx => "TCX",
            FileKind::Fit => "FIT",
            FileKind::StravaCsv => "Strava activities",
            FileKind::PainCsv => "pain log",
            FileKind::Backup => "Soleus backup",
        }
    }
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
            Rows::Pain(rows) => {
                let id = profile_id.ok_or_else(needs_profile)?;
                let tx = store.conn_mut().transaction()?;
                let added = entries::insert_all(&tx, id, rows)?;
                tx.commit()?;
                Ok(added)
            }
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
    use crate::profiles;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").unwrap().to_utc()
    }

    #[test]
    fn files_given_as_bytes_import_like_files_on_disk() {
        let mut store = Store::open_in_memory().unwrap();
        let p = profiles::create(&mut store, "Ana", now()).unwrap();
        let options = ImportOptions::new(chrono::FixedOffset::east_opt(3600).unwrap(), now());
        let gpx = include_bytes!("../../tests/data/run.gpx").to_vec();
        let outcome = import_bytes(&mut store, p.id, "run.gpx", gpx.clone(), &options).unwrap();
        assert_eq!((outcome.kind, outcome.added, outcome.duplicates), (Some(FileKind::Gpx), 1, 0));
        assert_eq!(import_bytes(&mut store, p.id, "run.gpx", gpx, &options).unwrap().duplicates, 1, "the same run twice is stored once");
        let pain = include_bytes!("../../tests/data/pain.csv").to_vec();
        let outcome = import_bytes(&mut store, p.id, "my log.CSV", pain, &options).unwrap();
        assert_eq!(outcome.kind, Some(FileKind::PainCsv));
        assert_eq!(outcome.added, entries::list(store.conn(), p.id).unwrap().len());
        let strava = include_bytes!("../../tests/data/activities.csv").to_vec();
        assert_eq!(import_bytes(&mut store, p.id, "activities.csv", strava, &options).unwrap().kind, Some(FileKind::StravaCsv));
    }

    #[test]
    fn bytes_of_an_unknown_or_broken_file_are_named_errors() {
        let mut store = Store::open_in_memory().unwrap();
        let p = profiles::create(&mut store, "Ana", now()).unwrap();
        let options = ImportOptions::new(chrono::FixedOffset::east_opt(0).unwrap(), now());
        let err = import_bytes(&mut store, p.id, "notes.txt", b"hello".to_vec(), &options).unwrap_err();
        assert_eq!(err.code(), "import_unknown_format");
        let err = import_bytes(&mut store, p.id, "a.csv", b"name,age\nx,1\n".to_vec(), &options).unwrap_err();
        assert_eq!(err.code(), "import_unknown_format");
        let err = import_bytes(&mut store, p.id, "run.gpx", b"<gpx><trk>".to_vec(), &options).unwrap_err();
        assert_eq!(err.code(), "import_unreadable");
        assert!(err.to_string().starts_with("run.gpx: "), "{err}");
        assert!(sessions::list(store.conn(), p.id).unwrap().is_empty());
    }

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
