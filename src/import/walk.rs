//! Finding the files in a folder.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every file under `dir`, in name order, skipping hidden entries (`.DS_Store`, `.git`) and not
/// following symbolic links to folders (which could loop).
pub fn files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d)? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                pending.push(entry.path());
            } else if kind.is_file() || (kind.is_symlink() && entry.path().is_file()) {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    Ok(found)
}
