//! `soleus log ...`: the pain log, imports, the weekly review and exports.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, Utc};
use clap::{Subcommand, ValueEnum};

use super::{CliError, CliResult, Context};
use crate::app::{check, log, run_score};
use crate::engine::Case;
use crate::export::{backup, csv};
use crate::import::{self, ImportOptions, ImportProgress};
use crate::log::entries::{self, PainEntry};
use crate::log::review::{self, WeeklyReview, pain_monitoring};
use crate::log::sessions::{self, Session};
use crate::log::{IsoWeek, LogError, RunMoment, Side, Zone, assessments, exercises, parse_time};
use crate::settings::{self, Units};

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Record a pain score (0-10) at a key moment.
    Add {
        /// 0 (no pain) to 10 (worst imaginable).
        #[arg(long, allow_hyphen_values = true)]
        score: String,
        /// When (RFC 3339, e.g. 2026-11-21T07:30:00+01:00, or "2026-11-21 07:30" local); default now.
        #[arg(long)]
        at: Option<String>,
        /// The key moment it was scored at, e.g. "1 h after run" or "5 km mark"; with --run, the
        /// moment of that run: during, after or next-morning.
        #[arg(long, default_value = "")]
        moment: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// left, right or both.
        #[arg(long)]
        side: Option<String>,
        /// The run (session id, see `log runs`) the score belongs to.
        #[arg(long)]
        run: Option<i64>,
        /// Where it hurts, a region of the body map: behind_knee, upper_calf_medial,
        /// upper_calf_lateral, mid_calf, lower_calf, achilles, inner_shin, whole_calf, front_shin.
        #[arg(long)]
        site: Option<String>,
    },
    /// The recent runs (last 28 days), newest first, with the scores tied to each and what the
    /// pain-monitoring model reads in them.
    Runs {
        #[arg(long)]
        json: bool,
    },
    /// Record the sets done of a library exercise (see `soleus exercises`) on a day.
    Exercise {
        /// The exercise's id, e.g. glute_bridge.
        id: String,
        #[arg(long)]
        sets: u8,
        /// The day (YYYY-MM-DD); default today.
        #[arg(long)]
        on: Option<String>,
    },
    /// Delete a pain score by its id (see `log list --json`).
    Delete { id: i64 },
    /// List the pain scores (or, with --sessions, the training sessions), oldest first.
    List {
        #[arg(long)]
        json: bool,
        #[arg(long)]
        sessions: bool,
    },
    /// Import run files (.gpx .tcx .fit), Strava's activities.csv, a pain-log CSV
    /// (recorded_at,score,moment,side,notes) or a Soleus .json backup; folders are walked.
    Import {
        #[arg(required = true, value_name = "FILE|DIR")]
        paths: Vec<PathBuf>,
    },
    /// The weekly review: pain against last week, what to do next, and training-load warnings.
    Review {
        /// The ISO week, e.g. 2026-W47 (default: this week).
        #[arg(long)]
        week: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Assess a case read on stdin (as `soleus assess` does) and save the case with its result,
    /// so the report shows it as it was given.
    SaveAssessment {
        /// A clinician's notes on the check (at most 4,000 characters).
        #[arg(long, default_value = "")]
        notes: String,
        /// Who examined (at most 120 characters).
        #[arg(long, default_value = "")]
        examined_by: String,
    },
    /// Export the pain log or sessions as CSV, or the whole profile as a JSON backup.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// For CSV: which table.
        #[arg(long, value_enum, default_value = "pain")]
        table: Table,
        /// Write to this file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Table {
    Pain,
    Sessions,
}

impl From<LogError> for CliError {
    fn from(e: LogError) -> Self {
        crate::Error::from(e).into()
    }
}

fn local_now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

pub fn run(ctx: &Context, cmd: LogCommand) -> CliResult {
    match cmd {
        LogCommand::Add { score, at, moment, notes, side, run, site } => {
            add(ctx, &score, at.as_deref(), &moment, &notes, side.as_deref(), run, site.as_deref())
        }
        LogCommand::Runs { json } => runs(ctx, json),
        LogCommand::Exercise { id, sets, on } => exercise(ctx, &id, sets, on.as_deref()),
        LogCommand::Delete { id } => delete(ctx, id),
        LogCommand::List { json, sessions } => list(ctx, json, sessions),
        LogCommand::Import { paths } => import(ctx, &paths),
        LogCommand::Review { week, json } => review(ctx, week.as_deref(), json),
        LogCommand::SaveAssessment { notes, examined_by } => save_assessment(ctx, &notes, &examined_by),
        LogCommand::Export { format, table, out } => export(ctx, format, table, out.as_deref()),
    }
}

#[allow(clippy::too_many_arguments)]
fn add(ctx: &Context, score: &str, at: Option<&str>, moment: &str, notes: &str, side: Option<&str>, run: Option<i64>, site: Option<&str>) -> CliResult {
    // Everything the database is not needed for is checked before it is opened: bad input
    // writes nothing. With --run, --moment names the moment of that run.
    let now = local_now();
    let score = entries::parse_score(score)?;
    // A bad time is named before a bad side, moment or site.
    at.map(|t| parse_time(t, Zone::Local)).transpose()?;
    let side = side.map(Side::parse_optional).transpose()?.flatten();
    let run_moment = run.map(|_| RunMoment::parse(moment)).transpose()?;
    let text_moment = if run.is_some() { "" } else { moment };
    let site = site.map(crate::log::sites::parse_optional).transpose()?.flatten();
    // The score as the Log screen sends one: read and checked here, stored by the same function.
    let free = log::PainScore { recorded_at: at, score: i64::from(score), moment: text_moment, side, notes, site: site.as_deref() };
    free.entry(Zone::Local, now)?;
    let mut store = ctx.open_store()?;
    let profile = ctx.profile(&mut store)?;
    // A run's score is stored as the Log screen scores a run: given no time, it is placed in the
    // run (the core's `time_for_run`).
    let saved = match (run, run_moment) {
        (Some(run_id), Some(moment)) => {
            let s = run_score::RunScore { run_id, moment, score: i64::from(score), side, site: site.as_deref(), notes, recorded_at: at };
            run_score::score_run(&mut store, profile.id, &s, Zone::Local, now.to_utc())?
        }
        _ => log::add_pain_entry(&mut store, profile.id, &free, Zone::Local, now)?,
    };
    println!("recorded {}/10 at {} for \"{}\"", saved.score, saved.recorded_at.format("%Y-%m-%d %H:%M %:z"), profile.name);
    Ok(())
}

fn exercise(ctx: &Context, id: &str, sets: u8, on: Option<&str>) -> CliResult {
    // Checked before the database is opened: bad input writes nothing.
    let exercise = crate::exercises::find(id.trim()).map_err(|e| CliError::bad_input(e.to_string()))?;
    let done_on = match on {
        Some(day) => day.trim().parse().map_err(|_| CliError::bad_input(format!("cannot read the day \"{day}\": write it as YYYY-MM-DD")))?,
        None => local_now().date_naive(),
    };
    if sets == 0 || sets > exercises::MAX_SETS {
        return Err(CliError::bad_input(format!("sets must be 1 to {}; got {sets}", exercises::MAX_SETS)));
    }
    let mut store = ctx.open_store()?;
    let profile = ctx.profile(&mut store)?;
    let done = exercises::ExerciseCompletion { exercise_id: exercise.id.clone(), done_on, sets_done: sets };
    crate::app::exercises::record_done(&mut store, profile.id, &done)?;
    println!("recorded {sets} set(s) of {} on {done_on} for \"{}\"", exercise.name, profile.name);
    Ok(())
}

fn delete(ctx: &Context, id: i64) -> CliResult {
    let mut store = ctx.open_store()?;
    let profile = ctx.existing_profile(&store)?.ok_or_else(|| CliError::bad_input("there is no profile yet"))?;
    if !entries::delete(&mut store, profile.id, id)? {
        return Err(CliError::bad_input(format!("\"{}\" has no pain score with id {id} (see `soleus log list --json`)", profile.name)));
    }
    println!("deleted pain score {id} of \"{}\"", profile.name);
    Ok(())
}

fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(value).expect("log types serialize"));
}

fn list(ctx: &Context, json: bool, want_sessions: bool) -> CliResult {
    let store = ctx.open_store()?;
    let profile = ctx.existing_profile(&store)?;
    let id = profile.map_or(-1, |p| p.id);
    if want_sessions {
        let all = sessions::list(store.conn(), id)?;
        if json {
            print_json(&all);
        } else {
            all.iter().for_each(|s| println!("{}", session_line(s)));
        }
    } else {
        let all = entries::list(store.conn(), id)?;
        if json {
            print_json(&all);
        } else {
            all.iter().for_each(|e| println!("{}", entry_line(e)));
        }
    }
    Ok(())
}

fn runs(ctx: &Context, json: bool) -> CliResult {
    let store = ctx.open_store()?;
    let profile = ctx.existing_profile(&store)?;
    let checks = run_score::recent_runs(&store, profile.map_or(-1, |p| p.id), local_now().date_naive())?;
    if json {
        print_json(&checks);
    } else {
        for c in &checks {
            println!("{:>5}  {}\n       {}", c.run_id, pain_monitoring::scores_line(c), c.sentence);
        }
    }
    Ok(())
}

fn entry_line(e: &PainEntry) -> String {
    let side = e.side.map_or("", |s| s.as_str());
    let mut line = format!("{}  {:>2}/10  {:<5}  {}", e.recorded_at.format("%Y-%m-%d %H:%M %:z"), e.score, side, e.moment);
    if let Some(site) = &e.site {
        line.push_str(&format!("  at {site}"));
    }
    if let Some(run) = e.run_id {
        line.push_str(&format!("  [run {run}]"));
    }
    if !e.notes.is_empty() {
        line.push_str(&format!("  ({})", e.notes));
    }
    line.trim_end().to_string()
}

fn session_line(s: &Session) -> String {
    let km = s.distance_m.map_or("-".into(), |d| format!("{:.2} km", d / 1000.0));
    let min = s.duration_s.map_or("-".into(), |d| format!("{:.0} min", d / 60.0));
    let climb = s.elevation_gain_m.map_or("-".into(), |c| format!("{c:.0} m up"));
    format!("{}  {:<8}  {km:>10}  {min:>8}  {climb:>8}  {}", s.started_at.format("%Y-%m-%d %H:%M %:z"), s.sport.as_str(), s.source_file.as_deref().unwrap_or(""))
}

fn import(ctx: &Context, paths: &[PathBuf]) -> CliResult {
    // Files of a kind Soleus cannot read are refused before anything (even a profile) is written.
    let list = import::collect(paths)?;
    let mut store = ctx.open_store()?;
    // Backups restore into the profile named in them unless --profile says otherwise.
    let profile = if ctx.names_profile() || list.needs_profile() { Some(ctx.profile(&mut store)?) } else { None };
    let now = local_now();
    let bar = indicatif::ProgressBar::new(list.files.len() as u64);
    if std::io::stderr().is_terminal() {
        bar.set_style(indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files  {wide_msg}").expect("a valid template"));
    } else {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut stdout = std::io::stdout();
    let options = ImportOptions::new(Zone::Local, now.to_utc());
    let report = import::import_files(&mut store, profile.as_ref().map(|p| p.id), &list, &options, &mut |p| match p {
        ImportProgress::FileStarted { path, .. } => bar.set_message(path),
        // One line per commit, flushed: what is printed here is safely stored. The bar steps
        // aside while it is printed.
        ImportProgress::Committed { path, rows_committed, rows_total, .. } if rows_total > 0 => bar.suspend(|| {
            let _ = writeln!(stdout, "saved {rows_committed} of {rows_total} rows of {path}");
            let _ = stdout.flush();
        }),
        ImportProgress::FileFinished { .. } => bar.inc(1),
        _ => {}
    })?;
    bar.finish_and_clear();
    for f in report.files.iter().filter(|f| f.error.is_some()) {
        eprintln!("not imported: {}", f.error.as_deref().unwrap_or_default());
    }
    for path in &report.ignored {
        eprintln!("ignored (not a kind Soleus reads): {path}");
    }
    let into = profile.map_or("the profiles named in the backups".into(), |p| format!("\"{}\"", p.name));
    println!(
        "imported {} new rows into {into} from {} file(s); {} already there; {} file(s) failed",
        report.added,
        report.files.len() - report.failed,
        report.duplicates,
        report.failed
    );
    if report.failed > 0 {
        return Err(CliError::bad_input(format!("{} file(s) could not be imported (listed above); the others were", report.failed)));
    }
    Ok(())
}

fn review(ctx: &Context, week: Option<&str>, json: bool) -> CliResult {
    // A week that is not one is refused before the database is opened.
    if let Some(w) = week {
        w.parse::<IsoWeek>()?;
    }
    let store = ctx.open_store()?;
    let profile = ctx.existing_profile(&store)?;
    // In the units the app saved, so the terminal and the Log screen speak alike.
    let r = log::weekly_review(&store, profile.map_or(-1, |p| p.id), week, local_now().date_naive())?;
    let units = settings::get(&store)?.units;
    if json {
        print_json(&r);
    } else {
        print!("{}", review_text(&r, units));
    }
    Ok(())
}

/// The review as plain text for a terminal, distances in `units` (as the review's sentences are).
pub fn review_text(r: &WeeklyReview, units: Units) -> String {
    let mut out = format!("Week {} ({} to {})\n", r.week, r.starts_on.format("%a %-d %b"), crate::log::day(r.ends_on));
    let moment = r.key_moment.as_deref().filter(|m| !m.is_empty()).map(|m| format!(" at \"{m}\"")).unwrap_or_default();
    let pain = |p: &Option<review::WeekPain>| {
        p.as_ref().map_or("no score".into(), |p| format!("{:.1}/10 ({} score{})", p.mean, p.scores, if p.scores == 1 { "" } else { "s" }))
    };
    out += &format!("Pain{moment}: this week {}, last week {}\n", pain(&r.pain), pain(&r.previous_pain));
    out += &format!("\n{}\n{}\n\n", r.advice.headline, r.advice.detail);
    let load = |l: &review::WeekLoad| {
        format!("{} runs, {}, {:.0} min, {:.0} m climb", l.runs, units.distance(l.distance_km), l.duration_min, l.elevation_gain_m)
    };
    out += &format!("Running this week: {}\nRunning last week: {}\n", load(&r.load), load(&r.previous_load));
    for w in &r.warnings {
        out += &format!("! {}\n", w.message);
    }
    for n in &r.not_judged {
        out += &format!("(not judged: {n})\n");
    }
    out += "\nPain-monitoring model (pain tied to runs):\n";
    for sentence in &r.pain_monitoring.sentences {
        out += &format!("  {sentence}\n");
    }
    out += &format!("\n{}\n", r.when_to_seek_care);
    out
}

fn save_assessment(ctx: &Context, notes: &str, examined_by: &str) -> CliResult {
    // Checked before the database is opened: bad input writes nothing.
    assessments::check_notes(notes)?;
    crate::log::confirmation::examiner_name(examined_by).map_err(crate::Error::from)?;
    let text = super::cases::read_stdin()?;
    let case = Case::from_json(&text).map_err(|e| CliError::bad_input(format!("{e} [{}]", e.code())))?;
    let mut store = ctx.open_store()?;
    let profile = ctx.profile(&mut store)?;
    // Saved as the window saves a check (crate::app::check::save), a whole case as given.
    let saving = check::Saving { notes, examined_by, screen: check::Screen::AsGiven };
    // Worded as the app words a saved check: a band, and the rounded figure.
    let check = crate::app::saved::save(&mut store, profile.id, &check::CheckAnswers::of_case(&case), saving, Utc::now())?;
    let advice = check.view.as_ref().map_or("", |v| &*v.assessment.triage_advice);
    println!("saved for \"{}\" on {}: {advice}", profile.name, check.saved.created_at.format("%Y-%m-%d %H:%M UTC"));
    if let Some(top) = check.view.as_ref().and_then(|v| v.chances.first()) {
        println!("most likely: {} ({}, {})", top.name, top.words, top.figure);
    }
    Ok(())
}

fn export(ctx: &Context, format: ExportFormat, table: Table, out: Option<&Path>) -> CliResult {
    let store = ctx.open_store()?;
    let Some(profile) = ctx.existing_profile(&store)? else {
        return Err(CliError::bad_input("there is no profile to export yet"));
    };
    let mut bytes = Vec::new();
    match (format, table) {
        (ExportFormat::Csv, Table::Pain) => csv::write_pain(&entries::list(store.conn(), profile.id)?, &mut bytes)?,
        (ExportFormat::Csv, Table::Sessions) => csv::write_sessions(&sessions::list(store.conn(), profile.id)?, &mut bytes)?,
        (ExportFormat::Json, _) => {
            let b = backup::export(store.conn(), &profile, Utc::now())?;
            bytes = serde_json::to_vec_pretty(&b).expect("a backup serializes");
            bytes.push(b'\n');
        }
    }
    match out {
        Some(path) => write_file(path, &bytes),
        None => std::io::stdout().write_all(&bytes).map_err(|e| CliError { message: format!("cannot write: {e}"), bad_input: false }),
    }
}

/// Writes a whole file or nothing, 0600, replacing `path` if it exists (the person named it):
/// the same save as the app's exports ([`crate::private::save_whole`]).
pub fn write_file(path: &Path, bytes: &[u8]) -> CliResult {
    crate::export::files::save_as(path, bytes).map_err(|e| cannot_write(e.into()))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// A failure to save an `--out` file, worded the same for every command that writes one.
pub fn cannot_write(e: crate::Error) -> CliError {
    match e {
        crate::Error::Log(crate::log::LogError::Io { path, source }) => CliError { message: format!("cannot write {}: {source}", path.display()), bad_input: false },
        e => e.into(),
    }
}
