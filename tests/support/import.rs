//! What the import tests share: the data folder, a fixed "now" and the import options of a
//! runner one hour east of UTC.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use soleus::import::ImportOptions;

pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z").unwrap().to_utc()
}

pub fn options() -> ImportOptions {
    ImportOptions::new(FixedOffset::east_opt(3600).unwrap(), now())
}
