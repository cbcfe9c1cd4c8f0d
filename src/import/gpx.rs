//! GPX (GPS Exchange Format) tracks: one session per track, totals computed from its points.

use std::io::BufRead;

use chrono::DateTime;

use super::track::{self, Point};
use crate::log::Zone;
use crate::log::sessions::{NewSession, Sport};

/// Reads the sessions in a GPX document; `Err` says why it could not be read.
pub fn read(input: impl BufRead, source: &str, zone: Zone) -> Result<Vec<NewSession>, String> {
    let doc = ::gpx::read(input).map_err(|e| format!("not a readable GPX file ({e})"))?;
    if doc.tracks.is_empty() {
        return Err("the GPX file has no track (only routes or waypoints), so there is no run in it".into());
    }
    let mut sessions = Vec::new();
    for trk in &doc.tracks {
        let segments: Vec<Vec<Point>> = trk
            .segments
            .iter()
            .map(|seg| seg.points.iter().map(to_point).collect::<Result<_, _>>())
            .collect::<Result<_, _>>()?;
        let all: Vec<Point> = segments.iter().flatten().copied().collect();
        let Some((start, end)) = track::time_span(&all) else {
            return Err("the track has no timestamps, so it cannot be placed in the log".into());
        };
        // Distance is summed per segment: a gap between segments is a pause, not a straight line.
        let distance: f64 = segments.iter().filter_map(|s| track::distance_m(s)).sum();
        let sport = trk.type_.as_deref().map_or(Sport::Running, Sport::from_label);
        let session = NewSession::new(
            zone.place(start),
            sport,
            Some(distance),
            Some((end - start).num_seconds() as f64),
            track::climb_m(&all),
            Some(source.to_string()),
        )
        .map_err(|e| e.to_string())?;
        sessions.push(session);
    }
    Ok(sessions)
}

fn to_point(w: &::gpx::Waypoint) -> Result<Point, String> {
    let time = match &w.time {
        Some(t) => {
            let text = t.format().map_err(|e| format!("a point's time cannot be read ({e})"))?;
            Some(DateTime::parse_from_rfc3339(&text).map_err(|e| format!("a point's time {text} cannot be read ({e})"))?.to_utc())
        }
        None => None,
    };
    let p = w.point();
    Ok(Point { lat: Some(p.y()), lon: Some(p.x()), elevation: w.elevation, time })
}
