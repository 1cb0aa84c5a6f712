"""The initials rule on its own: how two names line up, before any place or table is asked."""

from __future__ import annotations

import pytest

from insights.acronyms import acronym_parts, match_acronym, parse_org


@pytest.mark.parametrize(
    ("token", "parts"),
    [
        ("NUI", ("n", "u", "i")),
        ("TCS", ("t", "c", "s")),
        ("U.C.L.A.", ("u", "c", "l", "a")),
        ("L&T", ("l", "&", "t")),
        ("UofT", ("u", "of", "t")),
        ("UoM", ("u", "o", "m")),
        ("IISc", ("i", "i", "sc")),
        ("UPenn", ("u", "penn")),
        # Words, not short forms: camel-case brands, ordinary words, one letter.
        ("DeepMind", ()),
        ("GitHub", ()),
        ("McKinsey", ()),
        ("Galway", ()),
        ("X", ()),
    ],
)
def test_what_reads_as_a_short_form(token: str, parts: tuple[str, ...]) -> None:
    assert acronym_parts(token) == parts


@pytest.mark.parametrize(
    ("short", "long", "stands_for", "short_rest", "long_rest"),
    [
        # The cases: with "of" skipped, and a place after one or both names.
        ("NUI Galway", "National University of Ireland, Galway",
         "national university of ireland", ("galway",), ("galway",)),
        ("TCS", "Tata Consultancy Services", "tata consultancy services", (), ()),
        ("JNTU Hyderabad", "Jawaharlal Nehru Technological University",
         "jawaharlal nehru technological university", ("hyderabad",), ()),
        # A place in the initials; a place after "at"; "the" and a legal form.
        ("NUIG", "National University of Ireland, Galway",
         "national university of ireland galway", (), ()),
        ("UT Austin", "The University of Texas at Austin", "university of texas",
         ("austin",), ("austin",)),
        ("HSBC", "The Hongkong and Shanghai Banking Corporation Limited",
         "hongkong and shanghai banking corporation", (), ("limited",)),
        # "of" spelled in the short form, a word given by its beginning, "&" for "and".
        ("UofT", "University of Toronto", "university of toronto", (), ()),
        ("IISc", "Indian Institute of Science", "indian institute of science", (), ()),
        ("P&G", "Procter & Gamble", "procter and gamble", (), ()),
        # A short form inside the long name counts letter by letter.
        ("NUIG", "NUI Galway", "n u i galway", (), ()),
    ],
)  # fmt: skip
def test_names_that_line_up(short, long, stands_for, short_rest, long_rest) -> None:
    found = match_acronym(short, long)
    assert found is not None
    assert (found.long, found.short_rest, found.long_rest) == (stands_for, short_rest, long_rest)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        # A shared city word is not a shared name.
        ("NUI Galway", "Galway Technical Institute"),
        ("UCC", "Cork Institute of Technology"),
        # Every significant word must give its letter, in order.
        ("TCS", "Tata Communications"),
        ("BCG", "Boston Group"),
        ("ABC", "Alpha Beta Gamma Corp"),
        # One word is a name, not initials; a brand in camel case is no short form.
        ("IB", "Ibm"),
        ("DeepMind", "Deep Mind"),
        ("Galway", "Galway University"),
    ],
)
def test_names_that_do_not_line_up(short: str, long: str) -> None:
    assert match_acronym(short, long) is None


def test_the_rest_of_a_long_name_is_told_apart_from_a_qualifier() -> None:
    # After a comma or "at": a place. Going on after the letters: more name. After "and": the
    # part of an official name people drop ("London School of Economics and Political Science").
    davis = match_acronym("UCD", "University of California, Davis")
    assert davis is not None and davis.long_rest == ()
    more = match_acronym("TCS", "Tata Consultancy Services Digital Labs")
    assert more is not None and more.long_rest == ("digital", "labs")
    assert not more.long_rest_is_qualifier
    lse = match_acronym("LSE", "London School of Economics and Political Science")
    assert lse is not None and lse.long_rest_is_qualifier
    campus = match_acronym("UCL", "University College London, Bloomsbury campus")
    assert campus is not None and campus.long_rest_is_qualifier


def test_a_short_form_given_in_brackets_is_spelled_out() -> None:
    found = match_acronym("UCL", "University College London (UCL)")
    assert found is not None and found.spelled_out


def test_names_split_into_core_and_qualifier() -> None:
    name = parse_org("University of X, Y campus")
    assert (name.core, name.qualifier) == (("university", "of", "x"), ("y", "campus"))
    assert parse_org("Meta Platforms, Inc.").qualifier == ()  # a legal form is no place
    assert parse_org("Miami University (Ohio)").qualifier == ("ohio",)
    assert parse_org("Amrita Vishwa Vidyapeetham - Coimbatore").qualifier == ("coimbatore",)
