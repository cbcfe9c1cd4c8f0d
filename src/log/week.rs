//! ISO 8601 weeks (Monday to Sunday, `2026-W07`): the unit of the weekly review.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use super::LogError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct IsoWeek {
    monday: NaiveDate,
}

impl IsoWeek {
    /// The week a (local) date falls in.
    pub fn containing(date: NaiveDate) -> IsoWeek {
        let back = date.weekday().num_days_from_monday() as u64;
        IsoWeek { monday: date - Days::new(back) }
    }

    pub fn new(year: i32, week: u32) -> Option<IsoWeek> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|monday| IsoWeek { monday })
    }

    pub fn monday(self) -> NaiveDate {
        self.monday
    }

    pub fn sunday(self) -> NaiveDate {
        self.monday + Days::new(6)
    }

    pub fn previous(self) -> IsoWeek {
        IsoWeek { monday: self.monday - Days::new(7) }
    }

    pub fn next(self) -> IsoWeek {
        IsoWeek { monday: self.monday + Days::new(7) }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        (self.monday..=self.sunday()).contains(&date)
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self.monday.iso_week();
        write!(f, "{}-W{:02}", w.year(), w.week())
    }
}

impl FromStr for IsoWeek {
    type Err = LogError;

    /// `2026-W07` (also `2026-W7` and `2026W07`).
    fn from_str(text: &str) -> Result<IsoWeek, LogError> {
        let bad = || LogError::BadWeek(text.to_string());
        let upper = text.trim().to_ascii_uppercase();
        let (year, week) = upper.split_once('W').ok_or_else(bad)?;
        let year: i32 = year.strip_suffix('-').unwrap_or(year).parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        if !(1900..=2999).contains(&year) {
            return Err(bad());
        }
        IsoWeek::new(year, week).ok_or_else(bad)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IsoWeek, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_formats_and_steps_across_years() {
        let w: IsoWeek = "2026-W01".parse().unwrap();
        // ISO week 1 of 2026 starts on Monday 29 December 2025.
        assert_eq!(w.monday(), NaiveDate::from_ymd_opt(2025, 12, 29).unwrap());
        assert_eq!(w.to_string(), "2026-W01");
        assert_eq!(w.previous().to_string(), "2025-W52");
        assert_eq!("2026w7".parse::<IsoWeek>().unwrap().to_string(), "2026-W07");
        assert_eq!("2020-W53".parse::<IsoWeek>().unwrap().next().to_string(), "2021-W01");
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(); // a Sunday
        assert_eq!(IsoWeek::containing(d).to_string(), "2026-W47");
        assert!(IsoWeek::containing(d).contains(d));
    }

    #[test]
    fn bad_weeks_are_named() {
        for bad in ["2026-W54", "2025-W53", "2026-W00", "week 3", "", "2026-07"] {
            assert!(matches!(bad.parse::<IsoWeek>(), Err(LogError::BadWeek(_))), "{bad}");
        }
    }
}
