//! Migration 006 (the return to running's records) upgrades a database written at an earlier
//! version in place: its data stays, the new tables start empty, and they keep their bounds.

use soleus::return_to_run::records::{self, FunctionalTest, OutcomeScore};

#[path = "support/v4.rs"]
mod v4;

#[test]
fn a_v4_database_with_data_gains_the_return_to_run_tables_and_keeps_its_log() {
    let (_dir, mut store) = v4::ana_upgraded(
        "INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, moment) VALUES (1, 1780000000, 60, 4, 'after the run');
         INSERT INTO exercise_completions (profile_id, exercise_id, done_on, sets_done) VALUES (1, 'single_leg_calf_raise', '2026-12-01', 3);
         UPDATE settings SET clinic_name = 'Leg Clinic';",
    );
    let pain: (i64, String) = store.conn().query_row("SELECT score, moment FROM pain_entries", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(pain, (4, "after the run".to_string()));
    let clinic: String = store.conn().query_row("SELECT clinic_name FROM settings", [], |r| r.get(0)).unwrap();
    assert_eq!(clinic, "Leg Clinic");
    assert!(records::list_tests(store.conn(), 1).unwrap().is_empty());
    assert!(records::list_scores(store.conn(), 1).unwrap().is_empty());

    let on = "2026-12-07".parse().unwrap();
    let t = FunctionalTest { tested_on: on, calf_raises_left: Some(24), calf_raises_right: Some(30), hop_pain: Some(1), ..Default::default() };
    records::record_test(&mut store, 1, &t).unwrap();
    records::record_score(&mut store, 1, &OutcomeScore { instrument: "lefs".into(), scored_on: on, score: 61 }).unwrap();
    assert_eq!(records::list_tests(store.conn(), 1).unwrap(), [t]);
    let too_many = store.conn().execute("UPDATE functional_tests SET calf_raises_left = 201", []);
    assert!(too_many.is_err(), "the column keeps the count's bound");
    let lefs_over = store.conn().execute("UPDATE outcome_scores SET score = 81", []);
    assert!(lefs_over.is_err(), "an LEFS score stays within 0-80");

    // Deleting the person removes their tests and scores with them.
    store.conn().execute("DELETE FROM profiles WHERE id = 1", []).unwrap();
    let left: i64 = store.conn().query_row("SELECT (SELECT count(*) FROM functional_tests) + (SELECT count(*) FROM outcome_scores)", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 0);
}
