"""Wording the blind review of unseen pairs found a careful person would not send."""

from __future__ import annotations

from insights.compose import anchor_sentence, who_sentence
from insights.plan import Anchor, subject_of
from scraper.models import Post, Profile

POST = Post(
    url="https://isabel.example/posts/the-sentence-is-the-chart",
    title="The sentence is the chart",
    text="Most people delete a third of the chart and it gets better. " * 10,
)


def test_a_title_that_is_a_sentence_is_no_subject_to_ask_about():
    assert subject_of("", POST, []) == ""


def test_a_superlative_is_not_part_of_the_subject_and_people_are_no_subject():
    post = Post(url="https://x.example/p", title="The cheapest user research")
    assert subject_of("", post, []) == "user research"
    hiring = Post(url="https://x.example/h", title="What we look for in junior quant researchers")
    assert "researchers" not in subject_of("", hiring, [])


def test_a_name_ending_with_a_period_ends_the_sentence_once():
    anchor = Anchor("employer", "Rakuten Group, Inc.", "", "", None)
    assert anchor_sentence(anchor) == "We have both worked at Rakuten Group, Inc."


def test_the_mentee_is_named_as_written():
    me = Profile(name="Tan Mei Lin", headline="Research Officer")
    assert "I'm Tan Mei Lin" in who_sentence(me, "warm", full_name=False)


def test_a_singular_subject_the_post_gives_a_determiner_keeps_one():
    from insights.plan import as_topic

    text = "When my team took over the captain experience area, I read 500 tickets."
    assert as_topic("captain experience area", text) == "the captain experience area"
    assert as_topic("distributed storage", "Distributed storage is hard.") == "distributed storage"


def test_a_note_keeps_a_shared_school_under_its_shorter_name_rather_than_drop_it():
    from insights.compose import _shorter_name
    from insights.models import TalkingPoint

    point = TalkingPoint(
        kind="school",
        text="You both studied at University of Applied Sciences Technikum Wien.",
        score=0.8,
        evidence=(),
        theirs="University of Applied Sciences Technikum Wien · 2009–2012",
        mine="FH Technikum Wien · 2017–2020",
    )
    anchor = Anchor("school", point.theirs.split(" · ")[0], "", "", None, point=point)
    assert _shorter_name(anchor) == "FH Technikum Wien"


def test_an_email_with_no_subject_phrase_asks_about_the_post_by_its_title():
    from insights.compose import email
    from insights.plan import plans

    me = Profile(name="Ana Ferreira", headline="Economics reporter")
    them = Profile(name="Isabel Rocha", headline="Graphics editor")
    post = Post(url=POST.url, title=POST.title, text=POST.text)
    subjects = [
        email(plan, me, them, tone, "seed").subject
        for plan in plans(me, them, [], [], [post])
        if plan.post is not None
        for tone in ("warm", "brief", "formal")
    ]
    assert subjects and all(s and not s.rstrip().endswith("about") for s in subjects), subjects


def test_a_quoted_point_stands_on_its_own():
    from insights.plan import point_sentences

    text = (
        "Most portfolios showed deliverables: an affinity map, two personas and a journey map. "
        "Designers moving into research have a real advantage here. "
        "Both can work, but they lead to very different designs and budgets later on. "
        "Show the decision your research changed, not the artefacts you made along the way."
    )
    points = point_sentences(Post(url="https://x.example/p", title="Portfolios", text=text))
    assert points == [
        "Most portfolios showed deliverables: an affinity map, two personas and a journey map.",
        "Show the decision your research changed, not the artefacts you made along the way.",
    ]
