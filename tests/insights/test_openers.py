"""Openers on every fixture pair with the real model: the channels and their limits, the facts,
the question, the follow-up, the swap test against every other pair's person, varied wording."""

from __future__ import annotations

import re

import pytest

from insights.drafts import check_draft
from insights.facts import mentions
from insights.models import CHANNEL_LIMITS
from insights.openers import write_openers
from insights.swap import swap_test

from .conftest import PAIRS

pytestmark = pytest.mark.model

NAMES = [p.name for p in PAIRS]


@pytest.mark.parametrize("name", NAMES)
def test_three_channels_within_their_limits(analysed, name: str) -> None:
    openers = analysed[name].openers
    assert [o.channel for o in openers] == ["connection_note", "message", "email"]
    for opener in openers:
        assert len(opener.text) <= CHANNEL_LIMITS[opener.channel]
    assert openers[2].subject and openers[0].subject is None and openers[1].subject is None


@pytest.mark.parametrize("name", NAMES)
def test_each_opener_names_facts_says_who_asks_and_proposes_a_follow_up(analysed, name) -> None:
    result = analysed[name]
    me = result.pair.me
    for opener in result.openers:
        assert len(opener.facts) >= 2
        for fact in opener.facts:
            assert mentions(opener.text, fact), fact
        assert me.name.split()[0] in opener.text  # who the user is
        assert "?" in opener.text  # one direct question
        assert re.search(r"follow(ed|ing)? ?-?up", opener.text, re.IGNORECASE)
        assert "pick your brain" not in opener.text.lower()
        assert opener.swap_test.passed, opener.text


@pytest.mark.parametrize("name", NAMES)
def test_openers_pass_the_swap_test_against_every_other_person(analysed, name: str) -> None:
    result = analysed[name]
    for opener in result.openers:
        for other in PAIRS:
            if other.name == name:
                continue
            verdict = swap_test(opener.text, result.pair.them, opener.facts, [other.them])
            assert verdict.passed, (opener.channel, other.name, opener.text)


@pytest.mark.parametrize("name", NAMES)
def test_the_draft_checker_finds_nothing_wrong_in_our_own_openers(analysed, name: str) -> None:
    result = analysed[name]
    bad = {
        "vague_ask",
        "generic_flattery",
        "no_question",
        "too_long",
        "swap_test_failed",
        "no_specific_fact",
    }
    for opener in result.openers:
        findings = check_draft(
            opener.text,
            opener.channel,
            result.pair.me,
            result.pair.them,
            result.points,
            posts=result.pair.posts,
            topics=result.pair.topics,
        )
        assert not [f for f in findings if f.code in bad], opener.text


def _frame(text: str, facts, names) -> str:
    for value in [*facts, *names]:
        text = text.replace(value, "#")
    return re.sub(r"\s+", " ", text)


def test_wording_varies_from_person_to_person(analysed) -> None:
    frames = set()
    for result in analysed.values():
        names = [*(result.pair.them.name or "").split(), *(result.pair.me.name or "").split()]
        message = result.openers[1]
        frames.add(_frame(message.text, message.facts, names))
    assert len(frames) >= len(analysed) * 3 // 4


def test_same_input_same_openers(analysed) -> None:
    result = analysed[NAMES[0]]
    pair = result.pair
    again = write_openers(pair.me, pair.them, result.points, pair.topics, pair.posts)
    assert [o.to_dict() for o in again] == [o.to_dict() for o in result.openers]


def test_opener_shape_for_the_api(analysed) -> None:
    email = analysed[NAMES[0]].openers[2].to_dict()
    assert set(email) == {"text", "channel", "facts", "swap_test", "subject"}
    assert set(email["swap_test"]) == {"passed", "score"}
    assert 0.0 <= email["swap_test"]["score"] <= 1.0


def test_with_little_common_ground_openers_name_the_persons_own_work(analysed) -> None:
    result = analysed["no_ground_marketing_vs_kernel"]
    titles = {p.title for p in result.pair.posts}
    for opener in result.openers:
        assert titles & set(opener.facts) or any(t[:20] in opener.text for t in titles)
        assert "Red Hat" in opener.facts


def test_others_given_to_write_openers_discount_shared_facts(analysed) -> None:
    result = analysed["meta_facebook_overlap"]
    pair = result.pair
    colleague = pair.them.__class__(name="Colleague", experience=pair.them.experience)
    openers = write_openers(
        pair.me, pair.them, result.points, pair.topics, pair.posts, others=[colleague]
    )
    plain = {o.channel: o.swap_test.score for o in result.openers}
    for opener in openers:
        # Meta is true of the colleague too, so it counts for less.
        assert opener.swap_test.score <= plain[opener.channel]
