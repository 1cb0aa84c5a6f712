"""What the rest of the code may ask of a fetcher and of a browser, as typing Protocols.

``scraper.fetch.Fetcher`` and ``scraper.browser.BrowserPool`` are the implementations; the blog
reader and the analysis pipeline are written against these, so that neither needs httpx or
Playwright imported to be type-checked, and a caller sees in one place what it depends on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from scraper.errors import FetchError
from scraper.models import Page
from scraper.robots import SiteRules


class Fetcher(Protocol):
    """Reads public pages politely and safely (the guard, robots.txt, one request per host)."""

    def get(self, url: str, deadline: float | None = None, *, any_type: bool = False) -> Page:
        """The page at ``url``; raises a ``FetchError`` whose ``message`` a user can act on."""
        ...

    def iter_many(
        self, urls: Iterable[str], deadline: float | None = None
    ) -> Iterator[tuple[str, Page | FetchError]]:
        """``(url, page or error)`` for each of ``urls``, as each finishes."""
        ...

    def robots(self, url: str, deadline: float | None = None) -> SiteRules:
        """The site's robots.txt rules."""
        ...

    def check_allowed(self, url: str, deadline: float | None = None) -> None:
        """Raise unless ``url`` may be fetched at all (scheme, LinkedIn, robots.txt)."""
        ...

    def close(self) -> None: ...


class BrowserPool(Protocol):
    """Renders pages that need JavaScript; every byte it loads goes through a Fetcher."""

    def render(self, url: str, timeout: float = 20.0, fetcher: Fetcher | None = None) -> Page:
        """The HTML of ``url`` after its scripts ran; raises a ``FetchError`` on failure."""
        ...

    def close(self) -> None: ...
