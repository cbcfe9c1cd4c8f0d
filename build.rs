//! Embeds the case sets listed in `tests/data/sets.toml` into the binary, so that
//! `soleus benchmark` and the app's accuracy page score the sets that ship with it. The list is
//! read from the manifest alone: adding a `[[set]]` there is enough. Only `file = "..."` lines
//! are read here; the manifest's full schema is checked when the sets load
//! (`src/evaluation/sets.rs`).
//!
//! Each file is embedded deflated (about a seventh of its text; the release binary has a 12 MB
//! target) and inflated once when the sets are first read.
//!
//! The knowledge files (`knowledge/**/*.toml` and `*.json`, about 330 KB of text) are embedded
//! the same way for `src/embedded.rs`, each inflated the first time it is read.

use std::{env, fs, io::Write, path::Path};

fn deflated(text: &[u8]) -> Vec<u8> {
    let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    deflate.write_all(text).expect("deflating to memory");
    deflate.finish().expect("deflating to memory")
}

fn main() {
    case_sets();
    knowledge_files();
}

fn case_sets() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("tests/data");
    let manifest = dir.join("sets.toml");
    println!("cargo:rerun-if-changed={}", manifest.display());
    let text = fs::read_to_string(&manifest).unwrap_or_else(|e| panic!("cannot read {}: {e}", manifest.display()));
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut out = String::from("/// Every set's file name and deflated text, in the manifest's order.\npub(super) static EMBEDDED: &[(&str, &[u8])] = &[\n");
    for line in text.lines() {
        let Some(value) = line.trim().strip_prefix("file").map(str::trim_start).and_then(|r| r.strip_prefix('=')) else { continue };
        // A basic or literal TOML string, perhaps followed by a comment.
        let value = value.trim();
        let file = value.chars().next().filter(|q| *q == '"' || *q == '\'').and_then(|q| value[1..].split(q).next()).unwrap_or_default();
        assert!(!file.is_empty() && !file.contains(['/', '\\']), "tests/data/sets.toml: `file = {value}` must name a file in tests/data");
        let path = dir.join(file);
        assert!(path.is_file(), "tests/data/sets.toml lists {file}, which is not in tests/data");
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let packed = Path::new(&out_dir).join(format!("{file}.deflate"));
        fs::write(&packed, deflated(&text)).expect("OUT_DIR is writable");
        out.push_str(&format!("    ({file:?}, include_bytes!({:?})),\n", packed.display().to_string()));
    }
    out.push_str("];\n");
    fs::write(Path::new(&out_dir).join("case_sets.rs"), out).expect("OUT_DIR is writable");
}

/// `knowledge_files.rs`: every data file under knowledge/ by its path there ("plans/dvt.toml"),
/// deflated, sorted by path.
fn knowledge_files() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("knowledge");
    // A directory: cargo reruns this when any file under it changes or is added.
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
            let path = entry.expect("a readable knowledge/ entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "toml" || x == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let packed_dir = Path::new(&out_dir).join("knowledge");
    let mut out = format!("/// Every knowledge file's path under knowledge/ and deflated text, by path.\npub(crate) static FILES: [(&str, &[u8]); {}] = [\n", files.len());
    for path in &files {
        let name = path.strip_prefix(&root).expect("under knowledge/").to_str().expect("a UTF-8 file name").replace('\\', "/");
        let packed = packed_dir.join(format!("{name}.deflate"));
        fs::create_dir_all(packed.parent().expect("a file in a folder")).expect("OUT_DIR is writable");
        fs::write(&packed, deflated(&fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))).expect("OUT_DIR is writable");
        out.push_str(&format!("    ({name:?}, include_bytes!({:?})),\n", packed.display().to_string()));
    }
    out.push_str("];\n");
    fs::write(Path::new(&out_dir).join("knowledge_files.rs"), out).expect("OUT_DIR is writable");
}
