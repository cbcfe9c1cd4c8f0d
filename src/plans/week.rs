//! The plan as days: this week and the next laid out as a calendar, from the plan and the log.
//!
//! Runs go on the weekdays the runner ran last week (their own pattern: the weekly loop changes
//! one parameter of the load, not the days), each with the Today card's amount, so the calendar
//! and the card never disagree. A plan that stops running places no runs and says why. The rehab
//! exercises are those of the phase each day falls in (`phase_on`): counted from the check's date
//! by the time window each phase's name states ("Settle (weeks 0-2)"), and, once the runner has
//! recorded the tests of the return-to-run stage a phase names as its exit, by those criteria
//! (`phase_exit` says what unlocks the next phase); a prescription's "3x a week" becomes named
//! days spread with rest between (`knowledge/week_plan.toml`). What the log holds ticks
//! itself: runs (typed in or imported) and exercise completions. The check's date is marked as
//! the injury on the calendar. Pure: the plan, the log and the moment are passed in.

use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::today::{RunToday, Today};
use super::{Plan, PlannedExercise, RehabPhase, SectionKind};
use crate::engine::Triage;
use crate::log::exercises::ExerciseCompletion;
use crate::log::sessions::{Session, Sport};
use crate::log::{IsoWeek, LogError};
use super::build::lower_first;
use crate::return_to_run::progress::{judge, CriterionView};
use crate::return_to_run::records::{self, FunctionalTest};
use crate::return_to_run::{knowledge as rtr_knowledge, CriterionVerdict, RecordError};
use crate::settings::Units;

/// How sessions are spread over a week: `knowledge/week_plan.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spacing {
    /// Rest days kept between two sessions of an exercise done fewer than daily, when the count
    /// allows.
    pub rest_days_between: u32,
    pub rest_days_between_src: String,
    /// From this many sessions a week, an exercise is done every day.
    pub daily_from: u32,
    pub daily_from_src: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekKnowledge {
    spacing: Spacing,
}

/// The spacing, parsed and its sources checked once. Panics on a broken file: knowledge ships
/// compiled in.
pub fn spacing() -> &'static Spacing {
    static KNOWLEDGE: OnceLock<Spacing> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        let k: WeekKnowledge = toml::from_str(crate::embedded::knowledge("week_plan.toml"))
            .unwrap_or_else(|e| panic!("knowledge/week_plan.toml: {e}"));
        for id in [&k.spacing.rest_days_between_src, &k.spacing.daily_from_src] {
            crate::engine::knowledge::get().check_cited(id).unwrap_or_else(|e| panic!("knowledge/week_plan.toml {e}"));
        }
        assert!(k.spacing.daily_from >= 1, "knowledge/week_plan.toml: daily_from must be at least 1");
        k.spacing
    })
}

/// This week and the next, day by day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekCalendar {
    /// The ISO week of `days`.
    pub week: IsoWeek,
    /// Monday to Sunday of this week, with what was done ticked.
    pub days: Vec<CalendarDay>,
    /// Monday to Sunday of next week: what is planned, a preview.
    pub next_week: Vec<CalendarDay>,
    /// The day of the check, marked as the injury on the calendar.
    #[ts(type = "string")]
    pub injury_on: NaiveDate,
    /// Why no run is planned, when none is: running is stopped, or no run is logged yet to
    /// learn the days from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub runs_note: Option<String>,
    /// What unlocks the phase after today's: its criteria with the latest tests, or its day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub phase_exit: Option<PhaseExit>,
}

/// One day of the calendar.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CalendarDay {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub today: bool,
    /// The day of the check (the injury on the training calendar).
    pub injury: bool,
    /// The rehab phase the day falls in, when the plan has one by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub phase: Option<String>,
    pub runs: Vec<CalendarRun>,
    pub exercises: Vec<CalendarExercise>,
    /// No run and no strength session that day (everyday mobility does not count).
    pub rest: bool,
}

/// A run on a day: logged (done) or planned.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CalendarRun {
    pub done: bool,
    /// Done: what was run ("5.0 km", "32 min"); planned: the Today card's amount ("under 5.0 km").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub amount: Option<String>,
}

/// A rehab exercise on a day: planned by the phase, done (from the log), or both.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CalendarExercise {
    /// The library id.
    pub id: String,
    pub name: String,
    /// The prescription in words (`Prescription::dose`).
    pub dose: String,
    /// Sessions that day: 2 for "twice a day".
    #[ts(type = "number")]
    pub sessions: u32,
    /// Sets a session (what ticking it records as done).
    #[ts(type = "number")]
    pub sets: u32,
    /// Done every day (mobility), rather than on strength days.
    pub daily: bool,
    pub planned: bool,
    pub done: bool,
}

/// What the calendar is built from.
pub struct WeekInputs<'a> {
    pub plan: &'a Plan,
    /// When the check was saved: day 0 of the plan's phases, and the injury's day.
    pub checked_at: DateTime<Utc>,
    /// The Today card for a day a run can still be planned on (`week_from_log` gives
    /// tomorrow's when today's run is already done): the amount every planned run carries.
    pub today: &'a Today,
    /// Running sessions from two weeks before this Monday on (more is fine: they are filtered).
    pub sessions: &'a [Session],
    pub completions: &'a [ExerciseCompletion],
    /// The runner's return-to-run tests, oldest first: they move the phases once recorded.
    pub tests: &'a [FunctionalTest],
    pub now: DateTime<FixedOffset>,
    pub units: Units,
}

/// This week and the next as days.
pub fn week(inputs: &WeekInputs) -> WeekCalendar {
    let today = inputs.now.date_naive();
    let this = IsoWeek::containing(today);
    let injury_on = inputs.checked_at.with_timezone(inputs.now.offset()).date_naive();
    let phases = inputs.plan.section(SectionKind::Rehab).map_or(&[][..], |s| s.phases.as_slice());
    let run_days = usual_run_days(inputs.sessions, this);
    let condition = inputs.plan.conditions.first().map_or("", |c| c.condition.as_str());
    // A stopping cause or urgent care stops every run; a phase that stops running (the first 48
    // hours) only the days before it ends.
    let stopped = running_stopped(inputs.plan, None);
    let paused = inputs.plan.pause_on(today).is_some();
    let amount = match inputs.today.run {
        RunToday::Yes | RunToday::Less => inputs.today.amount.clone(),
        RunToday::No => None,
    };
    let runs_note = if stopped || paused {
        Some(match &inputs.today.until {
            Some(until) => format!("{} {}", inputs.today.headline, until),
            None => inputs.today.headline.clone(),
        })
    } else if run_days.is_empty() {
        Some("No run planned yet: log your runs, and the calendar puts the next ones on the days you usually run.".into())
    } else {
        None
    };
    let day = |date: NaiveDate| {
        let mut runs: Vec<CalendarRun> = inputs
            .sessions
            .iter()
            .filter(|s| s.sport == Sport::Running && s.started_at.date_naive() == date && date <= today)
            .map(|s| CalendarRun { done: true, amount: done_amount(s, inputs.units) })
            .collect();
        let plan_run = !stopped && inputs.plan.pause_on(date).is_none() && runs.is_empty() && date >= today && date >= injury_on && run_days.contains(&date.weekday().num_days_from_monday());
        if plan_run {
            runs.push(CalendarRun { done: false, amount: amount.clone() });
        }
        let phase = phase_on(phases, condition, inputs.tests, injury_on, date);
        let mut exercises: Vec<CalendarExercise> = phase.map_or(vec![], |p| planned_on(p, date));
        for done in inputs.completions.iter().filter(|c| c.done_on == date) {
            match exercises.iter_mut().find(|e| e.id == done.exercise_id) {
                Some(e) => e.done = true,
                None => exercises.push(unplanned(&done.exercise_id)),
            }
        }
        let rest = runs.is_empty() && exercises.iter().all(|e| e.daily);
        CalendarDay { date, today: date == today, injury: date == injury_on, phase: phase.map(|p| p.name.clone()), runs, exercises, rest }
    };
    let days_of = |w: IsoWeek| (0..7).map(|i| day(w.monday() + Days::new(i))).collect::<Vec<_>>();
    let phase_exit = phase_exit(phases, condition, inputs.tests, injury_on, today);
    WeekCalendar { week: this, days: days_of(this), next_week: days_of(this.next()), injury_on, runs_note, phase_exit }
}

/// What leaves today's rehab phase for the next: the criteria of the return-to-run stage the
/// phase names (each met, not met or not yet tested) and the day the next phase's window opens.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PhaseExit {
    /// Today's phase.
    pub phase: String,
    /// The phase after it.
    pub next: String,
    /// The return-to-run stage whose criteria let the runner leave; none: time alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stage: Option<String>,
    pub criteria: Vec<CriterionView>,
    /// The first day the next phase's window allows, when its name states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub window_opens: Option<NaiveDate>,
    /// What unlocks the next phase, in one sentence.
    pub summary: String,
}

/// What unlocks the phase after today's; none before the check, in the last phase, or without
/// phases. The rule is `phase_on`'s: the words only say it.
fn phase_exit(phases: &[RehabPhase], condition: &str, tests: &[FunctionalTest], check_day: NaiveDate, today: NaiveDate) -> Option<PhaseExit> {
    let current = phase_on(phases, condition, tests, check_day, today)?;
    let i = phases.iter().position(|p| std::ptr::eq(p, current))?;
    let next = phases.get(i + 1)?;
    let window_opens = phase_start_day(&next.name).map(|d| check_day + Days::new(d.into()));
    let stage = current.exit_stage.as_deref().and_then(|name| rtr_knowledge::get().protocol_for(condition).stage.iter().find(|s| s.name == name));
    let criteria: Vec<CriterionView> = stage.map_or(vec![], |s| s.exit.iter().map(|c| judge(c, tests)).collect());
    let tested = criteria.iter().any(|c| c.verdict != CriterionVerdict::NotTested);
    let needs: Vec<String> = criteria.iter().filter(|c| c.verdict != CriterionVerdict::Met).map(|c| lower_first(&c.text)).collect();
    let opens = window_opens.filter(|d| *d > today).map(|d| format!(" on {}", crate::log::day(d)));
    let summary = match (stage, tested, needs.is_empty()) {
        // Met: only the window can still hold it (else the calendar would have moved already).
        (Some(_), true, true) => format!("Your tests meet what {} asks: {} begins{}.", current.name, next.name, opens.unwrap_or_default()),
        (Some(_), true, false) => format!("To move on to {}: {}.", next.name, needs.join("; ")),
        (Some(s), false, _) => match opens {
            Some(on) => format!("{} begins{on} by time; record the {} tests to move on by them instead: {}.", next.name, s.name, needs.join("; ")),
            None => format!("To move on to {}, record the {} tests: {}.", next.name, s.name, needs.join("; ")),
        },
        (None, _, _) => match opens {
            Some(on) => format!("{} begins{on}.", next.name),
            None => format!("{} has no set day: move on when this is true. {}", next.name, current.progress_when.join(" ")),
        },
    };
    Some(PhaseExit { phase: current.name.clone(), next: next.name.clone(), stage: stage.map(|s| s.name.clone()), criteria, window_opens, summary })
}

/// Loads what the calendar needs for a profile and builds it: the Today card (tomorrow's when
/// today's run is done), the runs of the weeks around, and the exercises done.
pub fn week_from_log(
    conn: &rusqlite::Connection,
    profile_id: i64,
    plan: &Plan,
    checked_at: DateTime<Utc>,
    now: DateTime<FixedOffset>,
    units: Units,
) -> Result<WeekCalendar, LogError> {
    let mut today = super::today_from_log(conn, profile_id, plan, now, units)?;
    if today.run == RunToday::No && !running_stopped(plan, Some(now.date_naive())) {
        today = super::today_from_log(conn, profile_id, plan, now + Duration::days(1), units)?;
    }
    let this = IsoWeek::containing(now.date_naive());
    let from = this.previous().previous().monday().and_hms_opt(0, 0, 0).expect("midnight").and_utc() - Duration::days(1);
    let to = this.next().sunday().and_hms_opt(0, 0, 0).expect("midnight").and_utc() + Duration::days(2);
    let sessions = crate::log::sessions::between(conn, profile_id, from, to)?;
    let completions = crate::log::exercises::list(conn, profile_id)?;
    let tests = records::list_tests(conn, profile_id).map_err(RecordError::into_read_error)?;
    Ok(week(&WeekInputs { plan, checked_at, today: &today, sessions: &sessions, completions: &completions, tests: &tests, now, units }))
}

/// Whether the plan stops running: urgent care, a cause that stops it, or (given a `date`) a phase
/// that stops it still running on that day (the Today card's rule).
fn running_stopped(plan: &Plan, date: Option<chrono::NaiveDate>) -> bool {
    matches!(plan.triage, Triage::Urgent | Triage::Emergency) || plan.running_stop.is_some() || date.is_some_and(|d| plan.pause_on(d).is_some())
}

/// Weekdays (0 = Monday) with a run in the week before `this`, or else the week before that.
fn usual_run_days(sessions: &[Session], this: IsoWeek) -> Vec<u32> {
    [this.previous(), this.previous().previous()]
        .into_iter()
        .map(|w| {
            let mut days: Vec<u32> = sessions
                .iter()
                .filter(|s| s.sport == Sport::Running && w.contains(s.started_at.date_naive()))
                .map(|s| s.started_at.weekday().num_days_from_monday())
                .collect();
            days.sort_unstable();
            days.dedup();
            days
        })
        .find(|d| !d.is_empty())
        .unwrap_or_default()
}

fn done_amount(s: &Session, units: Units) -> Option<String> {
    match (s.distance_m, s.duration_s) {
        (Some(m), _) if m > 0.0 => Some(units.distance(m / 1000.0)),
        (_, Some(secs)) if secs > 0.0 => Some(format!("{:.0} min", secs / 60.0)),
        _ => None,
    }
}

/// The first day of a phase, counted from the check, from the time window its name states:
/// "(days 1-7)" day 0, "(weeks 2-8)" day 14, "(from week 3-6)" day 21, "(week 1)" day 0,
/// "(months 2-6)" day 60. None when the name states no window ("Return to run",
/// "After surgery"): such a phase is reached by its criteria, never by time alone.
pub fn phase_start_day(name: &str) -> Option<u32> {
    let inside = name.rsplit_once('(')?.1.split_once(')')?.0.trim();
    let (from, inside) = match inside.strip_prefix("from ") {
        Some(rest) => (true, rest),
        None => (false, inside),
    };
    let (unit, rest) = inside.split_once(' ')?;
    let first: u32 = rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()?;
    // "week 1" alone is the first week (ordinal); "weeks 2-8", "from week 3-6" count the weeks
    // already passed, as do "days 1-7" counted from 1.
    let ordinal = !from && !rest.contains('-');
    let start = |days: u32| if ordinal { first.saturating_sub(1) * days } else { first * days };
    match unit.trim_end_matches('s') {
        "day" => Some(first.saturating_sub(1)),
        "week" => Some(start(7)),
        "month" => Some(start(30)),
        _ => None,
    }
}

/// The phase a date falls in, walking the phases in order from the check's day (the first begins
/// on it, whatever its name says). The next phase begins on the first day when:
/// - its stated window has begun (never earlier, whatever the tests say), and
/// - the criteria of the return-to-run stage the phase before names as its exit
///   (`exit_stage`, in the protocol of the plan's top `condition`) are all met by the tests
///   recorded by that day.
///
/// When that stage's criteria are not tested at all by that day (no tests recorded, or none of
/// its measures), time alone decides, as it does after a phase naming no exit stage. A phase with
/// no stated window ("Return to run") is reached only by its predecessor's criteria, never by
/// time. Once any of the criteria is tested, all must be met: one not met, or one still untested
/// beside it, keeps the runner in the phase. None before the check, or without phases.
fn phase_on<'p>(phases: &'p [RehabPhase], condition: &str, tests: &[FunctionalTest], check_day: NaiveDate, date: NaiveDate) -> Option<&'p RehabPhase> {
    let since = u32::try_from((date - check_day).num_days()).ok()?;
    let by_then: Vec<FunctionalTest> = tests.iter().filter(|t| t.tested_on <= date).cloned().collect();
    let mut current = phases.first()?;
    for phase in &phases[1..] {
        let window_open = phase_start_day(&phase.name).map(|start| start <= since);
        let moves = match exit_met(current, condition, &by_then) {
            Some(true) => window_open.unwrap_or(true),
            Some(false) => false,
            None => window_open.unwrap_or(false),
        };
        if !moves {
            break;
        }
        current = phase;
    }
    Some(current)
}

/// Whether the exit criteria of `phase` are all met by `tests`: None when the phase names no exit
/// stage or none of its criteria is tested yet (time decides then).
fn exit_met(phase: &RehabPhase, condition: &str, tests: &[FunctionalTest]) -> Option<bool> {
    let stage_name = phase.exit_stage.as_deref()?;
    let protocol = rtr_knowledge::get().protocol_for(condition);
    let stage = protocol.stage.iter().find(|s| s.name == stage_name)?;
    let verdicts: Vec<CriterionVerdict> = stage.exit.iter().map(|c| judge(c, tests).verdict).collect();
    if verdicts.iter().all(|v| *v == CriterionVerdict::NotTested) {
        return None;
    }
    Some(verdicts.iter().all(|v| *v == CriterionVerdict::Met))
}

/// The phase's exercises that fall on `date`.
fn planned_on(phase: &RehabPhase, date: NaiveDate) -> Vec<CalendarExercise> {
    let weekday = date.weekday().num_days_from_monday();
    phase
        .exercises
        .iter()
        .filter_map(|e| {
            let (days, sessions) = session_days(e.prescription.times_per_week, spacing());
            days.contains(&weekday).then(|| calendar_exercise(e, sessions))
        })
        .collect()
}

fn calendar_exercise(e: &PlannedExercise, sessions: u32) -> CalendarExercise {
    let daily = e.prescription.times_per_week >= spacing().daily_from;
    CalendarExercise { id: e.id.clone(), name: e.name.clone(), dose: e.dose.clone(), sessions, sets: e.prescription.sets, daily, planned: true, done: false }
}

/// An exercise done that the day's phase did not plan (from another phase, or the library).
fn unplanned(id: &str) -> CalendarExercise {
    let found = crate::exercises::find(id).ok();
    CalendarExercise {
        id: id.to_string(),
        name: found.map_or_else(|| id.to_string(), |e| e.name.clone()),
        dose: found.map_or_else(String::new, |e| e.prescription.dose()),
        sessions: 1,
        sets: found.map_or(1, |e| e.prescription.sets),
        daily: found.is_some_and(|e| e.prescription.times_per_week >= spacing().daily_from),
        planned: false,
        done: true,
    }
}

/// The weekdays (0 = Monday) an exercise done `per_week` times falls on, and its sessions on
/// each: every day from `daily_from` a week (twice a day at 14); otherwise from Monday with
/// `rest_days_between` rest days between sessions whenever the week holds them (3 a
/// week: Monday, Wednesday, Friday; 2: Monday, Thursday), else spread evenly.
pub fn session_days(per_week: u32, spacing: &Spacing) -> (Vec<u32>, u32) {
    if per_week == 0 {
        return (vec![], 0);
    }
    if per_week >= spacing.daily_from {
        return ((0..7).collect(), (per_week as f64 / 7.0).round().max(1.0) as u32);
    }
    // Sessions `step` days apart keep the rest days when the week holds them all (within the
    // week: four fall Monday to Sunday, then Monday comes again); when it cannot, an even spread
    // keeps them as far apart as the count allows.
    let step = (7 / per_week).max(spacing.rest_days_between + 1);
    let days = if (per_week - 1) * step <= 6 { (0..per_week).map(|i| i * step).collect() } else { (0..per_week).map(|i| i * 7 / per_week).collect() };
    (days, 1)
}

#[cfg(test)]
mod tests;
