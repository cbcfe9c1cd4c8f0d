//! The weekly loop's thresholds and sentences, read once from `knowledge/training_load.toml`,
//! each source checked against `knowledge/sources.toml` at load.
//!
//! The sentences name what they show as `{name}`. At load the thresholds are written into them
//! (so the charts' words are complete and a sentence can never state a threshold the review does
//! not apply), and a name that nothing fills is refused; the review fills the week's figures
//! with [`fill`].

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// A verdict's headline and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Said {
    pub src: String,
    pub headline: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BeginReturnWords {
    #[serde(flatten)]
    pub said: Said,
    /// Next week's distance, inside the detail.
    pub example: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RestrictWords {
    #[serde(flatten)]
    pub said: Said,
    /// Added to the detail when the pain rose.
    pub rising: String,
}

/// A load warning's sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Warned {
    pub src: String,
    pub message: String,
}

/// The pain charts' return line and captions, thresholds written in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChartWords {
    pub src: String,
    /// The label drawn on the line.
    pub line_label: String,
    /// The line's name in a legend.
    pub line_legend: String,
    /// Where a 7-day mean stands against the line, for a screen reader.
    pub at_or_below: String,
    pub above: String,
    pub report_pain_caption: String,
    pub report_load_caption: String,
}

/// What the review and the charts say (`[words]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub src: String,
    pub when_to_seek_care: String,
    pub no_score: Said,
    pub begin_return: BeginReturnWords,
    pub baseline: Said,
    pub hold: Said,
    pub restrict: RestrictWords,
    pub ease_back: Said,
    pub spike: Warned,
    pub weekly_rise: Warned,
    pub today: TodayWords,
    pub chart: ChartWords,
}

/// The Today card's reason on a day to build back up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TodayWords {
    pub src: String,
    pub keep_within: String,
}

/// `knowledge/training_load.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TrainingLoad {
    #[serde(rename = "loop")]
    pub weekly_loop: Loop,
    pub spike: Spike,
    pub weekly_rise: WeeklyRise,
    pub words: Words,
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

/// The thresholds and sentences, parsed and checked once. Panics on a broken file: knowledge
/// ships compiled in (the tests load it).
pub fn knowledge() -> &'static TrainingLoad {
    static KNOWLEDGE: OnceLock<TrainingLoad> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        load(crate::embedded::knowledge("training_load.toml")).unwrap_or_else(|e| panic!("knowledge/training_load.toml: {e}"))
    })
}

/// `{name}` in `template` replaced by its value, for each pair.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// The `{name}`s a sentence may still hold after load, each filled by the review: every entry's
/// own figures (see the comments in the file).
const FILLED_LATER: &[(&str, &[&str])] = &[
    ("no_score", &[]),
    ("begin_return", &["mean", "example", "distance"]),
    ("baseline", &["mean", "cut", "why"]),
    ("hold", &["drop", "previous", "mean"]),
    ("restrict", &["change", "previous", "mean", "cut", "why", "rising"]),
    ("ease_back", &["pain", "what", "target"]),
    ("spike", &["distance", "day", "percent", "longest", "hazard"]),
    ("weekly_rise", &["distance", "percent", "previous"]),
    ("chart", &[]),
    ("today", &[]),
    ("when_to_seek_care", &[]),
];

pub(crate) fn load(text: &str) -> Result<TrainingLoad, String> {
    let mut k: TrainingLoad = toml::from_str(text).map_err(|e| e.to_string())?;
    let w = &k.words;
    let kb = crate::engine::knowledge::get();
    let cited = [&k.weekly_loop.return_at_src, &k.weekly_loop.on_track_drop_src, &k.weekly_loop.growth_src, &k.spike.src, &k.weekly_rise.src];
    let said = [&w.src, &w.no_score.src, &w.begin_return.said.src, &w.baseline.src, &w.hold.src, &w.restrict.said.src, &w.ease_back.src];
    for id in cited.into_iter().chain(said).chain([&w.spike.src, &w.weekly_rise.src, &w.chart.src, &w.today.src]) {
        kb.check_cited(id)?;
    }
    if !k.spike.bands.last().is_some_and(|b| b.up_to_percent.is_none()) {
        return Err("the last spike band has no upper bound".into());
    }
    let thresholds = [
        ("return_at", k.weekly_loop.return_at.to_string()),
        ("on_track_drop", k.weekly_loop.on_track_drop.to_string()),
        ("growth", k.weekly_loop.growth_percent.to_string()),
        ("weekly_rise", k.weekly_rise.percent.to_string()),
        ("window_days", k.spike.window_days.to_string()),
    ];
    let pairs: Vec<(&str, &str)> = thresholds.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let mut problem = None;
    for (entry, sentences) in sentences_mut(&mut k.words) {
        let later = FILLED_LATER.iter().find(|(e, _)| *e == entry).map_or(&[][..], |(_, names)| *names);
        for sentence in sentences {
            *sentence = fill(sentence, &pairs);
            if let Some(name) = placeholders(sentence).find(|n| !later.contains(n)) {
                problem.get_or_insert(format!("[words.{entry}] says {{{name}}}, which nothing fills"));
            }
        }
    }
    problem.map_or(Ok(k), Err)
}

/// Every sentence of the words, by the entry it belongs to.
fn sentences_mut(w: &mut Words) -> Vec<(&'static str, Vec<&mut String>)> {
    let c = &mut w.chart;
    vec![
        ("when_to_seek_care", vec![&mut w.when_to_seek_care]),
        ("no_score", vec![&mut w.no_score.headline, &mut w.no_score.detail]),
        ("begin_return", vec![&mut w.begin_return.said.headline, &mut w.begin_return.said.detail, &mut w.begin_return.example]),
        ("baseline", vec![&mut w.baseline.headline, &mut w.baseline.detail]),
        ("hold", vec![&mut w.hold.headline, &mut w.hold.detail]),
        ("restrict", vec![&mut w.restrict.said.headline, &mut w.restrict.said.detail, &mut w.restrict.rising]),
        ("ease_back", vec![&mut w.ease_back.headline, &mut w.ease_back.detail]),
        ("spike", vec![&mut w.spike.message]),
        ("weekly_rise", vec![&mut w.weekly_rise.message]),
        ("today", vec![&mut w.today.keep_within]),
        ("chart", vec![&mut c.line_label, &mut c.line_legend, &mut c.at_or_below, &mut c.above, &mut c.report_pain_caption, &mut c.report_load_caption]),
    ]
}

/// The `{name}`s in a sentence.
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = include_str!("../../../knowledge/training_load.toml");

    #[test]
    fn the_thresholds_are_written_into_the_sentences_at_load() {
        let k = load(FILE).unwrap();
        assert_eq!(k.words.chart.line_label, format!("{}/10: begin a gradual return", k.weekly_loop.return_at));
        assert!(!k.words.restrict.said.detail.contains("{on_track_drop}"), "{}", k.words.restrict.said.detail);
        assert!(k.words.restrict.said.detail.contains("{why}"), "the week's figures are left for the review");
    }

    #[test]
    fn a_bad_file_names_what_is_wrong() {
        for (text, says) in [
            (FILE.replace("src = \"farrar2001\"", "src = \"nobody2020\""), "`nobody2020`"),
            (FILE.replace("your starting point.", "your {start} point."), "[words.baseline] says {start}"),
            (FILE.replace("{ hazard = 2.28 }", "{ up_to_percent = 500.0, hazard = 2.28 }"), "no upper bound"),
        ] {
            let err = load(&text).unwrap_err();
            assert!(err.contains(says), "{err}");
        }
    }
}
