"""The mentee's goal and ask: given, or read from the headline and about, in their own words."""

from __future__ import annotations

import pytest

from insights.casing import lower_initial
from insights.goal import goal_from_text, infer_ask, infer_goal
from scraper.models import Profile


@pytest.mark.parametrize(
    ("text", "goal", "target", "sentence"),
    [
        (
            "Analyst moving into data science. I run our A/B tests.",
            "moving into data science",
            "data science",
            "I'm moving into data science.",
        ),
        (
            "Software engineer who wants to work on compilers",
            "work on compilers",
            "compilers",
            "I want to work on compilers.",
        ),
        (
            "iOS engineer looking to move into engineering management",
            "looking to move into engineering management",
            "engineering management",
            "I'm looking to move into engineering management.",
        ),
        (
            "Transitioning from teaching to UX design at a startup",
            "transitioning from teaching to UX design at a startup",
            "UX design",
            "I'm transitioning from teaching to UX design at a startup.",
        ),
        (
            "Aspiring product manager at a fintech",
            "aspiring product manager",
            "product manager",
            "I'm an aspiring product manager.",
        ),
    ],
)
def test_a_goal_is_read_from_the_headline_in_the_users_words(text, goal, target, sentence):
    found = goal_from_text(text, "headline")
    assert (found.text, found.target, found.as_sentence()) == (goal, target, sentence)


@pytest.mark.parametrize(
    "text", ["Backend engineer at Tink", "Nurse turned data analyst", "Analyst working in finance"]
)
def test_no_goal_is_invented_where_none_is_written(text):
    assert goal_from_text(text, "headline") is None


def test_a_given_goal_wins_and_keeps_its_words():
    me = Profile(headline="Analyst moving into data science", goal="Move from analytics into ML")
    goal = infer_goal(me)
    assert (
        goal.source == "profile" and goal.as_sentence() == "I want to move from analytics into ML."
    )


def test_the_goal_falls_back_to_the_about_text():
    me = Profile(headline="Data Analyst at Shopify", about="I am switching into data science.")
    assert infer_goal(me).target == "data science"


@pytest.mark.parametrize(
    ("ask", "kind"),
    [
        ("a 20-minute call", "call"),
        ("feedback on my portfolio", "feedback"),
        ("one question about your post", "question"),
        ("an introduction to your team", "intro"),
        ("", "question"),
    ],
)
def test_asks_are_sorted_into_what_the_opener_can_phrase(ask, kind):
    found = infer_ask(Profile(ask=ask or None))
    assert found.kind == kind and found.given == bool(ask)


@pytest.mark.parametrize(
    ("text", "lowered"),
    [
        ("Data Analyst at Shopify", "Data Analyst at Shopify"),
        ("Building payment APIs in Java", "building payment APIs in Java"),
        ("Moving into data science", "moving into data science"),
        ("Python developer", "Python developer"),
        ("A/B tests for the web shop", "A/B tests for the web shop"),
    ],
)
def test_only_a_sentences_own_capital_is_lowered(text, lowered):
    assert lower_initial(text) == lowered
