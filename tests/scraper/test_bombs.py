"""Decompression bombs, served by a real loopback server: memory stays bounded on every path
that reads a body (pages, feeds, sitemaps, robots.txt, the browser's answers), and the fetch
ends in a message a user can read.

Each bomb unpacks to 256 MB. Memory is measured with tracemalloc (every Python allocation,
zlib's buffers included) around the one fetch, on top of what was allocated before it.
"""

from __future__ import annotations

import logging
import tracemalloc
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from scraper.blog import read_blog
from scraper.fetch import Fetcher, FetchError, RobotsDisallowed, TooLarge, UnreadableBody

# Packing two 256 MB bombs takes seconds: these run in `make test`, not `make test-quick`.
pytestmark = pytest.mark.slow

INFLATED = 256 * 1024 * 1024
LIMIT = 1_000_000
# Far below the 256 MB a bomb unpacks to, and well above what one bounded fetch needs (the
# 1 MB body, one raw chunk, zlib's window, the server thread serving the bomb).
MEMORY_BOUND = 16 * 1024 * 1024


def _gzip_stream(chunks) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [packer.compress(chunk) for chunk in chunks]
    out.append(packer.flush())
    return b"".join(out)


@dataclass(frozen=True)
class Bomb:
    name: str
    encoding: str
    body: bytes


@pytest.fixture(scope="module", params=["gzip", "gzip, gzip"])
def bomb(request) -> Bomb:
    """256 MB of a page, gzipped once (about 250 KB) or twice (under 1 KB, as in the attack)."""
    head = b"<html><body><p>" + b"a" * 1000
    filler = bytes(1 << 20)
    once = _gzip_stream([head, *(filler for _ in range(INFLATED >> 20))])
    if request.param == "gzip":
        return Bomb("single", "gzip", once)
    return Bomb("stacked", "gzip, gzip", _gzip_stream([once]))


def serve_bomb(bomb: Bomb, content_type: str):
    return 200, {"Content-Type": content_type, "Content-Encoding": bomb.encoding}, bomb.body


def peak_growth(action: Callable[[], object]) -> tuple[int, object]:
    """Run ``action``; return the peak of traced memory above the start, and its outcome."""
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        try:
            outcome: object = action()
        except FetchError as exc:
            outcome = exc
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - start, outcome


@pytest.fixture
def fetcher():
    f = Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=5, max_bytes=LIMIT)
    yield f
    f.close()


def check_refused(bomb: Bomb, outcome: object) -> None:
    """A single bomb stops at the size cap; a stacked one is refused before any unpacking."""
    assert isinstance(outcome, FetchError), outcome
    if bomb.name == "single":
        assert isinstance(outcome, (TooLarge, RobotsDisallowed)), outcome
        assert "unpacks to more than 1 MB" in outcome.message or "0.512 MB" in outcome.message
    else:
        assert isinstance(outcome, (UnreadableBody, RobotsDisallowed)), outcome
        assert "layered compression" in outcome.message


def test_a_page_bomb_stops_at_the_cap(fetcher, local_site, bomb):
    local_site.routes["/post"] = serve_bomb(bomb, "text/html; charset=utf-8")
    grown, outcome = peak_growth(lambda: fetcher.get(local_site.url("/post")))
    assert grown < MEMORY_BOUND, f"{grown / 1e6:.0f} MB allocated reading a {bomb.name} bomb"
    check_refused(bomb, outcome)
    assert "Try" in outcome.message or "misconfigured" in outcome.message


def test_a_robots_txt_bomb_forbids_the_site_without_unpacking_it(fetcher, local_site, bomb):
    local_site.routes["/robots.txt"] = serve_bomb(bomb, "text/plain")
    local_site.routes["/"] = "<p>home</p>"
    grown, outcome = peak_growth(lambda: fetcher.get(local_site.url("/")))
    assert grown < MEMORY_BOUND, f"{grown / 1e6:.0f} MB allocated reading a {bomb.name} bomb"
    assert isinstance(outcome, RobotsDisallowed)
    assert "could not be read" in outcome.message
    check_refused(bomb, outcome)
    assert "/" not in local_site.requests


@pytest.mark.parametrize("where", ["feed", "sitemap"])
def test_feed_and_sitemap_bombs_are_skipped_within_bounds(fetcher, local_site, bomb, where,
                                                          caplog):  # fmt: skip
    local_site.routes["/robots.txt"] = "User-agent: *\nAllow: /\n"
    if where == "feed":
        local_site.routes["/"] = (
            '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
            "</head><body><p>Blog</p></body></html>"
        )
        local_site.routes["/feed.xml"] = serve_bomb(bomb, "application/rss+xml")
    else:
        local_site.routes["/"] = "<html><body><p>Blog</p></body></html>"
        local_site.routes["/sitemap.xml"] = serve_bomb(bomb, "application/xml")
    caplog.set_level(logging.DEBUG, logger="scraper.finder")
    grown, result = peak_growth(lambda: read_blog(local_site.url("/"), fetcher, limit=5))
    assert grown < MEMORY_BOUND, f"{grown / 1e6:.0f} MB allocated reading a {bomb.name} bomb"
    assert f"/{where}.xml" in local_site.requests
    assert result.posts == []
    skipped = [r.getMessage() for r in caplog.records if f"/{where}.xml" in r.getMessage()]
    expected = "unpacks to more than 1 MB" if bomb.name == "single" else "layered compression"
    assert any(expected in message for message in skipped), skipped


@pytest.mark.browser
@pytest.mark.parametrize("what", ["document", "script"])
def test_the_browsers_answers_are_bounded_too(chromium_path, fetcher, local_site, bomb, what):
    from scraper.browser import BrowserPool

    if what == "document":
        local_site.routes["/post"] = serve_bomb(bomb, "text/html; charset=utf-8")
    else:
        local_site.routes["/post"] = ("<html><body><p id=t>Hello</p>"
                                      "<script src='/app.js'></script></body></html>")  # fmt: skip
        local_site.routes["/app.js"] = serve_bomb(bomb, "text/javascript")
    with BrowserPool(allow_hosts_loopback=True, fetcher=fetcher,
                     executable_path=chromium_path) as pool:  # fmt: skip
        local_site.routes["/warm"] = "<html><body><p>warm</p></body></html>"
        pool.render(local_site.url("/warm"), timeout=20)  # the launch is not what is measured
        grown, outcome = peak_growth(lambda: pool.render(local_site.url("/post"), timeout=20))
    assert grown < MEMORY_BOUND, f"{grown / 1e6:.0f} MB allocated reading a {bomb.name} bomb"
    if what == "document":
        check_refused(bomb, outcome)
    else:  # the script is refused; the page itself renders
        assert not isinstance(outcome, FetchError), outcome
        assert "Hello" in outcome.html
        assert "/app.js" in local_site.requests
