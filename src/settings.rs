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

impl Units {
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
}
