"""Canonical keys: every alias in the tables resolves to its entry, and lookalikes stay apart."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from insights.normalize import (
    fold,
    is_common_language,
    is_common_skill,
    language_name,
    org_key,
    org_name,
    resolve_place,
    skill_key,
    skill_name,
    years_overlap,
)


def _table(name: str) -> dict:
    with resources.files("insights").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return json.load(f)


ORGS = _table("aliases_orgs.json")
SKILLS = _table("aliases_skills.json")
PLACES = _table("aliases_places.json")
LANGUAGES = _table("aliases_languages.json")


@pytest.mark.parametrize(
    ("alias", "key"),
    [(alias, e["key"]) for e in ORGS["entries"] for alias in [e["name"], *e["aliases"]]],
)
def test_every_organisation_alias_resolves_to_its_entry(alias: str, key: str) -> None:
    assert org_key(alias) == key
    # Legal forms and case do not change the key.
    assert org_key(alias.upper() + " Inc.") == key


@pytest.mark.parametrize(("a", "b"), [tuple(p) for p in ORGS["distinct"]])
def test_lookalike_institutions_stay_apart(a: str, b: str) -> None:
    assert org_key(a) != org_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Meta", "Facebook"),
        ("UC Berkeley", "University of California, Berkeley"),
        ("KTH", "KTH Royal Institute of Technology"),
        ("UCL", "University College London"),
        ("Spotify AB", "Spotify"),
        ("The Wikimedia Foundation, Inc.", "Wikimedia"),
        ("Stanford University (Graduate School of Business)", "Stanford"),
    ],
)
def test_named_aliases_match(a: str, b: str) -> None:
    assert org_key(a) == org_key(b) != ""


def test_unknown_organisations_match_only_when_spelled_alike() -> None:
    assert org_key("Tellus Grid AS") == org_key("tellus grid") == "tellus grid"
    assert org_key("Acme Robotics GmbH") == org_key("ACME Robotics")
    assert org_key("Acme Robotics") != org_key("Acme Rockets")
    assert org_key("") == org_key(None) == ""


def test_display_name_comes_from_the_table() -> None:
    assert org_name("UCL") == "University College London"
    assert org_name("Some Startup") == "Some Startup"


@pytest.mark.parametrize(
    ("alias", "city"),
    [(alias, c["city"]) for c in PLACES["cities"] for alias in [c["city"], *c["aliases"]]],
)
def test_every_place_alias_resolves_to_its_city(alias: str, city: str) -> None:
    place = resolve_place(alias)
    assert place is not None and place.city == city


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Greater Stockholm Metropolitan Area", "Stockholm"),
        ("San Francisco Bay Area", "San Francisco"),
        ("Stockholm, Stockholm County, Sweden", "Stockholm, Sweden"),
        ("München", "Munich, Bavaria, Germany"),
        ("NYC", "New York, NY"),
    ],
)
def test_places_written_two_ways_are_one_city(a: str, b: str) -> None:
    assert resolve_place(a).city_key == resolve_place(b).city_key != ""


def test_places_keep_region_and_country() -> None:
    oakland, sf = resolve_place("Oakland, CA"), resolve_place("San Francisco, California")
    assert oakland.city_key != sf.city_key
    assert oakland.region_key == sf.region_key == fold("San Francisco Bay Area")
    unknown = resolve_place("Espoo, Uusimaa, Finland")
    assert (unknown.city, unknown.region, unknown.country) == ("Espoo", "Uusimaa", "Finland")
    assert resolve_place("Sweden").city is None and resolve_place("Sweden").country == "Sweden"
    assert resolve_place("") is None and resolve_place(None) is None
    # Cambridge, MA is not Cambridge, England.
    assert resolve_place("Cambridge, MA").city_key != resolve_place("Cambridge, UK").city_key


@pytest.mark.parametrize(
    ("alias", "name"),
    [(alias, name) for name, aliases in SKILLS["skills"].items() for alias in [name, *aliases]],
)
def test_every_skill_alias_resolves_to_its_name(alias: str, name: str) -> None:
    assert skill_name(alias) == name
    assert skill_key(alias) == fold(name)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("JS", "JavaScript"),
        ("Postgres", "PostgreSQL"),
        ("ML", "Machine Learning"),
        ("k8s", "Kubernetes"),
        ("Golang", "Go"),
    ],
)
def test_named_skill_aliases_match(a: str, b: str) -> None:
    assert skill_key(a) == skill_key(b)


def test_skills_that_are_not_the_same_stay_apart() -> None:
    assert skill_key("C") != skill_key("C++") != skill_key("C#")
    assert skill_key("Java") != skill_key("JavaScript")
    assert skill_name("Haskell") == "Haskell"


def test_common_skills_are_flagged_and_niche_ones_are_not() -> None:
    assert is_common_skill("Python") and is_common_skill("git")
    assert not is_common_skill("Raft consensus") and not is_common_skill("Erlang")


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        (alias, name)
        for name, aliases in LANGUAGES["languages"].items()
        for alias in [name, *aliases]
    ],
)
def test_every_language_alias_resolves(alias: str, name: str) -> None:
    assert language_name(alias) == name
    assert language_name(f"{alias} (Native or bilingual proficiency)") == name


def test_english_is_common_ground_for_nobody() -> None:
    assert is_common_language("English (Full professional proficiency)")
    assert not is_common_language("Svenska")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("2011", "2016"), ("2014-09", "2019-06"), (2014, 2016)),
        (("2016-01", None), ("2019", "2020"), (2019, 2020)),
        (("2016-01", None), ("2021", None), (2021, 2026)),
        (("2004", "2009"), ("2011", "2015"), None),
        ((None, "2016"), ("2010", "2014"), None),  # no start year: overlap unknown, not claimed
        (("May 2012", "June 2014"), ("2014", None), (2014, 2014)),
    ],
)
def test_years_overlap(a, b, expected) -> None:
    assert years_overlap(*a, *b, current_year=2026) == expected


def test_an_open_end_means_this_year_not_forever() -> None:
    from datetime import date

    assert years_overlap("2021", None, "2012", None) == (2021, date.today().year)


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        ("Phoenix, AZ", "Phoenix", "Arizona", "United States"),
        ("Columbia, SC", "Columbia", "South Carolina", "United States"),
        ("Kitchener, ON", "Kitchener", "Ontario", "Canada"),
        ("Visakhapatnam, Andhra Pradesh", "Visakhapatnam", "Andhra Pradesh", "India"),
        ("Lansing, MI, USA", "Lansing", "Michigan", "United States"),
        ("California", None, "California", "United States"),
        ("Bombay", "Mumbai", "Maharashtra", "India"),
        ("Singapore", "Singapore", "Singapore", "Singapore"),
    ],
)
def test_a_state_or_province_gives_the_country(text, city, region, country) -> None:
    place = resolve_place(text)
    assert (place.city, place.region, place.country) == (city, region, country)


def test_apostrophes_do_not_split_words() -> None:
    assert fold("King's College London") == fold("King’s College London") == "kings college london"
    assert org_key("McDonald's") == org_key("McDonalds")
