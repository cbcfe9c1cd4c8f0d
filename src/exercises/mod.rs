//! The rehab and strength exercise library: exercises as data (`knowledge/exercises/*.toml`,
//! embedded in the binary and parsed once), each with its prescription, progressions,
//! cautions, the conditions it serves, its sources and the pose data its illustration is drawn from.

pub mod illustration;
mod library;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use library::{find, library, ExerciseError};

/// Where an exercise sits in a rehab programme, earliest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Warm-up and mobility before a run or a session.
    Prepare,
    /// Early, protected movement while tissue heals (first days to 2 weeks).
    Protect,
    /// Low-load strength and control: isometrics, double-leg work, seated raises.
    Foundation,
    /// Progressive heavy or eccentric loading, single-leg strength.
    Strength,
    /// Elastic and plyometric work: hops, pogos, bounds.
    Power,
    /// Graded running.
    ReturnToRun,
}

impl Phase {
    /// Every phase, earliest first.
    pub const ALL: [Phase; 6] = [Phase::Prepare, Phase::Protect, Phase::Foundation, Phase::Strength, Phase::Power, Phase::ReturnToRun];

    /// How a runner reads the phase: the words the plans name their phases with ("Settle (weeks
    /// 0-2)", "Rebuild", "Strength", "Spring", "Return to run"), so that an exercise opened from
    /// a plan's "Settle" phase is not labelled something else in the library. The ids stay the
    /// clinical terms (protect, foundation, power) the exercise files are written in.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Prepare => "warm-up",
            Phase::Protect => "settle",
            Phase::Foundation => "rebuild",
            Phase::Strength => "strength",
            Phase::Power => "spring",
            Phase::ReturnToRun => "return to run",
        }
    }
}

/// How much and how often. Exactly one of `reps`, `hold_seconds` or `minutes` describes one set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Prescription {
    #[ts(type = "number")]
    pub sets: u32,
    /// Repetitions per set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub reps: Option<u32>,
    /// Seconds each repetition is held (isometrics, stretches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub hold_seconds: Option<u32>,
    /// Minutes per set (rolling, intervals, running).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub minutes: Option<u32>,
    /// Done on each leg separately.
    pub per_side: bool,
    /// Rest between sets.
    #[ts(type = "number")]
    pub rest_seconds: u32,
    /// Sessions per week.
    #[ts(type = "number")]
    pub times_per_week: u32,
    /// Tempo, load or how to progress within the prescription, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
}

impl Prescription {
    /// One line a runner can follow, e.g. "3 sets x 15 reps each side, rest 60 s, 7x a week".
    pub fn summary(&self) -> String {
        match &self.note {
            Some(n) => format!("{} ({n})", self.dose()),
            None => self.dose(),
        }
    }

    /// The dose in one line, without the note: "3 sets x 15 reps each side, rest 60 s, 7x a week".
    pub fn dose(&self) -> String {
        let mut dose = Vec::new();
        if let Some(r) = self.reps {
            dose.push(format!("{r} reps"));
        }
        if let Some(h) = self.hold_seconds {
            dose.push(format!("{h} s hold"));
        }
        if let Some(m) = self.minutes {
            dose.push(format!("{m} min"));
        }
        let set = if self.sets == 1 { "set" } else { "sets" };
        let mut s = format!("{} {set} x {}", self.sets, dose.join(", "));
        if self.per_side {
            s.push_str(" each side");
        }
        if self.rest_seconds > 0 {
            s.push_str(&format!(", rest {} s", self.rest_seconds));
        }
        s.push_str(&format!(", {}x a week", self.times_per_week));
        s
    }
}

/// One exercise of the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Stable snake_case id, referenced by plans and progressions.
    pub id: String,
    pub name: String,
    /// What it is for, in one sentence.
    pub goal: String,
    pub muscles: Vec<String>,
    pub phase: Phase,
    /// What is needed; empty for none.
    pub equipment: Vec<String>,
    pub steps: Vec<String>,
    pub form_tips: Vec<String>,
    pub prescription: Prescription,
    /// The next, harder exercise (an id in the library).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub progression: Option<String>,
    /// The easier exercise to fall back to (an id in the library).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub regression: Option<String>,
    /// What to watch for while doing it.
    pub cautions: Vec<String>,
    /// Who should not do it (yet).
    pub not_for: Vec<String>,
    /// Condition ids from the vocabulary that it serves.
    pub conditions: Vec<String>,
    /// The publications the exercise or its dose comes from: in the files, ids of
    /// `knowledge/sources.toml`; once loaded, their published citations (checked at load, the
    /// way the plans' sources are), so no internal label reaches a person.
    pub sources: Vec<String>,
    /// The two poses the illustration is drawn from.
    pub illustration: illustration::Drawing,
    /// The illustration once drawn: the library is static, so each exercise is drawn once a run,
    /// not on every call that shows it (the library's cards are about 175 KB of SVG).
    #[serde(skip)]
    #[ts(skip)]
    drawn: Drawn,
}

impl Exercise {
    /// The exercise's illustration as a standalone SVG document, drawn on first use.
    pub fn svg(&self) -> &str {
        self.drawn.0.get_or_init(|| illustration::render(self))
    }
}

/// A drawing kept beside the data it is drawn from; it takes no part in comparing exercises.
#[derive(Debug, Clone, Default)]
struct Drawn(std::sync::OnceLock<String>);

impl PartialEq for Drawn {
    fn eq(&self, _: &Drawn) -> bool {
        true
    }
}
