//! The pain log through the real window: bad input gets a message beside its field, scores and
//! runs logged over several weeks give the weekly review's verdict and two drawn charts, under
//! the app's strict CSP, in light and dark; an entry can be deleted.

use serde_json::json;
use soleus_e2e::{Display, Session};

/// Sets an input's value as typing would (date and time inputs take no keystrokes reliably).
async fn set(app: &Session, css: &str, value: &str) {
    app.wait_for(css).await;
    let script = "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
                  e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }));";
    app.js(script, vec![css.into(), value.into()]).await;
}

/// Clicks an element of the scrolling screen once it is in the middle of the view (WebKit's
/// driver does not scroll inside an overflow container by itself).
async fn press(app: &Session, css: &str) {
    app.wait_for(css).await;
    // Scrolled to the middle and clicked once nothing moves it any more: the charts above the
    // forms draw after the log is read again, and push the form down as they come.
    for _ in 0..50 {
        let hit = app
            .js(
                "const b = document.querySelector(arguments[0]); b.scrollIntoView({ block: 'center' }); \
                 const r = b.getBoundingClientRect(); const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); \
                 return !!e && (e === b || b.contains(e));",
                vec![css.into()],
            )
            .await;
        if hit == serde_json::json!(true) {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            let still = app
                .js(
                    "const b = document.querySelector(arguments[0]); const r = b.getBoundingClientRect(); \
                     const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return !!e && (e === b || b.contains(e));",
                    vec![css.into()],
                )
                .await;
            if still == serde_json::json!(true) {
                break;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.click(css).await;
}

/// Local dates (YYYY-MM-DD) and Strava's UTC "Nov 10, 2026, 7:00:00 AM", `offset` days after
/// this week's Monday, from the app's own clock.
async fn days(app: &Session, offsets: &[i64]) -> Vec<(String, String)> {
    let script = r#"
      const p = (n) => String(n).padStart(2, '0');
      return arguments[0].map((off) => {
        const d = new Date();
        d.setDate(d.getDate() - (d.getDay() + 6) % 7 + off);
        d.setHours(7, 0, 0, 0);
        const local = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
        const o = { timeZone: 'UTC' };
        const strava = d.toLocaleDateString('en-US', { ...o, month: 'short', day: 'numeric', year: 'numeric' }) + ', ' +
          d.toLocaleTimeString('en-US', { ...o, hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true }).replace(/\s/g, ' ');
        return [local, strava];
      });"#;
    let v = app.js(script, vec![json!(offsets)]).await;
    serde_json::from_value(v).unwrap()
}

/// Non-transparent pixels on the chart's canvas: 0 when it has no canvas or nothing drawn.
async fn inked(app: &Session, chart: &str) -> u64 {
    let script = "const c = document.querySelector(`[data-testid=${arguments[0]}] canvas`); \
                  if (!c || c.width === 0) return 0; \
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
                  let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;";
    app.js(script, vec![chart.into()]).await.as_u64().unwrap()
}

/// Pixels of the chart's canvas drawn in the colour of the CSS variable `var` (resolved for the
/// theme in use); -1 when the app does not define that variable on the root.
async fn painted(app: &Session, chart: &str, var: &str) -> i64 {
    let script = "const [chart, v] = arguments; \
                  if (getComputedStyle(document.documentElement).getPropertyValue(v).trim() === '') return -1; \
                  const host = document.querySelector(`[data-testid=${chart}]`); \
                  const probe = document.createElement('span'); probe.style.color = `var(${v})`; host.append(probe); \
                  const [r, g, b] = getComputedStyle(probe).color.match(/\\d+/g).map(Number); probe.remove(); \
                  const c = host.querySelector('canvas'); \
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
                  let n = 0; for (let i = 0; i < d.length; i += 4) \
                    if (d[i + 3] > 200 && Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - g) < 12 && Math.abs(d[i + 2] - b) < 12) n++; \
                  return n;";
    app.js(script, vec![chart.into(), var.into()]).await.as_i64().unwrap()
}

/// "Sat 21 Nov 2026": a weekday, a day, a month as a word and a year.
fn reads_as_a_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split(' ').collect();
    parts.len() == 4
        && ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].contains(&parts[0])
        && parts[1].parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
        && ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].contains(&parts[2])
        && parts[3].len() == 4 && parts[3].parse::<u16>().is_ok()
}

async fn log_pain(app: &Session, date: &str, time: &str, score: u8) {
    press(app, &format!("[data-testid=score-{score}]")).await;
    set(app, "[data-testid=pain-date]", date).await;
    set(app, "[data-testid=pain-time]", time).await;
    press(app, "[data-testid=save-pain]").await;
    app.wait_for_text("[data-testid=pain-saved]", &format!("Saved: {score}/10, 1 h after run.")).await;
}

async fn log_run(app: &Session, date: &str, time: &str, km: &str, minutes: &str) {
    set(app, "[data-testid=run-date]", date).await;
    set(app, "[data-testid=run-time]", time).await;
    app.type_into("[data-testid=run-distance]", km).await;
    app.type_into("[data-testid=run-duration]", minutes).await;
    press(app, "[data-testid=save-run]").await;
    app.wait_for_text("[data-testid=run-saved]", &format!("Saved: {km}.0 km run.")).await;
}

async fn open_log(app: &Session) {
    app.click("[data-testid=tab-check]").await;
    app.click_and_wait("[data-testid=tab-log]", "[data-testid=pain-form]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_runner_logs_pain_and_runs_and_reads_the_weekly_review_and_charts() {
    let (display, app) = Display::start_with_profile("Ana Runner").await;
    // Anything the CSP blocks from here on (a style uPlot sets, say) is recorded.
    app.js("window.cspViolations = []; document.addEventListener('securitypolicyviolation', \
              (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));", vec![]).await;

    // A new profile: the empty state says what to log and when.
    app.click_and_wait("[data-testid=tab-log]", "[data-testid=log-empty]").await;
    app.screenshot("log-01-empty").await;

    // Bad input: no score chosen, a date in the future, a negative distance.
    press(&app, "[data-testid=save-pain]").await;
    app.wait_for_text("[data-testid=score-error]", "Choose a score from 0 (no pain) to 10 (worst imaginable).").await;
    app.scroll_to("[data-testid=pain-form]").await;
    app.screenshot("log-02-pain-form-no-score").await;
    // Only the screen scrolls: the window itself never does (the header and tabs stay put).
    let window_scroll = app.js("return document.scrollingElement.scrollTop", vec![]).await;
    assert_eq!(window_scroll, json!(0), "the window scrolled");
    // The day is written out beside the date input (which follows the system's locale), and
    // the score is one radio group: Tab reaches one score, the arrow keys move and choose.
    let read = app.text("[data-testid=pain-date-read]").await;
    assert!(reads_as_a_day(&read), "the pain form's day reads {read:?}, not like \"Sat 21 Nov 2026\"");
    let tab_stops = app.js("return [...document.querySelectorAll('[data-testid=pain-score] [role=radio]')].filter((b) => b.tabIndex === 0).length", vec![]).await;
    assert_eq!(tab_stops, json!(1), "one tab stop in the score group");
    app.js("document.querySelector('[data-testid=score-4]').focus();", vec![]).await;
    app.client().active_element().await.unwrap().send_keys("\u{e014}").await.unwrap(); // ArrowRight
    app.wait_for("[data-testid=score-5][aria-checked=true]").await;
    let focused = app.js("return document.activeElement.dataset.testid", vec![]).await;
    assert_eq!(focused, json!("score-5"), "the arrow moved the focus with the choice");
    let future = days(&app, &[14]).await;
    press(&app, "[data-testid=score-5]").await;
    set(&app, "[data-testid=pain-date]", &future[0].0).await;
    press(&app, "[data-testid=save-pain]").await;
    app.wait_for_text("[data-testid=pain-when-error]", "That is in the future: log what has already happened.").await;
    app.screenshot("log-02-pain-form-future").await;
    press(&app, "[data-testid=log-run-tab]").await;
    app.type_into("[data-testid=run-distance]", "-5").await;
    press(&app, "[data-testid=save-run]").await;
    app.wait_for_text("[data-testid=run-distance-error]", "The distance must be more than 0.").await;
    app.screenshot("log-03-run-form-error").await;
    assert!(app.client().find(fantoccini::Locator::Css("[data-testid=history]")).await.is_err(), "nothing was logged");

    // Weeks -4 to -2 from the CLI (scores and a Strava export), as a runner's history would be.
    let seeded = days(&app, &[-27, -25, -20, -18, -13, -11]).await;
    let dir = tempfile::tempdir().unwrap();
    let mut pain = String::from("recorded_at,score,moment,side,notes\n");
    let mut runs = String::from("Activity Date,Activity Type,Elapsed Time,Distance,Elevation Gain\n");
    for ((local, strava), (score, km)) in seeded.iter().zip([(7, 6), (7, 8), (6, 8), (7, 10), (6, 8), (6, 10)]) {
        pain.push_str(&format!("{local} 19:00,{score},1 h after run,left,\n"));
        runs.push_str(&format!("\"{strava}\",Run,{},{km},40\n", km * 330));
    }
    std::fs::write(dir.path().join("pain.csv"), pain).unwrap();
    std::fs::write(dir.path().join("activities.csv"), runs).unwrap();
    display.cli(&["log", "import", dir.path().join("pain.csv").to_str().unwrap(), dir.path().join("activities.csv").to_str().unwrap()], "");

    // Last week and this week through the form: pain 6 and 6, then 4 and 3 (a drop of 2.5,
    // on track on its own); runs of 8 km, then 12 km (longer than any of the 30 days before: a
    // warning), so the week eases back instead of a green hold.
    open_log(&app).await;
    let last_week = days(&app, &[-6, -5, -4]).await;
    let today: String = app.js("const d = new Date(); const p = (n) => String(n).padStart(2, '0'); \
                                  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;", vec![]).await
        .as_str().unwrap().to_string();
    log_pain(&app, &last_week[0].0, "19:00", 6).await;
    log_pain(&app, &last_week[2].0, "19:00", 6).await;
    log_pain(&app, &today, "00:00", 4).await;
    log_pain(&app, &today, "00:01", 3).await;
    press(&app, "[data-testid=log-run-tab]").await;
    log_run(&app, &last_week[1].0, "07:00", "8", "45").await;
    log_run(&app, &today, "00:02", "12", "70").await;

    // The review: ease back, amber, in plain words, with its load warnings; both charts drawn.
    app.wait_for("[data-testid=review-verdict][data-verdict=ease_back]").await;
    let verdict = app.js("return document.querySelector('[data-testid=review-verdict] strong').textContent", vec![]).await;
    assert_eq!(verdict, "Ease back");
    let tone = app.js("return document.querySelector('[data-testid=review-verdict]').className", vec![]).await;
    assert!(tone.as_str().unwrap().contains("warn") && !tone.as_str().unwrap().contains("good"), "never green with a load warning: {tone}");
    let warnings = app.js("return document.querySelector('[data-testid=review-warnings]').textContent", vec![]).await;
    assert!(warnings.as_str().unwrap().contains("longer than your longest in the 30 days before (10.0 km)"), "{warnings}");
    // The review says when to see someone; the not-a-diagnosis line is said once, by the notice.
    assert!(app.text("[data-testid=review-seek-care]").await.contains("See a physiotherapist or doctor if the pain is not easing"));
    assert_eq!(app.text("main").await.matches("is not a diagnosis").count(), 1, "the Log screen says once that it is not a diagnosis");
    app.wait_for_text("[data-testid=weekly-review] h2", "This week").await;
    app.wait_for("[data-testid=pain-chart] canvas").await;
    app.wait_for("[data-testid=load-chart] canvas").await;
    for chart in ["pain-chart", "load-chart"] {
        assert!(inked(&app, chart).await > 2000, "{chart} has something drawn on its canvas");
    }
    // In the app's palette, not the ink: amber pain dots, the green 3/10 line, soft green bars.
    for (chart, var, least) in [("pain-chart", "--chart-3", 100), ("pain-chart", "--chart-1", 100), ("load-chart", "--chart-bar", 2000)] {
        let n = painted(&app, chart, var).await;
        assert!(n >= least, "{chart} has {n} pixels in {var}");
    }
    let summary = app.js("return document.querySelector('[data-testid=pain-chart-summary]').textContent", vec![]).await;
    assert!(summary.as_str().unwrap().starts_with("10 pain scores in the last 8 weeks."), "{summary}");
    let violations = app.js("return window.cspViolations", vec![]).await;
    assert_eq!(violations, json!([]), "the CSP blocked nothing");

    // The charts follow the window's width: the phone column, then the desktop's charts column
    // beside the form.
    let width = "return document.querySelector('[data-testid=load-chart] canvas').getBoundingClientRect().width";
    let wide = app.js(width, vec![]).await.as_f64().unwrap();
    app.resize(460, 760).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while app.js(width, vec![]).await.as_f64().unwrap() >= wide - 50.0 {
        assert!(std::time::Instant::now() < deadline, "the load chart did not narrow with the window from {wide}px");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let narrow = app.js(width, vec![]).await.as_f64().unwrap();
    app.client().set_window_size(1280, 800).await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while app.js(width, vec![]).await.as_f64().unwrap() <= narrow + 50.0 {
        assert!(std::time::Instant::now() < deadline, "the load chart did not widen with the window from {narrow}px");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.client().set_window_size(460, 760).await.unwrap();

    app.scroll_to("[data-testid=weekly-review]").await;
    app.screenshot("log-04-review-light").await;
    // At 1280 the form stays on the left and the week and charts read beside it.
    app.screenshot_sizes("log-04b-form-beside-charts", Some("[data-testid=screen-log]")).await;
    app.scroll_to("[data-testid=pain-chart]").await;
    app.screenshot("log-05-charts-light").await;
    app.scroll_to("[data-testid=load-chart]").await;
    app.screenshot("log-05b-load-and-history-light").await;

    // The week before: 6 and 6 after 6 and 6, no drop of 2: reduce.
    press(&app, "[data-testid=review-prev]").await;
    app.wait_for("[data-testid=review-verdict][data-verdict=restrict_further]").await;
    app.wait_for_text("[data-testid=review-verdict] strong", "Reduce").await;
    app.wait_for_text("[data-testid=weekly-review] h2", "Last week").await;

    // Dark theme: the charts are drawn again in its colours.
    app.set_theme("dark").await;
    press(&app, "[data-testid=review-next]").await;
    app.wait_for("[data-testid=review-verdict][data-verdict=ease_back]").await;
    app.scroll_to("[data-testid=weekly-review]").await;
    app.screenshot("log-06-review-dark").await;
    app.scroll_to("[data-testid=pain-chart]").await;
    app.screenshot("log-07-charts-dark").await;
    assert!(inked(&app, "load-chart").await > 2000, "the load chart is drawn in the dark theme");
    let n = painted(&app, "load-chart", "--chart-bar").await;
    assert!(n >= 2000, "the load chart's bars take the dark theme's colour: {n} pixels");

    // Delete the newest entry, after confirming; it stays gone after the screen reloads.
    let before = app.count("[data-testid=history] li").await;
    assert_eq!(before, 12, "18 logged: 12 shown before 'Show all'");
    let all = app.js("return document.querySelector('[data-testid=history] .more').textContent", vec![]).await;
    assert_eq!(all, "Show all 18");
    app.scroll_to("[data-testid=history]").await;
    press(&app, "[data-testid=delete-entry]").await;
    app.screenshot("log-08-delete-confirm").await;
    press(&app, "[data-testid=confirm-delete-entry]").await;
    app.wait_for_text("[data-testid=history] .more", "Show all 17").await;
    open_log(&app).await;
    app.wait_for_text("[data-testid=history] .more", "Show all 17").await;

    // A watch's GPX file chosen in the window is imported from its bytes.
    press(&app, "[data-testid=log-run-tab]").await;
    let gpx = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/run.gpx").canonicalize().unwrap();
    app.wait_for("[data-testid=import-input]").await.send_keys(gpx.to_str().unwrap()).await.expect("a file can be chosen");
    app.wait_for_text("[data-testid=import-message]", "run.gpx: 1 session added.").await;
    app.wait_for_text("[data-testid=history] .more", "Show all 18").await;
    app.scroll_to("[data-testid=run-form]").await;
    app.screenshot("log-09-imported").await;

    // An exercise marked done (here from the CLI) is in the history too, by its day, with no Delete.
    display.cli(&["log", "exercise", "heel_slides", "--sets", "2", "--on", &today], "");
    open_log(&app).await;
    app.wait_for_text("[data-testid=history-exercise] strong", "Heel slides").await;
    let row = app.text("[data-testid=history-exercise]").await;
    assert!(row.contains("Exercise done · 2 sets"), "{row}");
    assert_eq!(app.count("[data-testid=history-exercise] [data-testid=delete-entry]").await, 0, "a done exercise has no Delete");
    app.wait_for_text("[data-testid=history] .more", "Show all 19").await;
    app.scroll_to("[data-testid=history]").await;
    app.screenshot("log-10-exercise-in-history").await;
    app.quit().await;
}
