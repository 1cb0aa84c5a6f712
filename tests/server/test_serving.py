"""The production dispatcher serves health checks and polls first, each queue in order."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from server.serving import HealthFirstDispatcher


class FakeTask:
    """What waitress queues: a channel whose first request says what it is."""

    def __init__(self, name: str, command: str, path: str, served: list[str], done) -> None:
        self.name, self.served, self.done = name, served, done
        self.requests = [SimpleNamespace(command=command, path=path)]

    def service(self) -> None:
        self.served.append(self.name)
        if len(self.served) == 6:
            self.done.set()

    def cancel(self) -> None:
        pass


def test_health_and_polls_are_served_first_and_in_order():
    served: list[str] = []
    done = threading.Event()
    dispatcher = HealthFirstDispatcher()
    for name, command, path in [
        ("write-1", "POST", "/api/contacts"),
        ("health-1", "GET", "/api/health"),
        ("me", "GET", "/api/me"),
        ("poll-1", "GET", "/api/analyses/4f2a9c"),
        ("start", "POST", "/api/analyses"),
        ("health-2", "GET", "/api/health"),
    ]:
        dispatcher.add_task(FakeTask(name, command, path, served, done))
    dispatcher.set_thread_count(1)  # the tasks are all queued before anything is served
    try:
        assert done.wait(5)
    finally:
        dispatcher.shutdown()
    assert served == ["health-1", "poll-1", "health-2", "write-1", "me", "start"]
