"""Facts about a person that a message can name, and how to tell whether a text names them.

A fact is a short phrase a reader can check (a post title, a school, a company, a city). Openers
are built from facts, the swap test counts them, the draft checker looks for them. "Names" is
deliberately forgiving of how people write: "KTH" names "KTH Royal Institute of Technology" (the
alias table says so) and a paraphrased post title names the post when most of its words are there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from scraper.models import Post, Profile

from .acronyms import acronym_parts
from .match_topics import is_generic, is_now_page
from .models import TalkingPoint, Topic
from .normalize import (
    fold,
    is_common_language,
    is_common_skill,
    org_aliases,
    org_key,
    org_name,
    resolve_place,
    skill_key,
    strip_legal,
)
from .org_match import may_be_same_org

# Words that carry no identity when a long fact (a post title) is matched word by word.
_STOP = frozenset(
    "a an and the of to in on for with at by from is are was were be how what why when we i you "
    "your our my it its this that these those do does not no as or into about".split()
)


_SHORT_FORM = re.compile(r"(?<![\w&])[A-Z][A-Za-z&.]{1,9}(?![\w&])")


def _initials_of(token: str, fact: str) -> bool:
    """Is ``token`` a short form of ``fact``? Without the fact's legal form: in running text
    "API" is not "Acme Payments Inc"."""
    name = strip_legal(fold(fact))
    return len(name.split()) >= 2 and bool(acronym_parts(token)) and may_be_same_org(token, name)


@dataclass(frozen=True)
class Fact:
    """A checkable phrase about the person, the kind of link it is, and the point behind it."""

    text: str
    kind: str  # a KINDS value, or "role" / "post_read" / "topic_read" for facts not shared
    point: TalkingPoint | None = None


def _first_segment(text: str) -> str:
    return text.split(" · ")[0].strip()


def fact_of_point(point: TalkingPoint, them: Profile) -> Fact | None:
    """The phrase of a talking point that names the person's side of it."""
    if point.kind in ("school", "employer", "volunteering"):
        text = org_name(_first_segment(point.theirs))
    elif point.kind == "place":
        place = resolve_place(point.theirs.split(" · ")[-1])
        shared_region = place is not None and fold(place.region or "") == point.key
        text = ((place.region if shared_region else place.city) if place else "") or ""
    elif point.kind == "current_work":
        current = current_position(them)
        text = current.company if current and current.company else ""
    elif point.kind in ("post", "topic", "skill", "language"):
        text = point.theirs
    else:
        text = ""
    return Fact(text.strip(), point.kind, point) if text and text.strip() else None


def current_position(them: Profile):
    return next((p for p in them.experience if p.start and not p.end), None) or next(
        iter(them.experience), None
    )


def facts_from_points(points: list[TalkingPoint], them: Profile) -> list[Fact]:
    out: list[Fact] = []
    seen: set[str] = set()
    for point in points:
        fact = fact_of_point(point, them)
        if fact and fold(fact.text) not in seen:
            seen.add(fold(fact.text))
            out.append(fact)
    return out


def facts_about(
    them: Profile, posts: Sequence[Post] = (), topics: Sequence[Topic] = ()
) -> list[Fact]:
    """Facts about the person alone (not shared): current role, posts, topics. Used when there
    is little common ground, so that an opener still names what only this person did."""
    out: list[Fact] = []
    current = current_position(them)
    if current and current.company:
        out.append(Fact(current.company, "role"))
    for post in posts:
        if not is_now_page(post) and post.title:
            out.append(Fact(post.title, "post_read"))
    for topic in topics:
        if not is_generic(topic.phrase):
            out.append(Fact(topic.phrase, "topic_read"))
    return out


def mentions(text: str, fact: str) -> list[tuple[int, int]]:
    """Where ``text`` names ``fact``: (start, end) spans, empty when it does not."""
    spans = _find(text, fact)
    if spans:
        return spans
    key = org_key(fact)
    for alias in org_aliases(key) if key else ():
        spans = _find(text, alias)
        if spans:
            return spans
    # "TCS" names "Tata Consultancy Services": a short form written in capitals whose letters
    # are the fact's initials.
    spans = [m.span() for m in _SHORT_FORM.finditer(text) if _initials_of(m.group(0), fact)]
    if spans:
        return spans
    # A long title cited by its beginning ("My first 90 days" for "My first 90 days as a new
    # engineering manager"), as people and our connection notes cut them: four words at least.
    split = fact.split()
    for k in range(len(split) - 1, 3, -1) if len(split) > 4 else ():
        spans = _find(text, " ".join(split[:k]))
        if spans:
            return spans
    words = [w for w in fold(fact).split() if w not in _STOP and len(w) > 2]
    if len(words) >= 3:
        folded = set(fold(text).split())
        if sum(w in folded for w in words) / len(words) >= 0.7:
            return [(0, 0)]  # paraphrased: present, but with no single span to point at
    return []


def _find(text: str, phrase: str) -> list[tuple[int, int]]:
    phrase = phrase.strip()
    if len(phrase) < 2:
        return []
    pattern = r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)"
    return [m.span() for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def is_generic_fact(fact: str) -> bool:
    """A fact that would be true of almost anyone: a broad word, a common skill or language."""
    return is_generic(fact) or is_common_skill(fact) or is_common_language(fact)


def true_of(fact: str, profile: Profile) -> bool:
    """Would naming ``fact`` also make sense in a message to ``profile``?"""
    orgs = [
        *(p.company for p in (*profile.experience, *profile.volunteering)),
        *(s.school for s in profile.education),
    ]
    if any(may_be_same_org(fact, org) for org in orgs if org):
        return True
    if skill_key(fact) in {skill_key(s) for s in (*profile.skills, *profile.interests)}:
        return True
    place = resolve_place(fact)
    if place and place.city_key:
        theirs = resolve_place(profile.location)
        if theirs and place.city_key in (theirs.city_key, theirs.region_key):
            return True
    folded = fold(fact)
    return len(folded) >= 3 and f" {folded} " in f" {fold(_blob(profile))} "


def _blob(profile: Profile) -> str:
    parts = [profile.name, profile.headline, profile.location, profile.about]
    for p in (*profile.experience, *profile.volunteering):
        parts += [p.title, p.company, p.location, p.description]
    for s in profile.education:
        parts += [s.school, s.field, s.degree]
    parts += [*profile.skills, *profile.interests, *profile.languages, *profile.certifications]
    parts += [urlparse(u).netloc for u in profile.websites]
    return " \n ".join(p for p in parts if p)
