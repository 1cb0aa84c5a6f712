"""Matchers on profile facts (no model): what they claim, what they refuse to claim, evidence."""

from __future__ import annotations

from insights.common_ground import find_talking_points, rank
from insights.models import KINDS, Evidence, TalkingPoint
from scraper.models import Position, Profile, School

from .conftest import PAIRS

URL = "https://www.linkedin.com/in/someone/"
MY_URL = "https://www.linkedin.com/in/me/"


def _points(me: Profile, them: Profile) -> list[TalkingPoint]:
    return find_talking_points(me, them, [], [], embedder=None)


def _keys(points) -> set[tuple[str, str]]:
    return {(p.kind, p.key) for p in points}


def test_same_school_under_two_names_with_overlapping_years() -> None:
    me = Profile(name="Me", source_url=MY_URL, education=(School("KTH", start="2014", end="2019"),))
    them = Profile(
        name="Them",
        source_url=URL,
        education=(
            School(
                "KTH Royal Institute of Technology", "PhD", "Distributed Systems", "2011", "2016"
            ),
        ),
    )
    [point] = _points(me, them)
    assert (point.kind, point.key) == ("school", "kth")
    assert point.text == (
        "You both studied at KTH Royal Institute of Technology, and your years there overlap: "
        "you were both there in 2014–2016."
    )
    # Their page as it reads, then both spellings from the user's own profile.
    assert point.evidence == (
        Evidence(URL, "KTH Royal Institute of Technology · PhD · Distributed Systems · 2011–2016"),
        Evidence(MY_URL, "your KTH; their KTH Royal Institute of Technology"),
    )
    assert point.theirs.startswith("KTH Royal") and point.mine.startswith("KTH")


def test_school_without_overlap_scores_lower_than_with() -> None:
    them = Profile(name="T", source_url=URL, education=(School("UCL", start="2005", end="2008"),))
    apart = _points(
        Profile(education=(School("University College London", start="2015", end="2016"),)), them
    )
    together = _points(
        Profile(education=(School("University College London", start="2007", end="2010"),)), them
    )
    assert apart[0].score < together[0].score
    assert "overlap" not in apart[0].text


def test_lookalike_schools_give_no_point() -> None:
    me = Profile(
        education=(School("Washington University in St. Louis"), School("Miami University"))
    )
    them = Profile(
        source_url=URL,
        education=(School("University of Washington"), School("University of Miami")),
    )
    assert _points(me, them) == []


def test_same_employer_under_its_old_name_once_per_company() -> None:
    me = Profile(experience=(Position("iOS Engineer", "Facebook", "2016-02", "2019-08"),))
    them = Profile(
        source_url=URL,
        experience=(
            Position("Director", "Meta Platforms", "2014-05", None),
            Position("Engineer", "Facebook, Inc.", "2010", "2012"),
        ),
    )
    [point] = _points(me, them)
    assert (point.kind, point.key) == ("employer", "meta")
    assert "you were both there in 2016–2019" in point.text  # the overlapping role wins
    assert point.evidence[0].quote.startswith("Director · Meta Platforms")


def test_google_is_not_google_deepmind() -> None:
    me = Profile(experience=(Position("Research Engineer", "Google DeepMind", "2022"),))
    them = Profile(source_url=URL, experience=(Position("Engineer", "Google", "2015"),))
    assert _points(me, them) == []


def test_places_same_city_region_and_previous_city() -> None:
    same = _points(
        Profile(location="Stockholm, Sweden"),
        Profile(location="Greater Stockholm Metropolitan Area", source_url=URL),
    )
    assert _keys(same) == {("place", "stockholm")}
    assert same[0].evidence[0].quote == "Greater Stockholm Metropolitan Area"

    region = _points(
        Profile(location="Oakland, CA"), Profile(location="San Francisco Bay Area", source_url=URL)
    )
    assert _keys(region) == {("place", "san francisco bay area")}
    assert "Bay Area area" not in region[0].text

    me = Profile(
        location="Oakland, CA",
        experience=(Position("DevOps", "N26", "2018", "2021", "Berlin, Germany"),),
    )
    them = Profile(
        location="Lagos, Nigeria",
        source_url=URL,
        experience=(Position("SRE", "SoundCloud", "2014", "2020", "Berlin"),),
    )
    assert _keys(_points(me, them)) == {("place", "berlin")}


def test_a_city_where_both_worked_for_one_employer_is_not_a_second_point() -> None:
    me = Profile(experience=(Position("iOS", "Facebook", "2016", "2019", "Menlo Park, CA"),))
    them = Profile(
        source_url=URL,
        location="London",
        experience=(Position("Director", "Meta", "2014", None, "Menlo Park, CA"),),
    )
    assert _keys(_points(me, them)) == {("employer", "meta")}


def test_skills_by_canonical_name_and_niche_beats_common() -> None:
    me = Profile(skills=("Postgres", "Python", "JS"), interests=("Erlang",))
    them = Profile(source_url=URL, skills=("PostgreSQL", "Python", "Erlang/OTP", "Java"))
    points = _points(me, them)
    assert _keys(points) == {("skill", "postgresql"), ("skill", "python"), ("skill", "erlang")}
    by_key = {p.key: p for p in points}
    assert by_key["postgresql"].score > by_key["python"].score
    assert points[-1].key == "python"  # ranked last: everyone lists Python
    assert by_key["postgresql"].evidence[0].quote == "Skills: PostgreSQL"


def test_languages_other_than_english() -> None:
    me = Profile(languages=("English", "Español (Native or bilingual)"))
    them = Profile(source_url=URL, languages=("English", "Spanish", "Portuguese"))
    assert _keys(_points(me, them)) == {("language", "spanish")}


def test_volunteering_with_one_organisation() -> None:
    me = Profile(volunteering=(Position("Coach", "Rails Girls"),))
    them = Profile(source_url=URL, volunteering=(Position("Organiser", "RailsGirls", "2016"),))
    [point] = _points(me, them)
    assert (point.kind, point.key, point.text) == (
        "volunteering",
        "rails-girls",
        "You both volunteer with Rails Girls.",
    )


def test_people_mentioned_in_posts_are_not_the_person() -> None:
    # The trap pair: the person's post names the user's employer and school; the person has
    # neither. Only their own volunteering is shared.
    pair = next(p for p in PAIRS if p.name == "sidebar_and_mention_trap")
    keys = _keys(find_talking_points(pair.me, pair.them, pair.posts, pair.topics, None))
    assert keys == {("volunteering", "rails-girls")}


def test_rank_drops_points_without_evidence_and_duplicates() -> None:
    good = TalkingPoint("skill", "x", 0.6, (Evidence(URL, "Skills: Go"),), key="go")
    points = [
        TalkingPoint("skill", "no evidence", 0.9, (), key="rust"),
        TalkingPoint("skill", "empty quote", 0.9, (Evidence(URL, ""),), key="zig"),
        TalkingPoint("weather", "not a kind", 0.9, (Evidence(URL, "sunny"),), key="sun"),
        good,
        TalkingPoint("skill", "same again", 0.5, (Evidence(URL, "Skills: Golang"),), key="go"),
    ]
    assert rank(points) == [good]


def test_every_profile_point_has_a_known_kind_and_the_profile_url() -> None:
    for pair in PAIRS:
        for point in find_talking_points(pair.me, pair.them, [], [], None):
            assert point.kind in KINDS
            assert point.evidence[0].url == pair.them.source_url
            assert point.theirs and point.mine and point.key
