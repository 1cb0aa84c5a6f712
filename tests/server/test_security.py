"""Attack tests: foreign origins, missing or wrong tokens, oversized and malformed bodies, and
analyses pointing at refused addresses. The resolver is patched, so no packet leaves loopback."""

from __future__ import annotations

import pytest

from scraper import guard
from tests.server.conftest import wait_for

EVIL = "https://evil.example"


@pytest.fixture
def worker_app(make_app):
    """An app with one worker and the address guard on, as in production."""
    return make_app(WORKERS=1, ALLOW_LOOPBACK_FETCH=False)


@pytest.fixture
def fake_dns(monkeypatch):
    """Names that resolve to addresses the guard must refuse; anything else is a test bug."""
    answers = {
        "router.test": ["192.168.1.1"],
        "metadata.test": ["169.254.169.254"],
        "mixed.test": ["93.184.216.34", "10.0.0.5"],  # one public, one private: still refused
        "self.test": ["127.0.0.1"],
    }
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        if host not in answers:
            raise AssertionError(f"the test tried to resolve {host}")
        return answers[host]

    monkeypatch.setattr(guard, "resolve", resolve)
    return asked


def test_a_foreign_origin_cannot_store_or_start_anything(client, auth):
    headers = {**auth, "Origin": EVIL}
    attempts = [
        client.post("/api/analyses", json={"url": "https://a.example/"}, headers=headers),
        client.put("/api/me", json={"name": "Mallory"}, headers=headers),
        client.post("/api/contacts", json={"name": "Mallory"}, headers=headers),
        client.delete("/api/people/0123456789abcdef", headers=headers),
        client.options("/api/me", headers={"Origin": EVIL, "Access-Control-Request-Method": "PUT"}),
        client.get("/api/health", headers={"Origin": EVIL}),
    ]
    for answer in attempts:
        assert answer.status_code == 403
        assert answer.json["error"]["code"] == "origin_not_allowed"
        assert "Access-Control-Allow-Origin" not in answer.headers
    assert client.get("/api/me", headers=auth).status_code == 404  # nothing was stored
    assert client.get("/api/contacts", headers=auth).json["contacts"] == []


def test_a_page_on_localhost_is_a_foreign_origin_too(client, auth):
    for origin in ("http://127.0.0.1:8765", "http://localhost", "null", "chrome-extension://x"):
        answer = client.get("/api/contacts", headers={**auth, "Origin": origin})
        assert answer.status_code == 403, origin


def test_tokens_that_look_right_are_still_wrong(client, auth):
    real = auth["Authorization"].split()[1]
    for guess in (real[:-1], real + "x", real.upper(), "Bearer", "", " " * 10, "\u00e9" * 43):
        answer = client.get("/api/me", headers={"Authorization": f"Bearer {guess}"})
        assert answer.status_code == 401
        assert answer.json["error"]["code"] in ("token_wrong", "token_missing")


def test_oversized_bodies_get_413_before_being_read(client, auth):
    huge_page = {"url": "https://a.example/", "html": "x" * (9 * 1024 * 1024)}
    answer = client.post("/api/analyses", json=huge_page, headers=auth)
    assert answer.status_code == 413 and answer.json["error"]["code"] == "too_large"
    big_note = {"name": "A", "notes": "x" * 300_000}
    answer = client.post("/api/contacts", json=big_note, headers=auth)
    assert answer.status_code == 413 and answer.json["error"]["code"] == "too_large"
    long_html = {"url": "https://a.example/", "html": "x" * 6_500_000}
    answer = client.post("/api/analyses", json=long_html, headers=auth)
    assert answer.status_code == 422 and answer.json["error"]["code"] == "too_long"


def test_malformed_bodies_are_refused_with_a_code(client, auth):
    json_type = {**auth, "Content-Type": "application/json"}
    cases = [
        (client.post("/api/analyses", data=b"\xff\xfe", headers=json_type), 400, "malformed_json"),
        (client.post("/api/analyses", data="[]", headers=json_type), 422, "invalid_input"),
        (client.post("/api/analyses", json={"url": 5}, headers=auth), 422, "invalid_input"),
        (client.post("/api/analyses", json={}, headers=auth), 422, "missing_field"),
        (client.post("/api/analyses", json={"url": "file:///etc/passwd"}, headers=auth), 422,
         "bad_url"),
        (client.post("/api/analyses", json={"url": "javascript:alert(1)"}, headers=auth), 422,
         "bad_url"),
        (client.post("/api/analyses", data="url=x", headers={**auth, "Content-Type":
                     "application/x-www-form-urlencoded"}), 400, "malformed_json"),
    ]  # fmt: skip
    for answer, status, code in cases:
        assert answer.status_code == status, answer.json
        assert answer.json["error"]["code"] == code


def test_linkedin_is_never_fetched(client, auth):
    answer = client.post("/api/analyses", json={"url": "https://www.linkedin.com/in/someone/"},
                         headers=auth)  # fmt: skip
    assert answer.status_code == 422
    assert answer.json["error"]["code"] == "linkedin_needs_page"
    assert "click the extension" in answer.json["error"]["message"]


@pytest.mark.parametrize("host", ["router.test", "metadata.test", "mixed.test", "self.test"])
def test_analyses_of_refused_addresses_fail_without_contacting_them(worker_app, fake_dns, host):
    client = worker_app.test_client()
    auth = {"Authorization": f"Bearer {worker_app.config['_TOKEN']}"}
    started = client.post("/api/analyses", json={"url": f"http://{host}/about"}, headers=auth)
    assert started.status_code == 202
    final = wait_for(client, auth, started.json["id"], timeout=30)
    assert final["status"] == "failed"
    assert final["error"]["code"] == "address_refused", final["error"]
    assert host in fake_dns
