"""The production server: waitress with threads, liveness checks served first, errors as JSON.

Under load every request waits its turn in waitress's queue, and a health check stuck behind
fifty writes says "down" about a server that is only busy. Health checks (and the analysis
polls the popup sends) have a lane of their own in that queue, served first: they take a
millisecond.

A request waitress cannot parse (a bad request line, a NUL in a header, a bad Content-Length or
chunk size, headers over its limit) never reaches Flask; waitress answers it itself, in plain
text. Here it answers in the API's one error shape, ``{"error": {"code", "message"}}``.

waitress has no public hook for either. Both use class attributes it reads at run time: the
dispatcher's ``queue`` (a deque it only appends to, pops from the left and measures) and the
channel's ``error_task_class``. pyproject.toml pins waitress to the releases these were checked
against, and tests/server/test_serving.py checks the pin and the contract (how waitress's own
code uses the queue), so an upgrade that changes either fails a test rather than the server.
"""

from __future__ import annotations

import json
import re
from collections import deque
from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, MultiSocketServer, create_server
from waitress.task import ErrorTask, ThreadedTaskDispatcher

# Cheap reads that a client is waiting on to decide what to show.
_FIRST = re.compile(r"^/api/(health|analyses/[\w-]+)$")


def _jumps_the_queue(task: Any) -> bool:
    requests = getattr(task, "requests", None)
    if not requests:
        return False
    request = requests[0]
    return getattr(request, "command", "") == "GET" and bool(
        _FIRST.match(getattr(request, "path", "") or "")
    )


class TwoLanes:
    """Stands in for the deque waitress's dispatcher queues tasks in: health checks and polls
    in a lane of their own, taken first; each lane first in, first out. (Putting them at the
    front of one deque would make them last in, first out, and a burst of polls would starve
    its own oldest.) waitress calls it with its lock held, as it did the deque."""

    def __init__(self) -> None:
        self.first: deque[Any] = deque()
        self.rest: deque[Any] = deque()

    def append(self, task: Any) -> None:
        (self.first if _jumps_the_queue(task) else self.rest).append(task)

    def popleft(self) -> Any:
        return self.first.popleft() if self.first else self.rest.popleft()

    def __len__(self) -> int:
        return len(self.first) + len(self.rest)


def health_first_dispatcher() -> ThreadedTaskDispatcher:
    """waitress's own dispatcher, threads and loop unchanged, queueing in two lanes."""
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.queue = TwoLanes()
    return dispatcher


# waitress's errors (waitress.utilities.Error subclasses, by status) -> code and what to do.
_ERRORS = {
    400: ("bad_request", "send a well-formed HTTP/1.1 request"),
    413: ("too_large", "the request body is larger than this server takes; send less"),
    431: ("headers_too_large", "the request's headers are too large; send fewer or shorter ones"),
    501: ("not_implemented", "send the body with a Content-Length or chunked, nothing else"),
}


class JsonErrorTask(ErrorTask):
    """waitress's answer to a request it could not parse, in the API's one error shape."""

    def execute(self) -> None:
        error = self.request.error
        code, advice = _ERRORS.get(error.code, ("internal_error", "try again"))
        message = f"the request could not be read as HTTP ({error.body}): {advice}"
        body = json.dumps({"error": {"code": code, "message": message}}).encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend([("Content-Type", "application/json"),
                                      ("X-Content-Type-Options", "nosniff")])  # fmt: skip
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class JsonErrorChannel(HTTPChannel):
    error_task_class = JsonErrorTask


def make_server(app: Any, *, host: str, port: int, threads: int) -> Any:
    """A waitress server for ``app`` (not yet running): health first, errors as JSON."""
    dispatcher = health_first_dispatcher()
    dispatcher.set_thread_count(threads)
    # waitress.serve() cannot take a dispatcher; create_server's _dispatcher is its hook for one.
    # connection_limit above waitress's 100: the load bar is 50 clients, each may hold two.
    server = create_server(app, _dispatcher=dispatcher, host=host, port=port,
                           connection_limit=400, ident="commonground")  # fmt: skip
    listeners = server.map.values() if isinstance(server, MultiSocketServer) else [server]
    for listener in listeners:
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = JsonErrorChannel
    return server


def serve(app: Any, *, host: str, port: int, threads: int) -> None:
    """Serve ``app`` until interrupted."""
    server = make_server(app, host=host, port=port, threads=threads)
    try:
        server.run()
    finally:
        server.task_dispatcher.shutdown()
