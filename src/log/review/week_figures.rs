//! The week's figures the review compares: the key-moment pain of a week (the moment compared
//! like with like) and a week's running load. Pure: the log in, the figures out; no judgement.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::log::entries::PainEntry;
use crate::log::sessions::{Session, Sport};

/// A week's key-moment pain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekPain {
    /// Mean of the week's key-moment scores, to one decimal.
    pub mean: f64,
    pub scores: u32,
    pub lowest: u8,
    pub highest: u8,
}

/// A week's running (the load the loop manages), and how many other sessions there were.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekLoad {
    pub runs: u32,
    pub distance_km: f64,
    pub duration_min: f64,
    pub elevation_gain_m: f64,
    pub other_sessions: u32,
}

/// The moment to compare: like with like. Prefer moments scored in both weeks, else this week's;
/// among those the most scored, ties going to the most recently used.
pub(super) fn key_moment(this: &[&PainEntry], prev: &[&PainEntry]) -> Option<String> {
    let mut count: HashMap<&str, (usize, DateTime<FixedOffset>)> = HashMap::new();
    for e in this.iter().chain(prev) {
        let c = count.entry(e.moment.as_str()).or_insert((0, e.recorded_at));
        c.0 += 1;
        c.1 = c.1.max(e.recorded_at);
    }
    let in_both = |m: &str| this.iter().any(|e| e.moment == m) && prev.iter().any(|e| e.moment == m);
    let in_this = |m: &str| this.iter().any(|e| e.moment == m);
    let pick = |keep: &dyn Fn(&str) -> bool| {
        count.iter().filter(|(m, _)| keep(m)).max_by_key(|(_, (n, last))| (*n, *last)).map(|(m, _)| m.to_string())
    };
    pick(&in_both).or_else(|| pick(&in_this)).or_else(|| pick(&|_| true))
}

pub(super) fn week_pain(scores: &[&PainEntry], moment: &str) -> Option<WeekPain> {
    let at: Vec<u8> = scores.iter().filter(|e| e.moment == moment).map(|e| e.score).collect();
    if at.is_empty() {
        return None;
    }
    let sum: u32 = at.iter().map(|&s| u32::from(s)).sum();
    Some(WeekPain {
        mean: round1(f64::from(sum) / at.len() as f64),
        scores: at.len() as u32,
        lowest: *at.iter().min().expect("not empty"),
        highest: *at.iter().max().expect("not empty"),
    })
}

pub(super) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

pub(super) fn week_load<'a>(sessions: impl Iterator<Item = &'a Session>) -> WeekLoad {
    let mut load = WeekLoad::default();
    for s in sessions {
        if s.sport != Sport::Running {
            load.other_sessions += 1;
            continue;
        }
        load.runs += 1;
        load.distance_km += s.distance_m.unwrap_or(0.0) / 1000.0;
        load.duration_min += s.duration_s.unwrap_or(0.0) / 60.0;
        load.elevation_gain_m += s.elevation_gain_m.unwrap_or(0.0);
    }
    load.distance_km = round1(load.distance_km);
    load.duration_min = round1(load.duration_min);
    load.elevation_gain_m = load.elevation_gain_m.round();
    load
}
