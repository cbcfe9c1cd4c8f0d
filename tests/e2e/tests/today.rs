//! The Plan's Today card and the PDF report through the real window: an urgent plan says don't
//! run and until when, a self-care plan says run; the clinic's name is a setting with its message
//! beside the field; one click makes a PDF whose text (pdftotext, poppler-utils) holds the check,
//! the plan and the clinic's name. Screenshots at 1280x800 and 460x760.

use soleus_e2e::{pdf_text, Display};

/// Public case p-008: a positive calf squeeze test; an Achilles rupture, urgent.
const URGENT: &str = r#"{"findings": {"age": 60, "sex": "male", "heel_raise": "weak", "tendon_thickening": true, "thompson_test": "positive", "ankle_reflex_reduced": true}}"#;
/// Public case p-001: gradual pain behind the knee, worse downhill; popliteus, self-care.
const SELF_CARE: &str = r#"{"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none", "knee_locking": false}}"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_plan_leads_with_one_answer_about_running_and_makes_a_pdf_report() {
    let display = Display::start();
    let app = display.launch_with_profile("Ana").await;
    app.quit().await;
    // A physio's check with notes, saved as the Check screen saves it.
    display.cli(&["--profile", "Ana", "log", "save-assessment", "--notes", "Gap palpable 4 cm above the heel; sent to the fracture clinic today."], URGENT);
    display.save_check("Ben", SELF_CARE);

    // Ana's urgent plan: Today says don't run, until a doctor has seen her, and no amount.
    let app = display.launch().await;
    app.switch_profile("Ana").await;
    app.open_tab("plan").await;
    app.wait_for("[data-testid=plan-today][data-run=no]").await;
    app.wait_for_text("[data-testid=today-headline]", "Don't run today.").await;
    let until = app.text("[data-testid=today-until]").await;
    assert!(until.contains("doctor"), "{until}");
    assert_eq!(app.count("[data-testid=today-amount]").await, 0, "no amount when running stops");
    // The card leads: it comes before the triage box and every section.
    let first = app.js("return document.querySelector('[data-testid=plan-today]').compareDocumentPosition(document.querySelector('[data-testid=plan-triage]')) & Node.DOCUMENT_POSITION_FOLLOWING", vec![]).await;
    assert_ne!(first, serde_json::json!(0), "Today precedes the triage box");
    app.screenshot_sizes("today-01-urgent", None).await;
    app.axe("plan with the Today card").await;

    // The clinic's name: only spaces is refused beside the field and nothing is saved.
    app.open_tab("log").await;
    app.scroll_to("[data-testid=clinic-name-form]").await;
    app.type_into("[data-testid=clinic-name]", "   ").await;
    app.click("[data-testid=clinic-name-save]").await;
    app.wait_for("[data-testid=clinic-name-error]").await;
    let refused = app.text("[data-testid=clinic-name-error]").await;
    assert!(refused.contains("only spaces"), "{refused}");
    app.screenshot_sizes("today-02-clinic-name-refused", Some("[data-testid=clinic-name-form]")).await;
    app.type_into("[data-testid=clinic-name]", "Northside Physio").await;
    app.click("[data-testid=clinic-name-save]").await;
    app.wait_for_text("[data-testid=clinic-name-form] .done", "Reports will say “Prepared by Northside Physio”.").await;

    // One click on the plan makes the PDF, saved in Downloads; the message names no path.
    app.open_tab("plan").await;
    app.click("[data-testid=report-pdf]").await;
    app.wait_for("[data-testid=report-pdf-saved]").await;
    let said = app.text("[data-testid=report-pdf-saved]").await;
    assert!(said.starts_with("Saved in your Downloads folder as “Soleus report - Ana - ") && !said.contains('/'), "{said}");
    app.screenshot_sizes("today-03-report-saved", Some("[data-testid=report-pdf]")).await;
    let pdfs: Vec<_> = std::fs::read_dir(display.downloads()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect();
    assert_eq!(pdfs.len(), 1, "{pdfs:?}");
    let text = pdf_text(&pdfs[0]);
    for part in [
        "Calf and knee pain report: Ana",
        "Prepared by Northside Physio on",
        "The check of",
        "The person's answers",
        "Examination findings",
        "Clinician's notes",
        "Gap palpable 4 cm above the heel; sent to the fracture clinic today.",
        "If this is: Achilles tendon rupture",
        "Pain at the key moment",
        "Weekly running distance",
        "Sources",
        "When to seek care",
    ] {
        assert!(text.contains(part), "the PDF lacks '{part}':\n{text}");
    }
    let lower = text.to_lowercase();
    for word in ["json", "sqlite", "engine", "seed 0", "references.md"] {
        assert!(!lower.contains(word), "the PDF shows '{word}'");
    }

    // Ben's self-care plan (popliteus, no score yet): Today says run, on the flat, the parameter
    // his plan cuts first.
    app.switch_profile("Ben").await;
    app.open_tab("plan").await;
    app.wait_for("[data-testid=plan-today][data-run=less]").await;
    let headline = app.text("[data-testid=today-headline]").await;
    assert!(headline.starts_with("Run") && headline.contains("hills"), "{headline}");
    assert_eq!(app.count("[data-testid=today-until]").await, 0);
    app.screenshot_sizes("today-04-self-care", None).await;
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
