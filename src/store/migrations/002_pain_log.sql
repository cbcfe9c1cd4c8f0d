-- v2: the pain log and what it is read against: training sessions, saved assessments and
-- exercise completions. Everything belongs to a profile and goes with it when it is deleted.
--
-- Instants are stored as UTC seconds since 1970 (read them with datetime(x, 'unixepoch')):
-- compact, ordered, and cheap to index, which keeps a 100,000-row import fast. The UTC offset the
-- person was in when it happened is kept beside it (minutes east of UTC), so the local day and
-- hour can be shown as they were lived. The bounds are the years 1900 to 2999.

CREATE TABLE pain_entries (
    id             INTEGER PRIMARY KEY,
    profile_id     INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    recorded_at    INTEGER NOT NULL CHECK (recorded_at BETWEEN -2208988800 AND 32503680000),
    utc_offset_min INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080),
    score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    -- The key moment the score was taken at ("1 h after the run", "5 km mark"); '' when not said.
    moment         TEXT    NOT NULL DEFAULT '' CHECK (length(moment) <= 200),
    -- (OR rather than IN: SQLite builds a temporary table for an IN list on every row checked,
    -- which made CHECKs the slowest part of a large import.)
    side           TEXT    CHECK (side = 'left' OR side = 'right' OR side = 'both'),
    notes          TEXT    NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    -- One score per second: makes re-importing a file harmless. Also the review's index (a
    -- profile's entries in a time range); integers only, so it stays cheap to maintain.
    UNIQUE (profile_id, recorded_at)
) STRICT;

CREATE TABLE training_sessions (
    id               INTEGER PRIMARY KEY,
    profile_id       INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    started_at       INTEGER NOT NULL CHECK (started_at BETWEEN -2208988800 AND 32503680000),
    utc_offset_min   INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -1080 AND 1080),
    sport            TEXT    NOT NULL CHECK (sport = 'running' OR sport = 'walking' OR sport = 'hiking'
                                             OR sport = 'cycling' OR sport = 'swimming' OR sport = 'other'),
    distance_m       REAL    CHECK (distance_m IS NULL OR distance_m BETWEEN 0 AND 1000000),
    duration_s       REAL    CHECK (duration_s IS NULL OR duration_s BETWEEN 0 AND 1000000),
    elevation_gain_m REAL    CHECK (elevation_gain_m IS NULL OR elevation_gain_m BETWEEN 0 AND 100000),
    -- The file name it was imported from; NULL when it was entered by hand.
    source_file      TEXT    CHECK (source_file IS NULL OR length(source_file) BETWEEN 1 AND 1000),
    -- Identifies the activity whatever file it came from (see log::sessions::fingerprint), so
    -- the same run exported as GPX and as FIT is stored once.
    fingerprint      TEXT    NOT NULL CHECK (length(fingerprint) BETWEEN 1 AND 200),
    UNIQUE (profile_id, fingerprint)
) STRICT;

CREATE INDEX training_sessions_by_time ON training_sessions (profile_id, started_at);

-- An assessment as it was: the case that was answered, the result the engine gave, and which
-- engine gave it. Never recomputed, so an old result reads as it did on the day.
CREATE TABLE saved_assessments (
    id             INTEGER PRIMARY KEY,
    profile_id     INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    created_at     INTEGER NOT NULL CHECK (created_at BETWEEN -2208988800 AND 32503680000),
    engine_version TEXT    NOT NULL CHECK (length(engine_version) BETWEEN 1 AND 100),
    case_json      TEXT    NOT NULL CHECK (json_valid(case_json) AND json_type(case_json) = 'object'),
    result_json    TEXT    NOT NULL CHECK (json_valid(result_json) AND json_type(result_json) = 'object'),
    UNIQUE (profile_id, created_at)
) STRICT;

-- Exercise ids name entries of the exercise library, which is data shipped with the app, not a
-- table, so they are checked by the code that records them rather than by a foreign key.
CREATE TABLE exercise_completions (
    id          INTEGER PRIMARY KEY,
    profile_id  INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    exercise_id TEXT    NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 100),
    done_on     TEXT    NOT NULL CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    sets_done   INTEGER NOT NULL CHECK (sets_done BETWEEN 1 AND 100),
    UNIQUE (profile_id, exercise_id, done_on)
) STRICT;
