"""Scoring the written pairs: both formats load, and a talking point is judged by the two
spellings it joins (a hit, a false-friend claim or an unexpected claim)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.pair_scoring import ExpectedOrg, load_pair, load_pairs, score_orgs, sides
from insights.models import Evidence, TalkingPoint

PAIRS = Path(__file__).resolve().parent.parent / "fixtures" / "pairs"
PERSON = {"name": "P", "source_url": "https://www.linkedin.com/in/p/"}


def _point(kind: str, mine: str, theirs: str, text: str = "", *quotes: str) -> TalkingPoint:
    evidence = tuple(Evidence(None, q) for q in quotes) or (Evidence("u", theirs),)
    return TalkingPoint(kind, text or f"{mine}/{theirs}", 0.8, evidence, theirs, mine, "k")


def _org_pair(tmp_path: Path, expected, false_friends=()) -> object:
    path = tmp_path / "p.json"
    raw = {"description": "d", "me": PERSON, "them": PERSON, "posts": [],
           "expected_orgs": expected, "false_friends": list(false_friends)}  # fmt: skip
    path.write_text(json.dumps(raw), encoding="utf-8")
    return load_pair(path)


def test_both_formats_load_from_our_folders() -> None:
    keyed = load_pairs(PAIRS, recursive=False)
    assert keyed and all(not p.org_format and p.expected is not None for p in keyed)
    orgs = load_pairs(PAIRS / "orgs")
    assert orgs and all(p.org_format for p in orgs)
    # A folder's status wins over the file's own flag.
    assert all(p.holdout for p in load_pairs(PAIRS / "orgs" / "calibration", holdout=True))


def test_a_file_in_neither_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"me": PERSON, "them": PERSON}), encoding="utf-8")
    with pytest.raises(ValueError, match="expected"):
        load_pair(path)


def test_sides_read_mine_theirs_and_the_join_evidence() -> None:
    point = _point(
        "school", "NUI Galway · 2012–2016", "University of Galway · 2021–2024", "",
        "University of Galway · PhD · 2021–2024",
        "your NUI Galway; their Miami University (Ohio) (a note; with a semicolon)",
    )  # fmt: skip
    mine, theirs = sides(point)
    assert "nui galway" in mine and "university of galway" in theirs
    assert "miami university ohio" in theirs and "miami university" in theirs


def test_hits_false_friends_unexpected_and_overlap(tmp_path: Path) -> None:
    pair = _org_pair(
        tmp_path,
        [{"kind": "school", "mine": "UCD", "theirs": "University College Dublin", "overlap": True},
         {"kind": "employer", "mine": "TCS", "theirs": "Tata Consultancy Services",
          "overlap": False},
         {"kind": "employer", "mine": "AIB", "theirs": "Allied Irish Banks", "overlap": None}],
        [{"kind": "school", "mine": "UCD", "theirs": "University of California, Davis"}],
    )  # fmt: skip
    points = [
        _point("school", "UCD · 2015–2019", "University College Dublin · 2011–2015",
               "You both studied at ..., and your years there overlap: ..."),
        # Right organisation, wrong claim about the years.
        _point("employer", "TCS · Engineer · 2015–2018", "Tata Consultancy Services · 2009–2016",
               "You both worked at ..., and your years there overlap: ..."),
        _point("school", "UCD · 2015–2019", "University of California, Davis · 2010–2012"),
        _point("employer", "Google · SWE", "Alphabet · EM"),
        _point("place", "Dublin", "Dublin"),  # not a school or employer: not counted
    ]  # fmt: skip
    score = score_orgs(pair, points)
    assert (score.hits, score.points, score.found, score.expected) == (2, 4, 2, 3)
    assert len(score.false_claims) == 1 and len(score.unexpected) == 1
    assert score.missed == ["employer: AIB / Allied Irish Banks"]
    assert (score.overlap_right, score.overlap_judged) == (1, 2)


def test_a_part_of_a_longer_name_is_not_that_name(tmp_path: Path) -> None:
    # "Google" inside "Google DeepMind" joins nothing called "Google".
    pair = _org_pair(tmp_path, [], [{"kind": "employer", "mine": "Google", "theirs": "DeepMind"}])
    point = _point("employer", "Google DeepMind · RE", "DeepMind · RE")
    score = score_orgs(pair, [point])
    assert score.false_claims == [] and len(score.unexpected) == 1
    assert ExpectedOrg("employer", "a", "b").overlap is None
