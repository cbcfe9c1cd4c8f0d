//! The presenter through the real window, under a window manager (Openbox) so that full screen
//! is real: on a 1280x800 laptop screen the window covers the whole screen while presenting and
//! goes back to its size on exit; every slide carries the check's date, shows whole (every
//! element inside the screen, nothing scrolled out of sight) and reads across a room (type and
//! controls measured). The same on a 460x760 screen. Screenshots of every slide at both sizes.

use std::time::Duration;

use serde_json::Value;
use soleus_e2e::{Display, Placement, Session};

/// The whole calf swollen after a long journey: a clot to rule out, urgent, with a Wells card.
const CLOT: &str = r#"{"findings": {"swelling": "whole_calf", "recent_immobilisation": true, "onset": "gradual", "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false}}"#;
/// Public case p-001: gradual pain behind the knee, worse downhill; popliteus, self-care.
const KNEE: &str = r#"{"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none", "knee_locking": false}}"#;

/// The window's size before presenting: smaller than the screen, so that covering it is seen.
const WINDOWED: (u32, u32) = (1100, 700);

/// Two checks for Ana (the knee, then the clot), and the app open on her record.
async fn ana_with_two_checks(display: &Display) -> Session {
    display.save_checks("Ana", &[KNEE, CLOT]);
    let app = display.launch().await;
    app.wait_for("[data-testid=past-check]").await;
    app
}

/// Waits until the X server shows the window in the state `want` says, and returns it.
async fn wait_placement(app: &Session, what: &str, want: impl Fn(&Placement) -> bool) -> Placement {
    let mut seen = app.placement();
    for _ in 0..100 {
        if want(&seen) {
            return seen;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        seen = app.placement();
    }
    app.screenshot("FAILED").await;
    panic!("{what}: the window is {seen:?}");
}

/// Waits until the presenter is open and the window manager holds the window in full screen,
/// covering the screen, and the page's viewport is the screen's size.
async fn enters_full_screen(app: &Session, screen: (u32, u32)) {
    app.wait_for("[data-testid=presenter]").await;
    let held = wait_placement(app, "presenting", |p| p.fullscreen && p.covers_screen()).await;
    assert_eq!((held.screen_width, held.screen_height), screen, "{held:?}");
    let page = app.js("return [innerWidth, innerHeight, screen.width, screen.height, document.querySelector('[data-testid=presenter]').dataset.screen]", vec![]).await;
    assert_eq!(page, serde_json::json!([screen.0, screen.1, screen.0, screen.1, "full"]), "the page fills the screen");
}

/// Leaves the presenter with `how` and waits until the window is back at its size, not full screen.
async fn leaves_full_screen(app: &Session, how: &str) {
    leaves_full_screen_to(app, how, WINDOWED).await;
}

async fn leaves_full_screen_to(app: &Session, how: &str, windowed: (u32, u32)) {
    if how == "Esc" {
        app.client().active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap();
    } else {
        app.click("[data-testid=presenter-exit]").await;
    }
    let back = wait_placement(app, "after the presenter", |p| !p.fullscreen && (p.width, p.height) == windowed).await;
    assert!(!back.covers_screen(), "{back:?}");
    assert_eq!(app.count("[data-testid=presenter]").await, 0, "the presenter closed");
    let want = (windowed.0 as u64, windowed.1 as u64);
    assert_eq!(app.viewport_settled_at(want).await, want, "the page is back at the window's size");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_presenter_fills_a_laptop_screen_dates_every_slide_and_reads_across_a_room() {
    let display = Display::with_window_manager(1280, 800);
    let app = ana_with_two_checks(&display).await;
    app.resize(WINDOWED.0, WINDOWED.1).await;
    let before = app.placement();
    assert!(!before.fullscreen && !before.covers_screen(), "a window, not the screen, before presenting: {before:?}");

    // A saved check's result, presented and left with the Exit button.
    app.click("[data-testid=past-check]").await;
    app.wait_for("[data-testid=saved-present]").await;
    app.click("[data-testid=saved-present]").await;
    enters_full_screen(&app, (1280, 800)).await;
    app.axe("the presenter").await;
    every_slide(&app, "present-result", true).await;
    leaves_full_screen(&app, "Exit").await;

    // The plan, presented and left with Esc.
    app.open_tab("plan").await;
    app.click("[data-testid=plan-present]").await;
    enters_full_screen(&app, (1280, 800)).await;
    every_slide(&app, "present-plan", true).await;
    leaves_full_screen(&app, "Esc").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_presenter_fills_a_small_screen_too() {
    let display = Display::with_window_manager(460, 760);
    let app = ana_with_two_checks(&display).await;
    app.resize(440, 700).await;
    app.click("[data-testid=past-check]").await;
    app.click("[data-testid=saved-present]").await;
    enters_full_screen(&app, (460, 760)).await;
    every_slide(&app, "present-result", false).await;
    leaves_full_screen_to(&app, "Exit", (440, 700)).await;

    // The plan's deck on the small screen too.
    app.open_tab("plan").await;
    app.click("[data-testid=plan-present]").await;
    enters_full_screen(&app, (460, 760)).await;
    every_slide(&app, "present-plan", false).await;
    leaves_full_screen_to(&app, "Esc", (440, 700)).await;
    app.quit().await;
}

/// What a slide shows, measured in the page: the date line, what lies outside the screen or is
/// scrolled out of the slide's sight, and the type and control sizes.
const MEASURE: &str = r#"
  const root = document.querySelector('[data-testid=presenter]');
  const slide = document.querySelector('[data-testid=presenter-slide]');
  const box = slide.getBoundingClientRect();
  const px = (e) => parseFloat(getComputedStyle(e).fontSize);
  const shown = [...root.querySelectorAll('*')].filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  const name = (e) => (e.dataset.testid ?? e.tagName.toLowerCase()) + ': ' + (e.textContent ?? '').trim().slice(0, 40);
  const outside = shown.filter((e) => { const r = e.getBoundingClientRect();
    return r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5; }).map(name);
  const hidden = shown.filter((e) => slide.contains(e) && e !== slide).filter((e) => { const r = e.getBoundingClientRect();
    return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5; }).map(name);
  // Every element of the slide that holds words of its own.
  const worded = [...slide.querySelectorAll('*')].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
  const controls = [...root.querySelectorAll('footer button')];
  const reasons = [...slide.querySelectorAll('.why li, .items li, .lead, li')];
  return {
    title: slide.querySelector('h1')?.textContent ?? '',
    date: document.querySelector('[data-testid=presenter-date]').textContent,
    date_px: px(document.querySelector('[data-testid=presenter-date]')),
    outside, hidden, scrolls: slide.scrollHeight > slide.clientHeight + 1,
    fit: Number(root.dataset.fit),
    smallest_words_px: Math.min(...worded.map(px)),
    smallest_reason_px: reasons.length ? Math.min(...reasons.map(px)) : null,
    heading_px: slide.querySelector('h1') ? px(slide.querySelector('h1')) : null,
    control_px: Math.min(...controls.map(px)),
    control_height: Math.min(...controls.map((b) => b.getBoundingClientRect().height)),
  };"#;

/// Steps through every slide (Next), checking each and saving NAME-i-WxH.png. `laptop`: the
/// sizes a room reads at 1280x800; on a phone-sized screen only the date, the width and the controls.
async fn every_slide(app: &Session, name: &str, laptop: bool) {
    let count = app.text("[data-testid=presenter-count]").await;
    let total: usize = count.rsplit('/').next().unwrap().trim().parse().unwrap();
    assert!(total >= 3, "{count}");
    let (w, h) = app.viewport().await;
    for i in 1..=total {
        app.wait_for_text("[data-testid=presenter-count]", &format!("{i} / {total}")).await;
        // Let the slide settle at its size (its type shrinks in steps until it fits).
        let mut seen = Value::Null;
        for _ in 0..30 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = app.js(MEASURE, vec![]).await;
            if now == seen {
                break;
            }
            seen = now;
        }
        eprintln!("{name} {i} at {w}x{h}: {seen}");
        let at = format!("{name} slide {i} ({}) at {w}x{h}", seen["title"]);
        let date = seen["date"].as_str().unwrap();
        assert!(date.starts_with("Check of ") && date.contains("(today)"), "{at}: the check's date: {date:?}");
        let none: Vec<Value> = Vec::new();
        assert_eq!(seen["outside"].as_array().unwrap(), &none, "{at}: outside the screen: {seen}");
        assert!(seen["control_height"].as_f64().unwrap() >= 48.0, "{at}: controls too small: {seen}");
        if laptop {
            assert_eq!(seen["hidden"].as_array().unwrap(), &none, "{at}: cut off at 1280x800: {seen}");
            assert_eq!(seen["scrolls"], false, "{at}: scrolls at 1280x800: {seen}");
            let px = |k: &str| seen[k].as_f64();
            assert!(px("smallest_words_px").unwrap() >= 16.0, "{at}: words in small type: {seen}");
            if let Some(reasons) = px("smallest_reason_px") {
                assert!(reasons >= 20.0, "{at}: reasons in {reasons}px type cannot be read across a room: {seen}");
            }
            if let Some(heading) = px("heading_px") {
                assert!(heading >= 32.0, "{at}: heading {heading}px: {seen}");
            }
            assert!(px("control_px").unwrap() >= 18.0 && px("date_px").unwrap() >= 18.0, "{at}: controls and date: {seen}");
        }
        app.screenshot(&format!("{name}-{i}-{w}x{h}")).await;
        if i < total {
            app.click("[data-testid=presenter-next]").await;
        }
    }
}
