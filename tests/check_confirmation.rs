//! A saved check's examiner and confirmed cause (migration 008) from a database file holding older
//! data, and the one way the command line and the window save a check (`app::check::save`).

use std::path::Path;

use chrono::{DateTime, Utc};
use soleus::app::check::{self, CheckAnswers, Saving, Screen};
use soleus::app::confirm;
use soleus::app::saved::{self, SavedCheck};
use soleus::engine::Case;
use soleus::Store;

mod cli_support;

#[path = "support/v4.rs"]
mod v4;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// A version-4 file (before 008) with a profile, a clinic name and a saved check with notes.
fn older_file(path: &Path) -> (String, String) {
    let case = r#"{"findings":{"onset":"gradual","location":"behind_knee","mechanism":"downhill","worse_downhill":true}}"#;
    let result = soleus::engine::assess(&Case::from_json(case).unwrap());
    let result = serde_json::to_string(&result).unwrap();
    let conn = v4::database(path);
    conn.execute_batch("INSERT INTO profiles (name, created_at) VALUES ('Ana', '2026-01-01T00:00:00Z');
         UPDATE settings SET active_profile_id = 1, clinic_name = 'Northside Physio';
         PRAGMA user_version = 4;")
        .unwrap();
    conn.execute(
        "INSERT INTO saved_assessments (profile_id, created_at, engine_version, case_json, result_json, notes) VALUES (1, 1780000000, 'x', ?1, ?2, 'Thompson negative.')",
        [case, &result],
    )
    .unwrap();
    (case.to_string(), result)
}

#[test]
fn an_older_file_keeps_its_checks_which_can_then_be_confirmed_by_a_named_clinician() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soleus.db");
    let (case, result) = older_file(&path);

    let mut store = Store::open(&path).unwrap();
    assert!(soleus::store::backup_path(&path, 5).exists(), "a backup was taken before upgrading");
    let checks = saved::list(&store, 1).unwrap();
    assert_eq!(checks.len(), 1);
    let old = &checks[0];
    assert_eq!(old.saved.notes, "Thompson negative.");
    assert_eq!(old.saved.case, serde_json::from_str::<serde_json::Value>(&case).unwrap());
    assert_eq!(old.saved.result, serde_json::from_str::<serde_json::Value>(&result).unwrap());
    assert_eq!((old.examined_by.as_ref(), old.confirmed.as_ref()), (None, None), "nobody named, nothing confirmed");
    assert_eq!(soleus::settings::clinic_name(&store).unwrap(), "Northside Physio");
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    assert!(old.plan(utc).unwrap().title.starts_with("If this is: "));

    // Bad names are refused by name and write nothing.
    let now = at("2026-12-07T10:00:00Z");
    let top = old.view.as_ref().unwrap().chances[0].condition.clone();
    for (name, code) in [("    ", "examiner_name_blank"), (&*"x".repeat(121), "examiner_name_too_long")] {
        assert_eq!(confirm::confirm(&mut store, 1, old.saved.id, &top, name, now).unwrap_err().code(), code);
    }
    assert_eq!(&saved::list(&store, 1).unwrap()[0], old);

    let confirmed = confirm::confirm(&mut store, 1, old.saved.id, &top, "Sam Lee", now).unwrap();
    assert_eq!(confirmed.examined_by.as_deref(), Some("Sam Lee"));
    let plan = confirmed.plan(utc).unwrap();
    assert!(plan.title.ends_with(": confirmed by Sam Lee on Mon 7 Dec 2026"), "{}", plan.title);
    drop(store);

    // Read again from the file: kept.
    let store = Store::open(&path).unwrap();
    assert_eq!(saved::list(&store, 1).unwrap()[0], confirmed);
}

/// The same case saved by `soleus log save-assessment` and by the window's save reads back the
/// same: case, result, answers, wording and who examined.
#[test]
fn a_check_saved_by_the_cli_reads_the_same_as_one_saved_by_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("soleus.db");
    let case = r#"{"findings": {"onset": "sudden", "location": "mid_calf", "pop": false, "heel_raise": "painful", "thompson_test": "negative",
        "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false}}"#;
    let args = ["--db", db.to_str().unwrap(), "--profile", "Ana", "log", "save-assessment", "--notes", "Squeeze normal.", "--examined-by", " Sam Lee "];
    let out = cli_support::soleus(&args, case);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let mut store = Store::open(&db).unwrap();
    let ben = soleus::profiles::create(&mut store, "Ben", Utc::now()).unwrap().id;
    // The window's answers: every finding, a physio examining.
    let parsed: serde_json::Value = serde_json::from_str(case).unwrap();
    let answers = CheckAnswers { findings: parsed["findings"].as_object().unwrap().clone(), not_known: vec![], examining: true };
    let app = check::save(&mut store, ben, &answers, Saving { notes: "Squeeze normal.", examined_by: "Sam Lee", screen: Screen::Required }, Utc::now()).unwrap();
    let app = SavedCheck::of(app);
    let ana = soleus::profiles::list(&store).unwrap().into_iter().find(|p| p.name == "Ana").unwrap().id;
    let cli = saved::list(&store, ana).unwrap().remove(0);

    assert_eq!(cli.saved.case, app.saved.case);
    assert_eq!(cli.saved.result, app.saved.result);
    assert_eq!((&cli.saved.notes, &cli.saved.examined_by), (&app.saved.notes, &app.saved.examined_by));
    assert_eq!(cli.view, app.view);
    assert_eq!(cli.answers, app.answers);
    assert_eq!((cli.examined, &cli.examined_by), (app.examined, &app.examined_by));
    assert_eq!(cli.examined_by.as_deref(), Some("Sam Lee"));

    // Bad input at the command line is the app's refusal, and saves nothing.
    let blank = ["--db", db.to_str().unwrap(), "--profile", "Ana", "log", "save-assessment", "--examined-by", "   "];
    let out = cli_support::soleus(&blank, case);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only spaces"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(saved::list(&store, ana).unwrap().len(), 1);
}

/// The week calendar under the plan follows the same plan: once a clinician confirms another
/// cause than the check's most likely one, the week's days are that cause's, not the guess's.
#[test]
fn the_week_calendar_follows_a_confirmed_cause() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soleus.db");
    older_file(&path);
    let mut store = Store::open(&path).unwrap();
    let old = saved::list(&store, 1).unwrap().remove(0);
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    let now = at("2026-12-07T10:00:00Z");
    let top = old.view.as_ref().unwrap().chances[0].condition.clone();
    assert_ne!(top, "tibial_bone_stress", "the case must not already point at the confirmed cause");
    let units = soleus::settings::get(&store).unwrap().units;
    let week_of = |store: &Store, plan: &soleus::plans::Plan| {
        soleus::plans::week_from_log(store.conn(), 1, plan, old.saved.created_at, now.with_timezone(&utc), units).unwrap()
    };
    let guessed = week_of(&store, &old.plan(utc).unwrap());
    assert_eq!(soleus::app::week::week_plan(&store, 1, None, now.with_timezone(&utc)).unwrap(), Some(guessed.clone()));

    let confirmed = confirm::confirm(&mut store, 1, old.saved.id, "tibial_bone_stress", "Sam Lee", now).unwrap();
    let shown = soleus::app::week::week_plan(&store, 1, Some(old.saved.id), now.with_timezone(&utc)).unwrap().unwrap();
    assert_eq!(shown, week_of(&store, &confirmed.plan(utc).unwrap()));
    assert_ne!(shown, guessed, "a bone stress injury's week is not the guessed cause's");
}
