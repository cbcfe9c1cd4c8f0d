//! A run scored: a pain score tied to one of the person's runs at a moment of it (during, right
//! after, the next morning), with its side and body-map site; the recent runs with their scores
//! and verdicts, and the run whose next-morning score is missing. Every check is the log's
//! (`log::entries`), every verdict the pain-monitoring model's; a refused score writes nothing.

use chrono::{DateTime, NaiveDate, Utc};

use crate::log::entries::{self, NewPainEntry, PainEntry};
use crate::log::review::pain_monitoring::{self, MissedMorning, RunCheck};
use crate::log::{parse_time, sessions, LogError, RunMoment, Side, Zone};
use crate::settings;
use crate::store::Store;
use crate::Error;

/// How far back the runs to score are listed, in days: four weeks.
pub const RECENT_DAYS: i64 = 28;

/// What the window sends to score a run.
#[derive(Debug, Clone, Copy)]
pub struct RunScore<'a> {
    pub run_id: i64,
    pub moment: RunMoment,
    pub score: i64,
    pub side: Option<Side>,
    pub site: Option<&'a str>,
    /// A note with the score (`soleus log add --notes`; the window sends none).
    pub notes: &'a str,
    /// As the person wrote it, read in `zone`; none: the core places it in the run
    /// (`entries::time_for_run`: mid-run, its end, or now for the next morning).
    pub recorded_at: Option<&'a str>,
}

/// Stores the score, checked in this order: the score, the run (this person's), the time, the
/// site, the moment against the run. Refused by name: a run that is not this person's, a score
/// dated before the run, a next-morning score on the run's day, a site not on the body map.
pub fn score_run(store: &mut Store, profile_id: i64, s: &RunScore, zone: Zone, now: DateTime<Utc>) -> Result<PainEntry, LogError> {
    let score = entries::check_score(s.score)?;
    let run = sessions::get(store.conn(), profile_id, s.run_id)?;
    let at = match s.recorded_at {
        Some(text) => parse_time(text, zone)?,
        None => entries::time_for_run(store.conn(), profile_id, &run, s.moment, now)?,
    };
    let entry = NewPainEntry::new(at, i64::from(score), "", s.side, s.notes, now)?.at_site(s.site)?;
    entries::add(store, profile_id, &entry.for_run(run.started_at, s.moment)?)
}

/// The profile's runs of the last [`RECENT_DAYS`] days up to `today`, newest first, each with its
/// scores and verdict in the saved units: the runs the Log screen and `soleus log runs` list.
pub fn recent_runs(store: &Store, profile_id: i64, today: NaiveDate) -> Result<Vec<RunCheck>, Error> {
    let units = settings::get(store)?.units;
    Ok(pain_monitoring::recent_runs(store.conn(), profile_id, today, RECENT_DAYS, units)?)
}

/// The last run without its next-morning score on `today`, when it is recent enough to ask about.
pub fn missed_next_morning(store: &Store, profile_id: i64, today: NaiveDate) -> Result<Option<MissedMorning>, Error> {
    let units = settings::get(store)?.units;
    Ok(pain_monitoring::missed_next_morning_in(store.conn(), profile_id, today, units)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::sessions::{NewSession, Sport};
    use crate::profiles;
    use crate::settings::Units;

    #[test]
    fn recent_runs_reach_back_four_weeks_newest_first_and_the_missed_morning_is_the_last_run_s() {
        let (mut store, ana) = profiles::ana_in_memory(Utc::now());
        let run = |day: &str| NewSession::new(DateTime::parse_from_rfc3339(&format!("{day}T07:00:00+00:00")).unwrap(), Sport::Running, Some(8046.72), Some(2400.0), None, None).unwrap();
        let ids: Vec<i64> = ["2026-10-01", "2026-11-20", "2026-11-24"].iter().map(|d| sessions::add_one(&mut store, ana, &run(d)).unwrap().id).collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();

        let runs = recent_runs(&store, ana, today).unwrap();
        assert_eq!(runs.iter().map(|r| r.run_id).collect::<Vec<_>>(), [ids[2], ids[1]], "the run of October is past four weeks");
        let missed = missed_next_morning(&store, ana, today).unwrap().unwrap();
        assert_eq!(missed.run_id, ids[2]);
        assert!(missed.label.contains("8 km"), "{}", missed.label);

        let mut s = settings::get(&store).unwrap();
        s.units = Units::Mi;
        settings::update(&mut store, s).unwrap();
        assert!(missed_next_morning(&store, ana, today).unwrap().unwrap().label.contains("5 mi"), "in the saved units");

        let score = RunScore { run_id: ids[2], moment: RunMoment::NextMorning, score: 2, side: None, site: None, notes: " felt tight ", recorded_at: None };
        let e = score_run(&mut store, ana, &score, Zone::Local, "2026-11-25T08:00:00Z".parse().unwrap()).unwrap();
        assert_eq!((e.run_id, e.notes.as_str()), (Some(ids[2]), "felt tight"), "the CLI's note kept, trimmed");
        assert_eq!(missed_next_morning(&store, ana, today).unwrap(), None, "scored: nothing to ask");
        assert_eq!(recent_runs(&store, ana, today).unwrap()[0].run_id, ids[2]);
    }
}
