//! Taking a runner's record out: CSV tables, a JSON backup that restores exactly, and a report
//! for a clinician.

pub mod backup;
pub mod csv;
pub mod files;
pub mod report;
