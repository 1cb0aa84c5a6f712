"""read_blog against generated blogs on a loopback server: every way of finding posts."""

from __future__ import annotations

import time

import pytest

from harness.blog_site import build_site, make_posts
from scraper.blog import read_blog
from scraper.fetch import Fetcher

POSTS = make_posts(25, words=150)


@pytest.fixture
def fetcher():
    f = Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=3)
    yield f
    f.close()


def serve(site, **options) -> None:
    site.routes.update(build_site(site.base_url, POSTS[: options.pop("count", 25)], **options))


def numbers(result) -> list[int]:
    return [int(p.url.rstrip("/").rsplit("/", 1)[1].split("-")[1]) for p in result.posts]


def test_full_feed_is_enough_on_its_own(fetcher, local_site):
    serve(local_site, count=8)
    calls = []
    result = read_blog(local_site.url("/"), fetcher, limit=5, progress=lambda *a: calls.append(a))
    assert numbers(result) == [8, 7, 6, 5, 4]  # newest first
    assert not result.partial and result.errors == []
    assert "/sitemap.xml" not in local_site.requests  # the feed had enough
    assert calls[0] == ("finding_blog", 0, 1)
    assert [c for c in calls if c[0] == "reading_posts"][-1] == ("reading_posts", 5, 5)
    post = result.posts[0]
    assert POSTS[7].key_sentence in post.text
    assert "cookies" not in post.text and "Subscribe" not in post.text
    assert post.title == POSTS[7].title
    assert post.author == "Ada Lovelace" and post.published.startswith("2024-01-09")


def test_partial_feed_is_topped_up_from_the_sitemap(fetcher, local_site):
    serve(local_site, feed_count=10)
    result = read_blog(local_site.url("/"), fetcher, limit=20)
    assert numbers(result) == list(range(25, 5, -1))
    assert "/sitemap.xml" in local_site.requests
    assert "/about/" not in local_site.requests  # a page, not a post: never fetched
    assert not result.partial


def test_sitemap_index_from_robots_txt_only(fetcher, local_site):
    serve(local_site, with_feed=False, with_index=False, sitemap_index=True, count=12)
    result = read_blog(local_site.url("/"), fetcher, limit=20)
    assert numbers(result) == list(range(12, 0, -1))
    assert "/sitemap_index.xml" in local_site.requests
    assert "/page-sitemap.xml" not in local_site.requests  # pages' sitemap skipped by name


def test_paginated_index_only(fetcher, local_site):
    serve(local_site, with_feed=False, with_sitemap=False, per_page=5)
    result = read_blog(local_site.url("/"), fetcher, limit=12)
    assert numbers(result) == list(range(25, 13, -1))
    assert "/page/3/" in local_site.requests and "/page/4/" not in local_site.requests
    assert not any(r.startswith("/tags/") for r in local_site.requests)


def test_duplicate_urls_are_read_once(fetcher, local_site):
    serve(local_site, count=6)
    feed = local_site.routes["/feed.xml"]
    for p in POSTS[:6]:  # the feed links with tracking parameters, the sitemap without
        feed = feed.replace(f"{p.path}</link>", f"{p.path}?utm_source=rss</link>")
    local_site.routes["/feed.xml"] = feed
    result = read_blog(local_site.url("/"), fetcher, limit=20)
    assert sorted(numbers(result)) == [1, 2, 3, 4, 5, 6]


def test_posts_disallowed_by_robots_are_skipped_with_a_reason(fetcher, local_site):
    serve(local_site, count=6)
    local_site.routes["/robots.txt"] = f"User-agent: *\nDisallow: {POSTS[5].path}\n"
    result = read_blog(local_site.url("/"), fetcher, limit=20)
    assert 6 not in numbers(result) and len(result.posts) == 5
    assert any("robots.txt" in e for e in result.errors)
    assert POSTS[5].path not in local_site.requests


@pytest.mark.slow  # real pauses of 0.15 s against a real deadline
def test_time_budget_returns_what_was_read(local_site):
    serve(local_site, count=10)
    with Fetcher(allow_hosts_loopback=True, delay=0.15) as slow:
        result = read_blog(local_site.url("/"), slow, limit=10, deadline=time.monotonic() + 1.2)
    assert result.partial
    assert 0 < len(result.posts) < 10
    assert any("time budget" in e for e in result.errors)


def test_unreachable_site_is_an_error_not_an_exception(fetcher, local_site):
    result = read_blog(local_site.url("/no-such-blog/"), fetcher)
    assert result.posts == []
    assert result.errors and "404" in result.errors[0]


def test_a_page_needing_javascript_without_a_browser_is_explained(fetcher, local_site):
    serve(local_site, count=3, js_posts=frozenset({2}))
    result = read_blog(local_site.url("/"), fetcher, limit=20)
    assert numbers(result) == [3, 1]
    assert any("JavaScript" in e and "Chromium" in e for e in result.errors)


def test_unadvertised_feed_found_at_a_usual_path(fetcher, local_site):
    serve(local_site, count=4, with_sitemap=False)
    feed = local_site.routes.pop("/feed.xml")
    local_site.routes["/"] = local_site.routes["/"].replace("application/rss+xml", "text/plain")
    local_site.routes["/atom.xml"] = feed  # an RSS body at an Atom-ish path: parsed by content
    result = read_blog(local_site.url("/"), fetcher, limit=3)
    assert numbers(result) == [4, 3, 2]
    assert "/atom.xml" in local_site.requests


def test_a_single_post_url_finds_the_whole_blog(fetcher, local_site):
    serve(local_site, count=6)
    result = read_blog(local_site.url(POSTS[2].path), fetcher, limit=20)
    assert numbers(result) == [6, 5, 4, 3, 2, 1]


def test_feed_url_given_directly(fetcher, local_site):
    serve(local_site, count=5)
    result = read_blog(local_site.url("/feed.xml"), fetcher, limit=2)
    assert numbers(result) == [5, 4]


def test_pages_in_the_sitemap_are_not_taken_for_posts(fetcher, local_site):
    serve(local_site, count=3, with_feed=False)
    local_site.routes["/projects-widget/"] = (
        "<html><head><title>Widget</title></head><body><h1>Widget</h1><p>"
        + "A project page about the widget I maintain, with install notes. " * 20
        + "</p></body></html>"
    )
    sitemap = local_site.routes["/sitemap.xml"]
    local_site.routes["/sitemap.xml"] = sitemap.replace(
        "</urlset>", f"<url><loc>{local_site.url('/projects-widget/')}</loc></url></urlset>"
    )
    result = read_blog(local_site.url("/"), fetcher, limit=20)
    assert numbers(result) == [3, 2, 1]
    assert "/projects-widget/" in local_site.requests  # read, then told apart by its markup
