//! Share and back up through IPC: files saved whole under names of their own, holding the
//! profile's data; backups restored, and bad ones refused with nothing written.

use serde_json::{Value, json};

use super::{app, invoke};
use crate::commands::share::test_dir;

type Window = tauri::WebviewWindow<tauri::test::MockRuntime>;

/// A profile with one pain score. Names are unique per test: all tests share one folder.
fn runner_with_a_score(w: &Window, name: &str) -> Value {
    let id = invoke(w, "create_profile", json!({"name": name})).unwrap()["id"].clone();
    invoke(w, "add_pain_entry", json!({"profileId": id, "recordedAt": "2026-11-20T19:00:00+01:00", "score": 4,
                                       "moment": "1 h after run", "side": "left", "notes": "hill repeats"}))
    .unwrap();
    id
}

/// The text of a saved backup of a runner with a score, whose profile was then deleted.
fn backup_of_a_deleted_runner(w: &Window, name: &str) -> String {
    let id = runner_with_a_score(w, name);
    let saved = invoke(w, "save_backup", json!({"profileId": id})).unwrap();
    let text = std::fs::read_to_string(saved["path"].as_str().unwrap()).unwrap();
    invoke(w, "delete_profile", json!({"id": id})).unwrap();
    text
}

#[test]
fn the_report_is_saved_as_a_new_file_holding_the_profiles_data() {
    let (_app, w) = app();
    let id = runner_with_a_score(&w, "Report Runner");
    let saved = invoke(&w, "save_report", json!({"profileId": id})).unwrap();
    assert_eq!((saved["kind"].as_str(), saved["pain_scores"].as_u64(), saved["checks"].as_u64()), (Some("report"), Some(1), Some(0)));
    let path = std::path::PathBuf::from(saved["path"].as_str().unwrap());
    assert_eq!(path.parent().unwrap(), test_dir::get(), "written in the export folder, by full path");
    assert!(path.file_name().unwrap().to_string_lossy().starts_with("Soleus report - Report Runner - "), "{path:?}");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("Report Runner") && html.contains("</html>"));

    // A second save never replaces the first.
    let again = invoke(&w, "save_report", json!({"profileId": id})).unwrap();
    assert_ne!(again["path"], saved["path"]);
    assert!(again["path"].as_str().unwrap().ends_with(" (2).html"), "{again}");
    assert!(std::fs::metadata(&path).is_ok());
}

#[test]
fn csv_and_backup_are_saved_and_the_backup_restores_what_was_deleted() {
    let (_app, w) = app();
    let id = runner_with_a_score(&w, "Backup Runner");
    let csvs = invoke(&w, "save_csv", json!({"profileId": id})).unwrap();
    assert_eq!(csvs[0]["kind"], "pain_csv");
    assert_eq!(csvs[1]["kind"], "sessions_csv");
    let pain_csv = std::fs::read_to_string(csvs[0]["path"].as_str().unwrap()).unwrap();
    assert!(pain_csv.contains("2026-11-20T19:00:00+01:00,4,1 h after run,left,hill repeats"), "{pain_csv}");

    let saved = invoke(&w, "save_backup", json!({"profileId": id})).unwrap();
    assert_eq!((saved["kind"].as_str(), saved["pain_scores"].as_u64()), (Some("backup"), Some(1)));
    let text = std::fs::read_to_string(saved["path"].as_str().unwrap()).unwrap();

    let entry = &invoke(&w, "list_pain_entries", json!({"profileId": id})).unwrap()[0];
    invoke(&w, "delete_pain_entry", json!({"profileId": id, "id": entry["id"]})).unwrap();
    let restored = invoke(&w, "restore_backup", json!({"text": text})).unwrap();
    assert_eq!(restored["profile"]["id"], id, "restored into the profile named in the backup");
    assert_eq!((restored["created"].as_bool(), restored["added"].as_u64(), restored["already_there"].as_u64()), (Some(false), Some(1), Some(0)));
    let back = invoke(&w, "list_pain_entries", json!({"profileId": id})).unwrap();
    assert_eq!(back[0]["notes"], "hill repeats");
}

#[test]
fn a_backup_restored_where_its_profile_is_missing_creates_it() {
    let (_app, w) = app();
    let text = backup_of_a_deleted_runner(&w, "Moving Runner");
    let restored = invoke(&w, "restore_backup", json!({"text": text})).unwrap();
    assert_eq!((restored["profile"]["name"].as_str(), restored["created"].as_bool(), restored["added"].as_u64()), (Some("Moving Runner"), Some(true), Some(1)));
}

#[test]
fn files_that_are_not_backups_get_named_errors_and_nothing_is_written() {
    let (_app, w) = app();
    let good = backup_of_a_deleted_runner(&w, "Careful Runner");
    let newer = good.replace(&format!("\"version\": {}", soleus::export::backup::VERSION), "\"version\": 7");
    assert_ne!(newer, good);
    for (text, why) in [
        ("name,score\nAna,3\n", "it is not a Soleus backup file (it is damaged or cut short near line 1"),
        ("{\"format\": \"something-else\"}", "not a Soleus backup file (it does not say it is one)"),
        (newer.as_str(), "written by a newer Soleus (backup format v7); update Soleus to read it"),
        (&good[..good.len() - 40], "damaged or cut short"),
    ] {
        let err = invoke(&w, "restore_backup", json!({"text": text})).unwrap_err();
        assert_eq!(err["code"], "import_bad_backup");
        let message = err["message"].as_str().unwrap();
        assert!(message.starts_with("this backup cannot be restored: ") && message.contains(why), "{message}");
        assert_eq!(invoke(&w, "list_profiles", json!({})).unwrap(), json!([]), "nothing written for {why}");
    }
}

#[test]
fn saving_for_a_profile_that_does_not_exist_is_a_named_error() {
    let (_app, w) = app();
    let err = invoke(&w, "save_report", json!({"profileId": 999})).unwrap_err();
    assert_eq!(err["code"], "profile_not_found");
}
