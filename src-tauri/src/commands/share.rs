//! Share and back up: the clinician report, a backup and the CSV tables saved as new files in the
//! person's Downloads folder, and a backup restored from the text of a file they chose. The app
//! has no filesystem, dialog or shell plugin: the core writes the files (`soleus::app::share`),
//! and a backup to restore arrives as text read by the window's own file input. Every command
//! here builds a report or a file, or reads one: all run on Tauri's thread pool (`async`), so a
//! long report never holds up the thread that draws the window.

use std::path::PathBuf;

use chrono::{Local, Utc};
use soleus::app::share;
pub use soleus::app::share::SavedReport;
use soleus::export::backup::{self, Restored};
use soleus::export::files::{SaveTo, SavedFile, REPORT_WEEKS};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// Where the files go: Downloads (else home), the shell's choice for the window (the CLI writes
/// where it is told). Tests write into a directory of their own.
fn export_dir() -> Result<PathBuf, soleus::log::LogError> {
    #[cfg(test)]
    return Ok(test_dir::get().to_path_buf());
    #[cfg(not(test))]
    soleus::export::files::downloads_dir()
}

#[cfg(test)]
pub(crate) mod test_dir {
    use std::path::Path;
    use std::sync::OnceLock;

    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();

    /// One directory for the whole test run; every save there gets a name of its own.
    pub fn get() -> &'static Path {
        DIR.get_or_init(|| tempfile::tempdir().unwrap()).path()
    }
}

/// Saves the clinician report (HTML) of a profile; the path written and what it holds.
#[tauri::command(async)]
pub fn save_report(state: State<'_, AppState>, profile_id: i64) -> Reply<SavedFile> {
    state.with_store(|store| share::save_report(store, profile_id, REPORT_WEEKS, SaveTo::NewIn(&export_dir()?), Local::now().fixed_offset()))
}

/// Makes the PDF report of a profile about one saved check (else its latest), saves it as a new
/// file and opens it in the system's viewer. Only this file is opened, from here: the window has
/// no permission to open anything itself. Two steps on purpose: the core saves the file, and only
/// the shell can start the system's viewer (`tauri_plugin_opener`).
#[tauri::command(async)]
pub fn save_report_pdf(state: State<'_, AppState>, profile_id: i64, check_id: Option<i64>) -> Reply<SavedReport> {
    let file = state.with_store(|store| share::save_report_pdf(store, profile_id, check_id, &export_dir()?, Local::now().fixed_offset()))?;
    // The IPC tests never start a viewer.
    let opened = !cfg!(test) && tauri_plugin_opener::open_path(&file.path, None::<&str>).is_ok();
    Ok(SavedReport { file, opened })
}

/// Saves a profile's whole record as a JSON backup.
#[tauri::command(async)]
pub fn save_backup(state: State<'_, AppState>, profile_id: i64) -> Reply<SavedFile> {
    state.with_store(|store| share::save_backup(store, profile_id, &export_dir()?, Local::now().fixed_offset()))
}

/// Saves a profile's pain log and sessions as two CSV files.
#[tauri::command(async)]
pub fn save_csv(state: State<'_, AppState>, profile_id: i64) -> Reply<Vec<SavedFile>> {
    state.with_store(|store| share::save_csv(store, profile_id, &export_dir()?, Local::now().fixed_offset()))
}

/// Restores a backup file's text into the profile named in it (created when missing), adding
/// what is not there yet; a file that is not a backup, is newer or damaged writes nothing. Off the
/// main thread, and parsed before the store is taken, like `import_log_file`.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, text: String) -> Reply<Restored> {
    let parsed = backup::parse(&text).map_err(|e| soleus::Error::from(e).payload())?;
    state.with_store(|store| backup::restore_named(store, &parsed, Utc::now()))
}
