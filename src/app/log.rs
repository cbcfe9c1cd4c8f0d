//! The pain log as both clients write and read it: a pain score and a training session as a
//! person writes them (times as text, read in the client's zone), a week's review and the load
//! chart's weeks in the saved units. Time comes in (`now`, `today`); every check is the log's
//! (`log::entries`, `log::sessions`), every figure the review's.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::log::entries::{self, NewPainEntry, PainEntry};
use crate::log::review::{self, WeeklyReview};
use crate::log::sessions::{self, NewSession, Session, Sport};
use crate::log::weekly_totals::{self, WeekTotals};
use crate::log::{parse_time, IsoWeek, LogError, Side, Zone};
use crate::settings;
use crate::store::Store;
use crate::Error;

/// A free-standing pain score as a person writes it (the Log screen's form, `soleus log add`).
#[derive(Debug, Clone, Copy)]
pub struct PainScore<'a> {
    /// When, as written (RFC 3339, or a local "2026-11-21 07:30" read in the zone given); none: now.
    pub recorded_at: Option<&'a str>,
    pub score: i64,
    /// The key moment it was scored at ("1 h after run").
    pub moment: &'a str,
    pub side: Option<Side>,
    pub notes: &'a str,
    /// A region of the body map, or none.
    pub site: Option<&'a str>,
}

impl PainScore<'_> {
    /// The score checked and read, ready to store, at `now`; refused by name. It needs no store, so
    /// a client can check its input before it opens one.
    pub fn entry(&self, zone: Zone, now: DateTime<FixedOffset>) -> Result<NewPainEntry, LogError> {
        let at = self.recorded_at.map(|t| parse_time(t, zone)).transpose()?.unwrap_or(now);
        NewPainEntry::new(at, self.score, self.moment, self.side, self.notes, now.to_utc())?.at_site(self.site)
    }
}

/// Stores a free-standing pain score; a refused one writes nothing.
pub fn add_pain_entry(store: &mut Store, profile_id: i64, score: &PainScore, zone: Zone, now: DateTime<FixedOffset>) -> Result<PainEntry, LogError> {
    let entry = score.entry(zone, now)?;
    entries::add(store, profile_id, &entry)
}

/// A training session as a person enters it by hand (the Log screen's form).
#[derive(Debug, Clone, Copy)]
pub struct SessionInput<'a> {
    /// As written, read in the zone given.
    pub started_at: &'a str,
    pub sport: Sport,
    pub distance_m: Option<f64>,
    pub duration_s: Option<f64>,
    pub elevation_gain_m: Option<f64>,
}

/// Stores a session entered by hand; an implausible one is refused by name and writes nothing.
pub fn add_session(store: &mut Store, profile_id: i64, s: &SessionInput, zone: Zone) -> Result<Session, LogError> {
    let at = parse_time(s.started_at, zone)?;
    let session = NewSession::new(at, s.sport, s.distance_m, s.duration_s, s.elevation_gain_m, None)?;
    sessions::add_one(store, profile_id, &session)
}

/// The review of `week` (`2026-W47`), else of the week `today` is in; its sentences in the saved
/// units, so the window and the terminal speak alike.
pub fn weekly_review(store: &Store, profile_id: i64, week: Option<&str>, today: NaiveDate) -> Result<WeeklyReview, Error> {
    let week = match week {
        Some(text) => text.parse()?,
        None => IsoWeek::containing(today),
    };
    let units = settings::get(store)?.units;
    Ok(review::weekly_review(store.conn(), profile_id, week, units)?)
}

/// The last `weeks` weeks up to the one `today` is in, each week's running distance (in the saved
/// units) and pain from its review: what the Log's load chart draws, aggregated once as the
/// report's charts are.
pub fn weekly_totals(store: &Store, profile_id: i64, weeks: u32, today: NaiveDate) -> Result<Vec<WeekTotals>, Error> {
    let units = settings::get(store)?.units;
    Ok(weekly_totals::from_log(store.conn(), profile_id, IsoWeek::containing(today), weeks, units)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::run_score::RunScore;
    use crate::log::entries::RunMoment;
    use crate::log::review::pain_monitoring::RunVerdict;
    use crate::profiles;
    use crate::settings::Units;

    fn store() -> (Store, i64) {
        profiles::ana_in_memory(chrono::Utc::now())
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-25T18:00:00+01:00").unwrap()
    }

    #[test]
    fn a_pain_score_is_read_in_the_zone_given_checked_by_name_and_stored_once() {
        let (mut store, ana) = store();
        let plus_two = FixedOffset::east_opt(2 * 3600).unwrap();
        let s = PainScore { recorded_at: Some("2026-11-24 07:30"), score: 4, moment: " 1 h after run ", side: Some(Side::Left), notes: "", site: Some("achilles") };
        let e = add_pain_entry(&mut store, ana, &s, Zone::Fixed(plus_two), now()).unwrap();
        assert_eq!(e.recorded_at.to_rfc3339(), "2026-11-24T07:30:00+02:00");
        assert_eq!((e.score, e.moment.as_str(), e.side, e.site.as_deref()), (4, "1 h after run", Some(Side::Left), Some("achilles")));
        // No time given: now, in the offset now has.
        let e = add_pain_entry(&mut store, ana, &PainScore { recorded_at: None, ..s }, Zone::Local, now()).unwrap();
        assert_eq!(e.recorded_at, now());

        for (bad, code) in [
            (PainScore { score: 11, ..s }, "log_score_out_of_range"),
            (PainScore { site: Some("elbow"), ..s }, "log_bad_site"),
            (PainScore { recorded_at: Some("2026-11-27 07:30"), ..s }, "log_bad_time"),
        ] {
            assert_eq!(Error::from(add_pain_entry(&mut store, ana, &bad, Zone::Local, now()).unwrap_err()).code(), code);
        }
        assert_eq!(entries::list(store.conn(), ana).unwrap().len(), 2, "a refused score writes nothing");
    }

    #[test]
    fn a_session_is_read_in_the_zone_given_and_an_implausible_one_is_refused() {
        let (mut store, ana) = store();
        let s = SessionInput { started_at: "2026-11-24 07:30", sport: Sport::Running, distance_m: Some(8000.0), duration_s: Some(2700.0), elevation_gain_m: None };
        let saved = add_session(&mut store, ana, &s, Zone::Fixed(FixedOffset::east_opt(3600).unwrap())).unwrap();
        assert_eq!(saved.started_at.to_rfc3339(), "2026-11-24T07:30:00+01:00");
        assert_eq!((saved.sport, saved.distance_m), (Sport::Running, Some(8000.0)));
        let e = add_session(&mut store, ana, &SessionInput { distance_m: Some(-1.0), ..s }, Zone::Local).unwrap_err();
        assert_eq!(Error::from(e).code(), "log_implausible_value");
        assert_eq!(sessions::list(store.conn(), ana).unwrap().len(), 1);
    }

    #[test]
    fn a_sunday_run_s_next_morning_score_entered_days_late_is_read_in_that_week_s_review() {
        // The app asks for a missed next-morning score up to `ask_within_days` after the run, so a
        // Sunday run's may arrive on the Tuesday: that week's review must still read it.
        let (mut store, ana) = store();
        let run = SessionInput { started_at: "2026-12-06T07:00:00+00:00", sport: Sport::Running, distance_m: Some(12000.0), duration_s: Some(4200.0), elevation_gain_m: None };
        let run = add_session(&mut store, ana, &run, Zone::Local).unwrap();
        let tuesday = DateTime::parse_from_rfc3339("2026-12-08T00:25:00+00:00").unwrap();
        let late = RunScore { run_id: run.id, moment: RunMoment::NextMorning, score: 4, side: None, site: None, notes: "", recorded_at: None };
        crate::app::run_score::score_run(&mut store, ana, &late, Zone::Local, tuesday.with_timezone(&chrono::Utc)).unwrap();

        let r = weekly_review(&store, ana, Some("2026-W49"), tuesday.date_naive()).unwrap();
        let check = r.pain_monitoring.runs.iter().find(|c| c.run_id == run.id).expect("the run is in its week's review");
        assert_eq!(check.next_morning, Some(4));
        assert_eq!(check.verdict, RunVerdict::NotSettled, "{}", check.sentence);
    }

    #[test]
    fn the_review_and_the_chart_take_today_s_week_unless_told_and_speak_in_the_saved_units() {
        let (mut store, ana) = store();
        let run = SessionInput { started_at: "2026-11-24T07:30:00+00:00", sport: Sport::Running, distance_m: Some(16093.44), duration_s: Some(5400.0), elevation_gain_m: None };
        add_session(&mut store, ana, &run, Zone::Local).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();

        let r = weekly_review(&store, ana, None, today).unwrap();
        assert_eq!(r.week.to_string(), "2026-W48");
        assert_eq!(r.load.runs, 1);
        let earlier = weekly_review(&store, ana, Some("2026-W47"), today).unwrap();
        assert_eq!((earlier.week.to_string(), earlier.load.runs), ("2026-W47".to_string(), 0));
        assert_eq!(Error::from(weekly_review(&store, ana, Some("week 47"), today).unwrap_err()).code(), "log_bad_week");

        let weeks = weekly_totals(&store, ana, 3, today).unwrap();
        assert_eq!(weeks.iter().map(|w| w.week.to_string()).collect::<Vec<_>>(), ["2026-W46", "2026-W47", "2026-W48"]);
        assert_eq!((weeks[2].runs, weeks[2].distance), (1, 16.1));
        let mut s = settings::get(&store).unwrap();
        s.units = Units::Mi;
        settings::update(&mut store, s).unwrap();
        assert_eq!(weekly_totals(&store, ana, 3, today).unwrap()[2].distance, 10.0, "in the saved units");
        assert!(weekly_review(&store, ana, None, today).unwrap().advice.detail.len() > 0);
    }
}
