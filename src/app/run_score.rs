//! A run scored: a pain score tied to one of the person's runs at a moment of it (during, right
//! after, the next morning), with its side and body-map site. Every check is the log's
//! (`log::entries`); a refused score writes nothing.

use chrono::{DateTime, Utc};

use crate::log::entries::{self, NewPainEntry, PainEntry};
use crate::log::{parse_time, sessions, LogError, RunMoment, Side, Zone};
use crate::store::Store;

/// What the window sends to score a run.
#[derive(Debug, Clone, Copy)]
pub struct RunScore<'a> {
    pub run_id: i64,
    pub moment: RunMoment,
    pub score: i64,
    pub side: Option<Side>,
    pub site: Option<&'a str>,
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
    let entry = NewPainEntry::new(at, i64::from(score), "", s.side, "", now)?.at_site(s.site)?;
    entries::add(store, profile_id, &entry.for_run(run.started_at, s.moment)?)
}
