//! A person's past checks through the real window: listed newest first, an older one opened read
//! only with its answers, its own plan on the Plan tab and back to the latest, presented full
//! window (with its Wells score) and left with Esc, then deleted after a confirmation, from its
//! page and from its row.

use std::time::Duration;

use fantoccini::Locator;
use soleus_e2e::{Display, Session};

/// Public case p-008: a positive calf squeeze test at 60; an Achilles rupture, urgent.
const RUPTURE: &str = r#"{"findings": {"age": 60, "sex": "male", "heel_raise": "weak", "tendon_thickening": true, "thompson_test": "positive", "ankle_reflex_reduced": true}}"#;
/// The whole calf swollen after a long journey: a clot to rule out, urgent, with warning signs.
const CLOT: &str = r#"{"findings": {"swelling": "whole_calf", "recent_immobilisation": true, "onset": "gradual", "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false}}"#;
/// Public case p-001: gradual pain behind the knee, worse downhill; popliteus, self-care.
const KNEE: &str = r#"{"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none", "knee_locking": false}}"#;
/// A sudden pull in the upper inner calf pushing off: a calf strain, see a clinician.
const STRAIN: &str = r#"{"findings": {"onset": "sudden", "location": "upper_calf_medial", "mechanism": "push_off", "swelling": "local"}}"#;

const DISCLAIMER: &str = "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";

async fn key(app: &Session, key: &str) {
    app.client().active_element().await.unwrap().send_keys(key).await.unwrap();
}

/// The most likely cause of each listed check, top to bottom.
async fn listed(app: &Session) -> Vec<String> {
    let tops = app.js("return [...document.querySelectorAll('[data-testid=past-top]')].map(e => e.textContent.trim())", vec![]).await;
    tops.as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_string()).collect()
}

async fn open_listed(app: &Session, index: usize) {
    let rows = app.client().find_all(Locator::Css("[data-testid=past-check]")).await.unwrap();
    rows[index].click().await.unwrap();
    app.wait_for("[data-testid=saved-title]").await;
}

/// Waits until the element matching `css` holds `part` in its text.
async fn wait_containing(app: &Session, css: &str, part: &str) -> String {
    let mut seen = String::new();
    for _ in 0..100 {
        let text = app.js("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", vec![css.into()]).await;
        seen = text.as_str().unwrap_or_default().to_string();
        if seen.contains(part) {
            return seen;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.screenshot("FAILED").await;
    panic!("`{css}` showed {seen:?}, without {part:?}");
}

async fn gone(app: &Session, css: &str) -> bool {
    for _ in 0..50 {
        if app.client().find(Locator::Css(css)).await.is_err() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread")]
async fn past_checks_are_listed_opened_planned_presented_and_deleted() {
    let display = Display::start();
    display.save_checks("Ana", &[RUPTURE, CLOT, KNEE, STRAIN]);

    let app = display.launch().await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana").await;
    app.wait_for("[data-testid=past-checks]").await;

    // Newest first, a few of them, then all four.
    assert_eq!(app.count("[data-testid=past-check]").await, 3, "a few are shown at first");
    app.wait_for_text("[data-testid=past-show-all]", "Show all 4").await;
    app.click("[data-testid=past-show-all]").await;
    let tops = listed(&app).await;
    assert_eq!(tops.len(), 4, "{tops:?}");
    for (top, want) in tops.iter().zip(["Calf muscle strain", "Popliteus strain", "Deep vein thrombosis", "Achilles tendon rupture"]) {
        assert!(top.starts_with(&format!("Most likely: {want}")), "newest first: {tops:?}");
    }
    assert!(["Most likely: Achilles tendon rupture (very likely)", "Most likely: Achilles tendon rupture (likely)"].contains(&tops[3].as_str()),
        "the chance in the core's words, no figure: {tops:?}");
    let dates = app.js("return [...document.querySelectorAll('[data-testid=past-date]')].map(e => e.textContent)", vec![]).await;
    assert!(dates.as_array().unwrap().iter().all(|d| d.as_str().unwrap().ends_with("(today)")), "{dates}");
    assert_eq!(app.count("[data-testid=past-time]").await, 4, "checks of the same day carry their time");
    let chips = app.js("return [...document.querySelectorAll('[data-testid=past-check] [data-testid=triage-chip]')].map(e => e.dataset.triage)", vec![]).await;
    assert_eq!(chips, serde_json::json!(["clinician", "self_care", "urgent", "urgent"]));
    app.screenshots("history-01-list", Some("[data-testid=past-checks]")).await;

    let oldest = app.js("return document.querySelectorAll('[data-testid=past-check]')[3].dataset.id", vec![]).await;
    // The oldest, read only: its urgent result, its causes with reasons, the answers in plain
    // words, the not-a-diagnosis notice once.
    open_listed(&app, 3).await;
    let title = wait_containing(&app, "[data-testid=saved-title]", "Your check of").await;
    assert!(title.ends_with("(today)"), "dated as elsewhere: {title}");
    let banner = app.wait_for("[data-testid=triage-banner]").await;
    assert_eq!(banner.attr("data-triage").await.unwrap().as_deref(), Some("urgent"));
    wait_containing(&app, "[data-testid=cause] .name", "Achilles tendon rupture").await;
    app.wait_for("[data-testid=cause] .why li").await;
    let answer = app.text("[data-testid=saved-answer][data-key=heel_raise] dd").await;
    assert!(!answer.is_empty() && answer != "weak", "a plain label, not the value id: {answer:?}");
    assert!(app.count("[data-testid=saved-answer]").await >= 6);
    assert_eq!(app.count("[data-testid=care-notice]").await, 1);
    assert_eq!(app.count("[data-testid=question]").await, 0, "a saved check asks nothing");
    app.screenshots("history-02-saved", None).await;
    app.screenshots("history-02b-saved-answers", Some("[data-testid=saved-answers]")).await;

    // Back leads to the list as it was (all four), with focus on the check that was open.
    app.click("[data-testid=saved-back]").await;
    app.wait_for("[data-testid=past-checks]").await;
    assert_eq!(app.count("[data-testid=past-check]").await, 4);
    let focused = app.js("return document.activeElement?.dataset?.id ?? null", vec![]).await;
    assert_eq!(focused, oldest, "focus returns to the check that was open");
    open_listed(&app, 3).await;

    // Its own plan on the Plan tab, said to be an earlier check's, with a way back to the latest.
    app.click("[data-testid=saved-plan]").await;
    app.wait_for("[data-testid=screen-plan]").await;
    app.wait_for_text("[data-testid=plan-title]", "If this is: Achilles tendon rupture").await;
    wait_containing(&app, "[data-testid=plan-date]", "The plan of your earlier check of").await;
    app.screenshots("history-03-chosen-plan", None).await;
    app.click("[data-testid=plan-latest]").await;
    wait_containing(&app, "[data-testid=plan-title]", "If this is: Calf muscle strain").await;
    assert!(gone(&app, "[data-testid=plan-chosen]").await, "the latest plan is not marked as chosen");

    // Presented: care and the warning signs, the causes as bars with reasons, the answers; Esc leaves.
    app.open_tab("check").await;
    app.click("[data-testid=past-show-all]").await;
    open_listed(&app, 2).await;
    wait_containing(&app, "[data-testid=cause] .name", "Deep vein thrombosis").await;
    assert_eq!(app.count("[data-testid=wells]").await, 1, "a clot among the causes brings its Wells card, as on the day");
    app.click("[data-testid=saved-present]").await;
    app.wait_for("[data-testid=presenter]").await;
    app.wait_for_text("[data-testid=presenter-count]", "1 / 4").await;
    app.wait_for_text("[data-testid=presenter-slide] h1", "How soon to get care").await;
    app.wait_for("[data-testid=presented-triage]").await;
    assert!(app.count("[data-testid=presenter-slide] .flags li").await >= 1, "the warning signs are on the care slide");
    app.wait_for_text("[data-testid=presenter-disclaimer]", DISCLAIMER).await;
    app.screenshots("history-04-present-care", None).await;
    key(&app, "\u{e014}").await; // ArrowRight
    app.wait_for_text("[data-testid=presenter-slide] h1", "Likely causes").await;
    wait_containing(&app, "[data-testid=presented-cause] strong", "Deep vein thrombosis").await;
    assert!(app.count("[data-testid=presented-cause] .why li").await >= 1, "the reasons are on the slide");
    app.screenshots("history-05-present-causes", None).await;
    // The Wells score the result showed has its own slide.
    key(&app, "\u{e014}").await;
    app.wait_for_text("[data-testid=presenter-slide] h1", "Wells score for a leg clot").await;
    let wells = app.text("[data-testid=presented-wells]").await;
    assert!(wells.contains("Incomplete:") && wells.contains("of 10 items"), "never a half score as reassurance: {wells:?}");
    app.screenshots("history-05b-present-wells", None).await;
    key(&app, "\u{e014}").await;
    app.wait_for_text("[data-testid=presenter-slide] h1", "The answers that led there").await;
    // Seven answers and the back-pain screening question everyone is now asked.
    assert_eq!(app.count("[data-testid=presented-answer]").await, 8);
    app.wait_for_text("[data-testid=presenter-disclaimer]", DISCLAIMER).await;
    app.screenshots("history-06-present-answers", None).await;
    key(&app, "\u{e012}").await; // ArrowLeft
    app.wait_for_text("[data-testid=presenter-count]", "3 / 4").await;
    key(&app, "\u{e00c}").await; // Escape
    assert!(gone(&app, "[data-testid=presenter]").await, "Esc leaves the presenter");
    app.wait_for("[data-testid=saved-title]").await;

    // Delete, with a confirmation that can be declined.
    app.click("[data-testid=saved-delete]").await;
    app.wait_for("[data-testid=delete-confirm]").await;
    app.screenshots("history-07-delete-confirm", Some("[data-testid=delete-confirm]")).await;
    app.click("[data-testid=delete-confirm-no]").await;
    assert!(gone(&app, "[data-testid=delete-confirm]").await);
    app.click("[data-testid=saved-delete]").await;
    app.click("[data-testid=delete-confirm-yes]").await;
    wait_containing(&app, "[data-testid=check-notice]", "was deleted").await;
    let tops = listed(&app).await;
    assert_eq!(tops.len(), 3, "no 'show all' once three are left: {tops:?}");
    assert!(tops.iter().all(|t| !t.contains("Deep vein thrombosis")), "the deleted check is gone: {tops:?}");
    assert!(tops[2].starts_with("Most likely: Achilles tendon rupture"), "{tops:?}");

    // From its row too, with the same confirmation under the row; declining keeps it.
    let rupture_row = "[data-testid=past-checks] li:nth-child(3)";
    app.click(&format!("{rupture_row} [data-testid=past-delete]")).await;
    let confirm = app.text(&format!("{rupture_row} [data-testid=delete-confirm]")).await;
    assert!(confirm.contains("removed for good"), "{confirm:?}");
    app.screenshots("history-07b-row-delete-confirm", Some("[data-testid=past-checks]")).await;
    app.click("[data-testid=delete-confirm-no]").await;
    assert!(gone(&app, "[data-testid=delete-confirm]").await);
    assert_eq!(listed(&app).await.len(), 3, "declined: nothing deleted");
    app.click(&format!("{rupture_row} [data-testid=past-delete]")).await;
    app.click("[data-testid=delete-confirm-yes]").await;
    wait_containing(&app, "[data-testid=check-notice]", "was deleted").await;
    for _ in 0..50 {
        if listed(&app).await.len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let tops = listed(&app).await;
    assert_eq!(tops.len(), 2, "{tops:?}");
    assert!(tops.iter().all(|t| !t.contains("Achilles")), "the deleted check is gone: {tops:?}");

    // A live result presents too, once the warning-sign questions are answered (an emergency
    // would end the check instead: tests/e2e/tests/check.rs).
    app.click("[data-testid=start-runner]").await;
    for warning in ["chest_symptoms", "foot_cold_pale", "pain_out_of_proportion", "back_pain"] {
        app.wait_for(&format!("[data-testid=question][data-key={warning}]")).await;
        app.click("[data-testid=answer-no]").await;
    }
    app.click("[data-testid=result-present]").await;
    app.wait_for("[data-testid=presenter]").await;
    app.wait_for_text("[data-testid=presenter-slide] h1", "How soon to get care").await;
    app.wait_for_text("[data-testid=presenter-disclaimer]", DISCLAIMER).await;
    app.screenshots("history-08-present-live", None).await;
    key(&app, "\u{e00c}").await; // Escape
    assert!(gone(&app, "[data-testid=presenter]").await, "Esc leaves the presenter");
    app.wait_for("[data-testid=question]").await;
    app.quit().await;

    // Still gone after a restart: both deletes were written.
    let app = display.launch().await;
    app.wait_for("[data-testid=past-checks]").await;
    assert_eq!(listed(&app).await.len(), 2);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_earlier_checks_plan_says_when_the_latest_check_was_urgent() {
    let display = Display::start();
    display.save_checks("Ana", &[KNEE, CLOT]);

    let app = display.launch().await;
    app.wait_for("[data-testid=past-checks]").await;
    open_listed(&app, 1).await;
    app.click("[data-testid=saved-plan]").await;
    wait_containing(&app, "[data-testid=plan-title]", "If this is: Popliteus strain").await;
    let alarm = wait_containing(&app, "[data-testid=plan-latest-alarm]", "Urgent: see a doctor today").await;
    assert!(alarm.contains("Your latest check, of"), "{alarm}");
    app.screenshots("history-04-latest-was-urgent", None).await;
    app.click("[data-testid=plan-latest]").await;
    wait_containing(&app, "[data-testid=plan-title]", "Deep vein thrombosis").await;
    assert!(gone(&app, "[data-testid=plan-latest-alarm]").await, "the latest plan needs no pointer to itself");
}
