//! The exercise library as the window shows it: a card per exercise (its phase in words, its dose
//! in one line, its drawing), the conditions the library serves for its filter, and one exercise
//! with its progression and regression named. Words nothing itself: the names, doses and phase
//! labels are the library's and the knowledge base's. And the sets a person did of one, recorded.

use serde::Serialize;
use ts_rs::TS;

use crate::engine::knowledge;
use crate::exercises::{self, Exercise, ExerciseError, Phase};
use crate::log::exercises::{self as done, ExerciseCompletion};
use crate::store::Store;
use crate::Error;

/// What a library card shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExerciseCard {
    pub id: String,
    pub name: String,
    pub goal: String,
    pub phase: Phase,
    /// The phase as a person reads it ("return to run").
    pub phase_label: String,
    /// The prescription in one line ("3 sets x 15 reps each side, rest 60 s, 7x a week").
    pub dose: String,
    /// Condition ids it serves.
    pub conditions: Vec<String>,
    /// The illustration (start and end panels), a standalone SVG document.
    pub svg: String,
}

/// A condition id with its display name, for the library's filter.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ConditionName {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExerciseLibrary {
    pub exercises: Vec<ExerciseCard>,
    /// The conditions some exercise serves, in the knowledge base's order.
    pub conditions: Vec<ConditionName>,
}

/// Another exercise of the library, named, for the progression and regression links.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExerciseLink {
    pub id: String,
    pub name: String,
}

/// One exercise as its detail view shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExerciseView {
    pub exercise: Exercise,
    pub phase_label: String,
    pub dose: String,
    pub svg: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progression: Option<ExerciseLink>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regression: Option<ExerciseLink>,
    /// The names of the conditions it serves.
    pub condition_names: Vec<String>,
}

fn link(id: Option<&String>) -> Option<ExerciseLink> {
    let e = exercises::find(id?).ok()?;
    Some(ExerciseLink { id: e.id.clone(), name: e.name.clone() })
}

/// Every exercise as a card, and the conditions some exercise serves.
pub fn library() -> ExerciseLibrary {
    let all = exercises::library();
    let cards = all
        .iter()
        .map(|e| ExerciseCard {
            id: e.id.clone(),
            name: e.name.clone(),
            goal: e.goal.clone(),
            phase: e.phase,
            phase_label: e.phase.label().to_string(),
            dose: e.prescription.summary(),
            conditions: e.conditions.clone(),
            svg: e.svg().to_string(),
        })
        .collect();
    let conditions = knowledge::get()
        .conditions()
        .iter()
        .filter(|c| all.iter().any(|e| e.conditions.contains(&c.id)))
        .map(|c| ConditionName { id: c.id.clone(), name: c.name.clone() })
        .collect();
    ExerciseLibrary { exercises: cards, conditions }
}

/// One exercise as its detail view shows it; an unknown id is refused by name.
pub fn exercise(id: &str) -> Result<ExerciseView, ExerciseError> {
    let e = exercises::find(id)?;
    let kb = knowledge::get();
    Ok(ExerciseView {
        exercise: e.clone(),
        phase_label: e.phase.label().to_string(),
        dose: e.prescription.summary(),
        svg: e.svg().to_string(),
        progression: link(e.progression.as_ref()),
        regression: link(e.regression.as_ref()),
        condition_names: e.conditions.iter().map(|c| kb.condition(c).map_or(c.clone(), |k| k.name.clone())).collect(),
    })
}

/// Records that the profile did `completion.exercise_id` on its day (the person's local date);
/// recording it again that day replaces the count of sets. An exercise the library does not
/// have, or a count of sets out of range, is refused by name and nothing is written.
pub fn record_done(store: &mut Store, profile_id: i64, completion: &ExerciseCompletion) -> Result<(), Error> {
    exercises::find(&completion.exercise_id)?;
    Ok(done::record(store, profile_id, completion)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles;

    #[test]
    fn an_exercise_done_is_recorded_once_a_day_and_one_the_library_lacks_is_refused() {
        let (mut store, ana) = profiles::ana_in_memory(chrono::Utc::now());
        let id = exercises::library()[0].id.clone();
        let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let c = ExerciseCompletion { exercise_id: id.clone(), done_on: on, sets_done: 2 };
        record_done(&mut store, ana, &c).unwrap();
        record_done(&mut store, ana, &ExerciseCompletion { sets_done: 3, ..c.clone() }).unwrap();
        assert_eq!(done::list(store.conn(), ana).unwrap(), [ExerciseCompletion { sets_done: 3, ..c.clone() }], "the day's count replaced");

        let e = record_done(&mut store, ana, &ExerciseCompletion { exercise_id: "moonwalk".into(), ..c.clone() }).unwrap_err();
        assert_eq!(e.code(), "unknown_exercise");
        assert!(record_done(&mut store, ana, &ExerciseCompletion { sets_done: 0, ..c }).is_err());
        assert_eq!(done::list(store.conn(), ana).unwrap().len(), 1, "nothing written");
    }
}
