-- Migration 3: person keys from the whole profile URL. Keys used to ignore the port and the
-- query, so two people on one host (or ?id=1 and ?id=2) shared a key, and forgetting one deleted
-- the other. Every key is recomputed with person_key() (store.person_key, registered on the
-- connection by store.migrate) from the URL it was made from.

-- Old key -> new key, from every URL a key was made from.
CREATE TEMP TABLE rekey AS
    SELECT person_key AS old, person_key(url) AS new FROM analyses
    UNION SELECT key, person_key(url) FROM people;

-- Cached pages of an old key that now splits into several people: whose page each one is cannot
-- be told, and a cache is cheaper to refill than a person to misattribute.
DELETE FROM pages WHERE person_key IN
    (SELECT old FROM rekey GROUP BY old HAVING count(DISTINCT new) > 1);
UPDATE pages SET person_key = (SELECT new FROM rekey WHERE old = pages.person_key)
    WHERE person_key IN (SELECT old FROM rekey);

-- Contacts: by their own URL; without one, by the analysis they came from; else by the person
-- record their old key pointed at.
UPDATE contacts SET person_key = person_key(url) WHERE url IS NOT NULL;
UPDATE contacts SET person_key = (SELECT person_key(a.url) FROM analyses a
                                  WHERE a.id = contacts.analysis_id)
    WHERE url IS NULL AND analysis_id IN (SELECT id FROM analyses);
UPDATE contacts SET person_key = (SELECT person_key(p.url) FROM people p
                                  WHERE p.key = contacts.person_key)
    WHERE url IS NULL AND (analysis_id IS NULL OR analysis_id NOT IN (SELECT id FROM analyses))
      AND person_key IN (SELECT key FROM people);

UPDATE analyses SET person_key = person_key(url);
UPDATE OR REPLACE people SET key = person_key(url);
DROP TABLE rekey;
