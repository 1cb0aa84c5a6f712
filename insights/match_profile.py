"""Matchers on profile facts that need no model: school, employer, place, skill, language,
volunteering.

Each matcher yields ``TalkingPoint``s whose evidence is the person's profile page
(``them.source_url``) quoted as the page shows the fact. Equality is on canonical keys from
``insights.normalize``, never on shared words.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from scraper.models import Position, Profile, School

from .models import Evidence, TalkingPoint
from .normalize import (
    fold,
    is_common_language,
    is_common_skill,
    language_name,
    org_key,
    org_name,
    resolve_place,
    skill_key,
    skill_name,
    year_of,
    years_overlap,
)

logger = logging.getLogger(__name__)

# Base scores, before the overlap bonus: a shared school or employer is the classic opening;
# a shared city is pleasant but weak; a shared niche skill sits between.
SCHOOL_SCORE, SCHOOL_OVERLAP_BONUS = 0.80, 0.15
EMPLOYER_SCORE, EMPLOYER_OVERLAP_BONUS = 0.75, 0.15
VOLUNTEERING_SCORE = 0.78
CITY_SCORE, PREVIOUS_CITY_SCORE, REGION_SCORE = 0.50, 0.45, 0.35
NICHE_SKILL_SCORE, COMMON_SKILL_SCORE = 0.62, 0.30
LANGUAGE_SCORE = 0.45


def _span(start: str | None, end: str | None) -> str:
    first, last = year_of(start), year_of(end)
    if first and last:
        return f"{first}–{last}" if last != first else str(first)
    if first:
        return f"{first}–present"
    return ""


def _quote(*parts: str | None) -> str:
    return " · ".join(p.strip() for p in parts if p and p.strip())


def _evidence(them: Profile, quote: str) -> tuple[Evidence, ...]:
    return (Evidence(them.source_url, quote),)


def match_schools(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    mine: dict[str, School] = {}
    for school in me.education:
        mine.setdefault(org_key(school.school), school)
    seen: set[str] = set()
    for theirs in them.education:
        key = org_key(theirs.school)
        if not key or key in seen or key not in mine:
            continue
        seen.add(key)
        my_school = mine[key]
        name = org_name(theirs.school or "")
        overlap = years_overlap(theirs.start, theirs.end, my_school.start, my_school.end)
        text = f"You both studied at {name}"
        if overlap:
            text += f", and your years there overlap ({overlap[0]}–{overlap[1]})"
        yield TalkingPoint(
            kind="school",
            key=key,
            text=text + ".",
            score=SCHOOL_SCORE + (SCHOOL_OVERLAP_BONUS if overlap else 0.0),
            evidence=_evidence(
                them,
                _quote(theirs.school, theirs.degree, theirs.field, _span(theirs.start, theirs.end)),
            ),
            theirs=_quote(theirs.school, _span(theirs.start, theirs.end)),
            mine=_quote(my_school.school, _span(my_school.start, my_school.end)),
        )


def match_employers(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    mine: dict[str, Position] = {}
    for position in me.experience:
        mine.setdefault(org_key(position.company), position)
    best: dict[str, TalkingPoint] = {}
    for theirs in them.experience:
        key = org_key(theirs.company)
        if not key or key not in mine:
            continue
        my_position = mine[key]
        name = org_name(theirs.company or "")
        overlap = years_overlap(theirs.start, theirs.end, my_position.start, my_position.end)
        text = f"You have both worked at {name}"
        if overlap:
            text += f", at the same time ({overlap[0]}–{overlap[1]})"
        point = TalkingPoint(
            kind="employer",
            key=key,
            text=text + ".",
            score=EMPLOYER_SCORE + (EMPLOYER_OVERLAP_BONUS if overlap else 0.0),
            evidence=_evidence(
                them, _quote(theirs.title, theirs.company, _span(theirs.start, theirs.end))
            ),
            theirs=_quote(theirs.company, theirs.title, _span(theirs.start, theirs.end)),
            mine=_quote(
                my_position.company, my_position.title, _span(my_position.start, my_position.end)
            ),
        )
        # One point per organisation: the role that overlaps, else the first listed.
        if key not in best or point.score > best[key].score:
            best[key] = point
    yield from best.values()


def match_volunteering(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    mine = {org_key(p.company): p for p in me.volunteering if p.company}
    seen: set[str] = set()
    for theirs in them.volunteering:
        key = org_key(theirs.company)
        if not key or key in seen or key not in mine:
            continue
        seen.add(key)
        name = org_name(theirs.company or "")
        yield TalkingPoint(
            kind="volunteering",
            key=key,
            text=f"You both volunteer with {name}.",
            score=VOLUNTEERING_SCORE,
            evidence=_evidence(
                them, _quote(theirs.title, theirs.company, _span(theirs.start, theirs.end))
            ),
            theirs=_quote(theirs.company, theirs.title),
            mine=_quote(mine[key].company, mine[key].title),
        )


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
            evidence=_evidence(them, them.location or ""),
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
            evidence=_evidence(them, them.location or ""),
            theirs=them.location or "",
            mine=me.location or "",
        )
    # A previous city: a past role of theirs where I live or lived, or the other way round.
    my_cities = {p.city_key: (p, text) for p, text in _places(me)}
    # A city where both worked for one employer is the employer point again, not a new one.
    my_employers = {org_key(p.company) for p in me.experience if p.company}
    for position in them.experience:
        place = resolve_place(position.location)
        if not place or not place.city_key or place.city_key == current_key:
            continue
        if org_key(position.company) in my_employers:
            continue
        if place.city_key in my_cities:
            current_key = place.city_key  # one previous-city point is enough
            yield TalkingPoint(
                kind="place",
                key=place.city_key,
                text=f"They worked in {place.city} as {position.title or 'well'}, where you "
                f"have lived too.",
                score=PREVIOUS_CITY_SCORE,
                evidence=_evidence(
                    them, _quote(position.title, position.company, position.location)
                ),
                theirs=_quote(position.company, position.location),
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
            evidence=_evidence(them, f"Skills: {skill}"),
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
                evidence=_evidence(them, f"Languages: {lang}"),
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
