//! The crates show the architecture: the desktop app is built on the core alone, and the command
//! line's dependencies (clap, indicatif) stay behind the core's `cli` feature, which the desktop
//! never turns on. `cargo tree` reads Cargo.lock and the manifests only, so this builds nothing.

use std::process::Command;

/// The packages `cargo tree` resolves for one workspace member, as `name` lines.
fn tree(package: &str, features: &[&str]) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["tree", "--offline", "--locked", "-p", package, "-e", "normal", "--prefix", "none"])
        .args(features)
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "cargo tree -p {package} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

const CLI_ONLY: [&str; 2] = ["clap", "indicatif"];

#[test]
fn the_desktop_app_builds_no_command_line_parser() {
    let desktop = tree("soleus-desktop", &[]);
    assert!(desktop.iter().any(|p| p == "soleus"), "the desktop depends on the core: {desktop:?}");
    for dep in CLI_ONLY {
        assert!(!desktop.iter().any(|p| p == dep), "{dep} is in the desktop's tree");
    }
}

#[test]
fn the_core_alone_has_no_command_line_parser_but_the_cli_does() {
    let core = tree("soleus", &["--no-default-features"]);
    let with_cli = tree("soleus", &[]);
    for dep in CLI_ONLY {
        assert!(!core.iter().any(|p| p == dep), "{dep} is in the core's tree without the cli feature");
        // The test above would pass vacuously if the CLI stopped using these; it must not.
        assert!(with_cli.iter().any(|p| p == dep), "{dep} is not in the CLI's tree: is the feature still wired?");
    }
}
