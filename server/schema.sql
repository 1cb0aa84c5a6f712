-- Migration 1: the tables Common Ground keeps on the user's machine.
-- Later changes go in migrations/NNNN_name.sql; store.migrate() records each one it applies.

CREATE TABLE me (
    id INTEGER PRIMARY KEY CHECK (id = 1),  -- one user per data directory
    profile TEXT NOT NULL,                  -- Profile.to_dict() as JSON
    updated_at TEXT NOT NULL
);

CREATE TABLE people (
    key TEXT PRIMARY KEY,                   -- person_key(): hash of the normalised profile URL
    url TEXT NOT NULL,
    name TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE analyses (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    person_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    stage TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    result TEXT,                            -- JSON, when done
    error TEXT,                             -- JSON {code, message}, when failed
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX analyses_person ON analyses (person_key, created_at);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_key TEXT,
    name TEXT NOT NULL,
    url TEXT,
    status TEXT NOT NULL CHECK (status IN ('drafted', 'sent', 'replied', 'met')),
    message TEXT,
    sent_date TEXT,                         -- YYYY-MM-DD
    follow_up_date TEXT,                    -- YYYY-MM-DD
    notes TEXT,
    analysis_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE pages (
    url TEXT PRIMARY KEY,
    person_key TEXT,                        -- whose analysis fetched it, for forgetting
    etag TEXT,
    last_modified TEXT,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,                  -- JSON
    html TEXT NOT NULL,
    final_url TEXT,
    fetched_at REAL NOT NULL                -- unix time; entries older than PAGE_TTL_S expire
);

CREATE TABLE phrases (
    model_id TEXT NOT NULL,
    text TEXT NOT NULL,
    vector BLOB NOT NULL,                   -- float32, little endian
    PRIMARY KEY (model_id, text)
) WITHOUT ROWID;
