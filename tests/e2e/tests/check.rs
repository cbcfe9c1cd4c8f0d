//! The Check screen through the real window: an interview driven from a scripted case (each
//! question read from the card's `data-key`, "Not sure" for anything the script does not know),
//! to an urgent result with its warning sign, saved and followed to the plan; a sparse case
//! that settles on self-care; an emergency answer that ends the check; and a physio's
//! examination after "that's enough", with notes saved and read back. Screenshots in light and
//! dark, and at a laptop's 1280x800 and a narrow 460x760 window.

use serde_json::{Value, json};
use soleus_e2e::{Display, Session};

/// The first element matching `css`: its `data-NAME` attribute (or its text for "text").
async fn read(app: &Session, css: &str, what: &str) -> Value {
    let script = "const e = document.querySelector(arguments[0]); \
        return e ? (arguments[1] === 'text' ? e.textContent : e.dataset[arguments[1]]) : null;";
    app.js(script, vec![css.into(), what.into()]).await
}

/// The question on screen now (key, type), or None once the engine has enough to go on.
async fn current(app: &Session, previous: Option<&str>) -> Option<(String, String)> {
    for _ in 0..100 {
        let seen = app.js("const q = document.querySelector('[data-testid=question]'); \
            if (q) return [q.dataset.key, q.dataset.type]; \
            return document.querySelector('[data-testid=enough]') ? 'enough' : null;", vec![]).await;
        match seen {
            Value::Array(kt) if kt[0].as_str() != previous => return Some((kt[0].as_str().unwrap().into(), kt[1].as_str().unwrap().into())),
            Value::String(s) if s == "enough" => return None,
            _ => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
        }
    }
    app.screenshot("FAILED").await;
    panic!("the interview did not move past {previous:?}");
}

/// Answers every question the engine asks from `script`, "Not sure" to the rest, until it has
/// enough; `at` is called on each question before it is answered (for screenshots). Returns the
/// keys asked, in order.
async fn interview(app: &Session, script: &Value, mut at: impl AsyncFnMut(&Session, &str)) -> Vec<String> {
    let mut asked: Vec<String> = Vec::new();
    while let Some((key, kind)) = current(app, asked.last().map(String::as_str)).await {
        assert!(!asked.contains(&key), "{key} was asked twice: {asked:?}");
        assert!(asked.len() < 80, "the interview does not end: {asked:?}");
        at(app, &key).await;
        match (script.get(&key), kind.as_str()) {
            (None, _) => app.click("[data-testid=not-sure]").await,
            (Some(Value::Bool(b)), "bool") => app.click(if *b { "[data-testid=answer-yes]" } else { "[data-testid=answer-no]" }).await,
            (Some(Value::String(v)), "enum") if key == "location" => app.click(&format!("[data-testid=region-{v}]")).await,
            (Some(Value::String(v)), "enum") => app.click(&format!("[data-testid=choice-{v}]")).await,
            (Some(n), "integer" | "number") => {
                app.type_into("[data-testid=number-input]", &n.to_string()).await;
                app.click("[data-testid=number-submit]").await;
            }
            (Some(v), k) => panic!("script answer {v} does not fit {key} ({k})"),
        }
        asked.push(key);
    }
    asked
}

/// Photographs the start screen as `shot`, then begins a runner's check.
async fn start_runner_check(app: &Session, shot: &str) {
    app.wait_for("[data-testid=start-runner]").await;
    app.screenshot(shot).await;
    app.click("[data-testid=start-runner]").await;
}

/// Leaves the check with `close` and waits for the start screen to sum the saved check up by its
/// triage.
async fn back_at_start(app: &Session, close: &str, triage: &str) {
    app.click(close).await;
    app.wait_for_text("[data-testid=last-triage]", triage).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_runner_with_a_pop_and_a_gap_above_the_heel_is_sent_to_a_doctor_today_and_sees_the_plan() {
    let (_display, app) = Display::start_with_profile("Ana Runner").await;
    start_runner_check(&app, "check-01-start-light").await;

    // The first question is a warning sign, and says why it comes first.
    app.wait_for("[data-testid=question] [data-testid=red-flag-reason]").await;
    app.screenshot("check-02-question-light").await;

    let script = json!({"onset": "sudden", "pop": true, "palpable_gap": true, "heel_raise": "unable", "location": "achilles",
        "mechanism": "push_off", "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false,
        "saddle_numbness_or_bladder": false, "age": 42});
    let asked = interview(&app, &script, async |app, key| {
        if key == "location" {
            app.wait_for("[data-testid=body-map] [data-testid=region-achilles]").await;
            app.screenshot("check-03-body-map-light").await;
        }
    })
    .await;
    assert!(asked.contains(&"location".to_string()), "where it hurts was asked: {asked:?}");
    assert!(!asked.iter().any(|k| k == "thompson_test"), "a runner alone is not asked an examination test");

    // Urgent, with the Achilles warning sign, above everything else; the rupture leads.
    assert_eq!(read(&app, "[data-testid=triage-banner]", "triage").await, json!("urgent"));
    let flag = read(&app, "[data-testid=red-flag]", "text").await;
    assert!(flag.as_str().unwrap().contains("torn Achilles tendon"), "{flag}");
    assert_eq!(read(&app, ".screen [data-testid]", "testid").await, json!("triage-banner"), "an urgent result comes first");
    assert_eq!(read(&app, "[data-testid=cause]", "condition").await, json!("achilles_rupture"));
    // The chance in words, never a figure unless asked.
    let words = read(&app, "[data-testid=cause] [data-testid=chance-words]", "text").await;
    assert!(["very likely", "likely", "possible", "less likely"].contains(&words.as_str().unwrap()), "{words}");
    assert!(!app.text("[data-testid=differential]").await.contains('%'), "no figure until asked");
    app.screenshots("check-04-red-flag", Some("[data-testid=triage-banner]")).await;

    // A look at another tab mid-check does not lose it.
    app.open_tab("exercises").await;
    app.click_and_wait("[data-testid=tab-check]", "[data-testid=enough]").await;
    assert_eq!(read(&app, "[data-testid=triage-banner]", "triage").await, json!("urgent"));

    // An answer can be changed from the list: back pain becomes "yes" and the result is
    // reassessed. (The interview settles on the heel raise and the tendon's pain before it needs
    // to ask about a pop, so the pop is not among the answers to change.)
    app.scroll_to("[data-testid=answer-list]").await;
    app.click("[data-testid=answer-list] summary").await;
    app.click_and_wait("[data-testid=answer-row][data-key=back_pain] [data-testid=change-answer]", "[data-testid=question][data-key=back_pain]").await;
    app.click("[data-testid=answer-yes]").await;
    app.wait_for_text("[data-testid=answer-row][data-key=back_pain] strong", "Yes").await;
    // The engine may have new questions after the change: the interview carries on to the end.
    let mut script = script;
    script["back_pain"] = json!(true);
    interview(&app, &script, async |_, _| {}).await;
    let triage = read(&app, "[data-testid=triage-banner]", "triage").await;
    assert_eq!(triage, json!("urgent"), "back pain beside a torn Achilles tendon keeps it urgent");

    // Finish: saved, then on to the plan.
    app.click_and_wait("[data-testid=finish-check]", "[data-testid=check-saved]").await;
    app.click_and_wait("[data-testid=see-plan]", "[data-testid=screen-plan]").await;
    // The plan is this check's: its cause, its urgency.
    app.wait_for_text("[data-testid=plan-title]", "If this is: Achilles tendon rupture").await;
    assert!(app.text("[data-testid=plan-triage]").await.contains("See a doctor today"));
    app.screenshot("check-05-plan-after-check-dark").await;
    let plan_date = app.text("[data-testid=plan-date]").await;

    // Back on Check, the saved check is summed up.
    back_at_start(&app, "[data-testid=tab-check]", "Urgent: see a doctor today").await;
    app.wait_for_text("[data-testid=last-top]", "Achilles tendon rupture").await;
    // Dated in the same words as the plan's header.
    let date = app.text("[data-testid=last-date]").await;
    assert!(date.ends_with("(today)") && plan_date.ends_with(&date), "check says {date:?}, plan says {plan_date:?}");
    app.screenshot("check-06-last-check-dark").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sparse_gradual_knot_settles_on_self_care_with_no_warning_sign() {
    let (_display, app) = Display::start_with_profile("Ana Runner").await;
    app.set_theme("dark").await;
    start_runner_check(&app, "check-01-start-dark").await;

    // A number out of range is refused beside the field, naming the range, and nothing is sent.
    let script = json!({"onset": "gradual", "knot": true, "location": "mid_calf", "training_increase": true, "chest_symptoms": false,
        "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false,
        "run_pattern": "builds_eases_fast", "pop": false, "swelling": "none", "heel_raise": "normal", "days_since_onset": 10, "age": 35});
    let mut shots = 0;
    let asked = interview(&app, &script, async |app, key| {
        if shots == 0 {
            app.screenshot("check-02-question-dark").await;
        }
        if key == "location" {
            app.screenshot("check-03-body-map-dark").await;
        }
        if key == "days_since_onset" {
            app.type_into("[data-testid=number-input]", "5000").await;
            app.click("[data-testid=number-submit]").await;
            app.wait_for_text("[data-testid=number-error]", "5000 is outside the range. Type a whole number from 0 to 3650.").await;
            app.screenshot("check-09-number-error-dark").await;
        }
        shots += 1;
    })
    .await;
    assert!(asked.contains(&"days_since_onset".to_string()), "a number was asked: {asked:?}");

    assert_eq!(read(&app, "[data-testid=triage-banner]", "triage").await, json!("self_care"));
    assert_eq!(read(&app, "[data-testid=red-flag]", "id").await, Value::Null, "no warning sign");
    assert_eq!(read(&app, "[data-testid=cause]", "condition").await, json!("calf_overload"));
    // The not-a-diagnosis notice ends the result, once.
    app.wait_for("[data-testid=check-result] [data-testid=care-notice]").await;
    assert_eq!(app.count("[data-testid=care-notice]").await, 1, "one care notice on the result");
    // No clot score for a runner's knot: the Wells card is for a physio or a clot on the list.
    assert_eq!(app.count("[data-testid=wells]").await, 0, "no Wells card for a knot");
    app.screenshots("check-07-self-care", Some("[data-testid=enough]")).await;
    app.screenshots("check-08-differential", Some("[data-testid=differential]")).await;
    app.click_and_wait("[data-testid=finish-check]", "[data-testid=see-plan]").await;
    app.screenshot("check-10-saved-dark").await;
    back_at_start(&app, "[data-testid=new-check]", "Self-care").await;

    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_physio_examining_a_swollen_calf_after_a_long_journey_is_asked_the_examination_and_sees_wells() {
    let (_display, app) = Display::start_with_profile("Ana Runner").await;
    app.click("[data-testid=start-physio]").await;
    let script = json!({"swelling": "whole_calf", "recent_immobilisation": true, "onset": "gradual", "chest_symptoms": false,
        "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false, "tender_deep_veins": true,
        "calf_circumference_diff_cm": 3.5, "pitting_oedema": true, "alternative_diagnosis_likely": false, "location": "whole_calf"});
    let mut examined = Vec::new();
    let mut hows = Vec::new();
    interview(&app, &script, async |app, key| {
        if read(app, "[data-testid=question] [data-testid=exam-tag]", "text").await != Value::Null {
            examined.push(key.to_string());
            // Each examination test says how to do it, under the question.
            hows.push(read(app, "[data-testid=question] [data-testid=exam-how]", "text").await);
            if examined.len() == 1 {
                app.screenshots("check-12a-physio-how-to-test", Some("[data-testid=question]")).await;
            }
        }
    })
    .await;
    // The interview stops once the clot has made the advice urgent (no answer can lower it); the
    // examination that scores the clot is then asked from the Wells card below.
    for (key, how) in examined.iter().zip(&hows) {
        assert!(how.as_str().is_some_and(|h| h.starts_with("How to test: ") && h.len() > 40), "{key}: {how}");
    }
    assert_eq!(read(&app, "[data-testid=triage-banner]", "triage").await, json!("urgent"));
    assert_eq!(read(&app, "[data-testid=cause]", "condition").await, json!("dvt"));
    // The engine had enough before every Wells item was asked: the score reads incomplete (never
    // a half score as reassurance) and offers the items still to answer.
    assert_eq!(read(&app, "[data-testid=wells]", "state").await, json!("incomplete"));
    let says = app.text("[data-testid=wells-says]").await;
    assert!(says.starts_with("Incomplete: ") && says.contains(" of 10 items"), "{says}");
    assert!(!app.text("[data-testid=wells]").await.contains("less likely"));
    app.screenshots("check-12-physio-wells", Some("[data-testid=wells]")).await;
    let missing = app.js("return [...document.querySelectorAll('[data-testid=wells-missing]')].map(l => l.dataset.key)", vec![]).await;
    assert!(missing.as_array().unwrap().contains(&json!("tender_deep_veins")), "the deep-vein test is offered: {missing}");
    app.js("document.querySelector('[data-testid=wells-missing-list]').open = true", vec![]).await;
    app.click_and_wait("[data-testid=wells-missing][data-key=tender_deep_veins] [data-testid=wells-ask]", "[data-testid=question][data-key=tender_deep_veins]").await;
    // Asked as an examination test, with how to do it.
    assert_ne!(read(&app, "[data-testid=question] [data-testid=exam-tag]", "text").await, Value::Null);
    let how = read(&app, "[data-testid=question] [data-testid=exam-how]", "text").await;
    assert!(how.as_str().is_some_and(|h| h.starts_with("How to test: ") && h.len() > 40), "{how}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_yes_to_chest_symptoms_ends_the_check_with_one_instruction_and_the_answers_saved() {
    let (_display, app) = Display::start_with_profile("Ana Runner").await;
    app.resize(1280, 800).await;
    app.click_and_wait("[data-testid=start-runner]", "[data-testid=question][data-key=chest_symptoms]").await;
    app.click("[data-testid=answer-yes]").await;

    // One full-window instruction, from the core: call, what to say, what not to do. No question.
    app.wait_for("[data-testid=emergency-end]").await;
    let call = app.text("[data-testid=emergency-call]").await;
    assert!(call.contains("999") && call.contains("112") && call.contains("911"), "{call}");
    assert!(app.text("[data-testid=emergency-say]").await.contains("blood clot in the lung"));
    assert!(app.text("[data-testid=emergency-dont]").await.contains("Do not drive yourself"));
    assert_eq!(app.count("[data-testid=question]").await, 0, "no further questions behind it");
    let covers = app.js("const r = document.querySelector('[data-testid=emergency-end]').getBoundingClientRect(); \
        return [r.left, r.top, r.width - innerWidth, r.height - innerHeight];", vec![]).await;
    assert_eq!(covers, json!([0, 0, 0, 0]), "it fills the window");
    // The answers are kept for the clinician, saved at once.
    app.wait_for("[data-testid=emergency-saved][data-saved=true]").await;
    app.wait_for_text("[data-testid=emergency-end] [data-testid=saved-answer][data-key=chest_symptoms] dd", "Yes").await;
    app.screenshot("check-11-emergency-1280x800-light").await;
    app.axe("the emergency instruction").await;
    app.pin_theme("dark").await;
    app.resize(460, 760).await;
    app.screenshot("check-11-emergency-460x760-dark").await;

    back_at_start(&app, "[data-testid=emergency-close]", "Emergency: get help now").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_physio_examines_after_enough_and_the_notes_are_saved_and_read_back() {
    let (_display, app) = Display::start_with_profile("Ben Physio").await;
    app.resize(1280, 800).await;
    app.click("[data-testid=start-physio]").await;
    let script = json!({"onset": "gradual", "knot": true, "location": "mid_calf", "training_increase": true, "chest_symptoms": false,
        "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false,
        "run_pattern": "builds_eases_fast", "pop": false, "swelling": "none", "heel_raise": "normal", "days_since_onset": 10, "age": 35});
    let mut wide = false;
    interview(&app, &script, async |app, _| {
        // At a laptop's width the question sits beside the live result.
        if !wide && app.count("[data-testid=check-result]").await == 1 {
            let side = app.js("const q = document.querySelector('[data-testid=question]').getBoundingClientRect(); \
                const r = document.querySelector('[data-testid=check-result]').getBoundingClientRect(); return r.left >= q.right;", vec![]).await;
            assert_eq!(side, json!(true), "two columns at 1280x800");
            app.screenshot("check-13-question-beside-result-1280x800-light").await;
            wide = true;
        }
    })
    .await;
    assert!(wide, "the result was shown beside a question");

    // After "that's enough", the examination form, in any order; 40 cm is refused beside the field.
    app.wait_for("[data-testid=enough]").await;
    app.click_and_wait("[data-testid=exam-open]", "[data-testid=exam-form]").await;
    let keys = app.js("return [...document.querySelectorAll('[data-testid=exam-field]')].map(f => f.dataset.key)", vec![]).await;
    for k in ["thompson_test", "calf_circumference_diff_cm", "pitting_oedema", "tender_deep_veins", "pulses_reduced_at_rest", "ankle_reflex_reduced", "slr_positive", "mcmurray_positive"] {
        assert!(keys.as_array().unwrap().contains(&json!(k)), "{k} in the form: {keys}");
    }
    let how = app.text("[data-testid=exam-field][data-key=thompson_test] .how").await;
    assert!(how.len() > 30, "each test says how: {how:?}");
    app.click("[data-testid=exam-field][data-key=thompson_test] [data-value=negative]").await;
    app.type_into("[data-testid=exam-field][data-key=calf_circumference_diff_cm] input", "40").await;
    app.click("[data-testid=exam-field][data-key=mcmurray_positive] [data-value=false]").await;
    app.click("[data-testid=exam-save]").await;
    app.wait_for_text("[data-testid=exam-field][data-key=calf_circumference_diff_cm] [data-testid=exam-error]",
        "40 is outside the range. Type a number from 0 to 30.").await;
    assert_eq!(app.count("[data-testid=answer-row][data-key=thompson_test]").await, 0, "nothing saved");
    app.scroll_to("[data-testid=exam-field][data-key=calf_circumference_diff_cm]").await;
    app.screenshot("check-14-exam-error-1280x800-light").await;
    app.axe("the examination form with an error").await;
    app.type_into("[data-testid=exam-field][data-key=calf_circumference_diff_cm] input", "1.5").await;
    app.click_and_wait("[data-testid=exam-save]", "[data-testid=answer-row][data-key=thompson_test]").await;
    assert_eq!(app.count("[data-testid=exam-form]").await, 0);
    // The findings can raise new questions (a measured calf difference starts the Wells score):
    // the interview goes on from the script until it has enough again.
    interview(&app, &script, async |_, _| {}).await;
    app.wait_for("[data-testid=enough]").await;

    // Notes: over the limit is refused beside the field (nothing saved), then saved with the check.
    let set_notes = "const t = document.querySelector('[data-testid=notes-input]'); t.value = arguments[0]; \
        t.dispatchEvent(new Event('input', {bubbles: true}));";
    app.js(set_notes, vec![json!("n".repeat(4001))]).await;
    app.click("[data-testid=finish-check]").await;
    app.wait_for_text("[data-testid=notes-error]", "the notes can be at most 4000 characters; these have 4001").await;
    assert_eq!(app.count("[data-testid=check-saved]").await, 0, "nothing saved");
    app.scroll_to("[data-testid=check-notes]").await;
    app.screenshot("check-15-notes-too-long-1280x800-light").await;
    let notes = "Thompson: foot moves. Calf 1.5 cm larger. Tender knot mid-calf; review in 2 weeks.";
    app.js(set_notes, vec![json!(notes)]).await;
    app.click_and_wait("[data-testid=finish-check]", "[data-testid=check-saved]").await;

    // Read back: the notes, the answers under History and Examination in the questionnaire's words.
    app.click("[data-testid=new-check]").await;
    app.click_and_wait("[data-testid=last-open]", "[data-testid=saved-title]").await;
    let stored = app.js("return document.querySelector('[data-testid=notes-input]').value", vec![]).await;
    assert_eq!(stored, json!(notes));
    let groups = app.js("return [...document.querySelectorAll('[data-testid=saved-answers] [data-testid=answer-group]')].map(h => h.textContent)", vec![]).await;
    assert_eq!(groups, json!(["History", "Examination"]));
    let thompson = app.text("[data-testid=saved-answer][data-key=thompson_test] dd").await;
    assert!(!thompson.is_empty() && thompson != "negative", "a plain label, not the value id: {thompson:?}");
    let shown = app.text("[data-testid=saved-answers]").await;
    assert!(!shown.contains("thompson_test") && !shown.contains("calf_circumference"), "never by key: {shown}");
    app.screenshot("check-16-saved-with-notes-1280x800-light").await;
    app.axe("a saved check with notes").await;
    app.pin_theme("dark").await;
    app.resize(460, 760).await;
    app.screenshot("check-16-saved-with-notes-460x760-dark").await;
    app.scroll_to("[data-testid=check-notes]").await;
    app.screenshot("check-16b-saved-notes-460x760-dark").await;
    app.quit().await;
}
