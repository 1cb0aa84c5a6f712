"""Pure discovery helpers: canonical URLs, platform feed URLs, posts vs pages, pagination, JS."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.blog import discover_feeds, extract_post, parse_feed, parse_sitemap
from scraper.discover import canonical, feed_candidates, is_post_url, next_page, post_links
from scraper.jsdetect import needs_javascript


def test_canonical_drops_fragment_tracking_and_index_html():
    assert canonical("HTTPS://Blog.Example/Post/?utm_source=x&id=3#top") == (
        "https://blog.example/Post?id=3"
    )
    assert canonical("https://blog.example/a/index.html") == canonical("https://blog.example/a/")
    assert canonical("https://blog.example/") == "https://blog.example/"


@pytest.mark.parametrize(
    ("site", "html", "first"),
    [
        ("https://medium.com/@ada", "", "https://medium.com/feed/@ada"),
        ("https://ada.medium.com/", "", "https://ada.medium.com/feed"),
        ("https://ada.substack.com/", "", "https://ada.substack.com/feed"),
        ("https://dev.to/ada", "", "https://dev.to/feed/ada"),
        ("https://ada.hashnode.dev/", "", "https://ada.hashnode.dev/rss.xml"),
        (
            "https://ada.example/",
            '<meta name="generator" content="WordPress 6.5">',
            "https://ada.example/feed/",
        ),
        (
            "https://ada.example/",
            '<meta name="generator" content="Ghost 5.80">',
            "https://ada.example/rss/",
        ),
        (
            "https://ada.example/",
            '<meta name="generator" content="Hugo 0.125.0">',
            "https://ada.example/index.xml",
        ),
        (
            "https://ada.example/",
            '<meta name="generator" content="Jekyll v4.3.3">',
            "https://ada.example/feed.xml",
        ),
        ("https://ada.example/", "", "https://ada.example/feed"),
    ],
)
def test_feed_candidates_put_the_platform_first(site, html, first):
    candidates = feed_candidates(site, html)
    assert candidates[0] == first
    assert len(candidates) == len(set(candidates))  # each URL probed once at most


def test_feed_candidates_for_a_blog_under_a_path_include_the_site_root():
    candidates = feed_candidates("https://ada.example/blog/")
    assert "https://ada.example/blog/index.xml" in candidates
    assert "https://ada.example/index.xml" in candidates


@pytest.mark.parametrize(
    ("url", "is_post"),
    [
        ("https://ada.example/2024/03/why-i-mentor/", True),
        ("https://ada.example/posts/rust-whiteboard/", True),
        ("https://www.ada.example/notes-on-tracing", True),
        ("https://ada.example/", False),
        ("https://ada.example/about/", False),
        ("https://ada.example/tag/rust/", False),
        ("https://ada.example/category/notes/", False),
        ("https://ada.example/page/2/", False),
        ("https://ada.example/author/ada/", False),
        ("https://ada.example/feed.xml", False),
        ("https://ada.example/wp-content/uploads/a.png", False),
        ("https://elsewhere.example/2024/03/post/", False),
        ("mailto:ada@ada.example", False),
    ],
)
def test_posts_told_from_pages_by_url(url, is_post):
    assert is_post_url(url, "https://ada.example/") is is_post


def test_a_blog_under_a_path_keeps_its_posts_below_it():
    assert is_post_url("https://ada.example/blog/hello-world/", "https://ada.example/blog/")
    assert not is_post_url("https://ada.example/shop/widget/", "https://ada.example/blog/")


INDEX = """<html><body><nav><a href="/about/">About</a><a href="/2024/01/nav-post/">Pinned</a></nav>
<main><article><a href="/2024/03/b/">B</a> <a href="/tag/x/">x</a></article>
<article><a href="/2024/02/a/">A</a> <a href="/2024/03/b/#comments">2 comments</a></article></main>
<a class="next" href="/page/2/">Older posts</a></body></html>"""


def test_post_links_in_page_order_without_menus_or_duplicates():
    assert post_links(INDEX, "https://ada.example/", "https://ada.example/") == [
        "https://ada.example/2024/03/b/",
        "https://ada.example/2024/02/a/",
    ]


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        (INDEX, "https://ada.example/", "https://ada.example/page/2/"),
        (
            '<link rel="next" href="/archive?p=2">',
            "https://ada.example/",
            "https://ada.example/archive?p=2",
        ),
        (
            '<a href="/page/3/">3</a><a href="/page/2/">2</a>',
            "https://ada.example/page/2/",
            "https://ada.example/page/3/",
        ),
        ("<p>no more</p>", "https://ada.example/page/9/", None),
    ],
)
def test_next_page(html, url, expected):
    assert next_page(html, url) == expected


def test_needs_javascript_for_app_shells_only(shared_data):
    shell = '<html><body><div id="root"></div><script src="/app.js"></script></body></html>'
    noscript = (
        "<html><body><noscript>You need to enable JavaScript to run this app.</noscript>"
        "</body></html>"
    )
    assert needs_javascript(shell) and needs_javascript(noscript)
    assert not needs_javascript(
        "<html><body><article>" + "<p>Real text here.</p>" * 60 + "</article></body></html>"
    )
    for page in (shared_data / "blogs" / "readability").iterdir():
        if page.is_dir():
            html = (page / "source.html").read_text(encoding="utf-8", errors="replace")
            assert not needs_javascript(html), page.name


@pytest.mark.slow  # a property hunt over every parser
@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_parsers_never_raise_on_junk(junk):
    assert isinstance(parse_feed(junk, "https://x.example/feed"), list)
    assert isinstance(parse_sitemap(junk, "https://x.example/sitemap.xml").urls, list)
    assert isinstance(discover_feeds(junk, "https://x.example/"), list)
    assert (
        extract_post(junk, "https://x.example/p") is None
        or extract_post(junk, "https://x.example/p").text
    )
    assert isinstance(needs_javascript(junk), bool)


def test_looks_like_post():
    from scraper.discover import looks_like_post

    assert looks_like_post('<meta property="og:type" content="article">', "https://a.example/x")
    assert looks_like_post("<article><p>hi</p></article>", "https://a.example/x")
    assert looks_like_post("<p>plain</p>", "https://a.example/2023/05/plain/")
    assert not looks_like_post("<p>plain</p>", "https://a.example/projects-widget/")


@pytest.mark.slow  # a page past the tag cap
def test_index_pages_and_feeds_go_through_the_same_limits_as_profiles(caplog):
    from scraper.discover import post_links
    from scraper.feeds import discover_feeds
    from scraper.soup import MAX_TAGS

    site = "https://blog.example.org/"
    junk = "<div>" * (MAX_TAGS * 2)
    page = f"<html><body>{junk}<a href='/2024/01/a-late-post/'>A late post</a></body></html>"
    with caplog.at_level("WARNING"):
        assert post_links(page, site, site) == []  # the link is past the tag cap
        assert discover_feeds(page, site) == []
    assert "tags" in caplog.text
