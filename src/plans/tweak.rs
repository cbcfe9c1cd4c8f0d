//! The protocol for a recurrence: a calf that "tweaks" again after it had recovered.

use chrono::NaiveDate;

use crate::engine::{Triage, DISCLAIMER};

use super::build::{fact, most_urgent_first, phase, section, sign};
use super::knowledge::{self, TimedFact};
use super::{Item, Plan, RunToday, SectionKind, Today};

/// The plan for a recurrence. It needs no assessment: it is the same for any calf that flares up
/// again, and it says when the flare should be treated as a new injury and assessed.
pub fn tweak_plan() -> Plan {
    let common = knowledge::common();
    let t = &common.tweak;
    let timed = |s: &TimedFact| Item { text: s.text.clone(), label: Some(s.when.clone()), act: None, condition: None, source: s.source.clone(), opens: None, cite: None };
    let steps = &t.steps;

    let structural = &t.structural_sign;
    let mut safety = vec![Item {
        text: structural.sign.clone(),
        label: Some(structural.when.clone()),
        act: Some(structural.act),
        condition: None,
        source: structural.source.clone(),
        opens: None,
        cite: None,
    }];
    safety.extend(common.safety_net.iter().map(|s| sign(s, None)));

    let mut rehab = section(SectionKind::Rehab, vec![]);
    rehab.phases = [&t.basic_rehab, &t.test].into_iter().map(|p| phase(&p.name, &p.goal, &p.exercises, &p.progress_when, &p.source, p.exit_stage.as_deref())).collect();

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
        running_pauses: Vec::new(),
        injured_on: None,
        runs_once: None,
        confirmed: None,
        sources: Vec::new(),
        disclaimer: DISCLAIMER.to_string(),
    }
    .numbered()
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
