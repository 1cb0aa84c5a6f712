"""Find a person's blog posts from a site URL and read them: politely, safely and fast.

Discovery goes from cheap to dear: the feed the site advertises (or its platform's usual feed
URL), then its sitemaps, then its index pages with their pagination, stopping once ``limit``
posts are known. Many feeds carry only the latest ten posts, so a short feed is topped up from
the sitemap or the index. Posts are then fetched over HTTP (one host, one request at a time) and
extracted; the browser is used only for a page whose served HTML has no text (see jsdetect).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from scraper.discover import canonical, declared_canonical, looks_like_post, without_tracking
from scraper.errors import BudgetExhausted, FetchError
from scraper.extract import extract_post
from scraper.feeds import (
    FeedEntry,
    Sitemap,
    SitemapUrl,
    discover_feeds,
    parse_feed,
    parse_sitemap,
)
from scraper.finder import Candidate, find_candidates
from scraper.jsdetect import needs_javascript
from scraper.models import Page, Post
from scraper.post_index import IndexEntry
from scraper.protocols import BrowserPool, Fetcher
from scraper.soup import make_soup

__all__ = [
    "BlogResult", "Candidate", "FeedEntry", "Sitemap", "SitemapUrl", "discover_feeds",
    "extract_post", "parse_feed", "parse_sitemap", "read_blog",
]  # fmt: skip

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
# Seconds a browser gets to render one page.
RENDER_TIMEOUT = 20.0
# Candidates tried per post wanted: each try is a request to the site. A site whose first
# hundred candidates (for twenty posts) gave no readable post will not do better further down
# a list that one hostile index page can make a thousand long.
TRIES_PER_POST = 5


@dataclass
class BlogResult:
    """Posts newest first; ``errors`` are sentences for the user; ``partial`` when cut short.

    When the posts were chosen from the blog's index: ``total`` is how many posts the blog
    has, ``reasons`` says why each post (by URL) was read, ``listed`` is the whole index."""

    posts: list[Post] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    partial: bool = False
    total: int | None = None
    reasons: dict[str, str] = field(default_factory=dict)
    listed: list[IndexEntry] = field(default_factory=list)
    # The URL each post was asked for under (a post may declare another canonical URL).
    asked_as: dict[str, str] = field(default_factory=dict)


def _silent(stage: str, done: int, total: int) -> None:
    pass


def read_blog(
    site_url: str,
    fetcher: Fetcher,
    limit: int = 20,
    progress: Progress | None = None,
    deadline: float | None = None,
    browser: BrowserPool | None = None,
    force_browser: bool = False,
) -> BlogResult:
    """Up to ``limit`` posts of the blog at ``site_url``, newest first.

    ``deadline`` is a ``time.monotonic()`` instant: when it passes, what was read so far is
    returned with ``partial=True``. ``browser`` (a BrowserPool) renders pages that need
    JavaScript; ``force_browser`` renders every post with it (the benchmark's slow path).
    """
    report = progress or _silent
    report("finding_blog", 0, 1)
    result = BlogResult()
    candidates, found_partial = find_candidates(site_url, fetcher, limit, deadline, result.errors)
    report("finding_blog", 1, 1)
    reader = _PostReader(fetcher, browser, force_browser, deadline, result, report)
    reader.read(candidates, limit)
    if found_partial and not result.partial:
        result.partial = True
        result.errors.append(
            "The time budget ran out while looking for posts; the posts found so far are shown."
        )
    result.posts.sort(key=lambda p: p.published or "", reverse=True)
    if not result.posts and not result.errors:
        result.errors.append(
            f"No blog posts were found at {site_url}: it has no feed, sitemap or post links "
            "Common Ground could read. If the person blogs somewhere else, analyse that address."
        )
    return result


def read_posts(
    candidates: list[Candidate],
    fetcher: Fetcher,
    limit: int,
    progress: Progress | None = None,
    deadline: float | None = None,
    browser: BrowserPool | None = None,
) -> BlogResult:
    """Read up to ``limit`` of the given posts (chosen from the index), in their order; a post
    that cannot be read gives its place to the next. Returned newest first."""
    result = BlogResult()
    reader = _PostReader(fetcher, browser, False, deadline, result, progress or _silent)
    reader.read(candidates, limit)
    result.posts.sort(key=lambda p: p.published or "", reverse=True)
    return result


class _PostReader:
    def __init__(self, fetcher, browser, force_browser, deadline, result, report) -> None:
        self.fetcher, self.browser, self.force_browser = fetcher, browser, force_browser
        self.deadline, self.result, self.report = deadline, result, report
        self.seen: set[str] = set()
        self.out_of_budget = False

    def read(self, candidates: list[Candidate], limit: int) -> None:
        total = min(limit, len(candidates))
        queue = list(candidates[: limit * TRIES_PER_POST])
        while queue and len(self.result.posts) < limit:
            if self._out_of_time():
                self._ran_out(total)
                return
            batch, queue = (
                queue[: limit - len(self.result.posts)],
                queue[limit - len(self.result.posts) :],
            )
            by_url = {c.url: c for c in batch}
            for url, outcome in self._fetch(list(by_url)):
                if isinstance(outcome, BudgetExhausted):
                    self.out_of_budget = True
                    continue
                if isinstance(outcome, FetchError):
                    # Said to the user, and the next candidate takes its place; not "cut
                    # short", which tells the user the time budget ran out.
                    self.result.errors.append(f"Skipped {url}: {outcome.message}")
                    continue
                post = self._post(outcome, by_url[url].entry)
                if post and len(self.result.posts) < limit:
                    self.result.posts.append(post)
                    self.result.asked_as[post.url] = url
                    self.report("reading_posts", len(self.result.posts), total)
        if self.out_of_budget or (queue and self._out_of_time()):
            self._ran_out(total)
        elif len(candidates) > limit * TRIES_PER_POST and len(self.result.posts) < limit:
            self.result.partial = True
            self.result.errors.append(
                f"Stopped after {limit * TRIES_PER_POST} of the site's {len(candidates)} links "
                f"gave {len(self.result.posts)} posts; the rest were not tried."
            )

    def _out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def _ran_out(self, total: int) -> None:
        self.result.partial = True
        message = (f"Read {len(self.result.posts)} of {total} posts before the time budget ran "
                   "out; the rest were skipped.")  # fmt: skip
        if message not in self.result.errors:
            self.result.errors.append(message)

    def _fetch(self, urls: list[str]):
        if not (self.force_browser and self.browser is not None):
            yield from self.fetcher.iter_many(urls, self.deadline)
            return
        for url in urls:
            yield url, self._render(url)

    def _render(self, url: str) -> Page | FetchError:
        try:
            timeout = RENDER_TIMEOUT
            if self.deadline is not None:
                timeout = min(timeout, max(0.5, self.deadline - time.monotonic()))
            return self.browser.render(url, timeout=timeout, fetcher=self.fetcher)
        except FetchError as exc:
            return exc

    def _post(self, page: Page, entry: FeedEntry | None) -> Post | None:
        if needs_javascript(page.html) and not page.rendered:
            if self.browser is None:
                log.debug("%s needs JavaScript and no browser is available", page.final_url)
                post = self._from_feed(entry, page.final_url)
                if post is None:
                    self._js_skipped(page)
                return post
            rendered = self._render(page.final_url)
            if isinstance(rendered, FetchError):
                self.result.errors.append(f"Skipped {page.final_url}: {rendered.message}")
                return self._from_feed(entry, page.final_url)
            page = rendered
        url = declared_canonical(page.html, page.final_url) or without_tracking(page.final_url)
        if canonical(url) in self.seen:
            return None
        if entry is None and not looks_like_post(page.html, url):
            log.debug("%s reads as a page, not a post; skipped", url)
            return None
        self.seen.add(canonical(url))
        post = extract_post(page.html, url) or self._from_feed(entry, url)
        if post is None or entry is None:
            return post
        return replace(
            post,
            title=post.title or entry.title,
            published=post.published or entry.published,
            author=post.author or entry.author,
            tags=post.tags or entry.tags,
        )

    def _js_skipped(self, page: Page) -> None:
        self.result.errors.append(
            f"Skipped {page.final_url}: the page shows its text only with JavaScript, and no "
            "browser is available. Install Chromium (apt-get install chromium) or set "
            "CHROMIUM_PATH to read such pages."
        )
        return None

    @staticmethod
    def _from_feed(entry: FeedEntry | None, url: str) -> Post | None:
        """A post from the feed's own full text, when the page itself could not be read."""
        if entry is None or not entry.content:
            return None
        soup = make_soup(entry.content)
        text = " ".join(soup.get_text(" ").split()) if soup is not None else ""
        if len(text.split()) < 20:
            return None
        return Post(url=url, title=entry.title, published=entry.published,
                    author=entry.author, tags=entry.tags, text=text)  # fmt: skip
