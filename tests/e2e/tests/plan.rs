//! The Plan and Exercises screens through the real window: a saved check's plan (urgent and
//! self-care), its sections, an exercise opened from the plan, the library's filters, the
//! presenter, in light and dark.

use fantoccini::Locator;
use serde_json::json;
use soleus_e2e::{Display, Session};
use soleus_e2e::cases::{URGENT, SELF_CARE};


async fn key(app: &Session, key: &str) {
    app.client().active_element().await.unwrap().send_keys(key).await.unwrap();
}

/// Waits until every illustration on screen has loaded and has a size: a broken image has none.
/// Those in view are the drawings themselves (one further away may still hold its place with
/// an empty image of its size, `data-pending`, until it is scrolled near).
async fn illustrations_drawn(app: &Session) -> usize {
    for _ in 0..50 {
        let n = app.js("const imgs = [...document.querySelectorAll('[data-testid=illustration]')]; \
            const inView = (i) => { const r = i.getBoundingClientRect(); return r.width > 0 && r.bottom > 0 && r.top < innerHeight; }; \
            return imgs.length && imgs.every(i => i.complete && i.naturalWidth > 0 && !(inView(i) && i.hasAttribute('data-pending'))) ? imgs.length : 0", vec![]).await;
        if n.as_u64().unwrap_or(0) > 0 {
            return n.as_u64().unwrap() as usize;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the illustrations did not load");
}

/// The app's not-a-diagnosis line (the core's DISCLAIMER), word for word wherever it is shown.
const DISCLAIMER: &str = "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_check_becomes_a_plan_with_exercises_and_a_presenter() {
    // A new profile has no plan: the Plan tab sends the person to the check.
    let (display, app) = Display::start_with_profile("Ana").await;
    app.open_tab_showing("plan", "[data-testid=plan-start-check]").await;
    app.screenshots("plan-01-none", None).await;
    app.click_and_wait("[data-testid=plan-start-check]", "[data-testid=screen-check]").await;
    app.quit().await;

    // Ana's check was urgent; Ben's (a second profile) self-care.
    display.save_check("Ana", URGENT);
    display.save_check("Ben", SELF_CARE);

    // The urgent plan leads with care, says so at the top, and holds rehab back.
    let app = display.launch().await;
    app.switch_profile("Ana").await;
    app.open_tab("plan").await;
    app.wait_for_text("[data-testid=plan-title]", "If this is: Achilles tendon rupture").await;
    let triage = app.wait_for("[data-testid=plan-triage]").await.text().await.unwrap();
    assert!(triage.contains("See a doctor today"), "{triage}");
    let order = app.js("return [...document.querySelectorAll('[data-testid^=plan-section-]')].map(d => [d.dataset.testid, d.open])", vec![]).await;
    let order = order.as_array().unwrap();
    assert_eq!(order[0], json!(["plan-section-care", true]), "care comes first, open: {order:?}");
    assert_eq!(order[1], json!(["plan-section-now", true]));
    assert!(order.iter().any(|s| s == &json!(["plan-section-imaging", false])), "later sections start closed");
    app.wait_for("[data-testid=plan-section-rehab] [data-testid=plan-held-back]").await;
    app.wait_for("[data-testid=care-notice]").await;
    assert_eq!(app.count("[data-testid=care-notice]").await, 1, "the plan says once that it is not a diagnosis");
    app.screenshots("plan-02-urgent", None).await;

    // A closed section shows a summary line, and opens on a click.
    let summary = app.wait_for("[data-testid=plan-section-imaging] summary .summary").await.text().await.unwrap();
    assert!(summary.contains("Ultrasound"), "the imaging summary names the scans: {summary}");
    app.click("[data-testid=plan-section-imaging] summary").await;
    assert_eq!(app.js("return document.querySelector('[data-testid=plan-section-imaging]').open", vec![]).await, json!(true));

    // The presenter: full window, one section per slide, arrows and Esc, the not-a-diagnosis line.
    app.click_and_wait("[data-testid=plan-present]", "[data-testid=presenter]").await;
    app.wait_for_text("[data-testid=presenter-count]", &format!("1 / {}", 1 + order.len())).await;
    app.wait_for_text("[data-testid=presenter-disclaimer]", DISCLAIMER).await;
    app.screenshots("plan-03-presenter-overview", None).await;
    key(&app, "\u{e014}").await; // ArrowRight
    app.wait_for_text("[data-testid=presenter-count]", &format!("2 / {}", 1 + order.len())).await;
    app.wait_for_text("[data-testid=presenter-slide] h1", "Get care").await;
    app.screenshots("plan-04-presenter-care", None).await;
    key(&app, "\u{e00c}").await; // Escape
    for _ in 0..50 {
        if app.client().find(Locator::Css("[data-testid=presenter]")).await.is_err() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(app.client().find(Locator::Css("[data-testid=presenter]")).await.is_err(), "Esc leaves the presenter");

    // Ben's self-care plan: no care section; the rehab programme's exercises open in the Exercises tab.
    app.switch_profile("Ben").await;
    app.open_tab("plan").await;
    app.wait_for_text("[data-testid=plan-title]", "If this is: Popliteus strain or tendinopathy").await;
    assert!(app.client().find(Locator::Css("[data-testid=plan-section-care]")).await.is_err(), "a self-care plan has no care section");
    app.screenshots("plan-05-self-care", None).await;
    app.click_and_wait("[data-testid=plan-section-rehab] summary", "[data-testid=plan-exercise-heel_slides]").await;
    illustrations_drawn(&app).await;
    app.scroll_to("[data-testid=plan-section-rehab]").await;
    app.screenshots("plan-06-self-care-rehab", None).await;

    // The recurrence protocol is one click from the plan, and Back returns to the plan.
    app.click("[data-testid=plan-tweak]").await;
    app.wait_for_text("[data-testid=tweak-title]", "Calf keeps coming back?").await;
    app.wait_for("[data-testid=plan-section-rehab]").await;
    app.screenshots("plan-06b-tweak", None).await;
    app.click_and_wait("[data-testid=tweak-back]", "[data-testid=plan-title]").await;
    app.click_and_wait("[data-testid=plan-section-rehab] summary", "[data-testid=plan-exercise-heel_slides]").await;

    // Presenting it: the rehab phases get their own slides with the exercises drawn large.
    app.click_and_wait("[data-testid=plan-present]", "[data-testid=presenter]").await;
    for _ in 0..12 {
        let title = app.js("return document.querySelector('[data-testid=presenter-slide] h1').textContent", vec![]).await;
        if title.as_str().unwrap().starts_with("Settle") {
            break;
        }
        app.click("[data-testid=presenter-next]").await;
    }
    app.wait_for("[data-testid=presenter-slide] [data-testid=illustration]").await;
    illustrations_drawn(&app).await;
    app.resize(460, 760).await;
    illustrations_drawn(&app).await;
    app.screenshots("plan-07-presenter-exercises", None).await;
    // On a laptop the whole phase is on the slide at once (nothing to scroll, its type shrunk
    // only as far as needed), the pictures still drawn large.
    app.resize(1280, 800).await;
    let mut seen = json!(null);
    for _ in 0..30 {
        seen = app.js("const body = document.querySelector('[data-testid=presenter-slide]'); \
            return [Math.max(...[...body.querySelectorAll('[data-testid=illustration]')].map(i => i.getBoundingClientRect().height)), \
              body.scrollHeight <= body.clientHeight + 1]", vec![]).await;
        if seen[0].as_f64().unwrap() >= 200.0 && seen[1] == json!(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(seen[0].as_f64().unwrap() >= 200.0, "the tallest picture on the slide is {}px", seen[0]);
    assert_eq!(seen[1], json!(true), "the phase's slide shows whole at 1280x800");
    app.screenshots("plan-07b-presenter-exercises-wide", None).await;
    app.resize(460, 760).await;
    app.click("[data-testid=presenter-exit]").await;

    app.click_and_wait("[data-testid=plan-exercise-heel_slides]", "[data-testid=screen-exercises]").await;
    app.wait_for_text("[data-testid=exercise-title]", "Heel slides").await;
    assert_eq!(illustrations_drawn(&app).await, 1, "the detail shows the exercise's illustration");
    app.wait_for("[data-testid=exercise-cautions]").await;
    assert_eq!(app.count("[data-testid=care-notice]").await, 1, "an exercise says once that it is not a diagnosis");
    app.screenshots("plan-08-exercise-detail", None).await;
    app.click_and_wait("[data-testid=exercise-mark-done]", "[data-testid=exercise-done]").await;
    app.scroll_to("[data-testid=exercise-cautions]").await;
    app.screenshots("plan-08b-exercise-detail-cautions", None).await;
    // Its progression opens in place; Back returns to it, then to the plan.
    if app.client().find(Locator::Css("[data-testid=exercise-progression]")).await.is_ok() {
        app.click("[data-testid=exercise-progression]").await;
        app.wait_for_text("[data-testid=exercise-back]", "← Back").await;
        app.click("[data-testid=exercise-back]").await;
        app.wait_for_text("[data-testid=exercise-title]", "Heel slides").await;
    }
    app.wait_for_text("[data-testid=exercise-back]", "← Back to your plan").await;
    app.click_and_wait("[data-testid=exercise-back]", "[data-testid=screen-plan] [data-testid=plan-title]").await;
    // "Done today" is on the exercise's card in the plan, and only on that one.
    app.click_and_wait("[data-testid=plan-section-rehab] summary", "[data-testid=plan-exercise-heel_slides] [data-testid=done-today-badge]").await;
    assert_eq!(app.count("[data-testid=done-today-badge]").await, 1, "only the exercise done today is ticked");
    app.scroll_to("[data-testid=plan-exercise-heel_slides]").await;
    app.screenshots("plan-08c-done-on-plan", None).await;

    // The library: every exercise with its picture; filters narrow it.
    app.open_tab_showing("exercises", "[data-testid=exercise-list]").await;
    let total = app.count("[data-testid^=exercise-card-]").await;
    assert!(total >= 30, "the whole library is listed: {total}");
    app.wait_for_text("[data-testid=exercise-count]", &format!("{total} exercises")).await;
    app.wait_for("[data-testid=exercise-card-heel_slides] [data-testid=done-today-badge]").await;
    assert_eq!(app.count("[data-testid=done-today-badge]").await, 1, "the library ticks the one exercise done today");
    illustrations_drawn(&app).await;
    app.screenshots("plan-09-library", None).await;
    // Every drawing is large enough to read the pose: a lying figure (wide and low) goes above
    // its card's text at the card's width, a standing one beside it.
    let smallest = app.js("return Math.min(...[...document.querySelectorAll('[data-testid=exercise-list] [data-testid=illustration]')] \
        .map(i => i.getBoundingClientRect().height))", vec![]).await;
    assert!(smallest.as_f64().unwrap() >= 70.0, "the smallest illustration is {smallest}px tall");
    let layout = app.js("const at = (id, part) => document.querySelector(`[data-testid=exercise-card-${id}] ${part}`).getBoundingClientRect(); \
        return [at('glute_bridge', 'img').bottom <= at('glute_bridge', '.name').top, at('double_leg_calf_raise', 'img').right <= at('double_leg_calf_raise', '.name').left]", vec![]).await;
    assert_eq!(layout, json!([true, true]), "the bridge's picture is above its name, the calf raise's beside it");
    app.screenshots("plan-09b-library-lying", Some("[data-testid=exercise-card-glute_bridge]")).await;
    app.wait_for("[data-testid=exercise-phase]").await.select_by_value("power").await.unwrap();
    app.wait_for("[data-testid=exercise-card-pogo_4way]").await;
    let power = app.count("[data-testid^=exercise-card-]").await;
    assert!(power > 0 && power < total, "the phase filter narrows the list: {power} of {total}");
    assert!(app.client().find(Locator::Css("[data-testid=exercise-card-glute_bridge]")).await.is_err());
    app.type_into("[data-testid=exercise-search]", "pogo").await;
    app.wait_for_text("[data-testid=exercise-count]", &format!("1 of {total} exercises")).await;
    app.type_into("[data-testid=exercise-search]", "swimming").await;
    app.wait_for("[data-testid=exercise-none]").await;
    app.screenshots("plan-10-library-filtered", None).await;
    app.quit().await;
}
