//! TCX (Garmin Training Center XML): one session per `Activity`, from its laps' totals, with the
//! climb (and the distance, when laps lack it) computed from its trackpoints.

use chrono::DateTime;
use roxmltree::{Document, Node};

use super::track::{self, Point};
use crate::log::Zone;
use crate::log::sessions::{NewSession, Sport};

pub fn read(text: &str, source: &str, zone: Zone) -> Result<Vec<NewSession>, String> {
    let doc = Document::parse(text).map_err(|e| format!("not a readable TCX file ({e})"))?;
    if doc.root_element().tag_name().name() != "TrainingCenterDatabase" {
        return Err(format!("not a TCX file (its root element is <{}>)", doc.root_element().tag_name().name()));
    }
    let activities: Vec<Node> = doc.descendants().filter(|n| n.has_tag_name("Activity")).collect();
    if activities.is_empty() {
        return Err("the TCX file has no activity in it".into());
    }
    activities.into_iter().map(|a| activity(a, source, zone)).collect()
}

fn child<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.children().find(|n| n.has_tag_name(name))
}

fn number(node: Node, name: &str) -> Option<f64> {
    child(node, name)?.text()?.trim().parse().ok()
}

fn time(text: &str) -> Result<DateTime<chrono::Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim()).map(|t| t.to_utc()).map_err(|e| format!("the time \"{text}\" cannot be read ({e})"))
}

fn activity(a: Node, source: &str, zone: Zone) -> Result<NewSession, String> {
    let sport = Sport::from_label(a.attribute("Sport").unwrap_or("Running"));
    let id = child(a, "Id").and_then(|n| n.text()).ok_or("an activity has no <Id> (its start time)")?;
    let start = time(id)?;
    let laps: Vec<Node> = a.children().filter(|n| n.has_tag_name("Lap")).collect();
    let points: Vec<Point> = a
        .descendants()
        .filter(|n| n.has_tag_name("Trackpoint"))
        .map(|tp| {
            let pos = child(tp, "Position");
            Ok(Point {
                lat: pos.and_then(|p| number(p, "LatitudeDegrees")),
                lon: pos.and_then(|p| number(p, "LongitudeDegrees")),
                elevation: number(tp, "AltitudeMeters"),
                time: child(tp, "Time").and_then(|t| t.text()).map(time).transpose()?,
            })
        })
        .collect::<Result<_, String>>()?;
    let lap_sum = |name: &str| -> Option<f64> {
        let values: Vec<f64> = laps.iter().filter_map(|l| number(*l, name)).collect();
        (!values.is_empty()).then(|| values.iter().sum())
    };
    let distance = lap_sum("DistanceMeters").or_else(|| track::distance_m(&points));
    let duration = lap_sum("TotalTimeSeconds")
        .or_else(|| track::time_span(&points).map(|(s, e)| (e - s).num_seconds() as f64));
    NewSession::new(zone.place(start), sport, distance, duration, track::climb_m(&points), Some(source.to_string()))
        .map_err(|e| e.to_string())
}
