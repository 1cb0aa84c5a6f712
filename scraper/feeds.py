"""Feeds and sitemaps: pure parsers from text to plain values.

RSS 2.0/1.0, Atom and JSON Feed are all read into one ``FeedEntry`` shape. XML is parsed with
entity resolution and network access off, so a hostile feed cannot read local files (XXE) or
make the parser fetch anything.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

from scraper.soup import MAX_LINKS, attr_text, make_soup, within_input_limit

log = logging.getLogger(__name__)

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed. ``content`` is the full post HTML when the feed carries it."""

    url: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    content: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class SitemapUrl:
    url: str
    lastmod: str | None = None


@dataclass(frozen=True)
class Sitemap:
    """A urlset's pages, or a sitemap index's child sitemaps (a file may, oddly, hold both)."""

    urls: list[SitemapUrl] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def discover_feeds(html: str, url: str) -> list[str]:
    """Feed URLs a page advertises with <link rel="alternate">, comment feeds left out."""
    soup = make_soup(html)
    if soup is None:
        return []
    base_tag = soup.find("base", href=True)
    base = urljoin(url, attr_text(base_tag, "href")) if base_tag else url
    found: list[str] = []
    for link in soup.find_all("link", href=True, limit=MAX_LINKS):
        rel = [r.lower() for r in (link.get("rel") or [])]
        kind = attr_text(link, "type").lower().split(";")[0].strip()
        if "alternate" not in rel or kind not in FEED_TYPES:
            continue
        href = urljoin(base, attr_text(link, "href").strip())
        title = attr_text(link, "title").lower()
        if "comment" in title or "/comments/" in href:
            continue  # WordPress advertises a comments feed next to the posts feed
        if href not in found:
            found.append(href)
    return found


def to_iso(value: str | None) -> str | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom, sitemaps) date as ISO 8601, or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None and ("T" in value or ":" in value):
        parsed = parsed.replace(tzinfo=UTC)
    if len(value) == 10 and "T" not in value:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _xml_root(text: str) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        data = within_input_limit(text).strip().encode("utf-8")
        return etree.fromstring(data, parser) if data else None
    except (etree.XMLSyntaxError, ValueError):
        return None


def _local(el) -> str:
    return etree.QName(el).localname.lower() if isinstance(el.tag, str) else ""


def _child(el, *names: str):
    for child in el:
        if _local(child) in names:
            return child
    return None


def _text(el, *names: str) -> str | None:
    child = _child(el, *names)
    if child is None:
        return None
    value = "".join(child.itertext()).strip()
    return value or None


def parse_feed(text: str, url: str) -> list[FeedEntry]:
    """Entries of an RSS, Atom or JSON feed, in the feed's order; [] for anything else."""
    stripped = (text or "").lstrip()
    if stripped.startswith("{"):
        return _parse_json_feed(stripped, url)
    root = _xml_root(stripped)
    if root is None:
        return []
    kind = _local(root)
    if kind == "feed":
        return [e for e in (_atom_entry(x, url) for x in root if _local(x) == "entry") if e]
    if kind in ("rss", "rdf"):
        items = [x for x in root.iter() if _local(x) == "item"]
        return [e for e in (_rss_item(x, url) for x in items) if e]
    return []


def _rss_item(item, base: str) -> FeedEntry | None:
    link = _text(item, "link")
    guid = _child(item, "guid")
    if not link and guid is not None and guid.get("isPermaLink", "true").lower() != "false":
        link = (guid.text or "").strip() or None
    if not link:
        return None
    tags = tuple(
        t
        for t in (
            "".join(c.itertext()).strip() for c in item if _local(c) in ("category", "subject")
        )
        if t
    )
    return FeedEntry(
        url=urljoin(base, link),
        title=_text(item, "title"),
        published=to_iso(_text(item, "pubdate", "date", "published")),
        author=_text(item, "creator", "author"),
        tags=tuple(dict.fromkeys(tags)),
        content=_text(item, "encoded"),
        summary=_text(item, "description"),
    )


def _atom_entry(entry, base: str) -> FeedEntry | None:
    href = None
    for link in entry:
        if _local(link) == "link" and link.get("rel", "alternate") == "alternate":
            href = link.get("href")
            break
    if not href:
        return None
    author = _child(entry, "author")
    tags = tuple(c.get("term") or c.get("label") for c in entry if _local(c) == "category")
    return FeedEntry(
        url=urljoin(base, href.strip()),
        title=_text(entry, "title"),
        published=to_iso(_text(entry, "published") or _text(entry, "updated")),
        author=_text(author, "name") if author is not None else None,
        tags=tuple(dict.fromkeys(t.strip() for t in tags if t and t.strip())),
        content=_text(entry, "content"),
        summary=_text(entry, "summary"),
    )


def _parse_json_feed(text: str, base: str) -> list[FeedEntry]:
    try:
        doc = json.loads(within_input_limit(text))
    except ValueError:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        return []
    feed_author = _json_author(doc)
    entries = []
    for item in doc["items"]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url") or item.get("id")
        if not isinstance(link, str) or not link.startswith(("http", "/")):
            continue
        entries.append(
            FeedEntry(
                url=urljoin(base, link),
                title=item.get("title") or None,
                published=to_iso(item.get("date_published") or item.get("date_modified")),
                author=_json_author(item) or feed_author,
                tags=tuple(str(t) for t in item.get("tags") or () if str(t).strip()),
                content=item.get("content_html") or item.get("content_text") or None,
                summary=item.get("summary") or None,
            )
        )
    return entries


def _json_author(d: dict) -> str | None:
    authors = d.get("authors") or ([d["author"]] if isinstance(d.get("author"), dict) else [])
    names = [str(a["name"]) for a in authors if isinstance(a, dict) and a.get("name")]
    return ", ".join(names) or None


def parse_sitemap(text: str, url: str) -> Sitemap:
    """Page URLs (with lastmod) of a urlset, and child sitemaps of a sitemap index."""
    root = _xml_root(text or "")
    if root is None:
        return Sitemap()
    urls: list[SitemapUrl] = []
    children: list[str] = []
    for el in root:
        loc = _text(el, "loc")
        if not loc:
            continue
        if _local(el) == "url":
            urls.append(SitemapUrl(urljoin(url, loc), to_iso(_text(el, "lastmod"))))
        elif _local(el) == "sitemap":
            children.append(urljoin(url, loc))
    return Sitemap(urls=urls, sitemaps=children)
