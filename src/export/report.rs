//! (clinician report: next)
