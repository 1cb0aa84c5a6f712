"""Forgetting a person leaves nothing of them: not in any table, the WAL, the phrase cache, a
contact saved by their name alone, nor the memories of the running process.

The person carries a canary name found nowhere else; after DELETE /api/people/<key>, every byte
of the data directory and every in-process memory is searched for it. Another person analysed
alongside must survive intact.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.server.conftest import ME_JSON, serve_site, wait_for

pytestmark = pytest.mark.model

CANARY = "Quillfeather"


def canary_site(site) -> None:
    """The fixture person renamed, with the canary in their posts' phrases and sentences."""
    serve_site(site)
    for path, body in list(site.routes.items()):
        if isinstance(body, bytes):
            body = body.replace(b"Ines Okafor", f"Zephyrine {CANARY}".encode())
            body = body.replace(b"Northside", CANARY.encode())
            body = body.replace(b"sourdough", f"{CANARY.lower()} sourdough".encode())
            site.routes[path] = body


def canary_in_files(data_dir: Path) -> list[str]:
    needle = CANARY.lower().encode()
    return [p.name for p in sorted(data_dir.rglob("*")) if p.is_file()
            and needle in p.read_bytes().lower()]  # fmt: skip


def canary_in_memories() -> list[str]:
    from scraper.forgettable import memories

    needle = CANARY.lower()
    return [memory.name for memory in memories()
            if any(needle in repr(entry).lower() for entry in memory.snapshot())]  # fmt: skip


def test_nothing_about_a_forgotten_person_survives(make_app, embedder, local_site_factory):
    canary, control = local_site_factory(), local_site_factory()
    canary_site(canary)
    serve_site(control)
    app = make_app(WORKERS=1, ALLOW_LOOPBACK_FETCH=True, EMBEDDER_FACTORY=lambda: embedder)
    auth = {"Authorization": f"Bearer {app.config['_TOKEN']}"}
    client = app.test_client()
    me = json.loads(ME_JSON.read_text())
    assert client.put("/api/me", json=me, headers=auth).status_code == 200

    found = {}
    pages = {"canary": canary.url("/"), "control": control.url("/")}
    for name, url in pages.items():
        started = client.post("/api/analyses", json={"url": url}, headers=auth).json
        final = wait_for(client, auth, started["id"])
        assert final["status"] == "done", final.get("error")
        found[name] = started
    key = found["canary"]["person_key"]
    # Contacts: one saved from the analysis (with the URL), one saved by name alone.
    contacts = [
        {"name": f"Zephyrine {CANARY}", "url": pages["canary"], "status": "sent"},
        {"name": f"  zephyrine {CANARY.upper()} ", "status": "drafted",
         "message": f"Dear Zephyrine, your {CANARY} loaves..."},
        {"name": "Ines Okafor", "url": pages["control"], "status": "sent"},
    ]  # fmt: skip
    for contact in contacts:
        assert client.post("/api/contacts", json=contact, headers=auth).status_code == 201

    data_dir = Path(app.config["DATA_DIR"])
    assert canary_in_files(data_dir), "the canary must be stored before it can be forgotten"

    gone = client.delete(f"/api/people/{key}", headers=auth)
    assert gone.status_code == 200, gone.json
    assert canary_in_files(data_dir) == []
    assert (data_dir / "commonground.sqlite3-wal").stat().st_size == 0  # checkpointed, truncated
    assert gone.json["deleted"]["contacts"] == 2 and gone.json["deleted"]["phrases"] > 0
    assert canary_in_memories() == []
    from insights.candidates import _stem

    assert _stem.cache_info().currsize == 0  # the words of the texts, cleared whole

    # The other person is untouched.
    control_id = found["control"]["id"]
    assert client.get(f"/api/analyses/{control_id}", headers=auth).json["status"] == "done"
    names = [c["name"] for c in client.get("/api/contacts", headers=auth).json["contacts"]]
    assert names == ["Ines Okafor"]
