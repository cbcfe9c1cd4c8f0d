//! What the window opens on, read in one go: the settings, the people on this computer, and
//! the first screen's data, so the window's first paint is its real first screen (one IPC call
//! at start-up instead of several made one after another).

use serde::Serialize;
use ts_rs::TS;

use super::saved::{self, SavedCheck};
use crate::profiles::{self, Profile};
use crate::settings::{self, Settings};
use crate::store::Store;
use crate::Error;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Start {
    pub settings: Settings,
    /// Everyone with a record here; none on a first launch (the window asks for a name).
    pub profiles: Vec<Profile>,
    /// The person the core last had open, if any.
    pub active: Option<Profile>,
    /// Whether the window opens on `active`'s record. With several people on this computer (a
    /// physio's patients) it opens on nobody's: the last patient's name is not for the next one.
    pub open_record: bool,
    /// The saved checks of the record it opens on, newest first (its Check tab); else empty.
    pub checks: Vec<SavedCheck>,
}

/// Reads what the window opens on.
pub fn start(store: &Store) -> Result<Start, Error> {
    let settings = settings::get(store)?;
    let profiles = profiles::list(store)?;
    let active = profiles::active(store)?;
    let open_record = active.is_some() && profiles.len() == 1;
    let checks = match (&active, open_record) {
        (Some(p), true) => saved::list(store, p.id)?,
        _ => Vec::new(),
    };
    Ok(Start { settings, profiles, active, open_record, checks })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use serde_json::json;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn a_first_launch_opens_on_no_record() {
        let (_dir, store) = store();
        let s = start(&store).unwrap();
        assert!(s.profiles.is_empty() && s.active.is_none() && !s.open_record && s.checks.is_empty());
    }

    #[test]
    fn one_person_opens_on_their_record_with_their_checks_newest_first() {
        let (_dir, mut store) = store();
        let p = profiles::create(&mut store, "Ana", Utc::now()).unwrap();
        let now = Utc::now();
        for (minutes, pop) in [(0, true), (5, false)] {
            let case = json!({"findings": {"pop": pop}});
            let result = crate::engine::assess(&crate::engine::Case::from_value(case.clone()).unwrap());
            let at = now + chrono::Duration::minutes(minutes);
            crate::log::assessments::save(&mut store, p.id, &case, &result, "", at).unwrap();
        }
        let s = start(&store).unwrap();
        assert_eq!(s.active.as_ref().map(|a| a.id), Some(p.id));
        assert!(s.open_record);
        assert_eq!(s.checks, saved::list(&store, p.id).unwrap());
        assert_eq!(s.checks.len(), 2);
        assert_eq!(s.checks[0].saved.case["findings"]["pop"], json!(false), "newest first");
    }

    #[test]
    fn several_people_open_on_nobodys_record() {
        let (_dir, mut store) = store();
        profiles::create(&mut store, "Ana", Utc::now()).unwrap();
        let b = profiles::create(&mut store, "Ben", Utc::now()).unwrap();
        profiles::set_active(&mut store, b.id).unwrap();
        let s = start(&store).unwrap();
        assert_eq!(s.profiles.len(), 2);
        assert_eq!(s.active.map(|a| a.id), Some(b.id), "the core still knows who was last open");
        assert!(!s.open_record);
        assert!(s.checks.is_empty(), "nobody's checks are read for a record not shown");
    }
}
