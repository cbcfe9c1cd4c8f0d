//! Taking a runner's record out: CSV tables, a JSON backup that restores exactly, and a report
//! for a clinician.

pub mod files;
// The formats themselves live in `formats/` (both directions); these names are kept for callers.
pub use crate::formats::{backup, csv};
pub mod report;
