use super::*;
use crate::plans::{PlanCondition, Role, RunningStop};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn plan(condition: &str) -> Plan {
    Plan {
        title: format!("If this is: {condition}"),
        triage: Triage::SelfCare,
        triage_advice: Triage::SelfCare.advice().into(),
        conditions: vec![PlanCondition { condition: condition.into(), name: condition.into(), probability: 0.8, role: Role::Top, about: String::new() }],
        sections: vec![],
        running_stop: None,
        running_pauses: vec![],
        injured_on: None,
        runs_once: None,
        cut_first: None,
        disclaimer: "Not a diagnosis.".into(),
        sources: Vec::new(),
        confirmed: None,
    }
}

fn test(on: &str) -> FunctionalTest {
    FunctionalTest { tested_on: day(on), ..Default::default() }
}

fn spec(measure: Measure, at_most: Option<f64>, at_least: Option<f64>) -> CriterionSpec {
    CriterionSpec { measure, at_most, at_least, src: "green2022".into() }
}

#[test]
fn each_verdict_met_not_met_and_not_yet_tested() {
    let c = spec(Measure::CalfRaises, None, Some(30.0));
    assert_eq!(judge(&c, &[]).verdict, CriterionVerdict::NotTested);
    // A record without this measure leaves it untested.
    assert_eq!(judge(&c, &[FunctionalTest { walk_pain: Some(0), ..test("2026-12-01") }]).verdict, CriterionVerdict::NotTested);
    let thirty = FunctionalTest { calf_raises_left: Some(30), calf_raises_right: Some(32), ..test("2026-12-01") };
    let met = judge(&c, std::slice::from_ref(&thirty));
    assert_eq!(met.verdict, CriterionVerdict::Met);
    assert_eq!(met.found.as_deref(), Some("30 left, 32 right"));
    assert_eq!(met.tested_on, Some(day("2026-12-01")));
    // The weaker leg counts.
    let weak = FunctionalTest { calf_raises_left: Some(29), calf_raises_right: Some(40), ..test("2026-12-01") };
    assert_eq!(judge(&c, &[weak]).verdict, CriterionVerdict::NotMet);
}

#[test]
fn the_latest_record_of_a_measure_decides() {
    let c = spec(Measure::HopPain, Some(0.0), None);
    let earlier = FunctionalTest { hop_pain: Some(3), ..test("2026-11-20") };
    let later = FunctionalTest { hop_pain: Some(0), ..test("2026-12-01") };
    let without = FunctionalTest { walk_pain: Some(0), ..test("2026-12-05") };
    assert_eq!(judge(&c, &[earlier.clone(), later.clone(), without]).verdict, CriterionVerdict::Met);
    assert_eq!(judge(&c, &[later, earlier.clone()]).verdict, CriterionVerdict::NotMet, "records come oldest first; the last one holding the measure counts");
}

#[test]
fn within_ten_percent_of_the_other_side_or_not() {
    let c = spec(Measure::CalfRaiseDifference, Some(10.0), None);
    let raises = |l, r| FunctionalTest { calf_raises_left: Some(l), calf_raises_right: Some(r), ..test("2026-12-01") };
    assert_eq!(judge(&c, &[raises(27, 30)]).verdict, CriterionVerdict::Met, "27 is 10% short of 30");
    assert_eq!(judge(&c, &[raises(30, 27)]).verdict, CriterionVerdict::Met, "either leg may be the weaker");
    let not = judge(&c, &[raises(26, 30)]);
    assert_eq!(not.verdict, CriterionVerdict::NotMet, "26 is 13% short of 30");
    assert_eq!(not.found.as_deref(), Some("26 left, 30 right: 13% apart"));
    let k = spec(Measure::KneeToWallDifference, Some(10.0), None);
    let ktw = |l, r| FunctionalTest { knee_to_wall_left_cm: Some(l), knee_to_wall_right_cm: Some(r), ..test("2026-12-01") };
    assert_eq!(judge(&k, &[ktw(9.0, 10.0)]).verdict, CriterionVerdict::Met);
    assert_eq!(judge(&k, &[ktw(8.5, 10.0)]).verdict, CriterionVerdict::NotMet);
    assert_eq!(judge(&k, &[ktw(0.0, 0.0)]).verdict, CriterionVerdict::Met, "two equal legs are within any margin");
}

#[test]
fn a_calf_strain_moves_stage_by_stage_and_recorded_calf_raises_unlock_hopping() {
    let p = plan("gastrocnemius_strain");
    let today = day("2026-12-07");
    let r = progress(&p, &[], &[], today).unwrap();
    assert_eq!(r.protocol, "Calf strain");
    // Who decides is said in knowledge/return_to_run.toml's words, naming the cause and protocol.
    assert_eq!(r.caveat, fill(&knowledge::get().says.caveat, &[("condition", "gastrocnemius_strain"), ("protocol", "calf strain")]));
    assert!(r.caveat.starts_with("If this is: gastrocnemius_strain. The calf strain tests"), "{}", r.caveat);
    assert_eq!(r.stages[0].state, StageState::Current);
    assert!(r.stages[1..].iter().all(|s| s.state == StageState::Ahead));
    assert!(!r.ladder.unlocked);
    assert!(r.next.summary.contains("Record the tests not yet done"), "{}", r.next.summary);

    let walking = FunctionalTest { walk_pain: Some(0), ..test("2026-12-01") };
    let short = FunctionalTest { calf_raises_left: Some(22), calf_raises_right: Some(31), calf_raise_pain: Some(0), knee_to_wall_left_cm: Some(10.0), knee_to_wall_right_cm: Some(10.5), ..test("2026-12-03") };
    let r = progress(&p, &[walking.clone(), short], &[], today).unwrap();
    assert_eq!(r.stages[0].state, StageState::Passed);
    assert_eq!(r.stages[1].state, StageState::Current);
    assert_eq!(r.next.to, "Hopping");
    assert_eq!(r.next.needs, ["At least 30 single-leg calf raises on each leg", "Calf raises on the weaker leg within 10% of the other"]);

    let strong = FunctionalTest { calf_raises_left: Some(30), calf_raises_right: Some(32), ..test("2026-12-06") };
    let r = progress(&p, &[walking.clone(), FunctionalTest { calf_raise_pain: Some(0), knee_to_wall_left_cm: Some(10.0), knee_to_wall_right_cm: Some(10.5), ..test("2026-12-03") }, strong.clone()], &[], today).unwrap();
    assert_eq!(r.stages[1].state, StageState::Passed);
    assert_eq!(r.stages[2].state, StageState::Current);
    assert_eq!(r.next.needs, ["No pain hopping on the injured leg (0/10)"]);

    let hops = FunctionalTest { hop_pain: Some(0), ..test("2026-12-07") };
    let all = [walking, FunctionalTest { calf_raise_pain: Some(0), knee_to_wall_left_cm: Some(10.0), knee_to_wall_right_cm: Some(10.5), ..test("2026-12-03") }, strong, hops];
    let r = progress(&p, &all, &[], today).unwrap();
    assert!(r.stages.iter().all(|s| s.state == StageState::Passed));
    assert!(r.ladder.unlocked);
    assert_eq!(r.ladder.steps.first().map(String::as_str), Some("Jog 1 min, walk 1 min: 20 minutes in all"));
    assert!(r.ladder.rules.iter().any(|rule| rule.text.contains("two days in a row") && rule.source.contains("Sports Med Open 2022")));
}

#[test]
fn an_achilles_tendinopathy_allows_pain_in_the_acceptable_zone_when_hopping() {
    let p = plan("achilles_tendinopathy");
    let tests = [FunctionalTest { walk_pain: Some(2), calf_raise_pain: Some(2), calf_raises_left: Some(25), calf_raises_right: Some(28), hop_pain: Some(5), ..test("2026-12-01") }];
    let r = progress(&p, &tests, &[], day("2026-12-07")).unwrap();
    assert!(r.ladder.unlocked, "{:?}", r.next);
    let tests = [FunctionalTest { hop_pain: Some(6), ..tests[0].clone() }];
    assert!(!progress(&p, &tests, &[], day("2026-12-07")).unwrap().ladder.unlocked, "6/10 is above the acceptable zone");
}

#[test]
fn a_bone_stress_injury_needs_pain_free_walking_then_pain_free_hopping() {
    let p = plan("tibial_bone_stress");
    let r = progress(&p, &[FunctionalTest { walk_pain: Some(0), hop_pain: Some(1), ..test("2026-12-01") }], &[], day("2026-12-07")).unwrap();
    assert_eq!(r.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Walking", "Hopping"]);
    assert_eq!(r.stages[1].state, StageState::Current);
    assert!(!r.ladder.unlocked);
}

#[test]
fn a_plan_that_stops_running_or_urgent_care_holds_the_ladder_whatever_the_tests() {
    let all_met = [FunctionalTest { walk_pain: Some(0), calf_raise_pain: Some(0), calf_raises_left: Some(40), calf_raises_right: Some(40), knee_to_wall_left_cm: Some(12.0), knee_to_wall_right_cm: Some(12.0), hop_pain: Some(0), ..test("2026-12-01") }];
    let mut stopped = plan("gastrocnemius_strain");
    stopped.running_stop = Some(RunningStop { condition: "dvt".into(), role: Role::StillOpen, until: "a doctor has ruled out a clot.".into(), source: String::new() });
    let r = progress(&stopped, &all_met, &[], day("2026-12-07")).unwrap();
    assert!(!r.ladder.unlocked);
    assert_eq!(r.held.as_deref(), Some("No running until a doctor has ruled out a clot; the tests below wait until then."));
    let mut urgent = plan("gastrocnemius_strain");
    urgent.triage = Triage::Urgent;
    urgent.triage_advice = Triage::Urgent.advice().into();
    let r = progress(&urgent, &all_met, &[], day("2026-12-07")).unwrap();
    assert!(!r.ladder.unlocked);
    assert!(r.next.summary.contains("See a doctor today"), "{}", r.next.summary);
}

#[test]
fn outcome_scores_are_asked_every_two_weeks_with_the_condition_s_instrument() {
    let lefs = |score, on: &str| OutcomeScore { instrument: "lefs".into(), scored_on: day(on), score };
    let visa = OutcomeScore { instrument: "visa_a".into(), scored_on: day("2026-12-01"), score: 60 };
    let p = plan("soleus_strain");
    let r = progress(&p, &[], &[], day("2026-12-07")).unwrap();
    assert_eq!(r.outcome.instrument.id, "lefs");
    assert!(r.outcome.find_it.ends_with(&format!(" {}.", r.outcome.instrument.link)), "{}", r.outcome.find_it);
    assert!(!r.outcome.find_it.contains('{'), "{}", r.outcome.find_it);
    assert!(r.outcome.due, "never scored: due now");
    let r = progress(&p, &[], &[lefs(50, "2026-11-20"), visa.clone(), lefs(62, "2026-11-30")], day("2026-12-07")).unwrap();
    assert_eq!(r.outcome.scores.len(), 2, "only this instrument's scores");
    assert!(!r.outcome.due);
    assert_eq!(r.outcome.next_due, day("2026-12-14"));
    assert_eq!(r.outcome.change.as_deref(), Some("+12 points since Fri 20 Nov 2026, at least the 9 points that matter to people"));
    let r = progress(&p, &[], &[lefs(50, "2026-11-20"), lefs(55, "2026-11-23")], day("2026-12-07")).unwrap();
    assert!(r.outcome.due, "14 days after the last score");
    assert!(r.outcome.change.unwrap().contains("less than the 9 points"));
    let r = progress(&plan("achilles_tendinopathy"), &[], &[visa], day("2026-12-07")).unwrap();
    assert_eq!((r.outcome.instrument.id.as_str(), r.outcome.scores.len()), ("visa_a", 1));
}
