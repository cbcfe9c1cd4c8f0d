//! `soleus exercises [--json]` and `soleus exercises show ID [--json | --svg]`.

use clap::{Args, Subcommand};

use super::CliResult;
use crate::exercises::{self, Exercise};

#[derive(Debug, Args)]
pub struct ExercisesArgs {
    #[command(subcommand)]
    pub command: Option<ExercisesCommand>,
    /// Print the library as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ExercisesCommand {
    /// Show one exercise: goal, steps, form tips, prescription, progressions and cautions.
    Show {
        id: String,
        /// Print the exercise as JSON.
        #[arg(long, conflicts_with = "svg")]
        json: bool,
        /// Print the exercise's illustration (an SVG document).
        #[arg(long)]
        svg: bool,
    },
}

pub fn run(args: ExercisesArgs) -> CliResult {
    match args.command {
        None => {
            let all = exercises::library();
            if args.json {
                println!("{}", serde_json::to_string_pretty(all).expect("exercises serialize"));
            } else {
                for e in all {
                    println!("{:<28} {:<13} {}", e.id, e.phase.label(), e.name);
                }
            }
        }
        Some(ExercisesCommand::Show { id, json, svg }) => {
            let e = exercises::find(&id).map_err(crate::Error::from)?;
            if svg {
                println!("{}", e.svg());
            } else if json {
                println!("{}", serde_json::to_string_pretty(e).expect("exercise serializes"));
            } else {
                print!("{}", text(e));
            }
        }
    }
    Ok(())
}

/// An exercise as a person reads it.
pub fn text(e: &Exercise) -> String {
    let mut s = format!("{}\n{}\n\nGoal: {}\n", e.name, "=".repeat(e.name.chars().count()), e.goal);
    s.push_str(&format!("Phase: {}   Works: {}\n", e.phase.label(), e.muscles.join(", ")));
    if !e.equipment.is_empty() {
        s.push_str(&format!("You need: {}\n", e.equipment.join("; ")));
    }
    s.push_str(&format!("\nPrescription: {}\n\nSteps:\n", e.prescription.summary()));
    for (i, step) in e.steps.iter().enumerate() {
        s.push_str(&format!("  {}. {step}\n", i + 1));
    }
    s.push_str("\nForm tips:\n");
    for t in &e.form_tips {
        s.push_str(&format!("  - {t}\n"));
    }
    let name_of = |id: &Option<String>| id.as_deref().and_then(|i| exercises::find(i).ok()).map(|x| format!("{} ({})", x.name, x.id));
    if let Some(p) = name_of(&e.progression) {
        s.push_str(&format!("\nWhen it is easy: {p}\n"));
    }
    if let Some(r) = name_of(&e.regression) {
        s.push_str(&format!("If it is too hard: {r}\n"));
    }
    if !e.cautions.is_empty() {
        s.push_str("\nCautions:\n");
        for c in &e.cautions {
            s.push_str(&format!("  - {c}\n"));
        }
    }
    if !e.not_for.is_empty() {
        s.push_str("Not for:\n");
        for c in &e.not_for {
            s.push_str(&format!("  - {c}\n"));
        }
    }
    s.push_str("\nSources:\n");
    for (i, c) in e.sources.iter().enumerate() {
        s.push_str(&format!("  {}. {c}\n", i + 1));
    }
    s
}
