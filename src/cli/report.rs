//! `soleus report --out FILE.html`: the clinician report, saved by the application function the
//! window's Share screen calls (`app::share::save_report`), into the file the person named.

use std::path::PathBuf;

use chrono::Local;
use clap::Args;

use super::{CliError, CliResult, Context};
use crate::app;
use crate::export::files::{SaveTo, REPORT_WEEKS};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The HTML file to write (open it in a browser and print to PDF).
    #[arg(long)]
    out: PathBuf,
    /// How many weeks of the log to include.
    #[arg(long, default_value_t = REPORT_WEEKS, value_parser = clap::value_parser!(u32).range(1..=520))]
    weeks: u32,
}

pub fn run(ctx: &Context, args: ReportArgs) -> CliResult {
    let store = ctx.open_store()?;
    let Some(profile) = ctx.existing_profile(&store)? else {
        return Err(CliError::bad_input("there is no profile to report on yet"));
    };
    app::share::save_report(&store, profile.id, args.weeks, SaveTo::File(&args.out), Local::now().fixed_offset()).map_err(super::log::cannot_write)?;
    println!("wrote {}", args.out.display());
    Ok(())
}
