"""Are two schools or employers, as two profiles write them, one organisation?

In order, the first that applies decides:

1. Both name one LinkedIn page (``/company/<id>/``, ``/school/<id>/``): the same organisation,
   whatever the names say.
2. Both names have one canonical key (``insights.normalize.org_key``: the same spelling, or the
   alias table, which also holds famous renames and mergers with their year and source). A
   school's short form in the table ("DTU", "MIT") holds only for someone who has been in the
   country the table gives it, or lists one of its languages; otherwise the initials rule
   decides, with its own guards ("DTU" in Delhi is Delhi Technological University).
3. Both names are in the alias table under different keys: two organisations.
4. The same name in other words (``insights.org_forms``): another language or abbreviated
   words ("Universität Wien", "Univ. of Michigan"), a short form made of words ("Penn State",
   "Virginia Tech"), the name without the words after its "and" ("London School of
   Economics"), an old name or the long name in brackets ("(formerly UOIT)", "LSE (London
   School of Economics)"), a kind of school renamed as a whole (Regional Engineering College to
   National Institute of Technology).
5. One name is the initials of the other (``insights.acronyms``), and what is left agrees:
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
     A city the long name is named after, in the region where the short side's person is or
     was, also agrees ("LSE" for someone in Manchester); a country is too large for that.
   - "University of X" is also read "X University" ("CU Boulder", "HKU").
   - a short form the alias table knows ("UW" is the University of Washington) means only that.
   - two different links to LinkedIn pages are two organisations to this rule.
   - between two schools, whatever the short form's length and whether the long name gives it
     in brackets, the countries must agree (``_countries_agree``): a school's country comes
     from its name (a place after the short form, a place the long name names, as the tables
     or the two profiles place it) and from where its person worked during those years. Two
     known and different countries are two schools ("KUST" in Pakistan is not "Korea
     University of Science and Technology"; "NUST Islamabad" is not "Namibia University of
     Science and Technology"; "UNAM" in Mexico City is not "University of Namibia (UNAM)");
     one known needs the other person to have been in that country or to list its language.
6. A unit after a firm's name ("Microsoft IDC", "SAP Labs India", "EY GDS", "Grab Holdings")
   is the firm, and the note says so ("Microsoft IDC is part of Microsoft"); one of a
   university's schools after a comma or a dash ("University of Michigan - Ross School of
   Business") is the university. After a school's name a place is a campus, never a unit.

A shared city word alone never makes two names one organisation: "Galway Technical Institute"
and "NUI Galway" fail rule 5 (their initials differ), and rule 4 compares whole names, in order,
never a word they share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from .acronyms import (
    KIND_WORDS,
    OPTIONAL_WORDS,
    AcronymMatch,
    acronym_parts,
    match_acronym,
    meaningful,
    parse_org,
)
from .normalize import (
    Place,
    _load,
    _org_entries,
    _place_tables,
    country_words,
    fold,
    language_name,
    org_aliases,
    org_key,
    org_renames,
    resolve_place,
    title_fields,
)
from .org_forms import (
    abbreviates,
    bare_school_name,
    first_words_before_and,
    former_names,
    parent_of,
    renamed_kind,
    same_loose_name,
    school_parent,
)
from .org_links import linkedin_org_id, org_page

_BRACKETS = re.compile(r"\([^)]*\)")
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
    languages: tuple[str, ...] = ()  # the languages the person lists
    # Where the person was while there (a school's years against the roles' years and places):
    # a country the school is likely in, which only the country guard of initials uses.
    during: tuple[Place, ...] = ()

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
    found = _same(a, b, forms=True)
    if found is None and a.kind == "employer" == b.kind:
        found = _as_units(a, b)
    if found is None and a.kind == "school" == b.kind:
        found = _as_school_units(a, b)
    return found


def _as_school_units(a: OrgMention, b: OrgMention) -> OrgMatch | None:
    """ "University of Michigan - Ross School of Business" and "UMich": one of a university's
    schools counts as the university, and the note says it is a part of it."""
    for x, y in ((a, b), (b, a)):
        unit = school_parent(x.name)
        if unit:
            found = _same(replace(x, name=unit[0]), y, forms=True)
            if found:
                note = "; ".join(filter(None, [unit[1], found.note]))
                return OrgMatch(found.key, "unit", note, found.links)
    return None


def _same(a: OrgMention, b: OrgMention, forms: bool) -> OrgMatch | None:
    if not fold(a.name) or not fold(b.name):
        return None
    link_a, link_b = linkedin_org_id(a.url), linkedin_org_id(b.url)
    key_a, key_b = org_key(a.name), org_key(b.name)
    if link_a and link_a == link_b:
        key = _table_key(a.name) or _table_key(b.name) or max(key_a, key_b, key=len)
        page = org_page(a.url) or ""
        note = "" if key_a == key_b else f"one LinkedIn page, {page.removeprefix('https://www.')}"
        return OrgMatch(key, "link", note, (page,))
    # A short form the table knows ("DTU") means what the table says, unless its person was
    # never in the country the table puts it in (a "DTU" in Delhi is not in Denmark).
    elsewhere = {m.name for m in (a, b) if _short_form_elsewhere(m)}
    if key_a == key_b and not elsewhere:
        return _by_key(a.name, b.name, key_a)
    if _table_key(a.name) and _table_key(b.name) and not elsewhere:
        return None
    if link_a and link_b:
        return None
    if forms:
        found = _by_forms(a, b)
        if found:
            return found
    for short, long in ((a, b), (b, a)):
        found = _by_acronym(short, long, short.name in elsewhere)
        if found:
            return found
    return None


def _short_form_elsewhere(mention: OrgMention) -> bool:
    """Is ``mention`` a school's short form the table knows ("DTU", "MIT"), named by someone
    whose every known place is outside the country the table gives that school, and who lists
    none of that country's own languages (English counts for none: everyone lists it)?"""
    if mention.kind != "school" or not acronym_parts(mention.name.strip()):
        return False
    key = _table_key(mention.name)
    country = _org_entries().get(key or "", {}).get("country")
    if not country:
        return False
    theirs = {fold(p.country) for p in (*mention.places, *mention.home) if p.country}
    if not theirs or fold(country) in theirs:
        return False
    # Someone in Australia who lists Norwegian and writes "UiO" studied in Oslo; someone in
    # Delhi who lists Hindi and English and writes "DTU" did not study in Denmark.
    spoken = {fold(language) for language in mention.languages}
    entry_languages = _org_entries().get(key or "", {}).get("languages", ())
    return not spoken & {fold(language) for language in entry_languages}


def _by_forms(a: OrgMention, b: OrgMention) -> OrgMatch | None:
    """The same name in other words, a short form made of words, an old name in brackets, or
    a school whose kind was renamed (``insights.org_forms``)."""
    if same_loose_name(a.name, b.name):
        key = _table_key(a.name) or _table_key(b.name) or org_key(b.name)
        return OrgMatch(key, "name")
    for short, long in ((a, b), (b, a)):
        bare = short.kind == "school" == long.kind and bare_school_name(short.name, long.name)
        words = abbreviates(short.name, long.name) or first_words_before_and(short.name, long.name)
        if bare or words:
            key = _table_key(long.name) or org_key(long.name)
            return OrgMatch(
                key, "acronym", f"{short.name.strip()} is short for {long.name.strip()}"
            )
    for x, y in ((a, b), (b, a)):
        current, olds = former_names(x.name)
        for name, note in [(old, f"{current} was formerly {old}") for old in olds] + (
            [(current, "")] if olds else []
        ):
            found = _same(replace(x, name=name), y, forms=True)
            if found:
                return replace(found, note="; ".join(filter(None, [note, found.note])))
        renamed = renamed_kind(x.name)
        if renamed:
            found = _same(replace(x, name=renamed[0]), y, forms=True)
            if found:
                return replace(
                    found, how="renamed", note="; ".join([renamed[1], found.note]).strip("; ")
                )
    return None


def _as_units(a: OrgMention, b: OrgMention) -> OrgMatch | None:
    """ "Microsoft IDC" and "Microsoft"; "EY GDS" and "Ernst & Young": a unit of a firm counts
    as the firm for a shared employer, and the note says it is a part of it."""
    unit_a, unit_b = parent_of(a.name), parent_of(b.name)
    for x, y, unit, other_unit in ((a, b, unit_a, unit_b), (b, a, unit_b, unit_a)):
        if unit is None:
            continue
        # The other name as written, then its own parent ("Microsoft IDC", "Microsoft Research").
        others = [(y, "")]
        if other_unit:
            others.append((replace(y, name=other_unit[0]), other_unit[1]))
        for other, other_note in others:
            found = _same(replace(x, name=unit[0]), other, forms=True)
            if found:
                note = "; ".join(filter(None, [unit[1], other_note, found.note]))
                return OrgMatch(found.key, "unit", note, found.links)
    return None


@cache
def may_be_same_org(name_a: str, name_b: str) -> bool:
    """Could two names be one organisation, knowing nothing of where or what? The same key, or
    initials that line up with no place against them: what the swap test must treat as shared
    ("TCS" in a message to someone else who worked at Tata Consultancy Services)."""
    if org_key(name_a) == org_key(name_b) != "" or same_loose_name(name_a, name_b):
        return True
    for one, other in ((name_a, name_b), (name_b, name_a)):
        if abbreviates(one, other) or first_words_before_and(one, other):
            return True
        if bare_school_name(one, other):
            return True
    for one, other in ((name_a, name_b), (name_b, name_a)):
        current, olds = former_names(one)
        parent = parent_of(one, places=False)
        names = [*olds, current] if olds else []
        names += [unit[0] for unit in (parent, school_parent(one)) if unit]
        if any(may_be_same_org(name, other) for name in names if name != one):
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
            # "Helsinki University of Technology (TKK)": the name with or without its bracket.
            if _readings(before) & old and _readings(after) & new:
                first, then = rename["old"][0], rename["new"][0]
                if rename.get("relation") == "parent":
                    return f"{then} has been {first}'s parent company since {rename['year']}"
                if rename.get("relation") == "merger":
                    return f"{first} became part of {then} in {rename['year']}"
                return f"{first} became {then} in {rename['year']}"
    return ""


def _readings(name: str) -> set[str]:
    return {fold(name), fold(_BRACKETS.sub(" ", name))}


def _by_acronym(short: OrgMention, long: OrgMention, untabled: bool = False) -> OrgMatch | None:
    if _table_key(short.name) and not untabled:
        return None  # the table fixes what this short form means
    long_key = _table_key(long.name)
    spellings = [long.name, *(org_aliases(long_key) if long_key else ())]
    reversed_ = [r for spelling in spellings for r in _university_of_x_reversed(spelling)]
    for spelling in dict.fromkeys([*spellings, *reversed_]):
        found = match_acronym(_acronym_and_place(short.name), spelling)
        if (
            found
            and _rest_agrees(found, short, long, spelling)
            and _countries_agree(found, short, long, spelling)
        ):
            note = f"{found.short} stands for {_as_written(spelling, found)}"
            rename = rename_note(spelling, long.name, long_key) if long_key else ""
            return OrgMatch(
                long_key or org_key(long.name), "acronym", "; ".join(filter(None, [note, rename]))
            )
    return None


def _university_of_x_reversed(name: str) -> list[str]:
    """ "Colorado University Boulder", "Hong Kong University" of "University of Colorado
    Boulder", "The University of Hong Kong": how "CU Boulder" and "HKU" read their initials."""
    words = name.split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 3 or [w.lower() for w in words[:2]] != ["university", "of"]:
        return []
    rest = words[2:]
    return [" ".join([*rest[:k], "University", *rest[k:]]) for k in range(1, len(rest) + 1)]


def _acronym_and_place(name: str) -> str:
    """ "UW Madison" of "UW-Madison": a short form and its campus joined by a hyphen."""
    head, _, tail = name.strip().partition("-")
    if tail and acronym_parts(head) and " " not in head and tail[:1].isupper():
        return f"{head} {tail}"
    return name


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
    if _same_city(short, long, short_rest, long_rest) or _named_in(
        short, short_rest, spelling, found.strength >= 3
    ):
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


def _named_in(
    short: OrgMention, short_rest: tuple[str, ...], long_name: str, country_level: bool = False
) -> bool:
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
    if not country_level:
        return False
    regions = {p.region_key for p in (*short.places, *short.home) if p.region_key}
    return bool(regions & _regions_of_cities_in(long_name))


def _regions_of_cities_in(long_name: str) -> set[str]:
    """Regions of the cities a name is named after ("London" of "London School of Economics",
    "Dublin" of "University College Dublin"): someone who lives in that region (England,
    Leinster) and writes the three letters most likely means that school. A country is too
    large ("PSU" in Philadelphia is Penn State, not Portland State). A campus after a comma
    does not count, nor a name that is also a state or a country ("Washington", "Singapore")."""
    cities, countries, regions = _place_tables()
    core = parse_org(long_name).core
    out: set[str] = set()
    for n in (1, 2, 3):
        for i in range(len(core) - n + 1):
            words = " ".join(core[i : i + n])
            place = cities.get(words)
            if place and place.region_key and words not in regions and words not in countries:
                out.add(place.region_key)
    return out


def _same_region(a: OrgMention, b: OrgMention) -> bool:
    regions = {p.region_key for p in a.where if p.region_key}
    return any(p.region_key and p.region_key in regions for p in b.where)


def _same_country(a: OrgMention, b: OrgMention) -> bool:
    countries = {fold(p.country) for p in a.where if p.country}
    return any(p.country and fold(p.country) in countries for p in b.where)


def _countries_agree(
    found: AcronymMatch, short: OrgMention, long: OrgMention, spelling: str
) -> bool:
    """The country guard of initials between two schools, whatever the short form's length and
    whether or not the long name gives it in brackets ("XUST" in one country is not "X
    University of Science and Technology" in another; "NUST Islamabad" is not "Namibia
    University of Science and Technology"; "UNAM" in Mexico City is not "University of Namibia
    (UNAM)").

    Each school's countries come first from its name (a place after the short form, a place or
    a country the long name names, its own place after a comma) and from where its person was
    during those years; two such sets that share no country are two schools. When one side has
    them and the other not, the other person must have lived, studied or worked in one of those
    countries, or list one of its own languages ("NTUA" for someone in Cape Town who lists
    Greek); a profile with no place at all says nothing against it. When neither has them, two
    people whose every known place is in different countries are taken to mean different
    schools. An employer has offices in many countries,
    so it is left to ``_rest_agrees``."""
    if short.kind != "school" or long.kind != "school":
        return True
    known = _gazetteer(short, long)
    short_rest = meaningful(found.short_rest)
    long_words = parse_org(spelling).words
    if short_rest and f" {' '.join(short_rest)} " in f" {' '.join(long_words)} ":
        return True  # both names name the same place ("UET Lahore", "..., Lahore")
    mine = _countries_in(" ".join(short_rest), known) | _countries_of(short.during)
    theirs = _countries_in(" ".join(long_words), known) | _countries_of(long.during)
    # "USyd": a short form that spells a place of the long name names that place itself.
    camel = [p for p in parse_org(short.name).acronym if len(p) >= 3]
    mine |= {
        c
        for w in long_words
        if any(w.startswith(p) for p in camel)
        for c in _countries_in(w, known)
    }
    if mine and theirs:
        return bool(mine & theirs)
    if mine or theirs:
        other = long if mine else short
        return _was_in(other, mine or theirs)
    home_mine = _countries_of((*short.places, *short.home))
    home_theirs = _countries_of((*long.places, *long.home))
    return not (home_mine and home_theirs) or bool(home_mine & home_theirs)


def _was_in(mention: OrgMention, countries: set[str]) -> bool:
    """Has the person lived, studied or worked in one of ``countries``, or do they list one of
    its own languages (English counts for none)? A profile that gives no place at all says
    nothing against it."""
    been = _countries_of((*mention.places, *mention.home, *mention.during))
    if not been or been & countries:
        return True
    table = _load("aliases_places.json").get("languages", {})
    spoken = {language_name(language) for language in mention.languages}
    return any(
        spoken & set(languages)
        for country, languages in table.items()
        if _country(country) in countries
    )


def _country(name: str | None) -> str:
    _, countries, _ = _place_tables()
    return fold(countries.get(fold(name or ""), name or ""))


def _countries_of(places: tuple[Place, ...]) -> set[str]:
    return {_country(p.country) for p in places if p.country}


def _gazetteer(*mentions: OrgMention) -> dict[str, set[str]]:
    """Place words the two profiles themselves tie to a country ("Windhoek" and "Namibia" of
    "Windhoek, Namibia"): a city the tables do not know is still placed by a profile that
    gives its country."""
    out: dict[str, set[str]] = {}
    for mention in mentions:
        for place in (*mention.places, *mention.home, *mention.during):
            if not place.country:
                continue
            country = _country(place.country)
            for word in (place.city_key, place.region_key, country):
                if word:
                    out.setdefault(word, set()).add(country)
    return out


def _countries_in(text: str, known: dict[str, set[str]]) -> set[str]:
    """Countries a name's words name: a country or its adjective, a city or a region the place
    tables or the two profiles place in one ("Lahore", "Korea", "Mexico", "Namibia")."""
    cities, countries, regions = _place_tables()
    words = fold(text).split()
    out: set[str] = set()
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i : i + n])
            if len(gram) < 3 or gram in OPTIONAL_WORDS or gram in KIND_WORDS:
                continue
            if gram in countries:
                out.add(_country(countries[gram]))
            if gram in _demonyms():
                out.add(_demonyms()[gram])
            city = cities.get(gram)
            if city and city.country:
                out.add(_country(city.country))
            if gram in regions:
                out.add(_country(regions[gram][1]))
            out |= known.get(gram, set())
    return out


@cache
def _demonyms() -> dict[str, str]:
    table = _load("aliases_places.json").get("demonyms", {})
    return {fold(word): _country(country) for country, words in table.items() for word in words}
