//! `soleus assess`: read a case `{"findings": {...}}` on stdin and print its assessment.

use std::fmt::Write as _;
use std::io::Write;

use clap::{Args, ValueEnum};

use super::{assess_json, cases, CliResult};
use crate::app::wording::figure as percent;
use crate::engine::{self, knowledge, Assessment};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Read JSON Lines (one case per line) and write one assessment per line.
    #[arg(long)]
    pub batch: bool,
    /// `json` for programs, `text` for people.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// The person answers alone: suggest no examination tests (Thompson, Wells signs, McMurray...).
    #[arg(long)]
    pub no_examination: bool,
}

pub fn run(args: AssessArgs) -> CliResult {
    cases::write_each(args.batch, |out, case| {
        let a = if args.no_examination { engine::assess(&case.clone().without_examination()) } else { engine::assess(case) };
        match args.format {
            Format::Text => writeln!(out, "{}", text(&a, case.id.as_deref())),
            Format::Json => assess_json::Sorted::new(&a, case.id.as_deref()).write(out, !args.batch),
        }
    })
}

/// A summary a person can read: what to do first, then why.
pub fn text(a: &Assessment, id: Option<&str>) -> String {
    let kb = knowledge::get();
    let mut s = String::new();
    if let Some(id) = id {
        let _ = writeln!(s, "Case {id}");
    }
    // Not a diagnosis, first: the reader sees it before any likely cause.
    let _ = writeln!(s, "{}\n", a.disclaimer);
    let _ = writeln!(s, "What to do: {} ({})", a.triage_advice, a.triage.id().replace('_', " "));
    if !a.red_flags.is_empty() {
        let _ = writeln!(s, "\nWarning signs:");
        for f in &a.red_flags {
            let _ = writeln!(s, "  ! {}", f.message);
        }
    }
    if let Some(n) = &a.none_fits {
        let _ = writeln!(s, "\nNone of these fits well: {} (something not listed: {})", n.message, percent(n.probability));
    }
    let _ = writeln!(s, "\nLikely causes:");
    for (i, r) in a.differential.iter().enumerate() {
        let _ = writeln!(s, "  {}. {} ({})", i + 1, r.name, percent(r.probability));
        for w in &r.why {
            let _ = writeln!(s, "       - {w}");
        }
    }
    if let Some(w) = &a.wells {
        let items = if w.items.is_empty() { "no items".to_string() } else { w.items.join(", ") };
        let _ = writeln!(s, "\nWells score for DVT: {} ({}; {})", w.score, if w.dvt_likely { "DVT likely" } else { "DVT unlikely" }, items);
    }
    if !a.next_questions.is_empty() {
        let _ = writeln!(s, "\nWorth answering next:");
        for q in a.next_questions.iter().take(5) {
            let ask = kb.finding(q).map_or(q.as_ref(), |f| f.ask.as_str());
            let _ = writeln!(s, "  - {ask} [{q}]");
        }
    }
    s.truncate(s.trim_end().len());
    s
}

#[cfg(test)]
mod tests {
    use crate::engine::{assess, Case};

    #[test]
    fn the_text_says_when_none_of_the_causes_fits() {
        let odd = Case::from_value(serde_json::json!({"findings": {"age": 16, "location": "front_shin", "knee_grinding": true, "cramp_episode": true, "tendon_thickening": true, "sitting_worse": true, "pop": true, "onset": "gradual", "run_pattern": "warms_up", "bone_tenderness": "diffuse"}})).unwrap();
        let text = super::text(&assess(&odd), None);
        let (warning, causes) = (text.find("None of these fits well").expect("said"), text.find("Likely causes").unwrap());
        assert!(warning < causes, "said before the list: {text}");
        let plain = Case::from_value(serde_json::json!({"findings": {"location": "mid_calf", "knot": true}})).unwrap();
        assert!(!super::text(&assess(&plain), None).contains("None of these fits"));
    }
}
