"""Value objects of the analysis: evidence, topics, talking points, openers, draft findings.

Every claim the product makes carries ``Evidence``: the URL it came from and the sentence that
shows it. ``to_dict`` gives the JSON shape of the API (README, "Shapes").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The kinds a talking point can have, in the API's vocabulary.
KINDS = (
    "school",
    "employer",
    "place",
    "skill",
    "topic",
    "post",
    "current_work",
    "volunteering",
    "language",
)

CHANNEL_LIMITS = {"connection_note": 300, "message": 1000, "email": 2000}


@dataclass(frozen=True)
class Evidence:
    url: str | None
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "quote": self.quote}


@dataclass(frozen=True)
class Keyphrase:
    phrase: str
    score: float
    sentence: str | None = None  # the sentence of the text the phrase was taken from


@dataclass(frozen=True)
class Topic:
    """A person's topic: a keyphrase aggregated over their posts, with where it appears."""

    phrase: str
    score: float
    evidence: tuple[Evidence, ...] = ()
    # How many posts carry it (read or only listed) and the first year it appears.
    posts: int = 0
    since: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "phrase": self.phrase,
            "score": round(float(self.score), 4),
            "evidence": [e.to_dict() for e in self.evidence],
            "posts": self.posts,
            "since": self.since,
        }


@dataclass(frozen=True)
class TalkingPoint:
    """A piece of common ground. ``theirs`` and ``mine`` are the two facts it joins."""

    kind: str
    text: str
    score: float
    evidence: tuple[Evidence, ...]
    theirs: str = ""
    mine: str = ""
    # What is shared, as a canonical key ("kth", "postgresql", a post URL): two points with one
    # kind and key say the same thing, and the benchmark compares keys with its gold set.
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "score": round(float(self.score), 4),
            "evidence": [e.to_dict() for e in self.evidence],
            "theirs": self.theirs,
            "mine": self.mine,
            "key": self.key,
        }


@dataclass(frozen=True)
class SwapTest:
    passed: bool
    score: float  # share of the message that depends on this person, 0..1

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "score": round(float(self.score), 4)}


@dataclass(frozen=True)
class Opener:
    text: str
    channel: str  # one of CHANNEL_LIMITS
    facts: tuple[str, ...]
    swap_test: SwapTest
    subject: str | None = None  # email only

    def to_dict(self) -> dict[str, Any]:
        d = {
            "text": self.text,
            "channel": self.channel,
            "facts": list(self.facts),
            "swap_test": self.swap_test.to_dict(),
        }
        if self.subject is not None:
            d["subject"] = self.subject
        return d


@dataclass(frozen=True)
class Finding:
    """Something the draft checker found: where (character offsets) and what to do instead."""

    code: str
    message: str
    suggestion: str = ""
    start: int | None = None
    end: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if not d["extra"]:
            d.pop("extra")
        return d
