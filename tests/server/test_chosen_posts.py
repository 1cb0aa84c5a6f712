"""Choosing what to read, end to end: a 60-post blog whose posts matching the mentee are the
oldest (harness/sites/years_blog.py, the case the method was tuned on). The real fetcher on
loopback, the real parsers and the real model."""

from __future__ import annotations

import pytest

from harness.sites import years_blog
from scraper.fetch import Fetcher
from scraper.models import Profile
from server.analysis import AnalysisRequest, Tools, read_newest_posts, run_analysis
from server.chosen_posts import read_chosen_posts

pytestmark = pytest.mark.model

OLD_THEMES = set(years_blog.OLD_THEMES)


@pytest.fixture
def blog(local_site):
    local_site.routes.update(years_blog.build_site(local_site.base_url))
    themes = {local_site.url(p.path): p.theme for p in years_blog.make_posts()}
    years = {local_site.url(p.path): p.published.year for p in years_blog.make_posts()}
    return local_site, themes, years


def analyse(site, embedder, reader) -> dict:
    request = AnalysisRequest(site.url("/about/"), None, Profile.from_dict(years_blog.mentee()))
    with Fetcher(allow_hosts_loopback=True, delay=0) as fetcher:
        tools = Tools(fetcher=fetcher, embedder=lambda: embedder, read_posts=reader)
        return run_analysis(request, tools)


def cited(result: dict) -> set[str]:
    urls = {e["url"] for p in result["talking_points"] for e in p["evidence"]}
    return urls | {f.get("url") for o in result["openers"] for f in o.get("facts", [])
                   if isinstance(f, dict)}  # fmt: skip


def test_the_old_posts_that_match_the_mentee_are_read_and_cited(blog, embedder) -> None:
    site, themes, years = blog
    result = analyse(site, embedder, read_chosen_posts)
    assert result["reading"] == {"total": 60, "read": 20, "interest": 12, "popular": 5,
                                 "recent": 3}  # fmt: skip
    by_reason: dict[str, list[str]] = {}
    for post in result["posts"]:
        by_reason.setdefault(post["reason"], []).append(post["url"])
    # Every post chosen for the mentee is one of the old posts on their interests.
    assert all(themes[u] in OLD_THEMES and years[u] <= 2019 for u in by_reason["interest"])
    assert {themes[u] for u in by_reason["interest"]} == OLD_THEMES
    # The talking points cite the old matching posts, never a thin one.
    citations = {u for u in cited(result) if u in themes}
    assert {themes[u] for u in citations} & OLD_THEMES, result["talking_points"]
    assert not {u for u in citations if themes[u] in ("video", "link")}
    # The person's topics name their long-running themes.
    phrases = " ".join(t["phrase"].lower() for t in result["topics"][:8])
    named = [w for w in ("stoic", "dashboard", "deep learning", "subscription") if w in phrases]
    assert len(named) >= 3, phrases


def test_the_newest_twenty_miss_every_old_interest(blog, embedder) -> None:
    site, themes, years = blog
    result = analyse(site, embedder, read_newest_posts)
    assert all(years[p["url"]] >= 2020 for p in result["posts"])
    assert not {themes[u] for u in cited(result) if u in themes} & OLD_THEMES
