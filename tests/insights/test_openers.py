"""Openers on every fixture pair with the real model: the channels and their limits, the facts,
the one ask, no follow-up request, the swap test against every other pair's person, every
sentence backed by a profile or a post, tones and versions."""

from __future__ import annotations

import re

import pytest

from insights.drafts import check_draft
from insights.facts import mentions
from insights.models import CHANNEL_LIMITS
from insights.openers import opener_versions, write_openers
from insights.phrasing import TONES
from insights.swap import swap_test
from insights.truth import check_opener

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
def test_each_opener_names_facts_says_who_asks_once_and_never_asks_to_follow_up(
    analysed, name
) -> None:
    result = analysed[name]
    me = result.pair.me
    for opener in result.openers:
        assert len(opener.facts) >= 1
        for fact in opener.facts:
            assert mentions(opener.text, fact), fact
        assert me.name.split()[0] in opener.text  # who the user is
        assert opener.text.count("?") - _quoted_marks(opener.text) == 1  # one direct ask
        # Follow-ups belong to the tracker, not to a first note.
        assert not re.search(r"follow(ed|ing)? ?-?up", opener.text, re.IGNORECASE)
        assert "pick your brain" not in opener.text.lower()
        assert re.search(r"no worries|do not have time|are busy", opener.text, re.I)  # easy out


def _quoted_marks(text: str) -> int:
    return sum(q.count("?") for q in re.findall(r"“[^”]*”", text))


@pytest.mark.parametrize("name", NAMES)
def test_every_sentence_of_every_opener_is_backed_by_a_profile_or_a_post(analysed, name) -> None:
    """All versions, all tones, all channels: no quote that is not theirs, no claim about the
    user their profile does not make, no feeling, no year nobody shows, case kept."""
    result = analysed[name]
    pair = result.pair
    versions = opener_versions(pair.me, pair.them, result.points, pair.topics, pair.posts)
    assert versions
    for version in versions:
        assert set(version["tones"]) == set(TONES)
        for tone, openers in version["tones"].items():
            for opener in openers:
                findings = check_opener(
                    opener["text"], pair.me, pair.them, pair.posts, opener.get("subject")
                )
                assert not findings, (tone, opener["channel"], findings)


@pytest.mark.parametrize("name", NAMES)
def test_openers_pass_the_swap_test(analysed, name) -> None:
    result = analysed[name]
    for opener in result.openers:
        assert opener.swap_test.passed, opener.text


@pytest.mark.parametrize("name", NAMES)
def test_another_version_changes_the_anchor_fact_or_the_post(analysed, name) -> None:
    result = analysed[name]
    pair = result.pair
    versions = opener_versions(pair.me, pair.them, result.points, pair.topics, pair.posts)
    keys = [(v["anchor"], v["post"]) for v in versions]
    assert len(keys) == len(set(keys))
    for v in versions:
        texts = {t: [o["text"] for o in ops] for t, ops in v["tones"].items()}
        assert len({tuple(x) for x in texts.values()}) == len(TONES)  # tones really differ


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
        assert titles & set(opener.facts) or "Red Hat" in opener.facts


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
