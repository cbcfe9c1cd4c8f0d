//! `soleus validate`: check a case against the vocabulary and print it normalised.

use clap::Args;

use super::{cases, CliResult};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Read JSON Lines (one case per line) and write one normalised case per line.
    #[arg(long)]
    pub batch: bool,
}

pub fn run(args: ValidateArgs) -> CliResult {
    let cases = cases::read_cases(args.batch)?;
    for case in &cases {
        let json = case.to_json();
        if args.batch {
            println!("{json}");
        } else {
            println!("{}", serde_json::to_string_pretty(&json).expect("JSON values serialize"));
        }
    }
    Ok(())
}
