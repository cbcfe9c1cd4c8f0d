//! The reminder clock: while the app runs, it asks the core every so often which reminders fell
//! due since it last asked (`soleus::reminders::due`) and shows each as a system notification
//! (tauri-plugin-notification). The plugin cannot schedule on desktop Linux, so nothing is handed
//! to the system in advance: a reminder whose time passes while Soleus is closed is not shown.

use std::time::Duration;

use chrono::Local;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// How often the clock looks: a reminder shows at most this late.
const TICK: Duration = Duration::from_secs(20);

/// Starts the clock on its own thread, for the life of the app.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("reminders".into()).spawn(move || {
        let mut last = Local::now().fixed_offset();
        loop {
            std::thread::sleep(TICK);
            let now = Local::now().fixed_offset();
            // A store that failed to open, or a busy moment, skips this tick; the next looks again
            // over the same span, since `last` only moves on once it was read.
            let Ok(due) = app.state::<AppState>().with_store(|store| soleus::reminders::due(store.conn(), last, now)) else { continue };
            for reminder in due {
                // No notification service (a bare session, tests under Xvfb): nothing to show on.
                let _ = app.notification().builder().title(reminder.title).body(reminder.body).show();
            }
            last = now;
        }
    });
    // Without the thread the app still works; only reminders do not show.
    drop(spawned);
}
