//! `soleus profile ...`

use chrono::Utc;
use clap::Subcommand;

use super::{CliError, CliResult, Context};
use crate::profiles::{self, Profile};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List profiles; the active one is marked with `*`.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a profile.
    Add { name: String },
    /// Rename a profile.
    Rename { name: String, new_name: String },
    /// Delete a profile and everything recorded for it.
    Delete {
        name: String,
        /// Required: deleting cannot be undone.
        #[arg(long)]
        yes: bool,
    },
    /// Make a profile the active one.
    Use { name: String },
}

fn by_name(store: &Store, name: &str) -> Result<Profile, CliError> {
    profiles::find_by_name(store, name)?
        .ok_or_else(|| CliError::bad_input(format!("no profile called \"{}\" (see `soleus profile list`)", name.trim())))
}

pub fn run(ctx: &Context, cmd: ProfileCommand) -> CliResult {
    let mut store = ctx.open_store()?;
    match cmd {
        ProfileCommand::List { json } => {
            let all = profiles::list(&store)?;
            let active = profiles::active(&store)?.map(|p| p.id);
            if json {
                println!("{}", serde_json::to_string_pretty(&all).expect("profiles serialize"));
            } else {
                for p in all {
                    let mark = if Some(p.id) == active { '*' } else { ' ' };
                    println!("{mark} {}", p.name);
                }
            }
        }
        ProfileCommand::Add { name } => {
            let p = profiles::create(&mut store, &name, Utc::now())?;
            println!("added profile \"{}\"", p.name);
        }
        ProfileCommand::Rename { name, new_name } => {
            let p = by_name(&store, &name)?;
            let p = profiles::rename(&mut store, p.id, &new_name)?;
            println!("renamed to \"{}\"", p.name);
        }
        ProfileCommand::Delete { name, yes } => {
            let p = by_name(&store, &name)?;
            if !yes {
                return Err(CliError::bad_input(format!(
                    "deleting \"{}\" removes everything recorded for it; add --yes to confirm",
                    p.name
                )));
            }
            profiles::delete(&mut store, p.id)?;
            println!("deleted profile \"{}\"", p.name);
        }
        ProfileCommand::Use { name } => {
            let p = by_name(&store, &name)?;
            profiles::set_active(&mut store, p.id)?;
            println!("now using \"{}\"", p.name);
        }
    }
    Ok(())
}
