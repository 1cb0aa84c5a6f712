"""Smaller holes the attack run found: a world-readable data directory and SQLite file, a
token-free 204 for any OPTIONS, and fetched URLs in the INFO log."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from scraper.blog import read_blog
from scraper.fetch import Fetcher
from scraper.profile import parse_profile
from server import create_app, logs, shutdown, store
from tests.server.conftest import EXTENSION_ORIGIN, wait_for


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- the data directory --------------------------------------------------------------------


def test_a_new_data_directory_and_everything_in_it_are_the_owners_alone(make_app):
    app = make_app()
    data = Path(app.config["DATA_DIR"])
    client = app.test_client()
    token = {"Authorization": f"Bearer {app.config['_TOKEN']}"}
    assert client.put("/api/me", json={"name": "Ada"}, headers=token).status_code == 200
    db = data / store.DB_NAME
    assert (data / f"{store.DB_NAME}-wal").exists()  # a write made the WAL
    assert mode(data) == 0o700
    for path in (db, data / f"{store.DB_NAME}-wal", data / f"{store.DB_NAME}-shm", data / "token"):
        assert mode(path) & 0o077 == 0, f"{path.name} is {oct(mode(path))}"


def test_an_existing_data_directory_open_to_others_is_closed(tmp_path, caplog):
    data = tmp_path / "old"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    (data / store.DB_NAME).touch(mode=0o644)
    (data / store.DB_NAME).chmod(0o644)
    app = create_app({"DATA_DIR": str(data), "TESTING": True, "PRELOAD_MODEL": False,
                      "WORKERS": 0, "USE_BROWSER": False})  # fmt: skip
    try:
        assert mode(data) == 0o700
        assert mode(data / store.DB_NAME) == 0o600
        assert "readable by others" in caplog.text
    finally:
        shutdown(app)


# -- OPTIONS -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/me", "/api/contacts", "/api/people/0123456789abcdef",
                                  "/nowhere", "/"])  # fmt: skip
def test_options_without_an_origin_is_no_preflight(client, path):
    answer = client.options(path)
    assert answer.status_code == 401 and answer.json["error"]["code"] == "token_missing"


def test_options_on_an_open_route_is_answered_like_the_route(client):
    answer = client.options("/api/health")
    assert answer.status_code == 200 and "GET" in answer.headers["Allow"]


@pytest.mark.parametrize(
    ("path", "method"), [("/nowhere", "GET"), ("/api/health", "DELETE"), ("/api/me", "TRACE")]
)
def test_a_preflight_for_a_route_or_method_that_does_not_exist_gets_no_204(client, path, method):
    answer = client.options(path, headers={"Origin": EXTENSION_ORIGIN,
                                           "Access-Control-Request-Method": method})  # fmt: skip
    assert answer.status_code != 204


def test_the_extensions_preflight_still_gets_its_204(client):
    answer = client.options("/api/contacts", headers={
        "Origin": EXTENSION_ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})  # fmt: skip
    assert answer.status_code == 204
    assert answer.headers["Access-Control-Allow-Origin"] == EXTENSION_ORIGIN
    assert "Authorization" in answer.headers["Access-Control-Allow-Headers"]


def test_options_with_the_token_is_an_ordinary_request(client, auth):
    answer = client.options("/api/contacts", headers=auth)
    assert answer.status_code == 200 and "POST" in answer.headers["Allow"]


# -- the log -------------------------------------------------------------------------------


@pytest.fixture
def server_logging():
    """The server's own logging (``logs.configure``), and every record it lets through."""
    root = logging.getLogger()
    quiet = {name: logging.getLogger(name).level for name in logs.QUIET_LIBRARIES}
    saved = root.handlers[:], root.level, quiet
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logs.configure()
    root.addHandler(Keep())
    yield records
    root.handlers[:], root.level = saved[0], saved[1]
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


def test_fetched_urls_are_not_logged_at_info(server_logging, local_site):
    secret = "/diary/ada-lovelace-private-notes"
    local_site.routes["/robots.txt"] = "User-agent: *\nAllow: /\n"
    local_site.routes["/"] = f'<html><body><p>Blog</p><a href="{secret}/">post</a></body></html>'
    local_site.routes[f"{secret}/"] = "<html><body><script>app()</script></body></html>"
    with Fetcher(allow_hosts_loopback=True, delay=0.0) as fetcher:
        fetcher.get(local_site.url(f"{secret}/?token=abc"))
        read_blog(local_site.url("/"), fetcher, limit=3)
    for url in (local_site.url(f"{secret}/"), f"https://www.linkedin.com/in/ada-lovelace{secret}",
                f"https://github.com/ada-lovelace{secret}"):  # fmt: skip
        assert parse_profile("<html><body><p>no one here</p></body></html>", url) is None
    assert f"{secret}/" in local_site.requests  # the page was fetched
    shown = [r for r in server_logging if r.levelno >= logging.INFO]
    leaked = [f"{r.name}: {r.getMessage()}" for r in shown if "ada-lovelace" in r.getMessage()]
    assert leaked == []


@pytest.mark.model
def test_a_whole_analysis_logs_no_address_it_read_at_info(server_logging, make_app, embedder,
                                                         me_profile, fixture_site):  # fmt: skip
    app = make_app(WORKERS=1, ALLOW_LOOPBACK_FETCH=True, EMBEDDER_FACTORY=lambda: embedder)
    client, auth = app.test_client(), {"Authorization": f"Bearer {app.config['_TOKEN']}"}
    client.put("/api/me", json=me_profile, headers=auth)
    fixture_site.routes["/about/"] = (404, {"Content-Type": "text/plain"}, b"gone")
    started = client.post("/api/analyses", json={"url": fixture_site.url("/")}, headers=auth)
    final = wait_for(client, auth, started.json["id"])
    assert final["status"] == "done" and final["result"]["posts"]
    port = fixture_site.base_url.rsplit(":", 1)[1]
    shown = [f"{r.name}: {r.getMessage()}" for r in server_logging if r.levelno >= logging.INFO]
    assert shown  # the request and job lines are there
    assert [line for line in shown if port in line or "/blog/" in line] == []
