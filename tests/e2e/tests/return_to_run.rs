//! The return to running through the real window: a calf strain's panel on the Plan screen, a
//! negative calf-raise count refused beside the calf raises with nothing saved, then recorded
//! calf raises unlocking the next step, a pain-free hop opening the walk-run ladder, and an outcome
//! score charted on the Log screen. Screenshots at 1280x800 and 460x760.

use soleus_e2e::Display;

/// Public case p-003: a sudden calf pain during a run; a calf (gastrocnemius) strain.
const CALF_STRAIN: &str = r#"{"findings": {"age": 30, "sex": "male", "onset": "sudden", "run_pattern": "sudden_during_run"}}"#;

#[tokio::test(flavor = "multi_thread")]
async fn recorded_calf_raises_unlock_the_next_step_and_a_pain_free_hop_opens_the_ladder() {
    let display = Display::start();
    display.profile_with_check("Ana", CALF_STRAIN).await;
    // Walking is already pain-free, the knee-to-wall even and the raises painless: the calf raises
    // themselves are what holds her back.
    // A pain score on waking: the Log screen shows its charts, the outcome score beside them.
    display.cli(&["--profile", "Ana", "log", "add", "--score", "2", "--moment", "on waking"], "");
    display.cli(&["--profile", "Ana", "return-to-run", "test", "--walk-pain", "0", "--raise-pain", "0", "--knee-to-wall-left", "10", "--knee-to-wall-right", "10.5"], "");

    let app = display.launch().await;
    app.open_tab("plan").await;
    app.wait_for("[data-testid=rtr-panel] [data-testid=rtr-stage]").await;
    app.wait_for_text("[data-testid=rtr-stage][data-state=current] h3", "Calf strength").await;
    let next = app.text("[data-testid=rtr-next]").await;
    assert!(next.contains("To move on to Hopping") && next.contains("at least 30 single-leg calf raises"), "{next}");
    assert_eq!(app.js("return document.querySelector('[data-testid=rtr-ladder]').dataset.unlocked", vec![]).await, serde_json::json!("false"));
    app.screenshot_sizes("rtr-01-calf-strength", Some("[data-testid=rtr-panel]")).await;

    // A negative count: the core's message beside the calf raises, and nothing saved.
    app.scroll_to("[data-testid=rtr-form]").await;
    app.type_into("[data-testid=rtr-raises-left]", "-3").await;
    app.type_into("[data-testid=rtr-raises-right]", "30").await;
    let refused = app.refusal("[data-testid=rtr-save]", "[data-testid=rtr-error]").await;
    assert!(refused.contains("calf raises (left) must be a whole number from 0 to 200; got -3"), "{refused}");
    let legend = app.js("return document.querySelector('[data-testid=rtr-error]').closest('fieldset').querySelector('legend').textContent", vec![]).await;
    assert_eq!(legend, serde_json::json!("Single-leg calf raises"));
    app.screenshot_sizes("rtr-02-count-refused", Some("[data-testid=rtr-form]")).await;
    assert_eq!(app.count("[data-testid=rtr-criterion][data-verdict=not_tested]").await, 3, "the raises and hopping are still untested");

    // 31 and 32 raises: the calf strength stage is passed and hopping is where she is.
    app.scroll_to("[data-testid=rtr-form]").await;
    app.type_into("[data-testid=rtr-raises-left]", "31").await;
    app.type_into("[data-testid=rtr-raises-right]", "32").await;
    app.click("[data-testid=rtr-save]").await;
    app.wait_for_text("[data-testid=rtr-stage][data-state=current] h3", "Hopping").await;
    assert_eq!(app.count("[data-testid=rtr-error]").await, 0);
    let next = app.text("[data-testid=rtr-next]").await;
    assert!(next.contains("To move on to the walk-run ladder") && next.contains("no pain hopping"), "{next}");
    app.screenshot_sizes("rtr-03-hopping-unlocked", Some("[data-testid=rtr-panel]")).await;

    // A pain-free hop: every stage passed, the ladder open at its first step.
    app.scroll_to("[data-testid=rtr-form]").await;
    app.type_into("[data-testid=rtr-hop-pain]", "0").await;
    app.click("[data-testid=rtr-save]").await;
    app.wait_for("[data-testid=rtr-ladder-open]").await;
    assert_eq!(app.count("[data-testid=rtr-stage][data-state=passed]").await, 3);
    app.screenshot_sizes("rtr-04-ladder-open", Some("[data-testid=rtr-ladder]")).await;
    app.axe("the return-to-run panel").await;

    // The outcome score on the Log screen: an LEFS over 80 refused beside the field, then one saved and charted.
    app.open_tab("log").await;
    app.scroll_to("[data-testid=outcome-scores]").await;
    app.type_into("[data-testid=outcome-score]", "85").await;
    assert!(app.refusal("[data-testid=outcome-save]", "[data-testid=outcome-error]").await.contains("from 0 to 80; got 85"));
    app.type_into("[data-testid=outcome-score]", "58").await;
    app.click("[data-testid=outcome-save]").await;
    app.wait_for("[data-testid=outcome-chart]").await;
    let due = app.text("[data-testid=outcome-due]").await;
    assert!(due.starts_with("Next score due"), "{due}");
    app.screenshot_sizes("rtr-05-outcome-score", Some("[data-testid=outcome-scores]")).await;
    app.axe("the outcome scores").await;
    app.quit().await;
}
