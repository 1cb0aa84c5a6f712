"""One analysis, start to end: profile, blog, topics, talking points, openers.

Pure orchestration over the scraper and insights interfaces (docs/INTERFACES.md). It is given
an ``AnalysisRequest`` (what to analyse) and ``Tools`` (what to work with); ``server.pipeline``
builds both for the job workers and for ``commonground analyze`` alike, so the two run the same
analysis. Errors a user can meet are raised as ``AnalysisFailed`` with what to do; problems with
a part (one blog unreachable) are collected in ``errors`` and the rest goes on.

The stages, in order, each reported through ``progress(stage, done, total)``:
``reading_profile``, ``finding_blog``, ``reading_posts``, ``finding_topics``, ``matching``,
``writing_openers``, ``done``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from insights.choose import REASONS as READ_REASONS
from insights.phrasing import DEFAULT_TONE
from insights.protocols import Embedder
from insights.substance import anchorable_topics, is_substantial
from scraper.blog import BlogResult, read_blog
from scraper.discover import blog_root, is_listing_page, same_site
from scraper.errors import AddressRefused, FetchError, SchemeRefused
from scraper.feeds import discover_feeds, parse_feed
from scraper.hosts import in_domain, is_linkedin_url
from scraper.models import Page, Post, Profile
from scraper.profile import (
    about_page_of,
    feed_author,
    is_linkedin_capture,
    parse_profile,
    with_about_page,
)
from scraper.profile.text import host_of
from scraper.protocols import BrowserPool, Fetcher
from server.errors import AnalysisFailed
from server.result_memo import ResultMemo, input_digest

if TYPE_CHECKING:  # the model stack loads only when topics are needed
    from insights.models import Keyphrase, Topic
    from insights.topics import TopicExtractor

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]

NOT_A_PROFILE = (
    "this page does not look like a profile: open the person's profile page (LinkedIn, GitHub "
    "or their own site's about page) and try again"
)
LINKEDIN_NEEDS_PAGE = (
    "open the profile in your browser and click the extension; Common Ground never fetches "
    "LinkedIn itself"
)
BUDGET_NOTE = "the analysis ran out of time; results are partial (fewer posts were read)"
NO_ME_NOTE = "your own profile is not set: add it in the extension's options to find common ground"
NO_WEBSITE_NOTE = "the profile links to no website or blog, so no posts were read"


def no_progress(stage: str, done: int, total: int) -> None:
    """The progress callback of a caller that does not watch."""


@dataclass(frozen=True)
class AnalysisRequest:
    """What to analyse: the page at ``url`` (its DOM in ``html`` when the user's browser sent
    it), for the user ``me``, reading at most ``post_limit`` posts before ``deadline`` (a
    ``time.monotonic()`` instant; past it the result is partial)."""

    url: str
    html: str | None
    me: Profile
    post_limit: int = 20
    deadline: float | None = None

    @property
    def past_deadline(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline


@dataclass(frozen=True)
class BlogReading:
    """What a blog reader is given: the site, who reads and who is read, and the tools.

    ``embedder`` waits for the model (it loads while the blog is read): a reader that chooses
    posts by their content for this user calls it; the default reader does not."""

    site: str
    me: Profile
    them: Profile
    fetcher: Fetcher
    browser: BrowserPool | None
    embedder: Callable[[], Embedder]
    limit: int
    deadline: float | None
    progress: Progress


BlogReader = Callable[[BlogReading], BlogResult]


def read_newest_posts(reading: BlogReading) -> BlogResult:
    """The default blog reader: the site's newest ``limit`` posts."""
    return read_blog(reading.site, reading.fetcher, limit=reading.limit,
                     progress=reading.progress, deadline=reading.deadline,
                     browser=reading.browser)  # fmt: skip


def new_topic_extractor(embedder: Embedder) -> TopicExtractor:
    from insights.topics import TopicExtractor

    return TopicExtractor(embedder)


@dataclass
class Tools:
    """What an analysis works with.

    - ``fetcher`` reads the profile (when no page was sent) and the blog.
    - ``embedder`` returns the model, waiting for it to load if it must.
    - ``browser`` renders pages that need JavaScript; None when there is none.
    - ``topic_extractor`` gives the TopicExtractor for a model (the pipeline shares one, so a
      text analysed once is not analysed again).
    - ``read_posts`` reads the person's blog (``read_newest_posts`` unless a caller chooses).
    - ``results`` remembers computed results by their inputs; None to always compute.
    """

    fetcher: Fetcher
    embedder: Callable[[], Embedder]
    browser: BrowserPool | None = None
    topic_extractor: Callable[[Embedder], TopicExtractor] = new_topic_extractor
    read_posts: BlogReader = read_newest_posts
    results: ResultMemo | None = None


class Timings:
    """Seconds spent per part of an analysis: fetch, extract, embed, match."""

    PARTS = ("fetch", "extract", "embed", "match")

    def __init__(self) -> None:
        self._spent = dict.fromkeys(self.PARTS, 0.0)

    @contextmanager
    def measure(self, part: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self._spent[part] += time.perf_counter() - started

    def to_dict(self) -> dict[str, float]:
        return {part: round(spent, 4) for part, spent in self._spent.items()}


def run_analysis(
    request: AnalysisRequest, tools: Tools, progress: Progress = no_progress
) -> dict[str, Any]:
    """The result (README "Shapes") of analysing ``request`` with ``tools``."""
    return _Analysis(request, tools, progress).run()


class _Analysis:
    """One run: the request, the tools, and what the run has gathered so far."""

    def __init__(self, request: AnalysisRequest, tools: Tools, progress: Progress) -> None:
        self.request = request
        self.tools = tools
        self.progress = progress
        self.timings = Timings()
        self.notes: list[dict[str, str]] = []  # {message, action}: see server.errors.ACTIONS
        self.blog: BlogResult | None = None
        # A LinkedIn page, even one served from elsewhere, is never the person's own site.
        self.page_is_linkedin = is_linkedin_url(request.url)

    def run(self) -> dict[str, Any]:
        me = self.request.me
        if me.is_empty:
            self.note(NO_ME_NOTE, "set_own_profile")
        self.progress("reading_profile", 0, 1)
        them = self.read_profile()
        self.progress("reading_profile", 1, 1)
        self.progress("finding_blog", 0, 0)
        with self.timings.measure("fetch"):
            posts, partial = self.read_posts(them)
        computed, partial = self.computed(me, them, posts, partial)
        self.progress("done", 1, 1)
        return {
            "profile": them.to_dict(),
            **computed,
            **self.reading(computed, posts),
            **self.noted(partial),
            "partial": partial,
            "timings": self.timings.to_dict(),
        }

    def note(self, message: str, action: str = "none") -> None:
        """A problem with a part of the analysis; the rest goes on."""
        self.notes.append({"message": message, "action": action})

    def noted(self, partial: bool) -> dict[str, Any]:
        """``notes`` with their actions, and ``errors``: the same messages alone (the shape
        readers before actions know)."""
        if partial:
            self.note(BUDGET_NOTE)
        return {"errors": [n["message"] for n in self.notes], "notes": self.notes}

    # -- the profile ------------------------------------------------------------------------

    def read_profile(self) -> Profile:
        url, html = self.request.url, self.request.html
        if html is None:
            if is_linkedin_url(url):
                raise AnalysisFailed(LINKEDIN_NEEDS_PAGE, code="linkedin_needs_page")
            with self.timings.measure("fetch"):
                page = self.fetch(url)
            html, url = page.html, page.final_url or url
        self.page_is_linkedin = self.page_is_linkedin or is_linkedin_capture(html)
        with self.timings.measure("extract"):
            profile = parse_profile(html, url)
        if not self.page_is_linkedin:
            with self.timings.measure("fetch"):
                profile = self.with_site_pages(profile, html, url)
            if profile is None or profile.is_empty:
                with self.timings.measure("extract"):
                    profile = self.rendered_profile(url) or profile
        if profile is None or profile.is_empty:
            raise AnalysisFailed(NOT_A_PROFILE, code="not_a_profile")
        if not profile.source_url:
            profile = Profile.from_dict({**profile.to_dict(), "source_url": url})
        return profile

    def with_site_pages(self, profile: Profile | None, html: str, url: str) -> Profile | None:
        """A personal site says more about its owner on other pages: its feed names the author
        when the page names nobody, and its About (or Now) page gives the About, and the CV
        (jobs, schools, skills) a home page that is only an intro lacks."""
        if profile is None or not profile.name:
            name = self.feed_author(html, url)
            if name:
                profile = (
                    Profile(name=name, source_url=url)
                    if profile is None
                    else replace(profile, name=name)
                )
        # A thin home page (an intro, no CV) has its facts on the About page it links.
        thin = profile is not None and not (profile.experience or profile.education)
        if profile is not None and (thin or not profile.about) and not self.request.past_deadline:
            about_url = about_page_of(html, url)
            page = self.page_or_none(about_url) if about_url else None
            if page is not None and about_url is not None:
                about = parse_profile(page.html, page.final_url or about_url)
                profile = with_about_page(profile, about)
        return profile

    def feed_author(self, html: str, url: str) -> str | None:
        """The author the site's feed names for most of its posts."""
        for feed_url in discover_feeds(html, url)[:2]:
            page = self.page_or_none(feed_url)
            if page is not None:
                entries = parse_feed(page.html, page.final_url or feed_url)
                name = feed_author([entry.author for entry in entries])
                if name:
                    return name
        return None

    def page_or_none(self, url: str) -> Page | None:
        """A page of the person's site that helps but is not needed: a failure is only logged."""
        try:
            page = self.tools.fetcher.get(url)
        except FetchError as exc:
            log.debug("could not read %s: %s", url, exc.message)
            return None
        return page if page.status < 400 else None

    def rendered_profile(self, url: str) -> Profile | None:
        """The page may build itself with JavaScript: render it once and read it again."""
        if self.tools.browser is None:
            return None
        try:
            # render() applies the same guard and robots.txt as the fetcher
            page = self.tools.browser.render(url, fetcher=self.tools.fetcher)
        except Exception as exc:  # no Chromium, or the render failed: the plain answer stands
            log.info("browser render did not help: %s", type(exc).__name__)
            return None
        return parse_profile(page.html, page.final_url or url)

    def fetch(self, url: str) -> Page:
        try:
            page = self.tools.fetcher.get(url)
        except (AddressRefused, SchemeRefused) as exc:
            raise AnalysisFailed(exc.message, code="address_refused") from exc
        except FetchError as exc:
            raise AnalysisFailed(exc.message, code="fetch_failed", status=502) from exc
        if page.status >= 400:
            raise AnalysisFailed(
                f"{url} answered with HTTP {page.status}; check the address in your browser",
                code="fetch_failed",
                status=502,
            )
        return page

    # -- the blog ---------------------------------------------------------------------------

    def read_posts(self, them: Profile) -> tuple[list[Post], bool]:
        """The posts of the first of the person's sites that has any, and whether the reading
        was cut short."""
        sites = blog_candidates(them, self.request.url, page_is_theirs=not self.page_is_linkedin)
        if not sites:
            self.note(NO_WEBSITE_NOTE)
        for i, site in enumerate(sites):
            self.progress("finding_blog", i, len(sites))
            if self.request.past_deadline:
                return [], True
            reading = BlogReading(
                site=site, me=self.request.me, them=them, fetcher=self.tools.fetcher,
                browser=self.tools.browser, embedder=self.tools.embedder,
                limit=self.request.post_limit, deadline=self.request.deadline,
                progress=self.progress,
            )  # fmt: skip
            try:
                blog = self.tools.read_posts(reading)
            except FetchError as exc:
                self.note(exc.message, "check_address")
                continue
            for message in blog.errors:  # each says what happened and what to do
                self.note(message)
            if blog.posts:
                self.blog = blog
                return list(blog.posts), blog.partial
        return [], False

    def reading(self, computed: dict[str, Any], posts: list[Post]) -> dict[str, Any]:
        """Why each post was read, and how many of how many: ``posts`` with their ``reason``,
        and ``reading``: ``{total, read, interest, popular, recent}``."""
        reasons = self.blog.reasons if self.blog is not None else {}
        total = self.blog.total if self.blog is not None and self.blog.total else len(posts)
        listed = [{**p, "reason": reasons.get(p["url"], "recent")} for p in computed["posts"]]
        counts = {r: sum(1 for p in listed if p["reason"] == r) for r in READ_REASONS}
        return {"posts": listed, "reading": {"total": max(total, len(posts)), "read": len(posts),
                                             **counts}}  # fmt: skip

    # -- topics, talking points, openers ----------------------------------------------------

    def computed(
        self, me: Profile, them: Profile, posts: list[Post], partial: bool
    ) -> tuple[dict[str, Any], bool]:
        """The part of the result that depends only on its inputs: remembered when a complete
        analysis of the same inputs was computed before, else computed (and remembered)."""
        embedder = self.tools.embedder()
        memo = self.tools.results
        digest = None
        if memo is not None and not partial:
            listed = [(e.url, e.title, e.published) for e in self.blog.listed] if self.blog else []
            digest = input_digest(them.to_dict(), [p.to_dict() for p in posts], me.to_dict(),
                                  embedder.model_id, listed)  # fmt: skip
            remembered = memo.get(digest)
            if remembered is not None:
                return remembered, partial
        if posts and self.request.past_deadline:
            partial = True
        computed = self.compute(me, them, posts, embedder)
        if memo is not None and digest is not None and not partial:
            memo.put(digest, computed)
        return computed, partial

    def compute(
        self, me: Profile, them: Profile, posts: list[Post], embedder: Embedder
    ) -> dict[str, Any]:
        from insights.common_ground import find_talking_points, no_common_ground_advice
        from insights.openers import opener_versions

        per_post: dict[str, list[Keyphrase]] = {}
        topics: list[Topic] = []
        if posts and not self.request.past_deadline:
            self.progress("finding_topics", 0, len(posts))
            with self.timings.measure("embed"):
                extractor = self.tools.topic_extractor(embedder)
                # Topics cover the whole blog: the titles of the posts not read count too.
                listed = self.blog.listed if self.blog is not None else []
                per_post, topics = extractor.person_topics(posts, listed=listed)
            self.progress("finding_topics", len(posts), len(posts))
        self.progress("matching", 0, 1)
        # A post too thin to discuss (a link, a video) never anchors a point or an opener.
        solid = [p for p in posts if is_substantial(p)]
        anchors = anchorable_topics(topics, posts)
        with self.timings.measure("match"):
            points = find_talking_points(me, them, solid, anchors, embedder)
            self.progress("writing_openers", 0, 1)
            # Every tone of every version: a few dozen short texts, so the popup switches at once.
            versions = opener_versions(me, them, points, anchors, solid)
            openers = versions[0]["tones"][DEFAULT_TONE] if versions else []
            advice = no_common_ground_advice(them, solid, anchors, points)
        return {
            "posts": [_post_dict(p, per_post.get(p.url, [])) for p in posts],
            "topics": [t.to_dict() for t in topics],
            "talking_points": [p.to_dict() for p in points],
            "openers": openers,
            "opener_versions": versions,
            "advice": advice,
        }


def blog_candidates(them: Profile, url: str, page_is_theirs: bool = True) -> list[str]:
    """The blogs to read, in the profile's order: the person's own sites, then the blog of the
    page itself when it is their own site.

    A link on the page to the same site (its "Archive", "Blog", "Tags" or a post), or to any
    site's archive, tag or about page, is a page of that site's blog, not a blog: it stands
    for the blog it belongs to (``blog_root``: the site's root, or its /blog/ section), so
    that the whole blog is listed, never one archive page."""
    own = page_is_theirs and not is_linkedin_url(url) and not _is_github(url)
    candidates = []
    for site in them.websites:
        if is_linkedin_url(site) or not site.startswith(("http://", "https://")):
            continue
        mine = own and same_site(site, url)
        candidates.append(blog_root(site) if mine or is_listing_page(site) else site)
    if own and url.startswith(("http://", "https://")):
        candidates.append(blog_root(url))
    return list(dict.fromkeys(candidates))


def _is_github(url: str) -> bool:
    return in_domain(host_of(url), "github.com")


def _post_dict(post: Post, keyphrases: list[Keyphrase]) -> dict[str, Any]:
    return {
        "url": post.url,
        "title": post.title,
        "published": post.published,
        "keyphrases": [{"phrase": k.phrase, "score": round(float(k.score), 4)} for k in keyphrases],
    }
