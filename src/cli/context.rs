//! What every subcommand may need: the database (opened only when asked for) and the profile.

use std::path::PathBuf;

use chrono::Utc;

use super::CliError;
use crate::profiles::{self, Profile};
use crate::store::{self, Store};

pub struct Context {
    db: Option<PathBuf>,
    profile: Option<String>,
}

/// The name given to the profile the CLI creates when none exists and none was named.
const FIRST_PROFILE: &str = "Me";

impl Context {
    pub fn new(db: Option<PathBuf>, profile: Option<String>) -> Self {
        Context { db, profile }
    }

    pub fn open_store(&self) -> Result<Store, CliError> {
        let path = match &self.db {
            Some(p) => p.clone(),
            None => store::default_db_path()?,
        };
        Ok(Store::open(path)?)
    }

    /// The profile named by `--profile` (created if new), else the active one (created if there
    /// is none at all).
    pub fn profile(&self, store: &mut Store) -> Result<Profile, CliError> {
        // Found or created in one transaction: another process may be creating it too.
        match &self.profile {
            Some(name) => Ok(profiles::find_or_create(store, name, Utc::now())?.0),
            None => Ok(profiles::active_or_create(store, FIRST_PROFILE, Utc::now())?),
        }
    }

    /// True when `--profile` was given.
    pub fn names_profile(&self) -> bool {
        self.profile.is_some()
    }

    /// For commands that only read: the profile named by `--profile`, which must exist (an
    /// unknown name is an error and nothing is created), else the active one, if any.
    pub fn existing_profile(&self, store: &Store) -> Result<Option<Profile>, CliError> {
        match &self.profile {
            Some(name) => profiles::find_by_name(store, name)?
                .map(Some)
                .ok_or_else(|| CliError::bad_input(format!("no profile called \"{}\" (see `soleus profile list`)", name.trim()))),
            None => Ok(profiles::active(store)?),
        }
    }
}
