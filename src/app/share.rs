//! Share and back up: the clinician report (HTML or PDF), a backup and the CSV tables of a
//! profile, saved as new files in a folder the client chooses (the window: Downloads), never
//! over another file. The files and what they hold are `export::files`' and `export::report`'s;
//! the time of the save (the report's day, the files' names) comes in as `now`.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use ts_rs::TS;

use crate::export::files::{self, SaveTo, SavedFile};
use crate::export::report::pdf;
use crate::profiles;
use crate::store::Store;
use crate::Error;

/// The PDF report saved, and whether the system's viewer was asked to open it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedReport {
    pub file: SavedFile,
    /// False when no viewer could be started (the file is saved all the same).
    pub opened: bool,
}

/// Saves the clinician report (HTML) of a profile, covering the last `weeks` of the log (the
/// window: [`files::REPORT_WEEKS`]), as a new file in a folder or as the file the person named
/// (the CLI's `--out`); an unknown profile is refused by name.
pub fn save_report(store: &Store, profile_id: i64, weeks: u32, to: SaveTo<'_>, now: DateTime<FixedOffset>) -> Result<SavedFile, Error> {
    let profile = profiles::get(store, profile_id)?;
    Ok(files::save_report(store, &profile, weeks, to, now)?)
}

/// Saves the PDF report of a profile about one saved check (else its latest) in `dir`.
pub fn save_report_pdf(store: &Store, profile_id: i64, check_id: Option<i64>, dir: &Path, now: DateTime<FixedOffset>) -> Result<SavedFile, Error> {
    let profile = profiles::get(store, profile_id)?;
    pdf::save(store, &profile, check_id, dir, now)
}

/// Saves a profile's whole record as a JSON backup in `dir`.
pub fn save_backup(store: &Store, profile_id: i64, dir: &Path, now: DateTime<FixedOffset>) -> Result<SavedFile, Error> {
    let profile = profiles::get(store, profile_id)?;
    Ok(files::save_backup(store, &profile, dir, now)?)
}

/// Saves a profile's pain log and sessions as two CSV files in `dir`.
pub fn save_csv(store: &Store, profile_id: i64, dir: &Path, now: DateTime<FixedOffset>) -> Result<Vec<SavedFile>, Error> {
    let profile = profiles::get(store, profile_id)?;
    Ok(files::save_csv(store, &profile, dir, now)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::files::SavedKind;
    use crate::log::entries::{self, NewPainEntry};

    #[test]
    fn each_save_is_a_new_file_named_for_the_profile_and_day_and_an_unknown_profile_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-25T18:00:00+01:00").unwrap();
        let ana = profiles::create(&mut store, "Ana", now.to_utc()).unwrap().id;
        entries::add(&mut store, ana, &NewPainEntry::new(now, 3, "", None, "", now.to_utc()).unwrap()).unwrap();

        let name = |f: &SavedFile| Path::new(&f.path).file_name().unwrap().to_string_lossy().into_owned();
        let report = save_report(&store, ana, files::REPORT_WEEKS, SaveTo::NewIn(dir.path()), now).unwrap();
        assert_eq!((report.kind, name(&report).as_str(), report.pain_scores), (SavedKind::Report, "Soleus report - Ana - 2026-11-25.html", 1));
        let again = save_report(&store, ana, files::REPORT_WEEKS, SaveTo::NewIn(dir.path()), now).unwrap();
        assert_eq!(name(&again), "Soleus report - Ana - 2026-11-25 (2).html", "never over another file");
        let pdf = save_report_pdf(&store, ana, None, dir.path(), now).unwrap();
        assert_eq!(name(&pdf), "Soleus report - Ana - 2026-11-25.pdf");
        assert!(std::fs::read(&pdf.path).unwrap().starts_with(b"%PDF"));
        let backup = save_backup(&store, ana, dir.path(), now).unwrap();
        assert_eq!((backup.kind, backup.pain_scores, name(&backup).as_str()), (SavedKind::Backup, 1, "Soleus backup - Ana - 2026-11-25.json"));
        let csv = save_csv(&store, ana, dir.path(), now).unwrap();
        assert_eq!(csv.iter().map(|f| (f.kind, f.pain_scores)).collect::<Vec<_>>(), [(SavedKind::PainCsv, 1), (SavedKind::SessionsCsv, 0)]);

        let written = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(written, 6);
        for e in [
            save_report(&store, 99, files::REPORT_WEEKS, SaveTo::NewIn(dir.path()), now).unwrap_err(),
            save_report_pdf(&store, 99, None, dir.path(), now).unwrap_err(),
            save_backup(&store, 99, dir.path(), now).unwrap_err(),
            save_csv(&store, 99, dir.path(), now).unwrap_err(),
        ] {
            assert_eq!(e.code(), "profile_not_found");
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), written, "nothing written for an unknown profile");
        // A check another profile cannot reach is refused by name too.
        assert_eq!(save_report_pdf(&store, ana, Some(7), dir.path(), now).unwrap_err().code(), "saved_check_not_found");
    }
}
