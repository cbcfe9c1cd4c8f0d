//! The review's rules at their edges.

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::log::Side;
use crate::log::sessions::Sport;

fn week() -> IsoWeek {
    "2026-W47".parse().unwrap() // Monday 16 to Sunday 22 November 2026
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn score(when: &str, score: u8) -> PainEntry {
    scored(when, score, "1 h after run")
}

fn scored(when: &str, score: u8, moment: &str) -> PainEntry {
    PainEntry { id: 0, recorded_at: at(when), score, moment: moment.into(), side: Some(Side::Left), notes: String::new(), run_id: None, run_moment: None, site: None }
}

/// A run of `km` at six minutes a kilometre on the flat (also the Today card's tests' run).
pub(crate) fn run(when: &str, km: f64) -> Session {
    run_with(when, km, 6.0 * km, 0.0)
}

fn run_with(when: &str, km: f64, minutes: f64, climb_m: f64) -> Session {
    let started_at = at(when);
    Session {
        id: 0,
        started_at,
        sport: Sport::Running,
        distance_m: Some(km * 1000.0),
        duration_s: Some(minutes * 60.0),
        elevation_gain_m: Some(climb_m),
        source_file: None,
        fingerprint: sessions::fingerprint(&started_at),
    }
}

/// Last week's scores average `before`, this week's `now`.
fn pain_weeks(before: &[u8], now: &[u8]) -> Vec<PainEntry> {
    let prev = before.iter().enumerate().map(|(i, &s)| score(&format!("2026-11-{:02}T18:00:00Z", 9 + i), s));
    let this = now.iter().enumerate().map(|(i, &s)| score(&format!("2026-11-{:02}T18:00:00Z", 16 + i), s));
    prev.chain(this).collect()
}

fn verdict(before: &[u8], now: &[u8]) -> Verdict {
    review_week(&pain_weeks(before, now), &[], week(), Units::Km).advice.verdict
}

#[test]
fn a_drop_of_exactly_two_is_on_track_and_just_under_is_not() {
    assert_eq!(verdict(&[7], &[5]), Verdict::Hold);
    // 7.0 -> 5.5 (scores 5 and 6): a drop of 1.5.
    assert_eq!(verdict(&[7], &[5, 6]), Verdict::RestrictFurther);
    // 6.5 -> 4.5, a drop of exactly 2 with means.
    assert_eq!(verdict(&[6, 7], &[4, 5]), Verdict::Hold);
    let r = review_week(&pain_weeks(&[7], &[5]), &[], week(), Units::Km);
    assert_eq!(r.change, Some(-2.0));
    assert!(r.advice.headline.contains("on track"), "{}", r.advice.headline);
}

#[test]
fn a_score_of_exactly_three_begins_the_return_and_above_it_does_not() {
    assert_eq!(verdict(&[4], &[3]), Verdict::BeginReturn);
    // 3.5 is above 3, and a drop of 0.5 is not progress.
    assert_eq!(verdict(&[4], &[3, 4]), Verdict::RestrictFurther);
    // At 3 or less the return begins even without last week's score to compare.
    assert_eq!(verdict(&[], &[2]), Verdict::BeginReturn);
    let runs = [run("2026-11-17T07:00:00Z", 5.0), run("2026-11-19T07:00:00Z", 5.0)];
    let r = review_week(&pain_weeks(&[5], &[3]), &runs, week(), Units::Km);
    assert_eq!(r.advice.next_week_distance_km, Some(11.0), "10 km this week, about +10% next");
}

#[test]
fn no_drop_restricts_further_naming_what_grew_most() {
    let prev_runs = [run_with("2026-11-10T07:00:00Z", 8.0, 48.0, 50.0)];
    // Distance +12.5%, time +12.5%, hills +200%: cut the hills.
    let this_runs = [run_with("2026-11-17T07:00:00Z", 9.0, 54.0, 150.0)];
    let all: Vec<Session> = prev_runs.iter().chain(&this_runs).cloned().collect();
    let r = review_week(&pain_weeks(&[6], &[6]), &all, week(), Units::Km);
    assert_eq!(r.advice.verdict, Verdict::RestrictFurther);
    assert_eq!(r.advice.parameter, Some(LoadParameter::Elevation));
    assert!(r.advice.headline.contains("hills"), "{}", r.advice.headline);
    // Pain rising is not progress either, and is worth a clinician's look.
    let rising = review_week(&pain_weeks(&[4], &[6]), &[], week(), Units::Km);
    assert_eq!(rising.advice.verdict, Verdict::RestrictFurther);
    assert!(rising.advice.detail.contains("physiotherapist"), "{}", rising.advice.detail);
    assert!(!r.advice.detail.contains("physiotherapist"), "not said when pain merely held");
}

#[test]
fn when_nothing_grew_distance_is_cut_and_without_runs_nothing_is_named() {
    let all = [run("2026-11-10T07:00:00Z", 10.0), run("2026-11-17T07:00:00Z", 8.0)];
    let r = review_week(&pain_weeks(&[6], &[6]), &all, week(), Units::Km);
    assert_eq!(r.advice.parameter, Some(LoadParameter::Distance));
    let r = review_week(&pain_weeks(&[6], &[6]), &[], week(), Units::Km);
    assert_eq!(r.advice.verdict, Verdict::RestrictFurther);
    assert_eq!(r.advice.parameter, None);
    assert!(r.advice.headline.contains("distance, running time or hills"));
}

#[test]
fn a_first_week_is_a_baseline_not_a_guess() {
    let r = review_week(&pain_weeks(&[], &[6, 5]), &[], week(), Units::Km);
    assert_eq!(r.advice.verdict, Verdict::Baseline);
    assert_eq!(r.change, None);
    assert!(r.not_judged.iter().any(|n| n.contains("no score last week")), "{:?}", r.not_judged);
}

#[test]
fn a_gap_week_is_not_compared_with_older_scores() {
    // Scores two weeks ago (W45), none in W46, then W47.
    let pain = vec![score("2026-11-03T18:00:00Z", 8), score("2026-11-17T18:00:00Z", 5)];
    let r = review_week(&pain, &[], week(), Units::Km);
    assert_eq!(r.advice.verdict, Verdict::Baseline);
    assert_eq!(r.previous_pain, None);
}

#[test]
fn no_score_this_week_says_so() {
    let r = review_week(&pain_weeks(&[6], &[]), &[run("2026-11-17T07:00:00Z", 5.0)], week(), Units::Km);
    assert_eq!(r.advice.verdict, Verdict::NotEnoughData);
    assert_eq!(r.pain, None);
    assert!(r.not_judged.iter().any(|n| n.contains("no score this week")));
}

#[test]
fn weeks_are_the_runners_local_days() {
    // Sunday 22 Nov, 23:30 in New York is Monday in UTC: it still belongs to W47.
    let late_sunday = score("2026-11-22T23:30:00-05:00", 2);
    let r = review_week(&[score("2026-11-12T18:00:00Z", 6), late_sunday], &[], week(), Units::Km);
    assert_eq!(r.pain.as_ref().map(|p| p.scores), Some(1));
    // Monday 16 Nov 00:30 in Berlin is Sunday in UTC: it belongs to W47 too.
    let early_monday = score("2026-11-16T00:30:00+01:00", 2);
    let r = review_week(&[early_monday], &[], week(), Units::Km);
    assert_eq!(r.pain.map(|p| p.scores), Some(1));
}

#[test]
fn the_key_moment_compares_like_with_like() {
    let pain = vec![
        scored("2026-11-10T18:00:00Z", 7, "1 h after run"),
        scored("2026-11-11T07:00:00Z", 2, "morning"),
        scored("2026-11-17T18:00:00Z", 5, "1 h after run"),
        scored("2026-11-18T07:00:00Z", 1, "morning"),
        scored("2026-11-19T07:00:00Z", 1, "5 km mark"),
        scored("2026-11-20T07:00:00Z", 1, "5 km mark"),
    ];
    // "5 km mark" is scored as often but only this week, so it cannot be compared. The two
    // moments scored in both weeks tie on count; "morning" was used more recently, so it wins.
    let r = review_week(&pain, &[], week(), Units::Km);
    assert_eq!(r.key_moment.as_deref(), Some("morning"));
    assert_eq!(r.pain.as_ref().unwrap().mean, 1.0);
    assert_eq!(r.previous_pain.as_ref().unwrap().mean, 2.0);
}

#[test]
fn scores_at_another_moment_last_week_are_not_compared_and_it_says_why() {
    let pain = vec![scored("2026-11-10T07:00:00Z", 8, "morning"), scored("2026-11-17T18:00:00Z", 5, "1 h after run")];
    let r = review_week(&pain, &[], week(), Units::Km);
    assert_eq!(r.advice.verdict, Verdict::Baseline);
    assert_eq!(r.not_judged.len(), 1, "{:?}", r.not_judged);
    assert!(r.not_judged[0].contains("another moment"), "{:?}", r.not_judged);
}

#[test]
fn a_run_10_percent_longer_is_fine_and_11_percent_longer_warns() {
    let history = run("2026-11-01T07:00:00Z", 10.0);
    let ten = review_week(&[], &[history.clone(), run("2026-11-18T07:00:00Z", 11.0)], week(), Units::Km);
    assert!(ten.warnings.iter().all(|w| w.kind != WarningKind::LongRunSpike), "{:?}", ten.warnings);
    let eleven = review_week(&[], &[history, run("2026-11-18T07:00:00Z", 11.1)], week(), Units::Km);
    let spike = eleven.warnings.iter().find(|w| w.kind == WarningKind::LongRunSpike).expect("a spike");
    assert_eq!(spike.percent_over, 11.0);
    assert!(spike.message.contains("1.64 times"), "{}", spike.message);
}

#[test]
fn the_spike_looks_back_30_days_only() {
    // The 20 km run was 31 days before: outside the window, so the 12 km run compares with 10 km.
    let runs = [
        run("2026-10-17T07:00:00Z", 20.0),
        run("2026-10-20T07:00:00Z", 10.0),
        run("2026-11-17T07:00:00Z", 12.0),
    ];
    let r = review_week(&[], &runs, week(), Units::Km);
    assert_eq!(r.warnings.iter().filter(|w| w.kind == WarningKind::LongRunSpike).count(), 1);
    // With nothing in the 30 days before, it is not judged, and says so.
    let r = review_week(&[], &[run("2026-11-17T07:00:00Z", 12.0)], week(), Units::Km);
    assert!(r.warnings.is_empty());
    assert!(r.not_judged.iter().any(|n| n.contains("long-run spike")));
}

#[test]
fn weekly_distance_up_10_percent_is_fine_and_11_percent_warns() {
    let base = [run("2026-11-10T07:00:00Z", 10.0), run("2026-11-12T07:00:00Z", 10.0)];
    let week_of = |kms: [f64; 2]| {
        let mut all = base.to_vec();
        // Two runs, each no longer than last week's longest plus 10%, so only the weekly rule speaks.
        all.push(run("2026-11-17T07:00:00Z", kms[0]));
        all.push(run("2026-11-19T07:00:00Z", kms[1]));
        review_week(&[], &all, week(), Units::Km)
    };
    assert!(week_of([11.0, 11.0]).warnings.is_empty(), "22 km on 20 km is +10%");
    let r = week_of([11.0, 11.2]);
    let jump = r.warnings.iter().find(|w| w.kind == WarningKind::WeeklyDistanceJump).expect("a jump");
    assert_eq!(jump.percent_over, 11.0);
    assert!(r.warnings.iter().all(|w| w.kind != WarningKind::LongRunSpike));
}

#[test]
fn other_sports_are_not_running_load() {
    let mut ride = run("2026-11-17T07:00:00Z", 60.0);
    ride.sport = Sport::Cycling;
    let r = review_week(&[], &[run("2026-11-10T07:00:00Z", 10.0), ride], week(), Units::Km);
    assert_eq!(r.load.runs, 0);
    assert_eq!(r.load.other_sessions, 1);
    assert!(r.warnings.is_empty());
}

/// Every sentence of a review, to check which unit it speaks.
fn sentences(r: &WeeklyReview) -> Vec<String> {
    let mut all = vec![r.advice.headline.clone(), r.advice.detail.clone()];
    all.extend(r.warnings.iter().map(|w| w.message.clone()));
    all.extend(r.not_judged.iter().cloned());
    all
}

#[test]
fn a_week_reviewed_in_miles_has_the_same_verdict_and_speaks_miles() {
    // Last week 2 x 10 km; this week 2 x 12 km (+20%), the first 20% longer than the longest
    // of the 30 days before; pain 6 -> 2 would begin a gradual return, but a week with a load
    // warning eases back to last week's 20 km instead.
    let runs = [
        run("2026-11-10T07:00:00Z", 10.0),
        run("2026-11-12T07:00:00Z", 10.0),
        run("2026-11-17T07:00:00Z", 12.0),
        run("2026-11-19T07:00:00Z", 12.0),
    ];
    let pain = pain_weeks(&[6], &[2]);
    let km = review_week(&pain, &runs, week(), Units::Km);
    let mi = review_week(&pain, &runs, week(), Units::Mi);

    assert_eq!(km.advice.verdict, Verdict::EaseBack);
    assert_eq!(mi.advice.verdict, km.advice.verdict);
    // The numbers the UI and the report draw with stay in km whatever the units.
    assert_eq!(km.advice.next_week_distance_km, Some(20.0));
    assert_eq!(mi.advice.next_week_distance_km, Some(20.0));
    assert_eq!(mi.load, km.load);
    assert_eq!(mi.load.distance_km, 24.0);
    let kinds = |r: &WeeklyReview| r.warnings.iter().map(|w| (w.kind, w.percent_over)).collect::<Vec<_>>();
    assert_eq!(kinds(&mi), kinds(&km));
    assert_eq!(kinds(&km), vec![(WarningKind::LongRunSpike, 20.0), (WarningKind::WeeklyDistanceJump, 20.0)]);

    // 12 km = 7.5 mi; 10 km = 6.2 mi; 24 km = 14.9 mi; 20 km = 12.4 mi.
    assert!(km.advice.detail.contains("(last week: 20.0 km)"), "{}", km.advice.detail);
    assert!(mi.advice.detail.contains("(last week: 12.4 mi)"), "{}", mi.advice.detail);
    assert!(km.warnings[0].message.starts_with("Your 12.0 km run on Tue 17 Nov 2026 was 20% longer than your longest in the 30 days before (10.0 km)."));
    assert!(mi.warnings[0].message.starts_with("Your 7.5 mi run on Tue 17 Nov 2026 was 20% longer than your longest in the 30 days before (6.2 mi)."));
    assert!(km.warnings[1].message.starts_with("You ran 24.0 km this week, 20% more than last week's 20.0 km."));
    assert!(mi.warnings[1].message.starts_with("You ran 14.9 mi this week, 20% more than last week's 12.4 mi."));
    for s in sentences(&mi) {
        assert!(!s.contains("km"), "a km in a miles review: {s}");
    }
}

#[test]
fn the_distance_to_cut_is_given_in_the_runners_units() {
    // Pain unchanged at 6, and this week's 10 km is less than last week's 20: cut distance.
    let runs = [run("2026-11-10T07:00:00Z", 10.0), run("2026-11-12T07:00:00Z", 10.0), run("2026-11-18T07:00:00Z", 10.0)];
    let pain = pain_weeks(&[6], &[6]);
    let km = review_week(&pain, &runs, week(), Units::Km);
    let mi = review_week(&pain, &runs, week(), Units::Mi);
    assert_eq!(km.advice.verdict, Verdict::RestrictFurther);
    assert_eq!((mi.advice.verdict, mi.advice.parameter), (km.advice.verdict, km.advice.parameter));
    assert!(km.advice.detail.contains("(this week 10.0 km)"), "{}", km.advice.detail);
    assert!(mi.advice.detail.contains("(this week 6.2 mi)"), "{}", mi.advice.detail);
    assert_eq!(mi.advice.headline, km.advice.headline);
}

#[test]
fn the_key_moment_example_names_no_unit() {
    let r = review_week(&[], &[], week(), Units::Mi);
    assert_eq!(r.advice.verdict, Verdict::NotEnoughData);
    assert!(r.advice.detail.contains("partway through a run at the same point each time"), "{}", r.advice.detail);
    assert!(!r.advice.detail.contains("km") && !r.advice.detail.contains("mile"), "{}", r.advice.detail);
}

#[test]
fn a_week_whose_distance_rose_fifty_percent_is_never_on_track() {
    // Pain 7 -> 4 (a drop of 3: on track on its own), but 10 km last week and 15 km this week.
    let runs = [run("2026-11-10T07:00:00Z", 5.0), run("2026-11-12T07:00:00Z", 5.0), run("2026-11-17T07:00:00Z", 7.5), run("2026-11-19T07:00:00Z", 7.5)];
    let r = review_week(&pain_weeks(&[7], &[4]), &runs, week(), Units::Km);
    assert!(r.warnings.iter().any(|w| w.kind == WarningKind::WeeklyDistanceJump && w.percent_over == 50.0), "{:?}", r.warnings);
    assert_eq!(r.advice.verdict, Verdict::EaseBack);
    assert!(!r.advice.headline.contains("on track"), "{}", r.advice.headline);
    assert_eq!(r.advice.next_week_distance_km, Some(10.0), "back to last week's load");
    // The same pain with steady load is on track.
    let steady = [run("2026-11-10T07:00:00Z", 5.0), run("2026-11-12T07:00:00Z", 5.0), run("2026-11-17T07:00:00Z", 5.0), run("2026-11-19T07:00:00Z", 5.0)];
    assert_eq!(review_week(&pain_weeks(&[7], &[4]), &steady, week(), Units::Km).advice.verdict, Verdict::Hold);
}

#[test]
fn the_thresholds_come_from_the_knowledge_with_their_sources() {
    let k = knowledge();
    assert_eq!((k.weekly_loop.return_at, k.weekly_loop.on_track_drop, k.growth_percent()), (3.0, 2.0, 10));
    assert_eq!(k.spike.window_days, 30);
    assert_eq!([k.hazard(10.5), k.hazard(30.0), k.hazard(30.1), k.hazard(100.0), k.hazard(250.0)], [1.64, 1.64, 1.52, 1.52, 2.28]);
    assert_eq!(k.weekly_loop.on_track_drop_src, "farrar2001");
}

