-- A clinician's notes on a saved check (examination, what was agreed). Plain text, empty for a
-- runner's own check. The limit is also checked in Rust (log::assessments::NOTES_MAX), which
-- names it; the constraint keeps any other writer to it.
ALTER TABLE saved_assessments ADD COLUMN notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000);
