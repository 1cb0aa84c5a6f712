"""Analysing a person from their blog's home page, where the posts that match the mentee are
the oldest: the whole blog is listed (reading.total is its number of posts), the matching old
posts are read and the talking points cite them, never a thin post.

The blogs (harness/sites/): WordPress-like and Hugo-like, tuned on; the Ghost-like one was held
out and scored once before and once after the changes to finding and listing a blog (before:
15 of 48 posts listed, 0 of 8 matching posts read; after: 48 of 48, 8 of 8 read, 6 cited), and
is kept here as a regression test, no longer unseen."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from harness import ROOT
from harness.blog_scoring import BlogTruth, score
from harness.sites import ghost_blog, hugo_blog, wordpress_blog
from scraper.fetch import Fetcher
from scraper.models import Profile
from server.analysis import AnalysisRequest, Tools, run_analysis
from server.chosen_posts import read_chosen_posts

pytestmark = pytest.mark.model

BLOGS = {"wordpress": wordpress_blog, "hugo": hugo_blog, "ghost": ghost_blog}


def truth(module) -> BlogTruth:
    posts = module.make_posts()
    return BlogTruth(
        themes={p.path: p.theme for p in posts},
        relevant_themes=frozenset(module.OLD_THEMES),
        thin=frozenset(p.path for p in posts if p.thin),
        theme_words={},
    )


def serve(site, module) -> None:
    site.routes.update(module.build_site(site.base_url))
    site.fallback = module.not_found(site.base_url)


@pytest.mark.parametrize("name", sorted(BLOGS))
def test_the_old_posts_that_match_the_mentee_are_listed_read_and_cited(
    name, local_site, embedder
) -> None:
    module = BLOGS[name]
    serve(local_site, module)
    me = Profile.from_dict(module.mentee())
    with Fetcher(allow_hosts_loopback=True, delay=0) as fetcher:
        tools = Tools(fetcher=fetcher, embedder=lambda: embedder, read_posts=read_chosen_posts)
        result = run_analysis(AnalysisRequest(local_site.url("/"), None, me), tools)
    figures = score(result, truth(module))
    assert result["reading"]["total"] == len(module.make_posts())
    assert figures["not_posts_read"] == []
    assert figures["relevant_read"] == figures["relevant"]
    assert len(figures["relevant_themes_cited"]) >= 2, figures["talking_points"]
    assert figures["thin_cited"] == [] and figures["other_cited"] == []
    assert not result["partial"]


@pytest.mark.slow
def test_the_command_line_reads_the_whole_blog_from_its_home_page(local_site, tmp_path) -> None:
    serve(local_site, wordpress_blog)
    me = tmp_path / "mentee.json"
    me.write_text(json.dumps(wordpress_blog.mentee()), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COMMONGROUND_ALLOW_LOOPBACK_FETCH": "true",
           "COMMONGROUND_FETCH_DELAY_S": "0", "COMMONGROUND_USE_BROWSER": "false"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "analyze", local_site.url("/"), "--me", str(me),
         "--json", "--data-dir", str(tmp_path / "data")],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["reading"]["total"] == 52 and result["reading"]["read"] == 20
    figures = score(result, truth(wordpress_blog))
    assert figures["relevant_read"] == 9
    assert figures["relevant_cited"] >= 3 and figures["thin_cited"] == []
