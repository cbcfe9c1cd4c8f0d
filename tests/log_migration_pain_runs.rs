//! Migration 005 (pain tied to the run) upgrades a v4 database holding a log: every score and
//! session is kept as it was, the old scores become free-standing ones, and the new fields work.

use chrono::{DateTime, Utc};
use soleus::log::entries::{self, NewPainEntry, RunMoment};
use soleus::log::sessions;

#[path = "support/v4.rs"]
mod v4;

#[test]
fn a_v4_log_is_kept_and_its_scores_become_free_standing_then_runs_can_be_scored() {
    // 2026-11-17T17:00:00Z, a 12 km run; a score an hour later and one the next morning.
    let (_dir, mut store) = v4::ana_upgraded(
        "INSERT INTO training_sessions (profile_id, started_at, utc_offset_min, sport, distance_m, duration_s, fingerprint)
           VALUES (1, 1794934800, 60, 'running', 12000, 4200, 'start:2026-11-17T17:00Z');
         INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, moment, side, notes)
           VALUES (1, 1794938400, 60, 4, '1 h after run', 'left', 'hilly'),
                  (1, 1794983400, 60, 2, 'on waking', NULL, '');",
    );

    let old = entries::list(store.conn(), 1).unwrap();
    assert_eq!(old.len(), 2);
    assert_eq!((old[0].score, old[0].moment.as_str(), old[0].notes.as_str()), (4, "1 h after run", "hilly"));
    assert!(old.iter().all(|e| e.run_id.is_none() && e.run_moment.is_none() && e.site.is_none()), "{old:?}");

    // The old run can now be scored, and the schema holds the new rules on the upgraded file.
    let run = sessions::list(store.conn(), 1).unwrap().remove(0);
    let now: DateTime<Utc> = "2026-11-19T12:00:00Z".parse().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-18T08:00:00+01:00").unwrap();
    let entry = NewPainEntry::new(at, 1, "", None, "", now).unwrap().at_site(Some("achilles")).unwrap();
    let saved = entries::add(&mut store, 1, &entry.for_run(run.started_at, RunMoment::NextMorning).unwrap()).unwrap();
    assert_eq!((saved.run_id, saved.site.as_deref()), (Some(run.id), Some("achilles")));
    let same_day = store.conn().execute(
        "INSERT INTO pain_entries (profile_id, recorded_at, utc_offset_min, score, run_moment, session_id) VALUES (1, 1794938500, 60, 3, 'next_morning', ?1)",
        [run.id],
    );
    assert!(same_day.is_err(), "a next-morning score on the run's own day is refused by the upgraded schema");
    let fk: String = store
        .conn()
        .query_row("SELECT on_delete FROM pragma_foreign_key_list('pain_entries') WHERE \"table\" = 'training_sessions'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, "SET NULL");
}
