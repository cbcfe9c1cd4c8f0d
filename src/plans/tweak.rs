//! The protocol for a recurrence: a calf that "tweaks" again after it had recovered.

use crate::engine::{Triage, DISCLAIMER};

use super::build::{fact, most_urgent_first, phase, section, sign};
use super::knowledge::{self, TimedFact};
use super::{Item, Plan, SectionKind};

/// The plan for a recurrence. It needs no assessment: it is the same for any calf that flares up
/// again, and it says when the flare should be treated as a new injury and assessed.
pub fn tweak_plan() -> Plan {
    let common = knowledge::common();
    let t = &common.tweak;
    let timed = |s: &TimedFact| Item { text: s.text.clone(), label: Some(s.when.clone()), act: None, condition: None, source: s.source.clone(), opens: None };
    let steps = &t.steps;

    let structural = &t.structural_sign;
    let mut safety = vec![Item {
        text: structural.sign.clone(),
        label: Some(structural.when.clone()),
        act: Some(structural.act),
        condition: None,
        source: structural.source.clone(),
        opens: None,
    }];
    safety.extend(common.safety_net.iter().map(|s| sign(s, None)));

    let mut rehab = section(SectionKind::Rehab, vec![]);
    rehab.phases = [&t.basic_rehab, &t.test].into_iter().map(|p| phase(&p.name, &p.goal, &p.exercises, &p.progress_when, &p.source)).collect();

    let mut load = section(SectionKind::LoadModification, [&steps.passing, &steps.basic_rehab, &steps.test, &steps.structural].into_iter().map(timed).collect());
    load.items.extend(t.keeps_flaring.iter().map(|id| Item { label: Some(t.keeps_flaring_label.clone()), ..fact(common.loop_step(id)) }));

    let sections = vec![
        section(SectionKind::Now, vec![timed(&steps.stop)]),
        section(SectionKind::SafetyNet, most_urgent_first(safety)),
        load,
        rehab,
        section(SectionKind::Support, vec![fact(&common.support_rule)]),
        section(SectionKind::Imaging, common.imaging_warranted.iter().map(fact).collect()),
        section(SectionKind::Recovery, vec![timed(&t.recovery)]),
        section(SectionKind::ReturnToRun, vec![timed(&steps.test), fact(common.loop_step(&t.return_rule))]),
    ];
    Plan {
        title: t.title.clone(),
        triage: Triage::SelfCare,
        triage_advice: t.about.clone(),
        conditions: Vec::new(),
        sections,
        running_stop: None,
        cut_first: None,
        disclaimer: DISCLAIMER.to_string(),
    }
}
