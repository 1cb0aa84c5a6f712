"""Personal sites as profiles: a blog's home named by its site name, a prose bio, About text with
its lists, profiles elsewhere linked without rel="me", and which page to read for About."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from scraper.profile import parse_profile
from scraper.profile.bio import read_bio
from scraper.profile.personal import about_page_of
from scraper.profile.site_owner import as_name
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


# Pages as real generators write them (Hugo, Jekyll, Ghost, Squarespace, Substack, by hand).
# personal/ is what the parser was tuned on; each personal-holdout*/ set was frozen before the
# code it was first measured on saw it.
TUNED = FIXTURES / "personal"
HELD_OUT = sorted(FIXTURES.glob("personal-holdout*"))


def _gold(folder: Path) -> list[tuple[str, str, dict]]:
    return [
        (p.name, p.read_text(encoding="utf-8"), json.loads(p.with_suffix("").with_suffix(
            ".expected.json").read_text(encoding="utf-8")))
        for p in sorted(folder.glob("*.html"))
    ]  # fmt: skip


# Fields of the tuning pages the parser does not read, on purpose: "Data Engineer @ Talkdesk ·
# Lisbon" ends with a place, but what follows "·" in a tagline is as often a topic or a hobby.
KNOWN_MISSES = {"hugo-coder-home.html": [("location", "Lisbon")]}


@pytest.mark.parametrize(("page", "html", "gold"), _gold(TUNED), ids=lambda x: str(x)[:30])
def test_generator_pages_match_every_field_and_website(page, html, gold):
    from harness.profile_scoring import gold_items, missing_and_extra, profile_items

    profile = parse_profile(html, gold["url"])
    assert profile is not None, page
    missing, extra = missing_and_extra(gold_items(gold), profile_items(profile, gold))
    assert missing == KNOWN_MISSES.get(page, []) and not extra, f"{page}: {missing}, {extra}"
    assert list(profile.websites) == gold["websites"]


@pytest.mark.parametrize("folder", HELD_OUT, ids=lambda p: p.name)
def test_held_out_generator_pages_keep_their_score(folder):
    """Each held-out set was scored once on code that had never seen it (set 1: 26 of 42
    fields, set 2: 22 of 37, set 3: 29 of 47, set 4: 4 of 17, set 5: 22 of 47, set 6: 8 of 40),
    then again after general fixes made once its failures had been looked at. Sets 7 and 8 were
    measured once on the final code and not tuned on (29 of 30, 19 of 20). Seen data now: this
    guards the figures; it is not evidence of them."""
    from harness.profile_scoring import gold_items, profile_items, score

    expected, got = Counter(), Counter()
    for _, html, gold in _gold(folder):
        expected += gold_items(gold)
        got += profile_items(parse_profile(html, gold["url"]), gold)
    total = score(expected, got)["TOTAL"]
    assert total["precision"] >= 0.95 and total["recall"] >= 0.9, total


def _blog(site_name: str, footer: str, extra_head: str = "") -> str:
    return (
        f"<html><head><title>{site_name}</title>"
        f'<meta property="og:site_name" content="{site_name}">{extra_head}</head><body>'
        f'<header><a href="/">{site_name}</a><nav><a href="/archive/">Archive</a>'
        '<a href="/tags/">Tags</a></nav></header><main>'
        '<article><h2><a href="/p/1/">One</a></h2></article>'
        '<article><h2><a href="/p/2/">Two</a></h2>'
        '<a href="/category/notes/">notes</a> <a href="/tags/writing/">writing</a></article>'
        f"</main><footer>{footer}</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "name"),
    [
        # The blog's title names no one once the page names its author.
        (_blog("Slow Compile", "© 2025 Ines Moreau"), "Ines Moreau"),
        (_blog("Slow Compile", "", '<meta name="author" content="Ines Moreau">'), "Ines Moreau"),
        # A site named after its owner still names them.
        (_blog("Ines Moreau", "© 2025 Ines Moreau"), "Ines Moreau"),
        # Two places agreeing on "Slow Compile" and no one else: the site's name is all there is.
        (_blog("Slow Compile", "© 2025 Slow Compile"), "Slow Compile"),
    ],
)
def test_a_blog_title_is_the_owners_name_only_when_nothing_names_a_person(page, name):
    profile = parse_profile(page, "https://slowcompile.dev/")
    assert profile is not None and profile.name == name


def test_section_links_of_the_site_are_not_websites():
    profile = parse_profile(_blog("Slow Compile", "© 2025 Ines Moreau"), "https://slowcompile.dev/")
    assert profile.websites == ("https://slowcompile.dev/archive/", "https://slowcompile.dev/")


@pytest.mark.parametrize(
    ("title", "heading", "text", "name"),
    [
        ("About", "About", "Hi, I’m Carmen Ortiz. I write about backend systems.", "Carmen Ortiz"),
        ("About - Bits and Brews", "About", "I’m Jo, and I bake.", None),
        ("Blog", "Blog", "I am an assistant professor at Carnegie Mellon University.", None),
        ("Mehmet Yılmaz - Homepage", "Home", "I study networks.", "Mehmet Yılmaz"),
    ],
)
def test_a_page_heading_is_never_a_name(title, heading, text, name):
    page = f"<html><head><title>{title}</title></head><body><h1>{heading}</h1><p>{text}</p>"
    profile = parse_profile(page, "https://example.org/about/")
    assert (profile.name if profile else None) == name


def test_a_first_name_introduced_is_completed_from_the_page():
    page = (
        "<html><head><title>About - The Data Dispatch</title></head><body><main>"
        "<h1>About</h1><p>I’m Rachel, a staff data scientist at Spotify in Stockholm.</p></main>"
        '<div class="footer-copyright">© 2025 Rachel Kim</div></body></html>'
    )
    profile = parse_profile(page, "https://datadispatch.example/about")
    assert (profile.name, profile.headline, profile.location) == (
        "Rachel Kim", "Staff data scientist at Spotify", "Stockholm"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("Before joining CMU, I was a postdoctoral researcher at Microsoft Research.",
         [("Postdoctoral researcher", "Microsoft Research", None, None)]),
        ("Before that I spent four years as an analyst at Klarna.",
         [("Analyst", "Klarna", None, None)]),
        ("Between 2014 and 2016 I was a researcher at Nokia Bell Labs in Paris.",
         [("Researcher", "Nokia Bell Labs", "2014", "2016")]),
        ("I was a big fan of Rust at school.", []),
    ],
)  # fmt: skip
def test_a_bio_states_past_roles(text, past):
    assert [(p.title, p.company, p.start, p.end) for p in read_bio(text).past] == past


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Ines A. Okafor", True),  # a middle initial is not the article "a"
        ("Ines A Okafor", True),
        ("Mary J. Blige", True),
        ("A Blog About Things", False),  # a first "A" is the article
        ("The Blog", False),
    ],
)
def test_a_middle_initial_is_part_of_a_name(name, kept):
    assert (as_name(name) == name) is kept


def test_a_json_ld_person_with_a_middle_initial_is_the_owner():
    page = (
        '<html><head><title>Ines Okafor, Head Baker</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "Person", "name": "Ines A. Okafor",'
        ' "jobTitle": "Head Baker"}</script></head><body><h1>Ines Okafor</h1>'
        "<p>Head Baker at Northside Bread Co-op, Leeds.</p></body></html>"
    )
    profile = parse_profile(page, "https://ines.example/")
    assert profile is not None and profile.name == "Ines A. Okafor"


def test_a_structured_name_carrying_markup_still_names_its_person():
    # Someone may put anything in their own name; the popup shows it as text (see the
    # extension's untrusted-content test), so the profile must still be read.
    page = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "Person", "name": "Eve <img src=x onerror=alert(1)> Mallory",'
        ' "jobTitle": "Engineer"}</script></head><body><p>Hello.</p></body></html>'
    )
    profile = parse_profile(page, "https://eve.example/")
    assert profile is not None and profile.name.startswith("Eve <img")
