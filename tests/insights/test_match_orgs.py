"""Shared schools and employers as talking points: both spellings, the years, the evidence.

Also every calibration pair of ``tests/fixtures/pairs/orgs/calibration/`` (the pairs the rules
were built on; the held-out sets are scored by ``bench/common_ground.py`` only, never here, so
that nobody tunes on them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.pair_scoring import load_pairs, score_orgs
from insights.common_ground import find_talking_points
from insights.facts import mentions, true_of
from insights.models import Evidence, TalkingPoint
from scraper.models import Position, Profile, School

ME, THEM = "https://www.linkedin.com/in/me/", "https://www.linkedin.com/in/them/"
CALIBRATION = Path(__file__).resolve().parent.parent / "fixtures" / "pairs" / "orgs" / "calibration"


def _points(me: Profile, them: Profile) -> list[TalkingPoint]:
    return find_talking_points(me, them, [], [], embedder=None)


def test_the_issue_cases_reach_a_talking_point_with_both_spellings() -> None:
    me = Profile(
        source_url=ME,
        location="Hyderabad, Telangana, India",
        education=(School("NUI Galway", start="2012", end="2016"),),
        experience=(Position("Systems Engineer", "TCS", "2015", "2018", "Chennai, India"),),
    )
    them = Profile(
        source_url=THEM,
        education=(School("National University of Ireland, Galway", "MSc", None, "2010", "2014"),),
        experience=(
            Position(
                "Technical Lead", "Tata Consultancy Services", "2009", "2016", "Mumbai, India"
            ),
        ),
    )
    points = {p.kind: p for p in _points(me, them)}
    school, employer = points["school"], points["employer"]
    assert school.text == (
        "You both studied at University of Galway (your NUI Galway), and your years there "
        "overlap: you were both there in 2012–2014."
    )
    assert school.evidence == (
        Evidence(THEM, "National University of Ireland, Galway · MSc · 2010–2014"),
        Evidence(
            ME,
            "your NUI Galway; their National University of Ireland, Galway (NUI stands for "
            "National University of Ireland)",
        ),
    )
    assert (school.mine, school.theirs) == (
        "NUI Galway · 2012–2016",
        "National University of Ireland, Galway · 2010–2014",
    )
    assert employer.key == "tata consultancy services"
    assert employer.text.startswith("You both worked at Tata Consultancy Services (your TCS)")
    assert employer.evidence[1].quote == (
        "your TCS; their Tata Consultancy Services (TCS stands for Tata Consultancy Services)"
    )


def test_a_unit_of_a_firm_is_worded_as_the_firm() -> None:
    # Their "Microsoft IDC" and my "Microsoft": we both worked at Microsoft, not both at its IDC.
    me = Profile(source_url=ME, experience=(Position("Engineer", "Microsoft", "2018", "2020"),))
    them = Profile(
        source_url=THEM, experience=(Position("Principal PM", "Microsoft IDC", "2015", "2022"),)
    )
    (point,) = [p for p in _points(me, them) if p.kind == "employer"]
    assert point.text.startswith("You both worked at Microsoft, and your years there overlap")
    assert point.evidence[1].quote == (
        "your Microsoft; their Microsoft IDC (Microsoft IDC is part of Microsoft)"
    )
    # Initials and a unit ("KPMG Advisory") are worded as the firm too.
    them_kpmg = Profile(source_url=THEM, experience=(Position("Partner", "KPMG Advisory"),))
    me_kpmg = Profile(source_url=ME, experience=(Position("Associate", "KPMG"),))
    (point,) = [p for p in _points(me_kpmg, them_kpmg) if p.kind == "employer"]
    assert point.text.startswith("You both worked at KPMG")
    assert "KPMG Advisory" not in point.text
    # One of a university's schools is worded as the university.
    them_ross = Profile(
        source_url=THEM,
        education=(School("University of Michigan - Ross School of Business", "MBA"),),
    )
    me_umich = Profile(source_url=ME, education=(School("University of Michigan", "BS"),))
    (point,) = [p for p in _points(me_umich, them_ross) if p.kind == "school"]
    assert point.text.startswith("You both studied at University of Michigan")
    # The other way round the unit is mine, and the text names their firm.
    (point,) = [p for p in _points(them, me) if p.kind == "employer"]
    assert point.text.startswith("You both worked at Microsoft (your Microsoft IDC)")


def test_an_overlap_scores_higher_than_years_apart_and_says_how_far_apart() -> None:
    them = Profile(source_url=THEM, experience=(Position("Engineer", "Microsoft", "2012", "2015"),))
    apart = _points(Profile(experience=(Position("PM", "Microsoft", "2017", "2020"),)), them)
    together = _points(Profile(experience=(Position("PM", "Microsoft", "2014", "2020"),)), them)
    assert apart[0].text == "You both worked at Microsoft: you joined two years after they left."
    assert together[0].text == (
        "You both worked at Microsoft, and your years there overlap: you were both there in "
        "2014–2015."
    )
    assert together[0].score > apart[0].score


def test_one_linkedin_page_joins_two_names_and_the_evidence_links_it() -> None:
    me = Profile(
        experience=(
            Position("Analyst", "Brightwave", "2018", "2021",
                     company_url="https://uk.linkedin.com/company/10442918?trk=x"),
        )
    )  # fmt: skip
    them = Profile(
        source_url=THEM,
        experience=(
            Position("CTO", "Brightwave Analytics", "2019", None,
                     company_url="https://www.linkedin.com/company/10442918/"),
        ),
    )  # fmt: skip
    [point] = _points(me, them)
    assert point.evidence[1] == Evidence(
        "https://www.linkedin.com/company/10442918/",
        "your Brightwave; their Brightwave Analytics (one LinkedIn page, "
        "linkedin.com/company/10442918/)",
    )


def test_false_friends_give_no_point() -> None:
    me = Profile(
        location="Galway, Ireland",
        education=(School("NUI Galway"), School("USC")),
        experience=(Position("Clinical Research Associate", "BMS", "2018", None, "Princeton, NJ"),),
    )
    them = Profile(
        source_url=THEM,
        location="Galway, Ireland",
        education=(School("Galway Technical Institute"), School("University of South Carolina")),
        experience=(Position("Engineer", "Blue Mountain Software", "2016", None, "Denver, CO"),),
    )
    assert [p for p in _points(me, them) if p.kind in ("school", "employer")] == []


def test_a_city_where_both_worked_for_one_employer_under_two_names_is_one_point() -> None:
    me = Profile(
        location="Lagos, Nigeria",
        experience=(Position("Engineer", "TCS", "2015", "2018", "Chennai, India"),),
    )
    them = Profile(
        source_url=THEM,
        location="London, UK",
        experience=(Position("Lead", "Tata Consultancy Services", "2016", None, "Chennai, India"),),
    )
    assert {(p.kind, p.key) for p in _points(me, them)} == {
        ("employer", "tata consultancy services")
    }


def test_messages_that_write_the_short_form_name_the_organisation() -> None:
    assert mentions("I spent three years at TCS in Chennai.", "Tata Consultancy Services")
    assert not mentions("Our API is slow.", "Acme Payments Inc")
    other = Profile(experience=(Position("Lead", "TCS"),))
    assert true_of("Tata Consultancy Services", other)  # the swap test counts it as shared
    assert not true_of("Galway Technical Institute", Profile(education=(School("NUI Galway"),)))


@pytest.mark.parametrize("pair", load_pairs(CALIBRATION, holdout=False), ids=lambda p: p.name)
def test_calibration_pairs(pair) -> None:
    score = score_orgs(pair, find_talking_points(pair.me, pair.them, pair.posts, [], None))
    assert score.false_claims == [] and score.unexpected == [], pair.description
    assert score.missed == [], pair.description
    assert score.overlap_wrong == [], pair.description
    assert score.hits == score.points == score.found == score.expected


def test_where_a_person_was_during_a_school_is_roles_strictly_inside_its_years() -> None:
    from insights.match_orgs import _during

    profile = Profile(
        experience=(
            Position(
                title="Intern",
                company="A",
                start="2015-06",
                end="2015-09",
                location="Irbid, Jordan",
            ),
            Position(
                title="Engineer", company="B", start="2016-07", end=None, location="Amman, Jordan"
            ),
            Position(title="Analyst", company="C", start="2009", end="2012", location="Dubai, UAE"),
        )
    )
    places = _during(profile, School(school="JUST", start="2012", end="2016"))
    # The internship is inside; a job that starts the year the degree ends, or ends the year
    # it starts, is after or before it.
    assert [p.city for p in places] == ["Irbid"]
    assert _during(profile, School(school="JUST")) == ()
