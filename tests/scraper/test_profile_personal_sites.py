"""Personal sites as profiles: a blog's home named by its site name, a prose bio, About text with
its lists, profiles elsewhere linked without rel="me", and which page to read for About."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.profile import parse_profile
from scraper.profile.bio import read_bio
from scraper.profile.personal import about_page_of
from scraper.profile.social import profile_address

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "profiles"
BIOS = json.loads((FIXTURES / "prose" / "bios.json").read_text(encoding="utf-8"))


def _facts(text: str) -> dict:
    facts = read_bio(text)
    return {
        "title": facts.title,
        "employer": facts.employer,
        "place": facts.place,
        "schools": list(facts.schools),
    }


@pytest.mark.parametrize("case", BIOS["calibration"], ids=lambda c: c["text"][:40])
def test_prose_bio_calibration(case):
    assert _facts(case["text"]) == {k: case[k] for k in ("title", "employer", "place", "schools")}


@pytest.mark.parametrize("case", BIOS["held_out"], ids=lambda c: c["text"][:40])
def test_prose_bio_held_out(case):
    """Written before the extractor; the first run got 31 of 32 fields (see the report)."""
    assert _facts(case["text"]) == {k: case[k] for k in ("title", "employer", "place", "schools")}


@pytest.mark.parametrize(
    ("text", "title", "employer", "place"),
    [
        ("I am a Staff Engineer at Stripe.", "Staff Engineer", "Stripe", None),
        ("I'm an ML engineer at Hugging Face.", "ML engineer", "Hugging Face", None),
        ("I work on search quality at Google in Zurich.", None, "Google", "Zurich"),
    ],
)
def test_other_ways_a_bio_states_a_role(text, title, employer, place):
    facts = read_bio(text)
    assert (facts.title, facts.employer, facts.place) == (title, employer, place)


@pytest.mark.parametrize(
    "text",
    [
        "Previously I was a designer at Airbnb.",
        "I am a big fan of Rust and of long walks.",
        "I run the data team at a small fintech.",
        "We are a team of engineers at heart.",
    ],
)
def test_sentences_that_state_no_current_role(text):
    facts = read_bio(text)
    assert facts.employer is None and facts.title is None


def _home(title: str, site_name: str | None = None, footer: str = "", body: str = "") -> str:
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    return (
        f"<html><head><title>{title}</title>{meta}</head><body>"
        f'<header><a href="/">{title}</a>'
        '<nav><a href="/posts/">Posts</a></nav></header>'
        f"<main>{body}<article><h2>A post</h2></article><article><h2>Another</h2></article></main>"
        f"<footer>{footer}</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "name"),
    [
        (_home("Jane Doe", "Jane Doe"), "Jane Doe"),
        (_home("Jane Doe’s Blog", "Jane Doe’s Blog"), "Jane Doe"),
        (_home("Notes by Marta van Dijk", footer="© 2024 Marta van Dijk"), "Marta van Dijk"),
        (_home("Field Notes", "Field Notes"), None),
        (_home("The Pragmatic Engineer", "The Pragmatic Engineer"), None),
        (_home("Home", "Jane Doe"), None),  # one place alone does not make a site a person
    ],
)
def test_a_blog_home_is_named_by_its_site_name_when_it_names_a_person(page, name):
    profile = parse_profile(page, "https://example.org/")
    assert (profile.name if profile else None) == name


def test_a_post_page_names_its_author_but_its_prose_is_not_their_bio():
    page = (
        "<html><head><title>Why we moved to Kafka | Jo Ahmed</title>"
        '<meta name="author" content="Jo Ahmed"></head><body><main><article>'
        "<p>Our guest today is a data engineer at Netflix in Los Gatos.</p>"
        '<p>She is <a href="https://github.com/guest-dev">guest-dev</a> on GitHub.</p>'
        "</article></main></body></html>"
    )
    profile = parse_profile(page, "https://joahmed.dev/2024/kafka/")
    assert profile.name == "Jo Ahmed"
    assert profile.experience == () and profile.location is None
    assert not any("github.com" in site for site in profile.websites)


def test_about_keeps_its_list_and_leaves_menus_out():
    html = (FIXTURES / "about-list.html").read_text(encoding="utf-8")
    about = parse_profile(html, "https://nadiahaddad.dev/about/").about
    assert "• Teaches in Udacity’s Data Engineering and Machine Learning programs" in about
    assert "• Loves sci-fi, especially Ursula K. Le Guin and Becky Chambers" in about
    assert "Airflow sensors that do not hog workers" not in about  # a list of links
    assert "Tags" not in about  # the menu


@pytest.mark.parametrize(
    ("url", "is_profile"),
    [
        ("https://github.com/amara-ok", True),
        ("https://github.com/amara-ok/robot-gym", False),
        ("https://github.com/orgs/deepmind", False),
        ("https://scholar.google.com/citations?user=q8Zx2AQAAAAJ&hl=en", True),
        ("https://scholar.google.com/scholar?q=robots", False),
        ("https://twitter.com/amara_okonkwo", True),
        ("https://x.com/amara_okonkwo/status/1790000000000000000", False),
        ("https://bsky.app/profile/amaraokonkwo.bsky.social", True),
        ("https://bsky.app/profile/amaraokonkwo.bsky.social/post/3k", False),
        ("https://mastodon.social/@hvirtanen", True),
        ("https://fosstodon.org/@tomash/112233", False),
        ("https://orcid.org/0000-0002-1825-0097", True),
        ("https://medium.com/@jdoe", True),
        ("https://example.org/@notes", True),
        ("https://example.org/about/", False),
    ],
)
def test_profile_addresses_on_other_services(url, is_profile):
    assert profile_address(url) is is_profile


def test_which_page_to_read_for_about():
    home = (FIXTURES / "blog-home-jekyll.html").read_text(encoding="utf-8")
    assert about_page_of(home, "https://hannavirtanen.fi/") == "https://hannavirtanen.fi/about/"
    now_only = '<nav><a href="/now/">Now</a> <a href="https://other.example/about/">About</a></nav>'
    assert about_page_of(now_only, "https://jo.example/") == "https://jo.example/now/"
    on_about = '<nav><a href="/about/">About</a></nav>'
    assert about_page_of(on_about, "https://jo.example/about/") is None
    assert about_page_of("<p>no links</p>", "https://jo.example/") is None
