//! Bringing a runner's record in: run files (GPX, TCX, FIT), Strava's activities CSV, the pain-log
//! CSV and Soleus backups, one file or whole folders.
//!
//! Each run file is one transaction; a pain-log CSV is checked whole first (a bad row rejects the
//! file, naming the line) and then written in batches of [`ImportOptions::batch_rows`], each
//! committed and reported through the progress callback, so a killed import leaves a prefix that
//! was announced, and running it again carries on (rows already stored are skipped). A file that
//! cannot be read is reported by name and reason, and the others still import.

mod fit;
mod gpx;
pub mod pain_csv;
mod strava_csv;
mod tcx;
mod track;
mod walk;

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::export::backup;
use crate::log::{LogError, Zone, entries, sessions};
use crate::store::Store;

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
    /// Pain-log rows per committed batch.
    pub batch_rows: usize,
}

impl ImportOptions {
    pub fn new(zone: impl Into<Zone>, now: DateTime<Utc>) -> Self {
        ImportOptions { zone: zone.into(), now, batch_rows: 5_000 }
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
    /// Rows of a file are committed: safe even if the process dies now.
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
    let bytes = fs::read(path).map_err(|source| LogError::Io { path: path.to_path_buf(), source })?;
    import_read(store, profile_id, path, bytes, kind, options, committed)
}

/// Imports one file given as its name and bytes (chosen in the app's window) into a profile, in
/// its own transaction(s) like any file of [`import_files`]. A file that cannot be read is an error.
pub fn import_bytes(store: &mut Store, profile_id: i64, name: &str, bytes: Vec<u8>, options: &ImportOptions) -> Result<FileOutcome, LogError> {
    let kind = detect_bytes(name, &bytes)?;
    let (added, total) = import_read(store, Some(profile_id), Path::new(name), bytes, kind, options, &mut |_, _| {})?;
    Ok(FileOutcome { path: name.to_string(), kind: Some(kind), added, duplicates: total - added, error: None })
}

/// The most a gzipped file may expand to. A whole day's GPS track at one point a second is under
/// 20 MB; a small file that expands far beyond that is not a run, and must not fill the memory.
const MAX_UNZIPPED_BYTES: u64 = 256 * 1024 * 1024;

/// The contents of a gzipped file, or why not, refusing to expand past `limit` bytes.
fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut plain)
        .map_err(|e| format!("cannot decompress it ({e})"))?;
    if plain.len() as u64 > limit {
        return Err(format!("it expands to more than {} MB, far more than any run file", limit / (1024 * 1024)));
    }
    Ok(plain)
}

/// Imports the bytes of one file; (rows added, rows in the file).
fn import_read(
    store: &mut Store,
    profile_id: Option<i64>,
    path: &Path,
    mut bytes: Vec<u8>,
    kind: FileKind,
    options: &ImportOptions,
    committed: &mut dyn FnMut(usize, usize),
) -> Result<(usize, usize), LogError> {
    let unreadable = |reason: String| LogError::Unreadable { path: path.to_path_buf(), reason };
    if extension(path).1 {
        bytes = gunzip(&bytes, MAX_UNZIPPED_BYTES).map_err(unreadable)?;
    }
    let text = || std::str::from_utf8(&bytes).map_err(|_| unreadable("it is not UTF-8 text".into()));
    let source = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let zone = options.zone;
    let needs_profile = || LogError::NoProfile;
    let runs = match kind {
        FileKind::Gpx => gpx::read(&bytes[..], &source, zone),
        FileKind::Tcx => tcx::read(text()?, &source, zone),
        FileKind::Fit => fit::read(&bytes, &source, zone),
        FileKind::StravaCsv => strava_csv::read(&bytes[..], &source, zone),
        FileKind::PainCsv => {
            let id = profile_id.ok_or_else(needs_profile)?;
            return import_pain_csv(store, id, &bytes, options, committed).map_err(|e| match e {
                PainImportError::Row(reason) => unreadable(reason),
                PainImportError::Store(e) => e,
            });
        }
        FileKind::Backup => {
            let backup = backup::parse(text()?).map_err(|e| unreadable(e.to_string()))?;
            let count = match profile_id {
                Some(id) => backup::restore(store, id, &backup, options.now)?,
                None => {
                    let r = backup::restore_named(store, &backup, options.now)?;
                    backup::RestoreCount { added: r.added, already_there: r.already_there }
                }
            };
            committed(count.added + count.already_there, count.added + count.already_there);
            return Ok((count.added, count.added + count.already_there));
        }
    }
    .map_err(unreadable)?;
    let added = sessions::add(store, profile_id.ok_or_else(needs_profile)?, &runs)?;
    committed(runs.len(), runs.len());
    Ok((added, runs.len()))
}

enum PainImportError {
    Row(String),
    Store(LogError),
}

impl From<rusqlite::Error> for PainImportError {
    fn from(e: rusqlite::Error) -> Self {
        PainImportError::Store(e.into())
    }
}

/// Rows handed from the reading thread to the writing one at a time; divides `batch_rows`.
const READ_CHUNK: usize = 500;

/// A pain-log CSV: one thread reads and checks the rows while this one stores them, inside a
/// transaction that is committed only once the whole file is known to be good (so a bad row
/// writes nothing); from then on every `batch_rows` rows are committed and reported.
fn import_pain_csv(
    store: &mut Store,
    profile_id: i64,
    bytes: &[u8],
    options: &ImportOptions,
    committed: &mut dyn FnMut(usize, usize),
) -> Result<(usize, usize), PainImportError> {
    let batch = options.batch_rows.max(1);
    let chunk = READ_CHUNK.min(batch);
    let batch = batch.div_ceil(chunk) * chunk;
    let total = AtomicUsize::new(0);
    let checked = AtomicBool::new(false);
    let conn = store.conn();
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel();
        let reader = scope.spawn(|| {
            let send = send;
            let rows = pain_csv::read_chunks(bytes, options.zone, options.now, chunk, |c| send.send(c).is_ok())?;
            total.store(rows, Ordering::Release);
            checked.store(true, Ordering::Release);
            Ok::<_, String>(rows)
        });
        let mut tx = conn.unchecked_transaction()?;
        let (mut stored, mut added, mut reported) = (0, 0, 0);
        for rows in receive.iter() {
            added += entries::insert_all(&tx, profile_id, &rows).map_err(PainImportError::Store)?;
            stored += rows.len();
            if stored % batch == 0 && checked.load(Ordering::Acquire) {
                tx.commit()?;
                committed(stored, total.load(Ordering::Acquire));
                reported = stored;
                tx = conn.unchecked_transaction()?;
            }
        }
        // A bad row ends the reader with an error; returning drops `tx`, which rolls it back.
        let rows = reader.join().expect("the CSV reader does not panic").map_err(PainImportError::Row)?;
        tx.commit()?;
        if rows > reported || rows == 0 {
            committed(rows, rows);
        }
        Ok((added, rows))
    })
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
        let err = gunzip(&bomb, 1024 * 1024).unwrap_err();
        assert!(err.contains("expands to more than 1 MB"), "{err}");
        assert!(gunzip(b"not gzip at all", 1024).unwrap_err().starts_with("cannot decompress it"));
    }
}
