//! The contract of an assessment's result: what `assess` returns, what the CLI prints as JSON,
//! what the app renders and what plans are built from. Field names follow
//! `knowledge/vocabulary.json`'s `output` section.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Shown with every result, in every client.
pub const DISCLAIMER: &str = "Soleus is not a diagnosis. It suggests likely causes from your answers; \
only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";

/// Text of a result. Every piece of text `assess` produces is static knowledge (ids, names,
/// reasons, advice), so the engine borrows it from the knowledge base instead of copying ~30
/// strings per case: that copying cost a third of `assess`. A deserialized (saved) assessment
/// owns its text. Either way it serializes as a plain JSON string.
pub type Text = Cow<'static, str>;

/// A condition id from the knowledge base (e.g. `"gastrocnemius_strain"`), as other modules keep it.
pub type ConditionId = String;

/// How soon to seek care, least urgent first so that `max` picks the most urgent. What each level
/// tells the person is knowledge (`knowledge/triage.toml`, [`Triage::advice`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Triage {
    /// Self-manage with the plan; seek care if it is not improving by the plan's review point.
    SelfCare,
    /// Book a physiotherapist or doctor within 1-2 weeks.
    Clinician,
    /// See a doctor today (within 24 hours); do not run.
    Urgent,
    /// Emergency care now.
    Emergency,
}

impl Triage {
    pub const ALL: [Triage; 4] = [Triage::SelfCare, Triage::Clinician, Triage::Urgent, Triage::Emergency];

    pub fn id(self) -> &'static str {
        match self {
            Triage::SelfCare => "self_care",
            Triage::Clinician => "clinician",
            Triage::Urgent => "urgent",
            Triage::Emergency => "emergency",
        }
    }

    /// What the person should do, in plain words (knowledge/triage.toml).
    pub fn advice(self) -> &'static str {
        &self.words().advice
    }

    /// Every way this triage is worded (`knowledge/triage.toml`), one entry per level so the
    /// words are kept together.
    pub fn words(self) -> &'static TriageWords {
        let w = triage_wording();
        match self {
            Triage::SelfCare => &w.self_care,
            Triage::Clinician => &w.clinician,
            Triage::Urgent => &w.urgent,
            Triage::Emergency => &w.emergency,
        }
    }
}

/// How a triage level is said: the text plan, the report, the PDF and the app (through the
/// bindings' `TRIAGE_HEADLINE`, `TRIAGE_BADGE` and `TRIAGE_ACT`) all take these words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriageWords {
    /// What the person should do, in plain words.
    pub advice: String,
    /// The headline of a result and of the last check ("Urgent: see a doctor today").
    pub headline: String,
    /// A short badge for a plan, a slide or a past check ("Urgent: today").
    pub badge: String,
    /// What to do about a warning sign of this urgency, in a few words; empty for self-care,
    /// which asks for nothing more.
    pub act: String,
    /// The guidance behind its timing (sources.toml).
    pub src: String,
}

/// `knowledge/triage.toml`: one entry per level, so a level without words fails to load.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriageWording {
    self_care: TriageWords,
    clinician: TriageWords,
    urgent: TriageWords,
    emergency: TriageWords,
}

/// Read and checked once (every source in sources.toml). Panics on a broken file: knowledge
/// ships compiled in, and the tests load it.
fn triage_wording() -> &'static TriageWording {
    static WORDING: std::sync::OnceLock<TriageWording> = std::sync::OnceLock::new();
    WORDING.get_or_init(|| {
        let w: TriageWording = toml::from_str(crate::embedded::knowledge("triage.toml")).unwrap_or_else(|e| panic!("knowledge/triage.toml: {e}"));
        let sources = super::knowledge::get().sources();
        for level in [&w.self_care, &w.clinician, &w.urgent, &w.emergency] {
            assert!(sources.iter().any(|s| s.id == level.src), "knowledge/triage.toml cites `{}`, which is not in sources.toml", level.src);
        }
        w
    })
}

/// A safety rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RedFlag {
    /// Stable rule id, e.g. `"pe_signs"`.
    pub id: Text,
    /// What was found and what to do, in plain words.
    pub message: Text,
    /// The triage this rule alone demands.
    pub triage: Triage,
}

/// One condition in the differential.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Ranked {
    // A [`ConditionId`], borrowed from the knowledge base.
    pub condition: Text,
    /// The condition's display name.
    pub name: Text,
    /// Posterior probability in [0, 1]; the differential sums to at most 1.
    pub probability: f64,
    /// The findings that moved it most, for and against, in plain words; strongest first.
    pub why: Vec<Text>,
}

/// The two-level Wells score for DVT (Wells, NEJM 2003).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WellsScore {
    #[ts(type = "number")]
    pub score: i32,
    /// `score >= 2`.
    pub dvt_likely: bool,
    /// The items that scored, in plain words, with their points.
    pub items: Vec<Text>,
}

/// "None of these fits": the answers fit none of the listed causes well, so the list is a rough
/// guide only and a clinician should examine the leg.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NoneFits {
    /// The share of "something not listed" (the leak class) on the list's scale.
    pub probability: f64,
    /// What that means for the person, in plain words.
    pub message: Text,
}

/// The result of assessing one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Assessment {
    pub triage: Triage,
    /// What the triage means for the person, in plain words.
    pub triage_advice: Text,
    /// Every safety rule that fired, most urgent first.
    pub red_flags: Vec<RedFlag>,
    /// Most likely first.
    pub differential: Vec<Ranked>,
    /// Present when the answers fit none of the listed causes well (red_flags.toml `none_fits`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[ts(optional)]
    pub none_fits: Option<NoneFits>,
    /// Present when any Wells item is known. Serialized as a plain number (`wells_score`) for the
    /// vocabulary's contract, with the detail beside it (`wells`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[ts(optional, type = "number")]
    pub wells_score: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    #[ts(optional)]
    pub wells: Option<WellsScore>,
    /// Finding keys still worth asking, most informative first (unanswered red flags first).
    pub next_questions: Vec<Text>,
    /// Not a diagnosis; when to seek care. Always present.
    pub disclaimer: Text,
    /// The engine and knowledge version that produced this result.
    pub engine_version: Text,
}

impl Assessment {
    /// The most likely condition, if the differential is not empty.
    pub fn top(&self) -> Option<&Ranked> {
        self.differential.first()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_triage_but_self_care_says_what_to_do_about_a_warning_sign() {
        for t in Triage::ALL {
            assert_eq!(t.words().act.is_empty(), t == Triage::SelfCare, "{t:?}");
        }
        assert_eq!(Triage::Urgent.words().act, "See a doctor today");
        assert!(Triage::Urgent.advice().starts_with("See a doctor today"), "the table is in Triage order");
        let badges: std::collections::HashSet<&str> = Triage::ALL.iter().map(|t| t.words().badge.as_str()).collect();
        assert_eq!(badges.len(), Triage::ALL.len(), "every triage has its own badge: {badges:?}");
        let headlines: std::collections::HashSet<&str> = Triage::ALL.iter().map(|t| t.words().headline.as_str()).collect();
        assert_eq!(headlines.len(), Triage::ALL.len(), "every triage has its own headline: {headlines:?}");
    }

    #[test]
    fn triage_orders_by_urgency_and_serializes_as_vocabulary_ids() {
        assert!(Triage::Emergency > Triage::Urgent && Triage::Urgent > Triage::Clinician);
        assert!(Triage::Clinician > Triage::SelfCare);
        for t in Triage::ALL {
            assert_eq!(serde_json::to_value(t).unwrap(), serde_json::Value::String(t.id().into()));
        }
    }

    /// The borrowed text serializes as plain strings, and a saved result reads back (owning its
    /// text) equal to what was assessed, field for field and byte for byte.
    #[test]
    fn borrowed_text_round_trips_through_json() {
        let case = crate::engine::Case::from_json(r#"{"findings": {"onset": "sudden", "days_since_onset": 2, "recent_immobilisation": true, "swelling": "none"}}"#).unwrap();
        let a = crate::engine::assess(&case);
        assert!(matches!(a.disclaimer, Cow::Borrowed(_)) && matches!(a.differential[0].name, Cow::Borrowed(_)));
        let json = serde_json::to_string(&a).unwrap();
        let back: Assessment = serde_json::from_str(&json).unwrap();
        assert!(matches!(back.disclaimer, Cow::Owned(_)) && matches!(back.differential[0].name, Cow::Owned(_)));
        assert_eq!(back, a);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        assert!(json.contains(&format!("\"disclaimer\":\"{DISCLAIMER}\"")));
    }
}
