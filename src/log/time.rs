//! How instants are written to and read from the store, and read from people.

use chrono::{DateTime, Datelike, FixedOffset, Local, NaiveDateTime, Offset, TimeZone, Timelike, Utc};

use super::LogError;

/// Years outside this range are typing mistakes (the schema holds the same bounds).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// The stored pair: UTC seconds since 1970 and the offset in minutes east of UTC.
pub(crate) fn to_db(at: &DateTime<FixedOffset>) -> (i64, i32) {
    (at.timestamp(), at.offset().local_minus_utc() / 60)
}

pub(crate) fn from_db(utc_secs: i64, offset_min: i32) -> rusqlite::Result<DateTime<FixedOffset>> {
    let offset = FixedOffset::east_opt(offset_min * 60).unwrap_or(FixedOffset::east_opt(0).expect("UTC"));
    DateTime::from_timestamp(utc_secs, 0)
        .map(|t| t.with_timezone(&offset))
        .ok_or(rusqlite::Error::IntegralValueOutOfRange(0, utc_secs))
}

/// Drops what the store cannot keep (sub-seconds, sub-minute offsets) so that what is stored
/// reads back equal to what was given.
pub(crate) fn normalize(at: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>, LogError> {
    if !YEARS.contains(&at.year()) {
        return Err(LogError::BadTime { value: at.to_rfc3339(), reason: format!("the year must be between {} and {}", YEARS.start(), YEARS.end()) });
    }
    let offset = FixedOffset::east_opt(at.offset().local_minus_utc() / 60 * 60).expect("a whole-minute offset is valid");
    Ok(at.with_timezone(&offset).with_nanosecond(0).expect("zero nanoseconds is valid"))
}

/// Where the person is: which offset a UTC time is shown in, and how a time written without an
/// offset is read. `Local` follows the machine's time zone, daylight saving included, so a
/// summer run imported in winter still shows the hour it was run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Fixed(FixedOffset),
    Local,
}

impl From<FixedOffset> for Zone {
    fn from(offset: FixedOffset) -> Zone {
        Zone::Fixed(offset)
    }
}

impl Zone {
    /// A UTC instant in the offset the person was in at that instant.
    pub fn place(self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self {
            Zone::Fixed(offset) => at.with_timezone(&offset),
            Zone::Local => at.with_timezone(&Local.offset_from_utc_datetime(&at.naive_utc()).fix()),
        }
    }

    /// A wall-clock time; in a daylight-saving gap or overlap, the earlier reading.
    fn read(self, naive: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            Zone::Fixed(offset) => naive.and_local_timezone(offset).single(),
            Zone::Local => Local.from_local_datetime(&naive).earliest().map(|t| t.fixed_offset()),
        }
    }
}

/// A day as every screen and the report write it: "Mon 7 Dec 2026" (one date format throughout).
pub fn day(date: chrono::NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// Reads a time as people and spreadsheets write it: RFC 3339 (`2026-11-21T07:30:00+01:00`),
/// or a local date and time without an offset (`2026-11-21 07:30`), read in `zone`.
pub fn parse_time(text: &str, zone: impl Into<Zone>) -> Result<DateTime<FixedOffset>, LogError> {
    let zone = zone.into();
    let trimmed = text.trim();
    let parsed = DateTime::parse_from_rfc3339(trimmed).ok().or_else(|| {
        ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(trimmed, f).ok())
            .and_then(|naive| zone.read(naive))
    });
    match parsed {
        Some(at) => normalize(at),
        None => Err(LogError::BadTime {
            value: text.to_string(),
            reason: "write it as RFC 3339, e.g. 2026-11-21T07:30:00+01:00, or as 2026-11-21 07:30".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plus_one() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    #[test]
    fn rfc3339_and_local_forms_parse_and_round_trip() {
        let at = parse_time("2026-11-21T07:30:15.250+01:00", FixedOffset::east_opt(0).unwrap()).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-11-21T07:30:15+01:00");
        let (utc, off) = to_db(&at);
        assert_eq!((utc, off), (1_795_242_615, 60));
        assert_eq!(from_db(utc, off).unwrap(), at);
        assert_eq!(from_db(utc, off).unwrap().offset(), at.offset());
        let local = parse_time("2026-11-21 07:30", plus_one()).unwrap();
        assert_eq!(local.to_rfc3339(), "2026-11-21T07:30:00+01:00");
    }

    #[test]
    fn nonsense_and_out_of_range_years_are_refused() {
        for bad in ["yesterday", "2026-13-01T00:00:00Z", "", "0099-01-01T00:00:00Z", "21/11/2026"] {
            assert!(matches!(parse_time(bad, plus_one()), Err(LogError::BadTime { .. })), "{bad}");
        }
    }
}
