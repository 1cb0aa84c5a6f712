"""The fetcher against a real loopback server: robots.txt, limits, redirects, revalidation."""

from __future__ import annotations

import gzip
import threading
import time

import pytest

from harness.clock import FakeClock
from scraper.fetch import (
    USER_AGENT,
    Fetcher,
    FetchFailed,
    FetchTimeout,
    MemoryPageCache,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
)


@pytest.fixture
def fetcher():
    f = Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=2, max_bytes=1_000_000)
    yield f
    f.close()


def test_reads_a_page_with_a_real_user_agent(fetcher, local_site):
    seen = {}

    def page(handler):
        seen["ua"] = handler.headers["User-Agent"]
        return 200, {"Content-Type": "text/html; charset=utf-8"}, "<p>Grüße</p>".encode()

    local_site.routes["/hello"] = page
    result = fetcher.get(local_site.url("/hello"))
    assert result.status == 200 and "Grüße" in result.html and not result.from_cache
    assert seen["ua"] == USER_AGENT and "CommonGround" in USER_AGENT


def test_robots_txt_disallow_is_obeyed_without_requesting_the_page(fetcher, local_site):
    local_site.routes["/robots.txt"] = "User-agent: *\nDisallow: /private/\n"
    local_site.routes["/private/diary"] = "<p>secret</p>"
    local_site.routes["/public"] = "<p>open</p>"
    with pytest.raises(RobotsDisallowed, match="robots.txt") as caught:
        fetcher.get(local_site.url("/private/diary"))
    assert "respects" in caught.value.message
    assert "/private/diary" not in local_site.requests
    assert "open" in fetcher.get(local_site.url("/public")).html
    assert local_site.requests.count("/robots.txt") == 1  # read once per site


def test_robots_group_for_our_agent_applies(fetcher, local_site):
    local_site.routes["/robots.txt"] = "User-agent: CommonGround\nDisallow: /\n\nUser-agent: *\n"
    local_site.routes["/"] = "<p>home</p>"
    with pytest.raises(RobotsDisallowed):
        fetcher.get(local_site.url("/"))


def test_missing_robots_txt_allows(fetcher, local_site):
    local_site.routes["/"] = "<p>home</p>"
    assert "home" in fetcher.get(local_site.url("/")).html
    assert "/robots.txt" in local_site.requests


def test_unreadable_robots_txt_denies(fetcher, local_site):
    local_site.routes["/robots.txt"] = (503, {"Content-Type": "text/plain"}, b"down")
    local_site.routes["/"] = "<p>home</p>"
    with pytest.raises(RobotsDisallowed, match="could not be read"):
        fetcher.get(local_site.url("/"))
    assert "/" not in local_site.requests


def test_robots_txt_that_times_out_denies(local_site):
    released = threading.Event()

    def stalled(handler):
        # Answers only once the fetcher has given up (or after 10 s), not after a fixed pause.
        released.wait(10)
        return 200, {"Content-Type": "text/plain"}, b"User-agent: *\n"

    local_site.routes["/robots.txt"] = stalled
    local_site.routes["/"] = "<p>home</p>"
    try:
        with Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=0.3) as f:
            with pytest.raises(RobotsDisallowed, match="could not be read"):
                f.get(local_site.url("/"))
    finally:
        released.set()
    assert "/" not in local_site.requests


def test_slow_server_times_out(local_site):
    released = threading.Event()

    def slow(handler):
        # Answers only once the test is over, or after 10 s: a fetcher that waits for the answer
        # instead of timing out gets it and fails the test.
        released.wait(10)
        return 200, {"Content-Type": "text/html"}, b"<p>late</p>"

    local_site.routes["/slow"] = slow
    with Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=0.3) as f:
        try:
            with pytest.raises(FetchTimeout, match="try again later"):
                f.get(local_site.url("/slow"))
        finally:
            released.set()


def test_time_budget_already_spent_stops_before_requesting(fetcher, local_site):
    local_site.routes["/"] = "<p>home</p>"
    with pytest.raises(FetchTimeout):
        fetcher.get(local_site.url("/"), deadline=time.monotonic() - 1)
    assert "/" not in local_site.requests


def test_huge_page_is_refused_by_its_declared_length(fetcher, local_site):
    local_site.routes["/huge"] = b"<p>" + b"x" * 3_000_000 + b"</p>"
    with pytest.raises(TooLarge, match="larger than 1 MB"):
        fetcher.get(local_site.url("/huge"))


def test_huge_body_is_stopped_while_streaming(fetcher, local_site):
    """A small gzip body that inflates to 20 MB: the length header cannot tell, streaming can."""
    bomb = gzip.compress(b"<p>" + b"a" * 20_000_000)
    local_site.routes["/bomb"] = (
        200,
        {"Content-Type": "text/html", "Content-Encoding": "gzip"},
        bomb,
    )
    assert len(bomb) < 1_000_000
    with pytest.raises(TooLarge):
        fetcher.get(local_site.url("/bomb"))


def test_redirects_are_followed_and_recorded(fetcher, local_site):
    local_site.routes["/old"] = (301, {"Location": "/new"}, b"")
    local_site.routes["/new"] = "<p>moved here</p>"
    page = fetcher.get(local_site.url("/old"))
    assert page.url == local_site.url("/old") and page.final_url == local_site.url("/new")
    assert "moved here" in page.html


def test_redirect_loop_is_detected(fetcher, local_site):
    local_site.routes["/a"] = (302, {"Location": "/b"}, b"")
    local_site.routes["/b"] = (302, {"Location": "/a"}, b"")
    with pytest.raises(TooManyRedirects, match="loop"):
        fetcher.get(local_site.url("/a"))


def test_redirect_chain_longer_than_the_limit(local_site):
    for i in range(5):
        local_site.routes[f"/r{i}"] = (302, {"Location": f"/r{i + 1}"}, b"")
    local_site.routes["/r5"] = "<p>end</p>"
    with Fetcher(allow_hosts_loopback=True, delay=0.0, max_redirects=3) as f:
        with pytest.raises(TooManyRedirects, match="more than 3"):
            f.get(local_site.url("/r0"))


def test_redirect_target_disallowed_by_robots(fetcher, local_site):
    local_site.routes["/robots.txt"] = "User-agent: *\nDisallow: /members/\n"
    local_site.routes["/go"] = (302, {"Location": "/members/only"}, b"")
    with pytest.raises(RobotsDisallowed):
        fetcher.get(local_site.url("/go"))
    assert "/members/only" not in local_site.requests


def test_http_error_status_is_a_readable_failure(fetcher, local_site):
    with pytest.raises(FetchFailed, match="404") as caught:
        fetcher.get(local_site.url("/nothing-here"))
    assert caught.value.status == 404


def test_binary_content_is_not_read_as_a_page(fetcher, local_site):
    local_site.routes["/photo"] = (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff")
    with pytest.raises(FetchFailed, match="not a web page"):
        fetcher.get(local_site.url("/photo"))


def _revalidating(validator_header: str, request_header: str, value: str, seen: list):
    def handler(h):
        seen.append(h.headers.get(request_header))
        if h.headers.get(request_header) == value:
            return 304, {validator_header: value}, b""
        return 200, {"Content-Type": "text/html", validator_header: value}, b"<p>cached body</p>"

    return handler


@pytest.mark.parametrize(
    ("validator", "request_header", "value"),
    [
        ("ETag", "If-None-Match", '"v1"'),
        ("Last-Modified", "If-Modified-Since", "Wed, 01 Jan 2025 10:00:00 GMT"),
    ],
)
def test_revalidation_returns_the_cached_page_on_304(local_site, validator, request_header, value):
    seen: list = []
    local_site.routes["/post"] = _revalidating(validator, request_header, value, seen)
    cache = MemoryPageCache()
    with Fetcher(allow_hosts_loopback=True, delay=0.0, cache=cache) as f:
        first = f.get(local_site.url("/post"))
        second = f.get(local_site.url("/post"))
    assert not first.from_cache and second.from_cache
    assert second.html == first.html == "<p>cached body</p>"
    assert seen == [None, value]


def test_one_request_at_a_time_per_host_with_a_pause(local_site):
    active, peak, lock = [0], [0], threading.Lock()

    def tracked(handler):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        return 200, {"Content-Type": "text/html"}, b"<p>ok</p>"

    for i in range(4):
        local_site.routes[f"/p{i}"] = tracked
    clock = FakeClock()
    with Fetcher(allow_hosts_loopback=True, delay=0.1, clock=clock) as f:
        pages = f.get_many([local_site.url(f"/p{i}") for i in range(4)])
    assert all(p.status == 200 for p in pages)
    assert peak[0] == 1
    # robots.txt, then 4 pages: a pause of at least the delay before each page.
    assert len([s for s in clock.sleeps if s >= 0.1 - 1e-9]) >= 4


def test_a_slow_host_gets_a_pause_as_long_as_its_answer(local_site):
    clock = FakeClock()

    def slow(handler):
        clock.advance(0.3)  # the answer takes 0.3 s of the fetcher's time
        return 200, {"Content-Type": "text/html"}, b"<p>ok</p>"

    local_site.routes["/robots.txt"] = "User-agent: *\n"
    local_site.routes["/a"] = slow
    local_site.routes["/b"] = slow
    with Fetcher(allow_hosts_loopback=True, delay=0.0, clock=clock) as f:
        f.get(local_site.url("/a"))
        clock.sleeps.clear()
        f.get(local_site.url("/b"))
    # /a took 0.3 s to answer, so /b waited as long again after it.
    assert clock.sleeps and clock.sleeps[-1] == pytest.approx(0.3)


def test_different_hosts_are_fetched_concurrently(local_site_factory):
    sites = [local_site_factory() for _ in range(3)]
    # Each answer waits until all three requests have arrived: fetched one after another, the
    # first would wait in vain and the test would fail, whatever the machine's speed.
    together = threading.Barrier(3, timeout=10)

    def meeting(handler):
        try:
            together.wait()
        except threading.BrokenBarrierError:
            return 500, {"Content-Type": "text/plain"}, b"the requests came one at a time"
        return 200, {"Content-Type": "text/html"}, b"<p>ok</p>"

    for site in sites:
        site.routes["/robots.txt"] = "User-agent: *\n"
        site.routes["/"] = meeting
    with Fetcher(allow_hosts_loopback=True, delay=0.0) as f:
        pages = f.get_many([s.url("/") for s in sites])
    assert [getattr(p, "status", p) for p in pages] == [200, 200, 200]


def test_get_many_returns_errors_in_place(fetcher, local_site):
    local_site.routes["/ok"] = "<p>ok</p>"
    results = fetcher.get_many([local_site.url("/ok"), local_site.url("/missing")])
    assert results[0].status == 200
    assert isinstance(results[1], FetchFailed) and "404" in results[1].message


def test_robots_crawl_delay_spaces_requests(local_site):
    local_site.routes["/robots.txt"] = "User-agent: *\nCrawl-delay: 1\n"
    for i in range(2):
        local_site.routes[f"/c{i}"] = "<p>ok</p>"
    clock = FakeClock()
    with Fetcher(allow_hosts_loopback=True, delay=0.0, clock=clock) as f:
        f.get(local_site.url("/c0"))
        clock.sleeps.clear()
        f.get(local_site.url("/c1"))
    assert clock.sleeps and clock.sleeps[-1] == pytest.approx(1.0)
