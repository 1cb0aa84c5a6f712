"""Are two schools or employers, as two profiles write them, one organisation?

In order, the first that applies decides:

1. Both name one LinkedIn page (``/company/<id>/``, ``/school/<id>/``): the same organisation,
   whatever the names say.
2. Both names have one canonical key (``insights.normalize.org_key``: the same spelling, or the
   alias table, which also holds famous renames with their year and source).
3. Both names are in the alias table under different keys: two organisations.
4. One name is the initials of the other (``insights.acronyms``), and what is left agrees:
   - two places or campuses after the names must be the same place ("JNTU Kakinada" is not
     "Jawaharlal Nehru Technological University, Hyderabad");
   - a long name must not go on with words the short form does not explain ("TCS" is not "Tata
     Consultancy Services Digital Labs"), unless they follow a comma or "and";
   - a short form of four letters or more needs nothing more ("JNTU", "HKUST"); one of two or
     three letters is shared by too many organisations ("USC" is in Los Angeles and in South
     Carolina; "NTU" in Singapore and Taipei), so the rest must agree too: a place the long name
     itself names where the short side's person is or was (the "Dublin" of "University College
     Dublin", the "Australia" of "Commonwealth Bank of Australia", the "Indian" of "Indian
     Institute of Science"); or, for an employer, the same
     city (where each worked for it, else where each lives), the same region, or the same
     country and the same line of work. A school is in one place, and two people living in one
     city says nothing about where each studied; a country holds many universities with the
     same initials (USC, MSU, OSU, ASU in the United States).
   - a short form the alias table knows ("UW" is the University of Washington) means only that.
   - two different links to LinkedIn pages are two organisations to this rule.

A shared city word alone never makes two names one organisation: "Galway Technical Institute"
and "NUI Galway" fail rule 4 (their initials differ) and nothing else compares words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .acronyms import AcronymMatch, match_acronym, meaningful, parse_org
from .normalize import (
    Place,
    country_words,
    fold,
    org_aliases,
    org_key,
    org_renames,
    resolve_place,
    title_fields,
)
from .org_links import linkedin_org_id, org_page

# A short form shorter than this needs the rest to agree (see the module docstring).
SELF_SUFFICIENT_LETTERS = 4


@dataclass(frozen=True)
class OrgMention:
    """A school or an employer as one profile gives it, with what tells it apart."""

    name: str
    kind: str = "employer"  # "school" or "employer"
    url: str | None = None  # LinkedIn /company/ or /school/ link
    # Where the organisation was for this person (a role's own location), and where the person
    # lives and has worked. The first says where the organisation is; the second only where
    # the person is, so it counts only when the other name itself names that place.
    places: tuple[Place, ...] = ()
    field: str = ""  # the role's title or the field of study
    home: tuple[Place, ...] = ()

    @property
    def where(self) -> tuple[Place, ...]:
        """Where an employer was for this person: the role's place, else the person's."""
        return self.places or (self.home if self.kind == "employer" else ())


@dataclass(frozen=True)
class OrgMatch:
    key: str  # canonical key of the organisation
    how: str  # "name", "alias", "renamed", "acronym" or "link"
    note: str = ""  # why, in words: "NUI stands for National University of Ireland"
    links: tuple[str, ...] = field(default=())


def _table_key(name: str) -> str | None:
    key = org_key(name)
    return key if org_aliases(key) else None


def same_org(a: OrgMention, b: OrgMention) -> OrgMatch | None:
    """How ``a`` and ``b`` are one organisation, or None when nothing shows they are."""
    if not fold(a.name) or not fold(b.name):
        return None
    link_a, link_b = linkedin_org_id(a.url), linkedin_org_id(b.url)
    key_a, key_b = org_key(a.name), org_key(b.name)
    if link_a and link_a == link_b:
        key = _table_key(a.name) or _table_key(b.name) or max(key_a, key_b, key=len)
        page = org_page(a.url) or ""
        note = "" if key_a == key_b else f"one LinkedIn page, {page.removeprefix('https://www.')}"
        return OrgMatch(key, "link", note, (page,))
    if key_a == key_b:
        return _by_key(a.name, b.name, key_a)
    if _table_key(a.name) and _table_key(b.name):
        return None
    if link_a and link_b:
        return None
    for short, long in ((a, b), (b, a)):
        found = _by_acronym(short, long)
        if found:
            return found
    return None


@cache
def may_be_same_org(name_a: str, name_b: str) -> bool:
    """Could two names be one organisation, knowing nothing of where or what? The same key, or
    initials that line up with no place against them: what the swap test must treat as shared
    ("TCS" in a message to someone else who worked at Tata Consultancy Services)."""
    if org_key(name_a) == org_key(name_b) != "":
        return True
    for short, long in ((name_a, name_b), (name_b, name_a)):
        if _table_key(short):
            continue
        found = match_acronym(short, long)
        if found is None or found.strength < 3:
            continue
        rests = meaningful(found.short_rest), meaningful(found.long_rest)
        if all(rests) and not _same_place(" ".join(rests[0]), " ".join(rests[1])):
            continue
        return True
    return False


def _by_key(name_a: str, name_b: str, key: str) -> OrgMatch:
    if fold(name_a) == fold(name_b):
        return OrgMatch(key, "name")
    note = rename_note(name_a, name_b, key)
    return OrgMatch(key, "renamed", note) if note else OrgMatch(key, "alias")


def rename_note(name_a: str, name_b: str, key: str) -> str:
    """ "Facebook became Meta in 2021" when the table records a rename between the two names."""
    for rename in org_renames(key):
        old = {fold(n) for n in rename["old"]}
        new = {fold(n) for n in rename["new"]}
        for before, after in ((name_a, name_b), (name_b, name_a)):
            if fold(before) in old and fold(after) in new:
                first, then = rename["old"][0], rename["new"][0]
                if rename.get("relation") == "parent":
                    return f"{then} has been {first}'s parent company since {rename['year']}"
                if rename.get("relation") == "merger":
                    return f"{first} became part of {then} in {rename['year']}"
                return f"{first} became {then} in {rename['year']}"
    return ""


def _by_acronym(short: OrgMention, long: OrgMention) -> OrgMatch | None:
    if _table_key(short.name):
        return None  # the table fixes what this short form means
    long_key = _table_key(long.name)
    for spelling in dict.fromkeys([long.name, *(org_aliases(long_key) if long_key else ())]):
        found = match_acronym(short.name, spelling)
        if found and _rest_agrees(found, short, long, spelling):
            note = f"{found.short} stands for {_as_written(spelling, found)}"
            rename = rename_note(spelling, long.name, long_key) if long_key else ""
            return OrgMatch(
                long_key or org_key(long.name), "acronym", "; ".join(filter(None, [note, rename]))
            )
    return None


def _as_written(long: str, found: AcronymMatch) -> str:
    """The words of ``long`` the short form stands for, as written ("National University of
    Ireland" out of "National University of Ireland, Galway")."""
    wanted = len(found.long.split())
    tokens = (long[4:] if long.lower().startswith("the ") else long).split()
    out: list[str] = []
    for token in tokens:
        if len(fold(" ".join(out)).split()) >= wanted:
            break
        out.append(token)
    return " ".join(out).rstrip(",;-–") or long


def _rest_agrees(found: AcronymMatch, short: OrgMention, long: OrgMention, spelling: str) -> bool:
    long_rest = () if found.long_rest[:1] == ("and",) else meaningful(found.long_rest)
    short_rest = meaningful(found.short_rest)
    if short_rest and long_rest:
        # "IIT Bombay" and "Indian Institute of Technology Bombay": the same place after both
        # agrees, with or without a comma; two different ones are two campuses.
        return _same_place(" ".join(short_rest), " ".join(long_rest))
    if long_rest and not found.long_rest_is_qualifier:
        return False  # the long name goes on with words the short form does not explain
    if found.spelled_out or found.strength >= SELF_SUFFICIENT_LETTERS:
        return True
    if _same_city(short, long, short_rest, long_rest) or _named_in(short, short_rest, spelling):
        return True
    if short.kind != "employer" or found.strength < 3:
        return False
    # An employer has offices in many cities: the same region, or the same country and the same
    # line of work, is enough (not for a school, which is in one place).
    return _same_region(short, long) or (
        _same_country(short, long) and bool(title_fields(short.field) & title_fields(long.field))
    )


def _same_place(a: str, b: str) -> bool:
    if fold(a) == fold(b):
        return True
    pa, pb = resolve_place(a), resolve_place(b)
    return bool(pa and pb and pa.city_key and pa.city_key == pb.city_key)


def _cities(mention: OrgMention, rest: tuple[str, ...]) -> set[str]:
    cities = {p.city_key for p in mention.where if p.city_key}
    if rest:
        place = resolve_place(" ".join(rest))
        cities |= {" ".join(rest), place.city_key if place else ""} - {""}
    return cities


def _same_city(short: OrgMention, long: OrgMention, s_rest, l_rest) -> bool:
    return bool(_cities(short, s_rest) & _cities(long, l_rest))


def _named_in(short: OrgMention, short_rest: tuple[str, ...], long_name: str) -> bool:
    """Does the long name itself name the short name's place ("VIT Vellore", "Vellore Institute
    of Technology") or a city, region or country where the short side's person studied, worked
    or lives ("University College Dublin" for someone in Dublin)?"""
    words = f" {' '.join(parse_org(long_name).words)} "
    if short_rest and f" {' '.join(short_rest)} " in words:
        return True
    for place in (*short.places, *short.home):
        for name in (place.city, place.region, *country_words(place.country)):
            if name and f" {fold(name)} " in words:
                return True
    return False


def _same_region(a: OrgMention, b: OrgMention) -> bool:
    regions = {p.region_key for p in a.where if p.region_key}
    return any(p.region_key and p.region_key in regions for p in b.where)


def _same_country(a: OrgMention, b: OrgMention) -> bool:
    countries = {fold(p.country) for p in a.where if p.country}
    return any(p.country and fold(p.country) in countries for p in b.where)
