"""Round 2 of personal pages: CV lines in either order, employment types, portfolio grids.

personal-round2/ is what round 2 was tuned on; personal-round2-holdout/ was frozen before any
round-2 change and is measured, not tuned on (bench/profiles.py prints its figures).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from scraper.profile import parse_profile
from scraper.profile.markup import as_soup
from scraper.profile.page_sections import names_school, page_positions, page_schools, page_skills

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "profiles"


def _score(folder: Path) -> dict:
    from harness.profile_scoring import gold_items, profile_items, score

    expected, got = Counter(), Counter()
    for page in sorted(folder.glob("*.html")):
        gold = json.loads(page.with_suffix("").with_suffix(".expected.json").read_text("utf-8"))
        expected += gold_items(gold)
        got += profile_items(parse_profile(page.read_text("utf-8"), gold["url"]), gold)
    return score(expected, got)["TOTAL"]


def test_round_two_tuning_pages_keep_their_score():
    """Measured before round 2 at 74.0% precision, 41.1% recall; tuned on since."""
    total = _score(FIXTURES / "personal-round2")
    assert total["precision"] >= 0.95 and total["recall"] >= 0.95, total


def _page(body: str) -> str:
    return f"<html><body><main>{body}</main></body></html>"


def test_education_lines_in_either_order_keep_the_school_with_its_city():
    soup = as_soup(
        _page(
            "<h2>Education</h2><ul>"
            "<li>M.Tech, Computer Science — Indian Institute of Technology Madras, Chennai"
            " <em>2016 – 2018</em></li>"
            "<li>Anna University, Chennai — B.E., Electronics <em>2012 – 2016</em></li></ul>"
        )
    )
    got = [(s.school, s.degree, s.field, s.start, s.end) for s in page_schools(soup)]
    iit = "Indian Institute of Technology Madras, Chennai"
    assert got == [
        (iit, "M.Tech", "Computer Science", "2016", "2018"),
        ("Anna University, Chennai", "B.E.", "Electronics", "2012", "2016"),
    ]


def test_a_word_before_a_year_is_no_month():
    line = "<li><b>Engineer</b>, Acme, Chennai 2016 – 2018</li>"
    soup = as_soup(_page(f"<h2>Experience</h2><ul>{line}</ul>"))
    (job,) = page_positions(soup)
    assert (job.company, job.location, job.start, job.end) == ("Acme", "Chennai", "2016", "2018")


@pytest.mark.parametrize(
    ("line", "title", "company", "place", "kind"),
    [
        ("<b>Research Intern</b> · MSR India · Bengaluru (internship) <em>May 2017 – Jul 2017</em>",
         "Research Intern", "MSR India", "Bengaluru", "Internship"),
        ("<b>Data analyst</b> · Freelance <em>2018 – 2019</em>",
         "Data analyst", None, None, "Freelance"),
        ("Illustrator, self-employed, Hamburg (2020–present)",
         "Illustrator", None, "Hamburg", "Self-employed"),
        ("Designer, Kunsthalle, part-time (2014–2016)",
         "Designer", "Kunsthalle", None, "Part-time"),
        ("<b>Staff Engineer</b> · Satispay · Milan <em>2023 – present</em>",
         "Staff Engineer", "Satispay", "Milan", None),
    ],
)  # fmt: skip
def test_employment_types_come_out_of_the_line(line, title, company, place, kind):
    (job,) = page_positions(as_soup(_page(f"<h2>Experience</h2><ul><li>{line}</li></ul>")))
    got = (job.title, job.company, job.location, job.employment_type)
    assert got == (title, company, place, kind)


def test_a_flat_timeline_grid_is_rows_and_its_degree_row_is_education():
    cells = [
        ("2021 — Now", "Lead Designer", "Productboard"),
        ("2016 — 2018", "UI Designer (part-time)", "Socialbakers"),
        ("2011 — 2016", "MgA., Graphic Design", "Academy of Arts in Prague"),
    ]
    grid = "".join(f"<div>{a}</div><div>{b}</div><div>{c}</div>" for a, b, c in cells)
    soup = as_soup(_page(f'<h2>Timeline</h2><div class="grid">{grid}</div>'))
    jobs = [(p.title, p.company, p.start, p.end, p.employment_type) for p in page_positions(soup)]
    assert jobs == [
        ("Lead Designer", "Productboard", "2021", None, None),
        ("UI Designer", "Socialbakers", "2016", "2018", "Part-time"),
    ]
    (school,) = page_schools(soup)
    got = (school.school, school.degree, school.start)
    assert got == ("Academy of Arts in Prague", "MgA., Graphic Design", "2011")


def test_a_portfolio_section_with_the_id_work_is_not_experience():
    soup = as_soup(
        _page(
            '<section id="work"><h2>Selected work</h2><div><h3>Roadmaps</h3>'
            "<div>Productboard · 2021 – 2023</div></div></section>"
        )
    )
    assert page_positions(soup) == []


@pytest.mark.parametrize("heading", ["Toolbox", "Services", "What I do", "Tools"])
def test_skill_lists_under_other_headings(heading):
    soup = as_soup(_page(f"<h2>{heading}</h2><ul><li>Python</li><li>SQL</li></ul>"))
    assert page_skills(soup) == ["Python", "SQL"]


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Indian Institute of Technology Madras", True),
        ("Politecnico di Milano", True),
        ("Le Wagon", True),
        ("Swiggy", False),
        ("Computer Science and Engineering", False),
    ],
)
def test_what_names_a_school(text, school):
    assert names_school(text) is school


def test_a_bio_that_joined_and_was_promoted_gives_both_roles_with_years():
    from scraper.profile.bio import read_bio

    facts = read_bio(
        "I joined UCT as a senior lecturer in 2016 and was promoted to associate professor in "
        "2021. Before that I spent three years as a graduate engineer at Rand Water."
    )
    assert (facts.title, facts.employer, facts.since) == ("Associate professor", "UCT", "2021")
    past = [(p.title, p.company, p.start, p.end) for p in facts.past]
    assert past == [
        ("Senior lecturer", "UCT", "2016", "2021"),
        ("Graduate engineer", "Rand Water", None, None),
    ]
    assert "Rand Water" not in facts.schools  # a graduate engineer did not graduate from it


def test_a_school_of_the_and_no_lone_university():
    from scraper.profile.bio import read_bio

    facts = read_bio(
        "I received my PhD from ETH Zurich in 2014, after a BSc in Civil Engineering from the "
        "University of the Witwatersrand. I supervise at the University's Water Institute."
    )
    assert facts.schools == ("ETH Zurich", "University of the Witwatersrand")
    assert facts.degrees == {"ETH Zurich": "PhD", "University of the Witwatersrand": "BSc"}
    assert facts.fields == {"University of the Witwatersrand": "Civil Engineering"}


def test_jobs_written_as_headings_with_their_dates_below():
    soup = as_soup(
        _page(
            "<article><h2>Work</h2>"
            "<h3>Platform Engineer · Wise · Tallinn</h3>"
            "<p><time>Jan 2022</time> – present</p><p>Ran the build farm.</p>"
            "<h3>DevOps Engineer (part-time) · Bolt · Tallinn</h3>"
            "<p><span>May 2019</span> – <span>Dec 2021</span></p></article>"
        )
    )
    jobs = [(p.title, p.company, p.location, p.start, p.end, p.employment_type)
            for p in page_positions(soup)]  # fmt: skip
    assert jobs == [
        ("Platform Engineer", "Wise", "Tallinn", "2022-01", None, None),
        ("DevOps Engineer", "Bolt", "Tallinn", "2019-05", "2021-12", "Part-time"),
    ]


def test_skills_written_as_tags():
    soup = as_soup(
        _page('<h2>Skills</h2><div class="tags"><span>Go</span><span>Terraform</span></div>')
    )
    assert page_skills(soup) == ["Go", "Terraform"]


def _academic(subtitle: str, address: str, prose: str) -> str:
    return (
        "<html><head><title>Ana Ruiz</title></head><body><main><h1>Ana Ruiz</h1>"
        f'<p class="desc">{subtitle}</p><div class="address">{address}</div>'
        f"<p>{prose}</p></main></body></html>"
    )


def test_an_address_block_gives_the_place_and_an_affiliation_line_the_employer():
    page = _academic(
        "Department of Geophysics · Universidad de Chile",
        "<p>Beauchef 850, Office 312</p><p>Santiago, Chile</p>",
        "I study clouds. Before that I worked as a software engineer at Meteo Chile.",
    )
    profile = parse_profile(page, "https://anaruiz.example/")
    assert profile is not None and profile.location == "Santiago, Chile"
    assert [(p.title, p.company) for p in profile.experience] == [
        (None, "Universidad de Chile"),
        ("Software engineer", "Meteo Chile"),
    ]


def test_an_affiliation_line_gives_way_to_a_bio_that_names_the_employer():
    page = _academic(
        "Department of Geophysics · Universidad de Chile",
        "<p>Santiago, Chile</p>",
        "I am an assistant professor at the Universidad de Chile.",
    )
    profile = parse_profile(page, "https://anaruiz.example/")
    assert profile is not None
    assert [(p.title, p.company) for p in profile.experience] == [
        ("Assistant professor", "Universidad de Chile")
    ]


def test_a_self_employed_current_role_is_the_headline_without_a_company():
    page = _page(
        "<h1>Ana Ruiz</h1><h2>Experience</h2><ul>"
        "<li>Illustrator, self-employed, Hamburg (2020–present)</li>"
        "<li>Designer, Kunsthalle, part-time (2014–2016)</li></ul>"
    ).replace("<html>", "<html><head><title>Ana Ruiz</title></head>")
    profile = parse_profile(page, "https://anaruiz.example/about/")
    assert profile is not None and profile.headline == "Illustrator"


def test_a_past_role_with_a_less_common_title_word():
    from scraper.profile.bio import read_bio

    facts = read_bio("Before that I worked for two years as a forecaster at Meteo Chile.")
    assert [(p.title, p.company) for p in facts.past] == [("Forecaster", "Meteo Chile")]


def test_round_two_held_out_pages_keep_their_score():
    """personal-round2-holdout/ was frozen before any round-2 change (65.6% precision, 30.4%
    recall) and measured once on the final round-2 code, not tuned on: 97.0%, 92.8%. Seen data
    now: this guards the figure; it is not evidence of it."""
    total = _score(FIXTURES / "personal-round2-holdout")
    assert total["precision"] >= 0.95 and total["recall"] >= 0.9, total
