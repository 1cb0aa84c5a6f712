"""Matchers on profile facts that need no model: place, skill, language, and (from
``insights.match_orgs``) school, employer and volunteering.

Each matcher yields ``TalkingPoint``s whose evidence is the person's profile page
(``them.source_url``) quoted as the page shows the fact. Equality is on canonical keys from
``insights.normalize``, never on shared words.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from scraper.models import Profile

from .match_orgs import (
    evidence_on_page,
    match_employers,
    match_schools,
    match_volunteering,
    quote,
    their_roles_at_my_employers,
)
from .models import TalkingPoint
from .normalize import (
    fold,
    is_common_language,
    is_common_skill,
    language_name,
    resolve_place,
    skill_key,
    skill_name,
)

logger = logging.getLogger(__name__)

# A shared city is pleasant but weak; a shared niche skill sits between it and a shared school or
# employer (insights.match_orgs).
CITY_SCORE, PREVIOUS_CITY_SCORE, REGION_SCORE = 0.50, 0.45, 0.35
NICHE_SKILL_SCORE, COMMON_SKILL_SCORE = 0.62, 0.30
LANGUAGE_SCORE = 0.45


def match_places(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    """Same city now, else the same region; then a city one of them lived in before."""
    here, there = resolve_place(me.location), resolve_place(them.location)
    current_key = ""
    if here and there and here.city_key and here.city_key == there.city_key:
        current_key = there.city_key
        yield TalkingPoint(
            kind="place",
            key=current_key,
            text=f"You are both based in {there.city}.",
            score=CITY_SCORE,
            evidence=evidence_on_page(them, them.location or ""),
            theirs=them.location or "",
            mine=me.location or "",
        )
    elif here and there and here.region_key and here.region_key == there.region_key:
        current_key = there.region_key
        yield TalkingPoint(
            kind="place",
            key=current_key,
            text=f"You are both in {_region_name(there.region)} ({there.city} and {here.city}).",
            score=REGION_SCORE,
            evidence=evidence_on_page(them, them.location or ""),
            theirs=them.location or "",
            mine=me.location or "",
        )
    # A previous city: a past role of theirs where I live or lived, or the other way round.
    my_cities = {p.city_key: (p, text) for p, text in _places(me)}
    # A city where both worked for one employer is the employer point again, not a new one.
    same_employer = their_roles_at_my_employers(me, them)
    for position in them.experience:
        place = resolve_place(position.location)
        if not place or not place.city_key or place.city_key == current_key:
            continue
        if id(position) in same_employer:
            continue
        if place.city_key in my_cities:
            current_key = place.city_key  # one previous-city point is enough
            yield TalkingPoint(
                kind="place",
                key=place.city_key,
                text=f"They worked in {place.city} as {position.title or 'well'}, where you "
                f"have lived too.",
                score=PREVIOUS_CITY_SCORE,
                evidence=evidence_on_page(
                    them, quote(position.title, position.company, position.location)
                ),
                theirs=quote(position.company, position.location),
                mine=my_cities[place.city_key][1],
            )
            break


def _region_name(region: str | None) -> str:
    region = region or ""
    return f"the {region}" if region.lower().endswith("area") else f"the {region} area"


def _places(profile: Profile) -> list[tuple]:
    found = []
    for text in [profile.location, *(p.location for p in profile.experience)]:
        place = resolve_place(text)
        if place and place.city_key:
            found.append((place, text))
    return found


def match_skills(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    """Skills both list, under one canonical name ("Postgres" is "PostgreSQL")."""
    mine = {skill_key(s): s for s in [*me.skills, *me.interests]}
    seen: set[str] = set()
    for skill in them.skills:
        key = skill_key(skill)
        if not key or key in seen or key not in mine:
            continue
        seen.add(key)
        common = is_common_skill(skill)
        yield TalkingPoint(
            kind="skill",
            key=key,
            text=f"You both list {skill_name(skill)} among your skills.",
            score=COMMON_SKILL_SCORE if common else NICHE_SKILL_SCORE,
            evidence=evidence_on_page(them, f"Skills: {skill}"),
            theirs=skill,
            mine=mine[key],
        )


def match_languages(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    """Languages both speak, except those nearly every profile lists (English)."""
    mine = {language_name(lang): lang for lang in me.languages}
    for lang in them.languages:
        name = language_name(lang)
        if name in mine and not is_common_language(name):
            yield TalkingPoint(
                kind="language",
                key=fold(name),
                text=f"You both speak {name}.",
                score=LANGUAGE_SCORE,
                evidence=evidence_on_page(them, f"Languages: {lang}"),
                theirs=lang,
                mine=mine[name],
            )
            mine.pop(name)


PROFILE_MATCHERS = (
    match_schools,
    match_employers,
    match_volunteering,
    match_places,
    match_skills,
    match_languages,
)


def profile_points(me: Profile, them: Profile) -> list[TalkingPoint]:
    points: list[TalkingPoint] = []
    for matcher in PROFILE_MATCHERS:
        points.extend(matcher(me, them))
    return points
