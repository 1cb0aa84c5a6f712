"""A programmable HTTP server on 127.0.0.1: the one local site of the tests and the benchmarks.

Routes map a path to bytes (served as a static host serves a file: with an ETag, and 304 to a
conditional GET for an unchanged file), to a ``(status, headers, body)`` answer, or to a handler
function. Its ``serve_forever`` polls for shutdown every 20 ms, not every 0.5 s, so that a test
that starts a site does not wait half a second to stop it.
"""

from __future__ import annotations

import hashlib
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

# A handler returns (status, headers, body bytes).
Handler = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]
Route = Handler | bytes | str | tuple[int, dict[str, str], bytes]
POLL_INTERVAL_S = 0.02

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".json": "application/json",
    ".txt": "text/plain",
    "": "text/html; charset=utf-8",
}


@dataclass
class LocalSite:
    """A site's routes and the requests it received; ``url(path)`` is its address for a path."""

    base_url: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None
    # What a path with no route gets (a site's own "page not found" page); plain 404 when None.
    fallback: Route | None = None

    def url(self, path: str) -> str:
        return self.base_url + path

    def serve_dir(self, directory: Path, prefix: str = "/", **placeholders: str) -> str:
        """Serve every file under ``directory`` at ``prefix`` + its relative path (an
        ``index.html`` also at its folder), with ``{{SITE}}`` replaced by this site's address
        and each ``{{NAME}}`` by ``placeholders[NAME]``; returns the address of ``prefix``."""
        values = {"SITE": self.base_url, **placeholders}
        for path in sorted(directory.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(directory).as_posix()
            body = path.read_bytes()
            for name, value in values.items():
                body = body.replace(b"{{" + name.encode() + b"}}", value.encode())
            self.routes[prefix + rel] = body
            if rel.endswith("index.html"):
                self.routes[prefix + rel[: -len("index.html")]] = body
        return self.base_url + prefix

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def _answer(site: LocalSite, request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
    path = unquote(request.path.split("?")[0])  # as a web server maps a path to a file
    route = site.routes.get(path, site.fallback)
    if route is None:
        return 404, {"Content-Type": "text/plain"}, b"not found"
    if callable(route):
        return route(request)
    if isinstance(route, tuple):
        return route
    body = route.encode() if isinstance(route, str) else route
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    headers = {"Content-Type": _TYPES.get(Path(path).suffix, "text/html"), "ETag": etag}
    if request.headers.get("If-None-Match") == etag:
        return 304, headers, b""
    return 200, headers, body


def _handler_class(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            site.requests.append(self.path)
            status, headers, body = _answer(site, self)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a size cap, a refused coding): its right

        do_HEAD = do_GET

    return _Handler


def start_site(tls: ssl.SSLContext | None = None) -> LocalSite:
    """A new, empty site on a free port of 127.0.0.1 (HTTPS with ``tls``); ``stop()`` ends it."""
    site = LocalSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_class(site))
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    scheme = "https" if tls is not None else "http"
    site.base_url = f"{scheme}://127.0.0.1:{server.server_address[1]}"
    site.server = server
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": POLL_INTERVAL_S}, daemon=True
    ).start()
    return site


@contextmanager
def running_site(tls: ssl.SSLContext | None = None) -> Iterator[LocalSite]:
    """``start_site`` for the length of a ``with`` block."""
    site = start_site(tls)
    try:
        yield site
    finally:
        site.stop()


@contextmanager
def serve_directory(directory: Path, **placeholders: str) -> Iterator[str]:
    """A site serving ``directory`` (see ``LocalSite.serve_dir``); yields its base URL."""
    with running_site() as site:
        site.serve_dir(directory, **placeholders)
        yield site.base_url
