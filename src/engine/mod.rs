//! The diagnosis engine: from a case's findings to a ranked differential, triage, red flags and
//! the next questions worth asking.

mod assessment;

pub use assessment::{Assessment, ConditionId, Ranked, RedFlag, Triage, WellsScore, DISCLAIMER};
