//! "How accurate is this?" through the real window: opened from the last check's whole result, it shows
//! every shipped case set with what it is, the words top-1, top-3, triage and interview, and the
//! figures the CLI's `soleus benchmark --json` gives; Back returns to the result.

use std::process::Command;
use std::time::Duration;

use soleus_e2e::{app_binary, Display};

/// Public case p-008: a positive calf squeeze test at 60; an Achilles rupture, urgent.
const RUPTURE: &str = r#"{"findings": {"age": 60, "sex": "male", "heel_raise": "weak", "tendon_thickening": true, "thompson_test": "positive", "ankle_reflex_reduced": true}}"#;

/// The figures as the CLI built beside the app computes them.
fn benchmark() -> serde_json::Value {
    let out = Command::new(app_binary().with_file_name("soleus")).args(["benchmark", "--json"]).output().expect("the soleus CLI runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_accuracy_page_opens_from_a_result_with_every_set_and_its_figures() {
    let want = benchmark();
    let sets = want["sets"].as_array().unwrap();
    let display = Display::start();
    display.save_check("Ana", RUPTURE);
    let app = display.launch().await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ana").await;
    app.click_and_wait("[data-testid=last-open]", "[data-testid=saved-title]").await;

    app.scroll_to("[data-testid=accuracy-open]").await;
    app.click_and_wait("[data-testid=accuracy-open]", "[data-testid=accuracy-page]").await;
    app.wait_for_within("[data-testid=accuracy-set]", Duration::from_secs(90)).await;
    assert_eq!(app.count("[data-testid=accuracy-set]").await, sets.len() as u64);

    let page = app.text("[data-testid=accuracy-page]").await;
    for word in ["How accurate is this?", "Top-1", "Top-3", "Triage", "Interview", "runner alone", "Not a diagnosis"] {
        assert!(page.contains(word), "no {word:?} on the page: {page}");
    }
    for (i, s) in sets.iter().enumerate() {
        let card = app.js("return document.querySelectorAll('[data-testid=accuracy-set]')[arguments[0]].textContent", vec![i.into()]).await;
        let card = card.as_str().unwrap();
        assert!(card.contains(s["set"]["title"].as_str().unwrap()) && card.contains(s["set"]["what"].as_str().unwrap()), "{card}");
        // The whole-case top-1, as a whole percent (JavaScript's Math.round: halves up).
        let f = &s["full_case"];
        let top1 = (100.0 * f["top1"].as_f64().unwrap() / f["cases"].as_f64().unwrap() + 0.5).floor();
        let row = app
            .js("return document.querySelectorAll('[data-testid=accuracy-set]')[arguments[0]].querySelector('[data-testid=accuracy-row-full_case]').textContent", vec![i.into()])
            .await;
        assert!(row.as_str().unwrap().contains(&format!("{top1}%")), "set {i}: {row} without {top1}%");
    }
    app.screenshots("accuracy", None).await;
    app.scroll_to("[data-testid=accuracy-set]:last-of-type").await;
    app.screenshot("accuracy-last-set").await;

    app.click("[data-testid=accuracy-back]").await;
    assert_eq!(app.count("[data-testid=accuracy-page]").await, 0, "Back closes the page");
    let focused = app.js("return document.activeElement?.dataset.testid ?? null", vec![]).await;
    assert_eq!(focused, "accuracy-open", "the focus is back on the link");
    app.quit().await;
}
