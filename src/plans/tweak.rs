//! The protocol for a recurrence: a calf that "tweaks" again after it had recovered.

use crate::engine::{Triage, DISCLAIMER};

use super::build::{fact, most_urgent_first, phase, section, sign};
use super::knowledge::{self, ExerciseRef};
use super::{Item, Plan, SectionKind};

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
        disclaimer: DISCLAIMER.to_string(),
    }
}
