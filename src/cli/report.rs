//! `soleus report --out FILE.html`: the clinician report.

use std::path::PathBuf;

use chrono::Local;
use clap::Args;

use super::{CliError, CliResult, Context};
use crate::export::report;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The HTML file to write (open it in a browser and print to PDF).
    #[arg(long)]
    out: PathBuf,
    /// How many weeks of the log to include.
    #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=520))]
    weeks: u32,
}

pub fn run(ctx: &Context, args: ReportArgs) -> CliResult {
    let store = ctx.open_store()?;
    let Some(profile) = ctx.existing_profile(&store)? else {
        return Err(CliError::bad_input("there is no profile to report on yet"));
    };
    let data = report::gather(store.conn(), &profile, Local::now().fixed_offset(), args.weeks)?;
    super::log::write_file(&args.out, report::render(&data).as_bytes())
}
