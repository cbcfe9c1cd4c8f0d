//! CSV tables for spreadsheets. The pain log's shape is the one `log import` reads back.

use std::io::Write;

use crate::import::pain_csv::HEADER;
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
        w.write_record([at.as_str(), &score, &e.moment, e.side.map_or("", |s| s.as_str()), &e.notes]).map_err(io_error)?;
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
            s.source_file.clone().unwrap_or_default(),
        ])
        .map_err(io_error)?;
    }
    w.flush().map_err(io_error)
}
