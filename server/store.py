"""The SQLite store: one file in the data directory, in WAL mode.

Common Ground's SQL is here, in ``server.sqlite_caches`` (the page and phrase caches, which share
a connection across threads) and in the schema files.

Request handlers get a connection per request (``get_db``, closed on teardown); worker threads
and the caches open their own (``connect``). Every write runs inside ``transaction`` so that a
crash leaves either all of it or none of it. The schema is ``schema.sql`` (migration 1) plus
``migrations/NNNN_*.sql``, each recorded in ``schema_migrations`` and applied once, at start.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from scraper.hosts import is_linkedin

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DB_NAME = "commonground.sqlite3"


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def connect(path: str | Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """Open the database. Autocommit mode: writes are grouped by ``transaction`` explicitly."""
    conn = sqlite3.connect(
        str(path), timeout=30, isolation_level=None, check_same_thread=check_same_thread
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL keeps every committed write through a crash or kill of the process
    # (the WAL is in the OS's hands at COMMIT); only a power cut can lose the last few. FULL
    # would fsync on every commit and make each small write ~10x slower under load.
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    # What is deleted is overwritten with zeros, not left in free pages of the file: forgetting
    # a person must leave nothing of them on disk (with the WAL checkpoint in forget_person).
    conn.execute("PRAGMA secure_delete=ON")
    return conn


# SQLite lets one writer in at a time and makes the others poll with growing sleeps, which is
# slow and unfair under load. Writers of this process queue on a lock instead (one per file).
_WRITE_LOCKS: dict[str, threading.Lock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock(conn: sqlite3.Connection) -> threading.Lock:
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(path, threading.Lock())


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE .. COMMIT, or ROLLBACK on any error. IMMEDIATE avoids upgrade deadlocks."""
    with _write_lock(conn):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _migrations() -> list[tuple[int, str, str]]:
    found = [(1, "schema", (HERE / "schema.sql").read_text())]
    for path in sorted((HERE / "migrations").glob("[0-9][0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:4]), path.stem, path.read_text()))
    return found


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded; returns the names applied now."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
        " (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied = {row[0] for row in conn.execute("SELECT id FROM schema_migrations")}
    # Migrations may recompute person keys in SQL (0003): the one definition, not a copy.
    conn.create_function("person_key", 1, person_key, deterministic=True)
    names = []
    for number, name, sql in _migrations():
        if number in applied:
            continue
        with transaction(conn):
            # executescript would COMMIT our transaction; run the statements one by one instead.
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)",
                (number, name, now_iso()),
            )
        names.append(name)
        log.info("applied migration %04d %s", number, name)
    return names


def _statements(sql: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def init_db(path: str | Path) -> None:
    """Create or upgrade the database, and fail jobs a previous process left unfinished."""
    conn = connect(path)
    try:
        migrate(conn)
        with transaction(conn):
            conn.execute(
                "UPDATE analyses SET status = 'failed', error = ?, updated_at = ?"
                " WHERE status IN ('queued', 'running')",
                (
                    json.dumps(
                        {
                            "code": "interrupted",
                            "message": "interrupted by a restart; run it again",
                            "action": "retry",
                        }
                    ),
                    now_iso(),
                ),
            )
    finally:
        conn.close()


# -- people ----------------------------------------------------------------------------------


# Query parameters that say how someone reached a page or which view of it they see, never
# whose page it is. Every other parameter is part of the identity: some sites name the person
# there (profile.php?id=4, /user?name=ada), and two people must never share a key, since
# forgetting one would delete the other.
_NOT_IDENTITY = re.compile(
    r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|source|trk|trkinfo|"
    r"lipi|originalsubdomain|tab|lang|hl",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_profile_url(url: str) -> str:
    """The identity of a profile URL: host (without www) and port (unless the scheme's default),
    path without a trailing slash, and the query's identifying parameters, sorted. LinkedIn
    names people in the path alone (case-insensitively), so its query is dropped."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a URL stored before validation refused its kind: keyed by its text
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal keeps its brackets, or its port would blur into it
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    if is_linkedin(parts.hostname or ""):
        return f"{host}{parts.path.rstrip('/').lower()}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode(sorted((k, v) for k, v in pairs if not _NOT_IDENTITY.fullmatch(k)))
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def person_key(url: str) -> str:
    """A short stable key for a person, safe in a URL path: 16 hex digits of a sha256."""
    return hashlib.sha256(normalise_profile_url(url).encode()).hexdigest()[:16]


def upsert_person(conn: sqlite3.Connection, key: str, url: str, name: str | None) -> None:
    stamp = now_iso()
    with transaction(conn):
        conn.execute(
            "INSERT INTO people (key, url, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET name = coalesce(excluded.name, name),"
            " updated_at = excluded.updated_at",
            (key, url, name, stamp, stamp),
        )


def forget_person(conn: sqlite3.Connection, key: str) -> dict[str, int]:
    """Delete everything stored about a person; returns how many rows of each kind went.

    That is their analyses, cached pages, the phrases their analyses embedded, their record, and
    their contacts: those saved with their URL, and those saved by their name alone. Deleted
    rows are overwritten (``secure_delete``), and the WAL is checkpointed and truncated so that
    no copy of them stays in the -wal file."""
    with transaction(conn):
        names = _names_of(conn, key)
        by_name = [
            row["id"]
            for row in conn.execute("SELECT id, name FROM contacts WHERE person_key IS NULL")
            if _same_name(row["name"]) in names
        ]
        phrases_used = (
            "(model_id, text) IN (SELECT model_id, text FROM phrase_people WHERE person_key = ?)"
        )
        counts = {
            "analyses": conn.execute("DELETE FROM analyses WHERE person_key = ?", (key,)).rowcount,
            "contacts": conn.execute("DELETE FROM contacts WHERE person_key = ?", (key,)).rowcount
            + conn.executemany(
                "DELETE FROM contacts WHERE id = ?", [(i,) for i in by_name]
            ).rowcount,
            "pages": conn.execute("DELETE FROM pages WHERE person_key = ?", (key,)).rowcount,
            "phrases": conn.execute(f"DELETE FROM phrases WHERE {phrases_used}", (key,)).rowcount,
            "people": conn.execute("DELETE FROM people WHERE key = ?", (key,)).rowcount,
        }
        conn.execute(f"DELETE FROM phrase_people WHERE {phrases_used}", (key,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts


def _same_name(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def _names_of(conn: sqlite3.Connection, key: str) -> set[str]:
    """The names a person is known by here: their record, their contacts, their analyses."""
    known = conn.execute(
        "SELECT name FROM people WHERE key = ?"
        " UNION SELECT name FROM contacts WHERE person_key = ?",
        (key, key),
    )
    names = {_same_name(name) for (name,) in known}
    for (result,) in conn.execute(
        "SELECT result FROM analyses WHERE person_key = ? AND result IS NOT NULL", (key,)
    ):
        names.add(_same_name((json.loads(result).get("profile") or {}).get("name")))
    return names - {""}


# -- me --------------------------------------------------------------------------------------


def get_me(conn: sqlite3.Connection) -> dict[str, Any] | None:
    row = conn.execute("SELECT profile FROM me WHERE id = 1").fetchone()
    return json.loads(row["profile"]) if row else None


def put_me(conn: sqlite3.Connection, profile: dict[str, Any]) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO me (id, profile, updated_at) VALUES (1, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET profile = excluded.profile,"
            " updated_at = excluded.updated_at",
            (json.dumps(profile), now_iso()),
        )


# -- analyses --------------------------------------------------------------------------------


def create_analysis(conn: sqlite3.Connection, analysis_id: str, url: str, key: str) -> None:
    stamp = now_iso()
    with transaction(conn):
        conn.execute(
            "INSERT INTO analyses (id, url, person_key, status, stage, created_at, updated_at)"
            " VALUES (?, ?, ?, 'queued', 'queued', ?, ?)",
            (analysis_id, url, key, stamp, stamp),
        )


def delete_analysis(conn: sqlite3.Connection, analysis_id: str) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM analyses WHERE id = ?", (analysis_id,))


def update_analysis(conn: sqlite3.Connection, analysis_id: str, **fields: Any) -> None:
    """Set status/stage/done/total/result/error; dicts are stored as JSON."""
    allowed = {"status", "stage", "done", "total", "result", "error"}
    if not fields or not set(fields) <= allowed:
        raise ValueError(f"unknown analysis fields: {sorted(set(fields) - allowed)}")
    values = [json.dumps(v) if isinstance(v, dict) else v for v in fields.values()]
    assignments = ", ".join(f"{name} = ?" for name in fields)  # names checked against allowed
    with transaction(conn):
        conn.execute(
            f"UPDATE analyses SET {assignments}, updated_at = ? WHERE id = ?",
            (*values, now_iso(), analysis_id),
        )


def get_analysis(conn: sqlite3.Connection, analysis_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM analyses WHERE id = ?", (analysis_id,)).fetchone()
    if row is None:
        return None
    d = dict(row)
    d["result"] = json.loads(d["result"]) if d["result"] else None
    d["error"] = json.loads(d["error"]) if d["error"] else None
    return d


def latest_result(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """The most recent finished analysis of a person, or None."""
    row = conn.execute(
        "SELECT result FROM analyses WHERE person_key = ? AND status = 'done'"
        " ORDER BY created_at DESC LIMIT 1",
        (key,),
    ).fetchone()
    return json.loads(row["result"]) if row and row["result"] else None


# -- contacts --------------------------------------------------------------------------------

CONTACT_FIELDS = (
    "person_key", "name", "url", "status", "message", "sent_date", "follow_up_date", "notes",
    "analysis_id",
)  # fmt: skip


def add_contact(conn: sqlite3.Connection, contact: dict[str, Any]) -> int:
    stamp = now_iso()
    values = [contact.get(name) for name in CONTACT_FIELDS]
    with transaction(conn):
        cursor = conn.execute(
            f"INSERT INTO contacts ({', '.join(CONTACT_FIELDS)}, created_at, updated_at)"
            f" VALUES ({', '.join('?' * len(CONTACT_FIELDS))}, ?, ?)",
            (*values, stamp, stamp),
        )
    return int(cursor.lastrowid or 0)


def update_contact(conn: sqlite3.Connection, contact_id: int, changes: dict[str, Any]) -> bool:
    names = [name for name in CONTACT_FIELDS if name in changes]
    if not names:
        return get_contact(conn, contact_id) is not None
    assignments = ", ".join(f"{name} = ?" for name in names)  # names from CONTACT_FIELDS
    with transaction(conn):
        cursor = conn.execute(
            f"UPDATE contacts SET {assignments}, updated_at = ? WHERE id = ?",
            (*[changes[n] for n in names], now_iso(), contact_id),
        )
    return cursor.rowcount == 1


def get_contact(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    return dict(row) if row else None


def list_contacts(conn: sqlite3.Connection, *, due_by: str | None = None) -> list[dict[str, Any]]:
    """All contacts, newest first; with ``due_by`` (a date) only sent ones due a follow-up."""
    if due_by is None:
        rows = conn.execute("SELECT * FROM contacts ORDER BY id DESC")
    else:
        rows = conn.execute(
            "SELECT * FROM contacts WHERE status = 'sent' AND follow_up_date IS NOT NULL"
            " AND follow_up_date <= ? ORDER BY follow_up_date",
            (due_by,),
        )
    return [dict(r) for r in rows]


def integrity_check(path: str | Path) -> str:
    conn = connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# -- Flask glue: a connection per request ----------------------------------------------------


def get_db() -> sqlite3.Connection:
    """The request's connection, opened on first use and closed when the request ends."""
    from flask import current_app, g

    if "db" not in g:
        g.db = connect(current_app.config["DB_PATH"])
    return g.db


def close_db(_exc: BaseException | None = None) -> None:
    from flask import g

    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def init_app(app) -> None:
    """Create/upgrade the database in DATA_DIR and close request connections on teardown."""
    app.config.setdefault("DB_PATH", str(Path(app.config["DATA_DIR"]) / DB_NAME))
    init_db(app.config["DB_PATH"])
    app.teardown_appcontext(close_db)
