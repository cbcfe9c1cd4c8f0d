//! The `soleus` binary run against one database file, as the CLI tests drive it: a command's
//! output when it must succeed, its message when it must fail as bad input (exit 2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A new folder and the path of a database in it, not made yet (keep the folder while it is used).
pub fn new_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soleus.db");
    (dir, path)
}

/// `soleus --db DB [--profile NAME] ARGS...`.
pub struct Cli<'a> {
    db: &'a Path,
    profile: Option<&'a str>,
}

impl<'a> Cli<'a> {
    pub fn new(db: &'a Path) -> Self {
        Cli { db, profile: None }
    }

    /// Every command as the profile `name` (`--profile NAME` before the command).
    #[allow(dead_code)] // not every test file names a profile for all its commands
    pub fn as_profile(self, name: &'a str) -> Self {
        Cli { profile: Some(name), ..self }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_soleus"));
        command.arg("--db").arg(self.db);
        if let Some(name) = self.profile {
            command.arg("--profile").arg(name);
        }
        command.args(args).output().unwrap()
    }

    /// Runs a command that must succeed and returns what it printed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail as bad input (exit 2) and returns its message.
    pub fn bad_input(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stderr).unwrap()
    }
}
