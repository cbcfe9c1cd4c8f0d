//! Commands driven through the real IPC path on Tauri's mock runtime: no display needed.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

use crate::{AppState, configure};

fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = configure(mock_builder())
        .build(tauri::generate_context!())
        .expect("the mock app builds");
    app.manage(AppState::from_store(soleus::Store::open_in_memory().unwrap()));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // On Linux, tauri://localhost is the app's own origin (http://tauri.localhost is remote).
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
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
        code: "db_not_sqlite".into(),
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

mod log;
