//! Commands driven through the real IPC path on Tauri's mock runtime: no display needed.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

use crate::{AppState, configure};

pub(super) fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = configure(mock_builder())
        .build(tauri::generate_context!())
        .expect("the mock app builds");
    app.manage(AppState::from_store(soleus::Store::open_in_memory().unwrap()));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

pub(super) fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    request(window, cmd, InvokeBody::Json(args), Default::default())
}

fn request(window: &WebviewWindow<MockRuntime>, cmd: &str, body: InvokeBody, headers: tauri::http::HeaderMap) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // On Linux, tauri://localhost is the app's own origin (http://tauri.localhost is remote).
            url: "tauri://localhost".parse().unwrap(),
            body,
            headers,
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// Sends a chosen file as the window does (`sendFile` in ui/src/lib/api.ts): raw bytes, headers.
pub(super) fn invoke_file(window: &WebviewWindow<MockRuntime>, cmd: &str, profile: &Value, name: &str, bytes: Vec<u8>) -> Result<Value, Value> {
    use crate::commands::chosen_file::{NAME_HEADER, PROFILE_HEADER};
    let mut headers = tauri::http::HeaderMap::new();
    headers.insert(PROFILE_HEADER, profile.to_string().parse().unwrap());
    let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC).to_string();
    headers.insert(NAME_HEADER, encoded.parse().unwrap());
    request(window, cmd, InvokeBody::Raw(bytes), headers)
}

#[test]
fn profiles_round_trip_through_ipc() {
    let (_app, w) = app();
    assert_eq!(invoke(&w, "get_active_profile", json!({})).unwrap(), Value::Null);
    let ana = invoke(&w, "create_profile", json!({"name": "  Ana  "})).unwrap();
    assert_eq!(ana["name"], "Ana");
    let ben = invoke(&w, "create_profile", json!({"name": "Ben"})).unwrap();
    assert_eq!(invoke(&w, "get_active_profile", json!({})).unwrap()["name"], "Ana");
    invoke(&w, "set_active_profile", json!({"id": ben["id"]})).unwrap();
    assert_eq!(invoke(&w, "get_active_profile", json!({})).unwrap()["name"], "Ben");
    let renamed = invoke(&w, "rename_profile", json!({"id": ben["id"], "name": "Benjamin"})).unwrap();
    assert_eq!(renamed["name"], "Benjamin");
    invoke(&w, "delete_profile", json!({"id": ben["id"]})).unwrap();
    let all = invoke(&w, "list_profiles", json!({})).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(invoke(&w, "get_active_profile", json!({})).unwrap()["name"], "Ana");
}

#[test]
fn errors_cross_ipc_as_code_and_message() {
    let (_app, w) = app();
    let err = invoke(&w, "create_profile", json!({"name": "   "})).unwrap_err();
    assert_eq!(err, json!({"code": "profile_name_empty", "message": "a profile needs a name: type at least one letter or digit"}));
    let err = invoke(&w, "create_profile", json!({"name": "x".repeat(101)})).unwrap_err();
    assert_eq!(err["code"], "profile_name_too_long");
    assert_eq!(invoke(&w, "list_profiles", json!({})).unwrap(), json!([]), "nothing was written");
}

#[test]
fn start_reads_what_the_window_opens_on_in_one_call() {
    let (_app, w) = app();
    let first = invoke(&w, "start", json!({})).unwrap();
    assert_eq!(first["profiles"], json!([]), "a first launch asks for a name");
    assert_eq!(first["open_record"], json!(false));
    let ana = invoke(&w, "create_profile", json!({"name": "Ana"})).unwrap();
    let one = invoke(&w, "start", json!({})).unwrap();
    assert_eq!((one["active"]["id"].clone(), one["open_record"].clone(), one["checks"].clone()), (ana["id"].clone(), json!(true), json!([])));
    assert_eq!(one["settings"], invoke(&w, "get_settings", json!({})).unwrap());
    invoke(&w, "create_profile", json!({"name": "Ben"})).unwrap();
    assert_eq!(invoke(&w, "start", json!({})).unwrap()["open_record"], json!(false), "with two people, nobody's record");
}

#[test]
fn settings_round_trip_through_ipc() {
    let (_app, w) = app();
    assert_eq!(invoke(&w, "get_settings", json!({})).unwrap(), json!({"units": "km", "theme": "system"}));
    let s = invoke(&w, "update_settings", json!({"settings": {"units": "mi", "theme": "dark"}})).unwrap();
    assert_eq!(s, json!({"units": "mi", "theme": "dark"}));
    let err = invoke(&w, "update_settings", json!({"settings": {"units": "furlongs", "theme": "dark"}})).unwrap_err();
    assert!(err.is_string() || err.get("message").is_some(), "a bad argument is rejected: {err}");
}

#[test]
fn a_store_that_failed_to_open_answers_every_command_with_its_error() {
    let app = configure(mock_builder()).build(tauri::generate_context!()).unwrap();
    app.manage(AppState::failed(soleus::ErrorPayload {
        code: soleus::ErrorCode::DbNotSqlite,
        message: "/tmp/x.db is not a Soleus database".into(),
    }));
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    let err = invoke(&w, "list_profiles", json!({})).unwrap_err();
    assert_eq!(err["code"], "db_not_sqlite");
}

#[test]
fn every_command_has_a_permission_granted_to_the_main_window() {
    let permitted = env!("SOLEUS_COMMAND_PERMISSIONS");
    let caps: String = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for sig in crate::commands::signatures() {
        assert!(permitted.split(',').any(|p| p == sig.name()), "{} has no generated permission", sig.name());
        let perm = format!("\"allow-{}\"", sig.name().replace('_', "-"));
        assert!(caps.contains(&perm), "{perm} is not granted in capabilities/");
    }
    for forbidden in ["http:", "shell:", "fs:"] {
        assert!(!caps.contains(forbidden), "capabilities must not grant {forbidden} plugins");
    }
}

/// Beyond the app's own commands the window is granted one thing: putting itself in full screen
/// and back, for the presenter. No core default set, none of the window-state plugin's commands.
#[test]
fn the_only_permission_beyond_the_apps_commands_is_full_screen() {
    let mut others = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities")).unwrap() {
        let cap: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        assert_eq!(cap["windows"], json!(["main"]), "{}: granted to the main window only", cap["identifier"]);
        for p in cap["permissions"].as_array().unwrap() {
            let p = p.as_str().expect("permissions are named, not scoped objects");
            if !p.starts_with("allow-") {
                others.push(p.to_string());
            }
        }
    }
    assert_eq!(others, ["core:window:allow-set-fullscreen"]);
}

/// A mock app on `store`, for tests that seed data through the core first.
fn app_on(store: soleus::Store) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = configure(mock_builder()).build(tauri::generate_context!()).unwrap();
    app.manage(AppState::from_store(store));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

/// A store with one profile and, when given, one saved check of `findings`.
fn store_with_check(findings: Option<Value>) -> (soleus::Store, i64) {
    let mut store = soleus::Store::open_in_memory().unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00Z").unwrap().to_utc();
    let profile = soleus::profiles::create(&mut store, "Ana", now).unwrap();
    if let Some(findings) = findings {
        let case_json = json!({ "findings": findings });
        let case = soleus::engine::Case::from_value(case_json.clone()).unwrap();
        let result = soleus::engine::assess(&case);
        soleus::log::assessments::save(&mut store, profile.id, &case_json, &result, "", now).unwrap();
    }
    (store, profile.id)
}

#[test]
fn no_saved_check_gives_no_plan() {
    let (store, id) = store_with_check(None);
    let (_app, w) = app_on(store);
    assert_eq!(invoke(&w, "latest_plan", json!({"profileId": id})).unwrap(), Value::Null);
}

#[test]
fn a_saved_urgent_check_gives_its_plan_with_care_first() {
    // Public case p-008: a positive calf squeeze test at 60, an Achilles rupture, urgent.
    let findings = json!({"age": 60, "sex": "male", "heel_raise": "weak", "tendon_thickening": true,
        "thompson_test": "positive", "ankle_reflex_reduced": true});
    let (store, id) = store_with_check(Some(findings));
    let (_app, w) = app_on(store);
    let saved = invoke(&w, "latest_plan", json!({"profileId": id})).unwrap();
    assert_eq!(saved["checked_at"], "2026-03-02T09:30:00Z");
    assert_eq!(saved["triage"], "urgent");
    assert_eq!(saved["top_cause"], "Achilles tendon rupture");
    let sections = saved["plan"]["sections"].as_array().unwrap();
    assert_eq!(sections[0]["kind"], "care", "urgent plans lead with care");
    let rehab = sections.iter().find(|s| s["kind"] == "rehab").unwrap();
    assert!(rehab["held_back"].is_string(), "urgent plans hold rehab back");
    // Another profile's plan is its own: none.
    assert_eq!(invoke(&w, "latest_plan", json!({"profileId": id + 1})).unwrap(), Value::Null);
}

#[test]
fn the_tweak_plan_and_the_library_cross_ipc() {
    let (_app, w) = app();
    let tweak = invoke(&w, "tweak_plan", json!({})).unwrap();
    assert!(!tweak["sections"].as_array().unwrap().is_empty());
    let lib = invoke(&w, "exercise_library", json!({})).unwrap();
    let cards = lib["exercises"].as_array().unwrap();
    assert_eq!(cards.len(), soleus::exercises::library().len());
    assert!(cards.iter().all(|c| c["svg"].as_str().unwrap().starts_with("<svg")));
    assert!(lib["conditions"].as_array().unwrap().iter().any(|c| c["id"] == "gastrocnemius_strain"));
    let one = invoke(&w, "get_exercise", json!({"id": "double_leg_calf_raise"})).unwrap();
    assert_eq!(one["exercise"]["id"], "double_leg_calf_raise");
    assert!(one["svg"].as_str().unwrap().contains("</svg>"));
}

#[test]
fn an_unknown_exercise_is_a_named_error() {
    let (store, id) = store_with_check(None);
    let (_app, w) = app_on(store);
    let err = invoke(&w, "get_exercise", json!({"id": "moonwalk"})).unwrap_err();
    assert_eq!(err["code"], "unknown_exercise");
    assert!(err["message"].as_str().unwrap().contains("moonwalk"), "{err}");
    let err = invoke(&w, "record_exercise_done", json!({"profileId": id, "exerciseId": "moonwalk", "doneOn": "2026-03-02", "setsDone": 3})).unwrap_err();
    assert_eq!(err["code"], "unknown_exercise");
    assert_eq!(invoke(&w, "list_exercise_completions", json!({"profileId": id})).unwrap(), json!([]));
}

#[test]
fn exercises_done_are_recorded_once_a_day() {
    let (store, id) = store_with_check(None);
    let (_app, w) = app_on(store);
    let done = |sets: u8| invoke(&w, "record_exercise_done", json!({"profileId": id, "exerciseId": "glute_bridge", "doneOn": "2026-03-02", "setsDone": sets}));
    done(2).unwrap();
    done(3).unwrap();
    assert_eq!(
        invoke(&w, "list_exercise_completions", json!({"profileId": id})).unwrap(),
        json!([{"exercise_id": "glute_bridge", "done_on": "2026-03-02", "sets_done": 3}])
    );
}
mod accuracy;
mod check;
mod confirm;
mod crash;
mod history;
mod log;
mod return_to_run;
mod pain_runs;
mod share;
mod week;
