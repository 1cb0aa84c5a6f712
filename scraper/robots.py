"""robots.txt rules, read once per site and kept for the life of the fetcher.

A missing robots.txt (404 or any other 4xx) allows everything; one the site fails to
serve (5xx, timeout, connection error) forbids everything, as the robots.txt RFC 9309 advises:
a site that cannot say what it allows has not allowed anything.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from scraper.errors import (
    AddressRefused,
    BudgetExhausted,
    FetchError,
    FetchFailed,
    RobotsDisallowed,
    SchemeRefused,
)

log = logging.getLogger(__name__)

# The product token robots.txt groups are matched against.
ROBOTS_AGENT = "CommonGround"
# How long rules are kept: a day for a robots.txt read (RFC 9309 says up to 24 h), five minutes
# for a failure, so that a site that was briefly down is tried again soon.
RULES_TTL = 24 * 3600.0
ERROR_TTL = 300.0


@dataclass
class SiteRules:
    """What one site's robots.txt says; ``error`` set means everything is forbidden."""

    parser: RobotFileParser | None = None
    error: str | None = None
    sitemaps: list[str] = field(default_factory=list)
    read_at: float = field(default_factory=time.monotonic)

    @property
    def fresh(self) -> bool:
        return time.monotonic() - self.read_at < (ERROR_TTL if self.error else RULES_TTL)

    def allows(self, url: str) -> bool:
        if self.error:
            return False
        return self.parser is None or self.parser.can_fetch(ROBOTS_AGENT, url)


def site_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


# Reads a robots.txt URL: returns (status, text) or raises FetchError.
RobotsReader = Callable[[str, float | None], tuple[int, str]]


class RobotsCache:
    """Per-site robots.txt rules; thread-safe, each site read at most once."""

    def __init__(self, read: RobotsReader) -> None:
        self._read = read
        self._rules: dict[str, SiteRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def rules(self, url: str, deadline: float | None = None) -> SiteRules:
        key = site_key(url)
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._rules or not self._rules[key].fresh:
                self._rules[key] = self._load(key, deadline)
            return self._rules[key]

    def known_crawl_delay(self, url: str) -> float | None:
        """The site's Crawl-delay for us, if its robots.txt was already read (never fetches)."""
        rules = self._rules.get(site_key(url))
        if rules is None or rules.parser is None:
            return None
        delay = rules.parser.crawl_delay(ROBOTS_AGENT)
        return float(delay) if delay is not None else None

    def check(self, url: str, deadline: float | None = None) -> None:
        """Raise RobotsDisallowed unless the site's robots.txt allows ``url``."""
        rules = self.rules(url, deadline)
        host = urlsplit(url).netloc
        if rules.error:
            raise RobotsDisallowed(
                f"The robots.txt of {host} could not be read ({rules.error}), so Common Ground "
                "does not read that site for now. Try again later.",
                url,
            )
        if not rules.allows(url):
            raise RobotsDisallowed(
                f"The robots.txt of {host} asks automated readers not to fetch "
                f"{urlsplit(url).path or '/'}; Common Ground respects that. "
                "You can still read the page yourself in your browser.",
                url,
            )

    def _load(self, key: str, deadline: float | None) -> SiteRules:
        robots_url = key + "/robots.txt"
        try:
            status, text = self._read(robots_url, deadline)
        except (AddressRefused, SchemeRefused, BudgetExhausted):
            # The site is off limits, or our own time ran out: say that, and cache nothing.
            raise
        except FetchFailed as exc:
            if exc.status is None:
                # No connection at all (DNS, TLS, refused): that is the user's news, about the
                # site they asked for, not about its robots.txt.
                cause = exc.__cause__
                reason = str(cause) if cause is not None and str(cause) else "no connection"
                raise FetchFailed(
                    f"{urlsplit(key).netloc} could not be reached ({reason}). Check the "
                    "address, or try again later.",
                    exc.url,
                ) from exc
        except FetchError as exc:
            refused_with: int | None = getattr(exc, "status", None)
            if refused_with is None or refused_with >= 500:
                log.debug("robots.txt unreadable at %s: %s", robots_url, exc.message)
                return SiteRules(error=f"HTTP {refused_with}" if refused_with else exc.message)
            return SiteRules()  # 404 and friends: no robots.txt, everything allowed
        if status >= 500:
            return SiteRules(error=f"HTTP {status}")
        if status >= 400:
            return SiteRules()
        parser = RobotFileParser(robots_url)
        parser.parse(text.splitlines())
        return SiteRules(parser=parser, sitemaps=list(parser.site_maps() or []))
