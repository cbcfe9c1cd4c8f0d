-- Reminders the runner chose (issue 13): a time of day for the rehab exercises and one for the
-- next-morning pain score, per profile. Off by default: no row, no reminder. The time is minutes
-- after local midnight; Rust (`reminders::set`) reads and refuses a time in words first.
CREATE TABLE reminders (
    profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('exercises', 'morning_pain')),
    at_minute  INTEGER NOT NULL CHECK (at_minute BETWEEN 0 AND 1439),
    PRIMARY KEY (profile_id, kind)
) STRICT;
