"""The blog reader an analysis uses: list every post, choose for this mentee, read the choice.

``scraper.post_index`` lists the blog without opening a post; ``insights.choose`` picks the
posts closest to the mentee, the ones the person is known for and a few of the newest; the
scraper reads those, politely. A blog whose posts all fit under the limit is read whole, and one
the index cannot list (a single page, a feed given directly) is read as before, newest first.
"""

from __future__ import annotations

import logging

from scraper.blog import BlogResult, read_blog, read_posts
from scraper.discover import canonical
from scraper.finder import Candidate
from scraper.post_index import IndexEntry, index_posts
from server.analysis import BlogReading

log = logging.getLogger(__name__)

# Posts chosen beyond the limit, read only in place of chosen ones that cannot be read (a page
# gone, a video with no text).
SPARES = 5


def read_chosen_posts(reading: BlogReading) -> BlogResult:
    """Up to ``reading.limit`` posts of ``reading.site``, chosen for ``reading.me``."""
    reading.progress("finding_blog", 0, 1)
    index = index_posts(reading.site, reading.fetcher, reading.deadline)
    reading.progress("finding_blog", 1, 1)
    if not index.entries:
        result = read_blog(reading.site, reading.fetcher, limit=reading.limit,
                           progress=reading.progress, deadline=reading.deadline,
                           browser=reading.browser)  # fmt: skip
        result.errors = index.errors + [e for e in result.errors if e not in index.errors]
        return result
    reasons = _choose(index.entries, reading)
    by_key = {canonical(e.url): e for e in index.entries}
    candidates = [_candidate(by_key[canonical(url)]) for url in reasons]
    result = read_posts(candidates, reading.fetcher, reading.limit, reading.progress,
                        reading.deadline, reading.browser)  # fmt: skip
    result.errors = index.errors + result.errors
    result.partial = result.partial or index.partial
    result.total = index.total
    result.listed = index.entries
    asked = {canonical(url): reason for url, reason in reasons.items()}
    result.reasons = {
        post.url: asked.get(canonical(result.asked_as.get(post.url, post.url)))
        or asked.get(canonical(post.url), "recent")
        for post in result.posts
    }
    return result


def _choose(entries: list[IndexEntry], reading: BlogReading) -> dict[str, str]:
    """URL -> reason for the posts to read, in the order chosen."""
    from insights.choose import choose_posts

    embedder = reading.embedder()  # waits for the model if it is still loading
    choices = choose_posts(entries, reading.me, embedder, reading.limit, SPARES)
    log.info("chose %d of %d posts", len(choices), len(entries))
    return {c.url: c.reason for c in choices}


def _candidate(entry: IndexEntry) -> Candidate:
    return Candidate(entry.url, entry.published, entry.entry)
