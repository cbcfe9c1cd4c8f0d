//! The Today card: one answer per plan and log, and no plan that says both "don't run" and
//! "keep running".

use super::*;
use crate::log::entries::PainEntry;
use crate::log::review::review_week;
use crate::log::IsoWeek;
use crate::plans::fixtures::{assessment, at, now, run, steady_runs};
use crate::plans::{self, knowledge, SectionKind};

fn score(when: &str, score: u8) -> PainEntry {
    PainEntry { id: 0, recorded_at: at(when), score, moment: "1 h after run".into(), side: None, notes: String::new(), run_id: None, run_moment: None, site: None }
}

fn card(triage: Triage, causes: &[(&str, f64)], pain: &[PainEntry], runs: &[Session]) -> Today {
    let plan = plans::plan(&assessment(triage, causes));
    let week = IsoWeek::containing(now().date_naive());
    let review = review_week(pain, runs, week, Units::Km);
    today(&plan, &review, runs, now(), Units::Km)
}

/// Last week 6/10 twice, this week 4/10 twice: a drop of 2, on track.
fn falling_pain() -> Vec<PainEntry> {
    vec![score("2026-11-10T18:00:00Z", 6), score("2026-11-12T18:00:00Z", 6), score("2026-11-16T18:00:00Z", 4), score("2026-11-17T18:00:00Z", 4)]
}

#[test]
fn a_self_care_plan_on_track_runs_the_same_as_last_time() {
    let t = card(Triage::SelfCare, &[("calf_overload", 0.8)], &falling_pain(), &steady_runs());
    assert_eq!(t.run, RunToday::Yes, "{t:?}");
    assert_eq!(t.amount.as_deref(), Some("about 5.0 km"));
    assert!(t.why[0].contains("on track"), "{:?}", t.why);
    assert_eq!(t.date.to_string(), "2026-11-19");
    assert!(t.until.is_none());
}

#[test]
fn pain_at_three_or_less_builds_within_ten_percent_of_the_longest_recent_run() {
    let pain = vec![score("2026-11-10T18:00:00Z", 4), score("2026-11-16T18:00:00Z", 2)];
    let runs = vec![run("2026-11-02T07:00:00Z", 8.0), run("2026-11-10T07:00:00Z", 8.0), run("2026-11-17T07:00:00Z", 6.0)];
    let t = card(Triage::SelfCare, &[("calf_overload", 0.8)], &pain, &runs);
    assert_eq!(t.run, RunToday::Yes, "{t:?}");
    assert_eq!(t.amount.as_deref(), Some("up to 8.8 km"), "8 km longest in 30 days, +10%");
}

#[test]
fn pain_that_does_not_fall_means_less_than_last_time_in_the_parameter_to_cut() {
    let pain = vec![score("2026-11-10T18:00:00Z", 5), score("2026-11-16T18:00:00Z", 5)];
    let t = card(Triage::SelfCare, &[("calf_overload", 0.8)], &pain, &steady_runs());
    assert_eq!(t.run, RunToday::Less, "{t:?}");
    // Load did not grow, so the loop cuts distance (the easiest to control).
    assert_eq!(t.amount.as_deref(), Some("under 5.0 km"));
    assert!(t.headline.starts_with("Run, but less"), "{}", t.headline);
}

#[test]
fn a_load_jump_outranks_a_falling_pain_score() {
    let runs = vec![run("2026-11-10T07:00:00Z", 5.0), run("2026-11-12T07:00:00Z", 5.0), run("2026-11-16T07:00:00Z", 5.0), run("2026-11-17T07:00:00Z", 10.0)];
    let t = card(Triage::SelfCare, &[("calf_overload", 0.8)], &falling_pain(), &runs);
    assert_eq!(t.run, RunToday::Less, "{t:?}");
    assert!(t.why.iter().any(|w| w.contains("more than last week")), "{:?}", t.why);
}

#[test]
fn a_run_already_logged_today_is_today_s_run() {
    let mut runs = steady_runs();
    runs.push(run("2026-11-19T07:00:00Z", 5.0));
    let t = card(Triage::SelfCare, &[("calf_overload", 0.8)], &falling_pain(), &runs);
    assert_eq!(t.run, RunToday::No);
    assert_eq!(t.headline, "Today's run is done.");
}

#[test]
fn an_urgent_plan_says_do_not_run_until_a_doctor_has_seen_you() {
    let t = card(Triage::Urgent, &[("dvt", 0.4), ("calf_overload", 0.3)], &falling_pain(), &steady_runs());
    assert_eq!(t.run, RunToday::No);
    assert_eq!(t.headline, "Don't run today.");
    assert!(t.until.as_deref().unwrap().contains("doctor"), "{t:?}");
    assert!(t.amount.is_none());
    let e = card(Triage::Emergency, &[("acute_compartment_syndrome", 0.6)], &[], &[]);
    assert_eq!(e.run, RunToday::No);
    assert!(e.headline.contains("get help now"), "{}", e.headline);
}

#[test]
fn a_possible_bone_stress_injury_stops_running_and_says_who_rules_it_out_and_when() {
    let t = card(Triage::Clinician, &[("calf_overload", 0.6), ("tibial_bone_stress", 0.2)], &falling_pain(), &steady_runs());
    assert_eq!(t.run, RunToday::No, "{t:?}");
    let until = t.until.unwrap();
    assert!(until.contains("physiotherapist or doctor") && until.contains("within the week"), "{until}");
    assert!(t.why[0].contains("has not been ruled out"), "{:?}", t.why);
    // The most likely cause itself stopping running reads the same way.
    let top = card(Triage::Clinician, &[("tibial_bone_stress", 0.7)], &falling_pain(), &steady_runs());
    assert_eq!(top.run, RunToday::No);
    assert!(top.why[0].contains("most likely cause"), "{:?}", top.why);
}

/// Running advice that contradicts "don't run": only allowed once the stopping cause is ruled out.
const KEEPS_RUNNING: [&str; 5] = ["keep running", "can keep running", "running at reduced load", "you can run", "keep training"];

#[test]
fn no_plan_says_both_do_not_run_and_keep_running() {
    let ids: Vec<String> = knowledge::conditions().keys().cloned().collect();
    let stoppers: Vec<&String> = ids.iter().filter(|id| knowledge::conditions()[*id].stop_running.is_some()).collect();
    let mut checked = 0;
    for top in &ids {
        let mut cases = vec![vec![(top.as_str(), 0.8)]];
        cases.extend(stoppers.iter().filter(|s| **s != top).map(|s| vec![(top.as_str(), 0.6), (s.as_str(), 0.2)]));
        for causes in cases {
            for triage in [Triage::SelfCare, Triage::Clinician] {
                // Checked a month ago: past any phase that stops running for its first days
                // (those are `a_phase_that_stops_running_...` below), so only a stopping cause stops it.
                let plan = plans::plan(&assessment(triage, &causes)).dated(now().date_naive() - chrono::Duration::days(30), None);
                let review = review_week(&falling_pain(), &steady_runs(), IsoWeek::containing(now().date_naive()), Units::Km);
                let t = today(&plan, &review, &steady_runs(), now(), Units::Km);
                let stops = plan.running_stop.is_some();
                assert_eq!(stops, t.run == RunToday::No, "{causes:?}: the card and the plan agree");
                if !stops {
                    continue;
                }
                checked += 1;
                assert!(t.until.as_deref().is_some_and(|u| u.len() > 20), "{causes:?}: a stop says until when");
                for s in &plan.sections {
                    for i in &s.items {
                        let text = i.text.to_lowercase();
                        let after_rule_out = i.label.as_deref().is_some_and(|l| l.starts_with("Once "));
                        assert!(
                            after_rule_out || !KEEPS_RUNNING.iter().any(|k| text.contains(k)),
                            "{causes:?}: '{}' says running goes on in a plan that stops it", i.text
                        );
                        assert!(!(s.kind == SectionKind::LoadModification && text.starts_with("cut first")), "{causes:?}: {}", i.text);
                        assert!(!i.label.as_deref().is_some_and(|l| l.starts_with("Weekly loop")), "{causes:?}: the weekly loop is for running");
                    }
                }
            }
        }
    }
    assert!(checked > 40, "only {checked} stopping plans checked");
}

#[test]
fn every_plan_that_stops_running_has_a_rule_out_with_who_and_when() {
    for (id, c) in knowledge::conditions() {
        if c.load.parameter == knowledge::LoadParameter::Stop {
            let stop = c.stop_running.as_ref().unwrap_or_else(|| panic!("{id} stops running without saying until when"));
            assert!(stop.until.contains("doctor") || stop.until.contains("physiotherapist") || stop.until.contains("specialist") || stop.until.contains("emergency"), "{id}: {}", stop.until);
        }
    }
}

#[test]
fn with_no_score_yet_a_plan_runs_less_in_the_parameter_it_cuts_first() {
    // Popliteus: the plan cuts hills first.
    let t = card(Triage::SelfCare, &[("popliteus_injury", 0.8)], &[], &steady_runs());
    assert_eq!(t.run, RunToday::Less, "{t:?}");
    assert_eq!(t.amount.as_deref(), Some("flat, no hills"));
    assert!(t.why[0].contains("hills"), "{:?}", t.why);
}


/// The card for a gastrocnemius tear checked on `checked` (`since_onset` days after the injury),
/// asked `later` days after the check, with no pain score or run logged yet.
fn strain_card(since_onset: Option<u32>, later: i64) -> (Plan, Today) {
    let plan = plans::plan(&assessment(Triage::SelfCare, &[("gastrocnemius_strain", 0.8)])).dated(now().date_naive(), since_onset);
    let asked = now() + chrono::Duration::days(later);
    let review = review_week(&[], &[], IsoWeek::containing(asked.date_naive()), Units::Km);
    let t = today(&plan, &review, &[], asked, Units::Km);
    (plan, t)
}

#[test]
fn an_acute_calf_strain_checked_today_says_do_not_run_until_the_first_48_hours_end() {
    let (plan, t) = strain_card(Some(0), 0);
    // The plan's first phase says no running: the card agrees, with the reason and the end day.
    let now_section = plan.section(SectionKind::Now).unwrap();
    assert!(now_section.items.iter().any(|i| i.label.as_deref() == Some("First 48 hours") && i.text.contains("no running")), "{now_section:?}");
    assert_eq!(t.run, RunToday::No, "{t:?}");
    assert_eq!(t.headline, "Don't run today.");
    assert!(t.amount.is_none());
    assert!(t.why[0].contains("48 hours"), "{:?}", t.why);
    // Thursday 19 November + 2 days.
    assert_eq!(t.until.as_deref(), Some("Until Sat 21 Nov 2026, when the phase \"First 48 hours\" ends."));
    // Injured the day before the check: the phase ends a day sooner.
    let (_, t) = strain_card(Some(1), 0);
    assert!(t.until.as_deref().unwrap().contains("Fri 20 Nov 2026"), "{t:?}");
    // Unanswered onset: counted from the check's day.
    let (_, t) = strain_card(None, 1);
    assert_eq!(t.run, RunToday::No, "{t:?}");
    // An old strain checked today is past its first 48 hours.
    let (_, t) = strain_card(Some(10), 0);
    assert_eq!(t.run, RunToday::Less, "{t:?}");
}

#[test]
fn the_same_calf_strain_five_days_later_gets_the_reduced_run_answer() {
    let (plan, t) = strain_card(Some(0), 5);
    assert_eq!(t.run, RunToday::Less, "{t:?}");
    assert_eq!(t.headline, "Run, but cut your distance compared with usual.");
    assert!(t.until.is_none());
    // The plan's "no running until you walk without a limp ..." leads the answer that runs.
    assert_eq!(t.why[0], "Only once you walk without a limp and can do 15 single-leg calf raises: until then, don't run.");
    // Exactly the weekly loop's answer the plan gave before phases could stop running.
    let mut unpaused = plan.clone();
    unpaused.running_pauses.clear();
    let asked = now() + chrono::Duration::days(5);
    let review = review_week(&[], &[], IsoWeek::containing(asked.date_naive()), Units::Km);
    assert_eq!(t, today(&unpaused, &review, &[], asked, Units::Km));
    // The day the phase ends is the first day the loop answers again.
    assert_eq!(strain_card(Some(0), 2).1.run, RunToday::Less);
    assert_eq!(strain_card(Some(0), 1).1.run, RunToday::No);
}

#[test]
fn a_plan_with_no_phase_that_stops_running_is_unchanged_by_its_date() {
    let plan = plans::plan(&assessment(Triage::SelfCare, &[("calf_overload", 0.8)]));
    assert!(plan.running_pauses.is_empty(), "{:?}", plan.running_pauses);
    let review = review_week(&falling_pain(), &steady_runs(), IsoWeek::containing(now().date_naive()), Units::Km);
    let undated = today(&plan, &review, &steady_runs(), now(), Units::Km);
    let dated = today(&plan.clone().dated(now().date_naive(), Some(0)), &review, &steady_runs(), now(), Units::Km);
    assert_eq!(undated, dated);
    assert_eq!(dated.run, RunToday::Yes, "{dated:?}");
}

#[test]
fn the_today_card_never_says_run_while_a_phase_of_its_plan_stops_running() {
    let ids: Vec<&String> = knowledge::conditions().keys().collect();
    let mut paused_days = 0;
    for id in ids {
        let kb = &knowledge::conditions()[id];
        for triage in [Triage::SelfCare, Triage::Clinician] {
            let plan = plans::plan(&assessment(triage, &[(id.as_str(), 0.8)]));
            // A sudden injury's plan starts with the first 48 hours, which stop running.
            let first_48 = plan.section(SectionKind::Now).is_some_and(|s| s.items.iter().any(|i| i.label.as_deref() == Some("First 48 hours")));
            assert_eq!(first_48, plan.running_pauses.iter().any(|p| p.phase == "First 48 hours"), "{id}: the first 48 hours are a pause");
            // Every rehab phase the knowledge marks is a pause of the plan.
            for phase in kb.rehab.iter().filter(|p| p.stops_running.is_some()) {
                assert!(plan.running_pauses.iter().any(|p| p.phase == phase.name), "{id}: {} stops running", phase.name);
            }
            for since_onset in [0, 1, 3] {
                let plan = plan.clone().dated(now().date_naive(), Some(since_onset));
                for later in 0..21 {
                    let asked = now() + chrono::Duration::days(later);
                    let review = review_week(&falling_pain(), &steady_runs(), IsoWeek::containing(asked.date_naive()), Units::Km);
                    let t = today(&plan, &review, &steady_runs(), asked, Units::Km);
                    // A plan whose running waits for a criterion never runs without saying it first.
                    if let (Some(once), RunToday::Less | RunToday::Yes) = (&kb.load.runs_once, t.run) {
                        assert!(t.why[0].contains(once.as_str()), "{id}: {t:?}");
                    }
                    let Some((pause, ends)) = plan.pause_on(asked.date_naive()) else { continue };
                    paused_days += 1;
                    assert_eq!(t.run, RunToday::No, "{id} day {later}: '{}' stops running: {t:?}", pause.phase);
                    assert!(t.amount.is_none(), "{id}: {t:?}");
                    let until = t.until.as_deref().unwrap_or_else(|| panic!("{id}: a stop says until when"));
                    // A stopping cause's own "until" outranks a phase's; else the phase's end day.
                    assert!(plan.running_stop.is_some() || until.contains(&crate::log::day(ends)), "{id}: {until}");
                }
            }
        }
    }
    assert!(paused_days > 20, "only {paused_days} paused days checked");
}
