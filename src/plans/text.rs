//! A plan as a person reads it in a terminal: sections in order, the care instruction first
//! when it is urgent, exercises with their doses, and the sources gathered at the end.

use crate::app::wording::figure as percent;
use crate::engine::Triage;

use super::{mark, marks, Item, Plan, Role, Section, SectionKind};

const WIDTH: usize = 92;

/// The plan as plain text.
pub fn render(plan: &Plan) -> String {
    let mut out = String::new();
    out.push_str(&format!("{}\n{}\n", plan.title, "=".repeat(plan.title.chars().count())));
    if plan.triage >= Triage::Urgent {
        out.push_str(&format!("\n!! {}\n\n", plan.triage_advice.to_uppercase()));
    } else if !plan.conditions.is_empty() {
        wrap(&mut out, &format!("Next step: {}", plan.triage_advice), "\n", "");
        out.push('\n');
    }
    for c in &plan.conditions {
        let role = match c.role {
            Role::Top => "Most likely",
            Role::StillOpen => "Still to rule out",
        };
        let line = format!("{role}: {} ({}). {}", c.name, percent(c.probability), c.about);
        wrap(&mut out, &line, "", "  ");
    }
    if plan.conditions.is_empty() {
        wrap(&mut out, &plan.triage_advice, "", "");
    }
    out.push('\n');
    wrap(&mut out, &plan.disclaimer, "", "");
    for (i, s) in plan.sections.iter().enumerate() {
        section(&mut out, i + 1, s, plan);
    }
    out.push_str("\nSources:\n");
    for (i, s) in plan.sources.iter().enumerate() {
        wrap(&mut out, s, &format!("  [{}] ", i + 1), "      ");
    }
    out
}

fn section(out: &mut String, n: usize, s: &Section, plan: &Plan) {
    out.push_str(&format!("\n{n}. {}\n", s.title));
    if let Some(h) = &s.held_back {
        wrap(out, h, "   ", "   ");
    }
    for item in &s.items {
        // Advice that follows from the check itself cites nothing, and shows no mark.
        wrap(out, &format!("{}{}", item_text(item, s.kind, plan), mark(item.cite)), "   - ", "     ");
    }
    for (i, p) in s.phases.iter().enumerate() {
        wrap(out, &format!("Phase {}: {}. {}{}", i + 1, p.name, p.goal, mark(p.cite)), "   ", "     ");
        if p.exercises.is_empty() {
            wrap(out, "(This phase's exercises wait until the cause named above is ruled out.)", "     ", "       ");
        }
        for e in &p.exercises {
            let note = e.note.as_deref().map(|n| format!("; {n}")).unwrap_or_default();
            let marks = marks(&e.cites);
            wrap(out, &format!("{}: {}{note} {marks} (soleus exercises show {})", e.name, e.prescription.summary(), e.id), "     * ", "       ");
        }
        if !p.progress_when.is_empty() {
            wrap(out, &format!("Move on when: {}", p.progress_when.join(" ")), "     > ", "       ");
        }
    }
}

fn item_text(item: &Item, kind: SectionKind, plan: &Plan) -> String {
    let mut s = String::new();
    if let Some(l) = &item.label {
        s.push_str(&format!("{l}: "));
    }
    if let Some(c) = &item.condition {
        s.push_str(&format!("[{}] ", plan.condition_name(c)));
    }
    let warning = kind == SectionKind::SafetyNet && item.act.is_some_and(|a| a > Triage::SelfCare);
    s.push_str(if warning { item.text.trim_end_matches('.') } else { &item.text });
    // A warning sign reads as "sign -> what to do"; elsewhere the text is the instruction.
    // Urgent and emergency acts are shouted: the terminal has no colour to lean on.
    if let (SectionKind::SafetyNet, Some(act)) = (kind, item.act)
        && act > Triage::SelfCare
    {
        let words = if act >= Triage::Urgent { act.words().act.to_uppercase() } else { act.words().act.to_string() };
        s.push_str(&format!(" -> {words}."));
    }
    s
}

/// Word-wraps `text` to the page width, `first` before the first line and `rest` before the others.
fn wrap(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}
