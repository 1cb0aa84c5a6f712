"""Politeness: one request at a time per host, and a pause between two requests to it.

A personal blog often runs on a small server; a burst of twenty parallel requests from one
reader is exactly what its owner's rate limiter (or bill) is for.

The pause adapts to the host, as Scrapy's AutoThrottle does: after each answer we wait as long
as that answer took, so a host that slows down under load gets proportionally more room, and a
fast one (a CDN, a static host) is not made to wait seconds for nothing. A fixed minimum and the
robots.txt Crawl-delay apply on top.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from scraper.errors import BudgetExhausted


class Clock(Protocol):
    """Where the pauses are measured and taken: the system's, or a test's own (no real waits)."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


# A robots.txt Crawl-delay is obeyed up to this many seconds; beyond it, the caller's time
# budget decides how many pages are read (a 60 s delay would make twenty posts take 20 minutes).
MAX_CRAWL_DELAY = 10.0
# After an answer that took t seconds, the next request to that host waits LATENCY_FACTOR * t
# (at most MAX_ADAPTIVE_PAUSE): about half of one connection's capacity, never a burst.
LATENCY_FACTOR = 1.0
MAX_ADAPTIVE_PAUSE = 5.0


class HostSlots:
    """One request at a time per host, at least ``delay`` seconds apart, and after each answer a
    pause as long as the answer took (politeness)."""

    def __init__(self, delay: float, clock: Clock | None = None) -> None:
        self.delay = delay
        self.clock = clock or SystemClock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._started: dict[str, float] = {}
        self._adaptive: dict[str, float] = {}
        self._guard = threading.Lock()

    def lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait_turn(
        self, host: str, deadline: float | None, url: str, crawl_delay: float | None = None
    ) -> None:
        """Called holding the host lock: sleep until the host's pause is over."""
        pause = max(
            self.delay, self._adaptive.get(host, 0.0), min(crawl_delay or 0.0, MAX_CRAWL_DELAY)
        )
        ready = max(self.clock.monotonic(), self._last.get(host, 0.0) + pause)
        if deadline is not None and ready >= deadline:
            raise BudgetExhausted(
                "The time budget ran out before this page could be read; "
                "the results so far are shown.",
                url,
            )
        self.clock.sleep(max(0.0, ready - self.clock.monotonic()))
        self._started[host] = self.clock.monotonic()

    def done(self, host: str) -> None:
        now = self.clock.monotonic()
        took = now - self._started.pop(host, now)
        self._adaptive[host] = min(LATENCY_FACTOR * took, MAX_ADAPTIVE_PAUSE)
        self._last[host] = now
