"""Listing a whole blog, whatever page of it the user stands on: every post once, with its own
title and date, from every source the site offers, and nothing that is not a post.

The blogs are harness/sites/wordpress_blog.py (date permalinks, a 10-item excerpt feed, the
WordPress core sitemap only, month archives behind /archive/) and hugo_blog.py (a /posts/
section, plain-text dates, "Previous" before "Next", build-date lastmods, 404.html in the
sitemap), served on 127.0.0.1."""

from __future__ import annotations

import time

import pytest

from harness.sites import hugo_blog, wordpress_blog
from scraper.blog import read_posts
from scraper.discover import blog_root, date_archive, is_post_url, next_pages_in
from scraper.fetch import Fetcher
from scraper.finder import Candidate
from scraper.listing import read_listing
from scraper.post_index import index_posts
from scraper.soup import make_soup

BLOGS = {"wordpress": wordpress_blog, "hugo": hugo_blog}


@pytest.fixture
def fetcher():
    f = Fetcher(allow_hosts_loopback=True, delay=0.0, read_timeout=3)
    yield f
    f.close()


def serve(site, module) -> None:
    site.routes.update(module.build_site(site.base_url))
    site.fallback = module.not_found(site.base_url)


@pytest.mark.parametrize("name", sorted(BLOGS))
@pytest.mark.parametrize("start", ["/", "a listing page", "/about/", "feed", "a post"])
def test_every_post_once_with_its_title_and_date_from_any_page_of_the_blog(
    name, start, fetcher, local_site
) -> None:
    module = BLOGS[name]
    serve(local_site, module)
    posts = module.make_posts()
    if start == "feed":
        start = "/feed/" if name == "wordpress" else "/index.xml"
    elif start == "a post":
        start = posts[0].path
    elif start == "a listing page":  # the menu's Archive (months), or a tag page
        start = "/archive/" if name == "wordpress" else "/tags/running/"
    index = index_posts(local_site.url(start), fetcher)
    by_path = {e.url.removeprefix(local_site.base_url): e for e in index.entries}
    assert set(by_path) == {p.path for p in posts}, sorted(set(by_path) ^ {p.path for p in posts})
    assert index.total == len(posts)
    for post in posts:
        entry = by_path[post.path]
        assert entry.title == post.title
        assert (entry.published or "")[:10] == str(post.published), (post.path, entry)
    # Summaries from the index pages, not only for the newest ten the feed carries.
    assert sum(1 for e in index.entries if e.summary) == len(posts)
    # No post was opened to list them.
    opened = {r.split("?")[0] for r in local_site.requests} & set(by_path)
    assert opened <= {start}


def test_a_sitemaps_shared_lastmod_is_no_date(fetcher, local_site) -> None:
    # The Hugo blog's sitemap gives every page the last build's date, and only the sitemap
    # lists the old posts when the index pages are gone: their dates are unknown, not 2025.
    serve(local_site, hugo_blog)
    for path in [p for p in local_site.routes if p.startswith("/posts/")]:
        if path == "/posts/" or "/page/" in path:
            del local_site.routes[path]
    index = index_posts(local_site.url("/"), fetcher)
    assert index.total == 47
    dated = [e for e in index.entries if e.published]
    assert len(dated) == hugo_blog.FEED_COUNT
    assert not [e for e in index.entries if (e.published or "").startswith("2025-11-02")]


def test_without_a_sitemap_the_month_archives_reach_the_old_posts(fetcher, local_site) -> None:
    serve(local_site, wordpress_blog)
    for path in [p for p in local_site.routes if p.startswith(("/wp-sitemap", "/page/"))]:
        del local_site.routes[path]
    index = index_posts(local_site.url("/"), fetcher)
    assert index.total == 52
    assert min(e.published or "9" for e in index.entries)[:4] == "2011"


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://jo.example/archive/", "https://jo.example/"),
        ("https://jo.example/tag/stoicism/", "https://jo.example/"),
        ("https://jo.example/category/notes/page/3/", "https://jo.example/"),
        ("https://jo.example/2019/05/14/on-stoics/", "https://jo.example/"),
        ("https://jo.example/about/", "https://jo.example/"),
        ("https://jo.example/blog/", "https://jo.example/blog/"),
        ("https://jo.example/blog/tag/x/", "https://jo.example/blog/"),
        ("https://jo.example/posts/page/2/", "https://jo.example/posts/"),
        ("https://medium.com/@jo/a-post-1234", "https://medium.com/@jo/"),
        ("https://jo.github.io/notebook/2019/05/x/", "https://jo.github.io/notebook/"),
        ("https://jo.github.io/tags/x/", "https://jo.github.io/"),
    ],
)
def test_the_blog_a_page_belongs_to(url, root) -> None:
    assert blog_root(url) == root


@pytest.mark.parametrize(
    "url",
    ["https://jo.example/2019/", "https://jo.example/2019/05/", "https://jo.example/blog/2019/05/",
     "https://jo.example/404.html", "https://jo.example/not-found/", "https://jo.example/posts/",
     "https://jo.example/blog/"],
)  # fmt: skip
def test_date_archives_error_pages_and_sections_are_not_posts(url) -> None:
    assert not is_post_url(url, "https://jo.example/")


def test_date_archives_are_told_from_dated_posts() -> None:
    assert date_archive("https://jo.example/2019/05/")
    assert not date_archive("https://jo.example/2019/05/14/on-stoics/")
    assert is_post_url("https://jo.example/2019/05/14/on-stoics/", "https://jo.example/")


def test_previous_that_means_newer_does_not_hide_next() -> None:
    html = hugo_blog.build_site("http://h")["/posts/page/2/"]
    soup = make_soup(html)
    assert soup is not None
    found = next_pages_in(soup, "http://h/posts/page/2/")
    assert found[0] == "http://h/posts/page/3/"
    assert "http://h/posts/" in found  # "« Previous", tried last, and skipped once seen


def test_a_posts_own_header_is_not_the_sites() -> None:
    # WordPress puts each post's title link in the <header> of its <article>.
    html = wordpress_blog.build_site("http://w")["/"]
    listing = read_listing(html, "http://w/", "http://w/")
    newest = sorted(wordpress_blog.make_posts(), key=lambda p: p.published, reverse=True)
    assert [p.title for p in listing.posts] == [p.title for p in newest[:8]]
    assert listing.next_page == "http://w/page/2/"
    # The sidebar's month archives are listing pages to read, not posts.
    assert listing.sections[0].startswith("http://w/2025/")


def test_a_card_whose_link_holds_heading_and_excerpt_gives_the_heading() -> None:
    html = (
        "<main><article class='post-card'><a href='/x/'><img src='x.jpg'></a><a href='/x/'>"
        "<header><div class='tag'>design</div><h2>Testing with a screen reader</h2></header>"
        "<div class='post-card-excerpt'>I turned on VoiceOver and closed my eyes.</div></a>"
        "<footer><span>Mar 3, 2016</span></footer></article></main>"
    )
    [post] = read_listing(html, "https://l.example/", "https://l.example/").posts
    assert post.title == "Testing with a screen reader"
    assert post.summary == "I turned on VoiceOver and closed my eyes."
    assert post.published == "2016-03-03"


def test_a_post_gone_is_replaced_and_the_reading_is_not_cut_short(fetcher, local_site) -> None:
    serve(local_site, hugo_blog)
    posts = hugo_blog.make_posts()
    gone = Candidate(local_site.url("/posts/a-post-that-was-deleted/"))
    wanted = [gone] + [Candidate(local_site.url(p.path)) for p in posts[:4]]
    result = read_posts(wanted, fetcher, limit=3)
    assert len(result.posts) == 3
    assert not result.partial  # "partial" tells the user the time budget ran out
    assert any("a-post-that-was-deleted" in e for e in result.errors)


@pytest.mark.slow  # real pauses of 0.15 s against a real deadline
def test_a_slow_sites_pagination_leaves_time_to_read_posts(local_site) -> None:
    # 0.15 s a request and 3 s left: the sitemap still counts all 52 posts, and the pagination
    # (7 pages) and archives stop once listing has had its share of the time.
    serve(local_site, wordpress_blog)
    with Fetcher(allow_hosts_loopback=True, delay=0.15, read_timeout=3) as slow:
        started = time.monotonic()
        index = index_posts(local_site.url("/"), slow, deadline=started + 3.0)
        spent = time.monotonic() - started
    assert index.total == 52
    assert spent < 0.4 * 3.0 + 0.6, spent
