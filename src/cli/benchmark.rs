//! `soleus benchmark`: how accurate the engine is on the case sets it ships with, computed now,
//! full case and interview, with what each set is and where its cases come from.

use std::fmt::Write;

use clap::Args;

use super::{CliError, CliResult};
use crate::evaluation::{self, Benchmark, Figures, Mode, SetFigures};

#[derive(Debug, Args)]
pub struct BenchmarkArgs {
    /// Print the figures as JSON, for scripts.
    #[arg(long, conflicts_with = "lines")]
    pub json: bool,
    /// Print each set's summary lines in the words of ../shared/clinical/score_cases.py and
    /// interview_cases.py (full case, interview, runner alone), to compare with them.
    #[arg(long)]
    pub lines: bool,
}

pub fn run(args: BenchmarkArgs) -> CliResult {
    let b = evaluation::benchmark().map_err(|e| CliError { message: e.to_string(), bad_input: false })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&b).expect("figures serialize"));
    } else if args.lines {
        for s in &b.sets {
            println!("{}", s.set.file);
            for (figures, mode) in ways(s) {
                println!("  {}", figures.summary(mode));
            }
        }
    } else {
        print!("{}", table(&b));
    }
    Ok(())
}

fn ways(s: &SetFigures) -> [(&Figures, Mode); 3] {
    [(&s.full_case, Mode::FullCase), (&s.interview, Mode::Interview { runner: false }), (&s.runner, Mode::Interview { runner: true })]
}

/// The figures per set, for people.
pub fn table(b: &Benchmark) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "How accurate is Soleus? Its figures on the {} case sets it ships with, computed now.\n\
         top-1: the expected cause listed first; top-3: among the first three; triage: the advice on how soon\n\
         to get care exactly as expected; under-triaged: emergency (E) or urgent (U) cases given less urgent advice.\n\
         interview: the questionnaire, one suggested question at a time (at most {}), answered from what the\n\
         case reports (\"not known\" otherwise); runner alone: the same without examination tests.\n\
         Soleus is not a diagnosis; a set marked \"used to build Soleus\" flatters it.",
        b.sets.len(),
        b.max_questions
    );
    for s in &b.sets {
        let set = &s.set;
        let _ = writeln!(
            out,
            "\n{} ({}, {} cases; {})",
            set.title,
            set.file,
            set.cases,
            if set.tuned_on { "used to build Soleus" } else { "kept apart: not used to build Soleus" }
        );
        for (label, text) in [("What", &set.what), ("Sources", &set.sources), ("History", &set.history)] {
            let _ = writeln!(out, "  {label}: {text}");
        }
        let _ = writeln!(out, "  {:<23} {:>7} {:>7} {:>7} {:>14} {:>11} {:>17} {:>9}", "", "top-1", "top-3", "triage", "under-triaged", "over-triage", "self-care->urgent", "questions");
        for (name, f) in [("full case", &s.full_case), ("interview", &s.interview), ("interview, runner alone", &s.runner)] {
            let pct = |x| format!("{:.1}%", f.percent(x));
            let _ = writeln!(
                out,
                "  {name:<23} {:>7} {:>7} {:>7} {:>14} {:>11} {:>17} {:>9}",
                pct(f.top1),
                pct(f.top3),
                pct(f.triage_exact),
                format!("{}E {}U", f.under_emergency.len(), f.under_urgent.len()),
                f.over_triage,
                format!("{} of {}", f.self_care_sent_urgent, f.self_care_cases),
                f.median_questions.map_or_else(|| "-".to_string(), |q| format!("{q} (med)")),
            );
        }
        let under: Vec<String> = ways(s)
            .into_iter()
            .zip(["full case", "interview", "runner alone"])
            .filter(|((f, _), _)| f.under_triaged() > 0)
            .map(|((f, _), name)| format!("{name}: {}", f.under_emergency.iter().chain(&f.under_urgent).cloned().collect::<Vec<_>>().join(", ")))
            .collect();
        if !under.is_empty() {
            let _ = writeln!(out, "  Under-triaged cases: {}", under.join("; "));
        }
    }
    out
}
