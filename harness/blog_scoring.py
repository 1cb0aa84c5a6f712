"""Scoring an analysis of a test blog (harness/sites/*): did it list every post, read and cite
the posts that match the mentee, keep thin posts out of what it says, and name the blog's
long-running themes? Shared by the tests and ``bench/blog_reading.py``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

TOP_TOPICS = 10


@dataclass(frozen=True)
class BlogTruth:
    """What is true of a test blog: its posts (path -> theme), which themes the mentee cares
    about, which posts are too thin to discuss, and words that name each long-running theme."""

    themes: Mapping[str, str]
    relevant_themes: frozenset[str]
    thin: frozenset[str]
    theme_words: Mapping[str, str]  # theme -> a regular expression that names it

    @property
    def relevant(self) -> set[str]:
        return {p for p, t in self.themes.items() if t in self.relevant_themes}


def _path(url: str) -> str:
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"


def cited_urls(result: Mapping[str, Any]) -> set[str]:
    """Every post URL a talking point or an opener rests on."""
    urls = {e["url"] for p in result.get("talking_points", []) for e in p.get("evidence", [])}
    for opener in result.get("openers", []):
        for fact in opener.get("facts", []) or []:
            if isinstance(fact, dict) and fact.get("url"):
                urls.add(fact["url"])
    return {u for u in urls if u}


def themes_named(phrases: Iterable[str], truth: BlogTruth) -> list[str]:
    text = " | ".join(p.lower() for p in phrases)
    return [t for t, words in truth.theme_words.items() if re.search(words, text)]


def score(result: Mapping[str, Any], truth: BlogTruth) -> dict[str, Any]:
    """The figures of one analysis against the blog's truth."""
    read = {_path(p["url"]) for p in result.get("posts", [])}
    cited = {_path(u) for u in cited_urls(result)}
    relevant = truth.relevant
    topics = [t["phrase"] for t in result.get("topics", [])[:TOP_TOPICS]]
    reading = result.get("reading", {})
    return {
        "posts": len(truth.themes),
        "reading_total": reading.get("total"),
        "read": len(read),
        "not_posts_read": sorted(read - set(truth.themes)),
        "relevant": len(relevant),
        "relevant_read": len(read & relevant),
        "relevant_cited": len(cited & relevant),
        "relevant_themes_cited": sorted({truth.themes[p] for p in cited & relevant}),
        "thin_cited": sorted(cited & truth.thin),
        "other_cited": sorted(cited - relevant),
        "topics": topics,
        "themes_named": themes_named(topics, truth),
        "talking_points": [p.get("text") for p in result.get("talking_points", [])],
    }
