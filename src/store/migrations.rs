//! Versioned schema migrations, kept as plain SQL files and embedded in the binary.
//!
//! Each migration runs in its own transaction, so a failure leaves the file at the last good
//! version; before upgrading a file that already holds data, a copy is taken with SQLite's
//! online backup API next to it (`soleus.db.pre-v2.bak`).

use std::path::Path;

use rusqlite::{Connection, MAIN_DB};
use rusqlite_migration::{M, Migrations};

use super::StoreError;

/// The migrations in order; the schema version is the number applied. Append, never edit.
const STEPS: &[&str] = &[
    include_str!("migrations/001_profiles_settings.sql"),
    include_str!("migrations/002_pain_log.sql"),
    include_str!("migrations/003_check_notes.sql"),
    include_str!("migrations/004_clinic_name.sql"),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: usize = STEPS.len();

pub(super) fn upgrade(conn: &mut Connection, path: Option<&Path>, from: usize) -> Result<(), StoreError> {
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    let backup = match path {
        Some(p) if from > 0 => {
            let dest = backup_path(p, from + 1);
            conn.backup(MAIN_DB, &dest, None)?;
            dest.display().to_string()
        }
        _ => "(none: the database was new)".to_string(),
    };
    let migrations = Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect());
    for version in from + 1..=SCHEMA_VERSION {
        migrations.to_version(conn, version).map_err(|e| StoreError::Migration {
            path: path.map(Path::to_path_buf).unwrap_or_else(|| ":memory:".into()),
            version,
            detail: e.to_string(),
            backup: backup.clone(),
        })?;
    }
    Ok(())
}

/// `soleus.db` -> `soleus.db.pre-v2.bak`
pub fn backup_path(db: &Path, version: usize) -> std::path::PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".pre-v{version}.bak"));
    db.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        let migrations = Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect());
        migrations.validate().expect("every migration applies cleanly to an empty database");
    }
}
