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
//! dependency's) is caught where a file is read and named ([`crate::log::LogError::ReaderFailed`]).
//!
//! By concern: what kind of file it is (`detect.rs`), reading and storing one file (`read.rs`),
//! an import of many files with its progress and report (`files.rs`), the pain log's rows stored
//! in one batched transaction (`pain_csv.rs`), one reader per run format, and the limits.

mod detect;
mod files;
mod fit;
mod gpx;
pub(crate) mod limits;
pub mod pain_csv;
mod read;
mod strava_csv;
mod tcx;
mod track;
mod walk;

use chrono::{DateTime, Utc};

use crate::log::Zone;

pub use detect::{FileKind, detect, detect_bytes};
pub use files::{FileList, FileOutcome, ImportProgress, ImportReport, collect, import_bytes, import_files, import_paths};
pub use limits::{Limit, MAX_ATTRIBUTES, MAX_FILE_BYTES, MAX_TRACK_POINTS, MAX_XML_DEPTH};
pub use read::{ReadFile, read_bytes, read_file};

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
