//! The check, one step at a time: the answers so far in, what the window shows out. The engine's
//! assessment, how far the interview is (settled on the engine's own scale), the causes' chances
//! in words, the Wells score only as far as it is known, and the emergency instruction that ends
//! the interview. Saving goes through here too, so a result is never one a client sent.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::answers::{self, AnswerRow};
use super::wording::{self, Wording};
use crate::engine::{self, knowledge, Assessment, Case, CaseError, Triage};
use crate::log::assessments::{self, SavedAssessment};
use crate::log::confirmation;
use crate::store::Store;
use crate::{profiles, Error};

/// The answers of a check so far.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
pub struct CheckAnswers {
    /// Finding key to answer (true/false, a choice's value id, or a number).
    #[ts(type = "Record<string, boolean | string | number>")]
    pub findings: Map<String, Value>,
    /// Questions asked that the person could not answer: never asked again.
    pub not_known: Vec<String>,
    /// A physio is examining: without one, examination tests are never asked.
    pub examining: bool,
}

impl CheckAnswers {
    /// The answers of a whole case given at once (the command line's JSON): examination tests
    /// included as given.
    pub fn of_case(case: &Case) -> CheckAnswers {
        let json = case.to_json();
        let findings = json.get("findings").and_then(Value::as_object).cloned().unwrap_or_default();
        let not_known = json.get("not_known").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default();
        CheckAnswers { findings, not_known, examining: true }
    }

    /// The engine's case, validated; a bad answer is the engine's error naming its key.
    pub fn case(&self) -> Result<Case, CaseError> {
        let case = Case::from_value(serde_json::json!({ "findings": self.findings, "not_known": self.not_known }))?;
        Ok(if self.examining { case } else { case.without_examination() })
    }
}

/// How far the interview is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Questions still worth asking about the cause.
    Asking,
    /// The likely cause is settled on the engine's scale; only warning-sign questions remain.
    Nearly,
    /// Nothing left worth asking.
    Enough,
    /// An answer made the case an emergency: the interview ends here.
    Emergency,
}

/// One cause's chance, in words first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Chance {
    pub condition: String,
    pub name: String,
    /// The band's id (`knowledge/check_wording.toml`), e.g. `"likely"`.
    pub band: String,
    /// The band in words: "very likely", "possible"...
    pub words: String,
    /// The figure on demand, rounded: "about 70%", "over 95%".
    pub figure: String,
    /// The rounded figure as a share in [0, 1], for a bar no finer than the figure.
    pub share: f64,
    /// The answers that moved it most, strongest first.
    pub why: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WellsState {
    /// Some items unknown and the known ones do not make a clot likely: no reading yet.
    Incomplete,
    /// 2 or more: likely (whatever is still unknown can only add to it).
    Likely,
    /// Every item known and under 2.
    LessLikely,
}

/// The Wells score as far as it is known.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WellsView {
    pub state: WellsState,
    /// The score of the items known; read only when `state` is not `incomplete`.
    #[ts(type = "number")]
    pub score: i32,
    #[ts(type = "number")]
    pub known: u32,
    #[ts(type = "number")]
    pub total: u32,
    /// What the score means now, in words.
    pub says: String,
    /// The items that scored, in plain words with their points.
    pub items: Vec<String>,
    /// The finding keys still to answer, in the knowledge base's order: the window asks them.
    pub missing: Vec<String>,
}

/// What to do in an emergency, in place of the interview.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EmergencyInstruction {
    pub title: String,
    pub call: String,
    /// What to tell the call handler, in order.
    pub say: Vec<String>,
    /// What not to do.
    pub dont: Vec<String>,
    /// The warning signs behind it (the red-flag messages).
    pub because: Vec<String>,
    /// Said while the answers are being saved for whoever treats the person.
    pub saving: String,
    /// Said once they are saved: who to show them to.
    pub saved: String,
}

/// A result as the window shows it: the assessment, its causes' chances in words, and the Wells
/// score as far as it is known. The same for a check in progress and a saved one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ResultView {
    pub assessment: Assessment,
    /// The causes shown, most likely first.
    pub chances: Vec<Chance>,
    /// Present when the score belongs on screen: a physio examining, an item that scored, or a
    /// clot among the causes.
    pub wells: Option<WellsView>,
}

/// One step of a check: everything the window shows after an answer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CheckStep {
    pub result: ResultView,
    pub stage: Stage,
    /// The question to ask now, if any (none in an emergency or once enough).
    pub next_question: Option<String>,
    /// The warning-sign questions asked of everyone still unanswered: until they are, there is
    /// no result to show or save (an emergency aside).
    pub warning_signs_open: Vec<String>,
    pub emergency: Option<EmergencyInstruction>,
    /// The answers so far, in the questionnaire's words.
    pub answers: Vec<AnswerRow>,
}

/// Problems with saving a check, named for the person.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CheckError {
    #[error("the warning-sign questions come first: answer (or mark \"not sure\") {0} before saving the check")]
    WarningSignsOpen(String),
}

impl CheckError {
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            CheckError::WarningSignsOpen(_) => ErrorCode::CheckWarningSignsOpen,
        }
    }
}

/// Assesses the answers and words the result for the window.
pub fn step(answers: &CheckAnswers) -> Result<CheckStep, CaseError> {
    let case = answers.case()?;
    let mut step = step_of(&case, answers.examining);
    step.answers = answers::rows(&answers.findings, &answers.not_known, answers.examining);
    Ok(step)
}

pub(crate) fn step_of(case: &Case, examining: bool) -> CheckStep {
    let kb = knowledge::get();
    let assessment = engine::assess(case);
    let stage = if assessment.triage == Triage::Emergency {
        Stage::Emergency
    } else if assessment.next_questions.is_empty() {
        Stage::Enough
    } else if engine::is_settled(case) {
        Stage::Nearly
    } else {
        Stage::Asking
    };
    let warning_signs_open =
        kb.screening.iter().filter(|&&f| case.open(f)).map(|&f| kb.findings()[f].key.clone()).collect();
    let emergency = (stage == Stage::Emergency).then(|| emergency(wording::get(), &assessment));
    let next_question = if stage == Stage::Emergency { None } else { assessment.next_questions.first().map(|k| k.to_string()) };
    let asking = matches!(stage, Stage::Asking | Stage::Nearly);
    CheckStep { result: result_view(assessment, Some(case), examining, asking), stage, next_question, warning_signs_open, emergency, answers: vec![] }
}

/// The result worded: `asking` while the interview still has questions worth asking (a check
/// finished early is still one), which caps how strongly a chance is worded.
pub(crate) fn result_view(assessment: Assessment, case: Option<&Case>, examining: bool, asking: bool) -> ResultView {
    let w = wording::get();
    let chances = assessment.differential.iter().map(|r| chance(w, r, asking)).collect();
    let wells = case.and_then(|case| wells_view(w, case, &assessment, examining));
    ResultView { assessment, chances, wells }
}

/// The band a probability falls in (capped while the interview is still asking), and its figure.
fn chance(w: &Wording, r: &engine::Ranked, asking: bool) -> Chance {
    let c = &w.chances;
    let mut band = c.band.iter().position(|b| r.probability >= b.from).unwrap_or(c.band.len() - 1);
    if asking {
        let cap = c.band.iter().position(|b| b.id == c.while_asking_at_most).unwrap_or(0);
        band = band.max(cap);
    }
    let (figure, rounded) = c.figure(r.probability);
    Chance {
        condition: r.condition.to_string(),
        name: r.name.to_string(),
        band: c.band[band].id.clone(),
        words: c.band[band].words.clone(),
        figure,
        share: f64::from(rounded) / 100.0,
        why: r.why.iter().map(|s| s.to_string()).collect(),
    }
}

fn wells_view(w: &Wording, case: &Case, a: &Assessment, examining: bool) -> Option<WellsView> {
    let kb = knowledge::get();
    let score = a.wells.as_ref();
    let belongs = examining || score.is_some_and(|s| !s.items.is_empty()) || a.differential.iter().any(|c| c.condition == "dvt");
    if !belongs {
        return None;
    }
    let (mut known, mut missing, mut scored_without_alternative) = (0, Vec::<String>::new(), 0);
    for item in &kb.wells {
        let mut leaves = Vec::new();
        item.when.leaves(&mut leaves);
        if leaves.iter().all(|&(f, _)| case.knows(f)) {
            known += 1;
        } else {
            for (f, _) in leaves {
                let key = &kb.findings()[f].key;
                if !case.knows(f) && !missing.contains(key) {
                    missing.push(key.clone());
                }
            }
        }
        if !item.alternative && score.is_some_and(|s| s.items.iter().any(|i| *i == item.label)) {
            scored_without_alternative += item.points;
        }
    }
    let total = kb.wells.len() as u32;
    // The alternative-diagnosis item never cancels a likely score on its own (as the safety
    // rule counts it): unknown items can only add.
    let state = if score.is_some_and(|s| s.dvt_likely) || scored_without_alternative >= 2 {
        WellsState::Likely
    } else if known < total {
        WellsState::Incomplete
    } else {
        WellsState::LessLikely
    };
    let says = match state {
        WellsState::Incomplete => w.wells.incomplete.replace("{known}", &known.to_string()).replace("{total}", &total.to_string()),
        WellsState::Likely => w.wells.likely.clone(),
        WellsState::LessLikely => w.wells.less_likely.clone(),
    };
    Some(WellsView {
        state,
        score: score.map_or(0, |s| s.score),
        known,
        total,
        says,
        items: score.map(|s| s.items.iter().map(|i| i.to_string()).collect()).unwrap_or_default(),
        missing,
    })
}

fn emergency(w: &Wording, a: &Assessment) -> EmergencyInstruction {
    let e = &w.emergency;
    let rules: Vec<_> = a.red_flags.iter().filter_map(|f| e.rule.get(f.id.as_ref())).collect();
    let tell = if rules.is_empty() { e.tell_otherwise.clone() } else { rules.iter().map(|r| r.tell.as_str()).collect::<Vec<_>>().join(" ") };
    let mut dont: Vec<String> = e.dont.clone();
    for d in rules.iter().flat_map(|r| &r.dont) {
        if !dont.contains(d) {
            dont.push(d.clone());
        }
    }
    EmergencyInstruction {
        title: e.title.clone(),
        call: e.call.clone(),
        say: e.say.iter().map(|s| s.replace("{tell}", &tell)).collect(),
        dont,
        because: a.red_flags.iter().filter(|f| f.triage == Triage::Emergency).map(|f| f.message.to_string()).collect(),
        saving: e.saving.clone(),
        saved: e.saved.clone(),
    }
}

/// Whether a check may be saved with warning-sign questions still unanswered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The window: no result is shown, so none is saved, until they are answered (an emergency
    /// aside).
    Required,
    /// A whole case given by a script or a clinician at the command line, saved as given: its
    /// result carries the warning-sign questions still worth asking, as `soleus assess` prints.
    AsGiven,
}

/// What a clinician adds to a check as it is saved.
#[derive(Debug, Clone, Copy)]
pub struct Saving<'a> {
    pub notes: &'a str,
    /// Who examined; empty for none.
    pub examined_by: &'a str,
    pub screen: Screen,
}

/// Saves the check as the engine assesses it now, with the clinician's notes and who examined:
/// the one way the window and the command line save a check. Refused, with nothing written,
/// while a warning-sign question is unanswered (for [`Screen::Required`], unless the case is
/// already an emergency: then the answers are kept for the clinician as they are), when the notes
/// are too long, or the name of who examined is only spaces or too long.
pub fn save(store: &mut Store, profile_id: i64, answers: &CheckAnswers, saving: Saving<'_>, now: DateTime<Utc>) -> Result<SavedAssessment, Error> {
    let case = answers.case()?;
    let step = step_of(&case, answers.examining);
    if saving.screen == Screen::Required && step.stage != Stage::Emergency && !step.warning_signs_open.is_empty() {
        let kb = knowledge::get();
        let asked: Vec<String> = step.warning_signs_open.iter().map(|k| format!("\"{}\"", kb.finding(k).map_or(k.as_str(), |f| f.question.as_str()))).collect();
        return Err(CheckError::WarningSignsOpen(asked.join(", ")).into());
    }
    assessments::check_notes(saving.notes)?;
    let examined_by = confirmation::examiner_name(saving.examined_by)?;
    profiles::get(store, profile_id)?;
    Ok(assessments::save_examined(store, profile_id, &case.to_json(), &step.result.assessment, saving.notes, &examined_by, now)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answers(findings: Value, examining: bool) -> CheckAnswers {
        CheckAnswers { findings: findings.as_object().unwrap().clone(), not_known: vec![], examining }
    }

    const SCREEN_CLEAR: [(&str, bool); 4] = [("chest_symptoms", false), ("foot_cold_pale", false), ("pain_out_of_proportion", false), ("back_pain", false)];

    fn screened(mut findings: Value) -> Value {
        for (k, v) in SCREEN_CLEAR {
            findings[k] = json!(v);
        }
        findings
    }

    #[test]
    fn a_yes_to_chest_symptoms_ends_the_interview_with_the_instruction() {
        let s = step(&answers(json!({"chest_symptoms": true}), false)).unwrap();
        assert_eq!(s.stage, Stage::Emergency);
        assert_eq!(s.next_question, None, "no question behind an emergency");
        let e = s.emergency.unwrap();
        assert!(e.call.contains("112") && e.call.contains("999"), "{}", e.call);
        assert!(e.say.iter().any(|l| l.contains("blood clot in the lung")), "{:?}", e.say);
        assert!(e.dont.iter().any(|l| l.contains("massage")), "{:?}", e.dont);
        assert!(e.because.iter().any(|l| l.contains("Call emergency services")), "{:?}", e.because);
        assert_eq!(e.saved, wording::get().emergency.saved, "the kept answers' line is the wording file's");
        assert!(e.saved.contains("paramedic") && !e.saving.is_empty(), "{e:?}");
        // An emergency is not asked to finish the warning-sign screen first.
        assert!(!s.warning_signs_open.is_empty());
    }

    #[test]
    fn chances_are_words_with_a_rounded_figure_and_never_very_likely_while_asking() {
        // A pop and a gap above the heel, half answered: the rupture leads far ahead.
        let half = step(&answers(json!({"pop": true, "palpable_gap": true, "heel_raise": "unable", "onset": "sudden"}), false)).unwrap();
        let top = &half.result.chances[0];
        assert_eq!(top.condition, "achilles_rupture");
        assert!(matches!(half.stage, Stage::Asking | Stage::Nearly), "{:?}", half.stage);
        assert!(half.result.assessment.differential[0].probability > 0.9, "the test needs a leading cause");
        assert_eq!(top.words, "likely", "capped while asking: {top:?}");
        for c in &half.result.chances {
            assert!(!c.figure.contains("99") && !c.figure.contains("100"), "{c:?}");
            assert!(c.figure.starts_with("about ") || c.figure.starts_with("over ") || c.figure.starts_with("under "), "{c:?}");
            assert!((c.share * 100.0).round() % 5.0 == 0.0 && (0.05..=0.95).contains(&c.share), "{c:?}");
        }
    }

    #[test]
    fn bands_follow_the_thresholds_in_the_wording_file() {
        let w = wording::get();
        let ranked = |p: f64| engine::Ranked { condition: "x".into(), name: "X".into(), probability: p, why: vec![] };
        let words = |p: f64, asking: bool| chance(w, &ranked(p), asking).words;
        assert_eq!(words(0.95, false), "very likely");
        assert_eq!(words(0.95, true), "likely");
        assert_eq!(words(0.70, false), "likely");
        assert_eq!(words(0.40, false), "possible");
        assert_eq!(words(0.40, true), "possible", "the cap lowers, never raises");
        assert_eq!(words(0.10, false), "less likely");
        assert_eq!(chance(w, &ranked(0.999), false).figure, "over 95%");
        assert_eq!(chance(w, &ranked(0.004), false).figure, "under 5%");
        assert_eq!(chance(w, &ranked(0.72), false).figure, "about 70%");
    }

    #[test]
    fn the_wells_score_is_incomplete_until_every_item_is_known() {
        // A physio examining, two items known, none scoring: not "less likely".
        let s = step(&answers(json!({"active_cancer": false, "previous_dvt": false}), true)).unwrap();
        let w = s.result.wells.unwrap();
        assert_eq!(w.state, WellsState::Incomplete);
        assert_eq!((w.known, w.total), (2, 10));
        assert!(w.says.starts_with("Incomplete: 2 of 10 items"), "{}", w.says);
        assert!(!w.says.contains("less likely"));
        assert_eq!(w.missing.len(), 8);
        assert!(w.missing.contains(&"tender_deep_veins".to_string()) && !w.missing.contains(&"active_cancer".to_string()));

        // Every item known and under 2: only now "less likely".
        let all = json!({"active_cancer": false, "leg_cast_or_paralysis": false, "recent_surgery_or_bedrest": false,
            "tender_deep_veins": false, "swelling": "none", "calf_circumference_diff_cm": 0.5, "pitting_oedema": false,
            "collateral_superficial_veins": false, "previous_dvt": false, "alternative_diagnosis_likely": true});
        let w = step(&answers(all, true)).unwrap().result.wells.unwrap();
        assert_eq!((w.state, w.known, w.score), (WellsState::LessLikely, 10, -2));
        assert!(w.says.contains("less likely") && w.missing.is_empty(), "{w:?}");

        // Two items scoring is likely at once, whatever is still unknown.
        let w = step(&answers(json!({"active_cancer": true, "previous_dvt": true}), false)).unwrap().result.wells.unwrap();
        assert_eq!(w.state, WellsState::Likely);
    }

    #[test]
    fn a_runners_knot_gets_no_wells_card() {
        let s = step(&answers(screened(json!({"knot": true, "onset": "gradual", "location": "mid_calf"})), false)).unwrap();
        assert_eq!(s.result.wells, None);
        assert!(s.warning_signs_open.is_empty());
    }

    #[test]
    fn the_stage_is_settled_on_the_engines_scale_not_the_lists() {
        // Whatever the list says, "nearly" only when the engine's own scale is settled and
        // questions remain; "enough" when none do.
        let cases = [json!({}), json!({"pop": true, "palpable_gap": true, "heel_raise": "unable", "onset": "sudden"}), screened(json!({"knot": true}))];
        for f in cases {
            let a = answers(f, false);
            let s = step(&a).unwrap();
            let case = a.case().unwrap();
            match s.stage {
                Stage::Nearly => assert!(engine::is_settled(&case) && s.next_question.is_some()),
                Stage::Asking => assert!(!engine::is_settled(&case) && s.next_question.is_some()),
                Stage::Enough => assert!(s.result.assessment.next_questions.is_empty()),
                Stage::Emergency => panic!("no emergency here"),
            }
        }
    }

    fn saving(notes: &str) -> Saving<'_> {
        Saving { notes, examined_by: "", screen: Screen::Required }
    }

    fn store_with_profile() -> (Store, i64) {
        profiles::ana_in_memory(Utc::now())
    }

    #[test]
    fn saving_refuses_an_unfinished_warning_sign_screen_and_long_notes_writing_nothing() {
        let (mut store, id) = store_with_profile();
        let now = DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z").unwrap().to_utc();
        let e = save(&mut store, id, &answers(json!({"knot": true}), false), saving(""), now).unwrap_err();
        assert_eq!(e.code(), "check_warning_signs_open");
        assert!(e.to_string().contains("cold, pale"), "{e}");

        let ok = answers(screened(json!({"knot": true})), false);
        let e = save(&mut store, id, &ok, saving(&"x".repeat(assessments::NOTES_MAX + 1)), now).unwrap_err();
        assert_eq!(e.code(), "check_notes_too_long");
        assert!(assessments::list(store.conn(), id).unwrap().is_empty(), "nothing saved");

        let e = save(&mut store, id, &ok, Saving { examined_by: "   ", ..saving("") }, now).unwrap_err();
        assert_eq!(e.code(), "examiner_name_blank");
        let e = save(&mut store, id, &ok, Saving { examined_by: &"n".repeat(121), ..saving("") }, now).unwrap_err();
        assert_eq!(e.code(), "examiner_name_too_long");
        assert!(assessments::list(store.conn(), id).unwrap().is_empty(), "nothing saved");

        let saved = save(&mut store, id, &ok, Saving { examined_by: " Sam Lee ", ..saving("Tender medial head, no gap.") }, now).unwrap();
        assert_eq!(saved.examined_by, "Sam Lee");
        assert_eq!(saved.notes, "Tender medial head, no gap.");
        // An emergency is kept for the clinician even with the screen half answered.
        let sos = save(&mut store, id, &answers(json!({"chest_symptoms": true}), false), saving(""), now + chrono::Duration::seconds(1)).unwrap();
        assert_eq!(sos.result["triage"], json!("emergency"));
    }
}
