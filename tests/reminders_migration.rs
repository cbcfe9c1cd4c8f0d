//! Migration 007 (reminders): a database from before it gains an empty reminders table, so every
//! reminder starts off, keeps its data, and the table holds the rules the Rust checks name.

use soleus::reminders::{self, ReminderKind, Reminders};

#[path = "support/v4.rs"]
mod v4;

#[test]
fn a_database_from_before_reminders_gains_them_all_off_and_keeps_its_data() {
    let (_dir, mut store) =
        v4::ana_upgraded("INSERT INTO exercise_completions (profile_id, exercise_id, done_on, sets_done) VALUES (1, 'glute_bridge', '2026-11-16', 3);");
    assert_eq!(reminders::get(store.conn(), 1).unwrap(), Reminders::default(), "off by default");
    assert_eq!(soleus::log::exercises::list(store.conn(), 1).unwrap().len(), 1);
    let set = reminders::set(&mut store, 1, ReminderKind::MorningPain, Some("07:30")).unwrap();
    assert_eq!(set.morning_pain.as_deref(), Some("07:30"));
    // The schema keeps what the Rust checks refuse first: a minute outside the day, an unknown kind.
    for bad in ["INSERT INTO reminders VALUES (1, 'exercises', 1440)", "INSERT INTO reminders VALUES (1, 'stretching', 60)"] {
        assert!(store.conn().execute(bad, []).is_err(), "{bad}");
    }
}
