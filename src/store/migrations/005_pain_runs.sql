-- v5: a pain score tied to the run it follows (issue 13). A score may name the training session
-- it belongs to, the moment of that run it was taken at (during, right after, the next morning),
-- and the site on the body map (the vocabulary's `location` values, the Check's regions).
-- Free-standing scores keep all three empty. The rules are checked first in Rust
-- (log::entries and log::sites), which names them; the constraints keep any other writer to them.
--
-- ON DELETE SET NULL, not CASCADE: a pain score is the runner's own record and outlives a run
-- deleted by mistake or as a duplicate; it stays a free-standing score at its own time and keeps
-- its moment, so "the morning after a run" is still said.

ALTER TABLE pain_entries ADD COLUMN run_moment TEXT
    CHECK (run_moment IS NULL OR run_moment = 'during' OR run_moment = 'after' OR run_moment = 'next_morning');

-- A score tied to a run always says at which moment of it.
ALTER TABLE pain_entries ADD COLUMN session_id INTEGER REFERENCES training_sessions (id) ON DELETE SET NULL
    CHECK (session_id IS NULL OR run_moment IS NOT NULL);

ALTER TABLE pain_entries ADD COLUMN site TEXT
    CHECK (site IS NULL OR site = 'behind_knee' OR site = 'upper_calf_medial' OR site = 'upper_calf_lateral'
           OR site = 'mid_calf' OR site = 'lower_calf' OR site = 'achilles' OR site = 'inner_shin'
           OR site = 'whole_calf' OR site = 'front_shin');

-- A run's scores, found from the run.
CREATE INDEX pain_entries_by_session ON pain_entries (session_id) WHERE session_id IS NOT NULL;

-- What a CHECK cannot see, because it spans two tables: the run is the same person's, no score
-- of it is dated before it started, and a next-morning score falls on a later local day than
-- the run. The messages begin with `pain_run:` so log::refused_by_schema can word them.
CREATE TRIGGER pain_entries_run_insert BEFORE INSERT ON pain_entries WHEN NEW.session_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'pain_run: another profile')
     WHERE NOT EXISTS (SELECT 1 FROM training_sessions s WHERE s.id = NEW.session_id AND s.profile_id = NEW.profile_id);
    SELECT RAISE(ABORT, 'pain_run: before the run')
      FROM training_sessions s WHERE s.id = NEW.session_id AND NEW.recorded_at < s.started_at;
    SELECT RAISE(ABORT, 'pain_run: next morning on the day of the run')
      FROM training_sessions s
     WHERE s.id = NEW.session_id AND NEW.run_moment = 'next_morning'
       AND date(NEW.recorded_at + 60 * NEW.utc_offset_min, 'unixepoch') <= date(s.started_at + 60 * s.utc_offset_min, 'unixepoch');
END;

CREATE TRIGGER pain_entries_run_update BEFORE UPDATE OF profile_id, recorded_at, utc_offset_min, run_moment, session_id ON pain_entries
WHEN NEW.session_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'pain_run: another profile')
     WHERE NOT EXISTS (SELECT 1 FROM training_sessions s WHERE s.id = NEW.session_id AND s.profile_id = NEW.profile_id);
    SELECT RAISE(ABORT, 'pain_run: before the run')
      FROM training_sessions s WHERE s.id = NEW.session_id AND NEW.recorded_at < s.started_at;
    SELECT RAISE(ABORT, 'pain_run: next morning on the day of the run')
      FROM training_sessions s
     WHERE s.id = NEW.session_id AND NEW.run_moment = 'next_morning'
       AND date(NEW.recorded_at + 60 * NEW.utc_offset_min, 'unixepoch') <= date(s.started_at + 60 * s.utc_offset_min, 'unixepoch');
END;
