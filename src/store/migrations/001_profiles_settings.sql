-- v1: people and app settings.
CREATE TABLE profiles (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE COLLATE NOCASE
                       CHECK (length(trim(name)) BETWEEN 1 AND 100),
    created_at TEXT    NOT NULL -- RFC 3339, UTC
) STRICT;

-- One row: the app's settings. The active profile is forgotten when that profile is deleted.
CREATE TABLE settings (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    units             TEXT    NOT NULL DEFAULT 'km' CHECK (units IN ('km', 'mi')),
    theme             TEXT    NOT NULL DEFAULT 'system' CHECK (theme IN ('system', 'light', 'dark')),
    active_profile_id INTEGER REFERENCES profiles (id) ON DELETE SET NULL
) STRICT;

INSERT INTO settings (id) VALUES (1);
