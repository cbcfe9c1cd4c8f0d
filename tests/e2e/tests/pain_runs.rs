//! Pain tied to the run, through the real window: a run imported, scored during and right after
//! in the Log screen, a next-morning score on the run's own day refused beside its field, the
//! missed next-morning score asked for when the app opens again, and the weekly review's
//! sentence naming the run that did not settle. Screenshots at 1280x800 and 460x760.

use serde_json::json;
use soleus_e2e::{Display, Session};

/// Clicks an element of the scrolling screen once it is in the middle of the view.
async fn press(app: &Session, css: &str) {
    app.wait_for(css).await;
    app.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", vec![css.into()]).await;
    app.click(css).await;
}

/// Waits until the element matching `css` holds `want` somewhere in its text.
async fn wait_contains(app: &Session, css: &str, want: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let text = app.js("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", vec![css.into()]).await;
        let text = text.as_str().unwrap_or_default().to_string();
        if text.contains(want) {
            return;
        }
        if std::time::Instant::now() > deadline {
            app.screenshot("FAILED").await;
            panic!("`{css}` showed {text:?}, without {want:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Picks the run whose row says `what` in the run-scoring form.
async fn pick_run(app: &Session, what: &str) {
    app.wait_for("[data-testid=run-score-form] label.run").await;
    let script = "const row = [...document.querySelectorAll('[data-testid=run-score-form] label.run')].find((l) => l.textContent.includes(arguments[0])); \
                  if (!row) return false; row.scrollIntoView({ block: 'center' }); row.click(); return true;";
    assert_eq!(app.js(script, vec![what.into()]).await, json!(true), "no run row says {what:?}");
}

/// Scores the chosen run at `moment` and waits for the form to say it was saved.
async fn score(app: &Session, moment: &str, score: u8, saved: &str) {
    press(app, &format!("[data-testid=moment-{moment}]")).await;
    press(app, &format!("[data-testid=run-score-{score}]")).await;
    press(app, "[data-testid=save-run-score]").await;
    app.wait_for_text("[data-testid=run-score-saved]", saved).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_is_imported_scored_during_after_and_next_morning_and_the_review_names_it() {
    let (display, app) = Display::start_with_profile("Ana Runner").await;

    // Two runs from Strava's export, by the app's own clock: 12 km two days ago at 07:00, and
    // 5 km early today.
    let dates = app
        .js(
            r#"const utc = (d) => d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }) + ', ' +
                 d.toLocaleTimeString('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true }).replace(/\s/g, ' ');
               const long = new Date(); long.setDate(long.getDate() - 2); long.setHours(7, 0, 0, 0);
               const early = new Date(); early.setHours(0, 20, 0, 0);
               const lastWeek = (new Date().getDay() + 6) % 7 < 2;
               return [utc(long), utc(early), long.toLocaleDateString('en-US', { weekday: 'long' }), lastWeek];"#,
            vec![],
        )
        .await;
    let (long, early, weekday, last_week) =
        (dates[0].as_str().unwrap(), dates[1].as_str().unwrap(), dates[2].as_str().unwrap().to_string(), dates[3].as_bool().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("activities.csv");
    std::fs::write(&csv, format!("Activity Date,Activity Type,Elapsed Time,Distance,Elevation Gain\n\"{long}\",Run,4200,12,80\n\"{early}\",Run,1800,5,10\n")).unwrap();
    app.click("[data-testid=tab-log]").await;
    press(&app, "[data-testid=log-run-tab]").await;
    app.wait_for("[data-testid=import-input]").await.send_keys(csv.to_str().unwrap()).await.expect("a file can be chosen");
    app.wait_for_text("[data-testid=import-message]", "activities.csv: 2 sessions added.").await;

    // The imported runs are offered to score, newest first, each with its scores.
    let label = format!("{weekday}'s 12 km");
    wait_contains(&app, "[data-testid=run-scores]", &label).await;
    pick_run(&app, &label).await;
    // Bad input: no score chosen is said beside the score, and nothing is sent.
    press(&app, "[data-testid=save-run-score]").await;
    app.wait_for_text("[data-testid=run-score-error]", "Choose a score from 0 (no pain) to 10.").await;
    // Where it hurt: a region of the body map, the Check's own list.
    app.js("const s = document.querySelector('[data-testid=run-site]'); s.value = 'achilles'; s.dispatchEvent(new Event('change', { bubbles: true }));", vec![]).await;
    let chosen = app.js("const s = document.querySelector('[data-testid=run-site]'); return s.options[s.selectedIndex].textContent;", vec![]).await;
    assert_eq!(chosen, json!("The tendon above the heel (Achilles)"));
    score(&app, "during", 3, &format!("Saved: 3/10 during, {label}.")).await;
    score(&app, "after", 4, &format!("Saved: 4/10 right after, {label}.")).await;
    app.wait_for_text("[data-testid=run-score-form] label.run.chosen [data-testid=run-scores-line]", "During 3/10 · Right after 4/10 · Next morning —").await;

    // A next-morning score for this morning's run cannot be dated today: the core's reason is
    // shown beside "When", and nothing is saved.
    let before = app.count("[data-testid=history] li").await;
    pick_run(&app, "5 km").await;
    press(&app, "[data-testid=moment-next_morning]").await;
    press(&app, "[data-testid=run-score-2]").await;
    press(&app, "[data-testid=save-run-score]").await;
    app.wait_for("[data-testid=moment-error]").await;
    let refusal = app.text("[data-testid=moment-error]").await;
    assert!(refusal.contains("the run"), "{refusal}");
    assert_eq!(app.count("[data-testid=history] li").await, before, "nothing was saved");
    let line = app.text("[data-testid=run-score-form] label.run.chosen [data-testid=run-scores-line]").await;
    assert_eq!(line, "During — · Right after — · Next morning —");
    app.screenshot_sizes("pain-runs-01-refused-beside-when", Some("[data-testid=run-scores]")).await;
    app.axe("the run-scoring form with a refusal").await;
    app.quit().await;

    // Opened again: the run of two days ago has no next-morning score, so it is asked for.
    let app = display.launch().await;
    wait_contains(&app, "[data-testid=missed-morning]", &format!("How was it on the morning after {label}?")).await;
    app.screenshot_sizes("pain-runs-02-missed-morning", Some("[data-testid=missed-morning]")).await;
    press(&app, "[data-testid=missed-score-4]").await;
    press(&app, "[data-testid=missed-save]").await;
    app.wait_for_text("[data-testid=missed-saved]", &format!("Saved: 4/10 the morning after {label}.")).await;

    // The review reads the run with the pain-monitoring model and names it.
    app.click("[data-testid=tab-log]").await;
    if last_week {
        press(&app, "[data-testid=review-prev]").await;
    }
    app.wait_for("[data-testid=pain-monitoring][data-verdict=over_the_model]").await;
    let sentence = app.text("[data-testid=monitoring-sentence]").await;
    assert!(sentence.starts_with(&format!("Not settled by the morning after {label}: 4/10 the next morning")), "{sentence}");
    pick_run(&app, &label).await;
    app.wait_for_text("[data-testid=run-score-form] label.run.chosen [data-testid=run-verdict]", "Not settled").await;
    app.screenshot_sizes("pain-runs-03-review-sentence", Some("[data-testid=pain-monitoring]")).await;
    app.screenshot_sizes("pain-runs-04-runs-with-scores", Some("[data-testid=run-scores]")).await;
    app.axe("the Log screen with runs scored").await;
    app.quit().await;
}
