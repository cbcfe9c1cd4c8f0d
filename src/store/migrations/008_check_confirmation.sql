-- Who examined a saved check, and the cause a clinician confirmed on it (issue 12 item 3: a plan
-- reads "If this is ..." until then). The name rules (not only spaces, one line, at most 120
-- characters) and the cause (one the engine knows) are checked in Rust (log::confirmation), which
-- names them; the constraints keep any other writer to the lengths and to a whole confirmation:
-- the cause, who confirmed it and when, all three or none.
ALTER TABLE saved_assessments ADD COLUMN examined_by TEXT NOT NULL DEFAULT '' CHECK (length(examined_by) <= 120);
ALTER TABLE saved_assessments ADD COLUMN confirmed_condition TEXT CHECK (length(confirmed_condition) BETWEEN 1 AND 100);
ALTER TABLE saved_assessments ADD COLUMN confirmed_by TEXT CHECK (length(confirmed_by) BETWEEN 1 AND 120);
ALTER TABLE saved_assessments ADD COLUMN confirmed_at INTEGER
  CHECK ((confirmed_at IS NULL) = (confirmed_condition IS NULL) AND (confirmed_at IS NULL) = (confirmed_by IS NULL));
