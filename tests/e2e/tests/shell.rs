//! The shell through the real window: it opens at a laptop size and remembers the size it was
//! left at; the navigation suits the width (a side rail on a laptop, the bottom bar in a narrow
//! window).

use soleus_e2e::{Display, WINDOW_SIZES};

#[tokio::test(flavor = "multi_thread")]
async fn the_window_opens_at_laptop_size_uses_the_width_and_remembers_its_size() {
    let (display, app) = Display::start_with_profile("Ana Runner").await;
    assert_eq!(app.viewport().await, (1280, 800), "a first launch opens at a laptop's size");
    // WebKit is set up for one local page, not a browser (src-tauri/src/webview_settings.rs).
    let webgl = app.js("return document.createElement('canvas').getContext('webgl') === null", vec![]).await;
    assert_eq!(webgl, true, "the window's WebKit has WebGL turned off");

    // On a laptop the navigation is a rail beside the screen, and the screen is wider than a phone.
    let layout = "const nav = document.querySelector('nav[aria-label=Main]').getBoundingClientRect(); \
        const main = document.querySelector('main').getBoundingClientRect(); \
        return [nav.right <= main.left, nav.height > nav.width, main.width]";
    let wide = app.js(layout, vec![]).await;
    assert_eq!(wide[0], true, "the navigation is left of the screen: {wide}");
    assert_eq!(wide[1], true, "the navigation runs down the side: {wide}");
    assert!(wide[2].as_f64().unwrap() > 800.0, "the screen uses the width: {wide}");
    app.screenshot_sizes("shell-01-check", None).await;

    // A narrow window keeps the phone column, with the tabs along the bottom.
    let (w, h) = WINDOW_SIZES[1];
    app.resize(w, h).await;
    let narrow = app.js("const nav = document.querySelector('nav[aria-label=Main]').getBoundingClientRect(); \
        const main = document.querySelector('main').getBoundingClientRect(); \
        return [nav.top >= main.bottom, nav.width > nav.height, Math.round(nav.bottom)]", vec![]).await;
    assert_eq!(narrow, serde_json::json!([true, true, h]), "tabs along the bottom of a narrow window: {narrow}");

    // The size it was left at comes back at the next launch.
    app.resize(1000, 700).await;
    // Written once the window has been still for a moment (not only when the app exits).
    let state = display.config_dir().join(".window-state.json");
    let mut saved = String::new();
    for _ in 0..50 {
        saved = std::fs::read_to_string(&state).unwrap_or_default();
        if saved.contains("1000") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(saved.contains("\"width\": 1000"), "the size is kept in {}: {saved:?}", state.display());
    app.quit().await;
    let app = display.launch().await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana Runner").await;
    assert_eq!(app.viewport().await, (1000, 700), "the window reopens at the size it was left at");
    app.quit().await;
}

/// The whole calf swollen after a long journey: a clot to rule out, urgent, with a Wells card.
const CLOT: &str = r#"{"findings": {"swelling": "whole_calf", "recent_immobilisation": true, "onset": "gradual", "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false}}"#;
/// Public case p-001: gradual pain behind the knee, worse downhill; popliteus, self-care.
const KNEE: &str = r#"{"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none", "knee_locking": false}}"#;

/// What the whole window says now, header and menu included.
async fn on_screen(app: &soleus_e2e::Session) -> String {
    app.js("return document.body.innerText", vec![]).await.as_str().unwrap_or_default().to_string()
}

async fn no_name_but(app: &soleus_e2e::Session, at: &str, allowed: Option<&str>) {
    let text = on_screen(app).await;
    for name in ["Ana", "Ben", "Okafor", "Cara"] {
        if allowed.is_some_and(|a| a.contains(name)) {
            continue;
        }
        assert!(!text.contains(name), "{at}: {name:?} is on screen:\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_physio_starts_a_consultation_with_a_new_patient_and_no_other_name_is_on_screen() {
    let display = Display::start();
    display.save_check("Ana Runner", CLOT);
    display.save_check("Ben Okafor", KNEE);
    // Two patients on this computer: the app opens on nobody's record.
    let app = display.launch().await;
    app.wait_for("[data-testid=no-patient]").await;
    no_name_but(&app, "the app just opened", None).await;
    app.screenshot_sizes("consult-00-opened", None).await;

    // The menu lists nobody: a new patient, a search, closing the record, the settings.
    app.open_menu().await;
    assert_eq!(app.count("[data-testid=patient-result]").await, 0, "no names before a search");
    let menu = app.text("[data-testid=profile-menu]").await;
    assert!(!menu.contains("Ana") && !menu.contains("Ben"), "{menu}");
    assert!(!menu.contains("Rename") && !menu.contains("Delete"), "rename and delete are in the settings: {menu}");

    // "New patient": one click empties the window and asks for the name.
    app.click_and_wait("[data-testid=new-patient]", "[data-testid=new-patient-name]").await;
    no_name_but(&app, "the new patient's form", None).await;
    let focused = app.js("return document.activeElement?.dataset?.testid ?? null", vec![]).await;
    assert_eq!(focused, serde_json::json!("new-patient-name"), "the name field is ready to type in");
    app.screenshot_sizes("consult-01-new-patient", None).await;
    app.type_into("[data-testid=new-patient-name]", "Cara Diaz").await;
    app.client().active_element().await.unwrap().send_keys("\u{e007}").await.unwrap(); // Enter
    app.wait_for_text("[data-testid=active-profile] .name", "Cara Diaz").await;
    app.wait_for("[data-testid=screen-check] [data-testid=start-physio]").await;
    no_name_but(&app, "Cara's check", Some("Cara")).await;
    app.click_and_wait("[data-testid=start-physio]", "[data-testid=question]").await;
    no_name_but(&app, "Cara's first question", Some("Cara")).await;
    app.screenshot_sizes("consult-02-new-patient-check", None).await;

    // A search shows only the names that start with what was typed, after two letters.
    app.open_menu().await;
    app.type_into("[data-testid=profile-menu] [data-testid=patient-search]", "b").await;
    assert_eq!(app.count("[data-testid=patient-result]").await, 0, "one letter lists nobody");
    app.type_into("[data-testid=profile-menu] [data-testid=patient-search]", "ok").await;
    app.wait_for("[data-testid=patient-result]").await;
    let found = app.text("[data-testid=profile-menu] [data-testid=patient-search-status]").await;
    assert!(found.contains("1 found"), "{found}");
    assert!(!app.text("[data-testid=profile-menu]").await.contains("Ana"), "only the match is listed");
    app.screenshot_sizes("consult-03-search", None).await;
    app.click("[data-testid=patient-result]").await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ben Okafor").await;
    // Ben's record opens on his Check tab, with nothing of Cara's.
    app.wait_for_text("[data-testid=screen-check] [data-testid=last-top]", "Popliteus strain or tendinopathy").await;
    no_name_but(&app, "Ben's record", Some("Ben Okafor")).await;

    // Closing the record leaves a blank screen with nobody's name on it.
    app.open_menu().await;
    app.click_and_wait("[data-testid=close-patient]", "[data-testid=no-patient]").await;
    no_name_but(&app, "a closed record", None).await;
    app.screenshot_sizes("consult-04-no-record", None).await;
    app.quit().await;
}
