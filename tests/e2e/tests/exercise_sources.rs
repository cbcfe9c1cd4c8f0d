//! The Exercises screen's references through the real window: an exercise shows the publications
//! behind it in full, as a physio would look them up, readable and uncut at the laptop and the
//! phone size.

use soleus_e2e::{Display, WINDOW_SIZES};

#[tokio::test(flavor = "multi_thread")]
async fn an_exercise_lists_its_publications_in_full_at_both_sizes() {
    let display = Display::start();
    let app = display.launch_with_profile("Ana").await;
    app.open_tab("exercises").await;
    app.wait_for("[data-testid=exercise-list]").await;
    app.click("[data-testid=exercise-card-single_leg_calf_raise]").await;
    app.wait_for_text("[data-testid=exercise-title]", "Single-leg calf raise").await;
    app.wait_for("[data-testid=exercise-sources]").await;
    let text = app.text("[data-testid=exercise-sources]").await;
    assert!(text.trim_start().starts_with("References"), "{text}");
    assert_eq!(app.count("[data-testid=exercise-sources] li").await, 3, "{text}");
    assert!(text.contains("Silbernagel KG, Thomee R") && text.contains("Am J Sports Med 2007") && text.contains("doi:10.1016/j.jsams.2008.12.628"), "{text}");
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
