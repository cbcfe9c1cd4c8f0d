//! Generates the app's own command permissions (`allow-<command>`), which the capabilities in
//! `capabilities/` grant to the main window. The command names are read from the one list in
//! `src/commands/mod.rs`, so adding a command there is enough for its permission to exist.

use std::fs;

fn main() {
    let list = "src/commands/mod.rs";
    println!("cargo:rerun-if-changed={list}");
    let source = fs::read_to_string(list).expect("src/commands/mod.rs is readable");
    let names = command_names(&source);
    assert!(!names.is_empty(), "no commands found in the `commands!` list of {list}");
    // The library checks in a test that this matches what `commands!` registered.
    println!("cargo:rustc-env=SOLEUS_COMMAND_PERMISSIONS={}", names.join(","));
    // AppManifest wants a `&'static [&'static str]`; a build script runs once, so leaking is fine.
    let names: &'static [&'static str] =
        Box::leak(names.into_iter().map(|n| &*Box::leak(n.into_boxed_str())).collect::<Vec<_>>().into_boxed_slice());
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(names)))
        .expect("tauri build script failed");
}

/// `module::name(args) -> Result;` lines inside `commands! { ... }`.
fn command_names(source: &str) -> Vec<String> {
    let start = source.find("commands! {").expect("a `commands! {` list");
    let body = &source[start..];
    let body = &body[..body.find("\n}").expect("the list ends with a `}` line")];
    body.lines()
        .filter_map(|line| {
            let line = line.trim();
            let (path, _) = line.split_once('(')?;
            let (_, name) = path.split_once("::")?;
            name.chars().all(|c| c.is_ascii_lowercase() || c == '_').then(|| name.to_string())
        })
        .collect()
}
