//! A physio confirms the cause on a saved check through the real window (issue 12 item 3): the
//! plan reads "If this is ..." until then; a name of only spaces is refused beside the field and
//! nothing is saved; once confirmed, the plan's title is the cause with who confirmed it and when,
//! and the PDF report's text says so with who examined. The recurrence protocol leads with its
//! Today card. Screenshots at 1280x800 and 460x760.

use soleus_e2e::{pdf_text, Display};

/// Public case p-001: gradual pain behind the knee, worse downhill; popliteus, self-care.
const KNEE: &str = r#"{"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true, "swelling": "none", "knee_locking": false, "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false}}"#;

/// Text with every run of white space made one space (markup and PDF lines break where they like).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_physio_confirms_the_cause_and_the_plan_and_report_follow() {
    let (display, app) = Display::start_with_profile("Ana").await;
    app.quit().await;
    // A physio's check, saved as the window saves it, naming who examined.
    display.cli(&["--profile", "Ana", "log", "save-assessment", "--examined-by", "Sam Lee", "--notes", "Tender over the popliteus."], KNEE);

    let app = display.launch().await;
    // Until a clinician confirms it, the plan is conditional.
    app.open_tab_showing("plan", "[data-testid=plan-title]").await;
    let title = app.text("[data-testid=plan-title]").await;
    assert!(title.starts_with("If this is: "), "{title}");

    // The confirmation lives with the saved check's examination, not on the runner's path.
    app.open_tab("check").await;
    app.click("[data-testid=last-open]").await;
    app.wait_for_text("[data-testid=examined-by]", "Examined by Sam Lee.").await;
    app.wait_for("[data-testid=confirm-pending]").await;
    app.click_and_wait("[data-testid=confirm-open]", "[data-testid=confirm-form]").await;
    // Another of the causes Soleus knows, not the listed first one.
    app.click("[data-testid=confirm-choice-other]").await;
    let cause = app
        .js(
            "const s = document.querySelector('[data-testid=confirm-other]'); const o = [...s.options].find((o) => o.value); \
             s.value = o.value; s.dispatchEvent(new Event('change', { bubbles: true })); return o.textContent.trim()",
            vec![],
        )
        .await;
    let cause = cause.as_str().unwrap().to_string();

    // Only spaces: refused beside the field, nothing saved.
    app.type_into("[data-testid=confirm-by]", "    ").await;
    let refused = app.refusal("[data-testid=confirm-save]", "[data-testid=confirm-name-error]").await;
    assert!(refused.contains("only spaces"), "{refused}");
    let described = app.js("return document.querySelector('[data-testid=confirm-by]').getAttribute('aria-describedby')", vec![]).await;
    assert_eq!(described, serde_json::json!("confirm-by-error"));
    // The form never makes the screen scroll sideways (a long cause's name in the list), at either
    // size; on failure, the elements whose hiding would stop it are named.
    for (w, h) in soleus_e2e::WINDOW_SIZES {
        app.resize(w, h).await;
        let wide = app
            .js(
                "const m = document.querySelector('main'); if (m.scrollWidth <= m.clientWidth) return ''; \
                 const fix = []; for (const e of m.querySelectorAll('*')) { const d = e.style.display; e.style.display = 'none'; \
                   if (m.scrollWidth <= m.clientWidth) fix.push(e.tagName + '.' + e.className + '#' + (e.dataset.testid || '')); e.style.display = d; } \
                 return 'fixed by hiding: ' + fix.slice(-8).join(', ')",
                vec![],
            )
            .await;
        assert_eq!(wide, serde_json::json!(""), "at {w}x{h}, the screen scrolls sideways");
    }
    app.screenshot_sizes("confirm-01-name-refused", Some("[data-testid=confirm-cause]")).await;
    app.axe("a saved check's confirmation form").await;

    app.type_into("[data-testid=confirm-by]", "Jo Park").await;
    app.click_and_wait("[data-testid=confirm-save]", "[data-testid=confirmed-cause]").await;
    let line = flat(&app.text("[data-testid=confirmed-cause]").await);
    assert!(line.starts_with(&format!("{cause}, confirmed by Jo Park on ")), "{line}");
    app.screenshot_sizes("confirm-02-confirmed", Some("[data-testid=confirm-cause]")).await;

    // The check's plan is now the confirmed cause's, signed and dated.
    app.click_and_wait("[data-testid=saved-plan]", "[data-testid=plan-title]").await;
    let title = flat(&app.text("[data-testid=plan-title]").await);
    assert!(title.starts_with(&format!("{cause}: confirmed by Jo Park on ")), "{title}");
    assert!(!title.contains("If this is"), "{title}");
    app.wait_for("[data-testid=plan-today]").await;
    app.screenshot_sizes("confirm-03-plan", None).await;
    app.axe("a confirmed plan").await;

    // The PDF report says who confirmed which cause, and who examined. (The window is narrow
    // here: the button is brought to the middle, clear of the tab bar along the bottom.)
    let button = "[data-testid=screen-plan] [data-testid=report-pdf]";
    app.js("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", vec![button.into()]).await;
    app.click(button).await;
    app.wait_for("[data-testid=screen-plan] [data-testid=report-pdf-saved]").await;
    let pdfs: Vec<_> = std::fs::read_dir(display.downloads()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect();
    assert_eq!(pdfs.len(), 1, "{pdfs:?}");
    let text = pdf_text(&pdfs[0]);
    // pdftotext may wrap a long heading: compare with runs of white space made one.
    let pdf = flat(&text);
    for part in ["Cause confirmed by Jo Park on".to_string(), format!("{cause}: confirmed by Jo Park on"), "Examined by Sam Lee.".into(), "Tender over the popliteus.".into()] {
        assert!(pdf.contains(&part), "the PDF lacks '{part}':\n{text}");
    }
    assert!(!pdf.contains("If this is"), "a confirmed plan is not conditional:\n{text}");

    // Back on the Check tab, the last check names the confirmed cause and who confirmed it.
    app.open_tab("check").await;
    app.js("document.querySelector('[data-testid=saved-back]')?.click()", vec![]).await;
    app.wait_for_text("[data-testid=last-top]", &cause).await;
    let said = flat(&app.text("[data-testid=last-check] dl").await);
    assert!(said.contains("Cause confirmed by Jo Park"), "{said}");
    app.open_tab("plan").await;

    // The recurrence protocol answers "can I run today?" like every plan.
    app.click_and_wait("[data-testid=plan-tweak]", "[data-testid=tweak-title]").await;
    app.wait_for("[data-testid=plan-today][data-run=no]").await;
    let headline = app.text("[data-testid=today-headline]").await;
    assert!(headline.starts_with("Don't run today"), "{headline}");
    app.screenshot_sizes("confirm-04-tweak-today", Some("[data-testid=tweak-title]")).await;
    app.quit().await;
}
