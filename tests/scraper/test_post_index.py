"""The post index: every post of a blog from its feeds, sitemap, pagination and archive, with
title, date and summary, and the ones it calls popular, without opening a post."""

from __future__ import annotations

import pytest

from harness.sites import years_blog
from scraper.fetch import Fetcher
from scraper.listing import date_in_url, listed_posts, popular_posts, title_from_slug
from scraper.post_index import index_posts


@pytest.fixture
def fetcher():
    f = Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=3)
    yield f
    f.close()


def test_every_post_is_listed_with_its_title_and_date_though_the_feed_has_ten(
    fetcher, local_site
) -> None:
    local_site.routes.update(years_blog.build_site(local_site.base_url))
    index = index_posts(local_site.url("/"), fetcher)
    posts = years_blog.make_posts()
    assert index.total == 60 and not index.errors and not index.partial
    by_path = {e.url.removeprefix(local_site.base_url): e for e in index.entries}
    assert set(by_path) == {p.path for p in posts}
    for post in posts:
        entry = by_path[post.path]
        assert entry.title == post.title
        assert entry.published and entry.published[:10] == str(post.published)
        assert entry.summary and entry.summary[:40] == post.paragraphs[0][:40]
    # Newest first; the oldest (2017) posts are there too, though the feed stops at 2025.
    assert [e.published for e in index.entries] == sorted(
        (e.published or "" for e in index.entries), reverse=True
    )
    assert index.entries[-1].year == 2017
    popular = {e.title for e in index.entries if e.popular}
    assert popular == set(years_blog.POPULAR_TITLES)
    # No post was opened to list them.
    opened = [r for r in local_site.requests if r.split("?")[0] in by_path]
    assert opened == []


def test_an_archive_page_lists_what_the_feed_does_not(fetcher, local_site) -> None:
    base = local_site.base_url
    local_site.routes.update(
        {
            "/": "<html><head><link rel='alternate' type='application/atom+xml' href='/atom.xml'>"
            "</head><body><a href='/archive/'>Archive</a></body></html>",
            "/atom.xml": (
                '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
                f"<title>Newest</title><link href='{base}/notes/newest/'/>"
                "<published>2024-05-01T00:00:00Z</published><summary>The newest.</summary>"
                "</entry></feed>"
            ),
            "/archive/": "<html><body><ul>"
            "<li><a href='/notes/newest/'>Newest</a> <time datetime='2024-05-01'>May</time></li>"
            "<li><a href='/notes/older-one/'>An older one</a> "
            "<time datetime='2019-03-02'>March</time></li>"
            "<li><a href='/notes/oldest/'>The oldest</a> <time datetime='2015-01-09'>Jan</time>"
            "</li></ul></body></html>",
        }
    )
    index = index_posts(local_site.url("/"), fetcher)
    assert [(e.title, e.published[:10]) for e in index.entries] == [
        ("Newest", "2024-05-01"),
        ("An older one", "2019-03-02"),
        ("The oldest", "2015-01-09"),
    ]
    assert index.entries[0].summary == "The newest."
    assert index.entries[0].sources == ("feed", "archive")


def test_an_unreachable_blog_is_an_error_for_the_user(fetcher) -> None:
    index = index_posts("http://127.0.0.1:9/", fetcher)
    assert index.total == 0
    assert index.errors and "127.0.0.1" in index.errors[0]


def test_listing_reads_titles_dates_and_summaries_from_index_markup() -> None:
    html = (
        "<html><body><nav><a href='/2020/01/menu-post/'>Menu</a></nav><main>"
        "<article><h2><a href='/2020/01/on-dashboards/'>On dashboards</a></h2>"
        "<time datetime='2020-01-05'>5 Jan</time><p>Why a dashboard should answer one question "
        "before it answers ten.</p><a href='/2020/01/on-dashboards/'>Read more</a></article>"
        "<div><a href='/2018/07/stoic-notes/'>Read more</a></div>"
        "</main></body></html>"
    )
    listed = listed_posts(html, "https://blog.example/", "https://blog.example/")
    assert [(p.url, p.title, p.published) for p in listed] == [
        ("https://blog.example/2020/01/on-dashboards/", "On dashboards", "2020-01-05"),
        ("https://blog.example/2018/07/stoic-notes/", None, "2018-07"),
    ]
    assert listed[0].summary.startswith("Why a dashboard")


def test_popular_sections_are_found_under_their_heading_only() -> None:
    html = (
        "<html><body><main><a href='/p/new/'>New</a></main><aside><h3>Most read</h3><ul>"
        "<li><a href='/p/classic/'>A classic</a></li><li><a href='/about/'>About</a></li></ul>"
        "<h3>Recent</h3><a href='/p/recent/'>Recent</a></aside></body></html>"
    )
    url = "https://blog.example/"
    assert popular_posts(html, url, url) == ["https://blog.example/p/classic/"]


def test_dates_and_titles_from_urls() -> None:
    assert date_in_url("https://b.example/2017/05/14/stoic-mornings/") == "2017-05-14"
    assert date_in_url("https://b.example/2017/05/stoic-mornings/") == "2017-05"
    assert date_in_url("https://b.example/notes/stoic-mornings/") is None
    assert title_from_slug("https://b.example/2017/05/stoic-mornings/") == "Stoic mornings"
    assert title_from_slug("https://b.example/") is None
