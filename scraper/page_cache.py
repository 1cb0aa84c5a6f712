"""The conditional-GET cache contract, and an in-memory implementation for tests and the CLI.

The fetcher keeps a page with its ETag / Last-Modified validators and, next time, asks the site
"changed since?"; a 304 answer costs the site almost nothing and returns the kept page.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from scraper.models import Page


@dataclass(frozen=True)
class CachedPage:
    page: Page
    etag: str | None = None
    last_modified: str | None = None


class PageCache(Protocol):
    """Keyed by ``page.url`` (the URL that was asked for)."""

    def get(self, url: str) -> CachedPage | None: ...

    def put(self, page: Page, etag: str | None, last_modified: str | None) -> None: ...


class MemoryPageCache:
    """A bounded, thread-safe, least-recently-used PageCache in memory."""

    def __init__(self, max_pages: int = 500) -> None:
        self._pages: OrderedDict[str, CachedPage] = OrderedDict()
        self._max = max_pages
        self._lock = threading.Lock()

    def get(self, url: str) -> CachedPage | None:
        with self._lock:
            hit = self._pages.get(url)
            if hit is not None:
                self._pages.move_to_end(url)
            return hit

    def put(self, page: Page, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            self._pages[page.url] = CachedPage(page, etag, last_modified)
            self._pages.move_to_end(page.url)
            while len(self._pages) > self._max:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)
