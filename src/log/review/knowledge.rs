//! The weekly loop's thresholds, read once from `knowledge/training_load.toml`, each source
//! checked against `knowledge/sources.toml` at load.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The loop's thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Loop {
    /// At or below this weekly score, begin a gradual return.
    pub return_at: f64,
    pub return_at_src: String,
    /// A weekly drop of at least this many points is progress.
    pub on_track_drop: f64,
    pub on_track_drop_src: String,
    pub growth_percent: i64,
    pub growth_src: String,
}

/// One band of the single-run spike's hazard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SpikeBand {
    /// Upper bound of how much longer, in percent (inclusive); none for the last band.
    #[ts(optional)]
    pub up_to_percent: Option<f64>,
    pub hazard: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Spike {
    #[ts(type = "number")]
    pub window_days: i64,
    pub src: String,
    pub bands: Vec<SpikeBand>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WeeklyRise {
    #[ts(type = "number")]
    pub percent: i64,
    pub src: String,
}

/// `knowledge/training_load.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TrainingLoad {
    #[serde(rename = "loop")]
    pub weekly_loop: Loop,
    pub spike: Spike,
    pub weekly_rise: WeeklyRise,
}

impl TrainingLoad {
    /// The spike's hazard for a run `percent` longer than the recent longest.
    pub fn hazard(&self, percent: f64) -> f64 {
        let band = self.spike.bands.iter().find(|b| b.up_to_percent.is_none_or(|up| percent <= up));
        band.expect("the last band has no upper bound").hazard
    }

    pub fn growth_percent(&self) -> i64 {
        self.weekly_loop.growth_percent
    }
}

/// The thresholds, parsed and checked once. Panics on a broken file: knowledge ships compiled in.
pub fn knowledge() -> &'static TrainingLoad {
    static KNOWLEDGE: OnceLock<TrainingLoad> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        let k: TrainingLoad = toml::from_str(include_str!("../../../knowledge/training_load.toml"))
            .unwrap_or_else(|e| panic!("knowledge/training_load.toml: {e}"));
        let sources = crate::engine::knowledge::get().sources();
        for id in [&k.weekly_loop.return_at_src, &k.weekly_loop.on_track_drop_src, &k.weekly_loop.growth_src, &k.spike.src, &k.weekly_rise.src] {
            assert!(sources.iter().any(|s| &s.id == id), "knowledge/training_load.toml cites `{id}`, which is not in sources.toml");
        }
        assert!(k.spike.bands.last().is_some_and(|b| b.up_to_percent.is_none()), "knowledge/training_load.toml: the last spike band has no upper bound");
        k
    })
}
