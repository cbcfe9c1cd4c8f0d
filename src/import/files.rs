//! An import as a whole: finding the files named and in folders ([`collect`]), importing each in
//! its own transaction with progress ([`import_files`]), and the report. A file that fails is
//! reported and the others still import; only a failure of the store itself stops the import.
//! This module never parses a file itself (`read.rs` does) nor knows a format (`detect.rs`).

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::detect::{FileKind, detect};
use super::read::{read_bytes, read_file};
use super::{ImportOptions, walk};
use crate::log::LogError;
use crate::store::Store;

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

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::log::{entries, sessions};
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

}
