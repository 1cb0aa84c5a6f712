"""SQLite implementations of the scraper's PageCache and insights.vector_memo's PhraseCache.

Both are used from several threads at once (the fetcher's concurrent reads, every analysis
worker), so each holds its own connection behind a lock. The tables are in ``schema.sql``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from scraper.forgettable import current_person
from scraper.models import Page
from scraper.page_cache import CachedPage
from server.store import connect, transaction

# SQLite caps the number of ? parameters in one statement; stay well below it.
_CHUNK = 500


class _SharedConnection:
    """One connection used from several threads, serialised by a lock (sqlite3 needs that)."""

    def __init__(self, path: str | Path, shared: _SharedConnection | None = None) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection
        self._lock: threading.Lock
        if shared is not None:  # a view of another cache: the same connection and lock
            self._conn, self._lock = shared._conn, shared._lock
        else:
            self._conn = connect(path, check_same_thread=False)
            self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class SqlitePageCache(_SharedConnection):
    """scraper.fetch.PageCache on SQLite. Entries older than ``ttl_s`` are dropped when read."""

    def __init__(self, path: str | Path, ttl_s: float, person: str | None = None,
                 shared: _SharedConnection | None = None) -> None:  # fmt: skip
        super().__init__(path, shared)
        self.ttl_s = ttl_s
        self.person = person

    def for_person(self, key: str | None) -> SqlitePageCache:
        """The same cache (and connection), tagging the pages it stores with the person they
        were read for. Close the cache it came from, not this view."""
        return SqlitePageCache(self.path, self.ttl_s, key, shared=self)

    def get(self, url: str):
        with self._lock:
            row = self._conn.execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()
            if row is None:
                return None
            if time.time() - row["fetched_at"] > self.ttl_s:
                with transaction(self._conn):
                    self._conn.execute("DELETE FROM pages WHERE url = ?", (url,))
                return None
        page = Page(
            url=url, final_url=row["final_url"] or url, status=row["status"],
            headers=json.loads(row["headers"]), html=row["html"], from_cache=True,
        )  # fmt: skip
        return CachedPage(page=page, etag=row["etag"], last_modified=row["last_modified"])

    def put(self, page, etag: str | None, last_modified: str | None) -> None:
        with self._lock, transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO pages (url, person_key, etag, last_modified, status,"
                " headers, html, final_url, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    page.url, self.person, etag, last_modified, page.status,
                    json.dumps(dict(page.headers)), page.html, page.final_url, time.time(),
                ),
            )  # fmt: skip

    def purge_expired(self) -> int:
        with self._lock, transaction(self._conn):
            cursor = self._conn.execute(
                "DELETE FROM pages WHERE fetched_at < ?", (time.time() - self.ttl_s,)
            )
        return cursor.rowcount


class SqlitePhraseCache(_SharedConnection):
    """insights.vector_memo.PhraseCache on SQLite: float32 blobs, keyed by model and text.

    Each phrase also records the people whose analyses put or read it (``phrase_people``;
    the person is ``scraper.forgettable.current_person()``), so that forgetting a person drops
    the phrases of their pages."""

    def get_many(self, model_id: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        unique = list(dict.fromkeys(texts))
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(unique), _CHUNK):
                chunk = unique[i : i + _CHUNK]
                rows = self._conn.execute(
                    "SELECT text, vector FROM phrases WHERE model_id = ?"
                    f" AND text IN ({', '.join('?' * len(chunk))})",
                    (model_id, *chunk),
                )
                for text, blob in rows:
                    found[text] = np.frombuffer(blob, dtype="<f4").copy()
            self._record_people(model_id, list(found))
        return found

    def put_many(self, model_id: str, vectors: dict[str, np.ndarray]) -> None:
        rows = [
            (model_id, text, np.asarray(v, dtype="<f4").tobytes()) for text, v in vectors.items()
        ]
        with self._lock:
            with transaction(self._conn):
                self._conn.executemany(
                    "INSERT OR REPLACE INTO phrases (model_id, text, vector) VALUES (?, ?, ?)",
                    rows,
                )
            self._record_people(model_id, list(vectors))

    def _record_people(self, model_id: str, texts: list[str]) -> None:
        person = current_person()
        if person is None or not texts:
            return
        with transaction(self._conn):
            self._conn.executemany(
                "INSERT OR IGNORE INTO phrase_people (model_id, text, person_key) VALUES (?, ?, ?)",
                [(model_id, text, person) for text in texts],
            )
