"""The real Chromium: finding it, rendering JavaScript pages, and the guard inside the browser."""

from __future__ import annotations

import socket

import pytest

from harness.blog_site import build_site, make_posts
from scraper import guard
from scraper.blog import read_blog
from scraper.browser import BrowserNotFound, BrowserPool, find_chromium
from scraper.fetch import AddressRefused, Fetcher, RobotsDisallowed

POSTS = make_posts(3, words=150)


@pytest.mark.browser
def test_chromium_path_override(monkeypatch, chromium_path):
    monkeypatch.setenv("CHROMIUM_PATH", chromium_path)
    assert find_chromium() == chromium_path


def test_missing_chromium_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM_PATH", str(tmp_path / "no-such-browser"))
    with pytest.raises(BrowserNotFound, match="apt-get install chromium"):
        find_chromium()


@pytest.fixture(scope="module")
def fetcher():
    f = Fetcher(allow_hosts_loopback=True, delay=0.0)
    yield f
    f.close()


@pytest.fixture(scope="module")
def pool(chromium_path, fetcher):
    browser = BrowserPool(allow_hosts_loopback=True, fetcher=fetcher, executable_path=chromium_path)
    yield browser
    browser.close()


@pytest.mark.browser
def test_a_javascript_post_is_rendered_when_its_html_has_no_text(pool, fetcher, local_site):
    local_site.routes.update(build_site(local_site.base_url, POSTS, js_posts=frozenset({2})))
    result = read_blog(local_site.url("/"), fetcher, limit=20, browser=pool)
    by_number = {p.title: p for p in result.posts}
    assert set(by_number) == {p.title for p in POSTS}
    rendered = by_number[POSTS[1].title]
    assert POSTS[1].key_sentence in rendered.text
    assert result.errors == []


@pytest.mark.browser
def test_render_from_several_threads(pool, local_site):
    from concurrent.futures import ThreadPoolExecutor

    for i in range(4):
        local_site.routes[f"/t{i}"] = (
            "<html><body><p id='x'></p><script>document.getElementById('x').textContent"
            f" = 'made by script {i}';</script></body></html>"
        )
    with ThreadPoolExecutor(4) as workers:
        pages = list(workers.map(lambda i: pool.render(local_site.url(f"/t{i}")), range(4)))
    for i, page in enumerate(pages):
        assert f"made by script {i}" in page.html and page.rendered


@pytest.mark.browser
def test_browser_obeys_robots_txt(pool, local_site):
    local_site.routes["/robots.txt"] = "User-agent: *\nDisallow: /hidden\n"
    local_site.routes["/hidden"] = "<p>hidden</p>"
    with pytest.raises(RobotsDisallowed):
        pool.render(local_site.url("/hidden"))
    assert "/hidden" not in local_site.requests


@pytest.mark.browser
def test_browser_requests_to_private_addresses_are_blocked(pool, local_site, monkeypatch):
    """A page's script and a redirect aim at a host resolving to 10.0.0.1: both blocked."""
    real = guard.resolve
    monkeypatch.setattr(
        guard, "resolve", lambda h, p: ["10.0.0.1"] if h == "internal.example" else real(h, p)
    )
    port = local_site.base_url.rsplit(":", 1)[1]
    target = f"http://internal.example:{port}/secret"
    local_site.routes["/page"] = (
        "<html><body><p id='x'>waiting</p><script>fetch('" + target + "').then("
        "() => document.getElementById('x').textContent = 'LEAKED',"
        "() => document.getElementById('x').textContent = 'blocked');</script></body></html>"
    )
    page = pool.render(local_site.url("/page"))
    assert '<p id="x">blocked</p>' in page.html
    assert "/secret" not in local_site.requests
    local_site.routes["/jump"] = (302, {"Location": target}, b"")
    with pytest.raises(AddressRefused, match="10.0.0.1"):
        pool.render(local_site.url("/jump"))


def test_private_address_refused_before_the_browser_starts(monkeypatch):
    attempts = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, a: attempts.append(a))
    pool = BrowserPool()
    with pytest.raises(AddressRefused, match="page you have open"):
        pool.render("https://www.linkedin.com/in/someone/")
    pool.close()
    assert attempts == []
