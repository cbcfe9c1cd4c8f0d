//! `soleus plan`: read a case on stdin (as `soleus assess`), assess it and print its management
//! plan; `--assessment` plans from an assessment already made; `--tweak` prints the protocol for
//! a recurring calf problem.

use clap::Args;

use super::assess::Format;
use super::{cases, CliError, CliResult};
use crate::engine::{self, Assessment};
use crate::plans::{self, Plan};

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// `json` for programs, `text` for people.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// The plan for a calf that has flared up again after recovering (reads nothing).
    #[arg(long, conflicts_with = "assessment")]
    pub tweak: bool,
    /// Read an assessment (the JSON `soleus assess` prints) instead of a case.
    #[arg(long)]
    pub assessment: bool,
}

pub fn run(args: PlanArgs) -> CliResult {
    let plan = if args.tweak {
        plans::tweak_plan()
    } else if args.assessment {
        plans::plan(&read_assessment()?)
    } else {
        let case = cases::read_cases(false)?.remove(0);
        plans::plan(&engine::assess(&case))
    };
    print(&plan, args.format);
    Ok(())
}

fn read_assessment() -> Result<Assessment, CliError> {
    let input = cases::read_stdin()?;
    serde_json::from_str(&input).map_err(|e| CliError::bad_input(format!("the input is not an assessment: {e}")))
}

fn print(plan: &Plan, format: Format) {
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(plan).expect("plans serialize")),
        Format::Text => print!("{}", plans::text::render(plan)),
    }
}
