"""Schools, employers and volunteering both people have, however each profile writes them.

Which entries are one organisation is ``insights.org_match``'s decision (same LinkedIn page, alias
table and renames, initials by rule); this module turns each shared organisation into one talking
point that says when each was there (``insights.tenure``) and, when the two profiles spell it
differently, shows both spellings and why they are one ("your NUI Galway; their National
University of Ireland, Galway (NUI stands for National University of Ireland)").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from scraper.models import Position, Profile, School

from .models import Evidence, TalkingPoint
from .normalize import Place, fold, org_name, resolve_place, year_of
from .org_forms import parent_of, school_parent
from .org_match import OrgMatch, OrgMention, may_be_same_org, same_org
from .tenure import Together, clause, together

# Base scores, before the overlap bonus: a shared school or employer is the classic opening.
SCHOOL_SCORE, SCHOOL_OVERLAP_BONUS = 0.80, 0.15
EMPLOYER_SCORE, EMPLOYER_OVERLAP_BONUS = 0.75, 0.15
VOLUNTEERING_SCORE = 0.78


def span(start: str | None, end: str | None) -> str:
    first, last = year_of(start), year_of(end)
    if first and last:
        return f"{first}–{last}" if last != first else str(first)
    if first:
        return f"{first}–present"
    return ""


def quote(*parts: str | None) -> str:
    return " · ".join(p.strip() for p in parts if p and p.strip())


def evidence_on_page(them: Profile, text: str) -> tuple[Evidence, ...]:
    return (Evidence(them.source_url, text),)


def _home(profile: Profile) -> tuple[Place, ...]:
    """Where a person lives and has worked: what tells one "UCD" from another."""
    texts = [profile.location, *(p.location for p in profile.experience)]
    return tuple(place for place in map(resolve_place, texts) if place)


def _during(profile: Profile, school: School) -> tuple[Place, ...]:
    """Where the person worked while at a school: roles whose years meet the school's years."""
    first, last = year_of(school.start), year_of(school.end) or year_of(school.start)
    if first is None or last is None:
        return ()
    out = []
    for p in profile.experience:
        start, end = year_of(p.start), year_of(p.end) or year_of(p.start)
        place = resolve_place(p.location)
        # Strictly inside: a job that starts the year a degree ends is after it, not during it.
        if place and start is not None and end is not None and start < last and end > first:
            out.append(place)
    return tuple(out)


def _school_mentions(profile: Profile) -> list[tuple[School, OrgMention]]:
    home = _home(profile)
    return [
        (
            s,
            OrgMention(
                s.school or "",
                "school",
                s.school_url,
                (),
                s.field or "",
                home,
                profile.languages,
                _during(profile, s),
            ),
        )
        for s in profile.education
        if s.school
    ]


def position_mentions(
    profile: Profile, positions: tuple[Position, ...]
) -> list[tuple[Position, OrgMention]]:
    home = _home(profile)
    out = []
    for p in positions:
        if p.company:
            here = resolve_place(p.location)
            where = (here,) if here else ()
            mention = OrgMention(p.company, "employer", p.company_url, where, p.title or "", home)
            out.append((p, mention))
    return out


_Entry = TypeVar("_Entry", School, Position)


@dataclass(frozen=True)
class _Shared(Generic[_Entry]):
    """One organisation both have: their entry, mine, how the names join, and the years."""

    theirs: _Entry
    mine: _Entry
    match: OrgMatch
    years: Together | None

    @property
    def rank(self) -> tuple:
        # The closest in time wins: an overlap, then the shortest gap, then the order listed.
        if self.years is None:
            return (2, 0)
        return (0, 0) if self.years.overlap else (1, self.years.gap)


def shared_orgs(
    mine: list[tuple[_Entry, OrgMention]], theirs: list[tuple[_Entry, OrgMention]]
) -> list[_Shared[_Entry]]:
    """Organisations in both lists (``(entry, OrgMention)`` pairs), one per organisation."""
    best: dict[str, _Shared[_Entry]] = {}
    for their_entry, their_mention in theirs:
        for my_entry, my_mention in mine:
            match = same_org(my_mention, their_mention)
            if match is None:
                continue
            years = together(my_entry.start, my_entry.end, their_entry.start, their_entry.end)
            shared = _Shared(their_entry, my_entry, match, years)
            if match.key not in best or shared.rank < best[match.key].rank:
                best[match.key] = shared
    return list(best.values())


def their_roles_at_my_employers(me: Profile, them: Profile) -> set[int]:
    """``id()`` of each of their positions at an employer I have had too."""
    mine = [m for _, m in position_mentions(me, me.experience)]
    return {
        id(position)
        for position, theirs in position_mentions(them, them.experience)
        if any(same_org(m, theirs) for m in mine)
    }


def _spellings(
    me: Profile, shown: str, mine: str, theirs: str, match: OrgMatch
) -> tuple[str, tuple[Evidence, ...]]:
    """ " (your NUI Galway)" after the name the text shows, when the user wrote it otherwise, and
    the evidence that shows both spellings and why they are one organisation."""
    # "X (formerly Twitter)" already says "Twitter": no "(your Twitter)" after it.
    aka = f" (your {mine.strip()})" if f" {fold(mine)} " not in f" {fold(shown)} " else ""
    if fold(mine) == fold(theirs):
        return aka, ()
    why = f" ({match.note})" if match.note else ""
    url = match.links[0] if match.links else me.source_url
    return aka, (Evidence(url, f"your {mine.strip()}; their {theirs.strip()}{why}"),)


_SCORES = {
    "school": (SCHOOL_SCORE, SCHOOL_OVERLAP_BONUS),
    "employer": (EMPLOYER_SCORE, EMPLOYER_OVERLAP_BONUS),
    "volunteering": (VOLUNTEERING_SCORE, 0.0),
}


def _point(
    kind: str,
    me: Profile,
    them: Profile,
    shared: _Shared[_Entry],
    names: tuple[str | None, str | None],
    page_quote: str,
    side_of: Callable[[_Entry], str],
) -> TalkingPoint:
    """The talking point of one shared organisation; ``names``: (theirs, mine) as written."""
    theirs, mine = (n or "" for n in names)
    name = org_name(theirs)
    # "Microsoft IDC" and "Microsoft": both worked at Microsoft, not both at its IDC.
    unit = parent_of(theirs) if kind != "school" else school_parent(theirs)
    if unit and (shared.match.how == "unit" or may_be_same_org(unit[0], mine)):
        name = org_name(unit[0])
    aka, join = _spellings(me, name, mine, theirs, shared.match)
    if kind == "volunteering":
        text = f"You both volunteer with {name}{aka}."
    else:
        verb = "studied" if kind == "school" else "worked"
        text = f"You both {verb} at {name}{aka}{clause(shared.years, kind)}."
    base, bonus = _SCORES[kind]
    overlap = bool(shared.years and shared.years.overlap)
    return TalkingPoint(
        kind=kind,
        key=shared.match.key,
        text=text,
        score=base + (bonus if overlap else 0.0),
        evidence=evidence_on_page(them, page_quote) + join,
        theirs=side_of(shared.theirs),
        mine=side_of(shared.mine),
    )


def match_schools(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    for shared in shared_orgs(_school_mentions(me), _school_mentions(them)):
        t = shared.theirs
        page = quote(t.school, t.degree, t.field, span(t.start, t.end))
        yield _point("school", me, them, shared, (t.school, shared.mine.school), page, _school_side)


def _match_roles(
    kind: str,
    me: Profile,
    them: Profile,
    roles: tuple[tuple[Position, ...], tuple[Position, ...]],
    side_of: Callable[[Position], str],
) -> Iterator[TalkingPoint]:
    mine, theirs = roles
    for shared in shared_orgs(position_mentions(me, mine), position_mentions(them, theirs)):
        t = shared.theirs
        page = quote(t.title, t.company, span(t.start, t.end))
        yield _point(kind, me, them, shared, (t.company, shared.mine.company), page, side_of)


def match_employers(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    yield from _match_roles("employer", me, them, (me.experience, them.experience), _role_side)


def match_volunteering(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    roles = (me.volunteering, them.volunteering)
    yield from _match_roles("volunteering", me, them, roles, _volunteer_side)


# How a point writes one side of a shared organisation ("NUI Galway · 2012–2016").
def _school_side(s: School) -> str:
    return quote(s.school, span(s.start, s.end))


def _role_side(p: Position) -> str:
    return quote(p.company, p.title, span(p.start, p.end))


def _volunteer_side(p: Position) -> str:
    return quote(p.company, p.title)


def _school(s: School) -> str | None:
    return s.school


def _company(p: Position) -> str | None:
    return p.company


def _joined(
    point: TalkingPoint,
    pools: tuple[Sequence[_Entry], Sequence[_Entry]],
    name_of: Callable[[_Entry], str | None],
    side_of: Callable[[_Entry], str],
) -> tuple[_Entry, _Entry] | None:
    found: list[_Entry] = []
    for entries, side in zip(pools, (point.theirs, point.mine), strict=True):
        name = fold(side.split(" · ")[0])
        named = [e for e in entries if fold(name_of(e) or "") == name]
        exact = [e for e in named if side_of(e) == side]
        if not named:
            return None
        found.append((exact or named)[0])
    return found[0], found[1]


def joined_schools(point: TalkingPoint, me: Profile, them: Profile) -> tuple[School, School] | None:
    """(their school, my school) a school point joins, found by the names and years its
    ``theirs`` and ``mine`` give. The two names may differ ("NUI Galway", "National University
    of Ireland, Galway"): never look them up by one key."""
    if point.kind != "school":
        return None
    return _joined(point, (them.education, me.education), _school, _school_side)


def joined_positions(
    point: TalkingPoint, me: Profile, them: Profile
) -> tuple[Position, Position] | None:
    """(their role, my role) an employer or volunteering point joins (see ``joined_schools``)."""
    if point.kind == "employer":
        return _joined(point, (them.experience, me.experience), _company, _role_side)
    if point.kind == "volunteering":
        return _joined(point, (them.volunteering, me.volunteering), _company, _volunteer_side)
    return None
