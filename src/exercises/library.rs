//! Loading the library: the TOML files are compiled into the binary and parsed on first use.

use std::sync::OnceLock;

use serde::Deserialize;

use super::Exercise;

/// The library's files, one per group of exercises.
const FILES: [&str; 5] = [
    "mobility.toml",
    "calf.toml",
    "hip_trunk.toml",
    "knee_nerve.toml",
    "power_run.toml",
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
    LIBRARY.get_or_init(|| FILES.iter().flat_map(|name| load(name, text(name)).unwrap_or_else(|e| panic!("{e}"))).collect())
}

/// A file of the library, by its name in knowledge/exercises/.
fn text(name: &str) -> &'static str {
    crate::embedded::knowledge(&format!("exercises/{name}"))
}

/// Parses one file of the library, each exercise's source ids replaced by their published
/// citations. An error names the file, and for a source the exercise and the id.
fn load(name: &str, text: &str) -> Result<Vec<Exercise>, String> {
    let kb = crate::engine::knowledge::get();
    let mut exercises = toml::from_str::<File>(text).map_err(|e| format!("knowledge/exercises/{name}: {e}"))?.exercise;
    for e in &mut exercises {
        if e.sources.is_empty() {
            return Err(format!("knowledge/exercises/{name}: exercise `{}` cites no source", e.id));
        }
        for s in &mut e.sources {
            *s = kb.publication(s).map_err(|why| format!("knowledge/exercises/{name}: exercise `{}` cites {why}", e.id))?.to_string();
        }
    }
    Ok(exercises)
}

/// The exercise with this id.
pub fn find(id: &str) -> Result<&'static Exercise, ExerciseError> {
    library().iter().find(|e| e.id == id).ok_or_else(|| ExerciseError::UnknownId(id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::{load, text, FILES};

    const CALF: &str = include_str!("../../knowledge/exercises/calf.toml");

    #[test]
    fn every_file_loads_with_published_citations() {
        for name in FILES {
            for e in load(name, text(name)).unwrap() {
                assert!(e.sources.iter().all(|s| s.len() > 40 && !s.contains('_')), "{}: {:?}", e.id, e.sources);
            }
        }
    }

    #[test]
    fn an_unknown_source_is_a_load_error_naming_the_exercise_and_the_id() {
        let broken = CALF.replacen(r#"sources = ["beyer2015"]"#, r#"sources = ["beyer2015", "nobody2020"]"#, 1);
        assert_ne!(broken, CALF, "the calf file cites beyer2015 alone somewhere");
        let err = load("calf.toml", &broken).unwrap_err();
        assert!(err.contains("heavy_slow_calf_raise") && err.contains("`nobody2020`") && err.contains("calf.toml"), "{err}");
    }

    #[test]
    fn a_seed_text_or_no_source_is_a_load_error() {
        let seed = CALF.replacen(r#"sources = ["beyer2015"]"#, r#"sources = ["seed003"]"#, 1);
        let err = load("calf.toml", &seed).unwrap_err();
        assert!(err.contains("heavy_slow_calf_raise") && err.contains("`seed003`, which is not a publication"), "{err}");
        let none = CALF.replacen(r#"sources = ["beyer2015"]"#, "sources = []", 1);
        assert!(load("calf.toml", &none).unwrap_err().contains("`heavy_slow_calf_raise` cites no source"));
    }
}
