"""Who may talk to the backend: the host names it answers to, the browser origins it answers,
and the bearer token.

A request addressed to any name but 127.0.0.1, localhost or [::1] with the server's own port is
refused first, as Jupyter does: a page on evil.example whose name is re-pointed at 127.0.0.1
(DNS rebinding) reaches this port with its own name in Host, and is turned away before any
route runs, health and the API description included. A browser request whose Origin is not the
extension's own (or one the user configured) is refused next, so a web page cannot make the
backend fetch or store anything even if it guessed the token. The token is made at first start
from ``secrets`` and kept in DATA_DIR/token (mode 0600, the directory 0700); it is compared in
constant time.
"""

from __future__ import annotations

import hmac
import logging
import os
import re
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from flask import Flask, Response, current_app, request

from server.errors import AppError

log = logging.getLogger(__name__)

# The extension's id is derived from the public key pinned in extension/manifest.json ("key"),
# so it is the same on every machine; extension/EXTENSION_ID holds the same value.
EXTENSION_ORIGIN = "chrome-extension://igdkgacpikbgkafbcgccoamcahljolme"
TOKEN_FILE = "token"
# Routes a client may call without the token: liveness and the API description.
OPEN_ENDPOINTS = {"health.health", "health.openapi"}
# The names a browser on this machine uses for the server; ALLOWED_HOSTS adds others (the
# address given to `serve --host` when it is not loopback).
LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
_HOST = re.compile(r"(\[[0-9a-f:.]+\]|[^:\[\]]+)(?::([0-9]{1,5}))?", re.IGNORECASE)
CORS_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Request-Id",
    "Access-Control-Max-Age": "600",
}


def read_or_create_token(data_dir: str | Path, *, rotate: bool = False) -> str:
    """The data directory's token; made (or replaced, with ``rotate``) with a secure random."""
    path = private_data_dir(Path(data_dir)) / TOKEN_FILE
    if not rotate:
        try:
            token = path.read_text().strip()
        except FileNotFoundError:
            token = ""
        if token:
            return token
    token = secrets.token_urlsafe(32)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(token + "\n")
    os.replace(tmp, path)  # atomic: a reader sees the old token or the new one, never half
    return token


def allowed_origins(config_value: str | Iterable[str] | None) -> set[str]:
    """ALLOWED_ORIGINS from config: a list, or a string of origins separated by commas/spaces."""
    if isinstance(config_value, str):
        items = config_value.replace(",", " ").split()
    else:
        items = list(config_value or ())
    return {str(o).rstrip("/") for o in items if o}


def allowed_hosts(config_value: str | Iterable[str] | None) -> frozenset[str]:
    """The host names answered: the local ones, and ALLOWED_HOSTS (a list, or a string of
    names separated by commas or spaces)."""
    if isinstance(config_value, str):
        items = config_value.replace(",", " ").split()
    else:
        items = list(config_value or ())
    return LOCAL_NAMES | {str(name).lower() for name in items if name}


def host_allowed(host: str | None, server_port: str, scheme: str, names: frozenset[str]) -> bool:
    """``host`` (the Host header) names this server: one of ``names``, and its own port."""
    match = _HOST.fullmatch(host or "")
    if match is None:
        return False
    port = match.group(2) or ("443" if scheme == "https" else "80")
    return match.group(1).lower() in names and port.isdigit() and int(port) == int(server_port)


def private_data_dir(path: Path) -> Path:
    """Create the data directory readable by its owner only (0700), and make it so if it was
    not: it holds the token, the SQLite file and what was read about people."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("data directory %s was readable by others (mode %o); now 0700", path, mode)
        path.chmod(0o700)
    return path


def private_database(path: Path) -> None:
    """Make the SQLite file (created empty if missing, as SQLite would) and its -wal and -shm
    files readable by their owner only. SQLite gives the -wal and -shm files it creates the
    main file's mode, so 0600 here keeps them 0600 too."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for suffix in ("", "-wal", "-shm"):
        kept = path.with_name(path.name + suffix)
        if kept.exists() and stat.S_IMODE(kept.stat().st_mode) & 0o077:
            kept.chmod(0o600)


def _check_request() -> Response | None:
    if not host_allowed(request.headers.get("Host"), request.environ.get("SERVER_PORT", ""),
                        request.scheme, current_app.config["_HOSTS"]):  # fmt: skip
        raise AppError(
            "this backend answers only requests addressed to 127.0.0.1, localhost or [::1] on "
            "its own port; a page that renamed itself to reach it is refused. If you serve it "
            "under another name on purpose, add that name to ALLOWED_HOSTS",
            code="host_not_allowed",
            status=403,
        )
    origin = request.headers.get("Origin")
    if origin is not None and origin.rstrip("/") not in current_app.config["_ORIGINS"]:
        raise AppError(
            "this origin may not use the Common Ground backend; add it to ALLOWED_ORIGINS "
            "if you trust it",
            code="origin_not_allowed",
            status=403,
        )
    if _is_preflight(origin):
        return current_app.response_class(status=204)  # CORS headers are added after
    # Any other OPTIONS is an ordinary request: it needs the token, and gets Flask's answer.
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise AppError(
            "missing token: send 'Authorization: Bearer <token>' "
            "(run `commonground token` to see it)",
            code="token_missing",
            status=401,
        )
    expected = current_app.config["_TOKEN"].encode()
    if not hmac.compare_digest(given.strip().encode(), expected):
        raise AppError(
            "wrong token: copy it again from `commonground token` into the extension's options",
            code="token_wrong",
            status=401,
        )
    return None


def _is_preflight(origin: str | None) -> bool:
    """A CORS preflight from an allowed origin (checked before) for a route and method that
    exist. Nothing else gets the token-free 204."""
    method = request.headers.get("Access-Control-Request-Method", "").upper()
    if request.method != "OPTIONS" or origin is None or not method:
        return False
    routes = current_app.create_url_adapter(request)
    return routes is not None and routes.test(request.path, method=method)


def _add_cors(response: Response) -> Response:
    origin = request.headers.get("Origin")
    response.headers.add("Vary", "Origin")
    if origin is not None and origin.rstrip("/") in current_app.config["_ORIGINS"]:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers.update(CORS_HEADERS)
    return response


def init_app(app: Flask) -> None:
    app.config["_TOKEN"] = read_or_create_token(app.config["DATA_DIR"])
    app.config["_ORIGINS"] = allowed_origins(app.config["ALLOWED_ORIGINS"])
    app.config["_HOSTS"] = allowed_hosts(app.config.get("ALLOWED_HOSTS"))
    app.before_request(_check_request)
    app.after_request(_add_cors)
