"""A blog's home page is a profile: `commonground analyze` on a Jekyll blog served on loopback
names its author and finds talking points in the posts; the About page completes the profile,
and when the home page names nobody, the feed does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.fetch import Fetcher
from scraper.models import Profile
from server.analysis import AnalysisRequest, Tools, run_analysis
from tests.server.conftest import serve_site

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "tests" / "fixtures" / "blogs" / "jekyll-home"
# The mentee: a data analyst who runs A/B tests, forecasts demand and writes dbt models.
ME = ROOT / "server" / "demo_site" / "me.json"


def test_analyze_on_a_blog_home_names_its_author_and_talks_about_the_posts(local_site, tmp_path):
    serve_site(local_site, SITE)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COMMONGROUND_ALLOW_LOOPBACK_FETCH": "true",
           "COMMONGROUND_FETCH_DELAY_S": "0", "COMMONGROUND_USE_BROWSER": "false"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "analyze", local_site.url("/"), "--me", str(ME),
         "--json", "--data-dir", str(tmp_path / "data")],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    profile = result["profile"]
    assert profile["name"] == "Hanna Virtanen"
    # The home page says nothing about her; the About page it links does.
    assert profile["about"].startswith("I'm Hanna, a data engineer at Reaktor in Helsinki.")
    assert "• Mentors junior data engineers through Women in Data Finland" in profile["about"]
    assert profile["headline"] == "Data engineer at Reaktor"
    assert profile["location"] == "Helsinki"
    assert [s["school"] for s in profile["education"]] == ["Aalto University"]
    # Six posts, and never the "page not found" page the sitemap lists.
    posts = [p["url"] for p in result["posts"]]
    assert len(posts) == 6 and not any("404" in url for url in posts), posts
    points = result["talking_points"]
    from_posts = [p for p in points if any(e["url"] in posts for e in p["evidence"])]
    assert len(from_posts) >= 2, points
    text = " ".join(p["text"] for p in from_posts)
    assert "A/B" in text or "forecast" in text.lower() or "dbt" in text, text


def test_a_home_page_that_names_nobody_is_named_by_its_feed(local_site, embedder):
    serve_site(local_site, SITE)
    # The same blog under a site name that is no person's, on every page (the About page too):
    # only the feeds still name the author.
    for path, body in list(local_site.routes.items()):
        if path.endswith(("/", ".html")):
            renamed = body.decode().replace("Hanna Virtanen", "Lakes &amp; Saunas")
            local_site.routes[path] = renamed.replace("I'm Hanna, a", "I'm a").encode()
    me = Profile.from_dict(json.loads(ME.read_text(encoding="utf-8")))
    with Fetcher(allow_hosts_loopback=True, delay=0) as fetcher:
        tools = Tools(fetcher=fetcher, embedder=lambda: embedder)
        result = run_analysis(AnalysisRequest(local_site.url("/"), None, me, post_limit=6), tools)
    assert result["profile"]["name"] == "Hanna Virtanen"
    assert "/feed.xml" in local_site.requests or "/feed.json" in local_site.requests
    assert len(result["posts"]) == 6
