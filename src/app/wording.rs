//! `knowledge/check_wording.toml`, loaded once and checked: the chance bands, the Wells score's
//! sentences and the emergency instruction. A failure here is a build defect (the file is
//! embedded and a test loads it), never a person's input.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::engine::{knowledge, Triage};

#[cfg(test)]
const CHECK_WORDING: &str = include_str!("../../knowledge/check_wording.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Wording {
    pub chances: Chances,
    pub wells: WellsWords,
    pub emergency: Emergency,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Chances {
    pub src: String,
    pub while_asking_at_most: String,
    pub figure_step: u32,
    pub figure_floor: u32,
    pub figure_ceiling: u32,
    pub figure_src: String,
    /// Highest first; the last starts at 0.
    pub band: Vec<Band>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Band {
    pub id: String,
    pub from: f64,
    pub words: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WellsWords {
    pub src: String,
    pub incomplete: String,
    pub likely: String,
    pub less_likely: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Emergency {
    pub src: String,
    pub title: String,
    pub call: String,
    pub say: Vec<String>,
    pub dont: Vec<String>,
    pub tell_otherwise: String,
    pub saving: String,
    pub saved: String,
    pub rule: BTreeMap<String, EmergencyRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EmergencyRule {
    pub tell: String,
    pub dont: Vec<String>,
    pub src: String,
}

impl Chances {
    /// A probability as a person reads it, and the rounded percent behind it: "about 35%", or
    /// "over 95%" / "under 5%" at the ends (`figure_*` in check_wording.toml), never finer than a
    /// questionnaire can know.
    pub fn figure(&self, p: f64) -> (String, u32) {
        let pct = p * 100.0;
        let rounded = ((pct / self.figure_step as f64).round() as u32 * self.figure_step).clamp(self.figure_floor, self.figure_ceiling);
        let words = if pct > self.figure_ceiling as f64 {
            format!("over {}%", self.figure_ceiling)
        } else if pct < self.figure_floor as f64 {
            format!("under {}%", self.figure_floor)
        } else {
            format!("about {rounded}%")
        };
        (words, rounded)
    }
}

/// A cause's chance in words, the one rule the window, the plan text, the reports and the
/// command line all use.
pub fn figure(p: f64) -> String {
    get().chances.figure(p).0
}

pub(crate) fn get() -> &'static Wording {
    static WORDING: OnceLock<Wording> = OnceLock::new();
    WORDING.get_or_init(|| load(crate::embedded::knowledge("check_wording.toml")).unwrap_or_else(|e| panic!("knowledge/check_wording.toml is invalid: {e}")))
}

/// Parses and checks the wording: every source listed in sources.toml, the bands from high to
/// low down to 0, the cap a band, and every emergency rule of red_flags.toml with what to tell.
pub(crate) fn load(text: &str) -> Result<Wording, String> {
    let w: Wording = toml::from_str(text).map_err(|e| e.to_string())?;
    let kb = knowledge::get();
    let known = |id: &str| kb.check_cited(id).is_ok();
    let cited = [&w.chances.src, &w.chances.figure_src, &w.wells.src, &w.emergency.src]
        .into_iter()
        .chain(w.emergency.rule.values().map(|r| &r.src));
    if let Some(missing) = cited.into_iter().find(|s| !known(s)) {
        return Err(format!("source `{missing}` is not in sources.toml"));
    }
    let bands = &w.chances.band;
    if bands.is_empty() || bands.last().is_some_and(|b| b.from != 0.0) || bands.windows(2).any(|p| p[0].from <= p[1].from) {
        return Err("chances.band must run from the highest `from` down to a last band from 0".into());
    }
    if !bands.iter().any(|b| b.id == w.chances.while_asking_at_most) {
        return Err(format!("chances.while_asking_at_most `{}` is not a band", w.chances.while_asking_at_most));
    }
    let c = &w.chances;
    if c.figure_step == 0 || c.figure_floor >= c.figure_ceiling || c.figure_ceiling > 100 {
        return Err("chances.figure_step must be positive and figure_floor < figure_ceiling <= 100".into());
    }
    for (id, triage, _) in kb.rules() {
        if triage == Triage::Emergency && !w.emergency.rule.contains_key(id) {
            return Err(format!("emergency rule `{id}` of red_flags.toml has no [emergency.rule.{id}] saying what to tell"));
        }
    }
    if let Some(id) = w.emergency.rule.keys().find(|id| !kb.rules().any(|(r, t, _)| r == id.as_str() && t == Triage::Emergency)) {
        return Err(format!("[emergency.rule.{id}] is not an emergency rule of red_flags.toml"));
    }
    if !w.emergency.say.iter().any(|s| s.contains("{tell}")) {
        return Err("emergency.say must have a line with {tell}".into());
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_rounded_and_never_claim_certainty() {
        assert_eq!(figure(0.9996), "over 95%");
        assert_eq!(figure(0.99), "over 95%");
        assert_eq!(figure(0.0001), "under 5%");
        assert_eq!(figure(0.0), "under 5%");
        assert_eq!(figure(0.3737), "about 35%");
        assert_eq!(figure(0.95), "about 95%");
        assert_eq!(figure(0.05), "about 5%");
    }

    #[test]
    fn the_embedded_wording_loads() {
        let w = get();
        assert_eq!(w.chances.band.last().unwrap().from, 0.0);
        assert!(w.emergency.rule.len() >= 4);
    }

    #[test]
    fn a_bad_wording_file_names_what_is_wrong() {
        let cases = [
            (CHECK_WORDING.replace("src = \"mastrandrea2010\"", "src = \"nobody2020\""), "source `nobody2020`"),
            (CHECK_WORDING.replace("while_asking_at_most = \"likely\"", "while_asking_at_most = \"sure\""), "not a band"),
            (CHECK_WORDING.replace("from = 0.66", "from = 0.95"), "highest `from`"),
            (CHECK_WORDING.replace("[emergency.rule.cauda_equina]", "[emergency.rule.calf_swelling]"), "cauda_equina"),
        ];
        for (text, says) in cases {
            let e = load(&text).unwrap_err();
            assert!(e.contains(says), "{says}: {e}");
        }
    }
}
