"""The production server: waitress with threads, liveness checks served first.

Under load every request waits its turn in waitress's queue, and a health check stuck behind
fifty writes says "down" about a server that is only busy. Health checks (and the analysis
polls the popup sends) have a queue of their own, served first: they take a millisecond.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

from waitress.server import create_server
from waitress.task import ThreadedTaskDispatcher

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


class HealthFirstDispatcher(ThreadedTaskDispatcher):
    """waitress's dispatcher with two queues, each first in, first out: health checks and polls,
    served before everything else. (Putting them at the front of the one queue would make
    them last in, first out, and a burst of polls would starve its own oldest.)"""

    def __init__(self) -> None:
        super().__init__()
        self.first: deque = deque()

    def add_task(self, task: Any) -> None:
        if not _jumps_the_queue(task):
            super().add_task(task)
            return
        with self.lock:
            self.first.append(task)
            self.queue_cv.notify()

    def handler_thread(self, thread_no: int) -> None:
        # waitress's loop, taking from ``first`` before ``queue``.
        while True:
            with self.lock:
                while not self.first and not self.queue and self.stop_count == 0:
                    self.active_count -= 1
                    self.queue_cv.wait()
                    self.active_count += 1
                if self.stop_count > 0:
                    self.active_count -= 1
                    self.stop_count -= 1
                    self.threads.discard(thread_no)
                    self.thread_exit_cv.notify()
                    break
                task = self.first.popleft() if self.first else self.queue.popleft()
            try:
                task.service()
            except BaseException:
                self.logger.exception("Exception when servicing %r", task)

    def shutdown(self, cancel_pending: bool = True, timeout: float = 5) -> bool:
        with self.lock:
            self.queue.extendleft(reversed(self.first))  # cancelled with the rest
            self.first.clear()
        return super().shutdown(cancel_pending, timeout)


def serve(app: Any, *, host: str, port: int, threads: int) -> None:
    """Serve ``app`` until interrupted."""
    dispatcher = HealthFirstDispatcher()
    dispatcher.set_thread_count(threads)
    # waitress.serve() cannot take a dispatcher; create_server's _dispatcher is its hook for one.
    # connection_limit above waitress's 100: the load bar is 50 clients, each may hold two.
    server = create_server(app, _dispatcher=dispatcher, host=host, port=port,
                           connection_limit=400, ident="commonground")  # fmt: skip
    try:
        server.run()
    finally:
        dispatcher.shutdown()
