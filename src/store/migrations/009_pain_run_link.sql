-- v9: a pain score's run is checked by constraints of the row, not by a trigger, and the text
-- limits are checked without a copy of the text (issue 14 item 5: a large import's cost).
-- Migration 005's insert trigger made SQLite enter a trigger program for every score stored,
-- free-standing ones too (its WHEN is tested inside it), which cost about a fifth of a large
-- import. The same three rules now hold declaratively: a score tied to a run carries the run's
-- person, start and offset beside its id, a foreign key on all four makes them the run's own
-- (so a score cannot name another person's run, or a run with another start), and CHECKs compare
-- them with the score's. A free-standing score has all four NULL, so none of it is evaluated
-- beyond a NULL test. Deleting a run still sets the four to NULL and keeps the score, its time
-- and its run moment. The rules are checked first in Rust (log::entries), which names them; the
-- CHECKs carry the names log::refused_by_schema words (`pain_run: ...`).
--
-- SQLite cannot add a table constraint to a table, so pain_entries is rebuilt: the same columns
-- in the same order, every row kept with its id, plus the three run columns filled from the run.

CREATE TABLE pain_entries_v9 (
    id             INTEGER PRIMARY KEY,
    profile_id     INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    recorded_at    INTEGER NOT NULL CHECK (recorded_at BETWEEN -2208988800 AND 32503680000),
    utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080),
    score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    -- The same limits as 002's, counted in bytes first: a text of at most n bytes has at most n
    -- characters, and only a longer one is counted in characters. length() of a text needs it
    -- NUL-terminated, which for a bound parameter is a copy per row; the length of its bytes
    -- (CAST AS BLOB) is not.
    moment         TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(moment AS BLOB)) <= 200 OR length(moment) <= 200),
    side           TEXT    CHECK (side = 'left' OR side = 'right' OR side = 'both'),
    notes          TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(notes AS BLOB)) <= 4000 OR length(notes) <= 4000),
    run_moment     TEXT    CHECK (run_moment IS NULL OR run_moment = 'during' OR run_moment = 'after' OR run_moment = 'next_morning'),
    session_id     INTEGER CHECK (session_id IS NULL OR run_moment IS NOT NULL),
    site           TEXT    CHECK (site IS NULL OR site = 'behind_knee' OR site = 'upper_calf_medial' OR site = 'upper_calf_lateral'
                                  OR site = 'mid_calf' OR site = 'lower_calf' OR site = 'achilles' OR site = 'inner_shin'
                                  OR site = 'whole_calf' OR site = 'front_shin'),
    -- The run's person, start and offset (training_sessions' own), NULL with session_id.
    run_profile_id     INTEGER,
    run_started_at     INTEGER,
    run_utc_offset_min INTEGER,
    UNIQUE (profile_id, recorded_at),
    FOREIGN KEY (session_id, run_profile_id, run_started_at, run_utc_offset_min)
        REFERENCES training_sessions (id, profile_id, started_at, utc_offset_min) ON DELETE SET NULL,
    -- A foreign key with a NULL in it holds whatever the rest says: the run is named in full or not at all.
    CONSTRAINT "pain_run: the run named in part"
        CHECK ((session_id IS NULL) = (run_profile_id IS NULL) AND (session_id IS NULL) = (run_started_at IS NULL)
               AND (session_id IS NULL) = (run_utc_offset_min IS NULL)),
    CONSTRAINT "pain_run: another profile" CHECK (run_profile_id IS NULL OR run_profile_id = profile_id),
    CONSTRAINT "pain_run: before the run" CHECK (run_started_at IS NULL OR recorded_at >= run_started_at),
    CONSTRAINT "pain_run: next morning on the day of the run"
        CHECK (run_started_at IS NULL OR run_moment IS NOT 'next_morning'
               OR date(recorded_at + 60 * utc_offset_min, 'unixepoch') > date(run_started_at + 60 * run_utc_offset_min, 'unixepoch'))
) STRICT;

-- The key the scores' foreign key names (id alone is unique, so this is too).
CREATE UNIQUE INDEX training_sessions_run_link ON training_sessions (id, profile_id, started_at, utc_offset_min);

-- Every score as it was. A link to a run that is not there (possible only in a file written with
-- foreign keys off) is dropped as deleting the run would have dropped it.
INSERT INTO pain_entries_v9 (id, profile_id, recorded_at, utc_offset_min, score, moment, side, notes, run_moment, session_id, site,
                             run_profile_id, run_started_at, run_utc_offset_min)
SELECT p.id, p.profile_id, p.recorded_at, p.utc_offset_min, p.score, p.moment, p.side, p.notes, p.run_moment, s.id, p.site,
       s.profile_id, s.started_at, s.utc_offset_min
  FROM pain_entries p LEFT JOIN training_sessions s ON s.id = p.session_id;

-- Its triggers (005's two) and index go with it.
DROP TABLE pain_entries;
ALTER TABLE pain_entries_v9 RENAME TO pain_entries;

-- A run's scores, found from the run (also the index a run's deletion finds them by).
CREATE INDEX pain_entries_by_session ON pain_entries (session_id) WHERE session_id IS NOT NULL;
