"""One analysis, start to end: profile, blog, topics, talking points, openers.

Pure orchestration over the scraper and insights interfaces (docs/INTERFACES.md); the jobs
module runs it in a worker, the CLI runs it directly. Errors a user can meet are raised as
``AnalysisFailed`` with what to do; problems with a part (one blog unreachable) are collected in
``errors`` and the rest goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from scraper.errors import AddressRefused, FetchError, SchemeRefused
from scraper.guard import is_linkedin
from scraper.models import Post, Profile
from scraper.profile import parse_profile
from server.errors import AnalysisFailed
from server.memo import ResultMemo, input_digest
from server.store import person_key

log = logging.getLogger(__name__)

Progress = Callable[..., None]

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


def run_analysis(
    url: str,
    html: str | None,
    me: Profile | dict[str, Any] | None,
    *,
    fetcher: Any,
    embedder: Any,
    progress: Progress,
    post_limit: int = 20,
    deadline: float | None = None,
    browser: Callable[[], Any] | None = None,
    extractor: Callable[[Any], Any] | None = None,
    memo: ResultMemo | None = None,
) -> dict[str, Any]:
    """Analyse the person at ``url`` (from ``html`` when the page was sent) against ``me``.

    ``embedder`` is an Embedder, or a no-argument callable returning one: the model is then
    awaited only when topics are needed, so it loads while the blog is being read.
    ``deadline`` is a ``time.monotonic()`` value; past it the result is partial.
    ``browser`` returns the app's BrowserPool, for pages that need JavaScript. ``extractor``
    maps the embedder to a shared TopicExtractor (it remembers the texts it analysed, so a
    repeat analysis is cheap); without it a fresh one is made. ``memo`` returns the computed
    part of an earlier result when every input is the same (see ``server.memo``).
    """
    timings = {"fetch": 0.0, "extract": 0.0, "embed": 0.0, "match": 0.0}
    errors: list[str] = []
    notes: list[str] = []
    mine = _as_profile(me)
    if mine.is_empty:
        errors.append(NO_ME_NOTE)

    progress("reading_profile", 0, 1)
    them = _read_profile(url, html, fetcher, browser, timings)
    progress("reading_profile", 1, 1)

    progress("finding_blog", 0, 0)
    started = time.perf_counter()
    pool = browser() if browser is not None else None
    posts, partial = _read_posts(them, url, fetcher, pool, progress, post_limit, deadline, errors)
    timings["fetch"] += time.perf_counter() - started

    model = embedder() if callable(embedder) and not hasattr(embedder, "embed") else embedder
    digest = None
    if memo is not None and not partial:
        digest = input_digest(them.to_dict(), [p.to_dict() for p in posts], mine.to_dict(),
                              getattr(model, "model_id", None))  # fmt: skip
    computed = memo.get(digest) if digest is not None else None
    if computed is None:
        if posts and _past(deadline):
            partial = True
        computed = _compute(mine, them, posts, model, progress, extractor, deadline, timings)
        if digest is not None and not partial:
            memo.put(digest, computed, person=person_key(url))
    if partial:
        notes.append(BUDGET_NOTE)
    progress("done", 1, 1)
    return {
        "profile": them.to_dict(),
        **computed,
        "errors": errors + notes,
        "partial": partial,
        "timings": {k: round(v, 4) for k, v in timings.items()},
    }


def _compute(mine, them, posts, model, progress, extractor, deadline, timings) -> dict[str, Any]:
    """Topics, talking points, openers and advice: the part that depends only on the inputs."""
    per_post: dict[str, list[Any]] = {}
    topics: list[Any] = []
    if posts and not _past(deadline):
        progress("finding_topics", 0, len(posts))
        started = time.perf_counter()
        if extractor is None:
            from insights.topics import TopicExtractor

            extractor = TopicExtractor
        per_post, topics = extractor(model).person_topics(posts)
        timings["embed"] = time.perf_counter() - started
        progress("finding_topics", len(posts), len(posts))

    progress("matching", 0, 1)
    started = time.perf_counter()
    from insights.common_ground import find_talking_points, no_common_ground_advice
    from insights.openers import write_openers

    points = find_talking_points(mine, them, posts, topics, model)
    progress("writing_openers", 0, 1)
    openers = write_openers(mine, them, points, topics, posts)
    advice = no_common_ground_advice(them, posts, topics, points)
    timings["match"] = time.perf_counter() - started
    return {
        "posts": [_post_dict(p, per_post.get(p.url, [])) for p in posts],
        "topics": [t.to_dict() for t in topics],
        "talking_points": [p.to_dict() for p in points],
        "openers": [o.to_dict() for o in openers],
        "advice": advice,
    }


def _as_profile(me: Profile | dict[str, Any] | None) -> Profile:
    if isinstance(me, Profile):
        return me
    return Profile.from_dict(me) if me else Profile()


def _past(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() > deadline


def _read_profile(url, html, fetcher, browser, timings) -> Profile:
    host = urlsplit(url).hostname or ""
    if html is None:
        if is_linkedin(host):
            raise AnalysisFailed(LINKEDIN_NEEDS_PAGE, code="linkedin_needs_page")
        started = time.perf_counter()
        page = _fetch(fetcher, url)
        timings["fetch"] += time.perf_counter() - started
        html, url = page.html, page.final_url or url
    started = time.perf_counter()
    profile = parse_profile(html, url)
    if (profile is None or profile.is_empty) and browser is not None and not is_linkedin(host):
        # The page may build itself with JavaScript: render it once and read it again.
        try:
            page = browser().render(url)  # render() applies the same guard and robots.txt
            profile = parse_profile(page.html, page.final_url or url)
        except Exception as exc:  # no Chromium, or the render failed: the plain answer stands
            log.info("browser render did not help: %s", type(exc).__name__)
    timings["extract"] += time.perf_counter() - started
    if profile is None or profile.is_empty:
        raise AnalysisFailed(NOT_A_PROFILE, code="not_a_profile")
    if not profile.source_url:
        profile = Profile.from_dict({**profile.to_dict(), "source_url": url})
    return profile


def _fetch(fetcher, url: str):
    try:
        page = fetcher.get(url)
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


def _blog_candidates(them: Profile, url: str) -> list[str]:
    """The person's own sites, then the profile page itself when it is their own site."""
    candidates = [w for w in them.websites if not is_linkedin(urlsplit(w).hostname or "")]
    host = urlsplit(url).hostname or ""
    if not is_linkedin(host) and host not in ("github.com", "www.github.com"):
        candidates.append(url)
    return list(dict.fromkeys(c for c in candidates if c.startswith(("http://", "https://"))))


def _read_posts(
    them, url, fetcher, browser, progress, limit, deadline, errors
) -> tuple[list[Post], bool]:
    from scraper.blog import read_blog

    candidates = _blog_candidates(them, url)
    for i, site in enumerate(candidates):
        progress("finding_blog", i, len(candidates))
        if _past(deadline):
            return [], True
        try:
            blog = read_blog(site, fetcher, limit=limit, progress=progress, deadline=deadline,
                             browser=browser)  # fmt: skip
        except FetchError as exc:
            errors.append(exc.message)
            continue
        errors.extend(blog.errors)
        if blog.posts:
            return list(blog.posts), bool(blog.partial)
    if not candidates:
        errors.append("the profile links to no website or blog, so no posts were read")
    return [], False


def _post_dict(post: Post, keyphrases: list[Any]) -> dict[str, Any]:
    return {
        "url": post.url,
        "title": post.title,
        "published": post.published,
        "keyphrases": [{"phrase": k.phrase, "score": round(float(k.score), 4)} for k in keyphrases],
    }
