//! The plan as days through the real window: runs imported from watch files tick themselves on
//! the week calendar, an exercise is ticked from it, next week is previewed, the check's day is
//! marked; a reminder time is refused beside its field when it is not a time, then set, and the
//! next launch asks for the morning score a run yesterday left missing (the Log's prompt).
//! Screenshots at 1280x800 and 460x760.

use soleus_e2e::{Display, Session};
use soleus_e2e::cases::SELF_CARE;

/// Public case p-001: gradual pain behind the knee, worse downhill; popliteus, self-care. Its

/// A GPX run of about 3.3 km through four points at these RFC 3339 times.
fn gpx(times: &[&str]) -> String {
    let points: String = times
        .iter()
        .enumerate()
        .map(|(i, t)| format!(r#"<trkpt lat="{:.4}" lon="-0.1000"><ele>10.0</ele><time>{t}</time></trkpt>"#, 51.5 + 0.01 * i as f64))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Soleus tests" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Easy run</name><type>running</type><trkseg>{points}</trkseg></trk>
</gpx>"#
    )
}

/// Imports a run starting `days_ago` days before now (no earlier than 00:05 that day, so
/// today's stays today) through the Log tab's file chooser, as a runner imports a watch's file.
async fn import_run(app: &Session, dir: &std::path::Path, days_ago: i64) {
    let times = app
        .js(
            "const now = Date.now(), day = 864e5; \
             const midnight = new Date(); midnight.setHours(0, 5, 0, 0); \
             const start = Math.max(now - 50 * 60e3, midnight.getTime()) - arguments[0] * day; \
             return [0, 1, 2, 3].map(i => new Date(start + i * 6 * 60e3).toISOString().replace(/\\.\\d+Z$/, 'Z'));",
            vec![days_ago.into()],
        )
        .await;
    let times: Vec<&str> = times.as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    let text = gpx(&times);
    let path = dir.join(format!("run-{days_ago}.gpx"));
    std::fs::write(&path, text).unwrap();
    app.wait_for("[data-testid=import-input]").await.send_keys(path.to_str().unwrap()).await.expect("a file can be chosen");
    app.wait_for_text("[data-testid=import-message]", &format!("run-{days_ago}.gpx: 1 session added.")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_week_calendar_ticks_runs_and_exercises_and_a_reminder_is_set() {
    let display = Display::start();
    display.profile_with_check("Ana", SELF_CARE).await;

    // Last week's two runs give the calendar the runner's days; yesterday's and today's are
    // imported too.
    let app = display.launch().await;
    let files = tempfile::tempdir().unwrap();
    app.open_tab("log").await;
    app.click("[data-testid=log-run-tab]").await;
    for days_ago in [7, 5, 1, 0] {
        import_run(&app, files.path(), days_ago).await;
    }

    app.open_tab("plan").await;
    app.wait_for("[data-testid=week-calendar]").await;
    let today = app.js("const d = new Date(), p = n => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`", vec![]).await;
    let today = today.as_str().unwrap().to_string();
    let day = format!("[data-testid=week-day-{today}]");
    assert_eq!(app.count("[data-testid=week-calendar] > ol:first-of-type > li").await, 7, "seven days this week");
    assert_eq!(app.count("[data-testid=week-calendar] > ol:last-of-type > li").await, 7, "and seven next week");
    // Today: highlighted, the check's day, today's imported run ticked with its distance.
    app.wait_for(&format!("{day}[aria-current=date]")).await;
    app.wait_for(&format!("{day} [data-testid=week-injury]")).await;
    let run = app.text(&format!("{day} [data-testid=week-run][data-done=true]")).await;
    assert!(run.contains("Ran 3.3 km"), "{run}");
    // Five days ago's weekday is a run day: planned next week with an amount, never ticked.
    let planned = app.count("[data-testid=week-calendar] > ol:last-of-type [data-testid=week-run][data-done=false]").await;
    assert!(planned >= 1, "next week plans runs on last week's days");
    let next_run = app.text("[data-testid=week-calendar] > ol:last-of-type [data-testid=week-run]").await;
    // The Today card's amount: a pain behind the knee worse downhill cuts the hills first.
    assert_eq!(next_run.trim(), "Run flat, no hills");
    let rest = app.count("[data-testid=week-calendar] > ol:last-of-type > li.rest").await;
    assert!(rest >= 1, "next week has rest days");

    // The exercise of today's phase is ticked from the calendar, and stays ticked.
    let exercise = format!("{day} [data-testid=week-exercise-heel_slides]");
    app.wait_for(&format!("{exercise}[data-done=false]")).await;
    app.click(&format!("{day} [data-testid=week-tick-heel_slides]")).await;
    app.wait_for(&format!("{exercise}[data-done=true]")).await;
    app.screenshot_sizes("week-01-calendar", Some("[data-testid=week-calendar]")).await;
    app.axe("plan with the week calendar").await;
    app.screenshots("week-01b-calendar", Some("[data-testid=week-calendar]")).await;
    app.axe("plan with the week calendar, dark").await;
    app.open_tab("log").await;
    app.open_tab("plan").await;
    app.wait_for(&format!("{exercise}[data-done=true]")).await;

    // A reminder: a time that is not a time is refused beside its field; then one is set.
    let form = "[data-testid=reminder-morning_pain]";
    app.scroll_to("[data-testid=week-reminders]").await;
    app.wait_for_text(&format!("{form} .hint"), "The morning after a run. Now off.").await;
    app.type_into("[data-testid=reminder-morning_pain-time]", "7.30pm").await;
    let refused = app.refusal("[data-testid=reminder-morning_pain-save]", "[data-testid=reminder-morning_pain-error]").await;
    assert!(refused.contains("\"7.30pm\" is not a time of day"), "{refused}");
    app.screenshot_sizes("week-02-reminder-refused", Some("[data-testid=week-reminders]")).await;
    app.wait_for_text(&format!("{form} .hint"), "The morning after a run. Now off.").await;
    // Midnight, so that it is already due whenever the test runs.
    app.type_into("[data-testid=reminder-morning_pain-time]", "0:00").await;
    app.click("[data-testid=reminder-morning_pain-save]").await;
    app.wait_for_text("[data-testid=reminder-morning_pain-status]", "On: every morning after a run at 00:00.").await;
    assert_eq!(app.count("[data-testid=reminder-morning_pain-error]").await, 0);
    app.wait_for_text(&format!("[data-testid=reminder-exercises] .hint"), "Every day, at this time. Now off.").await;
    app.screenshot_sizes("week-03-reminder-set", Some("[data-testid=week-reminders]")).await;

    // Kept: the next launch reads it back, and, with yesterday's run not yet scored the morning
    // after, asks for that score as the app opens (the Log's prompt, scored on the run itself).
    app.quit().await;
    let app = display.launch().await;
    app.wait_for("[data-testid=missed-morning]").await;
    let asked = app.text("[data-testid=missed-morning]").await;
    assert!(asked.contains("3.3 km"), "{asked}");
    app.screenshot_sizes("week-04-morning-score-asked", None).await;
    app.click("[data-testid=missed-dismiss]").await;
    assert_eq!(app.count("[data-testid=missed-morning]").await, 0, "asked once");
    app.open_tab("plan").await;
    app.wait_for_text(&format!("{form} .hint"), "The morning after a run. Now at 00:00.").await;
    app.quit().await;
}
