//! `soleus plan`: the management plan for an assessment, or `--tweak` for a recurrence.

use std::io::Read;

use clap::{Args, ValueEnum};

use super::{CliError, CliResult};
use crate::engine::Assessment;
use crate::plans::{self, Plan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// `json` for programs, `text` for people.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// The plan for a calf that has flared up again after recovering (reads nothing).
    #[arg(long, conflicts_with = "assessment")]
    pub tweak: bool,
    /// Read an assessment (the JSON `soleus assess` prints) on stdin.
    #[arg(long)]
    pub assessment: bool,
}

pub fn run(args: PlanArgs) -> CliResult {
    let plan = if args.tweak {
        plans::tweak_plan()
    } else {
        plans::plan(&read_assessment()?)
    };
    print(&plan, args.format);
    Ok(())
}

fn read_assessment() -> Result<Assessment, CliError> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| CliError { message: format!("reading stdin: {e}"), bad_input: false })?;
    serde_json::from_str(&input).map_err(|e| CliError::bad_input(format!("the input is not an assessment: {e}")))
}

fn print(plan: &Plan, format: Format) {
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(plan).expect("plans serialize")),
        Format::Text => print!("{}", plans::text::render(plan)),
    }
}
