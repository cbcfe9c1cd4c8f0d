//! The management plan in the clinician report: today's plan for the saved result, section by
//! section, exercises with their doses, and the sources it cites.

use std::fmt::Write;

use super::esc;
use crate::engine::Triage;
use crate::plans::{Item, Plan, SectionKind};

/// How fast to act on a warning sign, in the plan's words (`TriageWords::act`), continuing the
/// item's sentence after the arrow.
fn act_words(act: Triage) -> String {
    let words = act.words().act.as_str();
    let mut first = words.chars();
    first.next().map(|c| c.to_lowercase().chain(first).collect()).unwrap_or_default()
}

fn item_html(item: &Item, kind: SectionKind, plan: &Plan) -> String {
    let mut s = String::new();
    if let Some(l) = &item.label {
        let _ = write!(s, "<strong>{}:</strong> ", esc(l));
    }
    if let Some(c) = &item.condition {
        let _ = write!(s, "<em>{}</em>: ", esc(plan.condition_name(c)));
    }
    s.push_str(&esc(&item.text));
    if let (SectionKind::SafetyNet, Some(act)) = (kind, item.act.filter(|a| *a > Triage::SelfCare)) {
        let _ = write!(s, " <span class=\"warn\">&rarr; {}</span>", act_words(act));
    }
    s
}

/// Appends the plan, each cited source marked with its number in the plan's source list.
pub(super) fn plan_html(h: &mut String, plan: &Plan) {
    let _ = writeln!(
        h,
        "<h2>Management plan</h2>\n<p class=\"meta\">{}: the plan Soleus gives for the result above.</p>",
        esc(&plan.title)
    );
    for section in &plan.sections {
        let _ = writeln!(h, "<h4>{}</h4>", esc(&section.title));
        if let Some(held) = &section.held_back {
            let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(held));
        }
        if !section.items.is_empty() {
            h.push_str("<ul>\n");
            for item in &section.items {
                let mark = item.cite.map_or(String::new(), |n| format!(" <sup>[{n}]</sup>"));
                let _ = writeln!(h, "<li>{}{mark}</li>", item_html(item, section.kind, plan));
            }
            h.push_str("</ul>\n");
        }
        for (i, phase) in section.phases.iter().enumerate() {
            let mark = phase.cite.map_or(String::new(), |n| format!(" <sup>[{n}]</sup>"));
            let _ = writeln!(h, "<p><strong>Phase {}: {}.</strong> {}{mark}</p>", i + 1, esc(&phase.name), esc(&phase.goal));
            if !phase.exercises.is_empty() {
                h.push_str("<ul>\n");
                for e in &phase.exercises {
                    let note = e.note.as_deref().map(|n| format!("; {}", esc(n))).unwrap_or_default();
                    let marks = crate::plans::marks(&e.cites);
                    let _ = writeln!(h, "<li>{}: {}{note} <sup>{marks}</sup></li>", esc(&e.name), esc(&e.prescription.summary()));
                }
                h.push_str("</ul>\n");
            }
            if !phase.progress_when.is_empty() {
                let _ = writeln!(h, "<p class=\"muted\">Move on when: {}</p>", esc(&phase.progress_when.join(" ")));
            }
        }
    }
    if !plan.sources.is_empty() {
        h.push_str("<h4>Sources</h4>\n<ol class=\"sources\">\n");
        for s in &plan.sources {
            let _ = writeln!(h, "<li>{}</li>", esc(s));
        }
        h.push_str("</ol>\n");
    }
}
