//! Importing run files, Strava's CSV, pain-log CSVs and backups: good files, broken files,
//! duplicates, progress, and the export round trips.

#[path = "support/fit.rs"]
mod fit;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use soleus::Store;
use soleus::export::backup::{self, Restored};
use soleus::export::csv;
use soleus::import::{self, FileKind, ImportProgress, ImportReport};
use soleus::log::sessions::{self, Sport};
use soleus::log::{LogError, entries};
use soleus::profiles;

#[path = "support/import.rs"]
mod import_support;
use import_support::{data, now, options};

fn store_with_profile() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let p = profiles::create(&mut store, "Ana", now()).unwrap();
    (store, p.id)
}

fn import(store: &mut Store, id: i64, paths: &[PathBuf]) -> Result<ImportReport, LogError> {
    import::import_paths(store, Some(id), paths, &options(), &mut |_| {})
}

#[test]
fn the_committed_fit_file_is_the_one_the_documented_writer_makes() {
    let expected = fit::activity(&fit::committed_run());
    if std::env::var_os("SOLEUS_WRITE_TEST_DATA").is_some() {
        fs::write(data("run.fit"), &expected).unwrap();
    }
    assert_eq!(fs::read(data("run.fit")).unwrap(), expected, "regenerate with SOLEUS_WRITE_TEST_DATA=1");
    // A FIT file's CRC over everything including the CRC itself is zero.
    assert_eq!(fit::crc(&expected), 0);
    assert_eq!(fit::crc(&expected[..14]), 0, "the header's own CRC checks out");
}

#[test]
fn each_run_format_reads_into_a_session() {
    let cases: [(&str, Sport, &str, f64, f64, f64); 6] = [
        // file, sport, start, distance m, duration s, climb m
        ("run.gpx", Sport::Running, "2026-11-17T07:30:20Z", 3335.8, 1080.0, 25.0),
        ("long_run.gpx", Sport::Running, "2026-11-22T08:00:00Z", 10007.5, 4200.0, 0.0),
        ("run.tcx", Sport::Running, "2026-11-17T07:30:05Z", 5010.0, 1800.0, 15.0),
        ("ride.tcx", Sport::Cycling, "2026-11-19T17:00:00Z", 15500.0, 2400.0, f64::NAN),
        ("run.fit", Sport::Running, "2026-11-17T07:30:00Z", 5012.34, 1800.0, 42.0),
        ("activities.csv", Sport::Running, "2026-11-10T07:00:00Z", 8020.5, 3000.0, 60.0),
    ];
    for (file, sport, start, metres, seconds, climb) in cases {
        let (mut store, id) = store_with_profile();
        let report = import(&mut store, id, &[data(file)]).unwrap();
        assert_eq!(report.failed, 0, "{file}: {:?}", report.files);
        let all = sessions::list(store.conn(), id).unwrap();
        let s = &all[0];
        assert_eq!(s.sport, sport, "{file}");
        assert_eq!(s.started_at.to_utc(), DateTime::parse_from_rfc3339(start).unwrap().to_utc(), "{file}");
        assert_eq!(s.started_at.offset().local_minus_utc(), 3600, "{file}: shown in the person's offset");
        assert!((s.distance_m.unwrap() - metres).abs() < 1.0, "{file}: {:?}", s.distance_m);
        assert!((s.duration_s.unwrap() - seconds).abs() < 1e-6, "{file}: {:?}", s.duration_s);
        match s.elevation_gain_m {
            Some(c) => assert!((c - climb).abs() < 1e-6, "{file}: climb {c}"),
            None => assert!(climb.is_nan(), "{file}: no climb"),
        }
        assert_eq!(s.source_file.as_deref().map(|f| f.contains('.')), Some(true), "{file}");
    }
}

#[test]
fn gzipped_run_files_from_a_strava_export_are_read() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let activities = dir.path().join("activities");
    fs::create_dir(&activities).unwrap();
    for (name, source) in [("1001.fit.gz", "run.fit"), ("1002.GPX.GZ", "long_run.gpx")] {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&fs::read(data(source)).unwrap()).unwrap();
        fs::write(activities.join(name), gz.finish().unwrap()).unwrap();
    }
    fs::write(activities.join("1003.txt.gz"), b"").unwrap();
    let (mut store, id) = store_with_profile();
    let report = import(&mut store, id, &[dir.path().to_path_buf()]).unwrap();
    assert_eq!((report.added, report.failed), (2, 0), "{report:?}");
    assert_eq!(report.ignored.len(), 1);
    let runs = sessions::list(store.conn(), id).unwrap();
    assert_eq!(runs[0].source_file.as_deref(), Some("1001.fit.gz"));
    assert!((runs[0].distance_m.unwrap() - 5012.34).abs() < 0.01);
}

#[test]
fn strava_rows_become_sessions_with_their_sports() {
    let (mut store, id) = store_with_profile();
    import(&mut store, id, &[data("activities.csv")]).unwrap();
    let all = sessions::list(store.conn(), id).unwrap();
    assert_eq!(all.iter().map(|s| s.sport).collect::<Vec<_>>(), vec![Sport::Running, Sport::Cycling, Sport::Running]);
    assert_eq!(all[1].distance_m, Some(25000.0));
    assert_eq!(all[1].source_file.as_deref(), Some("activities/12346.gpx"));
}

/// A folder with every good file, broken ones of each kind, and a file of another kind.
fn messy_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in ["run.gpx", "long_run.gpx", "run.tcx", "ride.tcx", "run.fit", "activities.csv", "pain.csv"] {
        fs::copy(data(f), dir.path().join(f)).unwrap();
    }
    let broken = dir.path().join("broken");
    fs::create_dir(&broken).unwrap();
    fs::write(broken.join("cut_off.gpx"), "<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg><trkpt lat=").unwrap();
    fs::write(broken.join("no_track.gpx"), "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"x\"></gpx>").unwrap();
    fs::write(broken.join("not_xml.tcx"), "this is not XML at all").unwrap();
    let mut fit = fit::activity(&fit::committed_run());
    fit[20] ^= 0xFF;
    fs::write(broken.join("bad_crc.fit"), fit).unwrap();
    fs::write(broken.join("bad_score.csv"), "recorded_at,score\n2026-11-18T08:00:00Z,5\n2026-11-19T08:00:00Z,11\n").unwrap();
    fs::write(broken.join("not_gzip.fit.gz"), b"plain bytes, not gzip").unwrap();
    fs::write(dir.path().join("README.txt"), "my runs").unwrap();
    fs::write(dir.path().join(".DS_Store"), [0u8, 1, 2]).unwrap();
    dir
}

#[test]
fn a_folder_imports_what_it_can_and_names_what_it_cannot() {
    let dir = messy_folder();
    let (mut store, id) = store_with_profile();
    let report = import(&mut store, id, &[dir.path().to_path_buf()]).unwrap();

    let failed: Vec<(&str, &str)> = report
        .files
        .iter()
        .filter_map(|f| Some((Path::new(&f.path).file_name()?.to_str()?, f.error.as_deref()?)))
        .collect();
    let names: Vec<&str> = failed.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, vec!["bad_crc.fit", "bad_score.csv", "cut_off.gpx", "no_track.gpx", "not_gzip.fit.gz", "not_xml.tcx"]);
    for (name, error) in &failed {
        assert!(error.contains(name), "the reason names the file: {error}");
    }
    let reason = |n: &str| failed.iter().find(|(f, _)| *f == n).unwrap().1;
    assert!(reason("bad_score.csv").contains("row 2 of the file"), "{}", reason("bad_score.csv"));
    assert!(reason("no_track.gpx").contains("no track"));
    assert!(reason("bad_crc.fit").contains("FIT"));
    assert!(reason("not_gzip.fit.gz").contains("decompress"));
    assert_eq!(report.failed, 6);
    assert_eq!(report.ignored.len(), 1, "README.txt is left alone, .DS_Store not even listed: {:?}", report.ignored);

    // run.gpx, run.tcx, run.fit and Strava's third row are one run (17 Nov, 07:30 UTC).
    let runs = sessions::list(store.conn(), id).unwrap();
    assert_eq!(runs.len(), 5, "{runs:#?}");
    assert_eq!(runs.iter().filter(|s| s.fingerprint == "start:2026-11-17T07:30Z").count(), 1);
    assert_eq!(entries::list(store.conn(), id).unwrap().len(), 4, "pain.csv imported, bad_score.csv not at all");
    assert_eq!(report.added, 9);
    assert_eq!(report.duplicates, 3);

    // Importing it all again adds nothing.
    let again = import(&mut store, id, &[dir.path().to_path_buf()]).unwrap();
    assert_eq!(again.added, 0);
    assert_eq!(again.duplicates, 12);
}

#[test]
fn a_named_file_of_the_wrong_kind_is_refused_before_anything_is_written() {
    let dir = messy_folder();
    let (mut store, id) = store_with_profile();
    let paths = [data("run.gpx"), dir.path().join("README.txt")];
    match import(&mut store, id, &paths) {
        Err(LogError::UnknownFormat { path, .. }) => assert!(path.ends_with("README.txt")),
        other => panic!("expected UnknownFormat, got {other:?}"),
    }
    assert!(sessions::list(store.conn(), id).unwrap().is_empty(), "not even run.gpx was imported");
    // A CSV that is neither kind is refused by its header.
    let other = dir.path().join("budget.csv");
    fs::write(&other, "month,amount\nJan,12\n").unwrap();
    assert!(matches!(import::detect(&other), Err(LogError::UnknownFormat { .. })));
    assert_eq!(import::detect(&data("pain.csv")).unwrap(), FileKind::PainCsv);
    assert_eq!(import::detect(&data("activities.csv")).unwrap(), FileKind::StravaCsv);
}

#[test]
fn a_pain_log_commits_whole_and_progress_says_so() {
    let (mut store, id) = store_with_profile();
    let mut events = Vec::new();
    import::import_paths(&mut store, Some(id), &[data("pain.csv")], &options(), &mut |e| events.push(e)).unwrap();
    let committed: Vec<(usize, usize)> = events
        .iter()
        .filter_map(|e| match e {
            ImportProgress::Committed { rows_committed, rows_total, .. } => Some((*rows_committed, *rows_total)),
            _ => None,
        })
        .collect();
    assert_eq!(committed, vec![(4, 4)], "one transaction per file, reported once committed");
    assert!(matches!(events.first(), Some(ImportProgress::Started { files: 1 })));
    assert!(matches!(events.last(), Some(ImportProgress::FileFinished { outcome, .. }) if outcome.added == 4));
    let e = entries::list(store.conn(), id).unwrap();
    assert_eq!(e[1].notes, "hills, then stairs");
    assert_eq!(e[3].side, Some(soleus::log::Side::Left), "\"Left\" is read as left");
    assert_eq!(e[0].recorded_at.to_rfc3339(), "2026-11-10T19:00:00+01:00");
}

#[test]
fn a_bad_row_at_the_end_of_a_large_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.csv");
    let mut text = String::from("recorded_at,score,moment,side,notes\n");
    for i in 0..20_000 {
        text += &format!("2020-01-01T00:00:00Z,{},,,\n", i % 11).replace("00:00:00", &format!("{:02}:{:02}:{:02}", i / 3600, i / 60 % 60, i % 60));
    }
    text += "2021-01-01T00:00:00Z,12,,,\n";
    fs::write(&file, text).unwrap();
    let (mut store, id) = store_with_profile();
    let report = import::import_paths(&mut store, Some(id), &[file], &options(), &mut |_| {}).unwrap();
    let error = report.files[0].error.as_deref().unwrap();
    assert!(error.contains("row 20,001 of the file") && error.contains("\"12\""), "{error}");
    assert_eq!(entries::list(store.conn(), id).unwrap().len(), 0, "not even the first rows were kept");
}

#[test]
fn the_pain_csv_export_imports_back_identically() {
    let (mut store, id) = store_with_profile();
    import(&mut store, id, &[data("pain.csv")]).unwrap();
    // Text a spreadsheet would run as a formula is written as text, and reads back as it was.
    let at = DateTime::parse_from_rfc3339("2026-11-22T08:00:00+01:00").unwrap();
    let formula = entries::NewPainEntry::new(at, 2, "-5 km mark", None, "=HYPERLINK(\"http://x\")", now()).unwrap();
    entries::add(&mut store, id, &formula).unwrap();
    let before = entries::list(store.conn(), id).unwrap();
    let mut out = Vec::new();
    csv::write_pain(&before, &mut out).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(text.contains("2,'-5 km mark,,\"'=HYPERLINK(\"\"http://x\"\")\"\n"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.csv");
    fs::write(&file, &out).unwrap();
    let (mut other, other_id) = store_with_profile();
    import(&mut other, other_id, &[file]).unwrap();
    let after = entries::list(other.conn(), other_id).unwrap();
    let strip = |v: Vec<entries::PainEntry>| v.into_iter().map(|e| (e.recorded_at, e.score, e.moment, e.side, e.notes)).collect::<Vec<_>>();
    assert_eq!(strip(before), strip(after));
    let sessions_csv = {
        import(&mut store, id, &[data("run.fit")]).unwrap();
        let mut out = Vec::new();
        csv::write_sessions(&sessions::list(store.conn(), id).unwrap(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    assert_eq!(
        sessions_csv,
        "started_at,sport,distance_km,duration_min,elevation_gain_m,source_file\n2026-11-17T08:30:00+01:00,running,5.012,30.00,42,run.fit\n"
    );
}

#[test]
fn a_json_backup_restores_identically_and_only_once() {
    let (mut store, id) = store_with_profile();
    import(&mut store, id, &[data("pain.csv"), data("activities.csv"), data("run.gpx")]).unwrap();
    let result = soleus::engine::Assessment {
        triage: soleus::engine::Triage::Clinician,
        triage_advice: soleus::engine::Triage::Clinician.advice().into(),
        red_flags: vec![],
        differential: vec![soleus::engine::Ranked {
            condition: "soleus_strain".into(),
            name: "Soleus strain".into(),
            probability: 0.6,
            why: vec!["pain builds over the run".into()],
        }],
        none_fits: None,
        wells_score: None,
        wells: None,
        next_questions: vec![],
        disclaimer: soleus::engine::DISCLAIMER.into(),
        engine_version: "test-1".into(),
    };
    let case = serde_json::json!({"findings": {"onset": "gradual"}});
    soleus::log::assessments::save(&mut store, id, &case, &result, "", now()).unwrap();
    let done = soleus::log::exercises::ExerciseCompletion {
        exercise_id: "bent_knee_calf_raise".into(),
        done_on: "2026-11-18".parse().unwrap(),
        sets_done: 3,
    };
    soleus::log::exercises::record(&mut store, id, &done).unwrap();

    let profile = profiles::get(&store, id).unwrap();
    let first = backup::export(store.conn(), &profile, now()).unwrap();
    assert_eq!((first.pain_entries.len(), first.sessions.len(), first.assessments.len()), (4, 3, 1), "run.gpx is Strava's third row");
    let text = serde_json::to_string_pretty(&first).unwrap();

    let mut fresh = Store::open_in_memory().unwrap();
    let Restored { profile: restored, added, .. } = backup::restore_named(&mut fresh, &backup::parse(&text).unwrap(), now()).unwrap();
    assert_eq!(restored.name, "Ana");
    assert_eq!(added, 9);
    let second = backup::export(fresh.conn(), &restored, now()).unwrap();
    assert_eq!(serde_json::to_string_pretty(&second).unwrap(), text, "byte for byte");
    let saved = soleus::log::assessments::latest(fresh.conn(), restored.id).unwrap().unwrap();
    assert_eq!(saved.assessment(), Some(result));

    let again = backup::restore_named(&mut fresh, &second, now()).unwrap();
    assert_eq!((again.added, again.already_there), (0, 9));
}

#[test]
fn without_a_profile_only_backups_import() {
    let mut store = Store::open_in_memory().unwrap();
    let report = import::import_paths(&mut store, None, &[data("run.gpx")], &options(), &mut |_| {}).unwrap();
    assert!(report.files[0].error.as_deref().unwrap().contains("needs a profile"));
    assert!(profiles::list(&store).unwrap().is_empty());
}

#[test]
fn other_json_and_newer_backups_are_refused_by_name() {
    assert!(matches!(backup::parse("{\"hello\": 1}"), Err(LogError::BadBackup(m)) if m.contains("not a Soleus backup file")));
    assert!(matches!(backup::parse("[1, 2"), Err(LogError::BadBackup(m)) if m.contains("damaged or cut short")));
    let newer = r#"{"format": "soleus-profile-backup", "version": 99}"#;
    assert!(matches!(backup::parse(newer), Err(LogError::BadBackup(m)) if m.contains("newer Soleus")));
}
