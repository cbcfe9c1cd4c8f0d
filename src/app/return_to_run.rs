//! The return to running as the window records it: an outcome score recorded, answered with the
//! profile's outcome view on the client's `today` (the Log screen redraws its chart from it).
//! The checks are `return_to_run::records`', the view `return_to_run::progress`'.

use chrono::NaiveDate;

use crate::return_to_run::progress::OutcomeView;
use crate::return_to_run::{self as rtr, OutcomeScore};
use crate::store::Store;
use crate::Error;

/// Records an outcome score (a second one that day for the instrument replaces it); returns the
/// profile's outcome view with it. A score out of the instrument's range writes nothing.
pub fn record_outcome_score(store: &mut Store, profile_id: i64, score: &OutcomeScore, today: NaiveDate) -> Result<OutcomeView, Error> {
    rtr::records::record_score(store, profile_id, score)?;
    rtr::outcome_for_profile(store, profile_id, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles;

    #[test]
    fn a_score_recorded_comes_back_in_the_outcome_view_and_a_bad_one_writes_nothing() {
        let (mut store, ana) = profiles::ana_in_memory(chrono::Utc::now());
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        // No check yet: the default instrument, the LEFS.
        let lefs = rtr::outcome_for_profile(&store, ana, day(20)).unwrap().instrument.id;
        let first = OutcomeScore { instrument: lefs.clone(), scored_on: day(20), score: 40 };
        let view = record_outcome_score(&mut store, ana, &first, day(20)).unwrap();
        assert_eq!(view.scores, [first.clone()]);
        assert!(!view.due, "scored today");
        let second = OutcomeScore { scored_on: day(25), score: 52, ..first.clone() };
        let view = record_outcome_score(&mut store, ana, &second, day(26)).unwrap();
        assert_eq!(view.scores, [first.clone(), second.clone()]);
        assert!(view.change.is_some(), "two scores: the change in words");

        let e = record_outcome_score(&mut store, ana, &OutcomeScore { score: -5, ..first.clone() }, day(26)).unwrap_err();
        assert_eq!(e.code(), "rtr_score_out_of_range");
        assert_eq!(rtr::outcome_for_profile(&store, ana, day(26)).unwrap().scores.len(), 2);
    }
}
