//! The Plan and Exercises screens through the real window: a saved check's plan (urgent and
//! self-care), its sections, an exercise opened from the plan, the library's filters, the
//! presenter, in light and dark.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use fantoccini::Locator;
use serde_json::{Value, json};
use soleus_e2e::{Display, Session};

/// Public case p-008: a positive calf squeeze test; an Achilles rupture, urgent.
const URGENT: &str = r#"{"findings": {"age": 60, "sex": "male", "heel_raise": "weak", "tendon_thickening": true, "thompson_test": "positive", "ankle_reflex_reduced": true}}"#;
/// Public case p-001: gradual pain behind the knee, worse downhill; popliteus, self-care.
const SELF_CARE: &str = r#"{"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none", "knee_locking": false}}"#;

/// Saves a check for `profile` with the CLI, as the Check screen would.
fn save_check(db: &Path, profile: &str, case: &str) {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/soleus");
    let mut child = Command::new(&cli)
        .args(["--db", db.to_str().unwrap(), "--profile", profile, "log", "save-assessment"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("run {} (build it with `make app`): {e}", cli.display()));
    child.stdin.take().unwrap().write_all(case.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "soleus log save-assessment failed for {profile}");
}

async fn js(app: &Session, script: &str) -> Value {
    app.client().execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Pins the theme as the profile menu does (data-theme on the root), without the menu in the picture.
async fn theme(app: &Session, theme: &str) {
    js(app, &format!("document.documentElement.dataset.theme = '{theme}'")).await;
}

/// Both themes' screenshots of what is on screen now.
async fn shots(app: &Session, name: &str) {
    theme(app, "light").await;
    app.screenshot(&format!("plan-{name}-light")).await;
    theme(app, "dark").await;
    app.screenshot(&format!("plan-{name}-dark")).await;
    theme(app, "light").await;
}

async fn key(app: &Session, key: &str) {
    app.client().active_element().await.unwrap().send_keys(key).await.unwrap();
}

async fn open_tab(app: &Session, tab: &str) {
    app.click(&format!("[data-testid=tab-{tab}]")).await;
    app.wait_for(&format!("[data-testid=screen-{tab}]")).await;
}

/// Waits until every illustration on screen has loaded and has a size: a broken image has none.
async fn illustrations_drawn(app: &Session) -> usize {
    for _ in 0..50 {
        let n = js(app, "const imgs = [...document.querySelectorAll('[data-testid=illustration]')]; \
            return imgs.length && imgs.every(i => i.complete && i.naturalWidth > 0) ? imgs.length : 0").await;
        if n.as_u64().unwrap_or(0) > 0 {
            return n.as_u64().unwrap() as usize;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the illustrations did not load");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_check_becomes_a_plan_with_exercises_and_a_presenter() {
    let display = Display::start();

    // A new profile has no plan: the Plan tab sends the person to the check.
    let app = display.launch().await;
    app.type_into("[data-testid=profile-name]", "Ana").await;
    app.click("[data-testid=create-profile]").await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana").await;
    open_tab(&app, "plan").await;
    app.wait_for("[data-testid=plan-start-check]").await;
    shots(&app, "01-none").await;
    app.click("[data-testid=plan-start-check]").await;
    app.wait_for("[data-testid=screen-check]").await;
    app.quit().await;

    // Ana's check was urgent; Ben's (a second profile) self-care.
    save_check(&display.db_path(), "Ana", URGENT);
    save_check(&display.db_path(), "Ben", SELF_CARE);

    // The urgent plan leads with care, says so at the top, and holds rehab back.
    let app = display.launch().await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana").await;
    open_tab(&app, "plan").await;
    app.wait_for_text("[data-testid=plan-title]", "Plan for: Achilles tendon rupture").await;
    let triage = app.wait_for("[data-testid=plan-triage]").await.text().await.unwrap();
    assert!(triage.contains("See a doctor today"), "{triage}");
    let order = js(&app, "return [...document.querySelectorAll('[data-testid^=plan-section-]')].map(d => [d.dataset.testid, d.open])").await;
    let order = order.as_array().unwrap();
    assert_eq!(order[0], json!(["plan-section-care", true]), "care comes first, open: {order:?}");
    assert_eq!(order[1], json!(["plan-section-now", true]));
    assert!(order.iter().any(|s| s == &json!(["plan-section-imaging", false])), "later sections start closed");
    app.wait_for("[data-testid=plan-section-rehab] [data-testid=plan-held-back]").await;
    app.wait_for("[data-testid=care-notice]").await;
    shots(&app, "02-urgent").await;

    // A closed section shows a summary line, and opens on a click.
    let summary = app.wait_for("[data-testid=plan-section-imaging] summary .summary").await.text().await.unwrap();
    assert!(summary.contains("Ultrasound"), "the imaging summary names the scans: {summary}");
    app.click("[data-testid=plan-section-imaging] summary").await;
    assert_eq!(js(&app, "return document.querySelector('[data-testid=plan-section-imaging]').open").await, json!(true));

    // The presenter: full window, one section per slide, arrows and Esc, the not-a-diagnosis line.
    app.click("[data-testid=plan-present]").await;
    app.wait_for("[data-testid=presenter]").await;
    app.wait_for_text("[data-testid=presenter-count]", &format!("1 / {}", 1 + order.len())).await;
    app.wait_for("[data-testid=presenter-disclaimer]").await;
    shots(&app, "03-presenter-overview").await;
    key(&app, "\u{e014}").await; // ArrowRight
    app.wait_for_text("[data-testid=presenter-count]", &format!("2 / {}", 1 + order.len())).await;
    app.wait_for_text("[data-testid=presenter-slide] h1", "Get care").await;
    shots(&app, "04-presenter-care").await;
    key(&app, "\u{e00c}").await; // Escape
    for _ in 0..50 {
        if app.client().find(Locator::Css("[data-testid=presenter]")).await.is_err() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(app.client().find(Locator::Css("[data-testid=presenter]")).await.is_err(), "Esc leaves the presenter");

    // Ben's self-care plan: no care section; the rehab programme's exercises open in the Exercises tab.
    app.click("[data-testid=active-profile]").await;
    let rows = app.client().find_all(Locator::Css("[data-testid=switch-profile]")).await.unwrap();
    for row in rows {
        if row.text().await.unwrap().contains("Ben") {
            row.click().await.unwrap();
        }
    }
    app.wait_for_text("[data-testid=active-profile] .name", "Ben").await;
    app.wait_for_text("[data-testid=plan-title]", "Plan for: Popliteus strain or tendinopathy").await;
    assert!(app.client().find(Locator::Css("[data-testid=plan-section-care]")).await.is_err(), "a self-care plan has no care section");
    shots(&app, "05-self-care").await;
    app.click("[data-testid=plan-section-rehab] summary").await;
    app.wait_for("[data-testid=plan-exercise-heel_slides]").await;
    illustrations_drawn(&app).await;
    js(&app, "document.querySelector('[data-testid=plan-section-rehab]').scrollIntoView()").await;
    shots(&app, "06-self-care-rehab").await;

    // The recurrence protocol is one click from the plan, and Back returns to the plan.
    app.click("[data-testid=plan-tweak]").await;
    app.wait_for_text("[data-testid=tweak-title]", "Calf keeps coming back?").await;
    app.wait_for("[data-testid=plan-section-rehab]").await;
    shots(&app, "06b-tweak").await;
    app.click("[data-testid=tweak-back]").await;
    app.wait_for("[data-testid=plan-title]").await;
    app.click("[data-testid=plan-section-rehab] summary").await;
    app.wait_for("[data-testid=plan-exercise-heel_slides]").await;

    // Presenting it: the rehab phases get their own slides with the exercises drawn large.
    app.click("[data-testid=plan-present]").await;
    app.wait_for("[data-testid=presenter]").await;
    for _ in 0..12 {
        let title = js(&app, "return document.querySelector('[data-testid=presenter-slide] h1').textContent").await;
        if title.as_str().unwrap().starts_with("Settle") {
            break;
        }
        app.click("[data-testid=presenter-next]").await;
    }
    app.wait_for("[data-testid=presenter-slide] [data-testid=illustration]").await;
    illustrations_drawn(&app).await;
    shots(&app, "07-presenter-exercises").await;
    app.click("[data-testid=presenter-exit]").await;

    app.click("[data-testid=plan-exercise-heel_slides]").await;
    app.wait_for("[data-testid=screen-exercises]").await;
    app.wait_for_text("[data-testid=exercise-title]", "Heel slides").await;
    assert_eq!(illustrations_drawn(&app).await, 1, "the detail shows the exercise's illustration");
    app.wait_for("[data-testid=exercise-cautions]").await;
    shots(&app, "08-exercise-detail").await;
    app.click("[data-testid=exercise-mark-done]").await;
    app.wait_for("[data-testid=exercise-done]").await;
    js(&app, "document.querySelector('[data-testid=exercise-cautions]').scrollIntoView()").await;
    shots(&app, "08b-exercise-detail-cautions").await;
    // Its progression opens in place; Back returns to it, then to the plan.
    if app.client().find(Locator::Css("[data-testid=exercise-progression]")).await.is_ok() {
        app.click("[data-testid=exercise-progression]").await;
        app.wait_for_text("[data-testid=exercise-back]", "← Back").await;
        app.click("[data-testid=exercise-back]").await;
        app.wait_for_text("[data-testid=exercise-title]", "Heel slides").await;
    }
    app.wait_for_text("[data-testid=exercise-back]", "← Back to your plan").await;
    app.click("[data-testid=exercise-back]").await;
    app.wait_for("[data-testid=screen-plan] [data-testid=plan-title]").await;

    // The library: every exercise with its picture; filters narrow it.
    open_tab(&app, "exercises").await;
    app.wait_for("[data-testid=exercise-list]").await;
    let total = js(&app, "return document.querySelectorAll('[data-testid^=exercise-card-]').length").await.as_u64().unwrap();
    assert!(total >= 30, "the whole library is listed: {total}");
    app.wait_for_text("[data-testid=exercise-count]", &format!("{total} exercises")).await;
    illustrations_drawn(&app).await;
    shots(&app, "09-library").await;
    app.wait_for("[data-testid=exercise-phase]").await.select_by_value("power").await.unwrap();
    app.wait_for("[data-testid=exercise-card-pogo_4way]").await;
    let power = js(&app, "return document.querySelectorAll('[data-testid^=exercise-card-]').length").await.as_u64().unwrap();
    assert!(power > 0 && power < total, "the phase filter narrows the list: {power} of {total}");
    assert!(app.client().find(Locator::Css("[data-testid=exercise-card-glute_bridge]")).await.is_err());
    app.type_into("[data-testid=exercise-search]", "pogo").await;
    app.wait_for_text("[data-testid=exercise-count]", &format!("1 of {total} exercises")).await;
    app.type_into("[data-testid=exercise-search]", "swimming").await;
    app.wait_for("[data-testid=exercise-none]").await;
    shots(&app, "10-library-filtered").await;
    app.quit().await;
}
