"""Were two people at one organisation at the same time, and if not, who came first and how long
after the other left? ("You were both there in 2019–2021"; "you joined two years after they
left".) Years only: profiles give months unevenly, and a year is what a message would say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .normalize import year_of, years_overlap

_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()


@dataclass(frozen=True)
class Together:
    """``overlap``: the (first, last) year both were there; else ``gap`` years passed between
    the first one leaving and the other arriving, and ``first`` ("you" or "they") left first."""

    overlap: tuple[int, int] | None
    gap: int = 0
    first: str = ""


def together(
    my_start: str | None,
    my_end: str | None,
    their_start: str | None,
    their_end: str | None,
    *,
    current_year: int | None = None,
) -> Together | None:
    """How two spans at one organisation relate; None when a start year is missing."""
    overlap = years_overlap(my_start, my_end, their_start, their_end, current_year=current_year)
    if overlap:
        return Together(overlap)
    mine, theirs = year_of(my_start), year_of(their_start)
    if mine is None or theirs is None:
        return None
    now = current_year or date.today().year
    if mine > (year_of(their_end) or now):
        return Together(None, mine - (year_of(their_end) or now), "they")
    return Together(None, theirs - (year_of(my_end) or now), "you")


def _years(n: int) -> str:
    if n == 1:
        return "a year"
    return f"{_NUMBERS[n] if n < len(_NUMBERS) else n} years"


def clause(relation: Together | None, kind: str) -> str:
    """The words after "You both studied at X" / "You both worked at X"; "" when unknown.

    Only an overlap says "overlap": openers read the word to say "at the same time".
    """
    if relation is None:
        return ""
    if relation.overlap:
        first, last = relation.overlap
        years = str(first) if first == last else f"{first}–{last}"
        return f", and your years there overlap: you were both there in {years}"
    arrived = "started" if kind == "school" else "joined"
    later = "you" if relation.first == "they" else "they"
    earlier = "they" if later == "you" else "you"
    return f": {later} {arrived} {_years(relation.gap)} after {earlier} left"
