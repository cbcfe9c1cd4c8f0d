//! Every input that ever crashed, hung or half-wrote Soleus (tests/data/reproducers/, from the
//! hardening review and from `make fuzz`), kept as a regression test: each ends as a named
//! refusal or a normal import, the refused ones writing nothing, and another file of the same
//! import still imports. A panic inside a parser is one of those named refusals
//! (`import_reader_failed`), never an abort.

use std::fs;

use soleus::Store;
use soleus::import;
use soleus::log::{LogError, entries, sessions};
use soleus::profiles;

#[path = "support/import.rs"]
mod import_support;
use import_support::{data, now, options};

fn rows(store: &Store) -> (usize, usize) {
    let count = |t: &str| store.conn().query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0)).unwrap() as usize;
    (count("pain_entries"), count("training_sessions"))
}

/// What each reproducer must end as: the error's code and words its message must hold. A new
/// file in the folder without an entry here fails the test, so none is forgotten.
fn expected(name: &str) -> (&'static str, &'static str) {
    match name {
        "partial_offset.csv" => ("import_bad_row", "row 12,001 of the file: cannot read the time \"2026-11-19T19:00:00+18:01\": its offset from UTC is more than 18 hours"),
        "partial_1900.csv" => ("import_bad_row", "row 12,001 of the file: cannot read the time \"1900-01-01T00:00:00+18:00\": in UTC it falls outside the years 1900 to 2999"),
        "gpx-special-quadratic_blowup-hang.gpx" => ("import_entities_refused", "declares entities of its own"),
        "tcx-special-many_attrs_100k-hang.tcx" => ("import_too_many_attributes", "more than 100 attributes"),
        // Found by `make fuzz`: a header that checks out, then records that make fitparser panic
        // (a slice past its data). The panic is caught at the import boundary.
        n if n.starts_with("fit-fuzz-") && n.contains("parser-panic") => ("import_reader_failed", "the FIT reader stopped on something in it"),
        n if n.starts_with("fit-") => ("import_unreadable", "not a readable FIT file"),
        // Found by `make fuzz`: a backup whose row is refused as it is restored was reported
        // without the file's name.
        "backup-fuzz-59293350-year-1013.json" => ("import_unreadable", "this backup cannot be restored: cannot read the time \"1013-11-12T19:00:00+01:00\""),
        // Found by `make fuzz`: a file name starting with a NUL, which SQLite's length() counts
        // as empty, so the schema refused a row the Rust checks had let through.
        "strava-fuzz-3c52af88-nul-file-name.csv" => ("import_bad_row", "row 1 of the file: the file name holds a character that is not text (NUL)"),
        other => panic!("{other}: add what it must end as to tests/hostile_inputs.rs"),
    }
}

#[test]
fn every_reproducer_is_refused_by_name_and_writes_nothing() {
    let dir = data("reproducers");
    let mut names: Vec<String> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.retain(|n| n != "README.md");
    names.sort();
    assert!(names.len() >= 11, "{names:?}");
    for name in names {
        let mut store = Store::open_in_memory().unwrap();
        let id = profiles::create(&mut store, "Ana", now()).unwrap().id;
        let path = dir.join(&name);
        // On its own: the error the window would show.
        let bytes = fs::read(&path).unwrap();
        let err = import::import_bytes(&mut store, id, &name, bytes, &options()).unwrap_err();
        let (code, words) = expected(&name);
        assert_eq!(err.code(), code, "{name}: {err}");
        let message = err.to_string();
        assert!(message.contains(words), "{name}: {message}");
        assert!(message.starts_with(&format!("{name}: ")), "the message names the file: {message}");
        for jargon in ["SQLite", "sqlite", "JSON", "database error", "constraint", "utc_offset_min", "recorded_at BETWEEN"] {
            assert!(!message.contains(jargon), "{name}: plain words, no \"{jargon}\": {message}");
        }
        assert_eq!(rows(&store), (0, 0), "{name}: nothing written");

        // Beside a good file in one import: the good one still imports.
        let report = import::import_paths(&mut store, Some(id), &[path, data("run.gpx")], &options(), &mut |_| {}).unwrap();
        assert_eq!((report.failed, report.added), (1, 1), "{name}: {report:?}");
        assert_eq!(rows(&store), (0, 1), "{name}");
    }
}

/// The two half-writers in full: 12,000 good rows, then one the schema would refuse. Before,
/// 10,000 rows were committed and the last batch failed with "database error".
#[test]
fn a_pain_log_refused_on_its_last_row_leaves_none_of_its_rows() {
    for name in ["partial_offset.csv", "partial_1900.csv"] {
        let mut store = Store::open_in_memory().unwrap();
        let id = profiles::create(&mut store, "Ana", now()).unwrap().id;
        let report = import::import_paths(&mut store, Some(id), &[data(&format!("reproducers/{name}")), data("pain.csv")], &options(), &mut |_| {})
            .unwrap();
        assert!(report.files[0].error.as_deref().unwrap().contains("row 12,001 of the file"), "{report:?}");
        assert_eq!(entries::list(store.conn(), id).unwrap().len(), 4, "{name}: only pain.csv's four rows");
    }
}

/// A row the Rust checks let through but the schema refuses is still named by its row, and the
/// file leaves nothing: here the store's profile is gone between reading and storing (the
/// window's profile deleted by the CLI meanwhile), which only the foreign key sees.
#[test]
fn a_row_only_the_schema_refuses_is_named_and_the_file_leaves_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let id = profiles::create(&mut store, "Ana", now()).unwrap().id;
    let read = import::read_bytes("pain.csv", fs::read(data("pain.csv")).unwrap(), &options()).unwrap();
    profiles::delete(&mut store, id).unwrap();
    let err = read.store(&mut store, Some(id)).unwrap_err();
    assert!(matches!(&err, LogError::BadRow { row: 1, .. }), "{err:?}");
    assert_eq!(err.to_string(), "pain.csv: row 1 of the file: the profile it belongs to no longer exists; nothing from this file was imported");
    assert_eq!(rows(&store), (0, 0));
    let runs = import::read_bytes("run.gpx", fs::read(data("run.gpx")).unwrap(), &options()).unwrap();
    assert_eq!(runs.store(&mut store, Some(id)).unwrap_err().code(), "import_unreadable");
    assert!(sessions::list(store.conn(), id).unwrap().is_empty());
}
