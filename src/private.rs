//! Files only their owner can read. A person's pain log and checks are health data: the data
//! folder is 0700 and every file Soleus writes (the database, its -wal/-shm, the backups taken
//! before a migration, exports, reports) is 0600 from its first byte, whatever the umask.
//!
//! Modes are set explicitly after creation (`open(2)`'s mode is filtered by the umask, which can
//! only take bits away, so 0600 may come out as 0400 under an odd umask); the file is still empty
//! then, so nothing was ever readable by others. Setting a mode is best effort where the file
//! system has no Unix modes (a FAT USB stick refuses chmod): there is nothing to protect there. SQLite creates a database's -wal and -shm with
//! the database file's own mode (and fchmods them to it), so a database file made here first
//! makes its companions private too.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

pub const FILE_MODE: u32 = 0o600;
pub const DIR_MODE: u32 = 0o700;

/// A new file (never one that exists), open for writing, readable by its owner only.
pub fn create_new(path: &Path) -> io::Result<File> {
    open(OpenOptions::new().write(true).create_new(true), path)
}

/// A file opened for appending, created when missing, readable by its owner only from its first
/// byte; one that something else left wider is narrowed (the crash log).
pub fn open_append(path: &Path) -> io::Result<File> {
    open(OpenOptions::new().create(true).append(true), path)
}

fn open(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    options.mode(FILE_MODE);
    let file = options.open(path)?;
    #[cfg(unix)]
    let _ = file.set_permissions(fs::Permissions::from_mode(FILE_MODE));
    Ok(file)
}

/// Makes `path` a file only its owner can read: created empty when missing, tightened when it
/// exists (files written by earlier versions were readable by every user of the machine).
pub fn ensure_file(path: &Path) -> io::Result<()> {
    match create_new(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            tighten(path);
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Tightens a file's mode to 0600 if it is there (best effort, see the module's note).
pub fn tighten(path: &Path) {
    let _ = restrict(path, FILE_MODE);
}

/// Creates `dir` and any missing parents, each new one 0700; returns the folders it created.
pub fn create_dirs(dir: &Path) -> io::Result<Vec<std::path::PathBuf>> {
    let mut missing = Vec::new();
    let mut d = Some(dir);
    while let Some(p) = d.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        missing.push(p.to_path_buf());
        d = p.parent();
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(dir)?;
    for p in &missing {
        let _ = restrict(p, DIR_MODE);
    }
    Ok(missing)
}

/// Sets `mode` (Unix only: elsewhere the platform's per-user folders already keep others out).
pub fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn files_and_folders_are_private_whatever_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        assert_eq!(create_dirs(&nested).unwrap().len(), 2);
        assert_eq!((mode(&dir.path().join("a")), mode(&nested)), (0o700, 0o700));
        let new = nested.join("new.txt");
        create_new(&new).unwrap();
        assert_eq!(mode(&new), 0o600);
        let old = nested.join("old.txt");
        fs::write(&old, b"x").unwrap();
        fs::set_permissions(&old, fs::Permissions::from_mode(0o644)).unwrap();
        ensure_file(&old).unwrap();
        assert_eq!((mode(&old), fs::read(&old).unwrap()), (0o600, b"x".to_vec()), "tightened, contents kept");
        tighten(&nested.join("absent"));
        assert!(!nested.join("absent").exists());
    }
}
