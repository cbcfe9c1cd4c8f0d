use chrono::{DateTime, FixedOffset, Utc};

use super::*;
use crate::Store;
use crate::engine::{Ranked, Triage};
use crate::log::entries::{NewPainEntry, RunMoment};
use crate::log::sessions::{NewSession, Sport};
use crate::profiles;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn now() -> DateTime<Utc> {
    at("2026-11-23T12:00:00Z").to_utc()
}

fn assessment() -> Assessment {
    Assessment {
        triage: Triage::Clinician,
        triage_advice: Triage::Clinician.advice().into(),
        red_flags: vec![],
        differential: vec![Ranked {
            condition: "soleus_strain".into(),
            name: "Soleus strain".into(),
            probability: 0.62,
            why: vec!["pain builds over the run".into()],
        }],
        none_fits: None,
        wells_score: None,
        wells: None,
        next_questions: vec![],
        disclaimer: DISCLAIMER.into(),
        engine_version: "test-1".into(),
    }
}

fn store_with_log() -> (Store, Profile) {
    let mut store = Store::open_in_memory().unwrap();
    let p = profiles::create(&mut store, "Ana <A&B>", now()).unwrap();
    for (when, score, notes) in [
        ("2026-11-03T19:00:00+01:00", 7, ""),
        ("2026-11-10T19:00:00+01:00", 6, "<b>stairs</b>"),
        ("2026-11-17T19:00:00+01:00", 4, ""),
        ("2026-11-19T19:00:00+01:00", 3, ""),
    ] {
        let e = NewPainEntry::new(at(when), score, "1 h after run", None, notes, now()).unwrap();
        entries::add(&mut store, p.id, &e).unwrap();
    }
    let run = NewSession::new(at("2026-11-18T07:00:00+01:00"), Sport::Running, Some(6000.0), Some(2100.0), None, None).unwrap();
    sessions::add(&mut store, p.id, &[run]).unwrap();
    (store, p)
}

#[test]
fn the_report_is_self_contained_and_has_every_part() {
    let (mut store, p) = store_with_log();
    assessments::save(&mut store, p.id, &serde_json::json!({"findings": {}}), &assessment(), "", now()).unwrap();
    let data = gather(store.conn(), &p, now().fixed_offset(), 8).unwrap();
    assert_eq!(data.reviews.len(), 3, "three weeks had scores or runs");
    let html = render(&data);
    for banned in ["<script", "src=", "href=", "<link", "@import", "url(", "<iframe", "<object"] {
        assert!(!html.contains(banned), "nothing external or scripted: found {banned}");
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(&esc(DISCLAIMER)));
    assert!(html.contains("Ana &lt;A&amp;B&gt;"), "names are escaped");
    assert!(!html.contains("<b>stairs"));
    assert!(html.contains("Soleus strain") && html.contains("about 60%"));
    assert!(html.contains(Triage::Clinician.advice()));
    // The plan for the saved result, with the exercises it prescribes and its sources.
    let plan = crate::plans::plan(&assessment());
    assert!(html.contains("Management plan") && html.contains(&esc(&plan.title)));
    for section in &plan.sections {
        assert!(html.contains(&esc(&section.title)), "{}", section.title);
    }
    let exercise = plan.exercises().next().expect("a soleus strain plan prescribes exercises");
    assert!(html.contains(&esc(&exercise.prescription.summary())), "{}", exercise.name);
    assert!(html.contains("<h4>Sources</h4>"));
    assert_eq!(html.matches("<circle").count(), 4, "one dot per score");
    // W45 (3 Nov) and W46 (10 Nov) are joined; W47 follows W46, so one line of three weeks.
    assert_eq!(html.matches("<polyline").count(), 1, "the weekly means of consecutive weeks are joined");
    assert!(html.contains("2026-W47") && html.contains("Hold"));
    assert!(html.contains("When to seek care"));
    // One running week (W47, 6 km), drawn as a bar in the load chart.
    assert!(html.contains("Running load"));
    assert_eq!(html.matches("<rect").count(), 1);
    assert!(html.contains("2026-W47: 6.0 km in 1 run(s)"));
}

#[test]
fn a_gap_week_breaks_the_line_and_the_chart_starts_at_the_first_data() {
    let (mut store, p) = store_with_log();
    let late = NewPainEntry::new(at("2026-12-03T19:00:00+01:00"), 2, "1 h after run", None, "", now() + chrono::Duration::days(20)).unwrap();
    entries::add(&mut store, p.id, &late).unwrap();
    let data = gather(store.conn(), &p, at("2026-12-05T12:00:00Z"), 52).unwrap();
    assert_eq!(data.weeks.0.to_string(), "2026-W45", "not 52 weeks of empty chart");
    let html = render(&data);
    assert_eq!(html.matches("<polyline").count(), 1, "W49 stands alone after the gap of W48");
    assert_eq!(html.matches("<circle").count(), 5);
}

#[test]
fn a_result_in_an_older_shape_is_shown_as_stored() {
    let (mut store, p) = store_with_log();
    let old = serde_json::json!({"triage": "see_gp", "engine_version": "0.0.1", "top": "calf strain"});
    let tx = store.conn_mut().transaction().unwrap();
    assessments::insert(&tx, p.id, now(), &serde_json::json!({}), &old, "").unwrap();
    tx.commit().unwrap();
    let html = render(&gather(store.conn(), &p, now().fixed_offset(), 8).unwrap());
    assert!(html.contains("saved in an older format"));
    assert!(html.contains("calf strain") && !html.contains("0.0.1") && !html.contains("see_gp"));
    assert!(html.contains("No management plan is shown"));
}

#[test]
fn an_empty_log_says_so() {
    let mut store = Store::open_in_memory().unwrap();
    let p = profiles::create(&mut store, "New", now()).unwrap();
    let html = render(&gather(store.conn(), &p, now().fixed_offset(), 8).unwrap());
    assert!(html.contains("No assessment has been saved"));
    assert!(html.contains("No pain scores in this period"));
    assert!(!html.contains("<svg"));
    assert!(!html.contains("Running load"), "no load chart without runs");
}

/// The text a PDF shows: every literal string its content streams print (uncompressed here).
fn pdf_strings(pdf: &[u8]) -> String {
    let text = String::from_utf8_lossy(pdf);
    let mut out = String::new();
    let mut rest = text.as_ref();
    while let Some(start) = rest.find('(') {
        let Some(end) = rest[start..].find(") Tj") else { break };
        out.push_str(&rest[start + 1..start + end]);
        out.push('\n');
        rest = &rest[start + end..];
    }
    out
}

/// Words no report reader should meet: internal labels, formats, versions, paths.
const SOFTWARE_WORDS: [&str; 9] = ["seed 0", "json", "sqlite", "engine", "references.md", "../", "soleus plan", "test-1", "_"];

/// The strings of the PDF report saved for `p` in a new folder, on the saved check `check` if any.
fn saved_pdf_text(store: &Store, p: &Profile, check: Option<i64>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = pdf::save(store, p, check, dir.path(), now().fixed_offset()).unwrap();
    pdf_strings(&std::fs::read(&file.path).unwrap())
}

/// Fails unless the PDF's `text` holds every one of `parts`.
fn assert_pdf_holds(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "the PDF lacks '{part}':\n{text}");
    }
}

/// Fails if the PDF's `text` shows a software word, in any case.
fn assert_no_software_words(text: &str) {
    let lower = text.to_lowercase();
    for w in SOFTWARE_WORDS {
        assert!(!lower.contains(w), "the PDF shows '{w}':\n{text}");
    }
}

#[test]
fn the_pdf_report_has_the_answers_examination_notes_result_plan_charts_and_the_clinic() {
    let (mut store, p) = store_with_log();
    let case = serde_json::json!({"findings": {"onset": "gradual", "thompson_test": "negative"}});
    let saved = assessments::save(&mut store, p.id, &case, &assessment(), "Tender low in the calf; agreed a walk-run plan.", now()).unwrap();
    crate::settings::set_clinic_name(&mut store, "Northside Physio").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = pdf::save(&store, &p, Some(saved.id), dir.path(), now().fixed_offset()).unwrap();
    let bytes = std::fs::read(&file.path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    assert!(file.path.ends_with(".pdf"));
    let text = pdf_strings(&bytes);
    assert_pdf_holds(
        &text,
        &[
            "Prepared by Northside Physio on Mon 23 Nov 2026",
            "The check of Mon 23 Nov 2026",
            "The person's answers",
            "Examination findings",
            "Clinician's notes",
            "Tender low in the calf; agreed a walk-run plan.",
            "If this is: Soleus strain",
            "Pain at the key moment",
            "Weekly running distance",
            "Sources",
        ],
    );
    assert_no_software_words(&text);
}

#[test]
fn the_pdf_report_shows_the_latest_tests_against_the_criteria_and_the_outcome_scores() {
    use crate::return_to_run::records::{self, FunctionalTest, OutcomeScore};
    let (mut store, p) = store_with_log();
    let saved = assessments::save(&mut store, p.id, &serde_json::json!({"findings": {}}), &assessment(), "", now()).unwrap();
    let on = "2026-11-20".parse().unwrap();
    records::record_test(&mut store, p.id, &FunctionalTest { tested_on: on, walk_pain: Some(0), calf_raises_left: Some(24), calf_raises_right: Some(31), ..Default::default() }).unwrap();
    records::record_score(&mut store, p.id, &OutcomeScore { instrument: "lefs".into(), scored_on: on, score: 57 }).unwrap();
    let text = saved_pdf_text(&store, &p, Some(saved.id));
    assert_pdf_holds(
        &text,
        &[
            "Return to running: Calf strain",
            "Walking (passed)",
            "Calf strength (current stage)",
            "At least 30 single-leg calf raises on each leg: not met (24 left, 31 right on Fri 20 Nov 2026).",
            "not yet tested",
            "Outcome scores: Lower Extremity Functional Scale (LEFS)",
            "Fri 20 Nov 2026: 57 of 80",
        ],
    );
    assert_no_software_words(&text);
}

#[test]
fn the_html_report_shows_no_software_words() {
    let (mut store, p) = store_with_log();
    assessments::save(&mut store, p.id, &serde_json::json!({"findings": {}}), &assessment(), "", now()).unwrap();
    let html = render(&gather(store.conn(), &p, now().fixed_offset(), 8).unwrap()).to_lowercase();
    for w in ["seed 0", "json", "sqlite", "engine", "references.md", "../", "soleus plan", "test-1"] {
        assert!(!html.contains(w), "the report shows '{w}'");
    }
}

#[test]
fn the_pdf_report_shows_the_scores_tied_to_each_run_and_the_run_that_did_not_settle() {
    let (mut store, p) = store_with_log();
    let run = sessions::list(store.conn(), p.id).unwrap().remove(0);
    for (when, moment, score) in [("2026-11-18T07:20:00+01:00", RunMoment::During, 3), ("2026-11-19T07:30:00+01:00", RunMoment::NextMorning, 4)] {
        let e = NewPainEntry::new(at(when), score, "", None, "", now()).unwrap().at_site(Some("achilles")).unwrap();
        entries::add(&mut store, p.id, &e.for_run(run.started_at, moment).unwrap()).unwrap();
    }
    let text = saved_pdf_text(&store, &p, None);
    assert_pdf_holds(&text, &["Not settled by the morning after", "during 3/10", "Wed 18 Nov 2026, Wednesday's 6 km"]);
    assert!(!text.to_lowercase().contains("next_morning"), "{text}");
}

#[test]
fn both_reports_read_a_confirmed_cause_with_who_confirmed_it_and_who_examined() {
    let (mut store, p) = store_with_log();
    let case = serde_json::json!({"findings": {"onset": "gradual"}});
    let saved = assessments::save_examined(&mut store, p.id, &case, &assessment(), "", "Sam Lee", now()).unwrap();
    crate::log::confirmation::confirm(&mut store, p.id, saved.id, "gastrocnemius_strain", "Jo Park", now()).unwrap();
    let name = crate::engine::knowledge::get().condition("gastrocnemius_strain").unwrap().name.clone();
    let title = format!("{name}: confirmed by Jo Park on Mon 23 Nov 2026");

    // Lines wrap where they like, and the PDF escapes parentheses.
    let text = saved_pdf_text(&store, &p, Some(saved.id)).replace("\\(", "(").replace("\\)", ")");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_pdf_holds(&text, &["Cause confirmed by Jo Park on Mon 23 Nov 2026", "Examined by Sam Lee.", &title]);
    assert!(!text.contains("If this is"), "{text}");

    let html = render(&gather(store.conn(), &p, now().fixed_offset(), 8).unwrap());
    assert!(html.contains(&esc(&title)) && html.contains("Examined by Sam Lee."), "{html}");
    assert!(!html.contains("If this is"));
}

#[test]
fn the_html_report_shows_the_scores_tied_to_each_run_and_the_return_to_run_criteria_like_the_pdf() {
    use crate::return_to_run::records::{self, FunctionalTest, OutcomeScore};
    let (mut store, p) = store_with_log();
    assessments::save(&mut store, p.id, &serde_json::json!({"findings": {}}), &assessment(), "", now()).unwrap();
    let run = sessions::list(store.conn(), p.id).unwrap().remove(0);
    for (when, moment, score) in [("2026-11-18T07:20:00+01:00", RunMoment::During, 3), ("2026-11-19T07:30:00+01:00", RunMoment::NextMorning, 4)] {
        let e = NewPainEntry::new(at(when), score, "", None, "", now()).unwrap().at_site(Some("achilles")).unwrap();
        entries::add(&mut store, p.id, &e.for_run(run.started_at, moment).unwrap()).unwrap();
    }
    let on = "2026-11-20".parse().unwrap();
    records::record_test(&mut store, p.id, &FunctionalTest { tested_on: on, walk_pain: Some(0), calf_raises_left: Some(24), calf_raises_right: Some(31), ..Default::default() }).unwrap();
    records::record_score(&mut store, p.id, &OutcomeScore { instrument: "lefs".into(), scored_on: on, score: 57 }).unwrap();
    let html = render(&gather(store.conn(), &p, now().fixed_offset(), 8).unwrap());
    for part in [
        "Not settled by the morning after",
        "during 3/10",
        "Wed 18 Nov 2026, Wednesday&#39;s 6 km",
        "<h2>Return to running: Calf strain</h2>",
        "<h4>Walking (passed)</h4>",
        "<h4>Calf strength (current stage)</h4>",
        "<li class=\"warn\">At least 30 single-leg calf raises on each leg: not met (24 left, 31 right on Fri 20 Nov 2026).</li>",
        "not yet tested",
        "Outcome scores: Lower Extremity Functional Scale (LEFS)",
        "<li>Fri 20 Nov 2026: 57 of 80</li>",
    ] {
        assert!(html.contains(part), "the HTML report lacks '{part}':\n{html}");
    }
    assert!(!html.to_lowercase().contains("next_morning"), "{html}");
}

#[test]
fn the_html_report_without_a_check_has_no_return_to_run_section() {
    let (store, p) = store_with_log();
    let data = gather(store.conn(), &p, now().fixed_offset(), 8).unwrap();
    assert!(data.return_to_run.is_none());
    assert!(!render(&data).contains("Return to running"));
}
