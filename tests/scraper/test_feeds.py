"""Feed and sitemap parsers on saved files: RSS, Atom, JSON Feed, sitemaps, <link> discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.blog import discover_feeds, parse_feed, parse_sitemap

BLOGS = Path(__file__).resolve().parent.parent / "fixtures" / "blogs"


def read(name: str) -> str:
    return (BLOGS / name).read_text(encoding="utf-8")


def test_rss_items_with_dates_authors_tags_and_full_content():
    entries = parse_feed(read("rss.xml"), "https://priya.example/feed/")
    assert [e.url for e in entries] == [
        "https://priya.example/2024/03/why-i-mentor/",
        "https://priya.example/2024/01/backfills/",  # from a permalink <guid>
    ]
    first = entries[0]
    assert first.title == "Why I mentor junior data engineers"
    assert first.published == "2024-03-12T09:30:00+00:00"
    assert first.author == "Priya Raman"
    assert first.tags == ("mentoring", "data engineering")
    assert "failing Airflow pipeline" in first.content


def test_rss_external_entities_are_not_resolved():
    entries = parse_feed(read("rss.xml"), "https://priya.example/feed/")
    hostname = Path("/etc/hostname")
    if hostname.exists() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in (entries[1].title or "")


def test_atom_entries_resolve_relative_links_and_fall_back_to_updated():
    entries = parse_feed(read("atom.xml"), "https://lena.example/atom.xml")
    assert entries[0].url == "https://lena.example/posts/rust-whiteboard/"
    assert entries[0].published == "2022-06-20T10:00:00+02:00"
    assert entries[0].author == "Lena Fischer" and entries[0].tags == ("rust", "teaching")
    assert entries[1].published == "2021-02-03T04:05:06+00:00"


def test_json_feed_items_with_feed_level_author():
    entries = parse_feed(read("feed.json"), "https://tomas.example/feed.json")
    assert [e.url for e in entries] == [
        "https://tomas.example/offline-first/",
        "https://tomas.example/relative-post/",
    ]
    assert entries[0].author == "Tomás Ortega" and entries[0].tags == ("mobile", "sync")


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "<html><body>not a feed</body></html>",
        "{]",
        "\x00\x01",
        '{"items": 3}',
        "<rss><channel><item>",
    ],
)
def test_junk_is_no_entries_not_an_exception(junk):
    assert parse_feed(junk, "https://x.example/feed") == []


def test_sitemap_urls_with_lastmod():
    sitemap = parse_sitemap(read("sitemap.xml"), "https://priya.example/sitemap.xml")
    assert [u.url for u in sitemap.urls][0] == "https://priya.example/2024/03/why-i-mentor/"
    assert sitemap.urls[2].lastmod == "2024-01-08"
    assert sitemap.sitemaps == []


def test_sitemap_index_lists_child_sitemaps():
    sitemap = parse_sitemap(read("sitemap-index.xml"), "https://priya.example/sitemap.xml")
    assert sitemap.sitemaps == [
        "https://priya.example/post-sitemap.xml",
        "https://priya.example/page-sitemap.xml",
    ]
    assert sitemap.urls == []


def test_discovers_advertised_feeds_but_not_comment_feeds():
    feeds = discover_feeds(read("wordpress-post.html"), "https://priya.example/2024/03/x/")
    assert feeds == ["https://priya.example/feed/"]
    assert discover_feeds(read("hugo-post.html"), "https://lena.example/") == [
        "https://lena.example/index.xml"
    ]
    assert discover_feeds("<p>no head</p>", "https://x.example/") == []


def test_entity_expansion_bomb_is_not_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]><rss><channel><item><title>&i;</title><link>https://x.example/p</link></item>"
        "</channel></rss>"
    )
    entries = parse_feed(bomb, "https://x.example/feed")
    assert all(len(e.title or "") < 10_000 for e in entries)  # 40 * 10**8 characters if expanded
