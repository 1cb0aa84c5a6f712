"""Choosing what to read on a blog the method was not tuned on (harness/sites/planner_blog.py):
another field, a JSON Feed of 8, an archive page instead of pagination and a sitemap, undated
URLs, a "Start here" list on the about page. Written after the method was frozen."""

from __future__ import annotations

import pytest

from harness.sites import planner_blog
from scraper.fetch import Fetcher
from scraper.models import Profile
from server.analysis import AnalysisRequest, Tools, read_newest_posts, run_analysis
from server.chosen_posts import read_chosen_posts

pytestmark = pytest.mark.model

OLD_THEMES = set(planner_blog.OLD_THEMES)


@pytest.fixture
def blog(local_site):
    local_site.routes.update(planner_blog.build_site(local_site.base_url))
    posts = planner_blog.make_posts()
    return local_site, {local_site.url(p.path): p.theme for p in posts}


def analyse(site, embedder, reader) -> dict:
    me = Profile.from_dict(planner_blog.mentee())
    request = AnalysisRequest(site.url("/about/"), None, me)
    with Fetcher(allow_hosts_loopback=True, delay=0) as fetcher:
        tools = Tools(fetcher=fetcher, embedder=lambda: embedder, read_posts=reader)
        return run_analysis(request, tools)


def cited_themes(result: dict, themes: dict[str, str]) -> set[str]:
    urls = {e["url"] for p in result["talking_points"] for e in p["evidence"]}
    return {themes[u] for u in urls if u in themes}


def test_the_old_posts_that_match_the_mentee_are_read_and_cited(blog, embedder) -> None:
    site, themes = blog
    result = analyse(site, embedder, read_chosen_posts)
    reading = result["reading"]
    assert reading["total"] == 45 and reading["read"] == 20
    assert reading["interest"] >= 6 and reading["popular"] >= 3
    interest = [p["url"] for p in result["posts"] if p["reason"] == "interest"]
    assert {themes[u] for u in interest} == OLD_THEMES
    assert all(themes[u] in OLD_THEMES for u in interest)
    cited = cited_themes(result, themes)
    assert cited & OLD_THEMES, result["talking_points"]
    assert "video" not in cited


def test_the_newest_twenty_miss_every_old_interest(blog, embedder) -> None:
    site, themes = blog
    result = analyse(site, embedder, read_newest_posts)
    assert not cited_themes(result, themes) & OLD_THEMES
