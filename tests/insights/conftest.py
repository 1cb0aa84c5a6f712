"""Fixtures of the insights tests: the fixture pairs, analysed once with the real model.

The pairs (tests/fixtures/pairs/*.json) are a user, a person, the person's posts, keyphrases
written for the test and the talking points a careful reader expects, as (kind, key) pairs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from insights.models import Evidence, Opener, TalkingPoint, Topic
from scraper.models import Post, Profile

PAIRS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "pairs"


@dataclass(frozen=True)
class Pair:
    name: str
    description: str
    me: Profile
    them: Profile
    posts: list[Post]
    topics: list[Topic]
    expected: frozenset[tuple[str, str]]
    strong: bool


def load_pair(path: Path) -> Pair:
    raw = json.loads(path.read_text(encoding="utf-8"))
    topics = [
        Topic(k["phrase"], k["score"], (Evidence(k["url"], k["sentence"]),))
        for k in raw.get("keyphrases", ())
    ]
    return Pair(
        name=path.stem,
        description=raw.get("description", ""),
        me=Profile.from_dict(raw["me"]),
        them=Profile.from_dict(raw["them"]),
        posts=[Post.from_dict(p) for p in raw["posts"]],
        topics=topics,
        expected=frozenset(tuple(e) for e in raw["expected"]),
        strong=bool(raw["strong"]),
    )


PAIRS = [load_pair(p) for p in sorted(PAIRS_DIR.glob("*.json"))]


@dataclass(frozen=True)
class Analysed:
    pair: Pair
    points: list[TalkingPoint]
    openers: list[Opener]


@pytest.fixture(scope="session")
def analysed(embedder) -> dict[str, Analysed]:
    """Every pair through find_talking_points and write_openers once, with the real model."""
    from insights.common_ground import find_talking_points
    from insights.openers import write_openers

    out = {}
    for pair in PAIRS:
        points = find_talking_points(pair.me, pair.them, pair.posts, pair.topics, embedder)
        openers = write_openers(pair.me, pair.them, points, pair.topics, pair.posts)
        out[pair.name] = Analysed(pair, points, openers)
    return out
