//! A database file as Soleus wrote it at schema version 4 (migrations 001-004), before the
//! migrations that followed: the starting point of each later migration's test, which adds its
//! own rows and then opens it with `Store::open`.

use std::path::Path;

use rusqlite::Connection;

const STEPS: [&str; 4] = [
    include_str!("../../src/store/migrations/001_profiles_settings.sql"),
    include_str!("../../src/store/migrations/002_pain_log.sql"),
    include_str!("../../src/store/migrations/003_check_notes.sql"),
    include_str!("../../src/store/migrations/004_clinic_name.sql"),
];

/// A new file at `path` holding the version-4 schema, marked as version 4.
pub fn database(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    for step in STEPS {
        conn.execute_batch(step).unwrap();
    }
    conn.execute_batch("PRAGMA user_version = 4;").unwrap();
    conn
}
