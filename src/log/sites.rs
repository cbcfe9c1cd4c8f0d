//! Where a pain score hurts: the body map's regions. There is one list, the vocabulary's
//! `location` values (the Check's body map), with the Check's plain labels; a pain score's
//! `site` must be one of them. Migration 005 holds the same list in a CHECK, and a test keeps the
//! two equal.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::LogError;
use crate::engine::knowledge::{self, FindingKind};

/// The finding whose values are the body map's regions.
const MAP: &str = "location";

/// One region of the body map, as the app offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Site {
    /// The vocabulary's value, e.g. `achilles`.
    pub value: String,
    /// In plain words, e.g. "The tendon above the heel (Achilles)".
    pub label: String,
}

/// Every region, in the map's order.
pub fn all() -> Vec<Site> {
    let info = knowledge::get().finding(MAP).expect("the vocabulary has the body map's `location`");
    let FindingKind::Enum { values } = &info.kind else { panic!("the body map's `location` is a choice") };
    values.iter().zip(&info.labels).map(|(v, l)| Site { value: v.clone(), label: l.clone() }).collect()
}

/// A site given as text: one of the map's values (any case, spaces around ignored); empty means
/// "not said".
pub fn parse_optional(text: &str) -> Result<Option<String>, LogError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    all()
        .into_iter()
        .find(|s| s.value.eq_ignore_ascii_case(t))
        .map(|s| Some(s.value))
        .ok_or_else(|| LogError::BadSite(text.to_string()))
}

/// The label of a stored site, for sentences and the report.
pub fn label(value: &str) -> String {
    all().into_iter().find(|s| s.value == value).map_or_else(|| value.to_string(), |s| s.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_s_regions_are_the_sites_and_anything_else_is_refused_by_name() {
        let sites = all();
        assert!(sites.iter().any(|s| s.value == "achilles" && s.label.contains("Achilles")), "{sites:?}");
        assert_eq!(parse_optional(" Achilles ").unwrap().as_deref(), Some("achilles"));
        assert_eq!(parse_optional("").unwrap(), None);
        let err = parse_optional("elbow").unwrap_err();
        assert_eq!(err.code(), "log_bad_site");
        assert!(err.to_string().contains("\"elbow\"") && err.to_string().contains("behind_knee"), "{err}");
    }

    /// Migration 005's CHECK lists the same regions: a region added to the vocabulary fails here
    /// until a migration lets the schema keep it.
    #[test]
    fn the_schema_s_list_is_the_vocabulary_s() {
        let sql = include_str!("../store/migrations/005_pain_runs.sql");
        let mut in_schema: Vec<&str> = sql.split("site = '").skip(1).map(|rest| rest.split('\'').next().unwrap()).collect();
        let mut in_map: Vec<String> = all().into_iter().map(|s| s.value).collect();
        in_schema.sort_unstable();
        in_map.sort_unstable();
        assert_eq!(in_schema, in_map);
    }
}
