//! Each ISO week's running distance and pain, as the Log's load chart draws them: taken from that
//! week's review (`review::review_week`), the one weekly aggregation the report's charts also
//! draw, so the window and the report cannot disagree about a week. The window computes none of
//! it. Pure but for [`from_log`], which reads the store.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::entries::{self, PainEntry};
use super::review::{self, WeeklyReview};
use super::sessions::{self, Session};
use super::{IsoWeek, LogError};
use crate::settings::{Units, KM_PER_MI};

/// One week of the load chart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekTotals {
    pub week: IsoWeek,
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    /// Running distance in the units asked for, to one decimal (the review's load).
    pub distance: f64,
    /// The review's mean pain at the week's key moment, to one decimal; none without a score
    /// there.
    pub pain: Option<f64>,
    pub runs: u32,
}

impl WeekTotals {
    /// The totals a week's review holds, the distance in `units`.
    pub fn of(r: &WeeklyReview, units: Units) -> WeekTotals {
        let km = r.load.distance_km;
        let distance = match units {
            Units::Km => km,
            Units::Mi => (km / KM_PER_MI * 10.0).round() / 10.0,
        };
        WeekTotals { week: r.week, starts_on: r.starts_on, distance, pain: r.pain.as_ref().map(|p| p.mean), runs: r.load.runs }
    }
}

/// The `count` weeks ending with `last`, oldest first, from the pain scores and sessions given
/// (more is fine: each week's review takes what falls in it and the days before it needs).
pub fn weeks(pain: &[PainEntry], sessions: &[Session], last: IsoWeek, count: u32, units: Units) -> Vec<WeekTotals> {
    let first = (1..count.max(1)).fold(last, |w, _| w.previous());
    std::iter::successors(Some(first), |w| (*w < last).then(|| w.next()))
        .map(|w| WeekTotals::of(&review::review_week(pain, sessions, w, units), units))
        .collect()
}

/// [`weeks`] from a profile's log.
pub fn from_log(conn: &Connection, profile_id: i64, last: IsoWeek, count: u32, units: Units) -> Result<Vec<WeekTotals>, LogError> {
    Ok(weeks(&entries::list(conn, profile_id)?, &sessions::list(conn, profile_id)?, last, count, units))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::log::sessions::Sport;

    fn run(when: &str, km: f64, sport: Sport) -> Session {
        let started_at = DateTime::parse_from_rfc3339(when).unwrap();
        Session {
            id: 0,
            started_at,
            sport,
            distance_m: Some(km * 1000.0),
            duration_s: Some(km * 360.0),
            elevation_gain_m: None,
            source_file: None,
            fingerprint: sessions::fingerprint(&started_at),
        }
    }

    fn pain(when: &str, score: u8, moment: &str) -> PainEntry {
        PainEntry {
            id: 0,
            recorded_at: DateTime::parse_from_rfc3339(when).unwrap(),
            score,
            moment: moment.into(),
            side: None,
            notes: String::new(),
            run_id: None,
            run_moment: None,
            site: None,
        }
    }

    #[test]
    fn sums_running_distance_per_iso_week_in_the_units_asked_with_the_reviews_pain() {
        // The figures the window's chart test checked when the chart summed them itself.
        let sessions = [
            run("2026-11-10T07:00:00+01:00", 8.0, Sport::Running),
            run("2026-11-12T07:00:00+01:00", 10.0, Sport::Running),
            run("2026-11-13T07:00:00+01:00", 30.0, Sport::Cycling), // not running load
            run("2026-11-18T07:00:00+01:00", 5.0, Sport::Running),
            run("2026-11-23T07:00:00+01:00", 5.0, Sport::Running), // the week after
        ];
        let entries = [pain("2026-11-10T19:00:00+01:00", 6, "after"), pain("2026-11-12T19:00:00+01:00", 5, "after")];
        let last: IsoWeek = "2026-W47".parse().unwrap();
        let km = weeks(&entries, &sessions, last, 3, Units::Km);
        let mondays: Vec<String> = km.iter().map(|w| w.starts_on.to_string()).collect();
        assert_eq!(mondays, ["2026-11-02", "2026-11-09", "2026-11-16"]);
        assert_eq!(km.iter().map(|w| w.distance).collect::<Vec<_>>(), [0.0, 18.0, 5.0]);
        assert_eq!(km.iter().map(|w| w.pain).collect::<Vec<_>>(), [None, Some(5.5), None]);
        assert_eq!(km.iter().map(|w| w.runs).collect::<Vec<_>>(), [0, 2, 1]);
        let mi = weeks(&entries, &sessions, last, 3, Units::Mi);
        assert_eq!(mi.iter().map(|w| w.distance).collect::<Vec<_>>(), [0.0, 11.2, 3.1]);
    }

    #[test]
    fn a_weeks_pain_is_the_reviews_own_mean_at_the_key_moment_as_the_report_draws_it() {
        // Two moments in one week: the chart shows what the review compares, not a mix of both.
        let entries = [
            pain("2026-11-17T07:00:00+01:00", 2, "on waking"),
            pain("2026-11-18T07:00:00+01:00", 2, "on waking"),
            pain("2026-11-18T19:00:00+01:00", 8, "after"),
        ];
        let week: IsoWeek = "2026-W47".parse().unwrap();
        let review = review::review_week(&entries, &[], week, Units::Km);
        let totals = weeks(&entries, &[], week, 1, Units::Km);
        assert_eq!(totals, [WeekTotals::of(&review, Units::Km)]);
        assert_eq!(totals[0].pain, Some(2.0));
    }
}
