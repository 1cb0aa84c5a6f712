"""The bundled demo: its blog gives real keyphrases, and `commonground demo` runs end to end."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from harness import ROOT
from insights.topics import TopicExtractor
from scraper.blog import read_blog
from scraper.fetch import Fetcher
from server import demo


@pytest.fixture(scope="module")
def demo_posts():
    with demo.DemoSite() as site:
        fetcher = Fetcher(allow_hosts_loopback=True, delay=0.0)
        try:
            result = read_blog(site.base_url + "/blog/", fetcher, limit=20)
        finally:
            fetcher.close()
    assert not result.errors, result.errors
    return result.posts


def test_the_demo_blog_has_ten_posts_newest_first(demo_posts):
    assert len(demo_posts) == 10
    dates = [p.published for p in demo_posts]
    assert dates == sorted(dates, reverse=True)
    assert all("Subscribe to the newsletter" not in p.text for p in demo_posts)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9][a-z0-9\-/]*", text.lower()))


@pytest.mark.model
def test_demo_keyphrases_are_phrases_of_its_posts(demo_posts, embedder):
    extractor = TopicExtractor(embedder)
    per_post, topics = extractor.person_topics(demo_posts)
    for post in demo_posts:
        phrases = [k.phrase for k in per_post[post.url]]
        assert len(phrases) >= 5, post.url
        for phrase in phrases:
            # every word of a keyphrase is a word of its post: nothing invented
            missing = {
                w
                for w in _words(phrase)
                if not any(
                    t.startswith(w[:5]) for t in _words(post.text + " " + (post.title or ""))
                )
            }
            assert not missing, (post.url, phrase, missing)
    names = " | ".join(t.phrase.lower() for t in topics)
    for expected in ("feature store", "causal inference", "forecast"):
        assert expected in names, names
    assert all(t.evidence and t.evidence[0].url.startswith("http://127.0.0.1") for t in topics)


@pytest.mark.browser
@pytest.mark.model
@pytest.mark.slow
def test_make_demo_runs_the_whole_flow(tmp_path):
    # In its own process, as `make demo` runs it (and away from the Playwright event loop the
    # extension tests keep running in this one).
    run = subprocess.run(
        [sys.executable, "-m", "server.cli", "demo", "--output", str(tmp_path)],
        capture_output=True, text=True, timeout=240, cwd=ROOT, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    out = run.stdout
    assert run.returncode == 0, out + run.stderr
    assert "Talking points" in out and "First opener" in out
    assert "KTH" in out  # the school the demo user and Maya share
    assert "copied to the clipboard" in out
    shot = tmp_path / "popup.png"
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
