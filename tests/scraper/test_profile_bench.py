"""bench/profiles.py: the scoring the 100% figure rests on, and its command line."""

from __future__ import annotations

import json
from collections import Counter

from bench.profiles import main
from harness.profile_scoring import gold_items, profile_items, score
from scraper.models import Position, Profile, School


def test_scoring_counts_each_field_once():
    gold = {
        "name": "Jo Doe",
        "about": "x " * 100,
        "experience": [
            {
                "title": "Engineer",
                "company": "Acme",
                "dates": "Jul 2021 - Present",
                "duration": "3 yrs",
                "employment_type": None,
                "location": None,
            },
        ],
        "education": [{"school": "Uni", "degree": "BSc, Physics", "dates": "2010 - 2014"}],
        "skills": ["Go", "Go"],
    }
    ours = Profile(
        name="Jo Doe",
        about="x " * 100,
        experience=(
            Position(
                title="Engineer",
                company="Acme",
                start="2021-07",
                duration="3 yrs",
                location="Remote",
            ),
        ),
        education=(School(school="Uni", degree="BSc", field="Physics", start="2010", end="2014"),),
        skills=("Go",),
    )
    result = score(gold_items(gold), profile_items(ours))
    total = result["TOTAL"]
    # gold: name, about, 4 position fields, 3 school fields, 2 skills = 11 items
    assert (total["gold"], total["predicted"], total["tp"]) == (11, 11, 10)
    assert result["position.location"]["precision"] == 0.0  # gold says no place
    assert result["skill"]["recall"] == 0.5
    assert gold_items({"about": "a  b\n c" + "d" * 200})[("about", "a b c" + "d" * 115)] == 1


def test_nothing_parsed_scores_zero_recall():
    result = score(gold_items({"name": "Jo", "skills": ["Go"]}), Counter())
    assert result["TOTAL"]["recall"] == 0.0 and result["TOTAL"]["precision"] == 1.0


def test_command_line_json_on_the_shared_pages(shared_data, capsys):
    assert main([str(shared_data / "linkedin" / "logged-in"), "--json", "--repeat", "1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [p["page"] for p in result["pages"]] == [
        "profile1.html",
        "profile2.html",
        "profile3.html",
    ]
    assert result["fields"]["TOTAL"]["precision"] == 1.0
    assert result["fields"]["TOTAL"]["recall"] == 1.0


def test_command_line_says_what_is_wrong_with_the_folder(tmp_path, capsys):
    assert main([str(tmp_path / "missing")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    (tmp_path / "a.html").write_text("<h1>x</h1>")
    assert main([str(tmp_path)]) == 2
    assert "no *.html page with a matching *.expected.json" in capsys.readouterr().err
