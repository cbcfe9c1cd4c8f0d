//! The Plan's Today card and the PDF report through the real window: an urgent plan says don't
//! run and until when, a self-care plan says run; the clinic's name is a setting with its message
//! beside the field; one click, on the plan or on the saved check, makes a private PDF that the
//! app hands to the system's viewer (a fake `xdg-open` first on its PATH records the call) and
//! whose text (pdftotext, poppler-utils) holds the answers in the questionnaire's words, the
//! examination, the notes, the result, the plan, both charts and the clinic's name.
//! Screenshots at 1280x800 and 460x760.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use soleus_e2e::{pdf_text, screenshot_dir, Display};
use soleus_e2e::cases::{URGENT, SELF_CARE};

/// Text with every run of white space made one space (PDF lines break where they like).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDFs in Downloads, by name.
fn pdfs(display: &Display) -> Vec<PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(display.downloads()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect();
    found.sort();
    found
}

/// Waits until the fake viewer has been called `n` times, and returns the calls.
async fn opened(display: &Display, n: usize) -> Vec<String> {
    for _ in 0..50 {
        if display.opened().len() >= n {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    display.opened()
}

/// A PDF readable by its owner only, and handed to the viewer as `xdg-open [its path]`.
fn private_and_opened(pdf: &std::path::Path, call: &str) {
    let mode = std::fs::metadata(pdf).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{} is private", pdf.display());
    assert_eq!(call, format!("xdg-open [{}]", pdf.display()), "the viewer was asked to open the report itself");
}


#[tokio::test(flavor = "multi_thread")]
async fn the_plan_leads_with_one_answer_about_running_and_makes_a_pdf_report() {
    let (display, app) = Display::start_with_profile("Ana").await;
    app.quit().await;
    // A physio's check with notes, saved as the Check screen saves it.
    display.cli(&["--profile", "Ana", "log", "save-assessment", "--notes", "Gap palpable 4 cm above the heel; sent to the fracture clinic today."], URGENT);
    display.save_check("Ben", SELF_CARE);
    // A pain score and a run yesterday, so that both of the report's charts have something to draw.
    display.cli(&["--profile", "Ana", "log", "add", "--score", "6", "--moment", "next morning"], "");
    let yesterday = std::process::Command::new("date").args(["-u", "-d", "yesterday", "+%b %-d, %Y, 7:00:00 AM"]).output().unwrap();
    let yesterday = String::from_utf8(yesterday.stdout).unwrap();
    let runs = tempfile::tempdir().unwrap();
    let csv = runs.path().join("activities.csv");
    std::fs::write(&csv, format!("Activity Date,Activity Type,Elapsed Time,Distance,Elevation Gain\n\"{}\",Run,2640,8,40\n", yesterday.trim())).unwrap();
    display.cli(&["--profile", "Ana", "log", "import", csv.to_str().unwrap()], "");

    // Ana's urgent plan: Today says don't run, until a doctor has seen her, and no amount.
    let app = display.launch().await;
    app.switch_profile("Ana").await;
    app.open_tab_showing("plan", "[data-testid=plan-today][data-run=no]").await;
    app.wait_for_text("[data-testid=today-headline]", "Don't run today.").await;
    let until = app.text("[data-testid=today-until]").await;
    assert!(until.contains("doctor"), "{until}");
    assert_eq!(app.count("[data-testid=today-amount]").await, 0, "no amount when running stops");
    // The card leads: it comes before the triage box and every section.
    let first = app.js("return document.querySelector('[data-testid=plan-today]').compareDocumentPosition(document.querySelector('[data-testid=plan-triage]')) & Node.DOCUMENT_POSITION_FOLLOWING", vec![]).await;
    assert_ne!(first, serde_json::json!(0), "Today precedes the triage box");
    app.screenshot_sizes("today-01-urgent", None).await;
    app.axe("plan with the Today card").await;

    // The clinic's name: saved, then only spaces is refused beside the field and nothing is
    // saved (the report below is still "Prepared by Northside Physio").
    app.open_tab("log").await;
    app.scroll_to("[data-testid=clinic-name-form]").await;
    app.type_into("[data-testid=clinic-name]", "Northside Physio").await;
    app.click("[data-testid=clinic-name-save]").await;
    app.wait_for_text("[data-testid=clinic-name-form] .done", "Reports will say “Prepared by Northside Physio”.").await;
    app.type_into("[data-testid=clinic-name]", "   ").await;
    let refused = app.refusal("[data-testid=clinic-name-save]", "[data-testid=clinic-name-error]").await;
    assert!(refused.contains("only spaces"), "{refused}");
    app.screenshot_sizes("today-02-clinic-name-refused", Some("[data-testid=clinic-name-form]")).await;

    // One click on the plan makes the PDF, saved in Downloads and handed to the system's viewer;
    // the message names no path.
    app.open_tab("plan").await;
    assert!(display.opened().is_empty(), "nothing opened before the click");
    app.click_and_wait("[data-testid=screen-plan] [data-testid=report-pdf]", "[data-testid=screen-plan] [data-testid=report-pdf-saved]").await;
    let said = app.text("[data-testid=screen-plan] [data-testid=report-pdf-saved]").await;
    assert!(said.starts_with("Saved in your Downloads folder as “Soleus report - Ana - ") && !said.contains('/'), "{said}");
    assert!(said.ends_with("Opening it in your PDF viewer."), "{said}");
    app.screenshot_sizes("today-03-report-saved", Some("[data-testid=report-pdf]")).await;
    app.axe("the plan with its report saved").await;
    let made = pdfs(&display);
    assert_eq!(made.len(), 1, "{made:?}");
    let calls = opened(&display, 1).await;
    assert_eq!(calls.len(), 1, "one report, one viewer: {calls:?}");
    private_and_opened(&made[0], &calls[0]);
    // Kept beside the screenshots, for people to look at the report itself.
    std::fs::copy(&made[0], screenshot_dir().join("today-report.pdf")).unwrap();
    let text = pdf_text(&made[0]);
    let pdf = flat(&text);
    for part in [
        "Calf and knee pain report: Ana",
        "Prepared by Northside Physio on",
        // The check, its result and its plan.
        "The check of",
        "If this is: Achilles tendon rupture",
        "Achilles tendon rupture",
        "See a doctor today",
        // The person's answers and the examination, each in the questionnaire's words.
        "The person's answers",
        "Male",
        "Examination findings",
        "Standing on the sore leg with the knee straight, can you rise onto your toes? \u{2014} Weakly: fewer or lower than the other side",
        "Positive: the foot does not point when the calf is squeezed",
        // The clinician's notes.
        "Clinician's notes",
        "Gap palpable 4 cm above the heel; sent to the fracture clinic today.",
        // Both charts, with their captions and scales.
        "Pain at the key moment",
        "Weekly running distance",
        "8.0 km",
        "Sources",
        "When to seek care",
    ] {
        assert!(pdf.contains(part), "the PDF lacks '{part}':\n{text}");
    }
    for empty in ["No pain scores in this period", "No running distance logged in this period", "No examination was recorded", "No notes."] {
        assert!(!pdf.contains(empty), "the PDF says '{empty}':\n{text}");
    }
    let lower = text.to_lowercase();
    for word in ["json", "sqlite", "engine", "seed 0", "references.md", "thompson_test", "heel_raise", "_"] {
        assert!(!lower.contains(word), "the PDF shows '{word}':\n{text}");
    }

    // The same from the saved check itself (Check tab, its whole result, its report): a second file,
    // also opened; the first is kept.
    app.open_tab("check").await;
    app.click_and_wait("[data-testid=last-open]", "[data-testid=saved-title]").await;
    app.click_and_wait("[data-testid=screen-check] [data-testid=report-pdf]", "[data-testid=screen-check] [data-testid=report-pdf-saved]").await;
    app.screenshot_sizes("today-03b-report-from-check", Some("[data-testid=saved-title]")).await;
    let made = pdfs(&display);
    assert_eq!(made.len(), 2, "{made:?}");
    let calls = opened(&display, 2).await;
    assert_eq!(calls.len(), 2, "{calls:?}");
    let second = made.iter().find(|p| p.to_string_lossy().contains(" (2).pdf")).expect("a second file, the first kept");
    private_and_opened(second, &calls[1]);
    let again = flat(&pdf_text(second));
    assert!(again.contains("Gap palpable 4 cm above the heel") && again.contains("Prepared by Northside Physio"), "{again}");

    // Ben's self-care plan (popliteus, no score yet): Today says run, on the flat, the parameter
    // his plan cuts first.
    app.switch_profile("Ben").await;
    app.open_tab_showing("plan", "[data-testid=plan-today][data-run=less]").await;
    let headline = app.text("[data-testid=today-headline]").await;
    assert!(headline.starts_with("Run") && headline.contains("hills"), "{headline}");
    assert_eq!(app.count("[data-testid=today-until]").await, 0);
    app.screenshot_sizes("today-04-self-care", None).await;
    app.axe("a self-care plan with the Today card").await;
    // At 1280 wide the rehab exercises sit beside the rest of the plan.
    app.resize(1280, 800).await;
    app.click("[data-testid=plan-section-rehab] summary").await;
    let side_by_side = app
        .js(
            "const a = document.querySelector('[data-testid=plan-section-now]').getBoundingClientRect(); \
             const b = document.querySelector('[data-testid=plan-exercises-column]').getBoundingClientRect(); \
             return b.left >= a.right - 1",
            vec![],
        )
        .await;
    assert_eq!(side_by_side, serde_json::json!(true), "the exercises column is beside the plan at 1280 px");
    app.screenshot_sizes("today-05-self-care-rehab", Some("[data-testid=plan-section-rehab]")).await;
    app.quit().await;
}
