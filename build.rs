//! Embeds the case sets listed in `tests/data/sets.toml` into the binary, so that
//! `soleus benchmark` and the app's accuracy page score the sets that ship with it. The list is
//! read from the manifest alone: adding a `[[set]]` there is enough. Only `file = "..."` lines
//! are read here; the manifest's full schema is checked when the sets load
//! (`src/evaluation/sets.rs`).
//!
//! Each file is embedded deflated (about a seventh of its text; the release binary has a 12 MB
//! target) and inflated once when the sets are first read.

use std::{env, fs, io::Write, path::Path};

fn main() {
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
        let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        deflate.write_all(&text).expect("deflating to memory");
        let packed = Path::new(&out_dir).join(format!("{file}.deflate"));
        fs::write(&packed, deflate.finish().expect("deflating to memory")).expect("OUT_DIR is writable");
        out.push_str(&format!("    ({file:?}, include_bytes!({:?})),\n", packed.display().to_string()));
    }
    out.push_str("];\n");
    fs::write(Path::new(&out_dir).join("case_sets.rs"), out).expect("OUT_DIR is writable");
}
