"""The production server: health checks and polls first (each lane in order), waitress's own
error answers in the one JSON error shape, and the waitress pin those two rest on."""

from __future__ import annotations

import inspect
import json
import re
import threading
import tomllib
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

import pytest
from packaging.requirements import Requirement
from waitress.channel import HTTPChannel
from waitress.task import ErrorTask, ThreadedTaskDispatcher

from harness import live
from server.serving import TwoLanes, health_first_dispatcher

ROOT = Path(__file__).resolve().parent.parent.parent


class FakeTask:
    """What waitress queues: a channel whose first request says what it is."""

    def __init__(self, name: str, command: str, path: str, served: list[str], done) -> None:
        self.name, self.served, self.done = name, served, done
        self.requests = [SimpleNamespace(command=command, path=path)]
        self.cancelled = False

    def service(self) -> None:
        self.served.append(self.name)
        if len(self.served) == 6:
            self.done.set()

    def cancel(self) -> None:
        self.cancelled = True


MIXED = [
    ("write-1", "POST", "/api/contacts"),
    ("health-1", "GET", "/api/health"),
    ("me", "GET", "/api/me"),
    ("poll-1", "GET", "/api/analyses/4f2a9c"),
    ("start", "POST", "/api/analyses"),
    ("health-2", "GET", "/api/health"),
]


def test_health_and_polls_are_served_first_and_in_order():
    served: list[str] = []
    done = threading.Event()
    dispatcher = health_first_dispatcher()
    for name, command, path in MIXED:
        dispatcher.add_task(FakeTask(name, command, path, served, done))
    dispatcher.set_thread_count(1)  # the tasks are all queued before anything is served
    try:
        assert done.wait(5)
    finally:
        dispatcher.shutdown()
    assert served == ["health-1", "poll-1", "health-2", "write-1", "me", "start"]


def test_shutdown_cancels_what_waits_in_either_lane():
    served: list[str] = []
    dispatcher = health_first_dispatcher()
    tasks = [FakeTask(n, c, p, served, threading.Event()) for n, c, p in MIXED]
    for task in tasks:
        dispatcher.add_task(task)
    assert len(dispatcher.queue) == 6
    dispatcher.shutdown(timeout=1)  # no thread ever started: everything is still queued
    assert served == [] and all(task.cancelled for task in tasks)
    assert len(dispatcher.queue) == 0


# -- the pin, and the contract with waitress it protects -----------------------------------


def test_waitress_is_a_release_the_hooks_were_checked_against():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = [Requirement(r) for r in project["dependencies"] if r.startswith("waitress")]
    assert len(pins) == 1 and pins[0].specifier, "waitress must be pinned to a range"
    assert pins[0].specifier.contains(version("waitress")), (
        f"waitress {version('waitress')} is installed, outside the pin {pins[0].specifier}"
    )
    assert not pins[0].specifier.contains("3.1.0"), "the pin must stop before the next minor"


# Every line of waitress's ThreadedTaskDispatcher that touches its queue, as of 3.0.2: only
# append, popleft, len and truth, which TwoLanes provides.
QUEUE_LINES = [
    "self.queue = deque()",
    "while not self.queue and self.stop_count == 0:",
    "task = self.queue.popleft()",
    "self.queue.append(task)",
    "queue_size = len(self.queue)",
    "queue = self.queue",
    "if len(queue) > 0:",
    'self.logger.warning("Canceling %d pending task(s)", len(queue))',
    "while queue:",
    "task = queue.popleft()",
]


def test_waitress_uses_its_queue_only_as_two_lanes_can_stand_in_for():
    """A release that uses the queue otherwise (peeks, indexes, clears it) fails here."""
    source = inspect.getsource(ThreadedTaskDispatcher).splitlines()
    lines = [line.strip() for line in source if re.search(r"\bqueue\b(?! depth)", line)]
    assert lines == QUEUE_LINES
    lanes = TwoLanes()
    assert not lanes and len(lanes) == 0
    assert isinstance(ThreadedTaskDispatcher().queue, type(lanes.first))  # a deque, replaced


def test_waitress_answers_parse_errors_through_the_channels_error_task_class():
    assert HTTPChannel.error_task_class is ErrorTask
    assert "self.error_task_class(" in inspect.getsource(HTTPChannel)
    assert set(inspect.signature(ErrorTask.execute).parameters) == {"self"}


# -- waitress's own answers, from a real server --------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = live.start(tmp_path_factory.mktemp("serving") / "data")
    yield running
    running.stop()


def exchange(server, raw: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes, read the whole answer, split into status, headers and body."""
    port = int(server.base_url.rsplit(":", 1)[1])
    data = live.raw_exchange(port, raw)
    assert data, "no answer at all"
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return status, headers, body


def request(head: str, body: bytes = b"") -> bytes:
    """A request to 127.0.0.1 from its start line and extra header lines."""
    start, *lines = head.split("\n")
    return f"{start}\r\nHost: 127.0.0.1\r\n".encode() + b"".join(
        line.encode("latin-1") + b"\r\n" for line in lines) + b"\r\n" + body  # fmt: skip


PADDING = "\n".join(f"X-Pad-{i}: {'a' * 1000}" for i in range(300))
UNPARSABLE = {
    "bad request line": b"GARBAGE\r\n\r\n",
    "bad method": request("G\x01T /api/health HTTP/1.1"),
    "NUL in a header": request("GET /api/health HTTP/1.1\nX-A: a\x00b"),
    "bare LF in a header": b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\nb\r\n\r\n",
    "bad Content-Length": request("POST /api/contacts HTTP/1.1\nContent-Length: 12abc", b"{}"),
    "two Content-Lengths": request("POST /api/contacts HTTP/1.1\nContent-Length: 2\n"
                                   "Content-Length: 3", b"{}"),
    "bad chunk size": request("POST /api/contacts HTTP/1.1\nTransfer-Encoding: chunked",
                              b"zz\r\n{}\r\n0\r\n\r\n"),
    "unknown transfer coding": request("POST /api/contacts HTTP/1.1\n"
                                       "Transfer-Encoding: gzip, chunked", b"0\r\n\r\n"),
    "headers over 256 KB": request(f"GET /api/health HTTP/1.1\n{PADDING}"),
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("raw", UNPARSABLE.values(), ids=UNPARSABLE.keys())
def test_requests_waitress_cannot_parse_get_the_json_error_shape(server, raw):
    status, headers, body = exchange(server, raw)
    assert 400 <= status < 600 and status != 500, (status, body)
    assert headers["content-type"] == "application/json", body
    error = json.loads(body)["error"]
    assert set(error) == {"code", "message"} and error["code"] and error["message"]
    assert "could not be read as HTTP" in error["message"]
    assert int(headers["content-length"]) == len(body)


@pytest.mark.slow
def test_a_well_formed_request_still_reaches_the_app(server):
    host = server.base_url.removeprefix("http://").encode()
    status, headers, body = exchange(
        server, b"GET /api/health HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n"
    )
    assert status == 200 and json.loads(body)["status"] == "ok"
