//! Everything Soleus writes is private to its owner, whatever the umask: the data folder 0700;
//! the database, its -wal and -shm, and the backup taken before a migration 0600; exports,
//! backups and reports 0600, from the app's Downloads saves and from the CLI's --out. One test in
//! its own process, run under umask 000 (the umask is the whole process's), so that a mode left
//! to the umask would show as 0666 or 0777. Unix only: elsewhere the per-user folders keep others
//! out.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, FixedOffset, Utc};
use soleus::Store;
use soleus::export::files;
use soleus::log::entries::{self, NewPainEntry};
use soleus::profiles;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

fn with_suffix(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T09:00:00Z").unwrap().to_utc()
}

fn soleus(db: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_soleus")).arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn every_file_soleus_writes_is_private_whatever_the_umask() {
    // SAFETY: umask has no memory effects; this test is alone in its process.
    unsafe { libc::umask(0) };
    let root = tempfile::tempdir().unwrap();

    // A new database in folders that do not exist yet; a write puts data in the -wal.
    let db = root.path().join("new/data/soleus.db");
    let mut store = Store::open(&db).unwrap();
    let ana = profiles::create(&mut store, "Ana", now()).unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-20T08:00:00+01:00").unwrap();
    entries::add(&mut store, ana.id, &NewPainEntry::new(at, 3, "", None, "", now()).unwrap()).unwrap();
    assert_eq!((mode(&root.path().join("new")), mode(&root.path().join("new/data"))), (0o700, 0o700), "folders made for it");
    for file in [db.clone(), with_suffix(&db, "-wal"), with_suffix(&db, "-shm")] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }

    // Exports saved for the person to send on.
    let downloads = root.path().join("Downloads");
    fs::create_dir(&downloads).unwrap();
    let offset = FixedOffset::east_opt(3600).unwrap();
    let mut saved = vec![
        files::save_report(&store, &ana, files::REPORT_WEEKS, files::SaveTo::NewIn(&downloads), now().with_timezone(&offset)).unwrap(),
        files::save_backup(&store, &ana, &downloads, now().with_timezone(&offset)).unwrap(),
    ];
    saved.extend(files::save_csv(&store, &ana, &downloads, now().with_timezone(&offset)).unwrap());
    assert_eq!(saved.len(), 4);
    for file in &saved {
        assert_eq!(mode(Path::new(&file.path)), 0o600, "{}", file.path);
    }
    drop(store);

    // The CLI's --out files (it inherits the umask of 000).
    let report = root.path().join("report.html");
    let backup = root.path().join("backup.json");
    soleus(&db, &["--profile", "Ana", "report", "--out", report.to_str().unwrap()]);
    soleus(&db, &["--profile", "Ana", "log", "export", "--format", "json", "--out", backup.to_str().unwrap()]);
    assert_eq!((mode(&report), mode(&backup)), (0o600, 0o600));

    // A database of an older version, readable by all: tightened on open, and the backup taken
    // before its migration is private from its first byte. Its folder is not the app's own, and
    // it already existed: left as it was.
    let old_dir = root.path().join("shared");
    fs::create_dir(&old_dir).unwrap();
    fs::set_permissions(&old_dir, fs::Permissions::from_mode(0o755)).unwrap();
    let old = old_dir.join("soleus.db");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(include_str!("../src/store/migrations/001_profiles_settings.sql")).unwrap();
        conn.execute_batch("PRAGMA user_version = 1;").unwrap();
    }
    fs::set_permissions(&old, fs::Permissions::from_mode(0o644)).unwrap();
    drop(Store::open(&old).unwrap());
    assert_eq!(mode(&old), 0o600);
    assert_eq!(mode(&soleus::store::backup_path(&old, 2)), 0o600);
    assert_eq!(mode(&old_dir), 0o755, "a folder Soleus did not make, and not its own, is left alone");

    // The app's own folder (org.soleus.app) made by an older version: tightened.
    let app_dir = root.path().join(soleus::store::APP_ID);
    fs::create_dir(&app_dir).unwrap();
    fs::set_permissions(&app_dir, fs::Permissions::from_mode(0o755)).unwrap();
    drop(Store::open(app_dir.join("soleus.db")).unwrap());
    assert_eq!(mode(&app_dir), 0o700);
}
