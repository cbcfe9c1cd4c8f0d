//! A saved check as the window reads it back: the result as it was given on its day, worded as
//! the Check words a result, its answers grouped in the questionnaire's words, and the notes.

use serde::Serialize;
use ts_rs::TS;

use super::answers::{self, AnswerGroup, AnswerRow};
use super::check::{result_view, ResultView};
use crate::engine::Case;
use crate::log::assessments::{self, SavedAssessment};
use crate::log::LogError;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SavedCheck {
    /// The row as stored (its result JSON of its day, its notes).
    pub saved: SavedAssessment,
    /// The result read with today's types; `None` when its shape has since changed (then the
    /// window shows the summary it can read from `saved`, never a half-read result).
    pub view: Option<ResultView>,
    pub answers: Vec<AnswerRow>,
    /// A physio examined: an examination test was answered.
    pub examined: bool,
}

impl SavedCheck {
    pub fn of(saved: SavedAssessment) -> SavedCheck {
        let answers = answers::rows_of_saved(&saved.case);
        let examined = answers.iter().any(|r| r.group == AnswerGroup::Examination && !r.unsure);
        // A check finished before the engine had enough is worded as one still asking.
        let view = saved.assessment().map(|a| {
            let asking = !a.next_questions.is_empty();
            let case = Case::from_value(saved.case.clone()).ok();
            result_view(a, case.as_ref(), examined, asking)
        });
        SavedCheck { saved, view, answers, examined }
    }
}

/// The profile's saved checks, newest first.
pub fn list(store: &Store, profile_id: i64) -> Result<Vec<SavedCheck>, LogError> {
    let mut all = assessments::list(store.conn(), profile_id)?;
    all.reverse();
    Ok(all.into_iter().map(SavedCheck::of).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_saved_check_reads_back_worded_with_its_answers_and_an_old_one_shows_what_it_can() {
        let case = json!({"findings": {"thompson_test": "negative", "pop": true, "chest_symptoms": false}});
        let result = crate::engine::assess(&Case::from_value(case.clone()).unwrap());
        let saved = SavedAssessment {
            id: 1,
            created_at: chrono::Utc::now(),
            engine_version: "x".into(),
            case: case.clone(),
            result: serde_json::to_value(&result).unwrap(),
            notes: "Squeeze test normal.".into(),
        };
        let c = SavedCheck::of(saved.clone());
        assert!(c.examined);
        let view = c.view.unwrap();
        assert_eq!(view.assessment, result);
        assert_eq!(view.chances.len(), result.differential.len());
        assert_ne!(view.chances[0].words, "very likely", "finished early: worded as still asking");
        assert_eq!(c.answers.iter().filter(|r| r.group == AnswerGroup::Examination).count(), 1);

        let old = SavedCheck::of(SavedAssessment { result: json!({"triage": "urgent", "differential": "gone"}), ..saved });
        assert_eq!(old.view, None);
        assert_eq!(old.answers.len(), 3);
    }
}
