//! ARCHITECTURE.md says each Tauri command is a one-line adapter: it reads what only the shell has
//! (the clock, the machine's zone, where files go) and calls one function of the core, which the
//! CLI can call too. This test reads every `#[tauri::command]` in `src-tauri/src/commands/` and
//! counts its calls into `soleus`: a path call through a name the file imports from `soleus`
//! (`log::add_pain_entry(`, `parse_time(`, `IsoWeek::containing(`), or one written out
//! (`soleus::x::y(`). Building the error payload (`soleus::Error::from(e).payload()`) is plumbing,
//! not a call into the core, and a struct literal (`RunScore { .. }`) is the command's arguments
//! handed on. Grep-based: a method call on a core value (`read.store_outcome(..)`) is not seen.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Commands that make more than one call on purpose, how many, and why.
const ALLOWED: &[(&str, usize, &str)] = &[
    (
        "import_log_file",
        2,
        "reads and checks the chosen file (import::read_bytes, with its ImportOptions) before it takes the store, so the \
         window and every other command answer during a 20 MB read; only the write (read.store_outcome) holds the store",
    ),
    ("restore_backup", 2, "parses the backup (backup::parse) before it takes the store, as import_log_file does"),
];

/// The names a file imports from `soleus` (the alias when renamed, the module for `self`).
fn imported(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for stmt in text.split(';') {
        // A statement may follow comments: it starts at its `use`.
        let Some(at) = stmt.find("use soleus::") else { continue };
        let path = &stmt[at + "use soleus::".len()..];
        let (module, items) = match path.split_once('{') {
            Some((module, items)) => (module.trim_end_matches("::"), items.trim_end_matches('}').split(',').map(str::trim).collect::<Vec<_>>()),
            None => ("", vec![path.trim()]),
        };
        for item in items.into_iter().filter(|i| !i.is_empty()) {
            let name = match item.split_once(" as ") {
                Some((_, alias)) => alias.trim(),
                None if item == "self" => module.rsplit("::").next().unwrap_or(module),
                None => item.rsplit("::").next().unwrap_or(item),
            };
            names.insert(name.to_string());
        }
    }
    names
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The calls into `soleus` in a command's body: each starts at a name imported from `soleus` (or
/// at `soleus` itself), not after `.` or `::`, and is a path ending in a lower-case name called
/// with `(`.
fn calls(body: &str, names: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let after_path = start >= 1 && (body[..start].ends_with('.') || body[..start].ends_with("::") || body[..start].ends_with(|p: char| is_ident(p)));
        if !is_ident(c) || after_path {
            i += 1;
            continue;
        }
        // The whole path from here: idents joined by `::`.
        let mut end = start;
        let rest = &body[start..];
        let mut segments = Vec::new();
        let mut offset = 0;
        loop {
            let seg: String = rest[offset..].chars().take_while(|c| is_ident(*c)).collect();
            if seg.is_empty() {
                break;
            }
            offset += seg.len();
            segments.push(seg);
            if rest[offset..].starts_with("::") {
                offset += 2;
            } else {
                break;
            }
        }
        end += offset;
        let path = segments.join("::");
        let first = segments.first().map(String::as_str).unwrap_or("");
        let last = segments.last().map(String::as_str).unwrap_or("");
        let called = body[end..].trim_start().starts_with('(');
        let into_core = first == "soleus" || names.contains(first);
        let plumbing = path.ends_with("Error::from");
        if into_core && called && !plumbing && last.starts_with(|c: char| c.is_lowercase()) {
            found.push(path);
        }
        i = chars.iter().position(|(at, _)| *at >= end.max(start + 1)).unwrap_or(chars.len());
    }
    found
}

/// Each command of a file: its name and its body.
fn commands(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("#[tauri::command") {
        let rest = &text[at..];
        let name_at = rest.find("pub fn ").expect("a command is a pub fn") + "pub fn ".len();
        let name: String = rest[name_at..].chars().take_while(|c| is_ident(*c)).collect();
        // The body: from the first `{` after the signature's closing `)` to its matching `}`.
        let sig_end = rest[name_at..].find(") ->").map(|i| name_at + i).expect("a command returns a Reply");
        let open = sig_end + rest[sig_end..].find('{').unwrap();
        let mut depth = 0;
        let mut close = open;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((name, rest[open + 1..close].to_string()));
    }
    out
}

#[test]
fn every_command_makes_one_call_into_the_core() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    let mut seen = 0;
    let mut over = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let names = imported(&text);
        for (name, body) in commands(&text) {
            seen += 1;
            let found = calls(&body, &names);
            let allowed = ALLOWED.iter().find(|(n, ..)| *n == name).map_or(1, |(_, most, _)| *most);
            if found.len() > allowed {
                over.push(format!("{name} ({}): {}", path.file_name().unwrap().to_string_lossy(), found.join(", ")));
            }
        }
    }
    assert!(seen > 50, "the commands were found ({seen})");
    assert!(
        over.is_empty(),
        "these commands call the core more than once; move the chain into a function of src/app/ (or, if it must stay, \
         add it to ALLOWED with why):\n{}",
        over.join("\n")
    );
}

#[test]
fn every_allowed_command_exists_and_still_needs_its_allowance() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    let all: Vec<(String, usize)> = fs::read_dir(&dir)
        .unwrap()
        .flat_map(|e| {
            let text = fs::read_to_string(e.unwrap().path()).unwrap();
            let names = imported(&text);
            commands(&text).into_iter().map(move |(n, body)| (n, calls(&body, &names).len())).collect::<Vec<_>>()
        })
        .collect();
    for (name, most, why) in ALLOWED {
        let found = all.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} is allowed ({why}) but is no command"));
        assert_eq!(found.1, *most, "{name}: the allowance says {most} calls; it makes {}", found.1);
    }
}

#[test]
fn the_count_sees_a_chain_and_ignores_plumbing() {
    let file = "use soleus::log::{self, IsoWeek, parse_time};\nuse soleus::settings;\nuse chrono::Local;\n";
    let names = imported(file);
    assert_eq!(names, ["IsoWeek", "log", "parse_time", "settings"].into_iter().map(String::from).collect());
    let chain = "state.with_store(|store| { let at = parse_time(&t, Zone::Local)?; let units = settings::get(store)?.units; \
                 log::review::weekly_review(store.conn(), id, IsoWeek::containing(Local::now().date_naive()), units) })";
    assert_eq!(calls(chain, &names), ["parse_time", "settings::get", "log::review::weekly_review", "IsoWeek::containing"]);
    let one = "let s = Score { at: &t }; x.map_err(|e| soleus::Error::from(e).payload())?; state.with_store(|store| log::add(store, &s))";
    assert_eq!(calls(one, &names), ["log::add"]);
    assert_eq!(calls("soleus::export::files::downloads_dir()", &names), ["soleus::export::files::downloads_dir"]);
}

/// Issue 15 item 7: the commands that read a chosen file, build a report or a file, or draw the
/// exercise library run on Tauri's thread pool (`#[tauri::command(async)]`), never on the thread
/// that draws the window. A new such command belongs in this list.
const OFF_THE_MAIN_THREAD: &[&str] =
    &["import_log_file", "restore_backup", "save_report", "save_report_pdf", "save_backup", "save_csv", "exercise_library"];

#[test]
fn slow_commands_run_off_the_main_thread() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    let mut attribute = std::collections::HashMap::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for (at, _) in text.match_indices("#[tauri::command") {
            let rest = &text[at..];
            let attr = &rest[..rest.find(']').unwrap() + 1];
            let name_at = rest.find("pub fn ").unwrap() + "pub fn ".len();
            let name: String = rest[name_at..].chars().take_while(|c| is_ident(*c)).collect();
            attribute.insert(name, attr.to_string());
        }
    }
    for name in OFF_THE_MAIN_THREAD {
        let attr = attribute.get(*name).unwrap_or_else(|| panic!("no command `{name}`: update OFF_THE_MAIN_THREAD"));
        assert_eq!(attr, "#[tauri::command(async)]", "`{name}` must run off the main thread");
    }
}
