//! `soleus validate`: check a case against the vocabulary and print it normalised.

use std::io::Write;

use clap::Args;

use super::{cases, CliResult};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Read JSON Lines (one case per line) and write one normalised case per line.
    #[arg(long)]
    pub batch: bool,
}

pub fn run(args: ValidateArgs) -> CliResult {
    cases::write_each(args.batch, |out, case| {
        let json = case.to_json();
        if args.batch { serde_json::to_writer(&mut *out, &json) } else { serde_json::to_writer_pretty(&mut *out, &json) }
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
    })
}
