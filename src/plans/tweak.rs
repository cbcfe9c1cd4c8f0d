//! The protocol for a recurrence: a calf that "tweaks" again after it had recovered.

use chrono::NaiveDate;

use crate::engine::{Triage, DISCLAIMER};

use super::build::{fact, most_urgent_first, phase, section, sign};
use super::knowledge::{self, ExerciseRef};
use super::{Item, Plan, RunToday, SectionKind, Today};

/// The plan for a recurrence. It needs no assessment: it is the same for any calf that flares up
/// again, and it says when the flare should be treated as a new injury and assessed.
pub fn tweak_plan() -> Plan {
    let common = knowledge::common();
    let t = &common.tweak;
    let timed = |i: usize| {
        let s = &t.steps[i];
        Item { text: s.text.clone(), label: Some(s.when.clone()), act: None, condition: None, source: s.source.clone(), opens: None }
    };
    let refs = |ids: &[String]| ids.iter().cloned().map(ExerciseRef::Id).collect::<Vec<_>>();

    let mut safety = vec![Item {
        text: "Still feeling the pain or knot after a week: treat it as a structural injury.".into(),
        label: Some("Day 7+".into()),
        act: Some(Triage::Clinician),
        condition: None,
        source: t.source.clone(), opens: None,
    }];
    safety.extend(common.safety_net.iter().map(|s| sign(s, None)));

    let mut rehab = section(SectionKind::Rehab, vec![]);
    rehab.phases = vec![
        phase(
            "Basic rehab (from day 3, if it is still troublesome)",
            "Double-leg strength, hip strength and trunk work, instead of prolonged rest.",
            &refs(&t.basic_rehab),
            &["A week has passed and you can't feel the calf in daily life.".to_string()],
            &t.source,
        ),
        phase(
            "Test (day 7)",
            "Test the calf gently: single-leg calf raises, then a light jog.",
            &refs(&t.test),
            &["It responds well: rebuild your intensity over 2-3 weeks.".to_string()],
            &t.source,
        ),
    ];

    let mut load = section(SectionKind::LoadModification, (1..t.steps.len()).map(timed).collect());
    load.items.extend(common.load_loop.iter().skip(2).take(4).map(|f| Item { label: Some("If it keeps flaring".into()), ..fact(f) }));

    let sections = vec![
        section(SectionKind::Now, vec![timed(0)]),
        section(SectionKind::SafetyNet, most_urgent_first(safety)),
        load,
        rehab,
        section(SectionKind::Support, vec![fact(&common.support_rule)]),
        section(SectionKind::Imaging, common.imaging_warranted.iter().map(fact).collect()),
        section(
            SectionKind::Recovery,
            vec![Item {
                text: "Most tweaks pass within a day or so. Then rebuild over about two weeks; after a week-long flare, over 2-3 weeks.".into(),
                label: Some("about 1-3 weeks".into()),
                act: None,
                condition: None,
                source: t.source.clone(), opens: None,
            }],
        ),
        section(SectionKind::ReturnToRun, vec![timed(3), fact(&common.load_loop[6])]),
    ];
    Plan {
        title: "Plan for a recurring calf tweak".into(),
        triage: Triage::SelfCare,
        triage_advice: t.about.clone(),
        conditions: Vec::new(),
        sections,
        running_stop: None,
        cut_first: None,
        running_pauses: Vec::new(),
        injured_on: None,
        runs_once: None,
        confirmed: None,
        disclaimer: DISCLAIMER.to_string(),
    }
}

/// The recurrence protocol's Today card, for the person's `date`: as the protocol's first days
/// say, no running until the calf feels normal in daily life (the protocol itself is the same
/// whatever the log holds; the weekly loop takes over once running starts again).
pub fn tweak_today(date: NaiveDate) -> Today {
    let t = &knowledge::common().tweak;
    Today {
        date,
        run: RunToday::No,
        headline: t.today.headline.clone(),
        amount: None,
        why: vec![t.today.why.clone()],
        until: Some(t.today.until.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recurrence_protocol_leads_with_one_answer_about_running_that_its_steps_agree_with() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let today = tweak_today(date);
        assert_eq!((today.run, today.date), (RunToday::No, date));
        assert!(today.headline.starts_with("Don't run today"), "{}", today.headline);
        assert!(today.until.as_deref().is_some_and(|u| u.starts_with("Until")));
        assert_eq!(today.why.len(), 1);
        // The protocol's first step agrees: the first days without pushing the calf.
        let plan = tweak_plan();
        let now = plan.section(SectionKind::Now).unwrap();
        assert!(now.items[0].text.contains("Don't push the calf for the next 2-3 days"), "{}", now.items[0].text);
        assert!(today.headline.contains("2-3 days"));
    }
}
