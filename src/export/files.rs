//! Exports saved as files for the person to send on: the clinician report, a backup, the CSV
//! tables. They go to the Downloads folder under a name that is never already taken, and appear
//! there whole or not at all, readable by their owner only.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{backup, csv, report};
use crate::log::entries;
use crate::log::sessions;
use crate::log::LogError;
use crate::profiles::Profile;
use crate::store::Store;

/// What a saved file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SavedKind {
    Report,
    Backup,
    PainCsv,
    SessionsCsv,
}

/// A file written, and what it holds, so the person knows what they are about to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedFile {
    pub kind: SavedKind,
    /// The full path written.
    pub path: String,
    pub pain_scores: usize,
    /// Training sessions; in the report, the runs of the weeks it covers.
    pub sessions: usize,
    /// Saved checks: the report shows the latest one (0 or 1), a backup holds them all.
    pub checks: usize,
    pub exercise_completions: usize,
}

/// Where exports go: the person's Downloads folder, else their home folder.
pub fn downloads_dir() -> Result<PathBuf, LogError> {
    let dirs = directories::UserDirs::new().ok_or_else(|| LogError::Io {
        path: "your Downloads folder".into(),
        source: io::Error::new(io::ErrorKind::NotFound, "this account has no home folder"),
    })?;
    Ok(dirs.download_dir().filter(|d| d.is_dir()).unwrap_or(dirs.home_dir()).to_path_buf())
}

/// A profile name made safe as part of a file name on any system.
pub fn file_name_part(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .take(60)
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() { "profile".into() } else { trimmed.into() }
}

/// `name.ext`, then `name (2).ext`, `name (3).ext`...
fn numbered(file_name: &str, n: u32) -> String {
    if n <= 1 {
        return file_name.to_string();
    }
    match file_name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem} ({n}).{ext}"),
        _ => format!("{file_name} ({n})"),
    }
}

/// Writes `bytes` as a new file in `dir`, readable by its owner only (0600), named `file_name` or,
/// when that is taken, with " (2)", " (3)"... added; returns the path written. An existing file is
/// never replaced, and nothing is half-written ([`crate::private::save_whole`]).
pub fn save_new(dir: &Path, file_name: &str, bytes: &[u8]) -> Result<PathBuf, LogError> {
    crate::private::save_whole(dir, (1..10_000).map(|n| numbered(file_name, n)), bytes, crate::private::IfTaken::NextName)
        .map_err(|source| LogError::Io { path: dir.to_path_buf(), source })
}

/// Where an export goes.
#[derive(Debug, Clone, Copy)]
pub enum SaveTo<'a> {
    /// A new file in this folder under the export's dated name, never over another file (the
    /// window's Downloads).
    NewIn(&'a Path),
    /// The file a person named (the CLI's `--out FILE`), replaced whole in one step.
    File(&'a Path),
}

impl SaveTo<'_> {
    /// Saves `bytes` whole and private ([`crate::private::save_whole`]); `file_name` is the name
    /// in a folder. A failure names the folder, or the file the person named.
    fn save(self, file_name: &str, bytes: &[u8]) -> Result<PathBuf, LogError> {
        match self {
            SaveTo::NewIn(dir) => save_new(dir, file_name, bytes),
            SaveTo::File(path) => save_as(path, bytes),
        }
    }
}

/// Saves `bytes` whole and private as the file `path` a person named, replacing it in one step:
/// the CLI's every `--out`. A failure names the file.
pub fn save_as(path: &Path, bytes: &[u8]) -> Result<PathBuf, LogError> {
    let fail = |source| LogError::Io { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| fail(io::Error::new(io::ErrorKind::InvalidInput, "not a file name")))?;
    crate::private::save_whole(dir, [name.to_string_lossy().into_owned()], bytes, crate::private::IfTaken::Replace).map_err(fail)
}

fn dated_name(what: &str, profile: &Profile, now: DateTime<FixedOffset>, ext: &str) -> String {
    format!("Soleus {what} - {} - {}.{ext}", file_name_part(&profile.name), now.format("%Y-%m-%d"))
}

/// How many weeks of the log the report covers, as the CLI's default.
pub const REPORT_WEEKS: u32 = 12;

/// Saves the clinician report of `profile`, covering the last `weeks` of the log.
pub fn save_report(store: &Store, profile: &Profile, weeks: u32, to: SaveTo<'_>, now: DateTime<FixedOffset>) -> Result<SavedFile, LogError> {
    let data = report::gather(store.conn(), profile, now, weeks)?;
    let path = to.save(&dated_name("report", profile, now, "html"), report::render(&data).as_bytes())?;
    Ok(SavedFile {
        kind: SavedKind::Report,
        path: path.display().to_string(),
        pain_scores: data.entries.len(),
        sessions: data.reviews.iter().map(|r| r.load.runs as usize).sum(),
        checks: usize::from(data.assessment.is_some()),
        exercise_completions: 0,
    })
}

/// Saves the whole record of `profile` as a JSON backup in `dir`.
pub fn save_backup(store: &Store, profile: &Profile, dir: &Path, now: DateTime<FixedOffset>) -> Result<SavedFile, LogError> {
    let b = backup::export(store.conn(), profile, now.to_utc())?;
    let mut bytes = serde_json::to_vec_pretty(&b).expect("a backup serializes");
    bytes.push(b'\n');
    let path = save_new(dir, &dated_name("backup", profile, now, "json"), &bytes)?;
    Ok(SavedFile {
        kind: SavedKind::Backup,
        path: path.display().to_string(),
        pain_scores: b.pain_entries.len(),
        sessions: b.sessions.len(),
        checks: b.assessments.len(),
        exercise_completions: b.exercise_completions.len(),
    })
}

/// Saves the pain log and the sessions of `profile` as two CSV files in `dir`.
pub fn save_csv(store: &Store, profile: &Profile, dir: &Path, now: DateTime<FixedOffset>) -> Result<Vec<SavedFile>, LogError> {
    let pain = entries::list(store.conn(), profile.id)?;
    let runs = sessions::list(store.conn(), profile.id)?;
    let mut pain_bytes = Vec::new();
    csv::write_pain(&pain, &mut pain_bytes)?;
    let mut run_bytes = Vec::new();
    csv::write_sessions(&runs, &mut run_bytes)?;
    let saved = |kind, path: PathBuf, pain_scores, sessions| SavedFile {
        kind,
        path: path.display().to_string(),
        pain_scores,
        sessions,
        checks: 0,
        exercise_completions: 0,
    };
    let pain_path = save_new(dir, &dated_name("pain log", profile, now, "csv"), &pain_bytes)?;
    let run_path = save_new(dir, &dated_name("sessions", profile, now, "csv"), &run_bytes)?;
    Ok(vec![saved(SavedKind::PainCsv, pain_path, pain.len(), 0), saved(SavedKind::SessionsCsv, run_path, 0, runs.len())])
}

#[cfg(test)]
mod tests {
    use std::fs;

    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::log::entries::NewPainEntry;
    use crate::profiles;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_taken_name_gets_a_number_and_the_old_file_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let first = save_new(dir.path(), "report.html", b"one").unwrap();
        let second = save_new(dir.path(), "report.html", b"two").unwrap();
        let third = save_new(dir.path(), "report.html", b"three").unwrap();
        assert_eq!(first, dir.path().join("report.html"));
        assert_eq!(second, dir.path().join("report (2).html"));
        assert_eq!(third, dir.path().join("report (3).html"));
        assert_eq!(fs::read(&first).unwrap(), b"one");
        assert_eq!(fs::read(&second).unwrap(), b"two");
        assert_eq!(fs::read(&third).unwrap(), b"three");
        // No temporary file is left beside them.
        assert_eq!(names_in(dir.path()), ["report (2).html", "report (3).html", "report.html"]);
    }

    #[test]
    fn numbering_keeps_the_extension() {
        assert_eq!(numbered("a b.csv", 1), "a b.csv");
        assert_eq!(numbered("a b.csv", 2), "a b (2).csv");
        assert_eq!(numbered("README", 3), "README (3)");
        assert_eq!(numbered(".hidden", 2), ".hidden (2)");
    }

    #[test]
    fn a_folder_that_cannot_be_written_gets_an_error_naming_it_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("not here");
        let err = save_new(&missing, "report.html", b"x").unwrap_err();
        assert_eq!(err.code(), "log_io");
        assert!(err.to_string().contains("not here"), "{err}");
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn a_leftover_temporary_file_does_not_block_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(format!(".report.html.{}-0.part", std::process::id()));
        fs::write(&stale, b"half").unwrap();
        let path = save_new(dir.path(), "report.html", b"whole").unwrap();
        assert_eq!(fs::read(path).unwrap(), b"whole");
        assert_eq!(fs::read(&stale).unwrap(), b"half", "someone else's file is left alone");
    }

    #[test]
    fn profile_names_become_safe_file_names() {
        assert_eq!(file_name_part("Ana Runner"), "Ana Runner");
        assert_eq!(file_name_part("a/b\\c:d*e?f\"g<h>i|j"), "a_b_c_d_e_f_g_h_i_j");
        assert_eq!(file_name_part("..."), "profile");
        assert_eq!(file_name_part(" Zoë. "), "Zoë");
        assert_eq!(file_name_part(&"x".repeat(100)).chars().count(), 60);
    }

    fn store_with_scores(scores: &[i64]) -> (Store, Profile) {
        let mut store = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let profile = profiles::create(&mut store, "Ana / Runner", now).unwrap();
        for (day, score) in scores.iter().enumerate() {
            let at = chrono::FixedOffset::east_opt(3600).unwrap().with_ymd_and_hms(2026, 11, 10 + day as u32, 7, 30, 0).unwrap();
            entries::add(&mut store, profile.id, &NewPainEntry::new(at, *score, "on waking", None, "", now).unwrap()).unwrap();
        }
        (store, profile)
    }

    fn now() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(3600).unwrap().with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap()
    }

    #[test]
    fn the_report_backup_and_csv_are_saved_whole_with_what_they_hold() {
        let (store, profile) = store_with_scores(&[3, 4, 2]);
        let dir = tempfile::tempdir().unwrap();
        let report = save_report(&store, &profile, REPORT_WEEKS, SaveTo::NewIn(dir.path()), now()).unwrap();
        assert_eq!(report.path, dir.path().join("Soleus report - Ana _ Runner - 2026-11-21.html").display().to_string());
        assert_eq!((report.kind, report.pain_scores, report.checks), (SavedKind::Report, 3, 0));
        let html = fs::read_to_string(&report.path).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Ana / Runner") && html.trim_end().ends_with("</html>"));

        let saved = save_backup(&store, &profile, dir.path(), now()).unwrap();
        assert_eq!((saved.kind, saved.pain_scores, saved.sessions), (SavedKind::Backup, 3, 0));
        let back = backup::parse(&fs::read_to_string(&saved.path).unwrap()).unwrap();
        assert_eq!(back.pain_entries.len(), 3);

        let csvs = save_csv(&store, &profile, dir.path(), now()).unwrap();
        assert_eq!(csvs.len(), 2);
        assert_eq!(fs::read_to_string(&csvs[0].path).unwrap().lines().count(), 4, "a header and three scores");
        assert_eq!(csvs[0].pain_scores, 3);

        // Saving again never replaces what is there.
        let again = save_report(&store, &profile, REPORT_WEEKS, SaveTo::NewIn(dir.path()), now()).unwrap();
        assert!(again.path.ends_with("2026-11-21 (2).html"), "{}", again.path);
        assert_eq!(names_in(dir.path()).len(), 5);
    }
}
