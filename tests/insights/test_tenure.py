"""Years at one organisation: together, or who came first and how long after the other left."""

from __future__ import annotations

import pytest

from insights.tenure import Together, clause, together


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        (("2019", "2022"), ("2015", "2021"), Together((2019, 2021))),
        (("2021-03", None), ("2019", None), Together((2021, 2026))),  # both still there
        (("2020", "2021"), ("2014", "2018"), Together(None, 2, "they")),  # they left first
        (("2005", "2009"), ("2010", None), Together(None, 1, "you")),  # you left first
        ((None, "2019"), ("2015", "2018"), None),  # no start year: not known
    ],
)
def test_together(mine, theirs, expected) -> None:
    assert together(*mine, *theirs, current_year=2026) == expected


@pytest.mark.parametrize(
    ("relation", "kind", "words"),
    [
        (Together((2019, 2021)), "employer",
         ", and your years there overlap: you were both there in 2019–2021"),
        (Together((2015, 2015)), "school",
         ", and your years there overlap: you were both there in 2015"),
        (Together(None, 2, "they"), "employer", ": you joined two years after they left"),
        (Together(None, 1, "you"), "school", ": they started a year after you left"),
        (Together(None, 14, "you"), "employer", ": they joined 14 years after you left"),
        (None, "school", ""),
    ],
)  # fmt: skip
def test_clause(relation, kind, words) -> None:
    assert clause(relation, kind) == words


def test_only_an_overlap_says_overlap() -> None:
    # Openers read the word "overlap" to say "at the same time".
    assert "overlap" in clause(Together((2019, 2019)), "employer")
    for gap in range(1, 20):
        for first in ("you", "they"):
            assert "overlap" not in clause(Together(None, gap, first), "employer")
