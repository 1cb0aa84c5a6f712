"""Schools, employers and volunteering both people have, however each profile writes them.

Which entries are one organisation is ``insights.org_match``'s decision (same LinkedIn page, alias
table and renames, initials by rule); this module turns each shared organisation into one talking
point that says when each was there (``insights.tenure``) and, when the two profiles spell it
differently, shows both spellings and why they are one ("your NUI Galway; their National
University of Ireland, Galway (NUI stands for National University of Ireland)").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from scraper.models import Position, Profile, School

from .models import Evidence, TalkingPoint
from .normalize import Place, fold, org_name, resolve_place, year_of
from .org_match import OrgMatch, OrgMention, same_org
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


def _school_mentions(profile: Profile) -> list[tuple[School, OrgMention]]:
    home = _home(profile)
    return [
        (s, OrgMention(s.school or "", "school", s.school_url, (), s.field or "", home))
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


@dataclass(frozen=True)
class _Shared:
    """One organisation both have: their entry, mine, how the names join, and the years."""

    theirs: School | Position
    mine: School | Position
    match: OrgMatch
    years: Together | None

    @property
    def rank(self) -> tuple:
        # The closest in time wins: an overlap, then the shortest gap, then the order listed.
        if self.years is None:
            return (2, 0)
        return (0, 0) if self.years.overlap else (1, self.years.gap)


def shared_orgs(mine: list[tuple], theirs: list[tuple]) -> list[_Shared]:
    """Organisations in both lists (``(entry, OrgMention)`` pairs), one per organisation."""
    best: dict[str, _Shared] = {}
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


def match_schools(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    for shared in shared_orgs(_school_mentions(me), _school_mentions(them)):
        theirs, mine = shared.theirs, shared.mine
        name = org_name(theirs.school or "")
        aka, join = _spellings(me, name, mine.school or "", theirs.school or "", shared.match)
        yield TalkingPoint(
            kind="school",
            key=shared.match.key,
            text=f"You both studied at {name}{aka}{clause(shared.years, 'school')}.",
            score=SCHOOL_SCORE + (SCHOOL_OVERLAP_BONUS if _overlap(shared) else 0.0),
            evidence=evidence_on_page(
                them,
                quote(theirs.school, theirs.degree, theirs.field, span(theirs.start, theirs.end)),
            )
            + join,
            theirs=quote(theirs.school, span(theirs.start, theirs.end)),
            mine=quote(mine.school, span(mine.start, mine.end)),
        )


def match_employers(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    mine_all = position_mentions(me, me.experience)
    for shared in shared_orgs(mine_all, position_mentions(them, them.experience)):
        theirs, mine = shared.theirs, shared.mine
        name = org_name(theirs.company or "")
        aka, join = _spellings(me, name, mine.company or "", theirs.company or "", shared.match)
        yield TalkingPoint(
            kind="employer",
            key=shared.match.key,
            text=f"You both worked at {name}{aka}{clause(shared.years, 'employer')}.",
            score=EMPLOYER_SCORE + (EMPLOYER_OVERLAP_BONUS if _overlap(shared) else 0.0),
            evidence=evidence_on_page(
                them, quote(theirs.title, theirs.company, span(theirs.start, theirs.end))
            )
            + join,
            theirs=quote(theirs.company, theirs.title, span(theirs.start, theirs.end)),
            mine=quote(mine.company, mine.title, span(mine.start, mine.end)),
        )


def _overlap(shared: _Shared) -> bool:
    return bool(shared.years and shared.years.overlap)


def match_volunteering(me: Profile, them: Profile) -> Iterator[TalkingPoint]:
    mine_all = position_mentions(me, me.volunteering)
    for shared in shared_orgs(mine_all, position_mentions(them, them.volunteering)):
        theirs, mine = shared.theirs, shared.mine
        name = org_name(theirs.company or "")
        aka, join = _spellings(me, name, mine.company or "", theirs.company or "", shared.match)
        yield TalkingPoint(
            kind="volunteering",
            key=shared.match.key,
            text=f"You both volunteer with {name}{aka}.",
            score=VOLUNTEERING_SCORE,
            evidence=evidence_on_page(
                them, quote(theirs.title, theirs.company, span(theirs.start, theirs.end))
            )
            + join,
            theirs=quote(theirs.company, theirs.title),
            mine=quote(mine.company, mine.title),
        )
