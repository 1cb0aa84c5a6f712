"""Every post of a blog, listed without opening one: title, date, URL, summary, and where seen.

An analysis chooses which posts to read from this index, so it must know the old posts as well
as the new. Each source tells part of the story and all of them are read:

- every feed the site advertises (RSS, Atom, JSON Feed): titles, dates and summaries, but
  often only the newest ten;
- the sitemaps: every URL, with a date of last change, but no title;
- the index pages with their pagination, and an archive page: titles as link text, dates and
  summaries where the page shows them;
- a section headed "Popular posts" (home page, sidebar or about page): what the author is
  known for.

A 55-post blog is a dozen requests, one at a time, on the fetcher's politeness rules.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from scraper.discover import canonical, feed_candidates, is_post_url
from scraper.errors import FetchError
from scraper.feeds import FeedEntry, discover_feeds, parse_feed, parse_sitemap
from scraper.finder import (
    MAX_FEED_PROBES,
    MAX_SITEMAPS,
    SKIP_SITEMAPS,
    blog_base,
    fetch_or_skip,
    looks_like_feed,
)
from scraper.listing import ListedPost, Listing, date_in_url, read_listing, title_from_slug
from scraper.models import Page
from scraper.protocols import Fetcher
from scraper.soup import make_soup

log = logging.getLogger(__name__)

# Bounds on what listing may read, whatever the site says.
MAX_FEEDS = 4
MAX_INDEX_PAGES = 30
# Listing pages (index pages, archives, tag pages) one index may read in all: a 10-a-page
# blog of 500 posts, or a 55-post blog's pagination plus a few dozen month archives.
MAX_LISTING_PAGES = 60
# The share of the analysis's time left that listing pages may take.
LISTING_SHARE = 0.4
MAX_POSTS = 2000
SUMMARY_CHARS = 300


@dataclass(frozen=True)
class IndexEntry:
    """One post as the site lists it. ``entry`` is its feed item (full text, when the feed
    carries it); ``sources`` says where it was seen: feed, sitemap, index, archive."""

    url: str
    title: str | None = None
    published: str | None = None
    summary: str | None = None
    popular: bool = False
    sources: tuple[str, ...] = ()
    entry: FeedEntry | None = None

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published and self.published[:4].isdigit() else None


@dataclass
class PostIndex:
    """The posts of one blog, newest first (undated last); ``errors`` are for the user."""

    site: str
    entries: list[IndexEntry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    partial: bool = False

    @property
    def total(self) -> int:
        return len(self.entries)


def index_posts(site_url: str, fetcher: Fetcher, deadline: float | None = None) -> PostIndex:
    """List every post of the blog at ``site_url`` from its feeds, sitemaps, index pages and
    archive, without fetching a post."""
    return _Indexer(site_url, fetcher, deadline).run()


class _Indexer:
    def __init__(self, site_url: str, fetcher: Fetcher, deadline: float | None) -> None:
        self.site_url, self.fetcher, self.deadline = site_url, fetcher, deadline
        self.index = PostIndex(site=site_url)
        self.found: dict[str, IndexEntry] = {}
        self.popular: set[str] = set()
        self.visited: set[str] = set()  # listing pages read
        self.sections: list[str] = []  # date archives, tag and category pages seen
        self.from_sitemap = 0  # posts the sitemaps listed
        self.requests = 0
        # Listing pages are followed only while this part of the time left remains unused: the
        # rest is for reading the chosen posts. (The sitemap, read before, counts every post.)
        self.listing_until = (
            None if deadline is None
            else time.monotonic() + LISTING_SHARE * max(0.0, deadline - time.monotonic())
        )  # fmt: skip

    def run(self) -> PostIndex:
        start = self.get(self.site_url, quiet=False)
        if start is None:
            return self.index
        # The page asked for may be a page of the blog (its archive, a tag page, a post): the
        # blog is its section or its site, and the page is one more listing of it.
        base = blog_base(start)
        home = start
        if looks_like_feed(start):
            self.from_feed_entries(parse_feed(start.html, start.final_url))
            home = self.get(base) or start
        elif canonical(start.final_url) != canonical(base):
            home = self.get(base) or start
        if not looks_like_feed(home):
            self.from_feeds(home)
        base = self.widened(base)
        self.index.site = base
        self.from_sitemaps(base)
        front = read_listing(home.html, home.final_url, base)
        self.from_listing(home, base, "index", front)
        if home is not start and not looks_like_feed(start):
            self.from_listing(start, base, "archive")
        for archive in front.archives:
            if canonical(archive) not in self.visited:
                page = self.get(archive)
                if page is not None:
                    self.from_listing(page, base, "archive")
        if not self.from_sitemap:
            # No sitemap listed the posts: the blog's date archives and tag or category pages
            # may reach the old posts that its pagination does not.
            for url in self.sections:
                if not self.may_list():
                    break
                if canonical(url) not in self.visited:
                    page = self.get(url)
                    if page is not None:
                        self.from_listing(page, base, "archive")
        self.popular.update(map(_key, front.popular))
        for about in front.abouts:
            page = self.get(about)
            if page is not None:
                found = read_listing(page.html, page.final_url, base).popular
                self.popular.update(map(_key, found))
        self.index.entries = self.ordered()
        return self.index

    def may_list(self) -> bool:
        """May one more listing page be read (page and time bounds)?"""
        if self.requests >= MAX_LISTING_PAGES:
            return False
        return self.listing_until is None or time.monotonic() < self.listing_until

    def widened(self, base: str) -> str:
        """The site's root instead of a section (/blog/) whose feed's posts live elsewhere (a
        WordPress "Blog" page whose posts are at /2019/05/slug/)."""
        path = urlsplit(base).path
        if path in ("", "/") or not self.found:
            return base
        inside = sum(1 for e in self.found.values() if urlsplit(e.url).path.startswith(path))
        if inside * 2 >= len(self.found):
            return base
        return "{0.scheme}://{0.netloc}/".format(urlsplit(base))

    # -- fetching ---------------------------------------------------------------------------

    def get(self, url: str, quiet: bool = True) -> Page | None:
        self.requests += 1
        page, out_of_time = fetch_or_skip(self.fetcher, url, self.deadline,
                                          None if quiet else self.index.errors)  # fmt: skip
        self.index.partial = self.index.partial or out_of_time
        return page if page is not None and page.status < 400 else None

    # -- sources ----------------------------------------------------------------------------

    def from_feeds(self, home: Page) -> None:
        advertised = discover_feeds(home.html, home.final_url)[:MAX_FEEDS]
        if advertised:
            for feed_url in advertised:
                page = self.get(feed_url)
                if page is not None:
                    self.from_feed_entries(parse_feed(page.html, page.final_url))
            return
        for feed_url in feed_candidates(home.final_url, home.html)[:MAX_FEED_PROBES]:
            page = self.get(feed_url)
            entries = parse_feed(page.html, page.final_url) if page is not None else []
            if entries:
                self.from_feed_entries(entries)
                return

    def from_feed_entries(self, entries: list[FeedEntry]) -> None:
        for item in entries:
            self.add(
                IndexEntry(
                    url=item.url,
                    title=_clean(item.title),
                    published=item.published,
                    summary=_summary(item.summary or item.content),
                    sources=("feed",),
                    entry=item,
                )
            )

    def from_sitemaps(self, base: str) -> None:
        try:
            rules = self.fetcher.robots(base, self.deadline)
            declared = list(rules.sitemaps)
        except FetchError:
            declared = []
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        # WordPress's own sitemap (since 5.5) is /wp-sitemap.xml; plugins use the other two.
        queue = declared or [origin + p for p in ("/sitemap.xml", "/sitemap_index.xml",
                                                  "/wp-sitemap.xml")]  # fmt: skip
        read = 0
        while queue and read < MAX_SITEMAPS:
            page = self.get(queue.pop(0))
            read += 1
            if page is None:
                continue
            sitemap = parse_sitemap(page.html, page.final_url)
            children = [s for s in sitemap.sitemaps if not SKIP_SITEMAPS.search(_last(s))]
            queue = children + queue
            posts = [item for item in sitemap.urls if is_post_url(item.url, base)]
            # A lastmod is when a page last changed. When most posts share one day (a rebuild,
            # a migration, a plugin touching every post), it says nothing of when they were
            # written, and is not taken as their date.
            days = Counter((item.lastmod or "")[:10] for item in posts if item.lastmod)
            shared = len(posts) >= 5 and bool(days) and days.most_common(1)[0][1] * 2 > len(posts)
            for item in posts:
                published = date_in_url(item.url) or (None if shared else item.lastmod)
                self.add(IndexEntry(url=item.url, published=published, sources=("sitemap",)))
            self.from_sitemap += len(posts)
            if sitemap.urls and not sitemap.sitemaps and not declared:
                return  # /sitemap.xml answered; the other usual names are the same list

    def from_listing(
        self, first: Page, base: str, source: str, parsed: Listing | None = None
    ) -> None:
        """A listing page (``parsed`` already, or not yet) and every page its pagination leads
        to: to the last, since a feed knows only the newest posts and the sitemap (when there
        is one) no titles, dates or summaries."""
        page: Page | None = first
        self.visited.add(canonical(first.final_url))
        for _ in range(MAX_INDEX_PAGES):
            if page is None:
                return
            listing = parsed or read_listing(page.html, page.final_url, base)
            parsed = None
            for listed in listing.posts:
                self.add(_from_listing(listed, source))
            self.sections.extend(u for u in listing.sections if u not in self.sections)
            if not listing.posts or not self.may_list():
                return
            following = next((u for u in listing.next_pages
                              if canonical(u) not in self.visited), None)  # fmt: skip
            if following is None:
                return
            self.visited.add(canonical(following))
            page = self.get(following)

    # -- merging ----------------------------------------------------------------------------

    def add(self, entry: IndexEntry) -> bool:
        """Merge what a source says of a post into what is known; True when it told something
        new (the post, or its title)."""
        key = _key(entry.url)
        known = self.found.get(key)
        if known is None:
            if len(self.found) >= MAX_POSTS:
                return False
            self.found[key] = entry
            return True
        learned = known.title is None and entry.title is not None
        self.found[key] = replace(
            known,
            # A feed's title and date are the author's; a listing's link text comes next.
            title=known.title or entry.title,
            published=_better_date(known, entry),
            summary=known.summary or entry.summary,
            sources=tuple(dict.fromkeys(known.sources + entry.sources)),
            entry=known.entry or entry.entry,
        )
        return learned

    def ordered(self) -> list[IndexEntry]:
        entries = []
        for key, entry in self.found.items():
            entries.append(
                replace(
                    entry,
                    title=entry.title or title_from_slug(entry.url),
                    popular=key in self.popular,
                )
            )
        dated = sorted((e for e in entries if e.published), key=lambda e: e.published or "",
                       reverse=True)  # fmt: skip
        return dated + [e for e in entries if not e.published]


def _better_date(known: IndexEntry, new: IndexEntry) -> str | None:
    # A sitemap's lastmod is when the page last changed, not when it was written: any other
    # source's date is better.
    if known.published and known.sources != ("sitemap",):
        return known.published
    return new.published or known.published


def _from_listing(listed: ListedPost, source: str) -> IndexEntry:
    return IndexEntry(url=listed.url, title=_clean(listed.title), published=listed.published,
                      summary=listed.summary, sources=(source,))  # fmt: skip


def _key(url: str) -> str:
    """Two addresses of one post: http and https, with and without www, share this key."""
    parts = urlsplit(canonical(url))
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path}" + (f"?{parts.query}" if parts.query else "")


def _last(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1]


def _clean(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None


def _summary(html_or_text: str | None) -> str | None:
    if not html_or_text:
        return None
    soup = make_soup(html_or_text) if "<" in html_or_text else None
    text = soup.get_text(" ") if soup is not None else html_or_text
    words = " ".join(text.split())
    return words[:SUMMARY_CHARS] or None
