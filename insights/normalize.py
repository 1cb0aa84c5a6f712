"""Canonical keys for the facts matching compares: organisations, places, skills, languages, years.

Matching is exact on a canonical key, never fuzzy: "UCL" and "University College London" share a
key because the alias table (``insights/data/aliases_*.json``) says so, while "University of
Washington" and "Washington University in St. Louis" share words but not a key. A name the table
does not know falls back to its normalised spelling, so two profiles spelling one unknown company
the same way still match.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

logger = logging.getLogger(__name__)

# Legal-form words that say nothing about which organisation it is ("Spotify AB" is Spotify;
# "Zoho Corporation Pvt. Ltd.", "Novo Nordisk A/S", "Capgemini SE", "Shopee Pte. Ltd.").
LEGAL_SUFFIXES = frozenset(
    "inc incorporated llc ltd limited gmbh ab plc corp corporation co sa sas bv nv ag oy oyj as "
    "asa aps kg sarl pty srl spa kk pvt private llp lp se pte sdn bhd ltda kgaa fz fze fzco".split()
)
# Words that make a place a metro area rather than a city; stripped before the table lookup.
_PLACE_NOISE = re.compile(r"\b(greater|metropolitan|metro|area|region)\b", flags=re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w+#]+")
_SLASHED_LETTERS = re.compile(r"\b(\w)/(\w)\b")


def fold(text: str) -> str:
    """Lower-case, accents removed, punctuation to spaces, whitespace collapsed.

    ``+`` and ``#`` survive because "C++" and "C#" are not "C". Apostrophes go without a space:
    "King's College" is "kings college", one word per word (its initials are KCL).
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace(".", "")
    # "A/S", "S/A": one legal form, not two letters.
    text = _SLASHED_LETTERS.sub(r"\1\2", text)
    text = text.replace("'", "").replace("’", "").replace("ʼ", "")
    return " ".join(_NON_WORD.sub(" ", text).split())


@cache
def _load(name: str) -> dict:
    with resources.files("insights").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------- organisations (schools, employers)


# After a firm's name "Company" and "& Co." are legal forms too ("Ford Motor Company", "Wells
# Fargo & Company", "JPMorgan Chase & Co."); the "and" of "& Co." goes with them.
_TRAILING = LEGAL_SUFFIXES | {"company"}


def strip_legal(folded: str) -> str:
    """A folded name without a leading "the" and trailing legal forms ("spotify ab": spotify)."""
    words = folded.split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
        if len(words) > 1 and words[-1] == "and":
            words.pop()
    return " ".join(words)


@cache
def _org_table() -> dict[str, tuple[str, str]]:
    """folded alias -> (canonical key, display name)."""
    table: dict[str, tuple[str, str]] = {}
    for entry in _load("aliases_orgs.json")["entries"]:
        for alias in [entry["name"], *entry["aliases"]]:
            for form in {fold(alias), strip_legal(fold(alias))}:
                if form in table and table[form][0] != entry["key"]:
                    logger.warning("alias %r maps to two organisations", alias)
                table[form] = (entry["key"], entry["name"])
    return table


def org_key(name: str | None) -> str:
    """A canonical key for a school or company name; "" for an empty name."""
    folded = fold(name or "")
    if not folded:
        return ""
    # "Stanford University (Graduate School of Business)": the bracket is a sub-unit or an
    # abbreviation; try the whole name first, then without it.
    table = _org_table()
    candidates = [folded, strip_legal(folded)]
    plain = re.sub(r"\([^)]*\)", " ", name or "")
    if plain != name:
        candidates += [fold(plain), strip_legal(fold(plain))]
    for form in candidates:
        if form in table:
            return table[form][0]
    return strip_legal(fold(plain))


def org_name(name: str) -> str:
    """The display name the alias table gives, else the name as written."""
    folded = fold(name)
    hit = _org_table().get(folded) or _org_table().get(strip_legal(folded))
    return hit[1] if hit else name.strip()


@cache
def _org_entries() -> dict[str, dict]:
    return {entry["key"]: entry for entry in _load("aliases_orgs.json")["entries"]}


def org_aliases(key: str) -> list[str]:
    """Every name the table knows for ``key`` (used to find the organisation in a text)."""
    entry = _org_entries().get(key)
    return [entry["name"], *entry["aliases"]] if entry else []


def org_renames(key: str) -> list[dict]:
    """The renames the table records for ``key``: ``{old, new, year, source, relation?}``."""
    entry = _org_entries().get(key)
    return list(entry.get("renames", ())) if entry else []


@cache
def _field_words() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {}
    for name, members in _load("aliases_fields.json")["fields"].items():
        for word in members:
            words.setdefault(fold(word), set()).add(name)
    return {word: frozenset(names) for word, names in words.items()}


def title_fields(title: str | None) -> frozenset[str]:
    """The lines of work a job title belongs to ("Systems Engineer" -> technology)."""
    table = _field_words()
    return frozenset(name for word in fold(title or "").split() for name in table.get(word, ()))


# ---------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    city: str | None
    region: str | None
    country: str | None

    @property
    def city_key(self) -> str:
        return fold(self.city or "")

    @property
    def region_key(self) -> str:
        return fold(self.region or "")


@cache
def _place_tables() -> tuple[dict[str, Place], dict[str, str], dict[str, tuple[str, str]]]:
    """Cities (alias -> Place), countries (alias -> name), regions (alias -> (region, country))."""
    data = _load("aliases_places.json")
    cities: dict[str, Place] = {}
    for entry in data["cities"]:
        place = Place(entry["city"], entry["region"], entry["country"])
        for alias in [entry["city"], *entry["aliases"]]:
            cities[fold(alias)] = place
            cities[fold(_PLACE_NOISE.sub(" ", alias))] = place
    countries = {}
    for name, aliases in data["countries"].items():
        for alias in [name, *aliases]:
            countries[fold(alias)] = name
    regions = {}
    for entry in data.get("regions", ()):
        for alias in [entry["region"], *entry["aliases"]]:
            regions[fold(alias)] = (entry["region"], entry["country"])
    return cities, countries, regions


def country_words(country: str | None) -> list[str]:
    """A country's name and its adjective ("Australia", "Australian"), as names write them."""
    if not country:
        return []
    return [country, *_load("aliases_places.json").get("demonyms", {}).get(country, ())]


def resolve_place(text: str | None) -> Place | None:
    """City, region and country of a location as profiles write it; None when empty.

    "Greater Stockholm Metropolitan Area" and "Stockholm, Sweden" are both Stockholm;
    "San Francisco Bay Area" is San Francisco in the Bay Area region. An unknown place keeps its
    first comma part as the city and its last as the country.
    """
    if not text or not fold(text):
        return None
    cities, countries, regions = _place_tables()
    for form in (fold(text), fold(_PLACE_NOISE.sub(" ", text))):
        if form in cities:
            return cities[form]
    parts = [p for p in (fold(_PLACE_NOISE.sub(" ", p)) for p in text.split(",")) if p]
    if not parts:
        return None
    if parts[0] in cities:
        return cities[parts[0]]
    if len(parts) == 1 and parts[0] in countries:
        return Place(None, None, countries[parts[0]])
    if len(parts) == 1 and parts[0] in regions:
        return Place(None, *regions[parts[0]])
    country = countries.get(parts[-1], parts[-1].title()) if len(parts) > 1 else None
    region = parts[1].title() if len(parts) > 2 else None
    # "Austin, TX", "Hyderabad, Telangana, India": a state or province says the country too.
    for part in parts[1:]:
        if part in regions:
            region, region_country = regions[part]
            country = country if parts[-1] in countries else region_country
    return Place(parts[0].title(), region, country)


# ---------------------------------------------------------------- skills and languages


@cache
def _skill_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for name, aliases in _load("aliases_skills.json")["skills"].items():
        for alias in [name, *aliases]:
            table[fold(alias)] = name
    return table


def skill_name(text: str) -> str:
    """The canonical name of a technology or skill ("JS" -> "JavaScript"), else as written."""
    return _skill_table().get(fold(text), text.strip())


def skill_key(text: str) -> str:
    return fold(skill_name(text))


@cache
def _common_skills() -> frozenset[str]:
    return frozenset(skill_key(s) for s in _load("aliases_skills.json")["common"])


def is_common_skill(text: str) -> bool:
    """True for skills so widely listed ("Python", "Git") that sharing them says little."""
    return skill_key(text) in _common_skills()


@cache
def _language_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for name, aliases in _load("aliases_languages.json")["languages"].items():
        for alias in [name, *aliases]:
            table[fold(alias)] = name
    return table


def language_name(text: str) -> str:
    """ "Svenska (Native or bilingual)" -> "Swedish"; the proficiency in brackets is dropped."""
    bare = re.split(r"[(\-–—:]", text, maxsplit=1)[0]
    return _language_table().get(fold(bare), bare.strip().title())


def is_common_language(text: str) -> bool:
    return language_name(text) in _load("aliases_languages.json")["common"]


# ---------------------------------------------------------------- years


def year_of(date: str | None) -> int | None:
    """The year of "2019", "2019-05" or "May 2019"; None when there is none."""
    match = re.search(r"\b(19|20)\d{2}\b", date or "")
    return int(match.group(0)) if match else None


def years_overlap(
    a_start: str | None,
    a_end: str | None,
    b_start: str | None,
    b_end: str | None,
    *,
    current_year: int | None = None,
) -> tuple[int, int] | None:
    """The overlapping (first, last) year of two spans, or None when they miss or are unknown.

    An end of None with a start means "to present". Spans without a start year are unknown:
    claiming an overlap from them would claim what the data does not show.
    """
    a_first, b_first = year_of(a_start), year_of(b_start)
    if a_first is None or b_first is None:
        return None
    # "Present" is this year: an open end must not claim overlap in years that have not happened.
    now = current_year or date.today().year
    ends = (year_of(a_end) or now, year_of(b_end) or now)
    first, last = max(a_first, b_first), min(ends)
    return (first, last) if first <= last else None
