//! `soleus return-to-run test|score|status`: record the functional tests and outcome scores, and
//! print where the runner is (the core's verdicts, worded by the core). A score is recorded by the
//! application function the window calls (`app::return_to_run::record_outcome_score`).

use chrono::{Local, NaiveDate};
use clap::Subcommand;

use super::{CliError, CliResult, Context};
use crate::app;
use crate::return_to_run::{self as rtr, CriterionVerdict, FunctionalTest, OutcomeScore};

#[derive(Debug, Subcommand)]
pub enum ReturnToRunCommand {
    /// Record a day's functional tests (any of them; a second record that day fills it in).
    Test {
        /// Single-leg calf raises to fatigue on the left leg (with --calf-raises-right).
        #[arg(long, allow_negative_numbers = true)]
        calf_raises_left: Option<i64>,
        #[arg(long, allow_negative_numbers = true)]
        calf_raises_right: Option<i64>,
        /// Knee-to-wall lunge, the toes' distance from the wall in cm (with --knee-to-wall-right).
        #[arg(long, allow_negative_numbers = true)]
        knee_to_wall_left: Option<f64>,
        #[arg(long, allow_negative_numbers = true)]
        knee_to_wall_right: Option<f64>,
        /// Pain 0-10 hopping on the injured leg.
        #[arg(long, allow_negative_numbers = true)]
        hop_pain: Option<i64>,
        /// Pain 0-10 walking.
        #[arg(long, allow_negative_numbers = true)]
        walk_pain: Option<i64>,
        /// Pain 0-10 during the calf raises.
        #[arg(long, allow_negative_numbers = true)]
        raise_pain: Option<i64>,
        /// The day (YYYY-MM-DD); default today.
        #[arg(long)]
        on: Option<String>,
    },
    /// Record an outcome questionnaire's total: visa_a (0-100) or lefs (0-80).
    Score {
        instrument: String,
        #[arg(allow_negative_numbers = true)]
        score: i64,
        /// The day (YYYY-MM-DD); default today.
        #[arg(long)]
        on: Option<String>,
    },
    /// Where the profile is: each criterion of its latest check's plan, what unlocks the next step.
    Status {
        #[arg(long)]
        json: bool,
    },
}

fn day(on: Option<&str>) -> Result<NaiveDate, CliError> {
    match on {
        Some(d) => d.trim().parse().map_err(|_| CliError::bad_input(format!("cannot read the day \"{d}\": write it as YYYY-MM-DD"))),
        None => Ok(Local::now().date_naive()),
    }
}

pub fn run(ctx: &Context, cmd: ReturnToRunCommand) -> CliResult {
    match cmd {
        ReturnToRunCommand::Test { calf_raises_left, calf_raises_right, knee_to_wall_left, knee_to_wall_right, hop_pain, walk_pain, raise_pain, on } => {
            let test = FunctionalTest {
                tested_on: day(on.as_deref())?,
                calf_raises_left,
                calf_raises_right,
                knee_to_wall_left_cm: knee_to_wall_left,
                knee_to_wall_right_cm: knee_to_wall_right,
                hop_pain,
                walk_pain,
                calf_raise_pain: raise_pain,
            };
            // Checked before the database is opened: bad input writes nothing.
            rtr::records::check_test(&test).map_err(crate::Error::from)?;
            let mut store = ctx.open_store()?;
            let profile = ctx.profile(&mut store)?;
            let saved = rtr::records::record_test(&mut store, profile.id, &test).map_err(crate::Error::from)?;
            println!("recorded the tests of {} for \"{}\"", saved.tested_on, profile.name);
        }
        ReturnToRunCommand::Score { instrument, score, on } => {
            let score = OutcomeScore { instrument: instrument.trim().to_lowercase(), scored_on: day(on.as_deref())?, score };
            rtr::records::check_score(&score).map_err(crate::Error::from)?;
            let mut store = ctx.open_store()?;
            let profile = ctx.profile(&mut store)?;
            // The window's call (`record_outcome_score`): its outcome view is the chart's, not printed here.
            app::return_to_run::record_outcome_score(&mut store, profile.id, &score, Local::now().date_naive())?;
            println!("recorded {} {} on {} for \"{}\"", score.instrument, score.score, score.scored_on, profile.name);
        }
        ReturnToRunCommand::Status { json } => {
            let store = ctx.open_store()?;
            let profile = ctx.existing_profile(&store)?.ok_or_else(|| CliError::bad_input("there is no profile yet"))?;
            let Some(r) = rtr::for_profile(&store, profile.id, None, Local::now().date_naive())? else {
                return Err(CliError::bad_input(format!("\"{}\" has no saved check yet: save one first (soleus log save-assessment)", profile.name)));
            };
            if json {
                println!("{}", serde_json::to_string_pretty(&r).expect("serialisable"));
                return Ok(());
            }
            println!("Return to running ({}), if this is: {}", r.protocol, r.condition_name);
            if let Some(held) = &r.held {
                println!("{held}");
            }
            for s in &r.stages {
                println!("\n{} ({:?})", s.name, s.state);
                for c in &s.exit {
                    let mark = match c.verdict {
                        CriterionVerdict::Met => "met",
                        CriterionVerdict::NotMet => "not met",
                        CriterionVerdict::NotTested => "not yet tested",
                    };
                    let found = c.found.as_ref().map_or(String::new(), |f| format!(" ({f})"));
                    println!("  [{mark}] {}{found}", c.text);
                }
            }
            println!("\n{}", r.next.summary);
            if r.ladder.unlocked {
                println!("\nWalk-run ladder:");
                for (i, step) in r.ladder.steps.iter().enumerate() {
                    println!("  {}. {step}", i + 1);
                }
            }
            let o = &r.outcome;
            let due = if o.due { "due now".to_string() } else { format!("next due {}", o.next_due) };
            println!("\n{}: {} score(s), {due}", o.instrument.name, o.scores.len());
        }
    }
    Ok(())
}
