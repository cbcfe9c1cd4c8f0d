//! `soleus benchmark`: the engine's figures on the case sets it ships with, as a physio reads
//! them (a table per set with its description) and as a script does (`--json`, `--lines`).

mod cli_support;
use cli_support::soleus;
use soleus::evaluation::{self, Mode};

fn stdout(args: &[&str]) -> String {
    let out = soleus(args, "");
    assert!(out.status.success(), "soleus {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_table_names_each_figure_and_describes_each_set() {
    let s = stdout(&["benchmark"]);
    for word in ["top-1", "top-3", "triage", "under-triaged", "over-triage", "interview", "runner alone", "not a diagnosis"] {
        assert!(s.contains(word), "no {word:?} in\n{s}");
    }
    let sets = evaluation::sets().unwrap();
    for set in sets {
        assert!(s.contains(&set.title) && s.contains(&set.what) && s.contains(&set.sources), "{} is not described", set.file);
        // The set's full-case row carries the module's figures, beside their words.
        let f = evaluation::score(&evaluation::cases(set).unwrap(), Mode::FullCase).unwrap();
        let block = &s[s.find(&set.title).unwrap()..];
        let row = block.lines().find(|l| l.trim_start().starts_with("full case")).unwrap();
        for x in [f.top1, f.top3, f.triage_exact] {
            assert!(row.contains(&format!("{:.1}%", f.percent(x))), "{row}");
        }
        assert!(block.lines().any(|l| l.trim_start().starts_with("interview ") && l.contains("(med)")), "{block}");
    }
}

#[test]
fn json_gives_every_set_each_way() {
    let v: serde_json::Value = serde_json::from_str(&stdout(&["benchmark", "--json"])).unwrap();
    let sets = evaluation::sets().unwrap();
    assert_eq!(v["sets"].as_array().unwrap().len(), sets.len());
    assert_eq!(v["max_questions"], 40);
    for (got, set) in v["sets"].as_array().unwrap().iter().zip(sets) {
        assert_eq!(got["set"]["file"], set.file.as_str());
        for way in ["full_case", "interview", "runner"] {
            assert_eq!(got[way]["cases"], set.cases, "{} {way}", set.file);
            assert!(got[way]["top1"].as_u64().unwrap() <= got[way]["top3"].as_u64().unwrap());
        }
        assert!(got["full_case"]["median_questions"].is_null());
        assert!(got["interview"]["median_questions"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn lines_are_in_the_scripts_words() {
    let s = stdout(&["benchmark", "--lines"]);
    let set = &evaluation::sets().unwrap()[0];
    let f = evaluation::score(&evaluation::cases(set).unwrap(), Mode::Interview { runner: false }).unwrap();
    assert!(s.contains(&format!("  {}\n", f.summary(Mode::Interview { runner: false }))), "{s}");
    assert!(s.lines().any(|l| l.starts_with("  cases=") && l.contains(" top1=") && l.contains(" safe=")), "{s}");
    assert!(s.lines().any(|l| l.starts_with("  interview(runner) cases=")), "{s}");
}

#[test]
fn json_and_lines_together_are_refused() {
    let out = soleus(&["benchmark", "--json", "--lines"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
