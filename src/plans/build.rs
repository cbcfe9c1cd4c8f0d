//! Building a plan from an assessment: pick the conditions, then fill each section in order.

use crate::engine::{Assessment, Ranked, Triage, DISCLAIMER};
use crate::exercises;

use super::knowledge::{self, ConditionPlan, Fact, LoadParameter, Sign, StopRunning};
use super::{Item, Opens, Plan, PlanCondition, PlannedExercise, RehabPhase, Role, RunningPause, RunningStop, Section, SectionKind};
use crate::log::review;

/// At most this many still-open conditions, so the plan stays readable.
const MAX_OPEN: usize = 3;

/// Advice that follows from this assessment itself (its triage, its red flags, its differential)
/// cites no publication: the source list shows none for it.
const FROM_THE_ASSESSMENT: &str = "";

struct Picked<'a> {
    ranked: &'a Ranked,
    kb: &'a ConditionPlan,
}

/// The management plan for an assessment: the top condition, plus the serious conditions still
/// open. Urgent and emergency triage put the care instruction first and hold back rehab; an
/// emergency plan names no exercises.
pub fn plan(a: &Assessment) -> Plan {
    let kb = knowledge::conditions();
    let top = a.top().and_then(|r| kb.get(&*r.condition).map(|k| Picked { ranked: r, kb: k }));
    let open: Vec<Picked> = a
        .differential
        .iter()
        .skip(1)
        .filter_map(|r| kb.get(&*r.condition).map(|k| Picked { ranked: r, kb: k }))
        .filter(|p| p.kb.serious && p.kb.still_open_at.is_some_and(|at| p.ranked.probability >= at))
        .take(MAX_OPEN)
        .collect();

    let mut conditions: Vec<PlanCondition> = Vec::new();
    for (p, role) in top.iter().map(|p| (p, Role::Top)).chain(open.iter().map(|p| (p, Role::StillOpen))) {
        conditions.push(PlanCondition {
            condition: p.ranked.condition.to_string(),
            name: p.ranked.name.to_string(),
            probability: p.ranked.probability,
            role,
            about: p.kb.about.clone(),
        });
    }

    let b = Builder { a, top: top.as_ref(), open: &open };
    let mut sections = Vec::new();
    if a.triage >= Triage::Urgent {
        sections.push(b.care());
    }
    sections.extend([b.now(), b.safety_net(), b.load(), b.rehab(), b.support(), b.imaging(), b.recovery(), b.return_to_run()]);

    // Until a clinician has examined and confirmed the cause, the plan is conditional on it.
    let title = match &top {
        Some(p) => format!("If this is: {}", p.ranked.name),
        None => "Plan: cause not yet clear".to_string(),
    };
    let running_stop = b.stopped_by().map(|(p, stop)| RunningStop {
        condition: p.ranked.condition.to_string(),
        role: if top.as_ref().is_some_and(|t| std::ptr::eq(p, t)) { Role::Top } else { Role::StillOpen },
        until: stop.until.clone(),
        source: stop.source.clone(),
    });
    let cut_first = top.as_ref().and_then(|t| match t.kb.load.parameter {
        LoadParameter::Distance => Some(review::LoadParameter::Distance),
        LoadParameter::Time => Some(review::LoadParameter::Time),
        LoadParameter::Elevation => Some(review::LoadParameter::Elevation),
        LoadParameter::Stop => None,
    });
    let running_pauses = b.running_pauses();
    Plan {
        title,
        triage: a.triage,
        triage_advice: a.triage.advice().to_string(),
        conditions,
        sections,
        running_stop,
        running_pauses,
        injured_on: None,
        runs_once: if cut_first.is_some() { top.as_ref().and_then(|t| t.kb.load.runs_once.clone()) } else { None },
        cut_first,
        confirmed: None,
        sources: Vec::new(),
        disclaimer: DISCLAIMER.to_string(),
    }
    .numbered()
}

struct Builder<'a> {
    a: &'a Assessment,
    top: Option<&'a Picked<'a>>,
    open: &'a [Picked<'a>],
}

pub(super) fn fact(f: &Fact) -> Item {
    Item { text: f.text.clone(), label: None, act: None, condition: None, source: f.source.clone(), opens: None, cite: None }
}

pub(super) fn sign(s: &Sign, condition: Option<&str>) -> Item {
    Item { text: s.sign.clone(), label: None, act: Some(s.act), condition: condition.map(str::to_string), source: s.source.clone(), opens: None, cite: None }
}

pub(super) fn section(kind: SectionKind, items: Vec<Item>) -> Section {
    Section { kind, title: kind.title().to_string(), held_back: None, items, phases: Vec::new() }
}

/// The most urgent signs first; a stable sort, so earlier items lead within a level.
pub(super) fn most_urgent_first(mut items: Vec<Item>) -> Vec<Item> {
    items.sort_by_key(|i| std::cmp::Reverse(i.act));
    items
}

fn about(mut item: Item, condition: &str) -> Item {
    item.condition = Some(condition.to_string());
    item
}

/// A rehab phase with its exercises resolved against the library.
pub(super) fn phase(name: &str, goal: &str, refs: &[knowledge::ExerciseRef], progress_when: &[String], source: &str, exit_stage: Option<&str>) -> RehabPhase {
    let exercises = refs
        .iter()
        .map(|r| {
            let e = exercises::find(r.id()).unwrap_or_else(|e| panic!("plan knowledge names {e}"));
            let (note, dose) = match r {
                knowledge::ExerciseRef::Id(_) => (None, None),
                knowledge::ExerciseRef::Dosed { note, prescription, .. } => (note.clone(), prescription.clone()),
            };
            let prescription = dose.unwrap_or_else(|| e.prescription.clone());
            PlannedExercise { id: e.id.clone(), name: e.name.clone(), dose: prescription.dose(), prescription, note, sources: e.sources.clone(), cites: Vec::new() }
        })
        .collect();
    RehabPhase { name: name.to_string(), goal: goal.to_string(), exercises, progress_when: progress_when.to_vec(), source: source.to_string(), cite: None, exit_stage: exit_stage.map(str::to_string) }
}

impl<'a> Builder<'a> {
    fn emergency(&self) -> bool {
        self.a.triage == Triage::Emergency
    }

    fn urgent(&self) -> bool {
        self.a.triage >= Triage::Urgent
    }

    /// A condition present (top or open) whose plan rules out ice, compression and raising the leg.
    fn forbids_rice(&self) -> bool {
        self.top.into_iter().chain(self.open.iter()).any(|p| p.kb.no_ice_or_compression)
    }

    /// The most likely cause is a sudden injury whose plan starts with the first 48 hours'
    /// protection, ice, compression and elevation.
    fn first_48_hours(&self) -> bool {
        self.top.is_some_and(|t| t.kb.acute) && !self.emergency() && !self.forbids_rice()
    }

    /// The phases of the most likely cause's plan that stop running for their first days: the
    /// first 48 hours when the plan starts with them, and any rehab phase the knowledge marks.
    fn running_pauses(&self) -> Vec<RunningPause> {
        let pause = |phase: &str, stop: &knowledge::PhaseStop| RunningPause { phase: phase.to_string(), why: stop.why.clone(), days: stop.days, source: stop.source.clone() };
        let first = knowledge::common().first_48_hours_phase.clone();
        let first = self.first_48_hours().then(|| pause(&first.name, &first.stops_running));
        let rehab = self.top.into_iter().flat_map(|t| t.kb.rehab.iter()).filter_map(|p| p.stops_running.as_ref().map(|s| pause(&p.name, s)));
        first.into_iter().chain(rehab).collect()
    }

    /// The condition that stops running and until when: the most likely cause when its plan
    /// stops running, else the first still-open one that stops it even while only suspected.
    pub(super) fn stopped_by(&self) -> Option<(&'a Picked<'a>, &'a StopRunning)> {
        let top = self.top.filter(|t| t.kb.load.parameter == LoadParameter::Stop).and_then(|t| t.kb.stop_running.as_ref().map(|s| (t, s)));
        top.or_else(|| self.open.iter().find_map(|p| p.kb.stop_running.as_ref().filter(|s| s.also_when_open).map(|s| (p, s))))
    }

    /// Stopped by a still-open condition rather than by the most likely cause's own plan.
    fn stopped_while_open(&self) -> Option<(&'a Picked<'a>, &'a StopRunning)> {
        self.stopped_by().filter(|(p, _)| !self.top.is_some_and(|t| std::ptr::eq(*p, t)))
    }

    fn triage_item(&self) -> Item {
        Item { text: self.a.triage.advice().to_string(), label: None, act: Some(self.a.triage), condition: None, source: FROM_THE_ASSESSMENT.into(), opens: None, cite: None }
    }

    fn care(&self) -> Section {
        let mut items = vec![self.triage_item()];
        for rf in &self.a.red_flags {
            items.push(Item {
                text: rf.message.to_string(),
                label: None,
                act: Some(rf.triage),
                condition: None,
                source: FROM_THE_ASSESSMENT.into(), opens: None, cite: None,
            });
        }
        // Say which serious causes are behind the urgency, so the person can tell the doctor.
        let serious = self.top.into_iter().filter(|t| t.kb.serious).chain(self.open.iter());
        for p in serious {
            items.push(Item {
                text: review::fill(&knowledge::common().says.tell_worry, &[("cause", &p.ranked.name)]),
                label: None,
                act: None,
                condition: None,
                source: FROM_THE_ASSESSMENT.into(), opens: None, cite: None,
            });
        }
        section(SectionKind::Care, items)
    }

    fn now(&self) -> Section {
        let mut items = Vec::new();
        let common = knowledge::common();
        if self.emergency() {
            items.push(Item { act: Some(Triage::Emergency), ..fact(&common.says.while_waiting) });
        }
        if let Some(t) = self.top {
            if self.first_48_hours() {
                items.extend(common.first_48_hours.iter().map(|f| Item { label: Some(common.first_48_hours_phase.name.clone()), ..fact(f) }));
            }
            // In an emergency, only the top condition's own emergency steps belong here, not
            // self-care advice for a lesser cause.
            if !self.emergency() || t.kb.serious {
                items.extend(t.kb.now.iter().map(fact));
            }
        } else if self.urgent() && !self.emergency() {
            items.push(Item { text: common.says.stop_until_seen.clone(), label: None, act: Some(self.a.triage), condition: None, source: FROM_THE_ASSESSMENT.into(), opens: None, cite: None });
        } else if !self.emergency() {
            items.push(fact(common.loop_step(knowledge::LOOP_START)));
        }
        for p in self.open {
            if let Some(w) = &p.kb.while_open {
                items.push(about(fact(w), &p.kb.id));
            }
        }
        section(SectionKind::Now, items)
    }

    fn safety_net(&self) -> Section {
        let mut items = Vec::new();
        if let Some(t) = self.top {
            items.extend(t.kb.safety_net.iter().map(|s| sign(s, None)));
        }
        for p in self.open {
            items.extend(p.kb.safety_net.iter().map(|s| sign(s, Some(&p.kb.id))));
        }
        let in_plan = |id: &String| self.top.into_iter().chain(self.open.iter()).any(|p| &p.kb.id == id);
        let general = knowledge::common().safety_net.iter().filter(|s| !s.covered_by.iter().any(in_plan));
        items.extend(general.map(|s| sign(s, None)));
        section(SectionKind::SafetyNet, most_urgent_first(items))
    }

    fn load(&self) -> Section {
        let mut items = Vec::new();
        if self.urgent() {
            items.push(Item { text: knowledge::common().says.no_training_until_seen.clone(), label: None, act: Some(self.a.triage), condition: None, source: FROM_THE_ASSESSMENT.into(), opens: None, cite: None });
        }
        let stopped = self.stopped_by();
        if let (false, Some((p, stop))) = (self.urgent(), stopped) {
            items.push(Item {
                text: format!("No running until {}", stop.until),
                label: Some("Running".into()),
                act: None,
                condition: (!self.top.is_some_and(|t| std::ptr::eq(p, t))).then(|| p.kb.id.clone()),
                source: stop.source.clone(), opens: None, cite: None,
            });
        }
        if let Some(t) = self.top {
            let l = &t.kb.load;
            let cut = match l.parameter {
                LoadParameter::Distance => "Cut first: distance.",
                LoadParameter::Time => "Cut first: time (the duration of each run).",
                LoadParameter::Elevation => "Cut first: elevation (run flat, leave out hills).",
                // The condition's own text says why, and until when.
                LoadParameter::Stop => "",
            };
            // A still-open cause that stops running overrides how the top cause would cut it, and
            // what to do meanwhile is what suits the cause that stops it.
            let l = match self.stopped_while_open() {
                None => {
                    items.push(Item { text: format!("{cut} {}", l.text).trim_start().to_string(), label: None, act: None, condition: None, source: l.source.clone(), opens: None, cite: None });
                    l
                }
                Some((p, _)) => &p.kb.load,
            };
            if !l.cross_training.is_empty() {
                items.push(Item { text: l.cross_training.clone(), label: Some("Meanwhile".into()), act: None, condition: None, source: l.source.clone(), opens: None, cite: None });
            }
        }
        // The weekly loop is for running with pain, not for a leg that must not run yet.
        let stopped = stopped.is_some() || self.top.is_some_and(|t| t.kb.load.parameter == LoadParameter::Stop);
        if !self.urgent() && !stopped {
            for (i, f) in knowledge::common().load_loop.iter().enumerate() {
                let mut item = fact(f);
                item.label = Some(format!("Weekly loop {}", i + 1));
                items.push(item);
            }
        }
        section(SectionKind::LoadModification, items)
    }

    fn rehab(&self) -> Section {
        let common = knowledge::common();
        let mut s = section(SectionKind::Rehab, Vec::new());
        let Some(t) = self.top else {
            s.held_back = Some(common.says.unclear_cause.clone());
            return s;
        };
        if self.urgent() || !t.kb.self_rehab {
            s.held_back = Some(if self.urgent() {
                common.held_back.text.clone()
            } else {
                common.says.clinician_sets_rehab.clone()
            });
            if !self.emergency() {
                s.items = t.kb.rehab.iter().map(|p| Item { text: p.goal.clone(), label: Some(p.name.clone()), act: None, condition: None, source: p.source.clone(), opens: None, cite: None }).collect();
            }
            return s;
        }
        for p in self.open {
            if let Some(w) = &p.kb.while_open {
                s.items.push(about(fact(w), &p.kb.id));
            }
        }
        s.phases = t.kb.rehab.iter().map(|p| phase(&p.name, &p.goal, &p.exercises, &p.progress_when, &p.source, p.exit_stage.as_deref())).collect();
        // What a still-open serious condition rules out waits until it is ruled out.
        for p in self.open {
            let mut left_out: Vec<String> = Vec::new();
            for ph in &mut s.phases {
                ph.exercises.retain(|e| {
                    let avoid = p.kb.avoid_while_open.contains(&e.id);
                    if avoid && !left_out.contains(&e.name) {
                        left_out.push(e.name.clone());
                    }
                    !avoid
                });
            }
            if !left_out.is_empty() {
                let text = review::fill(&knowledge::common().says.left_out, &[("cause", &p.ranked.name), ("exercises", &left_out.join(", "))]);
                let source = p.kb.while_open.as_ref().map_or_else(|| p.kb.imaging.source.clone(), |w| w.source.clone());
                s.items.push(Item { text, label: None, act: None, condition: Some(p.kb.id.clone()), source, opens: None, cite: None });
            }
        }
        s
    }

    fn support(&self) -> Section {
        // The general rule is for choosing supports yourself, not when care comes first.
        let mut items = if self.urgent() { Vec::new() } else { vec![fact(&knowledge::common().support_rule)] };
        if let Some(t) = self.top {
            for sp in &t.kb.support {
                // "None" entries say why nothing helps; they serve no cause.
                let (text, label) = match sp.item.as_str() {
                    "None" => (sp.text.clone(), None),
                    _ => (format!("Only for {}. {}", lower_first(&sp.for_cause), sp.text), Some(sp.item.clone())),
                };
                items.push(Item { text, label, act: None, condition: None, source: sp.source.clone(), opens: None, cite: None });
            }
        }
        if items.is_empty() {
            items.push(fact(&knowledge::common().support_rule));
        }
        section(SectionKind::Support, items)
    }

    fn imaging(&self) -> Section {
        let mut items: Vec<Item> = Vec::new();
        let listed = self.top.iter().map(|p| (*p, None)).chain(self.open.iter().map(|p| (p, Some(p.kb.id.clone()))));
        for (p, cond) in listed {
            let im = &p.kb.imaging;
            items.push(Item { text: im.warranted.clone(), label: Some("When to scan".into()), act: None, condition: cond.clone(), source: im.source.clone(), opens: None, cite: None });
            for sc in &im.scans {
                items.push(Item { text: sc.question.clone(), label: Some(sc.scan.clone()), act: None, condition: cond.clone(), source: sc.source.clone(), opens: None, cite: None });
            }
        }
        // "Ask about a scan if it hasn't improved in a few weeks" has no place in an emergency.
        let general = &knowledge::common().imaging_warranted;
        if !self.urgent() {
            items.extend(general.iter().map(fact));
        } else if items.is_empty() {
            items.push(fact(general.last().expect("imaging_warranted is not empty")));
        }
        section(SectionKind::Imaging, items)
    }

    fn recovery(&self) -> Section {
        let items = match self.top {
            Some(t) => {
                let r = &t.kb.recovery;
                let span = if r.weeks[0] == r.weeks[1] { format!("about {} weeks", r.weeks[0]) } else { format!("about {}-{} weeks", r.weeks[0], r.weeks[1]) };
                vec![Item { text: r.text.clone(), label: Some(span), act: None, condition: None, source: r.source.clone(), opens: None, cite: None }]
            }
            None => vec![fact(&knowledge::common().says.recovery_unknown)],
        };
        section(SectionKind::Recovery, items)
    }

    fn return_to_run(&self) -> Section {
        let mut items = Vec::new();
        if let Some(t) = self.top {
            let r = &t.kb.return_to_run;
            // The top cause's return waits for the still-open one that stops running.
            let (ready, then) = match self.stopped_while_open() {
                Some((p, stop)) => {
                    items.push(Item { text: format!("No running until {}", stop.until), label: Some("First".into()), act: None, condition: Some(p.kb.id.clone()), source: stop.source.clone(), opens: None, cite: None });
                    let once = format!("Once {} is ruled out", lower_first(&p.ranked.name));
                    (format!("{once}, ready when"), once)
                }
                None => ("Ready when".to_string(), "Then".to_string()),
            };
            items.extend(r.criteria.iter().map(|c| Item { text: c.clone(), label: Some(ready.clone()), act: None, condition: None, source: r.source.clone(), opens: None, cite: None }));
            items.push(Item { text: r.text.clone(), label: Some(then), act: None, condition: None, source: r.source.clone(), opens: None, cite: None });
            if t.kb.recurs && !self.urgent() {
                items.push(Item { label: Some("If it flares again".into()), opens: Some(Opens::RecurrenceProtocol), ..fact(&knowledge::common().if_it_recurs) });
            }
        } else {
            items.push(fact(knowledge::common().loop_step(knowledge::LOOP_RETURN)));
        }
        section(SectionKind::ReturnToRun, items)
    }
}

/// "Flat feet..." reads as "for flat feet..."; acronyms ("DVT ...") keep their case.
pub(super) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), s.chars().nth(1)) {
        (Some(f), Some(second)) if !second.is_uppercase() => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}
