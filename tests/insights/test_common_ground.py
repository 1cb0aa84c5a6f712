"""Talking points on the fixture pairs with the real model: the expected points, the traps, the
ranking and the honest "no strong common ground"."""

from __future__ import annotations

import pytest

from insights.common_ground import (
    STRONG_SCORE,
    find_talking_points,
    no_common_ground_advice,
)
from insights.match_topics import is_generic
from insights.models import KINDS, Evidence, Topic
from scraper.models import Post, Profile

from .conftest import PAIRS

ORG_KINDS = ("school", "employer", "volunteering")

pytestmark = pytest.mark.model


@pytest.mark.parametrize("name", [p.name for p in PAIRS])
def test_each_pair_gives_exactly_the_expected_points(analysed, name: str) -> None:
    result = analysed[name]
    found = {(p.kind, p.key) for p in result.points}
    assert found == set(result.pair.expected), result.pair.description


@pytest.mark.parametrize("name", [p.name for p in PAIRS])
def test_every_point_has_evidence_from_the_person(analysed, name: str) -> None:
    result = analysed[name]
    own_urls = {result.pair.them.source_url} | {p.url for p in result.pair.posts}
    texts = [p.text for p in result.pair.posts]
    for point in result.points:
        assert point.kind in KINDS
        assert point.evidence and point.theirs and point.mine
        assert point.evidence[0].url in own_urls
        for evidence in point.evidence:
            if evidence.quote.startswith("your ") and point.kind in ORG_KINDS:
                # The join of two spellings: from the user's own profile (or the organisation's
                # LinkedIn page), naming both sides as each profile writes them.
                assert (
                    evidence.url in {result.pair.me.source_url, None}
                    or "/school/" in (evidence.url or "")
                    or "/company/" in (evidence.url or "")
                )
                assert point.mine.split(" · ")[0] in evidence.quote
                assert point.theirs.split(" · ")[0] in evidence.quote
                continue
            assert evidence.url in own_urls
            if evidence.url != result.pair.them.source_url:
                # A post quote is a sentence of that post, not a paraphrase.
                assert any(evidence.quote in text for text in texts)


@pytest.mark.parametrize("name", [p.name for p in PAIRS])
def test_strong_common_ground_is_judged_honestly(analysed, name: str) -> None:
    result = analysed[name]
    pair = result.pair
    advice = no_common_ground_advice(pair.them, pair.posts, pair.topics, result.points)
    assert (not advice) == pair.strong
    if advice:
        # What to do instead names a real post to read first.
        assert any(post.url in line for line in advice for post in pair.posts)


def test_ranking_puts_a_named_post_above_a_shared_city_and_a_common_skill(analysed) -> None:
    points = analysed["deepmind_trap_london"].points
    kinds = [p.kind for p in points]
    assert kinds.index("post") < kinds.index("place")
    common = analysed["common_word_trap"].points
    assert [p.key for p in common] == ["python"] and common[0].score < STRONG_SCORE


def test_a_single_generic_word_is_no_shared_topic(embedder) -> None:
    me = Profile(name="Me", interests=("data", "software", "technology"))
    them = Profile(name="Them", source_url="https://t.example/")
    url = "https://t.example/p"
    posts = [Post(url, "On data", text="We store data. Software runs on data. Data is data.")]
    topics = [
        Topic("data", 0.9, (Evidence(url, "We store data."),)),
        Topic("software", 0.8, (Evidence(url, "Software runs on data."),)),
    ]
    assert is_generic("data") and is_generic("the Software") and not is_generic("data pipelines")
    assert find_talking_points(me, them, posts, topics, embedder) == []


def test_topics_match_by_meaning_not_by_string(embedder) -> None:
    me = Profile(name="Me", interests=("distributed systems",))
    them = Profile(name="Them", source_url="https://t.example/")
    topic = Topic(
        "consensus protocols",
        0.7,
        (Evidence("https://t.example/a", "Consensus protocols keep replicas in step."),),
    )
    unrelated = Topic(
        "sourdough baking",
        0.9,
        (Evidence("https://t.example/b", "Sourdough needs a lively starter."),),
    )
    points = find_talking_points(me, them, [], [unrelated, topic], embedder)
    assert [(p.kind, p.key, p.theirs) for p in points] == [
        ("topic", "distributed systems", "consensus protocols")
    ]
    assert points[0].evidence[0].url == "https://t.example/a"


def test_a_topic_already_said_by_a_named_post_is_not_repeated(analysed) -> None:
    # kth pair: "raft consensus" is a topic close to the user's interest, but its only evidence
    # is the Raft post, which is already a point.
    result = analysed["kth_distributed_systems"]
    assert not [p for p in result.points if p.kind == "topic"]
    assert any(p.kind == "post" for p in result.points)


def test_output_is_deterministic(embedder) -> None:
    pair = PAIRS[0]
    first = find_talking_points(pair.me, pair.them, pair.posts, pair.topics, embedder)
    again = find_talking_points(pair.me, pair.them, pair.posts, pair.topics, embedder)
    assert [p.to_dict() for p in first] == [p.to_dict() for p in again]


def test_empty_inputs_give_no_points_and_useful_advice(embedder) -> None:
    them = Profile(name="Ada Lovelace")
    assert find_talking_points(Profile(), them, [], [], embedder) == []
    advice = no_common_ground_advice(them, [], [], [])
    assert advice[0].startswith("There is no strong common ground between you and Ada")
    assert "Add your interests and skills" in advice[-1]
