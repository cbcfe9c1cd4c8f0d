//! The calendar's days from a plan and a log: runs on the runner's days with the Today card's
//! amount, the phase's exercises on named days, ticks from the log, rest days, next week, the
//! injury's day.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::log::review::review_week;
use crate::plans::fixtures::{assessment, at, now, steady_runs};
use crate::plans::{self, today};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn done(id: &str, on: &str) -> ExerciseCompletion {
    ExerciseCompletion { exercise_id: id.into(), done_on: date(on), sets_done: 3 }
}

/// The calendar of a plan for `causes`, checked at `checked`, with the Today card the app would
/// show (no pain scores yet: the loop's first step, run less).
fn calendar(triage: Triage, causes: &[(&str, f64)], checked: &str, sessions: &[Session], completions: &[ExerciseCompletion]) -> (WeekCalendar, Today) {
    calendar_tested(triage, causes, checked, sessions, completions, &[])
}

/// `calendar` with the runner's return-to-run tests recorded.
fn calendar_tested(triage: Triage, causes: &[(&str, f64)], checked: &str, sessions: &[Session], completions: &[ExerciseCompletion], tests: &[FunctionalTest]) -> (WeekCalendar, Today) {
    let plan = plans::plan(&assessment(triage, causes));
    let review = review_week(&[], sessions, IsoWeek::containing(now().date_naive()), Units::Km);
    let card = today(&plan, &review, sessions, now(), Units::Km);
    let checked_at: DateTime<Utc> = at(checked).with_timezone(&Utc);
    let cal = week(&WeekInputs { plan: &plan, checked_at, today: &card, sessions, completions, tests, now: now(), units: Units::Km });
    (cal, card)
}

fn names(day: &CalendarDay) -> Vec<&str> {
    day.exercises.iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn runs_fall_on_last_week_s_days_with_the_today_card_s_amount_and_logged_runs_tick_themselves() {
    let (cal, card) = calendar(Triage::SelfCare, &[("calf_overload", 0.8)], "2026-11-09T09:00:00Z", &steady_runs(), &[]);
    assert_eq!(cal.week.to_string(), "2026-W47");
    assert_eq!(cal.days.len(), 7);
    assert_eq!(cal.days[0].date, date("2026-11-16"));
    assert!(cal.days[3].today && cal.days.iter().filter(|d| d.today).count() == 1);
    // Monday and Tuesday were run: ticked, with what was run.
    for d in &cal.days[0..2] {
        assert_eq!(d.runs, vec![CalendarRun { done: true, amount: Some("5.0 km".into()) }], "{d:?}");
    }
    // Today is a Thursday, a usual run day: planned with the card's amount.
    assert!(card.amount.is_some(), "{card:?}");
    assert_eq!(cal.days[3].runs, vec![CalendarRun { done: false, amount: card.amount.clone() }]);
    // Wednesday has passed without a run; Friday to Sunday are not run days.
    for i in [2, 4, 5, 6] {
        assert!(cal.days[i].runs.is_empty(), "{:?}", cal.days[i]);
    }
    // Next week: Tuesday and Thursday, planned, nothing ticked.
    let planned: Vec<usize> = cal.next_week.iter().enumerate().filter(|(_, d)| !d.runs.is_empty()).map(|(i, _)| i).collect();
    assert_eq!(planned, vec![1, 3]);
    assert!(cal.next_week.iter().flat_map(|d| &d.runs).all(|r| !r.done && r.amount == card.amount));
    assert!(cal.next_week.iter().all(|d| !d.today));
    assert!(cal.runs_note.is_none());
}

#[test]
fn the_phase_s_exercises_fall_on_named_days_with_rest_between_and_completions_tick_them() {
    let completions = [done("glute_bridge", "2026-11-16"), done("single_leg_calf_raise", "2026-11-17")];
    let (cal, _) = calendar(Triage::SelfCare, &[("calf_overload", 0.8)], "2026-11-09T09:00:00Z", &steady_runs(), &completions);
    // Day 7 to 13 after the check: the first phase, weeks 0-2.
    assert_eq!(cal.days[0].phase.as_deref(), Some("Offload (weeks 0-2)"));
    // Its exercises are three times a week: Monday, Wednesday, Friday.
    for i in [0, 2, 4] {
        assert!(names(&cal.days[i]).contains(&"glute_bridge"), "{:?}", cal.days[i]);
    }
    for i in [1, 3, 5, 6] {
        assert!(!names(&cal.days[i]).contains(&"glute_bridge"), "{:?}", cal.days[i]);
    }
    let bridge = cal.days[0].exercises.iter().find(|e| e.id == "glute_bridge").unwrap();
    assert!(bridge.planned && bridge.done && !bridge.daily && bridge.sessions == 1, "{bridge:?}");
    assert!(cal.days[0].exercises.iter().filter(|e| e.id != "glute_bridge").all(|e| !e.done));
    // Done on a day the phase did not plan it: shown, ticked, not planned.
    let extra = cal.days[1].exercises.iter().find(|e| e.id == "single_leg_calf_raise").unwrap();
    assert!(extra.done && !extra.planned && extra.name.contains("calf raise"), "{extra:?}");
    // No run and no strength session: a rest day. A day with either is not.
    assert!(cal.days[6].rest && cal.days[6].runs.is_empty());
    assert!(!cal.days[0].rest && !cal.days[3].rest);
    // Next week is day 14 on: the second phase.
    assert_eq!(cal.next_week[0].phase.as_deref(), Some("Hip stability (weeks 2-6)"));
    assert!(names(&cal.next_week[0]).contains(&"lateral_step_down"));
}

#[test]
fn the_injury_is_marked_on_the_check_s_day_and_nothing_is_planned_before_it() {
    let (cal, _) = calendar(Triage::SelfCare, &[("calf_overload", 0.8)], "2026-11-17T20:00:00Z", &steady_runs(), &[]);
    assert_eq!(cal.injury_on, date("2026-11-17"));
    let marked: Vec<usize> = cal.days.iter().enumerate().filter(|(_, d)| d.injury).map(|(i, _)| i).collect();
    assert_eq!(marked, vec![1]);
    // Monday, before the check: its run is in the log, but no phase and no exercise yet.
    assert!(cal.days[0].phase.is_none() && cal.days[0].exercises.is_empty());
    assert!(cal.days[0].runs[0].done);
    // The check's day begins the first phase: its exercises start on their next named day.
    assert_eq!(cal.days[1].phase.as_deref(), Some("Offload (weeks 0-2)"));
    assert!(cal.next_week.iter().all(|d| !d.injury));
}

#[test]
fn a_plan_that_stops_running_plans_no_run_and_says_why() {
    let (cal, card) = calendar(Triage::Urgent, &[("dvt", 0.4), ("calf_overload", 0.3)], "2026-11-18T09:00:00Z", &steady_runs(), &[]);
    assert!(cal.days.iter().chain(&cal.next_week).flat_map(|d| &d.runs).all(|r| r.done));
    let note = cal.runs_note.unwrap();
    assert!(note.starts_with(&card.headline) && note.contains("doctor"), "{note}");
    let (bone, _) = calendar(Triage::Clinician, &[("calf_overload", 0.6), ("tibial_bone_stress", 0.2)], "2026-11-18T09:00:00Z", &steady_runs(), &[]);
    assert!(bone.next_week.iter().all(|d| d.runs.is_empty()));
    assert!(bone.runs_note.is_some());
}

#[test]
fn with_no_run_logged_no_run_is_guessed() {
    let (cal, _) = calendar(Triage::SelfCare, &[("calf_overload", 0.8)], "2026-11-09T09:00:00Z", &[], &[]);
    assert!(cal.days.iter().chain(&cal.next_week).all(|d| d.runs.is_empty()));
    assert!(cal.runs_note.unwrap().contains("log your runs"));
}

#[test]
fn phase_windows_are_read_from_their_names() {
    let cases = [
        ("Settle (days 1-7)", Some(0)),
        ("Settle (week 1)", Some(0)),
        ("Settle (weeks 0-2)", Some(0)),
        ("Rebuild (weeks 1-3)", Some(7)),
        ("Strength (weeks 2-8)", Some(14)),
        ("Power and running (from week 3-6)", Some(21)),
        ("Protection in a boot (weeks 0-6/8)", Some(0)),
        ("Strength (months 2-6)", Some(60)),
        ("Return to run", None),
        ("After surgery", None),
    ];
    for (name, start) in cases {
        assert_eq!(phase_start_day(name), start, "{name}");
    }
}

#[test]
fn every_shipped_phase_name_is_read_or_is_one_reached_by_its_criteria() {
    let untimed = ["Return to run", "After treatment starts", "After surgery", "After assessment"];
    for condition in crate::plans::knowledge::conditions().keys().map(String::as_str) {
        let plan = plans::plan(&assessment(Triage::SelfCare, &[(condition, 0.9)]));
        for phase in plan.section(SectionKind::Rehab).map_or(&[][..], |s| s.phases.as_slice()) {
            assert!(phase_start_day(&phase.name).is_some() || untimed.contains(&phase.name.as_str()), "{condition}: {}", phase.name);
        }
    }
}

#[test]
fn sessions_fewer_than_daily_keep_the_knowledge_s_rest_days_when_the_count_allows() {
    let s = spacing();
    for per_week in 1..s.daily_from {
        let (days, sessions) = session_days(per_week, s);
        assert_eq!(days.len() as u32, per_week);
        assert_eq!(sessions, 1);
        if per_week * (s.rest_days_between + 1) <= 7 {
            // Between consecutive sessions, the week's wrap included (Friday to Monday).
            for (i, d) in days.iter().enumerate() {
                let next = days.get(i + 1).copied().unwrap_or(days[0] + 7);
                assert!(next - d > s.rest_days_between, "{per_week} a week: {days:?}");
            }
        }
    }
    assert_eq!(session_days(3, s).0, vec![0, 2, 4]);
    // The figure decides the days: two rest days between would put three sessions Mon, Thu, Sun.
    let wider = Spacing { rest_days_between: 2, ..s.clone() };
    assert_eq!(session_days(3, &wider).0, vec![0, 3, 6]);
    assert_eq!(session_days(4, &wider).0, vec![0, 1, 3, 5], "no room for the rest days: spread evenly");
    assert_eq!(session_days(4, s).0, vec![0, 2, 4, 6], "every other day while the week holds them");
    assert_eq!(session_days(s.daily_from, s), ((0..7).collect(), 1));
    assert_eq!(session_days(14, s).1, 2, "twice a day");
}

#[test]
fn a_fresh_calf_strain_plans_no_run_until_its_first_48_hours_end_then_runs_on_the_usual_days() {
    // Torn on Wednesday 18 November, checked that day; today is Thursday, a usual run day.
    let plan = plans::plan(&assessment(Triage::SelfCare, &[("gastrocnemius_strain", 0.8)])).dated(date("2026-11-18"), Some(0));
    let sessions = steady_runs();
    let review = review_week(&[], &sessions, IsoWeek::containing(now().date_naive()), Units::Km);
    let card = today(&plan, &review, &sessions, now(), Units::Km);
    assert_eq!(card.run, RunToday::No, "{card:?}");
    let checked_at: DateTime<Utc> = at("2026-11-18T09:00:00Z").with_timezone(&Utc);
    let cal = week(&WeekInputs { plan: &plan, checked_at, today: &card, sessions: &sessions, completions: &[], tests: &[], now: now(), units: Units::Km });
    assert!(cal.days[3].runs.is_empty(), "no run planned in the first 48 hours: {:?}", cal.days[3]);
    let note = cal.runs_note.as_deref().unwrap();
    assert!(note.starts_with("Don't run today.") && note.contains("Fri 20 Nov 2026"), "{note}");
    // Next week the phase has ended: runs on the usual days.
    let planned: Vec<usize> = cal.next_week.iter().enumerate().filter(|(_, d)| !d.runs.is_empty()).map(|(i, _)| i).collect();
    assert_eq!(planned, vec![1, 3]);
}

/// A walking test on a day: pain 0-10 while walking.
fn walked(on: &str, pain: i64) -> FunctionalTest {
    FunctionalTest { tested_on: date(on), walk_pain: Some(pain), ..Default::default() }
}

fn phases_of(days: &[CalendarDay]) -> Vec<&str> {
    days.iter().map(|d| d.phase.as_deref().unwrap_or("-")).collect()
}

// A soleus strain: "Settle (week 1)" is left by the calf-strain protocol's "Walking" stage (no
// pain walking), "Strength (weeks 1-4)" begins on day 7. Checked Monday 9 November, so this week
// (16-22 November) is days 7-13: time alone puts it in the strength phase.
const SOLEUS: &[(&str, f64)] = &[("soleus_strain", 0.8)];
const NINE_NOV: &str = "2026-11-09T09:00:00Z";
const SETTLE: &str = "Settle (week 1)";
const STRENGTH: &str = "Strength (weeks 1-4)";

#[test]
fn with_no_test_recorded_the_phases_move_by_time() {
    let (cal, _) = calendar_tested(Triage::SelfCare, SOLEUS, NINE_NOV, &steady_runs(), &[], &[]);
    assert_eq!(phases_of(&cal.days), vec![STRENGTH; 7]);
}

#[test]
fn exit_criteria_not_met_keep_the_phase_after_its_time_and_met_move_the_calendar_on() {
    // Walking still hurt on the 10th: the settle phase holds although its week is over.
    let (cal, _) = calendar_tested(Triage::SelfCare, SOLEUS, NINE_NOV, &steady_runs(), &[], &[walked("2026-11-10", 3)]);
    assert_eq!(phases_of(&cal.days), vec![SETTLE; 7]);
    assert_eq!(phases_of(&cal.next_week), vec![SETTLE; 7], "no later record: the next week waits too");
    // Pain-free walking recorded on Wednesday the 18th moves the calendar on from that day.
    let tests = [walked("2026-11-10", 3), walked("2026-11-18", 0)];
    let (cal, _) = calendar_tested(Triage::SelfCare, SOLEUS, NINE_NOV, &steady_runs(), &[], &tests);
    assert_eq!(phases_of(&cal.days), vec![SETTLE, SETTLE, STRENGTH, STRENGTH, STRENGTH, STRENGTH, STRENGTH]);
    // The days carry their phase's exercises: the settle holds before, bent-knee raises after.
    assert!(cal.days[..2].iter().all(|d| !names(d).contains(&"bent_knee_calf_raise")), "{:?}", cal.days);
    assert!(cal.days[2..].iter().any(|d| names(d).contains(&"bent_knee_calf_raise")), "{:?}", cal.days);
}

#[test]
fn criteria_met_early_never_move_a_phase_before_its_window() {
    // Checked Monday 16 November and walking pain-free that day: the strength phase still waits
    // for day 7, next Monday.
    let (cal, _) = calendar_tested(Triage::SelfCare, SOLEUS, "2026-11-16T09:00:00Z", &steady_runs(), &[], &[walked("2026-11-16", 0)]);
    assert_eq!(phases_of(&cal.days), vec![SETTLE; 7]);
    assert_eq!(phases_of(&cal.next_week)[0], STRENGTH);
}

#[test]
fn a_phase_with_no_window_is_reached_by_its_predecessor_s_criteria_only() {
    let plan = plans::plan(&assessment(Triage::SelfCare, SOLEUS));
    let phases = &plan.section(SectionKind::Rehab).unwrap().phases;
    let settle = RehabPhase { exit_stage: Some("Walking".into()), ..phases[0].clone() };
    let untimed = RehabPhase { name: "Return to run".into(), ..phases[3].clone() };
    let two = [settle, untimed];
    let (check, later) = (date("2026-11-01"), date("2026-12-31"));
    assert_eq!(phase_on(&two, "soleus_strain", &[], check, later).unwrap().name, SETTLE, "never by time");
    assert_eq!(phase_on(&two, "soleus_strain", &[walked("2026-11-20", 1)], check, later).unwrap().name, SETTLE);
    assert_eq!(phase_on(&two, "soleus_strain", &[walked("2026-11-20", 0)], check, later).unwrap().name, "Return to run");
    assert_eq!(phase_on(&two, "soleus_strain", &[walked("2026-11-20", 0)], check, date("2026-11-19")).unwrap().name, SETTLE, "not before the record");
}

#[test]
fn the_calendar_says_which_exit_criteria_are_met_and_what_unlocks_the_next_phase() {
    // Not met: the criterion not met, and what it takes.
    let (cal, _) = calendar_tested(Triage::SelfCare, SOLEUS, NINE_NOV, &steady_runs(), &[], &[walked("2026-11-10", 3)]);
    let exit = cal.phase_exit.unwrap();
    assert_eq!((exit.phase.as_str(), exit.next.as_str(), exit.stage.as_deref()), (SETTLE, STRENGTH, Some("Walking")));
    assert_eq!(exit.criteria.iter().map(|c| c.verdict).collect::<Vec<_>>(), vec![CriterionVerdict::NotMet]);
    assert_eq!(exit.summary, "To move on to Strength (weeks 1-4): no pain walking (0/10).");
    // Nothing tested: time, and the tests that would move it.
    let (cal, _) = calendar_tested(Triage::SelfCare, SOLEUS, "2026-11-16T09:00:00Z", &steady_runs(), &[], &[]);
    let exit = cal.phase_exit.unwrap();
    assert_eq!(exit.window_opens, Some(date("2026-11-23")));
    assert_eq!(exit.criteria[0].verdict, CriterionVerdict::NotTested);
    assert!(exit.summary.starts_with("Strength (weeks 1-4) begins on Mon 23 Nov 2026 by time; record the Walking tests"), "{}", exit.summary);
    // Met before the window: the day it opens.
    let (cal, _) = calendar_tested(Triage::SelfCare, SOLEUS, "2026-11-16T09:00:00Z", &steady_runs(), &[], &[walked("2026-11-16", 0)]);
    assert_eq!(cal.phase_exit.unwrap().summary, "Your tests meet what Settle (week 1) asks: Strength (weeks 1-4) begins on Mon 23 Nov 2026.");
    // Met and moved on: the strength phase's own exit, the calf-strength tests, not yet taken.
    let (cal, _) = calendar_tested(Triage::SelfCare, SOLEUS, NINE_NOV, &steady_runs(), &[], &[walked("2026-11-10", 0)]);
    let exit = cal.phase_exit.unwrap();
    assert_eq!((exit.phase.as_str(), exit.stage.as_deref(), exit.criteria.len()), (STRENGTH, Some("Calf strength"), 4));
}
