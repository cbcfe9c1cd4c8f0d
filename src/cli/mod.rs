//! Command-line parsing and dispatch. Each subcommand lives in a module of its own and is a thin
//! adapter: parse arguments, call the core, print the result.
//!
//! Exit codes: 0 success, 2 bad input (the message names what was wrong), 1 anything else.

mod assess;
pub mod assess_json;
mod benchmark;
mod cases;
mod context;
mod exercises;
mod log;
mod plan;
mod profile;
mod report;
mod return_to_run;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use context::Context;

#[derive(Debug, Parser)]
#[command(name = "soleus", version, about = "Calf and posterior-knee pain for runners: check, plan, exercises, log")]
pub struct Cli {
    /// The database file (default: the app's own, in the platform's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<std::path::PathBuf>,
    /// The profile to use (default: the active one). Created on first use.
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, add, rename, delete or switch profiles.
    #[command(subcommand)]
    Profile(profile::ProfileCommand),
    /// The pain log: add scores, import runs, the weekly review, export.
    #[command(subcommand)]
    Log(log::LogCommand),
    /// Write the clinician report: one HTML file, ready to print to PDF.
    Report(report::ReportArgs),
    /// Assess a case {"findings": {...}} read on stdin: triage, red flags, likely causes, next questions.
    Assess(assess::AssessArgs),
    /// Check a case against the vocabulary and print it normalised.
    Validate(validate::ValidateArgs),
    /// The rehab exercise library: list it, or show one exercise (`show ID`).
    Exercises(exercises::ExercisesArgs),
    /// The management plan for a case read on stdin (as `soleus assess`), or `--tweak`.
    Plan(plan::PlanArgs),
    /// How accurate the engine is: top-1, top-3, triage and under-triage on the case sets it ships with, full case and interview.
    Benchmark(benchmark::BenchmarkArgs),
    /// The return to running, measured: record functional tests and outcome scores, see what unlocks the next step.
    #[command(subcommand)]
    ReturnToRun(return_to_run::ReturnToRunCommand),
}

/// A failure the CLI reports: the message goes to stderr, and the code decides the exit status.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub bad_input: bool,
}

impl CliError {
    pub fn bad_input(message: impl Into<String>) -> Self {
        CliError { message: message.into(), bad_input: true }
    }
}

impl From<crate::Error> for CliError {
    fn from(e: crate::Error) -> Self {
        let bad_input = e.is_bad_input();
        CliError { message: e.to_string(), bad_input }
    }
}

impl From<crate::profiles::ProfileError> for CliError {
    fn from(e: crate::profiles::ProfileError) -> Self {
        crate::Error::from(e).into()
    }
}

impl From<crate::store::StoreError> for CliError {
    fn from(e: crate::store::StoreError) -> Self {
        crate::Error::from(e).into()
    }
}

pub type CliResult = Result<(), CliError>;

pub fn run() -> ExitCode {
    #[cfg(unix)]
    // SAFETY: called first, before any thread exists; SIG_DFL is always a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    // A panic is logged beside the database this run uses (the app shows that log).
    if let Some(dir) = cli.db.clone().or_else(|| crate::store::default_db_path().ok()).and_then(|p| p.parent().map(std::path::Path::to_path_buf)) {
        crate::crash_log::install(dir);
    }
    let ctx = Context::new(cli.db, cli.profile);
    let result = match cli.command {
        Command::Profile(cmd) => profile::run(&ctx, cmd),
        Command::Log(cmd) => log::run(&ctx, cmd),
        Command::Report(args) => report::run(&ctx, args),
        Command::Assess(args) => assess::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Exercises(args) => exercises::run(args),
        Command::Plan(args) => plan::run(args),
        Command::Benchmark(args) => benchmark::run(args),
        Command::ReturnToRun(cmd) => return_to_run::run(&ctx, cmd),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(if e.bad_input { 2 } else { 1 })
        }
    }
}
