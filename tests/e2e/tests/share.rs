//! Share and back up through the real window: the clinician report saved into the Downloads
//! folder with the profile's data in it, a backup saved, the entry deleted and restored from the
//! backup chosen in the window, a file that is not a backup refused; light and dark.

use serde_json::Value;
use soleus_e2e::{Display, Session};

/// Clicks an element of the scrolling screen once it is in the middle of the view.
async fn press(app: &Session, css: &str) {
    app.wait_for(css).await;
    app.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", vec![css.into()]).await;
    app.click(css).await;
}

/// The trimmed text of `css` once it is shown.
async fn text(app: &Session, css: &str) -> String {
    app.wait_for(css).await;
    app.text(css).await.trim().to_string()
}

async fn texts(app: &Session, css: &str) -> Vec<String> {
    let v = app.js("return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.trim())", vec![css.into()]).await;
    serde_json::from_value(v).unwrap()
}


/// Scrolls the part of the section named by `testid` into view (its end, for the restore part
/// and its message) and saves a screenshot.
async fn shoot(app: &Session, testid: &str, name: &str) {
    let script = "document.querySelector(`[data-testid=${arguments[0]}]`).scrollIntoView({ block: arguments[0] === 'share' ? 'start' : 'end' });";
    app.js(script, vec![testid.into()]).await;
    app.screenshot(name).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_runner_saves_a_report_backs_up_and_restores_a_deleted_score() {
    let (display, app) = Display::start_with_profile("Ana Runner").await;
    app.client().set_window_size(460, 860).await.unwrap();

    // One pain score through the Log form.
    app.click("[data-testid=tab-log]").await;
    press(&app, "[data-testid=score-6]").await;
    app.wait_for("[data-testid=pain-notes]").await;
    app.js("document.querySelector('[data-testid=pain-notes]').scrollIntoView({ block: 'center' });", vec![]).await;
    app.type_into("[data-testid=pain-notes]", "steep hill repeats").await;
    press(&app, "[data-testid=save-pain]").await;
    assert!(text(&app, "[data-testid=pain-saved]").await.starts_with("Saved: 6/10"));
    app.wait_for("[data-testid=history]").await;

    // The section says where files go and that nothing leaves the computer.
    let intro = text(&app, "[data-testid=share] .private").await;
    assert!(intro.contains("Downloads") && intro.contains("Nothing leaves this computer"), "{intro}");
    shoot(&app, "share", "share-01-before-light").await;
    app.set_theme("dark").await;
    shoot(&app, "share", "share-01-before-dark").await;

    // The report: written in Downloads, by full path, holding the profile's data.
    press(&app, "[data-testid=save-report]").await;
    let report = paths(&app).await.remove(0);
    let shown = text(&app, "[data-testid=saved-path]").await;
    assert!(shown.starts_with("Saved in your Downloads folder as “Soleus report - Ana Runner - ") && !shown.contains('/'), "no raw path on screen: {shown}");
    let downloads = display.downloads();
    assert!(report.starts_with(&downloads.display().to_string()), "{report} is in {downloads:?}");
    assert!(report.contains("Soleus report - Ana Runner - ") && report.ends_with(".html"), "{report}");
    assert_eq!(text(&app, "[data-testid=saved-holds]").await, "1 pain score, 0 runs, no saved check yet");
    let html = std::fs::read_to_string(&report).expect("the report file exists");
    assert!(html.contains("Calf and knee pain report: Ana Runner") && html.trim_end().ends_with("</html>"), "a whole report");
    assert!(html.contains("<h2>Pain over time</h2>\n<div class=\"keep\">\n<svg") && !html.contains("No pain scores in this period"), "the score is charted");
    shoot(&app, "share", "share-02-report-saved-dark").await;
    app.set_theme("light").await;
    shoot(&app, "share", "share-02-report-saved-light").await;

    // Saving again never replaces the first file.
    press(&app, "[data-testid=save-report]").await;
    let second = report.replace(".html", " (2).html");
    for _ in 0..50 {
        if paths(&app).await.first() == Some(&second) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(paths(&app).await, vec![second]);
    assert_eq!(std::fs::read_to_string(&report).unwrap(), html, "the first report is untouched");

    // CSV: two tables.
    press(&app, "[data-testid=save-csv]").await;
    app.wait_for("[data-testid=share-saved]").await;
    let csvs = paths(&app).await;
    assert_eq!(csvs.len(), 2, "{csvs:?}");
    let pain_csv = std::fs::read_to_string(&csvs[0]).unwrap();
    assert!(pain_csv.starts_with("recorded_at,score,moment,side,notes\n") && pain_csv.contains(",6,") && pain_csv.contains("steep hill repeats"));

    // The backup.
    press(&app, "[data-testid=save-backup]").await;
    let backup = paths(&app).await.remove(0);
    assert!(backup.starts_with(&downloads.display().to_string()) && backup.ends_with(".json"), "{backup}");
    assert_eq!(text(&app, "[data-testid=saved-holds]").await, "1 pain score, 0 training sessions, 0 saved checks, 0 exercises done");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&backup).unwrap()).unwrap();
    assert_eq!(json["profile"]["name"], "Ana Runner");
    assert_eq!(json["pain_entries"][0]["score"], 6);

    // Delete the score: the log is empty again.
    press(&app, "[data-testid=delete-entry]").await;
    press(&app, "[data-testid=confirm-delete-entry]").await;
    app.wait_for("[data-testid=log-empty]").await;

    // A file that is not a backup (the CSV) is refused with the core's message; nothing changes.
    app.wait_for("[data-testid=restore-input]").await.send_keys(&csvs[0]).await.expect("a file can be chosen");
    let refused = text(&app, "[data-testid=restore-error]").await;
    assert!(refused.contains("this backup cannot be restored: it is not a Soleus backup file"), "{refused}");
    shoot(&app, "restore-backup", "share-03-not-a-backup-light").await;
    assert!(app.client().find(fantoccini::Locator::Css("[data-testid=history]")).await.is_err(), "nothing was restored");

    // The backup restores the score into the same profile, and the log shows it again.
    // First it says whose backup it is and where it goes; a cancel restores nothing.
    app.wait_for("[data-testid=restore-input]").await.send_keys(&backup).await.expect("a file can be chosen");
    let preview = text(&app, "[data-testid=restore-preview]").await;
    assert!(preview.contains("a backup of “Ana Runner”: 1 pain score") && preview.contains("already here"), "{preview}");
    shoot(&app, "restore-backup", "share-03b-restore-preview-light").await;
    app.click("[data-testid=restore-cancel]").await;
    assert_eq!(app.count("[data-testid=restore-preview]").await, 0);
    assert!(app.client().find(fantoccini::Locator::Css("[data-testid=history]")).await.is_err(), "a cancel restores nothing");
    app.wait_for("[data-testid=restore-input]").await.send_keys(&backup).await.unwrap();
    app.click("[data-testid=restore-confirm]").await;
    app.wait_for_text("[data-testid=restore-message]", "Added 1 entry to “Ana Runner”.").await;
    app.wait_for("[data-testid=history]").await;
    let history = text(&app, "[data-testid=history] li").await;
    assert!(history.contains("Pain 6/10") && history.contains("steep hill repeats"), "{history}");
    shoot(&app, "restore-backup", "share-04-restored-light").await;

    // Restoring it again adds nothing.
    app.wait_for("[data-testid=restore-input]").await.send_keys(&backup).await.unwrap();
    app.click("[data-testid=restore-confirm]").await;
    app.wait_for_text("[data-testid=restore-message]", "Everything in this backup was already in “Ana Runner”; nothing changed.").await;
    assert_eq!(texts(&app, "[data-testid=history] li").await.len(), 1);

    // From another profile, with Ana's deleted: the backup brings her back as a new profile,
    // listed in the menu, and Ben's log stays empty.
    app.new_patient("Ben").await;
    app.switch_profile("Ana Runner").await;
    app.open_settings().await;
    app.click("[data-testid=delete-profile]").await;
    app.click("[data-testid=confirm-delete]").await;
    // After a delete nobody's record is open; Ben is found by name.
    app.wait_for("[data-testid=no-patient]").await;
    app.switch_profile("Ben").await;
    app.open_tab_showing("log", "[data-testid=log-empty]").await;
    app.wait_for("[data-testid=restore-input]").await.send_keys(&backup).await.unwrap();
    let preview = text(&app, "[data-testid=restore-preview]").await;
    assert!(preview.contains("restored as a new profile, “Ana Runner”"), "{preview}");
    app.click("[data-testid=restore-confirm]").await;
    app.wait_for_text(
        "[data-testid=restore-message]",
        "Restored into a new profile, “Ana Runner”: 1 entry added. Find “Ana Runner” by name in the menu at the top to see it.",
    )
    .await;
    assert!(app.client().find(fantoccini::Locator::Css("[data-testid=history]")).await.is_err(), "Ben's log is still empty");
    app.set_theme("dark").await;
    shoot(&app, "restore-backup", "share-05-restored-as-new-profile-dark").await;
    app.switch_profile("Ana Runner").await;
    app.open_tab("log").await;
    let history = text(&app, "[data-testid=history] li").await;
    assert!(history.contains("Pain 6/10") && history.contains("steep hill repeats"), "{history}");

    // Nothing else was written to Downloads: no temporary file left behind.
    let mut names: Vec<String> = std::fs::read_dir(&downloads).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("Soleus ")), "{names:?}");
    app.quit().await;
}

/// The full paths of the files just saved (kept out of sight in `data-path`; the screen names the
/// folder and the file).
async fn paths(app: &soleus_e2e::Session) -> Vec<String> {
    app.wait_for("[data-testid=saved-path]").await;
    let v = app.js("return [...document.querySelectorAll('[data-testid=saved-path]')].map(e => e.dataset.path)", vec![]).await;
    v.as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect()
}

