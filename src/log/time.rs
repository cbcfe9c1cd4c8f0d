//! How instants are written to and read from the store, and read from people.

use chrono::{DateTime, Datelike, FixedOffset, Local, NaiveDateTime, Offset, TimeZone, Timelike, Utc};

use super::LogError;

/// Years outside this range are typing mistakes. The schema holds the same bounds on the UTC
/// instant (`BETWEEN -2208988800 AND 32503680000`: 1900-01-01 to 3000-01-01, UTC), so both the
/// local year and the UTC instant are checked: `1900-01-01T00:00:00+18:00` is still 1899 in UTC.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;
const FIRST_UTC_SECOND: i64 = -2_208_988_800;
const LAST_UTC_SECOND: i64 = 32_503_680_000;
/// The widest UTC offset the schema keeps, in minutes (`utc_offset_min BETWEEN -1080 AND 1080`);
/// the real world's widest are -12:00 and +14:00.
pub(crate) const MAX_OFFSET_MIN: i32 = 18 * 60;

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
    if !(FIRST_UTC_SECOND..LAST_UTC_SECOND).contains(&at.timestamp()) {
        return Err(LogError::BadTime {
            value: at.to_rfc3339(),
            reason: format!("in UTC it falls outside the years {} to {}", YEARS.start(), YEARS.end()),
        });
    }
    let minutes = at.offset().local_minus_utc() / 60;
    if minutes.abs() > MAX_OFFSET_MIN {
        return Err(LogError::BadTime {
            value: at.to_rfc3339(),
            reason: "its offset from UTC is more than 18 hours (the widest on Earth are -12:00 and +14:00)".into(),
        });
    }
    let offset = FixedOffset::east_opt(minutes * 60).expect("a whole-minute offset is valid");
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
    fn what_the_schema_would_refuse_is_refused_here_first() {
        // The same bounds as the CHECKs in 002_pain_log.sql, on the UTC instant and the offset.
        for bad in ["1900-01-01T00:00:00+18:00", "2026-11-19T19:00:00+18:01", "2026-11-19T19:00:00-18:01", "2999-12-31T23:00:00-02:00"] {
            let at = DateTime::parse_from_rfc3339(bad).unwrap();
            assert!(matches!(normalize(at), Err(LogError::BadTime { .. })), "{bad}");
        }
        for good in ["1900-01-01T00:00:00Z", "1900-01-01T18:00:00+18:00", "2026-11-19T19:00:00-18:00", "2999-12-31T23:59:59Z"] {
            let at = DateTime::parse_from_rfc3339(good).unwrap();
            let (utc, offset) = to_db(&normalize(at).unwrap());
            assert!((FIRST_UTC_SECOND..=LAST_UTC_SECOND).contains(&utc) && offset.abs() <= MAX_OFFSET_MIN, "{good}");
        }
    }

    #[test]
    fn nonsense_and_out_of_range_years_are_refused() {
        for bad in ["yesterday", "2026-13-01T00:00:00Z", "", "0099-01-01T00:00:00Z", "21/11/2026"] {
            assert!(matches!(parse_time(bad, plus_one()), Err(LogError::BadTime { .. })), "{bad}");
        }
    }
}
