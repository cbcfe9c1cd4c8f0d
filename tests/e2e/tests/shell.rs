//! The shell through the real window: it opens at a laptop size and remembers the size it was
//! left at; the navigation suits the width (a side rail on a laptop, the bottom bar in a narrow
//! window).

use soleus_e2e::{Display, WINDOW_SIZES};

#[tokio::test(flavor = "multi_thread")]
async fn the_window_opens_at_laptop_size_uses_the_width_and_remembers_its_size() {
    let display = Display::start();
    let app = display.launch_with_profile("Ana Runner").await;
    assert_eq!(app.viewport().await, (1280, 800), "a first launch opens at a laptop's size");

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
