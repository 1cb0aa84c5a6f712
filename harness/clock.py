"""A clock for tests of waiting: time moves only when the code under test sleeps, or when the
test says so, so a test asserts the pauses asked for instead of measuring the wall clock."""

from __future__ import annotations

import threading


class FakeClock:
    """``scraper.politeness.Clock`` whose time starts at 1000 and moves only by ``sleep`` and
    ``advance``; ``sleeps`` records every pause asked for."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds

    def advance(self, seconds: float) -> None:
        """Time passing while something else happens (a slow answer)."""
        with self._lock:
            self.now += seconds
