"""The only network code: polite, guarded HTTP fetching of public web pages.

One ``Fetcher`` serves many threads. Across hosts requests run in parallel; to one host they go
one at a time with a pause between them (``scraper.politeness``). Every connection goes to an
address the guard checked (``scraper.guard``, ``scraper.transport``); redirects are followed
here, hop by hop, so each hop meets the same checks (scheme, LinkedIn, robots.txt, address) as
the first request.
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import replace
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from scraper import guard
from scraper.decoding import ACCEPT_ENCODING, BoundedBody, too_large
from scraper.errors import (
    AddressRefused,
    FetchError,
    FetchFailed,
    FetchTimeout,
    RobotsDisallowed,
    SchemeRefused,
    TooLarge,
    TooManyRedirects,
    UnreadableBody,
)
from scraper.models import Page
from scraper.page_cache import CachedPage, MemoryPageCache, PageCache
from scraper.politeness import Clock, HostSlots
from scraper.robots import RobotsCache, SiteRules
from scraper.transport import decode_body, guarded_transport

__all__ = [
    "AddressRefused",
    "CachedPage",
    "FetchError",
    "FetchFailed",
    "FetchTimeout",
    "Fetcher",
    "MemoryPageCache",
    "PageCache",
    "RobotsDisallowed",
    "SchemeRefused",
    "TooLarge",
    "TooManyRedirects",
    "USER_AGENT",
    "UnreadableBody",
]

log = logging.getLogger(__name__)

USER_AGENT = "CommonGround/0.1 (+https://github.com/commonground/commonground)"
REDIRECTS = (301, 302, 303, 307, 308)
# Only text: a blog post is never a 50 MB video, and binary bodies would only be thrown away.
TEXT_TYPES = (
    "text/",
    "application/xml",
    "application/xhtml",
    "application/rss",
    "application/atom",
    "application/json",
    "application/feed+json",
    "+xml",
    "+json",
)


class Fetcher:
    """Fetch public pages politely and safely. Thread-safe; call ``close()`` when done."""

    def __init__(
        self,
        allow_hosts_loopback: bool = False,
        cache: PageCache | None = None,
        *,
        delay: float = 1.0,
        connect_timeout: float = 5.0,
        read_timeout: float = 10.0,
        page_timeout: float = 30.0,
        max_bytes: int = 5_000_000,
        max_redirects: int = 5,
        max_workers: int = 6,
        http2: bool = True,
        user_agent: str = USER_AGENT,
        verify: ssl.SSLContext | bool = True,
        clock: Clock | None = None,
    ) -> None:
        self.allow_hosts_loopback = allow_hosts_loopback
        self.cache = cache
        self.connect_timeout, self.read_timeout = connect_timeout, read_timeout
        self.page_timeout, self.max_bytes, self.max_redirects = (
            page_timeout,
            max_bytes,
            max_redirects,
        )
        self.user_agent = user_agent
        # The pauses between requests to a host run on ``clock`` (a test gives its own).
        self._slots = HostSlots(delay, clock)
        self._client = httpx.Client(
            transport=guarded_transport(allow_hosts_loopback, http2, verify),
            headers={
                "User-Agent": user_agent,
                "Accept": "text/html,application/xhtml+xml,"
                "application/xml;q=0.9,application/rss+xml,application/atom+xml,*/*;q=0.8",
                # Only what scraper.decoding unpacks with a bounded output (httpx would offer
                # br and zstd too, and unpack them whole).
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            follow_redirects=False,
            trust_env=False,
        )
        self._robots = RobotsCache(self._read_robots)
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="fetch")

    # -- public API ------------------------------------------------------------------------

    def get(self, url: str, deadline: float | None = None, *, any_type: bool = False) -> Page:
        """Fetch ``url`` (following redirects); raise a FetchError subclass on any failure.

        Only text documents are read unless ``any_type`` (the browser's scripts and styles).
        """
        url = urldefrag(url.strip())[0]
        cached = self.cache.get(url) if self.cache is not None else None
        conditional = {}
        if cached is not None and cached.etag:
            conditional["If-None-Match"] = cached.etag
        if cached is not None and cached.last_modified:
            conditional["If-Modified-Since"] = cached.last_modified
        seen: set[str] = set()
        current = url
        for _hop in range(self.max_redirects + 1):
            guard.check_url(current)
            if current in seen:
                raise TooManyRedirects(
                    f"{url} redirects in a loop (back to {current}); the site "
                    "is misconfigured. Try the address in your browser.",
                    url,
                )
            seen.add(current)
            self._robots.check(current, deadline)
            status, headers, body = self._request(current, conditional, deadline)
            if status in REDIRECTS and headers.get("location"):
                current = urldefrag(urljoin(current, headers["location"]))[0]
                continue
            if status == 304 and cached is not None:
                return replace(cached.page, from_cache=True)
            return self._page(url, current, status, headers, body, any_type)
        raise TooManyRedirects(
            f"{url} redirects more than {self.max_redirects} times; "
            "Common Ground stops there. Try the final address directly.",
            url,
        )

    def get_many(
        self, urls: Iterable[str], deadline: float | None = None
    ) -> list[Page | FetchError]:
        """Fetch many URLs concurrently across hosts; a failure is returned in its place."""
        futures = [self._pool.submit(self._get_or_error, u, deadline) for u in urls]
        return [f.result() for f in futures]

    def iter_many(
        self, urls: Iterable[str], deadline: float | None = None
    ) -> Iterator[tuple[str, Page | FetchError]]:
        """Like ``get_many``, but yields ``(url, result)`` as each finishes (for progress)."""
        futures = {self._pool.submit(self._get_or_error, u, deadline): u for u in urls}
        try:
            for future in as_completed(futures):
                yield futures[future], future.result()
        finally:
            for future in futures:
                future.cancel()

    def robots(self, url: str, deadline: float | None = None) -> SiteRules:
        """The site's robots.txt rules (read once per site), e.g. for its Sitemap: lines."""
        return self._robots.rules(url, deadline)

    def check_allowed(self, url: str, deadline: float | None = None) -> None:
        """Raise unless ``url`` may be fetched at all: scheme, LinkedIn, robots.txt.

        The browser calls this before rendering a page it did not get through ``get``.
        """
        guard.check_url(url)
        self._robots.check(url, deadline)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------------

    def _get_or_error(self, url: str, deadline: float | None) -> Page | FetchError:
        try:
            return self.get(url, deadline)
        except FetchError as exc:
            return exc
        except Exception as exc:  # a bug or an odd library error must not sink the batch
            log.exception("unexpected error fetching %s", url)
            return FetchFailed(f"Reading {url} failed unexpectedly ({exc}).", url)

    def _read_robots(self, url: str, deadline: float | None) -> tuple[int, str]:
        current = url
        for _hop in range(self.max_redirects + 1):
            guard.check_url(current)
            status, headers, body = self._request(current, {}, deadline, limit=512_000)
            if status in REDIRECTS and headers.get("location"):
                current = urljoin(current, headers["location"])
                continue
            return status, decode_body(body, headers.get("content-type", ""))
        raise TooManyRedirects(f"robots.txt at {url} redirects too often.", url)

    def _request(
        self, url: str, extra: dict[str, str], deadline: float | None, limit: int | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        host = urlsplit(url).netloc.lower()
        limit = limit or self.max_bytes
        with self._slots.lock(host):
            self._slots.wait_turn(host, deadline, url, self._robots.known_crawl_delay(url))
            try:
                return self._stream(url, extra, deadline, limit)
            finally:
                self._slots.done(host)

    def _stream(
        self, url: str, extra: dict[str, str], deadline: float | None, limit: int
    ) -> tuple[int, dict[str, str], bytes]:
        started = time.monotonic()
        stop = started + self.page_timeout
        if deadline is not None:
            stop = min(stop, deadline)
        left = max(0.05, stop - started)
        timeout = httpx.Timeout(
            min(self.read_timeout, left), connect=min(self.connect_timeout, left)
        )
        host = urlsplit(url).hostname
        try:
            with self._client.stream("GET", url, headers=extra, timeout=timeout) as response:
                headers = {k.lower(): v for k, v in response.headers.items()}
                declared = headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise too_large(url, limit)
                # Raw bytes, unpacked here with a bounded output: iter_bytes() would inflate a
                # whole chunk through every coding before the size could be counted.
                body = BoundedBody(url, headers.get("content-encoding", ""), limit)
                for chunk in response.iter_raw():
                    body.feed(chunk)
                    if time.monotonic() > stop:
                        raise FetchTimeout(
                            f"{host} sent {url} too slowly; stopped after "
                            f"{stop - started:.0f} s. Try again later.",
                            url,
                        )
                return response.status_code, headers, body.finish()
        except httpx.TimeoutException as exc:
            raise FetchTimeout(
                f"{host} did not answer in time ({type(exc).__name__}). The "
                "site may be slow or down; try again later.",
                url,
            ) from exc
        except (httpx.InvalidURL, UnicodeError, ValueError) as exc:  # e.g. a malformed IDN
            raise FetchFailed(f"{url!r} is not a valid web address ({exc}). Check it for "
                              "typos.", url) from exc  # fmt: skip
        except httpx.HTTPError as exc:
            raise FetchFailed(
                f"Could not read {url}: {exc or type(exc).__name__}. Check the "
                "address, or try again later.",
                url,
            ) from exc

    def _page(
        self,
        url: str,
        final: str,
        status: int,
        headers: dict[str, str],
        body: bytes,
        any_type: bool = False,
    ) -> Page:
        if status >= 400:
            raise FetchFailed(
                f"{final} answered HTTP {status}"
                f"{' (not found)' if status in (404, 410) else ''}. Check the "
                "address; the page may have moved.",
                url,
                status=status,
            )
        content_type = headers.get("content-type", "text/html")
        if not any_type and not any(t in content_type.lower() for t in TEXT_TYPES):
            raise FetchFailed(
                f"{final} is not a web page ({content_type.split(';')[0]}).", url, status=status
            )
        page = Page(
            url=url,
            final_url=final,
            status=status,
            headers=headers,
            html=decode_body(body, content_type),
        )
        if self.cache is not None and (headers.get("etag") or headers.get("last-modified")):
            self.cache.put(page, headers.get("etag"), headers.get("last-modified"))
        return page
