//! Plans: every condition gets every section, exercises resolve, and triage shapes the plan.

use std::collections::HashSet;

use soleus::engine::{Assessment, Ranked, RedFlag, Triage, DISCLAIMER};
use soleus::exercises;
use soleus::plans::{self, knowledge, text, Plan, Role, SectionKind};

fn vocabulary() -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(include_str!("../knowledge/vocabulary.json")).unwrap();
    v["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap().to_string(), c["name"].as_str().unwrap().to_string()))
        .collect()
}

fn name_of(id: &str) -> String {
    vocabulary().into_iter().find(|(i, _)| i == id).map(|(_, n)| n).unwrap_or_else(|| panic!("{id}"))
}

fn ranked(id: &str, p: f64) -> Ranked {
    Ranked { condition: id.to_owned().into(), name: name_of(id).into(), probability: p, why: vec![] }
}

fn assessment(triage: Triage, differential: Vec<Ranked>, red_flags: Vec<RedFlag>) -> Assessment {
    Assessment {
        triage,
        triage_advice: triage.advice().into(),
        red_flags,
        differential,
        none_fits: None,
        wells_score: None,
        wells: None,
        next_questions: vec![],
        disclaimer: DISCLAIMER.into(),
        engine_version: "test".into(),
    }
}

fn kinds(p: &Plan) -> Vec<SectionKind> {
    p.sections.iter().map(|s| s.kind).collect()
}

fn all_text(p: &Plan) -> String {
    serde_json::to_string(p).unwrap()
}

#[test]
fn the_knowledge_covers_exactly_the_vocabulary_conditions() {
    let vocab: HashSet<String> = vocabulary().into_iter().map(|(id, _)| id).collect();
    let kb: HashSet<String> = knowledge::conditions().keys().cloned().collect();
    assert_eq!(vocab, kb);
}

#[test]
fn every_condition_gets_a_plan_with_every_section_in_order() {
    for (id, _) in vocabulary() {
        let p = plans::plan(&assessment(Triage::Clinician, vec![ranked(&id, 0.7)], vec![]));
        assert_eq!(kinds(&p), SectionKind::ORDER.to_vec(), "{id}");
        for s in &p.sections {
            let has_content = !s.items.is_empty() || !s.phases.is_empty() || s.held_back.is_some();
            assert!(has_content, "{id}: empty section {:?}", s.kind);
        }
        assert_eq!(p.disclaimer, DISCLAIMER, "{id}");
        let net = p.section(SectionKind::SafetyNet).unwrap();
        assert!(net.items.iter().any(|i| i.act.is_some()), "{id}: says when to seek care");
        assert_eq!(p.conditions[0].condition, id);
        assert_eq!(p.conditions[0].role, Role::Top);
    }
}

#[test]
fn every_exercise_a_plan_names_exists_and_every_phase_says_when_to_move_on() {
    for (id, kb) in knowledge::conditions() {
        for phase in &kb.rehab {
            assert!(!phase.progress_when.is_empty(), "{id}: {} has no criteria", phase.name);
            for r in &phase.exercises {
                assert!(exercises::find(r.id()).is_ok(), "{id}: unknown exercise {}", r.id());
            }
        }
        let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked(id, 0.8)], vec![]));
        for e in p.exercises() {
            assert!(exercises::find(&e.id).is_ok());
            // The one wording of a dose, given beside the numbers for the app to show.
            assert_eq!(e.dose, e.prescription.dose(), "{}", e.id);
        }
        if kb.self_rehab {
            assert!(p.exercises().count() >= 4, "{id}: a self-managed condition gets a programme");
        } else {
            assert_eq!(p.exercises().count(), 0, "{id}: clinician-led rehab names no exercises");
        }
    }
}

#[test]
fn every_fact_has_a_source() {
    for (id, kb) in knowledge::conditions() {
        let mut sources: Vec<&str> = vec![&kb.load.source, &kb.imaging.source, &kb.recovery.source, &kb.return_to_run.source];
        sources.extend(kb.now.iter().map(|f| f.source.as_str()));
        sources.extend(kb.safety_net.iter().map(|f| f.source.as_str()));
        sources.extend(kb.rehab.iter().map(|f| f.source.as_str()));
        sources.extend(kb.support.iter().map(|f| f.source.as_str()));
        sources.extend(kb.imaging.scans.iter().map(|f| f.source.as_str()));
        assert!(sources.iter().all(|s| s.trim().len() > 5), "{id}: a fact without a source");
        assert!(kb.recovery.weeks[0] <= kb.recovery.weeks[1], "{id}: recovery range");
        assert!(!kb.support.is_empty() && !kb.imaging.scans.is_empty(), "{id}: support and scans");
    }
}

#[test]
fn an_emergency_plan_leads_with_the_care_instruction_and_names_no_exercises() {
    let flag = RedFlag { id: "pe_signs".into(), message: "Chest pain with a swollen calf: call an ambulance.".into(), triage: Triage::Emergency };
    let a = assessment(Triage::Emergency, vec![ranked("gastrocnemius_strain", 0.5), ranked("dvt", 0.3)], vec![flag]);
    let p = plans::plan(&a);
    assert_eq!(p.sections[0].kind, SectionKind::Care);
    assert_eq!(p.sections[0].items[0].text, Triage::Emergency.advice());
    assert_eq!(p.sections[0].items[1].text, "Chest pain with a swollen calf: call an ambulance.");
    assert_eq!(&kinds(&p)[1..], SectionKind::ORDER);
    assert_eq!(p.exercises().count(), 0);
    assert!(p.section(SectionKind::Rehab).unwrap().held_back.is_some());
    // No first-aid for the lesser cause in an emergency: no ice or compression advice.
    let now = serde_json::to_string(p.section(SectionKind::Now).unwrap()).unwrap();
    assert!(!now.contains("15-20 minutes"), "{now}");
    let t = text::render(&p);
    let care = t.find("CALL EMERGENCY SERVICES").expect("care instruction in capitals");
    assert!(care < t.find("1. Get care").unwrap() && care < t.find("2. What to do now").unwrap());
}

#[test]
fn urgent_plans_put_care_first_and_hold_back_rehab() {
    let a = assessment(Triage::Urgent, vec![ranked("achilles_rupture", 0.7), ranked("gastrocnemius_strain", 0.2)], vec![]);
    let p = plans::plan(&a);
    assert_eq!(p.sections[0].kind, SectionKind::Care);
    assert_eq!(p.exercises().count(), 0);
    let rehab = p.section(SectionKind::Rehab).unwrap();
    assert!(rehab.held_back.as_deref().unwrap().contains("held back"));
    assert!(rehab.items.iter().any(|i| i.label.as_deref().unwrap_or("").contains("boot")), "outlines what rehab will be");
    let load = p.section(SectionKind::LoadModification).unwrap();
    assert!(load.items[0].text.contains("Don't run"));
    assert!(!load.items.iter().any(|i| i.label.as_deref().is_some_and(|l| l.starts_with("Weekly loop"))), "no pain-score loop for a leg that must not run");
}

#[test]
fn an_acute_injury_gets_the_first_48_hours() {
    let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked("gastrocnemius_strain", 0.8)], vec![]));
    let now = serde_json::to_string(p.section(SectionKind::Now).unwrap()).unwrap();
    for needle in ["15-20 minutes every 2-3 hours", "never tight", "above the level of your heart", "no heat", "no alcohol", "no running"] {
        assert!(now.contains(needle), "missing {needle}");
    }
    assert_eq!(kinds(&p), SectionKind::ORDER.to_vec(), "no care section below urgent");
    assert!(p.section(SectionKind::Recovery).unwrap().items[0].text.contains("6 weeks"));
    // A gradual-onset condition does not get ice-and-elevate first aid.
    let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked("achilles_tendinopathy", 0.8)], vec![]));
    assert!(!all_text(&p).contains("15-20 minutes every 2-3 hours"));
}

#[test]
fn load_modification_is_the_weekly_pain_score_loop_with_the_parameter_to_cut() {
    let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked("soleus_strain", 0.8)], vec![]));
    let load = p.section(SectionKind::LoadModification).unwrap();
    assert!(load.items[0].text.starts_with("Cut first: elevation"), "{}", load.items[0].text);
    let loop_text = load.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>().join(" ");
    for needle in ["out of 10", "distance, time, or elevation", "for a week", "2 points or more", "3/10 or less", "cut further"] {
        assert!(loop_text.contains(needle), "missing {needle}");
    }
}

#[test]
fn serious_conditions_still_open_bring_their_warnings_precautions_and_scans() {
    let a = assessment(Triage::Clinician, vec![ranked("mtss", 0.6), ranked("tibial_bone_stress", 0.25), ranked("calf_overload", 0.1)], vec![]);
    let p = plans::plan(&a);
    let open: Vec<&str> = p.conditions.iter().filter(|c| c.role == Role::StillOpen).map(|c| c.condition.as_str()).collect();
    assert_eq!(open, ["tibial_bone_stress"], "calf overload is not serious");
    let tagged = |k: SectionKind| p.section(k).unwrap().items.iter().any(|i| i.condition.as_deref() == Some("tibial_bone_stress"));
    assert!(tagged(SectionKind::Now) && tagged(SectionKind::SafetyNet) && tagged(SectionKind::Imaging));
    assert!(tagged(SectionKind::Rehab), "rehab says what to avoid until it is ruled out");
    // Below the threshold, a serious condition is not listed.
    let a = assessment(Triage::Clinician, vec![ranked("mtss", 0.9), ranked("tibial_bone_stress", 0.01)], vec![]);
    assert_eq!(plans::plan(&a).conditions.len(), 1);
}

#[test]
fn a_possible_compartment_syndrome_removes_compression_and_elevation() {
    let a = assessment(Triage::Urgent, vec![ranked("gastrocnemius_strain", 0.6), ranked("acute_compartment_syndrome", 0.2)], vec![]);
    let now = serde_json::to_string(plans::plan(&a).section(SectionKind::Now).unwrap()).unwrap();
    assert!(!now.contains("above the level of your heart"));
    assert!(now.contains("don't raise the leg above the heart"));
}

#[test]
fn the_safety_net_lists_the_most_urgent_signs_first() {
    for (id, _) in vocabulary() {
        let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked(&id, 0.9)], vec![]));
        let acts: Vec<Triage> = p.section(SectionKind::SafetyNet).unwrap().items.iter().filter_map(|i| i.act).collect();
        assert!(acts.windows(2).all(|w| w[0] >= w[1]), "{id}: {acts:?}");
    }
}

#[test]
fn support_is_offered_only_with_the_cause_it_serves() {
    let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked("calf_overload", 0.9)], vec![]));
    let support = p.section(SectionKind::Support).unwrap();
    assert!(support.items[0].text.contains("no fix-all"));
    for i in &support.items[1..] {
        assert!(i.text.starts_with("Only for "), "{}", i.text);
        assert!(i.label.is_some());
    }
}

#[test]
fn an_empty_differential_still_gives_a_safe_plan() {
    for t in Triage::ALL {
        let p = plans::plan(&assessment(t, vec![], vec![]));
        assert_eq!(kinds(&p).ends_with(&SectionKind::ORDER), true);
        assert_eq!(p.exercises().count(), 0);
        assert!(p.section(SectionKind::Rehab).unwrap().held_back.is_some());
        for s in &p.sections {
            assert!(!s.items.is_empty() || s.held_back.is_some(), "{t:?}: empty {:?}", s.kind);
        }
    }
}

#[test]
fn the_tweak_protocol_is_a_plan_of_its_own() {
    let p = plans::tweak_plan();
    assert_eq!(kinds(&p), SectionKind::ORDER.to_vec());
    let t = all_text(&p);
    for needle in ["2-3 days", "two weeks", "After 3 days".to_lowercase().as_str(), "single-leg calf raises and a light jog", "structural injury"] {
        assert!(t.to_lowercase().contains(&needle.to_lowercase()), "missing {needle}");
    }
    let ids: Vec<&str> = p.exercises().map(|e| e.id.as_str()).collect();
    for id in ["bodyweight_squat", "glute_bridge", "front_plank", "single_leg_calf_raise", "walk_jog_intervals"] {
        assert!(ids.contains(&id), "missing {id}");
    }
    let labels: Vec<&str> = p.sections.iter().flat_map(|s| s.items.iter()).filter_map(|i| i.label.as_deref()).collect();
    for day in ["Day 0", "Day 1", "Day 3", "Day 7", "Day 7+"] {
        assert!(labels.contains(&day), "missing {day}");
    }
}

#[test]
fn a_plan_round_trips_through_json() {
    let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked("achilles_tendinopathy", 0.8)], vec![]));
    let back: Plan = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
}

#[test]
fn the_text_plan_lists_sections_in_order_with_doses_and_sources() {
    let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked("achilles_tendinopathy", 0.8)], vec![]));
    let t = text::render(&p);
    let mut at = 0;
    for (i, k) in SectionKind::ORDER.iter().enumerate() {
        let head = format!("{}. {}", i + 1, k.title());
        let pos = t[at..].find(&head).unwrap_or_else(|| panic!("{head} out of order"));
        at += pos;
    }
    assert!(t.contains("Heavy slow resistance calf raise: 3 sets x 15 reps each side"));
    assert!(t.contains("Sources:\n  [1] "));
    assert!(t.lines().all(|l| l.chars().count() <= 92), "lines fit the page");
}

#[test]
fn every_exercise_a_condition_prescribes_lists_that_condition() {
    let mut missing = Vec::new();
    for (id, kb) in knowledge::conditions() {
        for phase in &kb.rehab {
            for r in &phase.exercises {
                let e = exercises::find(r.id()).unwrap();
                if !e.conditions.contains(id) {
                    missing.push(format!("{} -> {id}", e.id));
                }
            }
        }
    }
    missing.sort();
    assert!(missing.is_empty(), "prescribed but not listed: {missing:?}");
}

#[test]
fn every_text_plan_fits_a_terminal_and_cites_every_source_it_uses() {
    let mut all: Vec<Plan> = vocabulary()
        .iter()
        .flat_map(|(id, _)| Triage::ALL.map(|t| plans::plan(&assessment(t, vec![ranked(id, 0.8)], vec![]))))
        .collect();
    all.push(plans::tweak_plan());
    for p in &all {
        let t = text::render(p);
        assert!(t.lines().all(|l| l.chars().count() <= 92), "{}: a line is too long", p.title);
        let (body, sources) = t.split_once("\nSources:\n").expect("a sources list");
        let listed = sources.lines().filter(|l| l.starts_with("  [")).count();
        // Marks are "[3]" or, after an exercise, "[3, 9]" (which may wrap after its comma).
        let cited: Vec<usize> = body
            .split('[')
            .skip(1)
            .filter_map(|s| s.split_once(']'))
            .flat_map(|(inner, _)| inner.split(',').filter_map(|n| n.trim().parse().ok()).collect::<Vec<usize>>())
            .collect();
        let highest = cited.iter().copied().max().unwrap_or(0);
        assert!(listed > 0 && highest == listed, "{}: cites up to [{highest}] but lists {listed}", p.title);
        assert!((1..=listed).all(|n| cited.contains(&n)), "{}: a listed source is never cited", p.title);
        assert!(t.contains("Soleus is not a diagnosis"), "{}", p.title);
    }
}

#[test]
fn a_recurring_calf_problem_points_to_the_tweak_protocol() {
    let rtr = |id: &str| {
        let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked(id, 0.8)], vec![]));
        serde_json::to_string(p.section(SectionKind::ReturnToRun).unwrap()).unwrap()
    };
    // A button beside the item opens the protocol; the text names no command.
    assert!(rtr("calf_overload").contains("\"opens\":\"recurrence_protocol\""));
    assert!(rtr("calf_overload").contains("recurrence protocol"));
    assert!(!rtr("calf_overload").contains("soleus "));
    assert!(!rtr("meniscus_tear").contains("recurrence_protocol"));
}

#[test]
fn exercises_a_still_open_serious_condition_rules_out_are_left_out() {
    for (id, kb) in knowledge::conditions() {
        for e in &kb.avoid_while_open {
            assert!(exercises::find(e).is_ok(), "{id}: unknown exercise {e}");
        }
    }
    let a = assessment(Triage::Clinician, vec![ranked("gastrocnemius_strain", 0.6), ranked("achilles_rupture", 0.1)], vec![]);
    let p = plans::plan(&a);
    let ids: Vec<&str> = p.exercises().map(|e| e.id.as_str()).collect();
    for banned in ["towel_calf_stretch", "eccentric_heel_drop", "single_leg_hops"] {
        assert!(!ids.contains(&banned), "{banned} while a rupture is still open");
    }
    assert!(ids.contains(&"ankle_pumps") && ids.contains(&"glute_bridge"));
    let rehab = p.section(SectionKind::Rehab).unwrap();
    assert!(rehab.items.iter().any(|i| i.text.starts_with("Left out until Achilles tendon rupture is ruled out: Towel-assisted calf stretch")));
    // Without the rupture in the differential, the full programme is there.
    let p = plans::plan(&assessment(Triage::Clinician, vec![ranked("gastrocnemius_strain", 0.9)], vec![]));
    assert!(p.exercises().any(|e| e.id == "eccentric_heel_drop"));
}

#[test]
fn only_serious_conditions_carry_precautions_for_while_they_are_open() {
    for (id, kb) in knowledge::conditions() {
        if !kb.serious {
            assert!(kb.while_open.is_none() && kb.avoid_while_open.is_empty(), "{id}: never read, since it is not serious");
        }
    }
    let serious: Vec<&str> = knowledge::conditions().values().filter(|k| k.serious).map(|k| k.id.as_str()).collect();
    for must in ["achilles_rupture", "dvt", "acute_compartment_syndrome", "tibial_bone_stress"] {
        assert!(serious.contains(&must), "{must} must be flagged serious");
    }
}

/// Words a person should never read in a plan: internal labels, commands, formats, file paths.
const SOFTWARE_WORDS: [&str; 15] = [
    "seed 0", "seed0", "soleus plan", "soleus exercises", "soleus log", "soleus assess", "--", "json", "sqlite", "references.md", ".txt",
    "../", "engine", "model_design", "population default",
];

/// Every sentence of a plan a person reads (ids and enum values left out).
fn readable(p: &Plan) -> Vec<String> {
    let mut out = vec![p.title.clone(), p.triage_advice.clone(), p.disclaimer.clone()];
    out.extend(p.conditions.iter().flat_map(|c| [c.name.clone(), c.about.clone()]));
    out.extend(p.running_stop.iter().flat_map(|s| [s.until.clone(), s.source.clone()]));
    for s in &p.sections {
        out.push(s.title.clone());
        out.extend(s.held_back.clone());
        for i in &s.items {
            out.extend([i.text.clone(), i.source.clone()]);
            out.extend(i.label.clone());
        }
        for ph in &s.phases {
            out.extend([ph.name.clone(), ph.goal.clone(), ph.source.clone()]);
            out.extend(ph.progress_when.iter().cloned());
            for e in &ph.exercises {
                out.extend([e.name.clone(), e.dose.clone()]);
                out.extend(e.sources.iter().cloned());
                out.extend(e.note.clone());
            }
        }
    }
    out
}

#[test]
fn no_plan_shows_a_software_word_and_every_source_is_a_publication() {
    let ids: Vec<String> = knowledge::conditions().keys().cloned().collect();
    let mut plans_read = vec![plans::tweak_plan(), plans::plan(&assessment(Triage::Clinician, vec![], vec![]))];
    for id in &ids {
        for triage in [Triage::SelfCare, Triage::Urgent, Triage::Emergency] {
            plans_read.push(plans::plan(&assessment(triage, vec![ranked(id, 0.7), ranked("dvt", 0.1), ranked("tibial_bone_stress", 0.1)], vec![])));
        }
    }
    for p in &plans_read {
        for text in readable(p) {
            let lower = text.to_lowercase();
            for w in SOFTWARE_WORDS {
                assert!(!lower.contains(w), "{}: '{text}' contains '{w}'", p.title);
            }
        }
        let exercises = p.exercises().flat_map(|e| &e.sources);
        let sources = p.sections.iter().flat_map(|s| s.items.iter().map(|i| &i.source).chain(s.phases.iter().map(|ph| &ph.source))).chain(exercises);
        for s in sources.filter(|s| !s.is_empty()) {
            // A citation names a year: "... 2014;44(10):749-765." or "NICE NG158 ... (2020)".
            assert!(s.chars().filter(|c| c.is_ascii_digit()).count() >= 4 && s.len() > 30, "{}: '{s}' is not a citation", p.title);
        }
    }
}

#[test]
fn a_plan_is_titled_if_this_is_until_a_clinician_confirms_it() {
    let p = plans::plan(&assessment(Triage::SelfCare, vec![ranked("calf_overload", 0.8)], vec![]));
    assert!(p.title.starts_with("If this is: ") && p.title.to_lowercase().ends_with(&name_of("calf_overload").to_lowercase()), "{}", p.title);
}
