//! The backup carries scores tied to runs (v2), and a backup from before (v1) still restores.

use chrono::{DateTime, Utc};
use soleus::Store;
use soleus::export::backup;
use soleus::log::entries::{self, NewPainEntry, RunMoment};
use soleus::log::sessions::{self, NewSession, Sport};
use soleus::profiles;

fn now() -> DateTime<Utc> {
    "2026-11-21T09:00:00Z".parse().unwrap()
}

#[test]
fn a_backup_written_before_runs_were_scored_still_restores_as_free_standing_scores() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/backup_v1.json")).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let restored = backup::restore_text(&mut store, &text, now()).unwrap();
    assert_eq!((restored.profile.name.as_str(), restored.added), ("Ana", 4));
    let pain = entries::list(store.conn(), restored.profile.id).unwrap();
    assert_eq!(pain.iter().map(|e| (e.score, e.moment.as_str())).collect::<Vec<_>>(), [(4, "1 h after run"), (2, "on waking")]);
    assert!(pain.iter().all(|e| e.run_id.is_none() && e.run_moment.is_none() && e.site.is_none()));
    // Exported again, it is a v2 backup that says so.
    let again = backup::export(store.conn(), &restored.profile, now()).unwrap();
    assert_eq!(again.version, backup::VERSION);
    assert!(backup::VERSION >= 2);
}

#[test]
fn scores_tied_to_a_run_survive_a_backup_and_restore_into_a_fresh_database() {
    let mut store = Store::open_in_memory().unwrap();
    let ana = profiles::create(&mut store, "Ana", now()).unwrap();
    let start = DateTime::parse_from_rfc3339("2026-11-17T18:00:00+01:00").unwrap();
    let run = sessions::add_one(&mut store, ana.id, &NewSession::new(start, Sport::Running, Some(12_000.0), None, None, None).unwrap()).unwrap();
    for (when, moment, score) in [("2026-11-17T18:40:00+01:00", RunMoment::During, 3), ("2026-11-18T07:30:00+01:00", RunMoment::NextMorning, 2)] {
        let at = DateTime::parse_from_rfc3339(when).unwrap();
        let e = NewPainEntry::new(at, score, "", None, "", now()).unwrap().at_site(Some("achilles")).unwrap().for_run(run.started_at, moment).unwrap();
        entries::add(&mut store, ana.id, &e).unwrap();
    }
    let text = serde_json::to_string(&backup::export(store.conn(), &ana, now()).unwrap()).unwrap();
    assert!(text.contains("\"run_started_at\":\"2026-11-17T18:00:00+01:00\"") && text.contains("\"run_moment\":\"next_morning\""), "{text}");

    let mut fresh = Store::open_in_memory().unwrap();
    let restored = backup::restore_text(&mut fresh, &text, now()).unwrap();
    let new_run = sessions::list(fresh.conn(), restored.profile.id).unwrap().remove(0);
    let pain = entries::list(fresh.conn(), restored.profile.id).unwrap();
    assert_eq!(pain.len(), 2);
    assert!(pain.iter().all(|e| e.run_id == Some(new_run.id) && e.site.as_deref() == Some("achilles")), "{pain:?}");
    assert_eq!(pain.iter().map(|e| e.run_moment).collect::<Vec<_>>(), [Some(RunMoment::During), Some(RunMoment::NextMorning)]);
    // Restored again: nothing doubled.
    let twice = backup::restore_text(&mut fresh, &text, now()).unwrap();
    assert_eq!((twice.added, twice.already_there), (0, 3));
}

#[test]
fn a_backup_whose_score_names_a_missing_run_or_a_bad_site_is_refused_whole() {
    let base: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/backup_v1.json")).unwrap()).unwrap();
    let mut missing = base.clone();
    missing["pain_entries"][1]["run_started_at"] = "2026-11-10T07:00:00Z".into();
    missing["pain_entries"][1]["run_moment"] = "next_morning".into();
    let mut off_map = base.clone();
    off_map["pain_entries"][1]["site"] = "elbow".into();
    let mut too_early = base;
    too_early["pain_entries"][0]["run_started_at"] = "2026-11-17T18:00:00+01:00".into();
    too_early["pain_entries"][0]["run_moment"] = "next_morning".into();
    for (value, why) in [(missing, "not in it"), (off_map, "body map"), (too_early, "day after the run")] {
        let mut store = Store::open_in_memory().unwrap();
        let err = backup::restore_text(&mut store, &value.to_string(), now()).unwrap_err();
        assert!(err.to_string().contains(why), "{why}: {err}");
        let profiles: i64 = store.conn().query_row("SELECT count(*) FROM profiles", [], |r| r.get(0)).unwrap();
        assert_eq!(profiles, 0, "{why}: nothing written");
    }
}
