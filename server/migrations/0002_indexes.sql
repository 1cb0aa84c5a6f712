-- Migration 2: indexes for the lookups the API makes often: follow-ups due, forgetting a person.
CREATE INDEX contacts_follow_up ON contacts (status, follow_up_date);
CREATE INDEX contacts_person ON contacts (person_key);
CREATE INDEX pages_person ON pages (person_key);
CREATE INDEX pages_fetched ON pages (fetched_at);
