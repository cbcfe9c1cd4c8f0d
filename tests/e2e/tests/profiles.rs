//! A person's first launch, persistence across restarts, and several profiles, through the real window.

use soleus_e2e::Display;

#[tokio::test(flavor = "multi_thread")]
async fn first_launch_creates_a_profile_that_survives_a_restart_and_profiles_switch() {
    let display = Display::start();

    // First launch: the app asks whose profile this is, and refuses an empty name.
    let app = display.launch().await;
    app.wait_for("[data-testid=profile-setup]").await;
    app.screenshot("01-profile-setup").await;
    app.create_profile("   ").await;
    app.wait_for_text("[data-testid=profile-name-error]", "Type a name: at least one letter or digit.").await;
    app.screenshot("02-profile-setup-empty-name").await;
    app.create_profile("Ana Runner").await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana Runner").await;

    // Every tab shows its screen.
    for tab in ["check", "plan", "exercises", "log"] {
        app.open_tab(tab).await;
        // Every tab gives advice or asks about pain: each says once that it is not a diagnosis.
        assert_eq!(app.count("[data-testid=care-notice]").await, 1, "one care notice on the {tab} tab");
        let said = app.text("main").await.matches("is not a diagnosis").count();
        assert_eq!(said, 1, "the {tab} tab says once that it is not a diagnosis");
        app.screenshot(&format!("03-tab-{tab}")).await;
    }

    // The keyboard walks the Check tab in reading order, and each stop shows where it is.
    app.open_tab("check").await;
    // From the top of the page, as after a launch (the click left focus on the Check tab).
    app.js("document.activeElement?.blur()", vec![]).await;
    let mut stops = Vec::new();
    for _ in 0..6 {
        app.client().active_element().await.unwrap().send_keys("\u{e004}").await.unwrap(); // Tab
        let seen = app.js("const e = document.activeElement; const s = getComputedStyle(e); \
            return [e.dataset.testid ?? e.tagName, s.outlineStyle, parseFloat(s.outlineWidth)]", vec![]).await;
        assert!(seen[1] != "none" && seen[2].as_f64().unwrap() >= 2.0, "a focus with no visible outline: {seen}");
        stops.push(seen[0].as_str().unwrap().to_string());
    }
    app.screenshot("03b-keyboard-focus").await;
    let first = |id: &str| stops.iter().position(|s| s == id).unwrap_or_else(|| panic!("{id} is not reached by Tab: {stops:?}"));
    // Header, then the navigation (a rail beside the screen on a laptop), then the screen.
    assert!(first("active-profile") < first("tab-check") && first("tab-check") < first("start-runner"), "{stops:?}");
    assert!(first("start-runner") < first("start-physio"), "{stops:?}");
    app.quit().await;

    // Relaunch: the same profile is still active, and no setup is asked for.
    let app = display.launch().await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana Runner").await;
    assert!(display.db_path().exists(), "the database lives in the app-data directory");

    // A second profile: a new patient from the menu becomes the open one.
    app.open_menu().await;
    app.screenshot_sizes("04-profile-menu", None).await;
    app.new_patient("Ben").await;

    // A duplicate name gets the core's message beside the field, and nothing changes.
    app.open_menu().await;
    app.click("[data-testid=new-patient]").await;
    app.type_into("[data-testid=new-patient-name]", "ana runner").await;
    app.click("[data-testid=new-patient-save]").await;
    app.wait_for_text("[data-testid=new-patient-error]", "there is already a profile called \"ana runner\"").await;
    app.screenshot_sizes("05-new-patient-duplicate", None).await;
    app.quit().await;

    // After another restart, with two people here, nobody's record is open; Ana is found by name.
    let app = display.launch().await;
    app.wait_for("[data-testid=no-patient]").await;
    app.wait_for_text("[data-testid=active-profile] .name", "No record open").await;
    app.switch_profile("Ana Runner").await;
    app.screenshot("06-switched-back").await;

    // Renamed in her settings, and the header follows.
    app.open_settings().await;
    app.type_into("[data-testid=settings-name]", "Ana R.").await;
    app.click_and_wait("[data-testid=settings-rename]", "[data-testid=settings-renamed]").await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana R.").await;
    app.screenshot_sizes("06b-settings", None).await;
    app.type_into("[data-testid=settings-name]", "Ana Runner").await;
    app.click("[data-testid=settings-rename]").await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana Runner").await;
    app.click("[data-testid=settings-back]").await;

    // The dark theme, chosen in the menu, is applied at once and kept across a restart.
    app.set_theme("dark").await;
    app.quit().await;
    let app = display.launch().await;
    app.wait_for("[data-testid=no-patient]").await;
    let theme = app.js("return document.documentElement.dataset.theme ?? null", vec![]).await;
    assert_eq!(theme, serde_json::json!("dark"));
    app.screenshot_sizes("07-dark-no-record", None).await;
    app.switch_profile("Ana Runner").await;
    app.screenshot("07-dark-check").await;
    app.open_tab("plan").await;
    app.screenshot("08-dark-plan").await;
    app.quit().await;
}

/// Waits until the element matching `css` has `want` somewhere in its text.
async fn shows(app: &soleus_e2e::Session, css: &str, want: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let text = app.text(css).await;
        if text.contains(want) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "`{css}` shows {text:?}, without {want:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn distances_follow_the_units_chosen_in_the_menu_and_the_choice_survives_a_restart() {
    let (display, app) = Display::start_with_profile("Ana Runner").await;
    app.open_tab("log").await;
    app.click("[data-testid=log-run-tab]").await;
    app.type_into("[data-testid=run-distance]", "8").await;
    app.type_into("[data-testid=run-duration]", "45").await;
    app.js("document.querySelector('[data-testid=save-run]').scrollIntoView({ block: 'center' });", vec![]).await;
    app.click("[data-testid=save-run]").await;
    app.wait_for_text("[data-testid=run-saved]", "Saved: 8.0 km run.").await;
    shows(&app, "[data-testid=history-session]", "8.0 km").await;

    // Miles, from the settings: the history, the week's total and the form's label follow at once.
    app.open_settings().await;
    app.screenshot("07-settings-units").await;
    app.click("[data-testid=units-mi]").await;
    app.click("[data-testid=settings-back]").await;
    shows(&app, "[data-testid=history-session]", "5.0 mi").await;
    shows(&app, "[data-testid=review-totals]", "5.0 mi").await;
    app.wait_for_text("label[for=run-distance]", "Distance (mi)").await;
    assert!(!app.text("[data-testid=history]").await.contains("km"), "no kilometres left in the history");
    app.quit().await;

    // After a restart the run is still shown in miles, and the menu says so.
    let app = display.launch().await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana Runner").await;
    app.open_tab("log").await;
    shows(&app, "[data-testid=history-session]", "5.0 mi").await;
    app.open_settings().await;
    let checked = app.js("return document.querySelector('[data-testid=units-mi]').checked", vec![]).await;
    assert_eq!(checked, serde_json::Value::Bool(true), "the settings show miles chosen");
    app.screenshot("08-units-miles-after-restart").await;
    app.quit().await;
}
