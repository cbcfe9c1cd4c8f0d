//! The Soleus desktop app: a thin Tauri shell over the `soleus` core.
//!
//! Everything that matters lives in the core; this crate opens the store, hands it to the
//! commands in [`commands`], and serves the UI in `ui/dist`. See ARCHITECTURE.md.

// The generator runs in tests (bindings_are_up_to_date); the app only declares signatures.
#[cfg_attr(not(test), allow(dead_code))]
mod bindings;
pub mod commands;
mod reminder_clock;
mod ready;
mod state;
mod webview_settings;
mod window_size;

use tauri::{Builder, Manager, Runtime};

pub use state::AppState;

/// The app's commands and plugins, on any runtime: the real one in [`run`], the mock runtime
/// in tests. The store is managed separately ([`run`] opens the real one at startup).
pub fn configure<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(commands::handler())
}

/// Starts the app on this machine's data.
pub fn run() {
    webview_settings::before_webkit_starts();
    // The app-data directory ($XDG_DATA_HOME/org.soleus.app on Linux), the same file the
    // `soleus` CLI uses by default. Panics are logged beside it from here on, start-up included.
    let db_path = soleus::store::default_db_path();
    let data_dir = db_path.as_ref().ok().and_then(|p| p.parent()).map(std::path::Path::to_path_buf);
    if let Some(dir) = &data_dir {
        soleus::crash_log::install(dir.clone());
    }
    configure(tauri::Builder::default())
        .plugin(window_size::plugin())
        .plugin(webview_settings::plugin())
        // Shows the reminders the runner set (reminder_clock). Its commands are granted to no
        // window: the page cannot post notifications, only the shell does.
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            // A file that cannot be opened is not fatal: the state keeps the error and the
            // window explains it.
            let state = match db_path {
                Ok(path) => AppState::open(&path),
                Err(e) => AppState::failed(soleus::Error::from(e).payload()),
            };
            app.manage(state.with_crash_dir(data_dir));
            window_size::save_when_settled(app);
            reminder_clock::start(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the Soleus window could not be started");
}

#[cfg(test)]
mod tests;
