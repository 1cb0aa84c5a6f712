"""Person keys: one person, one key. Two people on one host (other ports, other ?id=) never share
a key, so forgetting one never deletes the other; stored keys are migrated to the new scheme."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

import pytest

from scraper.models import Page
from server import store
from server.sqlite_caches import SqlitePageCache


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("http://blog.example:8080/", "http://blog.example:8081/"),
        ("http://blog.example/", "http://blog.example:8080/"),
        ("https://x.example/profile.php?id=1", "https://x.example/profile.php?id=2"),
        ("https://x.example/user?name=ada", "https://x.example/user?name=grace"),
        ("https://x.example/u?id=1", "https://x.example/u"),
        ("http://[::1]:8080/", "http://[::1]:8081/"),
        ("https://janedoe.dev/about", "https://janedoe.dev/About"),  # paths are case-sensitive
    ],
)
def test_different_people_get_different_keys(a, b):
    assert store.person_key(a) != store.person_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://janedoe.dev/", "http://www.janedoe.dev"),
        ("https://janedoe.dev:443/", "https://janedoe.dev"),
        ("http://janedoe.dev:80/x/", "http://JaneDoe.dev/x"),
        ("https://x.example/p?id=1&utm_source=tw&fbclid=abc", "https://x.example/p?id=1#top"),
        ("https://x.example/p?b=2&a=1", "https://x.example/p?a=1&b=2"),
        ("https://github.com/ada?tab=repositories", "https://github.com/ada"),
        ("https://www.linkedin.com/in/Jane-Doe/?trk=x&originalSubdomain=uk",
         "https://linkedin.com/in/jane-doe"),
    ],
)  # fmt: skip
def test_one_person_keeps_one_key(a, b):
    assert store.person_key(a) == store.person_key(b)


def test_forgetting_one_person_leaves_the_other_on_the_same_host(client, auth):
    first, second = "http://people.example:8080/ada", "http://people.example:8081/ada"
    keys = []
    for url, name in ((first, "Ada"), (second, "Grace")):
        answer = client.post("/api/contacts", json={"name": name, "url": url}, headers=auth)
        assert answer.status_code == 201, answer.json
        keys.append(answer.json["person_key"])
    assert keys[0] != keys[1]
    gone = client.delete(f"/api/people/{keys[0]}", headers=auth)
    assert gone.status_code == 200 and gone.json["deleted"]["contacts"] == 1
    left = [c["name"] for c in client.get("/api/contacts", headers=auth).json["contacts"]]
    assert left == ["Grace"]


@pytest.mark.parametrize("tail", ["%0A", "%0D%0A", "%20", "%00"])
def test_a_key_with_anything_after_it_is_no_key(client, auth, tail):
    answer = client.delete(f"/api/people/0123456789abcdef{tail}", headers=auth)
    assert answer.status_code == 422 and answer.json["error"]["code"] == "bad_key"


@pytest.mark.parametrize("key", ["0123456789abcdef\n", "0123456789ABCDEF", "0123456789abcde", "x"])
def test_a_contact_refuses_a_person_key_that_is_not_one(client, auth, key):
    answer = client.post("/api/contacts", json={"name": "A", "person_key": key}, headers=auth)
    assert answer.status_code == 422 and answer.json["error"]["code"] == "bad_key"


# -- migrating keys stored by earlier versions ---------------------------------------------


def old_person_key(url: str) -> str:
    """The key before migration 3: host without www and path only (port and query ignored)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/").lower() if "linkedin.com" in host else parts.path.rstrip("/")
    return hashlib.sha256(f"{host}{path}".encode()).hexdigest()[:16]


@pytest.fixture
def old_db(tmp_path, monkeypatch):
    """A database as migrations 1 and 2 left it, filled with keys made the old way."""
    path = tmp_path / store.DB_NAME
    every = store._migrations()
    monkeypatch.setattr(store, "_migrations", lambda: every[:2])
    store.init_db(path)
    monkeypatch.undo()
    return path


def test_migration_rekeys_every_table_and_drops_pages_it_cannot_attribute(old_db):
    ada, grace = "http://people.example:8080/ada", "http://people.example:8081/ada"
    solo = "https://janedoe.dev/"
    shared = old_person_key(ada)
    assert shared == old_person_key(grace)  # the collision the migration undoes
    conn = store.connect(old_db)
    store.create_analysis(conn, "a-ada", ada, shared)
    store.create_analysis(conn, "a-grace", grace, shared)
    store.create_analysis(conn, "a-jane", solo, old_person_key(solo))
    store.upsert_person(conn, shared, ada, "Ada")
    store.upsert_person(conn, old_person_key(solo), solo, "Jane")
    store.add_contact(conn, {"name": "Ada", "url": ada, "person_key": shared, "status": "sent"})
    store.add_contact(conn, {"name": "Grace", "person_key": shared, "analysis_id": "a-grace",
                             "status": "sent"})  # fmt: skip
    store.add_contact(conn, {"name": "Jane", "person_key": old_person_key(solo),
                             "status": "drafted"})  # fmt: skip
    cache = SqlitePageCache(old_db, ttl_s=3600)
    for key, url in ((shared, "http://people.example:8080/post"), (old_person_key(solo), solo)):
        cache.for_person(key).put(Page(url=url, final_url=url, status=200), None, None)
    cache.close()

    assert store.migrate(conn)[0] == "0003_person_keys"

    analyses = dict(conn.execute("SELECT id, person_key FROM analyses").fetchall())
    assert analyses == {"a-ada": store.person_key(ada), "a-grace": store.person_key(grace),
                        "a-jane": store.person_key(solo)}  # fmt: skip
    contacts = dict(conn.execute("SELECT name, person_key FROM contacts").fetchall())
    assert contacts == {"Ada": store.person_key(ada), "Grace": store.person_key(grace),
                        "Jane": store.person_key(solo)}  # fmt: skip
    people = dict(conn.execute("SELECT name, key FROM people").fetchall())
    assert people == {"Ada": store.person_key(ada), "Jane": store.person_key(solo)}
    pages = dict(conn.execute("SELECT url, person_key FROM pages").fetchall())
    # The shared key's page could be Ada's or Grace's: dropped. Jane's keeps her (same) key.
    assert pages == {solo: store.person_key(solo)}
    # Forgetting Ada now leaves Grace.
    store.forget_person(conn, store.person_key(ada))
    assert [r[0] for r in conn.execute("SELECT name FROM contacts ORDER BY name")] == [
        "Grace", "Jane"]  # fmt: skip
    conn.close()
