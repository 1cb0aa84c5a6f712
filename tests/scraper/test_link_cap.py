"""A page with 100,000 links costs no more than MAX_LINKS links' worth of work, on every reader
that walks a page's links (post links, the next index page, advertised feeds, the
listing readers). Work is counted
(calls of the per-link step), not timed; bench/links.py times it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scraper import discover, feeds, listing
from scraper.soup import MAX_LINKS

SITE = "https://blog.example/"
N = 100_000


def page_of_links(n: int = N) -> str:
    links = "".join(f'<li><a href="/posts/post-{i}/">Post {i}</a></li>' for i in range(n))
    return f"<html><head><title>Index</title></head><body><ul>{links}</ul></body></html>"


def head_of_links(n: int = N) -> str:
    links = "".join(f'<link rel="alternate" type="application/rss+xml" href="/f{i}.xml">'
                    for i in range(n))  # fmt: skip
    return f"<html><head>{links}</head><body><p>Blog</p></body></html>"


def counting(monkeypatch, module, name: str) -> list[tuple]:
    calls: list[tuple] = []
    real: Callable = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.fixture(scope="module")
def big_page() -> str:
    return page_of_links()


@pytest.mark.slow  # pages of 100,000 links
def test_post_links_looks_at_no_more_than_max_links(monkeypatch, big_page):
    checked = counting(monkeypatch, discover, "is_post_url")
    found = discover.post_links(big_page, SITE, SITE)
    assert len(checked) <= MAX_LINKS, f"{len(checked)} links checked"
    assert found[:3] == [f"{SITE}posts/post-{i}/" for i in range(3)]
    assert len(found) == len(checked)  # every link looked at was a post: the first MAX_LINKS


@pytest.mark.slow  # pages of 100,000 links
def test_next_page_looks_at_no_more_than_max_links(monkeypatch, big_page):
    joined = counting(monkeypatch, discover, "urljoin")
    assert discover.next_page(big_page, SITE) is None
    assert len(joined) <= MAX_LINKS, f"{len(joined)} links resolved"


@pytest.mark.slow  # pages of 100,000 links
def test_feed_discovery_looks_at_no_more_than_max_links(monkeypatch):
    joined = counting(monkeypatch, feeds, "urljoin")
    found = feeds.discover_feeds(head_of_links(20_000), SITE)
    assert len(joined) <= MAX_LINKS + 1, f"{len(joined)} links resolved"  # +1: the <base>
    assert found[0] == f"{SITE}f0.xml" and len(found) <= MAX_LINKS


@pytest.mark.slow  # pages of 100,000 links
def test_the_listing_readers_look_at_no_more_than_max_links(monkeypatch, big_page):
    checked = counting(monkeypatch, listing, "is_post_url")
    listed = listing.listed_posts(big_page, SITE, SITE)
    assert len(checked) <= MAX_LINKS and len(listed) == len(checked)
    joined = counting(monkeypatch, listing, "urljoin")
    listing.archive_links(big_page, SITE)
    listing.about_links(big_page, SITE)
    assert len(joined) <= 2 * MAX_LINKS, f"{len(joined)} links resolved by two readers"


@pytest.mark.slow  # pages of 100,000 links
def test_a_popular_section_of_100000_links_costs_at_most_max_links(monkeypatch):
    links = "".join(f'<a href="/tag/t{i}/">t{i}</a>' for i in range(N))  # no post among them
    page = f"<html><body><h2>Popular posts</h2>{links}</body></html>"
    checked = counting(monkeypatch, listing, "is_post_url")
    assert listing.popular_posts(page, SITE, SITE) == []
    assert len(checked) <= MAX_LINKS, f"{len(checked)} links checked"


def test_a_real_index_page_is_read_whole():
    """The cap is far above a real blog's index: every post link on a 300-link page is found."""
    page = page_of_links(300)
    assert len(discover.post_links(page, SITE, SITE)) == 300


@pytest.mark.slow  # pages of 100,000 links
def test_a_site_of_links_that_lead_nowhere_is_tried_a_bounded_number_of_times(local_site):
    """Discovery may find a thousand candidates on one hostile page; the reader tries a few
    per post wanted, not all of them (each is a request to the site)."""
    from scraper.blog import TRIES_PER_POST, read_blog
    from scraper.fetch import Fetcher

    local_site.routes["/robots.txt"] = "User-agent: *\nAllow: /\n"
    local_site.routes["/"] = page_of_links(3000)  # every /posts/... answers 404
    with Fetcher(allow_hosts_loopback=True, delay=0.0) as fetcher:
        result = read_blog(local_site.url("/"), fetcher, limit=4)
    tried = [path for path in local_site.requests if path.startswith("/posts/")]
    assert 0 < len(tried) <= 4 * TRIES_PER_POST
    assert result.posts == [] and result.partial
    assert any("were not tried" in error for error in result.errors)
