//! The Today card: one answer to "can I run today, and how much?", from the plan and the log.
//!
//! A plan that stops running (urgent or emergency care, or a cause that stops it, whether the most
//! likely one or one still to rule out) says no, and until when; so does a phase of the plan that
//! stops running (`RunningPause`: the first 48 hours of a tear), until the day it ends, counted
//! from the injury (`Plan::injured_on`, the check's day less its days since onset). Otherwise the weekly loop decides
//! (`log::review`): rising load or pain means less than last time, a settled week the same again,
//! pain at the return line or below a single run within the growth rate of the recent longest
//! (thresholds from `knowledge/training_load.toml`). The amount is
//! a distance when the log has one, else a time. Pure: the log and the moment are passed in.
//! Its sentences are `knowledge/plans/common.toml`'s `[says.today]`; the amounts are worded here.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::build::lower_first;
use super::{knowledge, Plan, Role};
use crate::engine::Triage;
use crate::log::review::{self, fill, LoadParameter, Verdict, WeeklyReview};
use crate::log::sessions::{Session, Sport};
use crate::settings::Units;

/// The answer about running today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RunToday {
    /// Don't run today.
    No,
    /// Run, but less than last time.
    Less,
    /// Run, up to the amount given.
    Yes,
}

/// The Today card a plan leads with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Today {
    /// The person's local date the answer is for.
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub run: RunToday,
    /// The answer in one sentence: "Don't run today.", "Run, but less: up to 4.5 km."
    pub headline: String,
    /// How much, when running: "up to 4.5 km", "about 30 min".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub amount: Option<String>,
    /// Why, most important first.
    pub why: Vec<String>,
    /// For `No`: who decides when running can restart, and how soon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub until: Option<String>,
}

/// The Today card for `plan`, given this week's `review` and the sessions of at least the 30 days
/// before `now` (more is fine: they are filtered), in the runner's `units`.
pub fn today(plan: &Plan, review: &WeeklyReview, sessions: &[Session], now: DateTime<FixedOffset>, units: Units) -> Today {
    let date = now.date_naive();
    let says = &knowledge::common().says.today;
    let no = |headline: &str, why: Vec<String>, until: Option<String>| Today { date, run: RunToday::No, headline: headline.into(), amount: None, why, until };
    match plan.triage {
        // The triage box beside the card says what to do; the card says why running waits.
        Triage::Emergency => return no(&says.emergency_headline, vec![says.emergency_why.clone()], None),
        Triage::Urgent => return no(&says.no_run, vec![says.urgent_why.clone()], Some(says.urgent_until.clone())),
        Triage::Clinician | Triage::SelfCare => {}
    }
    if let Some(stop) = &plan.running_stop {
        let name = plan.condition_name(&stop.condition);
        let why = match stop.role {
            Role::Top => fill(&says.top_stops, &[("cause", &lower_first(name))]),
            Role::StillOpen => fill(&says.open_stops, &[("cause", name)]),
        };
        return no(&says.no_run, vec![why], Some(fill(&says.stop_until, &[("until", &stop.until)])));
    }
    // A phase that stops running (the first 48 hours of a tear) holds until the day it ends,
    // counted from the injury; then the weekly loop answers.
    if let Some((pause, ends)) = plan.pause_on(date) {
        let until = fill(&says.phase_until, &[("day", &crate::log::day(ends)), ("phase", &pause.phase)]);
        return no(&says.no_run, vec![pause.why.clone()], Some(until));
    }

    let knowledge = review::knowledge();
    let runs = Runs::before(sessions, now, knowledge.spike.window_days);
    let parameter = review.advice.parameter.or(plan.cut_first).unwrap_or(LoadParameter::Distance);
    // A plan whose running waits for a criterion ("no running until you walk without a limp")
    // says so before any answer that runs.
    let run = |run: RunToday, headline: String, amount: Option<String>, why: Vec<String>| {
        let first = plan.runs_once.iter().filter(|_| run != RunToday::No).map(|c| fill(&says.runs_once, &[("criterion", c)]));
        Today { date, run, headline, amount, why: first.chain(why).collect(), until: None }
    };
    if let Some(done) = runs.on(date) {
        return run(RunToday::No, says.done_headline.clone(), None, vec![fill(&says.done_why, &[("done", &done)])]);
    }
    // A load warning outranks a good pain score: pain lags behind load.
    let warnings: Vec<String> = review.warnings.iter().map(|w| w.message.clone()).collect();
    let less = |reason: Vec<String>| {
        let amount = runs.less_than_last(parameter, units);
        let headline = match (&amount, parameter) {
            (Some(_), LoadParameter::Elevation) => says.less_flat.clone(),
            (Some(a), _) => fill(&says.less_than_last, &[("amount", a)]),
            (None, _) => fill(&says.less_cut, &[("parameter", parameter_words(parameter))]),
        };
        run(RunToday::Less, headline, amount, reason)
    };
    if !warnings.is_empty() {
        return less(warnings);
    }
    let headline_why = vec![review.advice.headline.clone()];
    match review.advice.verdict {
        Verdict::RestrictFurther | Verdict::Baseline | Verdict::EaseBack => less(headline_why),
        Verdict::Hold => {
            let amount = runs.same_as_last(units);
            let headline = amount.as_ref().map_or(says.same_load.clone(), |a| fill(&says.same_as_last, &[("amount", a)]));
            run(RunToday::Yes, headline, amount, headline_why)
        }
        Verdict::BeginReturn => {
            let amount = runs.longest.map(|m| format!("up to {}", units.distance(m * (100 + knowledge.growth_percent()) as f64 / 100.0 / 1000.0)));
            let mut why = headline_why;
            why.push(knowledge.words.today.keep_within.clone());
            let headline = amount.as_ref().map_or(says.build_gently.clone(), |a| fill(&says.build_to, &[("amount", a)]));
            run(RunToday::Yes, headline, amount, why)
        }
        // No score yet: the loop starts by cutting the parameter the plan names, and scoring.
        Verdict::NotEnoughData => less(vec![fill(&says.no_score_cut, &[("parameter", parameter_words(parameter))]), says.no_score_score.clone()]),
    }
}

/// Loads this week's review and the recent sessions of a profile, and gives its Today card.
pub fn today_from_log(
    conn: &rusqlite::Connection,
    profile_id: i64,
    plan: &Plan,
    now: DateTime<FixedOffset>,
    units: Units,
) -> Result<Today, crate::log::LogError> {
    let week = crate::log::IsoWeek::containing(now.date_naive());
    let review = review::weekly_review(conn, profile_id, week, units)?;
    let from = (now - Duration::days(review::knowledge().spike.window_days + 1)).with_timezone(&chrono::Utc);
    let to = (now + Duration::days(1)).with_timezone(&chrono::Utc);
    let sessions = crate::log::sessions::between(conn, profile_id, from, to)?;
    Ok(today(plan, &review, &sessions, now, units))
}

/// The runs of the window before now, as the card needs them.
struct Runs<'a> {
    /// Running sessions in the window, oldest first.
    recent: Vec<&'a Session>,
    /// The longest run's distance in metres.
    longest: Option<f64>,
}

impl<'a> Runs<'a> {
    fn before(sessions: &'a [Session], now: DateTime<FixedOffset>, window_days: i64) -> Runs<'a> {
        let from = now - Duration::days(window_days);
        let mut recent: Vec<&Session> =
            sessions.iter().filter(|s| s.sport == Sport::Running && s.started_at <= now && s.started_at >= from).collect();
        recent.sort_by_key(|s| s.started_at);
        let longest = recent.iter().filter_map(|s| s.distance_m).fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.max(d))));
        Runs { recent, longest }
    }

    /// What was run on `date` (local to each run), in words.
    fn on(&self, date: NaiveDate) -> Option<String> {
        let today: Vec<&&Session> = self.recent.iter().filter(|s| s.started_at.date_naive() == date).collect();
        match today.len() {
            0 => None,
            1 => Some("a run".into()),
            n => Some(format!("{n} runs")),
        }
    }

    fn last(&self) -> Option<&'a Session> {
        self.recent.last().copied()
    }

    /// The last run's amount, as a distance when it has one, else a time.
    fn same_as_last(&self, units: Units) -> Option<String> {
        let last = self.last()?;
        match (last.distance_m, last.duration_s) {
            (Some(m), _) if m > 0.0 => Some(format!("about {}", units.distance(m / 1000.0))),
            (_, Some(s)) if s > 0.0 => Some(format!("about {:.0} min", s / 60.0)),
            _ => None,
        }
    }

    /// Less than the last run, in the parameter to cut.
    fn less_than_last(&self, parameter: LoadParameter, units: Units) -> Option<String> {
        if parameter == LoadParameter::Elevation {
            return Some("flat, no hills".into());
        }
        let last = self.last()?;
        match parameter {
            LoadParameter::Elevation => None,
            LoadParameter::Time => last.duration_s.filter(|s| *s > 0.0).map(|s| format!("under {:.0} min", s / 60.0)),
            LoadParameter::Distance => last.distance_m.filter(|m| *m > 0.0).map(|m| format!("under {}", units.distance(m / 1000.0))),
        }
        .or_else(|| self.same_as_last(units).map(|a| a.replacen("about", "under", 1)))
    }
}

fn parameter_words(p: LoadParameter) -> &'static str {
    match p {
        LoadParameter::Distance => "distance",
        LoadParameter::Time => "running time",
        LoadParameter::Elevation => "hills",
    }
}

#[cfg(test)]
mod tests;
