//! The exercises' references through the real window: an exercise shows the publications behind
//! it in full, as a physio would look them up, readable and uncut at the laptop and the phone
//! size; a plan's exercise cards point to them in the plan's numbered sources.

use soleus_e2e::{Display, WINDOW_SIZES};
use soleus_e2e::cases::SELF_CARE;

#[tokio::test(flavor = "multi_thread")]
async fn an_exercise_lists_its_publications_in_full_at_both_sizes() {
    let (_display, app) = Display::start_with_profile("Ana").await;
    app.open_tab_showing("exercises", "[data-testid=exercise-list]").await;
    app.click("[data-testid=exercise-card-single_leg_calf_raise]").await;
    app.wait_for_text("[data-testid=exercise-title]", "Single-leg calf raise").await;
    app.wait_for("[data-testid=exercise-sources]").await;
    let text = app.text("[data-testid=exercise-sources]").await;
    assert!(text.trim_start().starts_with("References"), "{text}");
    assert_eq!(app.count("[data-testid=exercise-sources] li").await, 4, "{text}");
    assert!(text.contains("Silbernagel KG, Thomee R") && text.contains("Am J Sports Med 2007") && text.contains("doi:10.1016/j.jsams.2008.12.628") && text.contains("Lunsford BR, Perry J"), "{text}");
    assert!(!text.to_lowercase().contains("seed"), "{text}");
    for (w, h) in WINDOW_SIZES {
        app.resize(w, h).await;
        app.scroll_to("[data-testid=exercise-sources]").await;
        // Nothing cut off or cramped: the list wraps within the window (a long DOI included) and
        // its text is at least 14 px.
        let fit = app
            .js(
                "const ol = document.querySelector('[data-testid=exercise-sources] ol'); const r = ol.getBoundingClientRect(); \
                 return [ol.scrollWidth <= ol.clientWidth + 1, r.left >= 0 && r.right <= innerWidth, parseFloat(getComputedStyle(ol).fontSize)]",
                vec![],
            )
            .await;
        assert_eq!((fit[0].as_bool(), fit[1].as_bool()), (Some(true), Some(true)), "at {w}x{h}: {fit}");
        assert!(fit[2].as_f64().unwrap() >= 14.0, "at {w}x{h}: the references are {} px", fit[2]);
        app.screenshots(&format!("exercise-sources-{w}x{h}"), Some("[data-testid=exercise-sources]")).await;
    }
    app.axe("an exercise's references").await;
    app.quit().await;
}


#[tokio::test(flavor = "multi_thread")]
async fn a_plans_exercise_cards_cite_their_publications_in_its_source_list() {
    let display = Display::start();
    display.profile_with_check("Ben", SELF_CARE).await;
    // Ben is the one record: the app reopens it.
    let app = display.launch().await;
    app.wait_for_text("[data-testid=active-profile] .name", "Ben").await;
    app.open_tab("plan").await;
    app.wait_for_text("[data-testid=plan-title]", "If this is: Popliteus strain or tendinopathy").await;
    app.click_and_wait("[data-testid=plan-section-rehab] summary", "[data-testid=plan-exercise-heel_slides] .cites").await;
    // Each card's marks are numbers of the plan's own list, and heel slides' are the knee
    // osteoarthritis publications it cites (Fransen's Cochrane review, NICE NG226).
    let marks = app
        .js(
            "return [...document.querySelectorAll('[data-testid^=plan-exercise-] .cites')].map((c) => c.textContent.trim().replace(/[\\[\\]]/g, '').split(', ').map(Number))",
            vec![],
        )
        .await;
    let listed = app.count("[data-testid=plan-sources] li").await;
    let cards = marks.as_array().unwrap();
    assert!(cards.len() >= 5, "every exercise card cites: {marks}");
    for n in cards.iter().flat_map(|c| c.as_array().unwrap()) {
        let n = n.as_u64().unwrap();
        assert!(n >= 1 && n <= listed, "mark {n} of {listed} sources");
    }
    let heel = app.text("[data-testid=plan-exercise-heel_slides] .cites").await;
    let numbers: Vec<String> = heel.trim().trim_matches(|c| c == '[' || c == ']').split(", ").map(str::to_string).collect();
    let cited: Vec<String> = sources_numbered(&app, &numbers).await;
    assert!(cited.iter().any(|t| t.starts_with("Fransen M")) && cited.iter().any(|t| t.starts_with("NICE NG226")), "{heel}: {cited:?}");
    for (w, h) in WINDOW_SIZES {
        app.resize(w, h).await;
        app.screenshots(&format!("exercise-sources-plan-{w}x{h}"), Some("[data-testid=plan-exercise-heel_slides]")).await;
    }
    app.axe("a plan's exercise cards with their source marks").await;
    app.quit().await;
}

/// The plan's sources numbered `numbers`, as listed.
async fn sources_numbered(app: &soleus_e2e::Session, numbers: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for n in numbers {
        out.push(app.text(&format!("[data-testid=plan-sources] li[id='source-{n}']")).await);
    }
    out
}
