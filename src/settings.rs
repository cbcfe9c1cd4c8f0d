//! App settings: distance units, colour theme, and the clinician's or clinic's name on reports.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::signed_name::{self, NameProblem};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    Km,
    Mi,
}

/// `System` follows the operating system's light or dark preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub units: Units,
    pub theme: Theme,
}

/// Kilometres in an international mile.
pub const KM_PER_MI: f64 = 1.609344;

impl Units {
    /// A distance given in km, converted to these units and labelled, to one decimal: "12.0 km",
    /// "7.5 mi". For sentences; the structured fields stay in km.
    pub fn distance(self, km: f64) -> String {
        match self {
            Units::Km => format!("{km:.1} km"),
            Units::Mi => format!("{:.1} mi", km / KM_PER_MI),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Units::Km => "km",
            Units::Mi => "mi",
        }
    }
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

pub fn get(store: &Store) -> Result<Settings, StoreError> {
    let (units, theme): (String, String) =
        store.conn().query_row("SELECT units, theme FROM settings WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(Settings {
        units: if units == "mi" { Units::Mi } else { Units::Km },
        theme: match theme.as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        },
    })
}

pub fn update(store: &mut Store, settings: Settings) -> Result<Settings, StoreError> {
    let tx = store.conn_mut().transaction()?;
    tx.execute(
        "UPDATE settings SET units = ?1, theme = ?2 WHERE id = 1",
        params![settings.units.as_str(), settings.theme.as_str()],
    )?;
    tx.commit()?;
    get(store)
}

/// The longest clinic name kept (the schema holds the same bound).
pub const CLINIC_NAME_MAX: usize = 120;

/// A clinic name that cannot be saved; nothing is written.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("the clinician or clinic name is only spaces: type a name, or clear the field to leave reports unsigned")]
    ClinicNameBlank,
    #[error("the clinician or clinic name is {0} characters long; keep it to {CLINIC_NAME_MAX}")]
    ClinicNameTooLong(usize),
    #[error("the clinician or clinic name has a line break or control character; keep it to one line")]
    ClinicNameControl,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SettingsError {
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            SettingsError::ClinicNameBlank => ErrorCode::ClinicNameBlank,
            SettingsError::ClinicNameTooLong(_) => ErrorCode::ClinicNameTooLong,
            SettingsError::ClinicNameControl => ErrorCode::ClinicNameControl,
            SettingsError::Store(e) => e.code(),
        }
    }
}

/// The name reports are signed with; empty when none is set.
pub fn clinic_name(store: &Store) -> Result<String, StoreError> {
    Ok(store.conn().query_row("SELECT clinic_name FROM settings WHERE id = 1", [], |r| r.get(0))?)
}

/// Saves the name reports are signed with, trimmed; an empty text clears it. A name of only
/// spaces, over the limit or over several lines is refused and nothing is written.
pub fn set_clinic_name(store: &mut Store, name: &str) -> Result<String, SettingsError> {
    let name = signed_name::checked(name, CLINIC_NAME_MAX).map_err(|problem| match problem {
        NameProblem::Blank => SettingsError::ClinicNameBlank,
        NameProblem::TooLong(length) => SettingsError::ClinicNameTooLong(length),
        NameProblem::Control => SettingsError::ClinicNameControl,
    })?;
    let tx = store.conn_mut().transaction().map_err(StoreError::from)?;
    tx.execute("UPDATE settings SET clinic_name = ?1 WHERE id = 1", params![name]).map_err(StoreError::from)?;
    tx.commit().map_err(StoreError::from)?;
    Ok(clinic_name(store)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clinic_name_is_trimmed_and_a_name_of_only_spaces_saves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(clinic_name(&store).unwrap(), "");
        assert_eq!(set_clinic_name(&mut store, "  Northside Physio ").unwrap(), "Northside Physio");
        assert!(matches!(set_clinic_name(&mut store, "   "), Err(SettingsError::ClinicNameBlank)));
        assert!(matches!(set_clinic_name(&mut store, &"x".repeat(121)), Err(SettingsError::ClinicNameTooLong(121))));
        assert!(matches!(set_clinic_name(&mut store, "A\nB"), Err(SettingsError::ClinicNameControl)));
        assert_eq!(clinic_name(&store).unwrap(), "Northside Physio", "a refused name writes nothing");
        assert_eq!(set_clinic_name(&mut store, "").unwrap(), "", "an empty name clears it");
    }

    #[test]
    fn defaults_then_round_trip() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(get(&store).unwrap(), Settings { units: Units::Km, theme: Theme::System });
        let s = Settings { units: Units::Mi, theme: Theme::Dark };
        assert_eq!(update(&mut store, s).unwrap(), s);
        assert_eq!(get(&store).unwrap(), s);
    }

    #[test]
    fn a_distance_reads_in_either_unit_to_one_decimal() {
        assert_eq!(Units::Km.distance(12.0), "12.0 km");
        assert_eq!(Units::Mi.distance(KM_PER_MI), "1.0 mi");
        assert_eq!(Units::Mi.distance(42.195), "26.2 mi");
        assert_eq!(Units::Mi.distance(5.0), "3.1 mi");
        assert_eq!(Units::Mi.distance(0.0), "0.0 mi");
    }
}
