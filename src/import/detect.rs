//! Which kind of file this is: from its name (run files may be gzipped, as in Strava's bulk
//! export) and, for CSV, its header line. Detection never parses a file past its first line and
//! never writes.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{pain_csv, strava_csv};
use crate::log::LogError;

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

/// A file's extension in lower case, and whether it is gzipped (`run.fit.gz` is `("fit", true)`).
pub(super) fn extension(path: &Path) -> (String, bool) {
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
