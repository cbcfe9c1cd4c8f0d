//! The exercise library as the window shows it: a card per exercise (its phase in words, its dose
//! in one line, its drawing), the conditions the library serves for its filter, and one exercise
//! with its progression and regression named. Words nothing itself: the names, doses and phase
//! labels are the library's and the knowledge base's.

use serde::Serialize;
use ts_rs::TS;

use crate::engine::knowledge;
use crate::exercises::{self, Exercise, ExerciseError, Phase};

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
