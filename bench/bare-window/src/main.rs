//! A bare Tauri 2 window: an empty page that says when it is painted (`ui_ready`, the app's
//! signal, from the app's own code) and a button for the click benchmark. Nothing else.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[path = "../../../src-tauri/src/ready.rs"]
mod ready;

#[tauri::command]
fn ui_ready() -> Result<(), String> {
    ready::note_ready().map_err(|e| format!("the ready file could not be written: {e}"))
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("the bare window could not be started");
}
