"""Structured logs with a request id: one ``key=value`` line per request, and the id on every
record logged while the request runs (analysis workers log their analysis id instead).

Nothing from a page or a profile is logged at INFO, fetched URLs included: only method, route,
status, sizes, timings. (What the scraper fetched is logged at DEBUG, for a developer who asks.)
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, has_request_context, request

log = logging.getLogger(__name__)

# A client may pass its own id (the extension does, to match its logs with ours) if it is sane.
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
FORMAT = "%(asctime)s level=%(levelname)s logger=%(name)s request_id=%(request_id)s %(message)s"


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record: the request's, the job's, or '-'."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


# Libraries that log every URL they fetch at INFO ("HTTP Request: GET https://..."): held to
# warnings, since a fetched URL says whom the user is reading about.
QUIET_LIBRARIES = ("httpx", "httpcore", "hpack", "h2")


def configure(level: int = logging.INFO) -> None:
    """Log to stderr in the structured format (the CLI calls this; tests keep pytest's)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))


def _start() -> None:
    given = request.headers.get("X-Request-Id", "")
    g.request_id = given if _CLIENT_ID.match(given) else uuid.uuid4().hex[:12]
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    response.headers["X-Request-Id"] = g.get("request_id", "-")
    elapsed_ms = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
    # The route's rule, not the path: paths hold ids, and a query string could hold anything.
    route = request.url_rule.rule if request.url_rule else "-"
    log.info(
        "method=%s route=%s status=%d bytes_in=%s ms=%.1f",
        request.method, route, response.status_code, request.content_length or 0, elapsed_ms,
    )  # fmt: skip
    return response


def init_app(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
