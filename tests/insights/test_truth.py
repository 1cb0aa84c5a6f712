"""The truth check on hand-written openers: each kind of unsupported statement is found, and a
backed opener passes (no model needed)."""

from __future__ import annotations

import pytest

from insights.truth import check_opener
from scraper.models import Position, Post, Profile, School

ME = Profile(
    name="Sam Rivera",
    headline="Data Analyst at Shopify",
    about="Analyst moving into data science. I run our A/B tests and build the weekly forecast.",
    experience=(Position("Data Analyst", "Shopify", "2023-02", None),),
    education=(School("KTH", start="2018", end="2023"),),
)
MAYA = Profile(
    name="Maya Lindqvist",
    headline="Principal Data Scientist at Fjord Analytics",
    experience=(Position("Principal Data Scientist", "Fjord Analytics", "2019", None),),
    education=(School("KTH Royal Institute of Technology", start="2014", end="2016"),),
)
POST = Post(
    "https://maya.example/hts",
    "Forecasting demand with hierarchical time series",
    text="Retail demand forecasting is a hierarchy problem disguised as a time series problem.",
)
GOOD = (
    "Hi Maya,\n\nWe both studied at KTH Royal Institute of Technology (2014–2016 for you, "
    "2018–2023 for me). I read your post “Forecasting demand with hierarchical time series”, "
    "where you wrote: “Retail demand forecasting is a hierarchy problem disguised as a time "
    "series problem.” I run our A/B tests and build the weekly forecast.\n\n"
    "I'm Sam Rivera, Data Analyst at Shopify. As someone moving into data science, where would "
    "you start with hierarchical time series?\n\nNo worries if you're busy.\n\nBest,\nSam Rivera"
)


def check(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.detail) for f in check_opener(text, ME, MAYA, [POST])]


def test_a_backed_opener_passes() -> None:
    assert check(GOOD) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "I read your post “Forecasting demand with hierarchical time series”, and it stayed "
            "with me.",
            "feeling",
        ),
        (
            "Your post “Forecasting demand with hierarchical time series” is the reason I am "
            "writing.",
            "feeling",
        ),
        ("Your writing on forecasting caught my eye.", "feeling"),
        ("I'm Sam Rivera, data Analyst at Shopify.", "case"),
        ("I build retention dashboards at Shopify.", "unsupported"),
        ("You wrote: “Part 1: The Fundamentals of Forecasting”", "quote"),
        ("We were both at KTH in 2012–2013.", "year"),
        ("You led the pricing team at Fjord Analytics.", "unsupported"),
    ],
)
def test_each_kind_of_unsupported_statement_is_found(sentence: str, kind: str) -> None:
    text = GOOD.replace("No worries if you're busy.", sentence + " No worries if you're busy.")
    assert kind in {k for k, _ in check(text)}, check(text)


def test_a_greeting_to_someone_else_and_a_sign_off_by_someone_else_are_found() -> None:
    text = GOOD.replace("Hi Maya,", "Hi Anna,").replace("Best,\nSam Rivera", "Best,\nAlex Kim")
    assert {"greeting", "sign_off"} <= {k for k, _ in check(text)}


def test_a_cut_title_is_still_their_words() -> None:
    text = GOOD.replace(
        "“Forecasting demand with hierarchical time series”", "“Forecasting demand with…”"
    )
    assert check(text) == []
