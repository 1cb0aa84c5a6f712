"""Fixtures for the extension's end-to-end tests: the real backend, the real extension in a real
headless Chromium, and loopback sites for the people the tests analyse.

One backend and one browser serve the whole session (the model and Chromium are the expensive
parts); each test sets the extension's settings it needs, so the order of tests does not matter.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from harness import DEMO_SITE, ROOT

EXTENSION_DIR = ROOT / "extension"
FIXTURES = ROOT / "tests" / "fixtures" / "extension"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class RunningBackend:
    url: str
    token: str
    data_dir: Path
    # The body of every POST /api/analyses, as the extension sent it (its captured DOM).
    sent_analyses: list[dict[str, Any]] = field(default_factory=list)

    def api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Call the backend directly (setup and checks), as the extension would."""
        headers = {"Authorization": f"Bearer {self.token}"}
        return httpx.request(method, self.url + path, headers=headers, timeout=30, **kwargs)


def _recording_analyses(wsgi_app, sent: list[dict[str, Any]]):
    """Wrap ``wsgi_app`` to keep a copy of each analysis request's JSON body."""

    def app(environ, start_response):
        if environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") == "/api/analyses":
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            try:
                sent.append(json.loads(body))
            except ValueError:
                pass  # not JSON: the backend answers it with its own error
            environ["wsgi.input"] = io.BytesIO(body)
        return wsgi_app(environ, start_response)

    return app


def _serve(app) -> tuple[Any, str]:
    from server.serving import make_server

    server = make_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return server, f"http://127.0.0.1:{server.effective_port}"


@pytest.fixture(scope="session")
def backend(tmp_path_factory, embedder) -> Iterator[RunningBackend]:
    """The real backend (Flask app, SQLite, workers, the real model) under waitress on loopback."""
    from server import create_app, shutdown

    data_dir = tmp_path_factory.mktemp("backend-data")
    app = create_app(
        {
            "DATA_DIR": str(data_dir),
            "ALLOW_LOOPBACK_FETCH": True,  # the test sites run on 127.0.0.1
            "FETCH_DELAY_S": 0.0,  # politeness pauses only slow the tests down here
            "USE_BROWSER": False,  # the pages under test need no JavaScript
            "ANALYSIS_BUDGET_S": 120.0,
            "EMBEDDER_FACTORY": lambda: embedder,  # the session's one model
        }
    )
    running = RunningBackend(url="", token=(data_dir / "token").read_text().strip(),
                             data_dir=data_dir)  # fmt: skip
    app.wsgi_app = _recording_analyses(app.wsgi_app, running.sent_analyses)
    server, running.url = _serve(app)
    yield running
    server.close()
    shutdown(app)


@pytest.fixture(scope="session")
def me_profile() -> dict[str, Any]:
    return json.loads((DEMO_SITE / "me.json").read_text())


def serve_site(site, directory: Path, **placeholders: str) -> str:
    """Serve ``directory`` on ``site`` with {{SITE}} replaced by the site's own base URL (and
    each {{NAME}} in ``placeholders`` by its value); returns the site's address."""
    return site.serve_dir(directory, **placeholders)


@pytest.fixture(scope="session")
def demo_person(local_site_factory) -> str:
    """The bundled demo person (a profile and a 10-post blog with RSS) on a loopback site."""
    return serve_site(local_site_factory(), DEMO_SITE)


class Extension:
    """The unpacked extension loaded in a headless Chromium, with helpers to drive it."""

    def __init__(self, context, service_worker) -> None:
        self.context = context
        self.sw = service_worker
        self.id = service_worker.url.split("/")[2]
        self.base = f"chrome-extension://{self.id}/"

    def configure(self, backend_url: str, token: str, **extra: Any) -> None:
        settings = {"backendUrl": backend_url, "token": token, **extra}
        self.sw.evaluate("(s) => chrome.storage.local.set({settings: s})", settings)

    def reset_analyses(self) -> None:
        self.sw.evaluate("chrome.storage.session.clear()")

    def _tab_ids(self) -> set[int]:
        return set(self.sw.evaluate("chrome.tabs.query({}).then(ts => ts.map(t => t.id))"))

    def open_target(self, url: str):
        """Open ``url`` in a new tab; returns the page and its tab id (told apart from the tabs
        before it, since the extension may not see the URL of a tab it has no access to)."""
        before = self._tab_ids()
        page = self.context.new_page()
        page.goto(url)
        new = self._tab_ids() - before
        assert len(new) == 1, f"expected one new tab, got {new}"
        return page, new.pop()

    def open_popup(self, tab_id: int):
        popup = self.context.new_page()
        popup.goto(f"{self.base}popup.html?tab={tab_id}")
        popup.bring_to_front()
        return popup

    def analyse(self, url: str):
        """Open ``url`` in a tab and the popup for it: the one click a user makes."""
        target, tab_id = self.open_target(url)
        return target, self.open_popup(tab_id)

    def open_page(self, name: str):
        page = self.context.new_page()
        page.goto(self.base + name)
        return page

    def badge_text(self) -> str:
        return self.sw.evaluate("chrome.action.getBadgeText({})")

    def close_pages(self) -> None:
        for page in list(self.context.pages):
            page.close()


@pytest.fixture(scope="session")
def extension(chromium_path, tmp_path_factory) -> Iterator[Extension]:
    from playwright.sync_api import sync_playwright

    profile_dir = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile_dir),
            executable_path=chromium_path,
            headless=True,
            args=[
                f"--disable-extensions-except={EXTENSION_DIR}",
                f"--load-extension={EXTENSION_DIR}",
                *CHROMIUM_ARGS,
            ],
        )
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        sw = context.service_workers[0] if context.service_workers else None
        if sw is None:
            sw = context.wait_for_event("serviceworker", timeout=15000)
        yield Extension(context, sw)
        context.close()
    shutil.rmtree(profile_dir, ignore_errors=True)


@pytest.fixture
def ext(extension, backend) -> Iterator[Extension]:
    """The extension paired with the backend, with no analysis in memory; pages closed after."""
    extension.configure(backend.url, backend.token)
    extension.reset_analyses()
    yield extension
    extension.close_pages()


def closed_port_url(local_site_factory) -> str:
    """An address on loopback where nothing listens."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def words(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def wait_for_result(popup, timeout_ms: int = 120_000) -> None:
    """Wait until the popup shows the result; fail at once, with its text, if it shows an error."""
    from playwright.sync_api import expect

    expect(popup.locator("#result:visible, #error:visible").first).to_be_visible(timeout=timeout_ms)
    if popup.locator("#error").is_visible():
        pytest.fail("the popup shows an error: " + words(popup.locator("#error").inner_text()))


def wait_for_error(popup, timeout_ms: int = 60_000) -> str:
    """Wait until the popup shows an error and return its text."""
    from playwright.sync_api import expect

    expect(popup.locator("#error")).to_be_visible(timeout=timeout_ms)
    return words(popup.locator("#error").inner_text())
