"""Fixtures every test package shares: a real HTTP server on loopback, the real Chromium and
the real embedding model."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"

# A handler returns (status, headers, body bytes).
Handler = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]


@dataclass
class LocalSite:
    """A programmable HTTP server on 127.0.0.1: routes map a path to a handler or to bytes."""

    base_url: str
    routes: dict[str, Handler | bytes | str | tuple[int, dict[str, str], bytes]] = field(
        default_factory=dict
    )
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    def serve_dir(self, directory: Path, prefix: str = "/") -> None:
        """Serve every file under ``directory`` at ``prefix`` + its relative path."""
        for p in directory.rglob("*"):
            if p.is_file():
                rel = p.relative_to(directory).as_posix()
                self.routes[prefix + rel] = p.read_bytes()
                if rel.endswith("index.html"):
                    self.routes[prefix + rel[: -len("index.html")]] = p.read_bytes()


_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".json": "application/json",
    ".txt": "text/plain",
    "": "text/html; charset=utf-8",
}


def _make_handler(site: LocalSite):
    class _Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def do_GET(self):  # noqa: N802 (http.server's naming)
            path = self.path.split("?")[0]
            site.requests.append(self.path)
            route = site.routes.get(path)
            if route is None:
                status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
            elif callable(route):
                status, headers, body = route(self)
            elif isinstance(route, tuple):
                status, headers, body = route
            else:
                # A static file, served as static hosts do: with an ETag, answering a
                # conditional GET for an unchanged file with 304.
                body = route.encode() if isinstance(route, str) else route
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                headers = {"Content-Type": _TYPES.get(Path(path).suffix, "text/html"),
                           "ETag": etag}  # fmt: skip
                status = 200
                if self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        do_HEAD = do_GET

    return _Handler


@pytest.fixture(scope="session")
def local_site_factory() -> Iterator[Callable[[], LocalSite]]:
    """Start as many independent loopback sites as a test needs; all stop at session end."""
    servers: list[ThreadingHTTPServer] = []

    def make() -> LocalSite:
        site = LocalSite(base_url="")
        server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(site))
        server.daemon_threads = True
        site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return site

    yield make
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture
def local_site(local_site_factory) -> LocalSite:
    """A fresh, empty loopback site for one test."""
    return local_site_factory()


@pytest.fixture(scope="session")
def embedder():
    """The real embedding model (int8 MiniLM), loaded once for the whole session: every test
    that needs it (marked ``model``) and the extension tests' backend share this one."""
    from insights.embed import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The system Chromium; the browser tests need it (make test installs it)."""
    path = os.environ.get("CHROMIUM_PATH") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None,
    )
    if not path:
        pytest.fail("no Chromium found: run `make test` (it installs one) or set CHROMIUM_PATH")
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real pages in ../shared/data; tests that need them skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED_DATA}")
    return SHARED_DATA
