"""Matching a mentee's interests against a whole blog, with the real model: the post whose
substance matches the interest is named, not the posts that share one broad word with it.

The blogs are in tests/fixtures/matching/: the posts as an analysis read them, the person's
topics, the mentee and which posts a careful reader would cite (``relevant``; ``acceptable``
may be cited too). ``ingrid_solberg_firmware`` is a blog written by someone else and is
calibration now (the rules below were changed after it was seen); the other two were written
for these tests: one broad word in most posts, and interests written as descriptions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from insights.common_ground import find_talking_points
from insights.match_topics import shares_only_a_word, unshared_part
from insights.models import Evidence, TalkingPoint, Topic
from scraper.models import Post, Profile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "matching"

pytestmark = pytest.mark.model


@dataclass(frozen=True)
class Blog:
    me: Profile
    them: Profile
    posts: list[Post]
    topics: list[Topic]
    relevant: frozenset[str]
    acceptable: frozenset[str]


def load(name: str) -> Blog:
    raw = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    topics = [
        Topic(
            t["phrase"],
            t["score"],
            tuple(Evidence(e["url"], e["quote"]) for e in t["evidence"]),
            t.get("posts", 0),
            t.get("since"),
        )
        for t in raw["topics"]
    ]
    return Blog(
        me=Profile.from_dict(raw["me"]),
        them=Profile.from_dict(raw["them"]),
        posts=[Post.from_dict(p) for p in raw["posts"]],
        topics=topics,
        relevant=frozenset(raw["relevant"]),
        acceptable=frozenset(raw.get("acceptable", ())),
    )


def points_of(blog: Blog, embedder) -> list[TalkingPoint]:
    return find_talking_points(blog.me, blog.them, blog.posts, blog.topics, embedder)


def named(points: list[TalkingPoint]) -> list[str]:
    return [p.key for p in points if p.kind == "post"]


def cited(points: list[TalkingPoint]) -> set[str]:
    return {e.url for p in points for e in p.evidence if e.url}


def test_the_old_posts_on_what_the_mentee_asks_are_cited_not_the_firmware_ones(embedder) -> None:
    # Calibration: before, "Code review for firmware teams" and "Hardware-in-the-loop tests"
    # were named for "low-power firmware" and "They write about firmware, close to your
    # interest low-power firmware" cited two more; none of the seven relevant posts was cited.
    blog = load("ingrid_solberg_firmware")
    points = points_of(blog, embedder)
    posts = named(points)
    assert len(set(posts) & blog.relevant) >= 2, [p.text for p in points]
    assert set(posts) <= blog.relevant | blog.acceptable, [p.text for p in points]
    assert cited(points) <= blog.relevant | blog.acceptable, [p.text for p in points]
    # Each named post is on a different thing the mentee cares about.
    assert len({p.mine for p in points if p.kind == "post"}) == len(posts)
    assert not [p for p in points if p.kind == "topic" and p.mine == "low-power firmware"]


def test_a_word_most_posts_share_does_not_carry_the_interest(embedder) -> None:
    blog = load("photography_broad_word")
    points = points_of(blog, embedder)
    posts = named(points)
    # Both posts on the night sky are named, and above every other post.
    assert set(posts[:2]) == blog.relevant, [p.text for p in points]
    # "photography", "wedding photography" and "photography clients" share only the word.
    assert not [p for p in points if p.kind == "topic"], [p.text for p in points]
    # No post on the business of photography is named for the interest. (MiniLM puts "Street
    # photography in the rain" at 0.52 from "night sky photography", the two real posts at
    # 0.55-0.57: it may come third, below them; this model does not tell them apart.)
    for_interest = {p.key for p in points if p.kind == "post" and p.mine == "night sky photography"}
    business = ("pricing", "contracts", "clients-ask", "teaching", "copyright", "food")
    assert not [u for u in for_interest if any(word in u for word in business)], for_interest


def test_interests_written_as_descriptions_find_the_posts_about_them(embedder) -> None:
    blog = load("descriptive_interests")
    points = points_of(blog, embedder)
    posts = named(points)
    assert set(posts) <= blog.relevant, [p.text for p in points]
    # One post for each described interest the blog has: the balcony vegetables, the dough.
    mine = {p.mine for p in points if p.kind == "post"}
    assert mine == {
        "growing vegetables on a small balcony",
        "getting sourdough to rise in a cold flat",
    }
    # Sharing "bread", "cold flat" or "balcony" is not enough.
    for slug in ("corner-bakery-prices", "heating-bills-cold-flat", "balcony-furniture"):
        assert not [u for u in cited(points) if u.endswith(slug)], slug


def test_a_broader_phrase_or_a_shared_word_alone_is_no_match(embedder) -> None:
    assert unshared_part("low-power firmware", "firmware engineer") == "low-power"
    assert unshared_part("coral reef monitoring", "long-term reef monitoring") == "coral"
    assert unshared_part("urban heat", "Urban heat islands") is None
    assert unshared_part("accessibility audits", "accessibility audit") is None
    assert unshared_part("frontend performance", "frontend") is None  # only a broad word left
    texts = ["low-power", "coral", "firmware engineer", "long-term reef monitoring"]
    vectors = dict(zip(texts, embedder.embed(texts), strict=True))
    # The interest less what it is about: no vector needed.
    assert shares_only_a_word("low-power firmware", "firmware", {})
    assert shares_only_a_word("low-power firmware", "firmware engineer", vectors)
    assert not shares_only_a_word("coral reef monitoring", "long-term reef monitoring", vectors)
    assert not shares_only_a_word("Deep Learning", "deep learning model", {})
