"""LinkedIn's 2026 layout, its embedded voyager data, and the links and names every layout shares.

The 2026 pages in tests/fixtures/profiles/linkedin-2026/ were written for these tests in five
interface languages; their gold files were written from the pages, in the shared data's format.
"""

from __future__ import annotations

import json
import random
import re
import string
from pathlib import Path

import pytest

from harness.profile_scoring import gold_items, missing_and_extra, profile_items
from scraper.profile import parse_profile
from scraper.profile.linkedin_links import org_url, unwrap_redirect
from scraper.profile.linkedin_voyager import parse_voyager, voyager_entities
from scraper.profile.names import person_name

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "profiles"
PAGES_2026 = sorted((FIXTURES / "linkedin-2026").glob("*.html"))
VOYAGER = FIXTURES / "linkedin-voyager-2025.html"


def _gold(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))


def _assert_gold(profile, gold: dict, label: str) -> None:
    assert profile is not None, f"{label}: no profile"
    missing, extra = missing_and_extra(gold_items(gold), profile_items(profile, gold))
    assert not missing and not extra, f"{label}: missing {missing}, extra {extra}"


def test_pages_cover_five_interface_languages():
    langs = {re.search(r'<html lang="(\w+)"', p.read_text("utf-8")).group(1) for p in PAGES_2026}
    assert langs == {"en", "pl", "de", "fr", "es"}


@pytest.mark.parametrize("page", PAGES_2026, ids=lambda p: p.stem)
def test_2026_page_matches_gold(page):
    gold = _gold(page)
    profile = parse_profile(page.read_text(encoding="utf-8"), gold["profile_url"])
    _assert_gold(profile, gold, page.name)
    assert list(profile.websites) == gold["websites"]
    assert list(profile.missing_sections) == gold["missing_sections"]


@pytest.mark.parametrize("page", PAGES_2026, ids=lambda p: p.stem)
def test_2026_page_is_linkedin_on_any_host(page):
    """A test server on 127.0.0.1 or a saved file: the componentkeys say LinkedIn."""
    gold = _gold(page)
    html = page.read_text(encoding="utf-8")
    for url in ("http://127.0.0.1:8123/profile/", "file:///home/me/profile.html"):
        profile = parse_profile(html, url)
        _assert_gold(profile, gold, f"{page.name} at {url}")


def _rehash(html: str, seed: int) -> str:
    rng = random.Random(seed)
    return re.sub(
        r'class="[^"]*"',
        lambda m: 'class="' + "".join(rng.choices(string.hexdigits.lower(), k=8)) + '"',
        html,
    )


@pytest.mark.parametrize("page", PAGES_2026, ids=lambda p: p.stem)
def test_2026_page_survives_new_class_names_and_other_headings(page):
    """Classes are hashed per build; headings are in the viewer's language: neither is read."""
    gold = _gold(page)
    html = _rehash(page.read_text(encoding="utf-8"), seed=len(page.name))
    headings = re.findall(r"<h2 [^>]*>([^<]*)</h2>", html)
    assert len(headings) >= 5 and gold["name"] in headings[0]
    for heading in set(headings[1:]):  # every card's title but the name
        html = html.replace(f">{heading}</h2>", ">Ṡęćtïöñ</h2>")
    _assert_gold(parse_profile(html, gold["profile_url"]), gold, page.name)


def _without_card(html: str, section: str) -> str:
    """The page as saved before a lazy card loaded: its componentkey placeholder is empty."""
    pattern = (
        rf'(<div class="[^"]*" componentkey="com\.linkedin\.sdui\.profile\.card\.ref\w+-\w+'
        rf'{section}">).*?(?=\n<div class="[^"]*" componentkey="com\.linkedin\.sdui|\n</div></div>)'
    )
    out, count = re.subn(pattern, r"\1</div>", html, flags=re.S)
    assert count == 1, section
    return out


def test_sections_not_yet_loaded_are_reported_missing():
    page = FIXTURES / "linkedin-2026" / "en-daniel-okafor.html"
    gold = _gold(page)
    html = _without_card(page.read_text(encoding="utf-8"), "ExperienceTopLevelSection")
    html = _without_card(html, "Skills")
    profile = parse_profile(html, gold["profile_url"])
    assert profile.missing_sections == ("experience", "skills")
    # What the top card says stays: the current employer, without a title it does not give.
    assert [(p.title, p.company) for p in profile.experience] == [(None, "Monzo Bank")]
    assert [s.school for s in profile.education] == [s["school"] for s in gold["education"]]
    assert profile.skills == ()


def test_other_people_on_the_page_stay_out():
    for page in PAGES_2026:
        profile = parse_profile(page.read_text(encoding="utf-8"), _gold(page)["profile_url"])
        text = json.dumps(profile.to_dict(), ensure_ascii=False)
        for other in ("Grace Adeyemi", "Marek Nowak", "Lena Vogel", "Hugo Martin", "Pablo Ruiz"):
            assert other not in text, page.name


# --- voyager JSON -------------------------------------------------------------------------


def test_embedded_voyager_data_is_read_first_and_the_page_fills_its_gaps():
    """The page's DOM shows one position; the <code> blobs hold all three, schools and skills."""
    gold = _gold(VOYAGER)
    html = VOYAGER.read_text(encoding="utf-8")
    profile = parse_profile(html, gold["url"])
    _assert_gold(profile, gold, VOYAGER.name)
    # Two paragraphs in the embedded summary stay two.
    assert profile.about.count("\n") == 1


def test_voyager_person_is_the_one_the_url_names_not_the_viewer():
    entities = voyager_entities(VOYAGER.read_text(encoding="utf-8"))
    assert {e.get("firstName") for e in entities if e.get("firstName")} == {"Mei", "Sam", "Joris"}
    assert parse_voyager(entities, "https://www.linkedin.com/in/mei-de-vries-ux/").name == (
        "Mei de Vries"
    )
    # The viewer's own profile is in the blobs but owns no entry: never taken for the person.
    assert parse_voyager(entities, "https://www.linkedin.com/in/someone-else/") is None
    # Without a URL, the person is the profile that owns the most entries.
    assert parse_voyager(entities, "").name == "Mei de Vries"


def test_voyager_blobs_about_other_people_only_leave_the_dom_to_speak(shared_data):
    """The July 2024 captures embed the viewer's and sidebar people's profiles, not the person's."""
    html = (shared_data / "linkedin" / "logged-in" / "profile2.html").read_text(encoding="utf-8")
    assert "com.linkedin.voyager.dash.identity.profile.Profile" in html
    gold = json.loads(
        (shared_data / "linkedin" / "logged-in" / "profile2.expected.json").read_text("utf-8")
    )
    assert parse_profile(html, gold["profile_url"]).name == gold["name"]


def test_voyager_scan_is_linear_on_unclosed_code():
    junk = "<code>" + "com.linkedin.voyager " * 10 + "<code " * 200_000
    assert voyager_entities(junk) == []


def test_voyager_blob_that_is_not_json_is_skipped():
    page = '<code style="display:none">{com.linkedin.voyager.identity.profile.Profile</code>'
    assert voyager_entities(page) == []


# --- organisation links and names -----------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "school", "expected"),
    [
        ("https://www.linkedin.com/company/1035/", False, "https://www.linkedin.com/company/1035/"),
        ("https://se.linkedin.com/company/Fjord-Analytics?trk=public_profile", False,
         "https://www.linkedin.com/company/fjord-analytics/"),
        ("/company/1035/life/", False, "https://www.linkedin.com/company/1035/"),
        ("https://www.linkedin.com/company/4477/", True, "https://www.linkedin.com/school/4477/"),
        ("https://www.linkedin.com/school/insa-lyon/", True,
         "https://www.linkedin.com/school/insa-lyon/"),
        ("https://www.linkedin.com/company/zalando/", True,
         "https://www.linkedin.com/company/zalando/"),
        ("https://www.linkedin.com/in/someone/", False, None),
        ("https://notlinkedin.com/company/1035/", False, None),
        ("https://example.com/company/1035/", False, None),
        ("", False, None),
    ],
)  # fmt: skip
def test_organisation_links_are_written_one_way(href, school, expected):
    assert org_url(href, school=school) == expected


def test_linkedin_wrapped_links_are_unwrapped():
    safety = "https://www.linkedin.com/safety/go/?url=https%3A%2F%2Fmei%2Edev%2Fnotes&trk=x"
    assert unwrap_redirect(safety) == "https://mei.dev/notes"
    assert unwrap_redirect("https://example.com/safety/go/?url=x") == (
        "https://example.com/safety/go/?url=x"
    )


@pytest.mark.parametrize(
    ("shown", "name"),
    [
        ("Ross Martin 🚀", "Ross Martin"),
        ("✨ Ana Costa ✨", "Ana Costa"),
        ("Jo Doe (she/her)", "Jo Doe"),
        ("👩🏽‍💻 Priya Nair", "Priya Nair"),
        ("Zoë Ølsen-Łukasiewicz", "Zoë Ølsen-Łukasiewicz"),
        ("王小明", "王小明"),
        ("🚀", None),
    ],
)
def test_names_lose_their_decoration(shown, name):
    assert person_name(shown) == name
