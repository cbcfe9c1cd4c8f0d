//! The pain-monitoring model at its edges: 5/10 during is fine, 6/10 is not, a morning that did
//! not settle, morning pain rising week on week, and a week with no scores.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::log::sessions;

fn week() -> IsoWeek {
    "2026-W47".parse().unwrap() // Monday 16 to Sunday 22 November 2026
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn run(id: i64, when: &str, km: f64) -> Session {
    let started_at = at(when);
    Session {
        id,
        started_at,
        sport: Sport::Running,
        distance_m: Some(km * 1000.0),
        duration_s: Some(km * 360.0),
        elevation_gain_m: None,
        source_file: None,
        fingerprint: sessions::fingerprint(&started_at),
    }
}

fn scored(run: i64, moment: RunMoment, when: &str, score: u8) -> PainEntry {
    PainEntry {
        id: 0,
        recorded_at: at(when),
        score,
        moment: moment.words().into(),
        side: None,
        notes: String::new(),
        run_id: Some(run),
        run_moment: Some(moment),
        site: Some("achilles".into()),
    }
}

/// Tuesday 17 November's 12 km, scored during, after and the next morning.
fn tuesday(during: u8, after: u8, morning: Option<u8>) -> (Session, Vec<PainEntry>) {
    let mut pain = vec![
        scored(1, RunMoment::During, "2026-11-17T18:30:00+01:00", during),
        scored(1, RunMoment::After, "2026-11-17T19:30:00+01:00", after),
    ];
    pain.extend(morning.map(|s| scored(1, RunMoment::NextMorning, "2026-11-18T07:30:00+01:00", s)));
    (run(1, "2026-11-17T18:00:00+01:00", 12.0), pain)
}

fn verdict(during: u8, after: u8, morning: Option<u8>) -> RunVerdict {
    let (run, pain) = tuesday(during, after, morning);
    check_run(&run, &pain, Units::Km).verdict
}

#[test]
fn five_out_of_ten_during_is_acceptable_and_six_is_not() {
    assert_eq!(verdict(5, 5, Some(1)), RunVerdict::Within);
    assert_eq!(verdict(6, 3, Some(1)), RunVerdict::TooMuchDuring);
    assert_eq!(verdict(4, 6, Some(1)), RunVerdict::TooMuchAfter);
    let (run, pain) = tuesday(6, 3, Some(1));
    let check = check_run(&run, &pain, Units::Km);
    assert!(check.sentence.contains("Tuesday's 12 km") && check.sentence.contains("6/10 during"), "{}", check.sentence);
    let review = review(&pain, &[run], week(), Units::Km);
    assert_eq!(review.verdict, WeekVerdict::OverTheModel);
    assert_eq!(review.sentences[0], check.sentence);
}

#[test]
fn a_morning_that_did_not_settle_names_the_run() {
    // No earlier morning: settled means the safe zone, 0-2.
    assert_eq!(verdict(3, 4, Some(2)), RunVerdict::Within);
    assert_eq!(verdict(3, 4, Some(3)), RunVerdict::NotSettled);
    let (run, pain) = tuesday(3, 4, Some(4));
    let r = review(&pain, &[run], week(), Units::Km);
    assert_eq!(r.verdict, WeekVerdict::OverTheModel);
    assert!(r.sentences[0].starts_with("Not settled by the morning after Tuesday's 12 km"), "{:?}", r.sentences);
    assert!(r.sentences[0].contains("4/10 the next morning"), "{:?}", r.sentences);
    // In miles the run is named in miles.
    assert!(check_run(&r.runs[0].clone().into_session(), &pain, Units::Mi).label.ends_with("7.5 mi"));
}

#[test]
fn a_morning_back_where_it_was_before_the_run_has_settled() {
    // Sunday's run left 4/10 on Monday morning; Tuesday's run left 4/10 again: back where it was.
    let (tue, mut pain) = tuesday(3, 4, Some(4));
    pain.push(scored(2, RunMoment::NextMorning, "2026-11-16T07:30:00+01:00", 4));
    let check = check_run(&tue, &pain, Units::Km);
    assert_eq!((check.morning_before, check.verdict), (Some(4), RunVerdict::Within));
    // One point worse than the morning before is not settled, and the sentence says what it was.
    pain.last_mut().unwrap().score = 3;
    let check = check_run(&tue, &pain, Units::Km);
    assert_eq!(check.verdict, RunVerdict::NotSettled);
    assert!(check.sentence.contains("3/10 the morning before"), "{}", check.sentence);
}

#[test]
fn morning_pain_rising_week_on_week_holds_the_load() {
    let last_week = run(2, "2026-11-10T18:00:00+01:00", 12.0);
    let (tue, mut pain) = tuesday(2, 2, Some(2));
    // Last week's morning was 1, then 10 days pass: no baseline for this week, but a lower mean.
    pain.push(scored(2, RunMoment::NextMorning, "2026-11-11T07:30:00+01:00", 1));
    let r = review(&pain, &[last_week.clone(), tue.clone()], week(), Units::Km);
    assert_eq!((r.morning_mean, r.previous_morning_mean), (Some(2.0), Some(1.0)));
    assert_eq!(r.verdict, WeekVerdict::Rising);
    assert!(r.sentences[0].contains("rose on last week (1.0 to 2.0/10"), "{:?}", r.sentences);
    // The same morning as last week is not a rise.
    pain.last_mut().unwrap().score = 2;
    assert_eq!(review(&pain, &[last_week, tue], week(), Units::Km).verdict, WeekVerdict::Within);
}

#[test]
fn no_scores_tied_to_runs_is_said_and_not_judged() {
    let r = review(&[], &[run(1, "2026-11-17T18:00:00+01:00", 12.0)], week(), Units::Km);
    assert_eq!(r.verdict, WeekVerdict::NotEnoughData);
    assert_eq!(r.runs[0].verdict, RunVerdict::NotScored);
    assert!(r.sentences[0].starts_with("No scores tied to a run"), "{:?}", r.sentences);
    let empty = review(&[], &[], week(), Units::Km);
    assert_eq!((empty.verdict, empty.runs.len()), (WeekVerdict::NotEnoughData, 0));
}

#[test]
fn a_run_scored_during_and_after_waits_for_its_morning() {
    assert_eq!(verdict(2, 3, None), RunVerdict::AwaitingMorning);
    let (run, pain) = tuesday(2, 3, None);
    let r = review(&pain, &[run], week(), Units::Km);
    assert_eq!(r.verdict, WeekVerdict::Within);
    assert!(r.sentences.iter().any(|s| s.contains("no next-morning score yet, so whether the pain settled is not known")), "{:?}", r.sentences);
}

#[test]
fn several_scores_at_one_moment_are_read_at_their_highest() {
    let (run, mut pain) = tuesday(3, 3, Some(1));
    pain.push(scored(1, RunMoment::During, "2026-11-17T18:45:00+01:00", 6));
    let check = check_run(&run, &pain, Units::Km);
    assert_eq!((check.during, check.verdict, check.scores.len()), (Some(6), RunVerdict::TooMuchDuring, 4));
}

#[test]
fn yesterday_s_run_without_its_morning_score_is_asked_for_once() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
    let (tue, mut pain) = tuesday(2, 3, None);
    let missed = missed_next_morning(&pain, std::slice::from_ref(&tue), today, Units::Km).unwrap();
    assert_eq!(missed.run_id, 1);
    assert_eq!(missed.question, "How was it on the morning after Tuesday's 12 km?");
    // Not on the run's own day, not once scored, not a run of long ago.
    assert_eq!(missed_next_morning(&pain, std::slice::from_ref(&tue), today.pred_opt().unwrap(), Units::Km), None);
    let much_later = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    assert_eq!(missed_next_morning(&pain, std::slice::from_ref(&tue), much_later, Units::Km), None);
    pain.push(scored(1, RunMoment::NextMorning, "2026-11-18T07:30:00+01:00", 1));
    assert_eq!(missed_next_morning(&pain, &[tue], today, Units::Km), None);
}

#[test]
fn every_figure_and_sentence_of_the_model_loads_with_its_source() {
    let m = model();
    assert_eq!((m.during.max, m.after.max, m.zones.safe_max), (5, 5, 2));
    assert!(m.citation.contains("Am J Sports Med 2007;35(6):897-906"), "{}", m.citation);
    let s = &m.sentences;
    assert!(s.not_settled.contains("{run}") && s.too_much_during.contains("{limit}"));
}

impl RunCheck {
    fn into_session(self) -> Session {
        Session {
            id: self.run_id,
            started_at: self.started_at,
            sport: self.sport,
            distance_m: self.distance_km.map(|k| k * 1000.0),
            duration_s: None,
            elevation_gain_m: None,
            source_file: None,
            fingerprint: sessions::fingerprint(&self.started_at),
        }
    }
}

#[test]
fn the_scale_beside_a_run_score_states_the_models_bound_during_a_run() {
    let hint = scale_hint();
    assert!(hint.contains(&format!("up to {} during a run", model().during.max)), "{hint}");
    assert!(!hint.contains('{'), "every placeholder is filled: {hint}");
}
