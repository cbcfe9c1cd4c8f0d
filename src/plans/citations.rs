//! A plan's sources, numbered once: each cited source gets a number in order of first use (the
//! items, then each rehab phase and its exercises, section by section), and every item, phase
//! and exercise carries its own. The window, the text plan and both reports show these numbers;
//! none of them numbers a source itself.

use super::Plan;

impl Plan {
    /// The plan with its sources numbered: `sources` listed in order of first use, and each item,
    /// phase and exercise given the numbers of its own. The one numbering of a plan's sources;
    /// every plan is numbered as it is built (`plan`, `tweak_plan`).
    pub fn numbered(mut self) -> Plan {
        let mut citations = Citations::default();
        for s in &mut self.sections {
            for item in &mut s.items {
                item.cite = citations.cite(&item.source);
            }
            for p in &mut s.phases {
                p.cite = citations.cite(&p.source);
                for e in &mut p.exercises {
                    let mut cites: Vec<usize> = e.sources.iter().filter_map(|s| citations.cite(s)).collect();
                    cites.sort_unstable();
                    cites.dedup();
                    e.cites = cites;
                }
            }
        }
        self.sources = citations.sources;
        self
    }

}

/// The marks of an exercise's sources as its plan numbers them (`PlannedExercise::cites`): "[3, 9]".
pub fn marks(numbers: &[usize]) -> String {
    format!("[{}]", numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(", "))
}

/// A cited source's mark after the text it backs, " [3]"; nothing for advice that cites none.
pub fn mark(cite: Option<usize>) -> String {
    cite.map_or(String::new(), |n| format!(" [{n}]"))
}

/// Numbers sources each once, in order of first use ([`Plan::numbered`]).
#[derive(Debug, Default)]
struct Citations {
    sources: Vec<String>,
}

impl Citations {
    /// The number of `source`, adding it to the list on first use; none for an item that cites none.
    fn cite(&mut self, source: &str) -> Option<usize> {
        if source.is_empty() {
            return None;
        }
        let at = match self.sources.iter().position(|s| s == source) {
            Some(i) => i,
            None => {
                self.sources.push(source.to_string());
                self.sources.len() - 1
            }
        };
        Some(at + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plans::{self, Item, PlannedExercise, RehabPhase, Section, SectionKind};

    fn item(text: &str, source: &str) -> Item {
        Item { text: text.into(), label: None, act: None, condition: None, source: source.into(), opens: None, cite: None }
    }

    fn phase(name: &str, ids: &[&str], source: &str, exercise_sources: &[&str]) -> RehabPhase {
        let e = plans::tweak_plan().exercises().next().unwrap().clone();
        let exercises = ids.iter().map(|id| PlannedExercise { id: id.to_string(), sources: exercise_sources.iter().map(|s| s.to_string()).collect(), cites: vec![], ..e.clone() }).collect();
        RehabPhase { name: name.into(), goal: format!("{name} goal"), exercises, progress_when: vec![], source: source.into(), cite: None, exit_stage: None }
    }

    fn plan(sections: Vec<Section>) -> Plan {
        Plan { sections, sources: vec![], ..plans::tweak_plan() }.numbered()
    }

    fn section(kind: SectionKind, items: Vec<Item>, phases: Vec<RehabPhase>) -> Section {
        Section { kind, title: kind.title().into(), held_back: None, items, phases }
    }

    #[test]
    fn each_source_is_numbered_once_in_order_of_first_use_items_before_phases() {
        let p = plan(vec![
            section(SectionKind::Now, vec![item("a", "S1"), item("b", "S2"), item("c", "S1"), item("d", "")], vec![]),
            section(SectionKind::Rehab, vec![item("e", "S3")], vec![phase("P", &["x"], "S2", &[]), phase("Q", &["y"], "S4", &[])]),
        ]);
        assert_eq!(p.sources, ["S1", "S2", "S3", "S4"]);
        let cites = |s: &Section| s.items.iter().map(|i| i.cite).collect::<Vec<_>>();
        assert_eq!(cites(&p.sections[0]), [Some(1), Some(2), Some(1), None], "advice from the check itself cites nothing");
        assert_eq!(cites(&p.sections[1]), [Some(3)]);
        assert_eq!(p.sections[1].phases.iter().map(|ph| ph.cite).collect::<Vec<_>>(), [Some(2), Some(4)]);
    }

    #[test]
    fn a_phase_s_exercises_publications_are_numbered_after_the_phase_s_own_each_once() {
        // The plan view's order (the window asserted it in TypeScript before the core numbered it).
        let p = plan(vec![section(SectionKind::Rehab, vec![], vec![phase("P", &["x", "y"], "S1", &["E1", "S1"]), phase("Q", &["z"], "S2", &["E1", "E2"])])]);
        assert_eq!(p.sources, ["S1", "E1", "S2", "E2"]);
        let phases = &p.sections[0].phases;
        assert_eq!(phases[0].exercises.iter().map(|e| e.cites.clone()).collect::<Vec<_>>(), [vec![1, 2], vec![1, 2]], "sorted, each once");
        assert_eq!(phases[1].exercises[0].cites, [2, 4]);
        assert_eq!(marks(&phases[1].exercises[0].cites), "[2, 4]");
        assert_eq!((mark(phases[1].cite), mark(None)), (" [3]".to_string(), String::new()));
    }

    #[test]
    fn every_plan_comes_numbered_and_the_text_plan_prints_the_same_numbers() {
        let findings = serde_json::json!({"findings": {"onset": "gradual", "location": "behind_knee", "mechanism": "downhill", "worse_downhill": true}});
        let a = crate::engine::assess(&crate::engine::Case::from_value(findings).unwrap());
        for built in [plans::plan(&a), plans::tweak_plan()] {
            assert!(!built.sources.is_empty());
            assert_eq!(built.clone().numbered(), built, "numbered as built");
            let text = plans::text::render(&built);
            for (i, s) in built.sources.iter().enumerate() {
                let words: String = s.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
                assert!(text.contains(&format!("[{}] {words}", i + 1)), "source {} listed as [{}]: {words}", i + 1, i + 1);
            }
            let item = built.sections.iter().flat_map(|s| &s.items).find(|i| i.cite.is_some()).unwrap();
            assert!(text.contains(&mark(item.cite)));
        }
    }
}
