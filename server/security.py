"""Who may talk to the backend: the bearer token and the browser origins it answers.

The token is made at first start from ``secrets`` and kept in DATA_DIR/token (mode 0600); it is
compared in constant time. A browser request whose Origin is not the extension's own (or one the
user configured) is refused before any route runs, so a web page cannot make the backend fetch
or store anything even if it guessed the token.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
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
CORS_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Request-Id",
    "Access-Control-Max-Age": "600",
}


def read_or_create_token(data_dir: str | Path, *, rotate: bool = False) -> str:
    """The data directory's token; made (or replaced, with ``rotate``) with a secure random."""
    path = Path(data_dir) / TOKEN_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
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


def _check_request() -> Response | None:
    origin = request.headers.get("Origin")
    if origin is not None and origin.rstrip("/") not in current_app.config["_ORIGINS"]:
        raise AppError(
            "this origin may not use the Common Ground backend; add it to ALLOWED_ORIGINS "
            "if you trust it",
            code="origin_not_allowed",
            status=403,
        )
    if request.method == "OPTIONS":
        return current_app.response_class(status=204)  # the preflight; headers added below
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
    app.before_request(_check_request)
    app.after_request(_add_cors)
