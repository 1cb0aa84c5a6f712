"""Find the URLs of a blog's posts: feed first, then sitemaps, then index pages.

Each source is asked only while fewer than ``limit`` posts are known, so a site whose feed holds
every post costs two requests (page and feed) and one with a ten-post feed costs a few more.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from scraper.discover import (
    blog_root,
    canonical,
    feed_candidates,
    is_post_url,
    next_page,
    post_links,
)
from scraper.errors import BudgetExhausted, FetchError
from scraper.feeds import FeedEntry, SitemapUrl, discover_feeds, parse_feed, parse_sitemap
from scraper.models import Page
from scraper.protocols import Fetcher

log = logging.getLogger(__name__)

# Bounds on how much of a site discovery may read, whatever the site says.
MAX_FEED_PROBES = 6
MAX_SITEMAPS = 8
MAX_INDEX_PAGES = 10
SKIP_SITEMAPS = re.compile(r"(page|tag|categor|author|attachment|image|video|product)", re.I)


@dataclass(frozen=True)
class Candidate:
    """A URL that may be a post, with what its source said (feed entry, sitemap lastmod)."""

    url: str
    published: str | None = None
    entry: FeedEntry | None = None


def looks_like_feed(page: Page) -> bool:
    head = page.html.lstrip()[:200].lower()
    return (
        "xml" in page.content_type
        or "json" in page.content_type
        or head.startswith(("<?xml", "<rss", "<feed"))
    )


def blog_base(page: Page) -> str:
    """The blog a page belongs to: its section (/blog/) or the site's root. An archive, tag,
    about or post page is a page of that blog, never the blog itself (see ``blog_root``)."""
    return blog_root(page.final_url)


def fetch_or_skip(
    fetcher: Fetcher, url: str, deadline: float | None, errors: list[str] | None = None
) -> tuple[Page | None, bool]:
    """``(page, out_of_time)``: the page at ``url``, or None when it cannot be had (logged,
    and its message added to ``errors`` when given); ``out_of_time`` when the budget ran out."""
    if deadline is not None and time.monotonic() >= deadline:
        return None, True
    try:
        return fetcher.get(url, deadline), False
    except BudgetExhausted:
        return None, True
    except FetchError as exc:
        log.debug("skipped %s while looking for posts: %s", url, exc.message)
        if errors is not None:
            errors.append(exc.message)
    return None, False


class _Finder:
    def __init__(
        self, fetcher: Fetcher, limit: int, deadline: float | None, errors: list[str]
    ) -> None:
        self.fetcher, self.limit, self.deadline, self.errors = fetcher, limit, deadline, errors
        self.found: dict[str, Candidate] = {}
        self.partial = False

    def get(self, url: str, quiet: bool = True) -> Page | None:
        page, out_of_time = fetch_or_skip(self.fetcher, url, self.deadline,
                                          None if quiet else self.errors)  # fmt: skip
        self.partial = self.partial or out_of_time
        return page

    def add(self, url: str, published: str | None = None, entry: FeedEntry | None = None):
        key = canonical(url)
        if key not in self.found:
            self.found[key] = Candidate(url, published, entry)

    @property
    def enough(self) -> bool:
        return len(self.found) >= self.limit or self.partial

    def from_feed(self, home: Page) -> None:
        if looks_like_feed(home):
            entries = parse_feed(home.html, home.final_url)
        else:
            entries = []
            advertised = discover_feeds(home.html, home.final_url)
            probes = advertised or feed_candidates(home.final_url, home.html)[:MAX_FEED_PROBES]
            for feed_url in probes:
                page = self.get(feed_url)
                entries = parse_feed(page.html, page.final_url) if page else []
                if entries:
                    break
        for entry in entries:
            self.add(entry.url, entry.published, entry)

    def from_sitemaps(self, base: str) -> None:
        rules = self.fetcher.robots(base, self.deadline)
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        queue = list(rules.sitemaps) or [origin + "/sitemap.xml", origin + "/sitemap_index.xml"]
        urls: list[SitemapUrl] = []
        read = 0
        while queue and read < MAX_SITEMAPS and not self.partial:
            page = self.get(queue.pop(0))
            read += 1
            if page is None:
                continue
            sitemap = parse_sitemap(page.html, page.final_url)
            queue = [s for s in sitemap.sitemaps if not SKIP_SITEMAPS.search(
                urlsplit(s).path.rsplit("/", 1)[-1])] + queue  # fmt: skip
            urls.extend(u for u in sitemap.urls if is_post_url(u.url, base))
            if sitemap.urls and not sitemap.sitemaps and len(urls) >= self.limit * 3:
                break
        # Newest first by lastmod; undated ones after, in the sitemap's order.
        urls.sort(key=lambda u: u.lastmod or "", reverse=True)
        for item in urls:
            self.add(item.url, item.lastmod)

    def from_index(self, home: Page, base: str) -> None:
        page: Page | None = home
        visited = {canonical(home.final_url)}
        for _ in range(MAX_INDEX_PAGES):
            if page is None or self.enough:
                return
            for link in post_links(page.html, page.final_url, base):
                self.add(link)
            following = next_page(page.html, page.final_url)
            if self.enough or not following or canonical(following) in visited:
                return
            visited.add(canonical(following))
            page = self.get(following)


def find_candidates(
    site_url: str, fetcher: Fetcher, limit: int, deadline: float | None, errors: list[str]
) -> tuple[list[Candidate], bool]:
    """Candidate post URLs, newest first where dates are known, and whether time ran out."""
    finder = _Finder(fetcher, limit, deadline, errors)
    home = finder.get(site_url, quiet=False)
    if home is None:
        return [], finder.partial
    base = blog_base(home)
    finder.from_feed(home)
    if not finder.enough:
        finder.from_sitemaps(base)
    if not finder.enough:
        finder.from_index(home, base)
    dated = [c for c in finder.found.values() if c.published]
    undated = [c for c in finder.found.values() if not c.published]
    dated.sort(key=lambda c: c.published or "", reverse=True)
    return dated + undated, finder.partial
