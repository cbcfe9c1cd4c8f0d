//! Writes a sample PDF report (a physio's check of a soleus strain, with notes and the cause
//! confirmed, a month of pain scores and runs) to the path given, to look at the layout:
//! `cargo run --example report_pdf -- out.pdf`.

use chrono::{Duration, TimeZone, Utc};
use serde_json::json;
use soleus::app::check::{self, CheckAnswers, Saving, Screen};
use soleus::log::entries::{self, NewPainEntry};
use soleus::log::sessions::{self, NewSession, Sport};
use soleus::{profiles, settings, Store};

fn main() {
    let out = std::env::args().nth(1).expect("usage: report_pdf OUT.pdf");
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let p = profiles::create(&mut store, "Ana Runner", now).unwrap();
    settings::set_clinic_name(&mut store, "Northside Physio").unwrap();
    for day in 0..28 {
        let at = (now - Duration::days(28 - day)).fixed_offset();
        if day % 2 == 0 {
            let score = (7 - day / 5).max(1);
            entries::add(&mut store, p.id, &NewPainEntry::new(at, score, "1 h after run", None, "", now).unwrap()).unwrap();
        }
        if day % 3 == 0 {
            let run = NewSession::new(at, Sport::Running, Some(4000.0 + 150.0 * day as f64), Some(1800.0), None, None).unwrap();
            sessions::add(&mut store, p.id, &[run]).unwrap();
        }
    }
    let answers: CheckAnswers = serde_json::from_value(json!({
        "findings": {"onset": "gradual", "location": "lower_calf", "thompson_test": "negative", "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "age": 41, "sex": "female"},
        "not_known": [], "examining": true
    }))
    .unwrap();
    let notes = "Tender low in the soleus, no swelling. Agreed a walk-run plan; review in 2 weeks.";
    let saved = check::save(&mut store, p.id, &answers, Saving { notes, examined_by: "Sam Lee", screen: Screen::Required }, now).unwrap();
    // The physio confirms the cause, so the plan reads as it.
    soleus::app::confirm::confirm(&mut store, p.id, saved.id, "soleus_strain", "Sam Lee", now).unwrap();
    let file = soleus::export::report::pdf::save(&store, &p, None, std::path::Path::new(&out).parent().unwrap(), now.fixed_offset()).unwrap();
    println!("{}", file.path);
}
