"""The SQLite store: migrations, WAL, transactions, the two caches, forgetting a person."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from scraper.models import Page
from server import store
from server.sqlite_caches import SqlitePageCache, SqlitePhraseCache


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / store.DB_NAME
    store.init_db(path)
    return path


@pytest.fixture
def conn(db_path):
    conn = store.connect(db_path)
    yield conn
    conn.close()


def test_migrations_are_recorded_and_applied_once(conn):
    names = [r["name"] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY id")]
    assert names == ["schema", "0002_indexes", "0003_person_keys", "0004_phrase_people"]
    assert store.migrate(conn) == []
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failed_write_leaves_nothing_behind(conn):
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction(conn):
            conn.execute("INSERT INTO me (id, profile, updated_at) VALUES (1, '{}', 'x')")
            conn.execute("INSERT INTO me (id, profile, updated_at) VALUES (2, '{}', 'x')")
    assert store.get_me(conn) is None


def test_person_key_ignores_what_does_not_identify_a_profile():
    a = store.person_key("https://www.linkedin.com/in/Jane-Doe/?trk=x#top")
    assert a == store.person_key("https://linkedin.com/in/jane-doe")
    assert a != store.person_key("https://linkedin.com/in/john-doe")
    assert len(a) == 16 and int(a, 16) >= 0


def test_unfinished_analyses_fail_at_the_next_start(db_path, conn):
    store.create_analysis(conn, "a1", "https://x.example/", "k")
    store.create_analysis(conn, "a2", "https://x.example/", "k")
    store.update_analysis(conn, "a2", status="running", stage="reading_posts")
    store.create_analysis(conn, "a3", "https://x.example/", "k")
    store.update_analysis(conn, "a3", status="done", result={"partial": False})
    store.init_db(db_path)
    for analysis_id in ("a1", "a2"):
        found = store.get_analysis(conn, analysis_id)
        assert found["status"] == "failed"
        assert found["error"]["code"] == "interrupted"
        assert "run it again" in found["error"]["message"]
    assert store.get_analysis(conn, "a3")["status"] == "done"


def test_page_cache_round_trip_and_expiry(db_path, conn):
    cache = SqlitePageCache(db_path, ttl_s=3600, person="p1")
    page = Page(url="https://b.example/post", final_url="https://b.example/post/", status=200,
                headers={"content-type": "text/html"}, html="<p>hi</p>")  # fmt: skip
    cache.put(page, '"etag1"', "Mon, 01 Jan 2024 00:00:00 GMT")
    hit = cache.get("https://b.example/post")
    assert hit.etag == '"etag1"' and hit.page.html == "<p>hi</p>"
    assert hit.page.final_url == "https://b.example/post/" and hit.page.from_cache
    conn.execute("UPDATE pages SET fetched_at = fetched_at - 7200")
    assert cache.get("https://b.example/post") is None
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 0
    cache.close()


def test_phrase_cache_keeps_vectors_exactly(db_path):
    cache = SqlitePhraseCache(db_path)
    vectors = {f"phrase {i}": np.random.default_rng(i).random(384, dtype=np.float32)
               for i in range(600)}  # fmt: skip
    cache.put_many("model-a", vectors)
    got = cache.get_many("model-a", [*vectors, "missing"])
    assert set(got) == set(vectors)
    assert all(np.array_equal(got[k], v) for k, v in vectors.items())
    assert cache.get_many("model-b", list(vectors)) == {}
    cache.close()


def test_forgetting_a_person_removes_pages_analyses_contact_and_record(db_path, conn):
    base = SqlitePageCache(db_path, ttl_s=3600)
    mine, other = base.for_person("p1"), base.for_person("p2")  # views sharing base's connection
    mine.put(Page(url="https://p1.example/", final_url="https://p1.example/", status=200), None,
             None)  # fmt: skip
    other.put(Page(url="https://p2.example/", final_url="https://p2.example/", status=200), None,
              None)  # fmt: skip
    store.create_analysis(conn, "a1", "https://p1.example/", "p1")
    store.add_contact(conn, {"name": "P1", "person_key": "p1", "status": "sent"})
    store.upsert_person(conn, "p1", "https://p1.example/", "P One")
    counts = store.forget_person(conn, "p1")
    assert counts == {"analyses": 1, "contacts": 1, "pages": 1, "phrases": 0, "people": 1}
    assert mine.get("https://p1.example/") is None
    assert other.get("https://p2.example/") is not None
    base.close()
