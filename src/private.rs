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

/// What [`save_whole`] does when a name is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfTaken {
    /// Try the next name (the app's exports: an existing file is never replaced).
    NextName,
    /// Replace it in one step (the CLI's `--out FILE`: the person named that file).
    Replace,
}

/// The one way Soleus saves a file it makes (exports, reports, backups; the CLI and the app
/// alike): whole or not at all, and private. The bytes go to a temporary file in `dir` (0600
/// from its first byte), are flushed to disk, and the file then takes the first of `names` in one
/// step: without clobbering (`persist_noclobber`: a file that appears meanwhile is not
/// replaced), or replacing with [`IfTaken::Replace`]. The folder is flushed after, so the name
/// survives a power cut. A crash or a full disk leaves no half-written file under any name.
pub fn save_whole(dir: &Path, names: impl IntoIterator<Item = String>, bytes: &[u8], if_taken: IfTaken) -> io::Result<std::path::PathBuf> {
    use std::io::Write;
    let mut tmp = tempfile::Builder::new().prefix(".soleus-").suffix(".part").tempfile_in(dir)?;
    restrict(tmp.path(), FILE_MODE)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let mut last = None;
    for name in names {
        let path = dir.join(&name);
        let done = match if_taken {
            IfTaken::Replace => tmp.persist(&path),
            IfTaken::NextName => tmp.persist_noclobber(&path),
        };
        match done {
            Ok(_) => {
                // Best effort: some file systems cannot open or flush a folder.
                if let Ok(d) = File::open(dir) {
                    let _ = d.sync_all();
                }
                return Ok(path);
            }
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists && if_taken == IfTaken::NextName => {
                tmp = e.file;
                last = Some(name);
            }
            Err(e) => return Err(e.error),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("every name like \"{}\" is taken", last.unwrap_or_default())))
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

    #[test]
    fn a_taken_name_is_never_replaced_unless_asked_and_every_save_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "mine").unwrap();
        let err = save_whole(dir.path(), ["a.txt".to_string()], b"new", IfTaken::NextName).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
        assert_eq!(save_whole(dir.path(), ["a.txt".into(), "b.txt".into()], b"new", IfTaken::NextName).unwrap(), dir.path().join("b.txt"));
        assert_eq!(save_whole(dir.path(), ["a.txt".to_string()], b"replaced", IfTaken::Replace).unwrap(), path);
        assert_eq!(fs::read_to_string(&path).unwrap(), "replaced");
        assert_eq!((mode(&path), mode(&dir.path().join("b.txt"))), (0o600, 0o600));
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 2, "no temporary file is left: {left:?}");
    }
}
