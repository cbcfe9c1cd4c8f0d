-- The clinician's or clinic's name the report is signed with (empty: none). The rules (not only
-- spaces, at most 120 characters) are checked in Rust (settings::set_clinic_name), which names
-- them; the constraint keeps any other writer to the length.
ALTER TABLE settings ADD COLUMN clinic_name TEXT NOT NULL DEFAULT '' CHECK (length(clinic_name) <= 120);
