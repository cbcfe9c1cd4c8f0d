//! The crash log through real IPC: none until a panic wrote one, then its text, path and last
//! entry's time; a store that failed to open still shows it.

use serde_json::{Value, json};
use tauri::test::{MockRuntime, mock_builder};
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

use super::invoke;
use crate::{AppState, configure};

fn app_with(state: AppState) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = configure(mock_builder()).build(tauri::generate_context!()).unwrap();
    app.manage(state);
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

fn entry(at: &str) -> String {
    let at = chrono::DateTime::parse_from_rfc3339(at).unwrap().to_utc();
    let entry = soleus::crash_log::Entry {
        at,
        version: "0.1.0",
        thread: "main",
        location: Some("src/engine/mod.rs:10:5".into()),
        message: "attempt to divide by zero".into(),
        backtrace: "   0: soleus::engine::assess".into(),
    };
    entry.render()
}

#[test]
fn the_crash_log_is_none_until_a_panic_wrote_one_then_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = soleus::Store::open_in_memory().unwrap();
    let (_app, w) = app_with(AppState::from_store(store).with_crash_dir(Some(dir.path().to_path_buf())));
    assert_eq!(invoke(&w, "crash_log", json!({})).unwrap(), Value::Null);

    let dir_path = dir.path();
    soleus::crash_log::append(dir_path, &entry("2026-12-07T09:00:00Z"), soleus::crash_log::MAX_BYTES).unwrap();
    soleus::crash_log::append(dir_path, &entry("2026-12-07T10:15:00Z"), soleus::crash_log::MAX_BYTES).unwrap();
    let log = invoke(&w, "crash_log", json!({})).unwrap();
    assert_eq!(log["last_at"], "2026-12-07T10:15:00Z");
    assert_eq!(log["path"], dir_path.join("crash.log").display().to_string());
    let text = log["text"].as_str().unwrap();
    assert_eq!(text.matches("message: attempt to divide by zero").count(), 2, "{text}");
    assert!(text.contains("at: src/engine/mod.rs:10:5"));
}

#[test]
fn a_store_that_failed_to_open_still_shows_the_crash_log() {
    let dir = tempfile::tempdir().unwrap();
    soleus::crash_log::append(dir.path(), &entry("2026-12-07T09:00:00Z"), soleus::crash_log::MAX_BYTES).unwrap();
    let failed = AppState::failed(soleus::ErrorPayload { code: soleus::ErrorCode::DbCorrupt, message: "damaged".into() });
    let (_app, w) = app_with(failed.with_crash_dir(Some(dir.path().to_path_buf())));
    assert_eq!(invoke(&w, "crash_log", json!({})).unwrap()["last_at"], "2026-12-07T09:00:00Z");
}

#[test]
fn an_unreadable_crash_log_is_a_named_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("crash.log")).unwrap();
    let store = soleus::Store::open_in_memory().unwrap();
    let (_app, w) = app_with(AppState::from_store(store).with_crash_dir(Some(dir.path().to_path_buf())));
    let err = invoke(&w, "crash_log", json!({})).unwrap_err();
    assert_eq!(err["code"], "crash_log_unreadable");
}
