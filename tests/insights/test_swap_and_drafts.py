"""The swap test and the draft checker on hand-written drafts (no model needed)."""

from __future__ import annotations

import pytest

from insights.drafts import check_draft
from insights.models import Evidence, TalkingPoint
from insights.swap import body_sentences, swap_test
from scraper.models import Position, Post, Profile, School

ANNA = Profile(
    name="Anna Lindqvist",
    headline="Principal Engineer at Spotify",
    location="Stockholm",
    source_url="https://www.linkedin.com/in/anna/",
    experience=(Position("Principal Engineer", "Spotify", "2016", None),),
    education=(School("KTH Royal Institute of Technology", start="2011", end="2016"),),
    skills=("PostgreSQL", "Python"),
)
BORIS = Profile(
    name="Boris Petrov",
    headline="Engineer at Spotify",
    location="Stockholm",
    experience=(Position("Engineer", "Spotify", "2019", None),),
    education=(School("Uppsala University"),),
)
RAFT = "https://anna.example/posts/raft"
POSTS = [Post(RAFT, "What running Raft in production taught us", text="Raft is hard.")]
POINTS = [
    TalkingPoint(
        "post",
        "Their post is about consensus.",
        0.8,
        (Evidence(RAFT, "Consensus is not free."),),
        theirs="What running Raft in production taught us",
        mine="consensus",
        key=RAFT,
    ),
    TalkingPoint(
        "school",
        "You both studied at KTH.",
        0.95,
        (Evidence(ANNA.source_url, "KTH Royal Institute of Technology"),),
        theirs="KTH Royal Institute of Technology · 2011–2016",
        mine="KTH",
        key="kth",
    ),
]
SPECIFIC = (
    "Hi Anna, I read “What running Raft in production taught us” and we both went to KTH. "
    "How did you decide to pin leadership to one region? "
    "Would you be open to me following up in a few months?"
)
GENERIC = "Hi Anna, I admire your work and would love to pick your brain over coffee."


def test_a_message_that_only_depends_on_the_name_fails() -> None:
    facts = ["What running Raft in production taught us", "KTH Royal Institute of Technology"]
    result = swap_test(GENERIC, ANNA, facts)
    assert not result.passed and result.score == 0.0
    # Putting her name in more places does not help: the name is what a swap replaces.
    named = "Hi Anna Lindqvist, Anna, your work, Lindqvist, is great. Can we talk?"
    assert not swap_test(named, ANNA, ["Anna Lindqvist", "Lindqvist"]).passed


def test_a_message_built_on_her_facts_passes_and_reports_how_much() -> None:
    facts = ["What running Raft in production taught us", "KTH Royal Institute of Technology"]
    result = swap_test(SPECIFIC, ANNA, facts)
    assert result.passed
    assert 0.3 < result.score < 1.0  # the follow-up sentence depends on nobody


def test_facts_true_of_the_other_person_do_not_count() -> None:
    text = "Hi Anna, you work at Spotify and live in Stockholm. What is it like?"
    assert swap_test(text, ANNA, ["Spotify", "Stockholm"]).passed
    assert not swap_test(text, ANNA, ["Spotify", "Stockholm"], others=[BORIS]).passed


def test_generic_facts_never_count() -> None:
    text = "Hi Anna, we both use Python and speak English. What do you think?"
    assert not swap_test(text, ANNA, ["Python", "English"]).passed


def test_facts_claimed_but_absent_from_the_text_do_not_count() -> None:
    assert not swap_test("Hi Anna, how are you?", ANNA, ["Spotify", "KTH"]).passed


def test_body_sentences_skip_greeting_and_sign_off_and_keep_quoted_titles_whole() -> None:
    text = "Hi Olu,\n\nI read “Should we break up our monolith?” twice. What next?\n\nBest,\nKenji"
    assert body_sentences(text) == [
        "I read “Should we break up our monolith?” twice.",
        "What next?",
    ]


def _codes(findings) -> list[str]:
    return [f.code for f in findings]


def test_vague_ask_and_flattery_are_found_where_they_are() -> None:
    findings = check_draft(GENERIC, "message", them=ANNA, points=POINTS, posts=POSTS)
    by_code = {f.code: f for f in findings}
    assert {
        "generic_flattery",
        "vague_ask",
        "no_question",
        "no_specific_fact",
        "swap_test_failed",
        "unused_talking_point",
    } <= set(by_code)
    flattery = by_code["generic_flattery"]
    assert GENERIC[flattery.start : flattery.end] == "I admire your work"
    vague = [f for f in findings if f.code == "vague_ask"]
    assert [GENERIC[f.start : f.end] for f in vague] == ["pick your brain", "over coffee"]
    # The suggestion points at the post they could ask about instead.
    assert "What running Raft in production taught us" in vague[0].suggestion


def test_a_specific_draft_gets_no_complaints() -> None:
    findings = check_draft(SPECIFIC, "connection_note", them=ANNA, points=POINTS, posts=POSTS)
    assert _codes(findings) == []


def test_unused_talking_points_are_suggested() -> None:
    text = (
        "Hi Anna, I read “What running Raft in production taught us”. Your team at Spotify "
        "chose Raft over Paxos: would you choose it again today?"
    )
    findings = check_draft(text, "message", them=ANNA, points=POINTS, posts=POSTS)
    unused = [f for f in findings if f.code == "unused_talking_point"]
    assert [f.extra["key"] for f in unused] == ["kth"]


def test_too_long_for_the_channel_points_at_the_overflow() -> None:
    text = SPECIFIC + " " + "I have a lot more to say about this. " * 8
    [finding] = [f for f in check_draft(text, "connection_note") if f.code == "too_long"]
    assert (finding.start, finding.end) == (300, len(text))
    assert f"{len(text)} characters" in finding.message
    assert "too_long" not in _codes(check_draft(text, "email"))


def test_without_a_person_only_the_text_is_checked() -> None:
    assert _codes(check_draft("Can I pick your brain?")) == ["vague_ask"]


def test_unknown_channel_says_which_exist() -> None:
    with pytest.raises(ValueError, match="connection_note, message, email"):
        check_draft("Hi", channel="sms")


def test_finding_shape_for_the_api() -> None:
    finding = check_draft("Pick your brain", "message")[0].to_dict()
    assert finding["code"] == "vague_ask" and finding["start"] == 0 and finding["end"] == 15
    assert finding["message"] and finding["suggestion"]


def test_a_long_title_cited_by_its_first_words_is_named() -> None:
    from insights.facts import mentions

    title = "My first 90 days as a new engineering manager"
    assert mentions("In “My first 90 days”, what surprised you?", title)
    assert not mentions("In your first days, what surprised you?", title)  # three words: no


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        (
            "In “Raft”, which decision was the hardest to make, and how did you make it?",
            "generic_phrase",
        ),
        (
            "Looking back, what would you do differently if you started again today?",
            "generic_phrase",
        ),
        (
            "What skill do people joining Tata Consultancy Services most often lack?",
            "generic_phrase",
        ),
        ("I have read about what you do at Meta.", "generic_phrase"),
        ("Your writing on Poem caught my eye.", "generic_phrase"),
        ("I read your post, and it stayed with me.", "invented_feeling"),
        ("Your post is the reason I am writing.", "invented_feeling"),
        ("May I follow up in a few months?", "follow_up_request"),
    ],
)
def test_the_generic_phrases_people_rewrite_are_flagged_where_they_are(phrase, code) -> None:
    text = f"Hi Anna, {phrase} Thanks!"
    found = [f for f in check_draft(text) if f.code == code]
    assert found, check_draft(text)
    assert text[found[0].start : found[0].end] in phrase
