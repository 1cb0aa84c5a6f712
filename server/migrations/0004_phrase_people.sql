-- Migration 4: whose analyses used each cached phrase, so that forgetting a person also drops
-- the phrases of their pages (the phrase cache holds text: keyphrases and short sentences).
CREATE TABLE phrase_people (
    model_id TEXT NOT NULL,
    text TEXT NOT NULL,
    person_key TEXT NOT NULL,
    PRIMARY KEY (model_id, text, person_key)
) WITHOUT ROWID;
CREATE INDEX phrase_people_person ON phrase_people (person_key);
