//! A saved check as the window reads it back: the result as it was given on its day, worded as
//! the Check words a result, its answers grouped in the questionnaire's words, and the notes.

use serde::Serialize;
use ts_rs::TS;

use super::answers::{self, AnswerGroup, AnswerRow};
use super::check::{self, result_view, CheckAnswers, ResultView, Saving};
use chrono::{DateTime, FixedOffset, Utc};

use crate::engine::{knowledge, Case};
use crate::plans::{self, Plan};
use crate::log::assessments::{self, SavedAssessment};
use crate::log::LogError;
use crate::profiles;
use crate::store::Store;
use crate::Error;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SavedCheck {
    /// The row as stored (its result JSON of its day, its notes).
    pub saved: SavedAssessment,
    /// The result read with today's types; `None` when its shape has since changed (then the
    /// window shows the summary it can read from `saved`, never a half-read result).
    pub view: Option<ResultView>,
    pub answers: Vec<AnswerRow>,
    /// A physio examined: an examination test was answered, or someone is named as examining.
    pub examined: bool,
    /// Who examined, when a name was given (on the examination form, or with a confirmation).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub examined_by: Option<String>,
    /// The cause a clinician confirmed on this check, when one has: then its plan is that cause's.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirmed: Option<ConfirmedCheck>,
}

/// A confirmation as the window shows it: the cause by name, who confirmed it and when.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConfirmedCheck {
    pub condition: String,
    /// The cause's name; a cause this version no longer knows is named by its id, in words.
    pub name: String,
    pub by: String,
    pub at: DateTime<Utc>,
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
        let examined_by = Some(saved.examined_by.clone()).filter(|n| !n.is_empty());
        let confirmed = saved.confirmed.as_ref().map(|c| ConfirmedCheck {
            condition: c.condition.clone(),
            name: knowledge::get().condition(&c.condition).map_or_else(|| c.condition.replace('_', " "), |i| i.name.clone()),
            by: c.by.clone(),
            at: c.at,
        });
        let examined = examined || examined_by.is_some();
        SavedCheck { saved, view, answers, examined, examined_by, confirmed }
    }

    /// This check's plan: for the cause a clinician confirmed, else "If this is" its most likely
    /// cause; `None` when its result no longer reads with today's types. `offset`: the person's,
    /// for the day of the confirmation.
    pub fn plan(&self, offset: FixedOffset) -> Option<Plan> {
        let assessment = self.view.as_ref().map(|v| &v.assessment)?;
        // The injury's age dates the phases that stop running: the check's day less its days
        // since onset, when that was answered.
        let checked_on = self.saved.created_at.with_timezone(&offset).date_naive();
        let since_onset = self.saved.case.pointer("/findings/days_since_onset").and_then(|v| v.as_f64()).filter(|d| d.is_finite() && *d >= 0.0).map(|d| d.min(f64::from(u32::MAX)) as u32);
        Some(plans::plan_of(assessment, self.saved.confirmed.as_ref(), offset).dated(checked_on, since_onset))
    }
}

/// The profile's saved checks, newest first; a profile that does not exist is refused by name
/// (an empty list would read as "no checks yet").
pub fn list(store: &Store, profile_id: i64) -> Result<Vec<SavedCheck>, Error> {
    profiles::get(store, profile_id)?;
    let mut all = assessments::list(store.conn(), profile_id)?;
    all.reverse();
    Ok(all.into_iter().map(SavedCheck::of).collect())
}

/// Saves a finished check as [`check::save`] does, read back as the window and the terminal show it.
pub fn save(store: &mut Store, profile_id: i64, answers: &CheckAnswers, saving: Saving<'_>, now: DateTime<Utc>) -> Result<SavedCheck, Error> {
    check::save(store, profile_id, answers, saving, now).map(SavedCheck::of)
}

/// Replaces a saved check's clinician notes; the check read back.
pub fn set_notes(store: &mut Store, profile_id: i64, id: i64, notes: &str) -> Result<SavedCheck, LogError> {
    assessments::set_notes(store, profile_id, id, notes).map(SavedCheck::of)
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
            examined_by: String::new(),
            confirmed: None,
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

    #[test]
    fn a_saved_check_s_plan_dates_the_injury_from_its_day_less_the_days_since_onset() {
        let saved = |case: serde_json::Value| {
            let result = crate::engine::assess(&Case::from_value(case.clone()).unwrap());
            let created_at = "2026-11-19T10:00:00Z".parse().unwrap();
            SavedCheck::of(SavedAssessment { id: 1, created_at, engine_version: "x".into(), case, result: serde_json::to_value(&result).unwrap(), notes: String::new(), examined_by: String::new(), confirmed: None })
        };
        let offset = FixedOffset::east_opt(0).unwrap();
        let plan = saved(json!({"findings": {"onset": "sudden", "pop": true, "days_since_onset": 3}})).plan(offset).unwrap();
        assert_eq!(plan.injured_on, Some("2026-11-16".parse().unwrap()));
        // Not answered: the check's own day.
        let plan = saved(json!({"findings": {"onset": "sudden", "pop": true}})).plan(offset).unwrap();
        assert_eq!(plan.injured_on, Some("2026-11-19".parse().unwrap()));
    }

    #[test]
    fn checks_saved_and_annotated_read_back_worded_newest_first_and_an_unknown_profile_is_refused() {
        let (mut store, ana) = profiles::ana_in_memory(Utc::now());
        assert_eq!(list(&store, ana).unwrap(), []);
        assert_eq!(list(&store, ana + 1).unwrap_err().code(), "profile_not_found");

        let answers = |pop: bool| CheckAnswers { findings: json!({"pop": pop}).as_object().unwrap().clone(), not_known: vec![], examining: false };
        let saving = Saving { notes: "first", examined_by: "", screen: check::Screen::AsGiven };
        let now = Utc::now();
        let first = save(&mut store, ana, &answers(true), saving, now).unwrap();
        let second = save(&mut store, ana, &answers(false), saving, now + chrono::Duration::minutes(1)).unwrap();
        assert!(first.view.is_some(), "worded as it was given");
        assert_eq!(first.saved.notes, "first");
        let noted = set_notes(&mut store, ana, first.saved.id, "Squeeze test normal.").unwrap();
        assert_eq!((noted.saved.id, noted.saved.notes.as_str()), (first.saved.id, "Squeeze test normal."));
        let all = list(&store, ana).unwrap();
        assert_eq!(all.iter().map(|c| c.saved.id).collect::<Vec<_>>(), [second.saved.id, first.saved.id], "newest first");
        assert_eq!(all[1], noted);
        assert_eq!(set_notes(&mut store, ana, 999, "x").map_err(Error::from).unwrap_err().code(), "saved_check_not_found");
    }
}
