"""Post extraction on saved pages: our fixtures, and Readability's reference pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from harness.quality import byline_matches, title_matches, token_f1
from scraper.blog import extract_post

BLOGS = Path(__file__).resolve().parent.parent / "fixtures" / "blogs"

# page -> (url, key sentence, title, author, published, tags that must be present)
EXPECTED = {
    "wordpress-post.html": (
        "https://priya.example/2024/03/why-i-mentor/",
        "keep two hours a week open for people early in their careers",
        "Why I mentor junior data engineers",
        "Priya Raman",
        "2024-03-12T09:30:00+00:00",
        {"mentoring", "data engineering", "Airflow"},
    ),
    "ghost-post.html": (
        "https://tomas.example/offline-first/",
        "Every write goes to a local SQLite database first",
        "Designing offline-first mobile apps",
        "Tomás Ortega",
        "2023-11-02T18:00:00+00:00",
        {"mobile", "offline-first", "sync"},
    ),
    "hugo-post.html": (
        "https://lena.example/posts/rust-whiteboard/",
        "Each variable gets a box on the whiteboard",
        "Teaching Rust ownership with a whiteboard",
        None,
        "2022-06-20T10:00:00+02:00",
        set(),
    ),
}
BOILERPLATE = ("Subscribe", "cookie", "Cookie", "Powered by", "Leave a reply", "Home")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_posts(name):
    url, sentence, title, author, published, tags = EXPECTED[name]
    post = extract_post((BLOGS / name).read_text(encoding="utf-8"), url)
    assert post is not None and post.url == url
    assert sentence in post.text
    for junk in BOILERPLATE:
        assert junk not in post.text, junk
    assert post.title == title
    if author:
        assert post.author == author
    assert post.published == published
    assert tags <= set(post.tags)


def test_post_to_dict_is_the_cli_json_shape():
    url = EXPECTED["ghost-post.html"][0]
    post = extract_post((BLOGS / "ghost-post.html").read_text(encoding="utf-8"), url)
    d = post.to_dict()
    assert set(d) == {"url", "title", "published", "author", "tags", "text"}
    assert isinstance(d["tags"], list) and json.dumps(d)


@pytest.mark.parametrize(
    "html", ["", "<html></html>", "<p>Too short to be a post.</p>", "\x00garbage<<<>>>"]
)
def test_no_post_on_pages_without_text(html):
    assert extract_post(html, "https://x.example/") is None


def test_readability_reference_pages(shared_data):
    """Mean token F1 against Readability's expected text >= 0.90; titles and bylines match."""
    pages = sorted(p for p in (shared_data / "blogs" / "readability").iterdir() if p.is_dir())
    assert len(pages) >= 10
    scores, mismatches = [], []
    for page in pages:
        source = (page / "source.html").read_text(encoding="utf-8", errors="replace")
        expected_html = (page / "expected.html").read_text(encoding="utf-8")
        expected = lxml_html.fromstring(expected_html).text_content()
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        post = extract_post(source, f"https://{page.name}.example/post")
        assert post is not None, page.name
        scores.append(token_f1(post.text, expected))
        if not title_matches(post.title, meta.get("title")):
            mismatches.append((page.name, "title", post.title, meta.get("title")))
        if not byline_matches(post.author, meta.get("byline")):
            mismatches.append((page.name, "byline", post.author, meta.get("byline")))
    assert sum(scores) / len(scores) >= 0.90, scores
    assert min(scores) >= 0.80, scores
    assert mismatches == []
