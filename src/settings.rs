//! App settings: distance units and colour theme.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

#[cfg(test)]
mod tests {
    use super::*;

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
