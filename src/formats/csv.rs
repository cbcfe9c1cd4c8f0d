//! CSV tables for spreadsheets. The pain log's shape is the one `log import` reads back.
//!
//! Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in
//! some, a tab or carriage return) as a formula, so a note typed as `=HYPERLINK(...)` would run on
//! the clinician's machine. Every free-text cell (moment, notes, source file) that begins with one
//! of those, or with a single quote, gets a single quote in front, which spreadsheets show as
//! text and hide; `log import` takes one leading quote off again ([`unquote`]), so an export reads
//! back exactly. Times, scores, sides, sports and amounts are written by Soleus itself and never
//! begin with those characters (amounts are never negative: the log refuses them), so numbers stay
//! numbers a spreadsheet can add up.

use std::borrow::Cow;
use std::io::Write;

use super::pain_csv::HEADER;
use crate::log::entries::PainEntry;
use crate::log::sessions::Session;
use crate::log::LogError;

fn io_error(e: impl Into<std::io::Error>) -> LogError {
    LogError::Io { path: "(CSV output)".into(), source: e.into() }
}

/// `recorded_at,score,moment,side,notes`, times in RFC 3339 with the offset they were recorded in.
pub fn write_pain(entries: &[PainEntry], out: impl Write) -> Result<(), LogError> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(HEADER).map_err(io_error)?;
    for e in entries {
        let score = e.score.to_string();
        let at = e.recorded_at.to_rfc3339();
        w.write_record([at.as_str(), &score, &neutralise(&e.moment), e.side.map_or("", |s| s.as_str()), &neutralise(&e.notes)])
            .map_err(io_error)?;
    }
    w.flush().map_err(io_error)
}

pub const SESSION_HEADER: [&str; 6] = ["started_at", "sport", "distance_km", "duration_min", "elevation_gain_m", "source_file"];

/// `started_at,sport,distance_km,duration_min,elevation_gain_m,source_file`; empty when unknown.
pub fn write_sessions(sessions: &[Session], out: impl Write) -> Result<(), LogError> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(SESSION_HEADER).map_err(io_error)?;
    let fmt = |v: Option<f64>, scale: f64, places: usize| v.map_or(String::new(), |v| format!("{:.*}", places, v / scale));
    for s in sessions {
        w.write_record([
            s.started_at.to_rfc3339(),
            s.sport.as_str().to_string(),
            fmt(s.distance_m, 1000.0, 3),
            fmt(s.duration_s, 60.0, 2),
            fmt(s.elevation_gain_m, 1.0, 0),
            neutralise(s.source_file.as_deref().unwrap_or_default()).into_owned(),
        ])
        .map_err(io_error)?;
    }
    w.flush().map_err(io_error)
}

/// A free-text cell made safe to open in a spreadsheet (see the module's note).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// Undoes [`neutralise`] on a cell read back: one leading single quote comes off.
pub fn unquote(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_made_text_and_read_back_as_they_were() {
        for (text, written) in [
            ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
            ("+1 km", "'+1 km"),
            ("-5 km mark", "'-5 km mark"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcalf", "'\tcalf"),
            ("'quoted", "''quoted"),
            ("after the run", "after the run"),
            ("", ""),
        ] {
            assert_eq!(neutralise(text), written, "{text:?}");
            assert_eq!(unquote(&neutralise(text)), text, "{text:?} reads back");
        }
    }
}
