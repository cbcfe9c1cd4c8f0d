//! FIT (Garmin's binary activity format): one session per `session` message, from its totals.

use chrono::Utc;
use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};

use crate::log::Zone;
use crate::log::sessions::{NewSession, Sport};

pub fn read(bytes: &[u8], source: &str, zone: Zone) -> Result<Vec<NewSession>, String> {
    let records = fitparser::from_bytes(bytes).map_err(|e| format!("not a readable FIT file ({e})"))?;
    let sessions: Vec<NewSession> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Session)
        .map(|r| session(r, source, zone))
        .collect::<Result<_, _>>()?;
    if sessions.is_empty() {
        return Err("the FIT file holds no activity session (is it a course or a settings file?)".into());
    }
    Ok(sessions)
}

fn field<'a>(r: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    r.fields().iter().find(|f| f.name() == name).map(|f| f.value())
}

fn amount(r: &FitDataRecord, name: &str) -> Option<f64> {
    field(r, name).cloned().and_then(|v| TryInto::<f64>::try_into(v).ok())
}

fn session(r: &FitDataRecord, source: &str, zone: Zone) -> Result<NewSession, String> {
    let start = match field(r, "start_time").or_else(|| field(r, "timestamp")) {
        Some(Value::Timestamp(t)) => t.with_timezone(&Utc),
        _ => return Err("a session has no start time".into()),
    };
    let sport = match field(r, "sport") {
        Some(Value::String(s)) => Sport::from_label(s),
        _ => Sport::Other,
    };
    let duration = amount(r, "total_elapsed_time").or_else(|| amount(r, "total_timer_time"));
    NewSession::new(zone.place(start), sport, amount(r, "total_distance"), duration, amount(r, "total_ascent"), Some(source.to_string()))
        .map_err(|e| e.to_string())
}
