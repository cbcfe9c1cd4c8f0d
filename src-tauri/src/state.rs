//! The app's one piece of state: the store, or why it could not be opened.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use soleus::{Error, ErrorPayload, Store};

pub struct AppState {
    /// A store that failed to open (not SQLite, damaged, from a newer Soleus) is kept as its
    /// error, so that every command answers with it and the window can show the person what is
    /// wrong and where the file is, instead of the app crashing at startup.
    store: Result<Mutex<Store>, ErrorPayload>,
    /// The data folder, where the crash log lives (`soleus::crash_log`); none when no data folder
    /// was found. Kept apart from the store so a store that failed to open still shows its log.
    crash_dir: Option<PathBuf>,
}

impl AppState {
    pub fn open(path: &Path) -> AppState {
        AppState { store: Store::open(path).map(Mutex::new).map_err(|e| Error::from(e).payload()), crash_dir: None }
    }

    pub fn failed(error: ErrorPayload) -> AppState {
        AppState { store: Err(error), crash_dir: None }
    }

    pub fn from_store(store: Store) -> AppState {
        AppState { store: Ok(Mutex::new(store)), crash_dir: None }
    }

    pub fn with_crash_dir(self, dir: Option<PathBuf>) -> AppState {
        AppState { crash_dir: dir, ..self }
    }

    /// The crash log, if the app has a data folder and a panic wrote one there.
    pub fn crash_log(&self) -> Result<Option<soleus::crash_log::CrashLog>, ErrorPayload> {
        let Some(dir) = &self.crash_dir else { return Ok(None) };
        soleus::crash_log::read(dir).map_err(|e| Error::from(e).payload())
    }

    /// Runs `f` on the store, turning any failure into the `{code, message}` the UI shows.
    pub fn with_store<T, E: Into<Error>>(&self, f: impl FnOnce(&mut Store) -> Result<T, E>) -> Result<T, ErrorPayload> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave a half-written change: every write is
        // one SQLite transaction, rolled back when dropped. So the store is safe to keep using.
        let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut store).map_err(|e| e.into().payload())
    }
}
