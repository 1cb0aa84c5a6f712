"""Reading a stored analysis result back into the value objects insights functions take."""

from __future__ import annotations

from typing import Any

from insights.models import Evidence, TalkingPoint, Topic
from scraper.models import Post, Profile


def _evidence(items: list[dict[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(Evidence(e.get("url"), e.get("quote") or "") for e in items or ())


def profile_from_result(result: dict[str, Any]) -> Profile:
    return Profile.from_dict(result.get("profile") or {})


def posts_from_result(result: dict[str, Any]) -> list[Post]:
    """The posts (without their text, which is not stored: titles and URLs are enough here)."""
    return [Post.from_dict(p) for p in result.get("posts") or () if p.get("url")]


def topics_from_result(result: dict[str, Any]) -> list[Topic]:
    return [
        Topic(t["phrase"], float(t.get("score", 0)), _evidence(t.get("evidence")))
        for t in result.get("topics") or ()
    ]


def points_from_result(result: dict[str, Any]) -> list[TalkingPoint]:
    return [
        TalkingPoint(
            kind=p["kind"],
            text=p["text"],
            score=float(p.get("score", 0)),
            evidence=_evidence(p.get("evidence")),
            theirs=p.get("theirs", ""),
            mine=p.get("mine", ""),
        )  # fmt: skip
        for p in result.get("talking_points") or ()
    ]
