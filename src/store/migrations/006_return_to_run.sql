-- v6 (numbered 006 by the lead; 005 and 007 belong to other branches): the return to running,
-- measured. Every bound is also checked in Rust (src/return_to_run/records.rs), which names the
-- field at fault; the constraints keep any other writer to them.

-- The runner's functional tests on a (local) day. A measure not taken that day is NULL; the two
-- legs of a paired test are recorded together, so the sides can be compared.
CREATE TABLE functional_tests (
    id                    INTEGER PRIMARY KEY,
    profile_id            INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    tested_on             TEXT    NOT NULL CHECK (tested_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- Single-leg calf raises to fatigue, each leg.
    calf_raises_left      INTEGER CHECK (calf_raises_left IS NULL OR calf_raises_left BETWEEN 0 AND 200),
    calf_raises_right     INTEGER CHECK (calf_raises_right IS NULL OR calf_raises_right BETWEEN 0 AND 200),
    -- Knee-to-wall lunge: the toes' distance from the wall, in cm.
    knee_to_wall_left_cm  REAL    CHECK (knee_to_wall_left_cm IS NULL OR knee_to_wall_left_cm BETWEEN 0 AND 30),
    knee_to_wall_right_cm REAL    CHECK (knee_to_wall_right_cm IS NULL OR knee_to_wall_right_cm BETWEEN 0 AND 30),
    -- Pain 0-10 while hopping on the injured leg, walking, and doing the calf raises.
    hop_pain              INTEGER CHECK (hop_pain IS NULL OR hop_pain BETWEEN 0 AND 10),
    walk_pain             INTEGER CHECK (walk_pain IS NULL OR walk_pain BETWEEN 0 AND 10),
    calf_raise_pain       INTEGER CHECK (calf_raise_pain IS NULL OR calf_raise_pain BETWEEN 0 AND 10),
    CHECK ((calf_raises_left IS NULL) = (calf_raises_right IS NULL)),
    CHECK ((knee_to_wall_left_cm IS NULL) = (knee_to_wall_right_cm IS NULL)),
    CHECK (coalesce(calf_raises_left, knee_to_wall_left_cm, hop_pain, walk_pain, calf_raise_pain) IS NOT NULL),
    UNIQUE (profile_id, tested_on)
) STRICT;

-- An outcome questionnaire's total on a day (the questions themselves are not stored: their
-- wording is the instrument's own). VISA-A is 0-100, the LEFS 0-80.
CREATE TABLE outcome_scores (
    id         INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    instrument TEXT    NOT NULL CHECK (instrument = 'visa_a' OR instrument = 'lefs'),
    scored_on  TEXT    NOT NULL CHECK (scored_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    CHECK (instrument <> 'lefs' OR score <= 80),
    UNIQUE (profile_id, instrument, scored_on)
) STRICT;
