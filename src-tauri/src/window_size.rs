//! The window reopens at the size and place it was left at: tauri-plugin-window-state keeps
//! them in a file in the app's config directory (its Rust side only; the window is granted none
//! of its commands). The plugin writes the file when the app exits normally; a window ended from
//! outside (the session closed, the process stopped) never gets there, so the state is also
//! written once the person stops resizing or moving the window.

use std::sync::mpsc;
use std::time::Duration;

use tauri::plugin::TauriPlugin;
use tauri::{App, Manager, Runtime, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// How long the window must stay still before its state is written: one write per drag.
const SETTLED: Duration = Duration::from_millis(400);

/// Size, place and maximised. Never full screen: that is the presenter's, for one consultation.
fn flags() -> StateFlags {
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED
}

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_window_state::Builder::new().with_state_flags(flags()).build()
}

/// Writes the main window's state once it has settled after a resize or a move.
pub fn save_when_settled<R: Runtime>(app: &App<R>) {
    let Some(window) = app.get_webview_window("main") else { return };
    let (changed, changes) = mpsc::channel::<()>();
    let handle = app.handle().clone();
    let watched = window.clone();
    std::thread::spawn(move || {
        while changes.recv().is_ok() {
            while changes.recv_timeout(SETTLED).is_ok() {}
            // The presenter's full screen is not a size to reopen at.
            if !watched.is_fullscreen().unwrap_or(false) {
                let _ = handle.save_window_state(flags());
            }
        }
    });
    window.on_window_event(move |event| {
        if matches!(event, WindowEvent::Resized(_) | WindowEvent::Moved(_)) {
            let _ = changed.send(());
        }
    });
}
