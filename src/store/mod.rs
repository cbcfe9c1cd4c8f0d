//! The one SQLite file that holds a person's data.
//!
//! Opening a store checks that the file is SQLite and healthy, refuses a schema newer than this
//! build knows (without writing a byte to it), backs the file up, and then applies each pending
//! migration under one exclusive lock. WAL journaling and enforced foreign keys make every write
//! atomic and the file safe against a killed process.
//!
//! Several processes may use one file at once (the app and the CLI, two CLIs): every transaction
//! the connection begins is IMMEDIATE (it takes the write lock at BEGIN, so a writer waits its
//! turn in the busy handler instead of failing with "database is locked" when a read turns into
//! a write), and a writer waits up to [`BUSY_TIMEOUT`] for another's transaction to end.
//!
//! The folder is 0700 and the files 0600 (see [`crate::private`]).

mod migrations;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::private;

pub use migrations::{SCHEMA_VERSION, backup_path};

/// The application's identifier; also the name of its data directory, shared by the app and CLI.
pub const APP_ID: &str = "org.soleus.app";
const DB_FILE: &str = "soleus.db";
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// How long a writer waits for another process's transaction (an import of 100,000 rows holds
/// the lock for about a second) before giving up.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a Soleus database (not an SQLite file); it was left untouched")]
    NotSqlite { path: PathBuf },
    #[error("the database {path} is damaged ({detail}); it was left untouched: restore a backup or move it aside")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the database {path} was written by a newer Soleus (schema v{found}; this version knows up to v{supported}); \
         it was left untouched: update Soleus to open it"
    )]
    TooNew { path: PathBuf, found: i64, supported: usize },
    #[error("cannot use {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("upgrading {path} to schema v{version} failed ({detail}); the file is as it was before, and a backup is at {backup}")]
    Migration { path: PathBuf, version: usize, detail: String, backup: String },
    #[error("no home or data directory was found for this user; pass --db PATH")]
    NoDataDir,
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            StoreError::NotSqlite { .. } => ErrorCode::DbNotSqlite,
            StoreError::Corrupt { .. } => ErrorCode::DbCorrupt,
            StoreError::TooNew { .. } => ErrorCode::DbTooNew,
            StoreError::Io { .. } => ErrorCode::DbIo,
            StoreError::Migration { .. } => ErrorCode::DbMigration,
            StoreError::NoDataDir => ErrorCode::NoDataDir,
            StoreError::Sqlite(_) => ErrorCode::DbError,
        }
    }
}

/// An open Soleus database at the latest schema.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// Where the app (and by default the CLI) keeps its database: the platform's app-data directory
/// (`$XDG_DATA_HOME/org.soleus.app/soleus.db` on Linux), the same place Tauri's `app_data_dir`
/// resolves to, so the CLI and the app see the same data.
pub fn default_db_path() -> Result<PathBuf, StoreError> {
    let base = directories::BaseDirs::new().ok_or(StoreError::NoDataDir)?;
    Ok(base.data_dir().join(APP_ID).join(DB_FILE))
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        check_header(&path)?;
        make_private(&path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| corrupt_or(&path, e))?;
        let mut store = Store { conn, path: Some(path) };
        store.prepare()?;
        Ok(store)
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut store = Store { conn: Connection::open_in_memory()?, path: None };
        store.prepare()?;
        Ok(store)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Mutable access, needed to open a transaction (`conn_mut().transaction()`).
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn display_path(&self) -> PathBuf {
        self.path.clone().unwrap_or_else(|| PathBuf::from(":memory:"))
    }

    fn prepare(&mut self) -> Result<(), StoreError> {
        let path = self.display_path();
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Every `transaction()` of this connection, here and in every module, takes the write
        // lock at BEGIN. A DEFERRED one that reads and then writes cannot wait for the lock: SQLite
        // fails it at once with SQLITE_BUSY, whatever the timeout (the other writer may have
        // changed what it read).
        self.conn.set_transaction_behavior(TransactionBehavior::Immediate);
        // Read-only checks first: a damaged or too-new file must not be written to.
        let check: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| corrupt_or(&path, e))?;
        if check != "ok" {
            return Err(StoreError::Corrupt { path, detail: check });
        }
        let found: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION as i64 {
            return Err(StoreError::TooNew { path, found, supported: SCHEMA_VERSION });
        }
        if self.path.is_some() {
            enter_wal(&self.conn)?;
        }
        // synchronous=FULL: every commit syncs the WAL, so a write the app acknowledged survives a
        // power cut or an operating-system crash, not only a killed process (NORMAL). It costs
        // an fsync per commit, a few milliseconds on a save and nothing to speak of on an
        // import (one commit per file): ARCHITECTURE.md "Durability" has the figures.
        self.conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")?;
        migrations::upgrade(&mut self.conn, self.path.as_deref())
    }
}

/// Puts the file in WAL mode (kept in the file, so only a new file changes). The switch needs the
/// file to itself, and SQLite does not wait for that in its busy handler: with several processes
/// opening a new file at once it fails with "database is locked" at once, so it is retried here
/// for as long as any writer waits.
fn enter_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            other => return other.map(|mode| debug_assert_eq!(mode.to_lowercase(), "wal")),
        }
    }
}

/// Creates the folder (0700, with any parent it needs) and the database file (0600) before SQLite
/// opens it, and tightens those of an older version. The folder is tightened only when it was
/// made here or is the app's own (`org.soleus.app`): `--db /tmp/x.db` must not lock others out of
/// /tmp. SQLite gives -wal and -shm the database's mode; those of an older version are tightened.
fn make_private(path: &Path) -> Result<(), StoreError> {
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| StoreError::Io { path: p, source }
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private::create_dirs(dir).map_err(io(dir))?;
        if dir.file_name().is_some_and(|n| n == APP_ID) {
            let _ = private::restrict(dir, private::DIR_MODE);
        }
    }
    private::ensure_file(path).map_err(io(path))?;
    for suffix in ["-wal", "-shm"] {
        let mut companion = path.as_os_str().to_owned();
        companion.push(suffix);
        private::tighten(Path::new(&companion));
    }
    Ok(())
}

/// Refuses a file that exists but is not SQLite, before SQLite gets a chance to touch it.
fn check_header(path: &Path) -> Result<(), StoreError> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(StoreError::Io { path: path.to_path_buf(), source }),
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other("it is a directory, not a database file"),
        });
    }
    let mut head = Vec::with_capacity(16);
    file.by_ref().take(16).read_to_end(&mut head).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    if head.is_empty() || head.as_slice() == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(StoreError::NotSqlite { path: path.to_path_buf() })
    }
}

fn corrupt_or(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match e.sqlite_error_code() {
        Some(NotADatabase) | Some(DatabaseCorrupt) => {
            StoreError::Corrupt { path: path.to_path_buf(), detail: e.to_string() }
        }
        _ => StoreError::Sqlite(e),
    }
}
