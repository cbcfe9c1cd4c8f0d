//! The questions the check may ask: every finding the engine may ask about, with its plain
//! question and answer labels, in the vocabulary's order. Words nothing itself: the knowledge
//! base does.

use serde::Serialize;
use ts_rs::TS;

use crate::engine::knowledge::{self, FindingInfo};

/// The questions the check may ask.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CheckQuestions {
    /// Every finding the engine may ask about, in the vocabulary's order.
    pub questions: Vec<FindingInfo>,
}

pub fn questions() -> CheckQuestions {
    CheckQuestions { questions: knowledge::get().findings().to_vec() }
}
