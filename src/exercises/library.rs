//! Loading the library: the TOML files are compiled into the binary and parsed on first use.

use std::sync::OnceLock;

use serde::Deserialize;

use super::Exercise;

/// The library's files, one per group of exercises.
const FILES: [(&str, &str); 5] = [
    ("mobility.toml", include_str!("../../knowledge/exercises/mobility.toml")),
    ("calf.toml", include_str!("../../knowledge/exercises/calf.toml")),
    ("hip_trunk.toml", include_str!("../../knowledge/exercises/hip_trunk.toml")),
    ("knee_nerve.toml", include_str!("../../knowledge/exercises/knee_nerve.toml")),
    ("power_run.toml", include_str!("../../knowledge/exercises/power_run.toml")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    exercise: Vec<Exercise>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExerciseError {
    #[error("no exercise with id \"{0}\" (see `soleus exercises` for the list)")]
    UnknownId(String),
}

impl ExerciseError {
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            ExerciseError::UnknownId(_) => ErrorCode::UnknownExercise,
        }
    }
}

/// Every exercise, in file order (roughly the order of a programme).
pub fn library() -> &'static [Exercise] {
    static LIBRARY: OnceLock<Vec<Exercise>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        FILES
            .iter()
            .flat_map(|(name, text)| {
                toml::from_str::<File>(text)
                    .unwrap_or_else(|e| panic!("knowledge/exercises/{name}: {e}"))
                    .exercise
            })
            .collect()
    })
}

/// The exercise with this id.
pub fn find(id: &str) -> Result<&'static Exercise, ExerciseError> {
    library().iter().find(|e| e.id == id).ok_or_else(|| ExerciseError::UnknownId(id.to_string()))
}
