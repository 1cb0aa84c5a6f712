"""Reading and scoring the written pairs: which talking points a careful reader expects.

Two formats, told apart by their keys:

- the key format (``tests/fixtures/pairs/*.json``): ``expected`` is a list of ``[kind, key]``
  (``key`` is the canonical key of ``insights.normalize``), ``strong`` says whether there is
  strong common ground, ``holdout`` whether the pair was kept out of tuning;
- the org format, for pairs written by someone who does not know the keys::

    {"description": "...", "me": <Profile JSON>, "them": <Profile JSON>, "posts": [],
     "expected_orgs": [{"kind": "school"|"employer", "mine": "<org as written in me>",
                        "theirs": "<org as written in them>", "overlap": true|false|null}],
     "false_friends": [{"kind": "school"|"employer", "mine": "...", "theirs": "..."}]}

  A school or employer talking point joins two spellings when one is a part of its ``mine`` (or
  the "your X" of a "your X; their Y (why)" evidence quote) and the other a part of its
  ``theirs`` (or of an evidence quote): parts are what " · " separates, with or without a
  bracket at the end. Joining an expected pair is a hit;
  joining a false-friend pair is a false claim; joining neither is an unexpected claim. Precision
  is hits over all school and employer points, recall hits over ``expected_orgs``. When
  ``overlap`` is not null, the point must say "overlap" exactly when it is true.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from insights.models import Evidence, TalkingPoint, Topic
from insights.normalize import fold
from scraper.models import Post, Profile

ORG_KINDS = ("school", "employer")


@dataclass(frozen=True)
class ExpectedOrg:
    kind: str
    mine: str
    theirs: str
    overlap: bool | None = None


@dataclass(frozen=True)
class Pair:
    name: str
    me: Profile
    them: Profile
    posts: list[Post]
    given_topics: list[Topic]
    holdout: bool
    expected: frozenset[tuple[str, str]] | None = None  # key format
    strong: bool | None = None
    expected_orgs: tuple[ExpectedOrg, ...] = ()  # org format
    false_friends: tuple[ExpectedOrg, ...] = ()
    description: str = ""

    @property
    def org_format(self) -> bool:
        return self.expected is None


def load_pair(path: Path, holdout: bool | None = None) -> Pair:
    """A pair in either format. ``holdout`` overrides the file's own flag (a folder's status)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if "expected" not in raw and "expected_orgs" not in raw:
        raise ValueError(f"{path}: a pair needs 'expected' or 'expected_orgs'")
    common = {
        "name": path.stem,
        "me": Profile.from_dict(raw["me"]),
        "them": Profile.from_dict(raw["them"]),
        "posts": [Post.from_dict(p) for p in raw.get("posts") or ()],
        "given_topics": [
            Topic(k["phrase"], k["score"], (Evidence(k["url"], k["sentence"]),))
            for k in raw.get("keyphrases", ())
        ],
        "holdout": bool(raw.get("holdout")) if holdout is None else holdout,
        "description": raw.get("description", ""),
    }
    if "expected" in raw:
        expected = frozenset(tuple(e) for e in raw["expected"])
        return Pair(**common, expected=expected, strong=raw.get("strong", bool(expected)))
    return Pair(
        **common,
        expected_orgs=tuple(ExpectedOrg(**e) for e in raw["expected_orgs"]),
        false_friends=tuple(ExpectedOrg(**e, overlap=None) for e in raw.get("false_friends", ())),
    )


def load_pairs(folder: Path, holdout: bool | None = None, recursive: bool = True) -> list[Pair]:
    """Every pair in ``folder`` (and its subfolders when ``recursive``), sorted by path."""
    paths = folder.rglob("*.json") if recursive else folder.glob("*.json")
    return [load_pair(p, holdout) for p in sorted(paths)]


# A bracket at the end: a note ("(NUI stands for ...)") or part of a name ("(Ohio)").
_LAST_BRACKET = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)\s*$")


def _parts(text: str) -> list[str]:
    return [p.strip() for p in text.split(" · ") if p.strip()]


def _readings(name: str) -> set[str]:
    """A name with and without its trailing brackets: "X (Ohio) (why)", "X (Ohio)", "X"."""
    out = {fold(name)}
    while _LAST_BRACKET.search(name):
        name = _LAST_BRACKET.sub("", name)
        out.add(fold(name))
    return out


def sides(point: TalkingPoint) -> tuple[set[str], set[str]]:
    """The folded names a point gives for the user's side and for the person's side: the parts
    of ``mine`` and ``theirs``, of the evidence quotes, and both halves of a "your X; their Y
    (why)" quote."""
    mine = {fold(p) for p in _parts(point.mine)}
    theirs = {fold(p) for p in _parts(point.theirs)}
    for evidence in point.evidence:
        quote = evidence.quote
        if quote.startswith("your ") and "; their " in quote:
            mine_part, theirs_part = quote[len("your ") :].split("; their ", 1)
            mine |= _readings(mine_part)
            theirs |= _readings(theirs_part)
        else:
            theirs |= {fold(p) for p in _parts(quote)}
    return mine, theirs


def joins(point: TalkingPoint, org: ExpectedOrg) -> bool:
    mine, theirs = sides(point)
    return point.kind == org.kind and fold(org.mine) in mine and fold(org.theirs) in theirs


@dataclass
class OrgScore:
    hits: int = 0  # points that join an expected pair
    points: int = 0  # school and employer points
    expected: int = 0
    found: int = 0  # expected pairs some point joins
    false_claims: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    overlap_right: int = 0
    overlap_judged: int = 0
    overlap_wrong: list[str] = field(default_factory=list)


def score_orgs(pair: Pair, points: list[TalkingPoint]) -> OrgScore:
    score = OrgScore(expected=len(pair.expected_orgs))
    org_points = [p for p in points if p.kind in ORG_KINDS]
    score.points = len(org_points)
    for point in org_points:
        if any(joins(point, org) for org in pair.expected_orgs):
            score.hits += 1
        elif any(joins(point, org) for org in pair.false_friends):
            score.false_claims.append(point.text)
        else:
            score.unexpected.append(point.text)
    for org in pair.expected_orgs:
        found = [p for p in org_points if joins(p, org)]
        if not found:
            score.missed.append(f"{org.kind}: {org.mine} / {org.theirs}")
            continue
        score.found += 1
        if org.overlap is not None:
            score.overlap_judged += 1
            if ("overlap" in found[0].text) == org.overlap:
                score.overlap_right += 1
            else:
                score.overlap_wrong.append(found[0].text)
    return score
