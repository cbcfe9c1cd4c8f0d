//! Strava's bulk-export `activities.csv`: one session per row.
//!
//! Its header repeats some names: the first "Distance" is in the athlete's display unit (km for
//! most) and a later one, in newer exports, in metres; the first "Elapsed Time" is whole seconds.
//! "Activity Date" is UTC, written like `Nov 20, 2026, 7:30:12 AM`.

use std::io::Read;

use chrono::NaiveDateTime;

use super::limits::Refusal;
use crate::formats::pain_csv::cell_error;
use crate::log::Zone;
use crate::log::sessions::{NewSession, Sport};

/// True when a CSV header line is Strava's.
pub fn is_header(line: &str) -> bool {
    line.contains("Activity Date") && line.contains("Activity Type")
}

/// The sessions in Strava's activities.csv; a bad row is refused by its number (from 1 after the
/// header).
pub fn read(input: impl Read, source: &str, zone: Zone) -> Result<Vec<NewSession>, Refusal> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(input);
    let header = reader.headers().map_err(|e| format!("cannot read its first line ({})", cell_error(&e)))?.clone();
    let all = |name: &str| header.iter().enumerate().filter(|(_, h)| *h == name).map(|(i, _)| i).collect::<Vec<_>>();
    let first = |name: &str| all(name).first().copied();
    let date = first("Activity Date").ok_or("no \"Activity Date\" column")?;
    let kind = first("Activity Type").ok_or("no \"Activity Type\" column")?;
    let distances = all("Distance");
    // With two Distance columns the last is metres; with one, it is the display unit (km).
    let (distance, distance_scale) = match distances.as_slice() {
        [] => (None, 1.0),
        [only] => (Some(*only), 1000.0),
        [.., last] => (Some(*last), 1.0),
    };
    let elapsed = first("Elapsed Time");
    let climb = first("Elevation Gain");
    let file = first("Filename");

    let mut sessions = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let number = i + 1;
        let row = row.map_err(|e| Refusal::Row(number, cell_error(&e)))?;
        let bad = |why: String| Refusal::Row(number, why);
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).filter(|c| !c.is_empty());
        let amount = |i: Option<usize>, what: &str| -> Result<Option<f64>, Refusal> {
            cell(i).map(|c| c.replace(',', "").parse::<f64>().map_err(|_| bad(format!("the {what} \"{c}\" is not a number")))).transpose()
        };
        let when = cell(Some(date)).ok_or_else(|| bad("no activity date".into()))?;
        let start = NaiveDateTime::parse_from_str(when, "%b %d, %Y, %I:%M:%S %p")
            .map_err(|_| bad(format!("the activity date \"{when}\" is not in Strava's form (e.g. Nov 20, 2026, 7:30:12 AM)")))?
            .and_utc();
        let session = NewSession::new(
            zone.place(start),
            Sport::from_label(cell(Some(kind)).unwrap_or("")),
            amount(distance, "distance")?.map(|d| d * distance_scale),
            amount(elapsed, "elapsed time")?,
            amount(climb, "elevation gain")?,
            Some(cell(file).map_or_else(|| format!("{source} line {}", number + 1), str::to_string)),
        )
        .map_err(|e| bad(e.to_string()))?;
        sessions.push(session);
    }
    Ok(sessions)
}
