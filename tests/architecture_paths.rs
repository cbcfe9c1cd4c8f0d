//! ARCHITECTURE.md says nothing untrue about where things are: every file or folder it names in
//! backticks exists in the repository. A name is looked for from the root, or as the end of a
//! path (the map often names `commands/log.rs` or `lib/api.ts` inside the folder it describes);
//! `*` and `<placeholder>` stand for one path segment's worth of characters, and a Svelte
//! component named without its extension (`components/ReportButton`) is its `.svelte` file.

use std::fs;
use std::path::Path;

/// Names that are not in the repository on purpose, and why.
const ELSEWHERE: &[(&str, &str)] = &[
    ("interview_cases.py", "a script of ../shared/clinical/, named beside score_cases.py"),
    ("ui/node_modules/axe-core", "installed by npm ci, never committed"),
];

const EXTENSIONS: &[&str] = &[
    ".rs", ".ts", ".svelte", ".toml", ".json", ".jsonl", ".sql", ".py", ".sh", ".md", ".css", ".js", ".html", ".csv", ".gpx", ".tcx", ".fit",
];

/// Every file and folder below `dir`, as paths relative to the root with `/` between segments;
/// build output, dependencies and git's own folder left out.
fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if ["target", "node_modules", ".git"].contains(&name.as_str()) {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            walk(root, &path, out);
        }
        out.push(relative);
    }
}

/// The backticked names that look like a path: with a `/` or a file extension, and nothing that
/// is code (`::`, spaces, quotes), a figure (`3/10`) or outside the repository (`../`, `target/`).
fn named_paths(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || "._-/*<>".contains(c)))
        .filter(|t| t.contains('/') || EXTENSIONS.iter().any(|e| t.ends_with(e)))
        .filter(|t| !t.starts_with("../") && !t.starts_with("target/") && !t.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether `pattern` matches `text` whole, `*` and `<...>` standing for any run of characters
/// other than `/`.
fn matches(pattern: &str, text: &str) -> bool {
    match pattern.chars().next() {
        None => text.is_empty(),
        Some('*') => (0..=text.len()).take_while(|&i| !text[..i].contains('/')).any(|i| text.is_char_boundary(i) && matches(&pattern[1..], &text[i..])),
        Some('<') => match pattern.find('>') {
            Some(end) => matches(&format!("*{}", &pattern[end + 1..]), text),
            None => text.starts_with('<') && matches(&pattern[1..], &text[1..]),
        },
        Some(c) => text.starts_with(c) && matches(&pattern[c.len_utf8()..], &text[c.len_utf8()..]),
    }
}

fn found(name: &str, paths: &[String]) -> bool {
    let name = name.trim_end_matches('/');
    let candidates = [name.to_string(), format!("{name}.svelte")];
    candidates.iter().any(|c| paths.iter().any(|p| matches(c, p) || suffixes(p).any(|s| matches(c, s))))
}

/// `a/b/c` -> `b/c`, `c`: the ends of a path at each `/`.
fn suffixes(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[i + 1..])
}

#[test]
fn every_path_architecture_md_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut paths = Vec::new();
    walk(root, root, &mut paths);
    let names = named_paths(&text);
    assert!(names.len() > 200, "the map names its files in backticks: found only {}", names.len());
    let missing: Vec<&str> = names.iter().copied().filter(|n| !ELSEWHERE.iter().any(|(e, _)| e == n) && !found(n, &paths)).collect();
    assert!(missing.is_empty(), "ARCHITECTURE.md names paths that do not exist: {missing:?}");
}

#[test]
fn the_check_finds_what_is_there_and_nothing_else() {
    let paths: Vec<String> = ["src", "src/log", "src/log/review", "src/log/review/verdict.rs", "ui/src/components/plan/ReportButton.svelte"].map(String::from).to_vec();
    assert!(found("src/log/review/verdict.rs", &paths));
    assert!(found("review/verdict.rs", &paths), "named inside the folder it describes");
    assert!(found("src/log/review/", &paths));
    assert!(found("src/log/review/*.rs", &paths));
    assert!(found("src/<module>/review/verdict.rs", &paths));
    assert!(found("plan/ReportButton", &paths), "a component named without .svelte");
    assert!(!found("src/log/review/mod.rs", &paths));
    assert!(!found("view/verdict.rs", &paths), "a suffix starts at a /");
    assert!(!found("src/*.rs", &paths), "* stays inside one segment");
    assert_eq!(named_paths("`a/b.rs` and `x::y` and `3/10` and `../c.py` and `d.toml`"), ["a/b.rs", "d.toml"]);
}
