//! Text embedded deflated in the binary (its size: the release app has a 12 MB target): the
//! knowledge files, packed by build.rs and each inflated the first time it is read, then kept.
//! The case sets (`evaluation::sets`) are packed the same way and share [`inflate`].

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/knowledge_files.rs"));

/// The text of `knowledge/<path>` ("conditions.toml", "plans/dvt.toml"). A path that is not
/// embedded, or a file that does not inflate, is a build defect: it panics, as the loaders of the
/// knowledge do when a file is invalid.
pub(crate) fn knowledge(path: &str) -> &'static str {
    static TEXTS: [OnceLock<String>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];
    let at = FILES.iter().position(|(p, _)| *p == path).unwrap_or_else(|| panic!("knowledge/{path} is not embedded in this binary"));
    TEXTS[at].get_or_init(|| inflate(FILES[at].1).unwrap_or_else(|e| panic!("knowledge/{path} {e}")))
}

pub(crate) fn inflate(packed: &[u8]) -> Result<String, String> {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::DeflateDecoder::new(packed).read_to_string(&mut text).map_err(|e| format!("cannot be unpacked from this binary: {e}"))?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_knowledge_file_inflates_to_its_file_byte_for_byte_and_is_stored_smaller() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        for (path, packed) in &FILES {
            let file = std::fs::read_to_string(root.join(path)).unwrap();
            assert_eq!(knowledge(path), file, "{path}");
            assert!(packed.len() < file.len(), "{path}: {} bytes deflated from {}", packed.len(), file.len());
        }
        for path in ["conditions.toml", "vocabulary.json", "plans/common.toml", "exercises/poses.toml"] {
            assert!(FILES.iter().any(|(p, _)| *p == path), "{path} is embedded");
        }
        assert!(!FILES.iter().any(|(p, _)| p.ends_with(".md")), "only data files");
    }
}
