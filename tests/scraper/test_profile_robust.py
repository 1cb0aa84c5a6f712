"""Junk in, a partial profile or None out: never an exception, never unbounded work.

Each family parser is called directly (without parse_profile's safety net) so that a parser bug
shows up here as a failure instead of being logged and swallowed. Time is bounded per example by
Hypothesis deadlines; the figures for large pages come from bench/profiles.py --stress.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.models import Profile
from scraper.profile import decode_html, parse_profile
from scraper.profile.github import parse_github
from scraper.profile.linkedin_dom import parse_linkedin_dom
from scraper.profile.linkedin_public import parse_linkedin_public
from scraper.profile.linkedin_sdui import parse_sdui
from scraper.profile.personal import parse_personal
from scraper.soup import MAX_INPUT_CHARS, MAX_TAGS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "profiles"

PARSERS = {
    "linkedin_dom": (parse_linkedin_dom, "https://www.linkedin.com/in/someone/"),
    "linkedin_public": (parse_linkedin_public, "https://www.linkedin.com/in/someone"),
    "linkedin_sdui": (parse_sdui, "https://www.linkedin.com/in/someone/"),
    "personal": (parse_personal, "https://someone.example/about/"),
    "github": (parse_github, "https://github.com/someone"),
    "dispatch": (parse_profile, "https://someone.example/"),
}

# Pieces of the markup each parser looks for, so that random pages reach deep into the parsers.
FRAGMENTS = [
    "<section>",
    "</section>",
    '<div id="experience">',
    '<div id="education">',
    "</div>",
    '<div id="about">',
    '<div id="skills">',
    "<ul>",
    "</ul>",
    "<li>",
    "</li>",
    "<h1>",
    "</h1>",
    "<h2>",
    "Experience",
    "</h2>",
    '<span aria-hidden="true">',
    "</span>",
    "Jul 2021 - Present",
    " · 3 yrs 1 mo",
    "Acme · Full-time",
    "2019 - 2021",
    "Master's degree, Physics",
    '<a href="/overlay/contact-info/">',
    "</a>",
    '<script type="application/ld+json">',
    "</script>",
    '{"@type": "Person", "name": "A B", "worksFor": {"name": "C"}}',
    "[",
    "]",
    '{"@graph": [',
    '"alumniOf": [{"@type": "Organization"}]',
    "}",
    '<div class="h-card">',
    '<span class="p-name">',
    '<a class="u-url" href="/">',
    '<a rel="me" href="https://x.example/">',
    '<div itemscope itemtype="https://schema.org/Person">',
    '<span itemprop="name">',
    '<span itemprop="worksFor" itemscope>',
    '<meta name="author" content="Jo Doe">',
    '<meta property="og:type" content="profile">',
    "<time>2020</time>",
    "<h3>",
    "<h4>",
    '<span itemprop="programmingLanguage">',
    '<a href="/someone/repo">',
    "Pinned",
    "<article>",
    "<p>",
    "<br>",
    "&amp;",
    "\x00",
    "\ufffd",
    "<!--",
    "-->",
    "<svg>",
    "<script>",
    "Blog",
    '<a href="/blog/">',
    "<title>About | Jo Doe</title>",
    '<section data-section="experience">',
    '<div componentkey="com.linkedin.sdui.profile.card.refACoA1Topcard">',
    '<section componentkey="com.linkedin.sdui.profile.card.refACoA1ExperienceTopLevelSection">',
    '<div componentkey="com.linkedin.sdui.profile.card.refACoA1EducationTopLevelSection">',
    '<div componentkey="entity-collection-item-7">',
    '<div componentkey="com.linkedin.sdui.profile.skill(ACoA1, 1)">',
    '<a href="https://www.linkedin.com/company/1035/">',
    '<a href="/school/4477/">',
    '<span data-testid="expandable-text-box">',
    '<div role="button">',
    "sty 2020 – obecnie · 4 lata 3 mies.",
    "Pełny etat",
    '<code style="display: none">{&quot;included&quot;:[{&quot;$type&quot;:'
    "&quot;com.linkedin.voyager.dash.identity.profile.Profile&quot;,&quot;firstName&quot;:"
    "&quot;A&quot;,&quot;publicIdentifier&quot;:&quot;someone&quot;}]}</code>",
]

page_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=120).map(
    "".join
)

# A deadline per example bounds the time; it is generous because the suite shares 2 cores.
FAST = settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])


def _check(result: Profile | None) -> None:
    assert result is None or isinstance(result, Profile)
    if result is not None:
        result.to_dict()  # the shape the API returns must always serialise


@pytest.mark.parametrize("family", sorted(PARSERS))
@FAST
@given(page=page_like)
def test_parsers_take_random_pages(family, page):
    parser, url = PARSERS[family]
    _check(parser(page, url))


@pytest.mark.parametrize("family", sorted(PARSERS))
@FAST
@given(page=st.text(max_size=3000))
def test_parsers_take_random_text(family, page):
    parser, url = PARSERS[family]
    _check(parser(page, url))


@FAST
@given(
    data=st.binary(max_size=3000),
    content_type=st.sampled_from(
        [
            None,
            "text/html",
            "text/html; charset=utf-8",
            "text/html; charset=shift_jis",
            "text/html; charset=nonsense",
            "application/octet-stream; charset=utf-16",
        ]
    ),
)
def test_bytes_of_any_kind_decode_and_parse(data, content_type):
    text = decode_html(data, content_type)
    assert isinstance(text, str)
    _check(parse_profile(data, "https://someone.example/"))
    _check(parse_profile(text, "https://someone.example/"))


@FAST
@given(
    url=st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "",
                "not a url",
                "https://www.linkedin.com/in/",
                "https://github.com/",
                "ftp://x",
                "https://[::1",
                "http://github.com/a/b/c",
                "file:///tmp/x.html",
            ]
        ),
    )
)
def test_any_url_is_accepted(url):
    html = (FIXTURES / "personal-jsonld-hcard.html").read_text(encoding="utf-8")
    _check(parse_profile(html, url))


@pytest.mark.slow  # every fixture page, 40 cuts each
@FAST
@given(cut=st.floats(min_value=0.0, max_value=1.0), junk=st.sampled_from(FRAGMENTS))
def test_truncated_and_spliced_fixture_pages(cut, junk):
    for path in sorted(FIXTURES.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        at = int(len(html) * cut)
        _check(parse_profile(html[:at], "https://someone.example/"))
        _check(parse_profile(html[:at] + junk + html[at:], "https://someone.example/"))


def test_truncated_linkedin_capture_gives_a_partial_profile(shared_data):
    html = (shared_data / "linkedin" / "logged-in" / "profile1.html").read_text("utf-8")
    url = "https://www.linkedin.com/in/eduardo-alvarez-nowak/"
    full = parse_profile(html, url)
    # Cut just after the Experience card's first position: the top of the page survives.
    cut = html.index("Research Engineer")
    partial = parse_profile(html[:cut], url)
    assert partial.name == full.name and partial.headline == full.headline
    assert [p.title for p in partial.experience] == ["Tech Education Team Lead"]
    assert partial.education == ()
    for fraction in (0.01, 0.1, 0.3, 0.6, 0.9):
        _check(parse_profile(html[: int(len(html) * fraction)], url))


def test_empty_and_blank_pages_are_no_profile():
    for page in ("", "   \n", b"", None, "<html></html>", "<html><body></body></html>"):
        assert parse_profile(page, "https://someone.example/") is None


def test_binary_file_is_no_profile():
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 40
    assert parse_profile(png, "https://someone.example/me.png") is None


@pytest.mark.slow  # builds a page past the size cap
@pytest.mark.timeout(60)
def test_enormous_page_is_cut_with_a_warning(caplog):
    """50 MB: only the head is read, and the log says so; the person at the top is still found."""
    head = (FIXTURES / "personal-jsonld-hcard.html").read_text(encoding="utf-8")
    head = head.replace("</body>", "")
    page = head + "<p>filler paragraph with words</p>" * (50_000_000 // 34)
    assert len(page) > MAX_INPUT_CHARS
    with caplog.at_level(logging.WARNING, logger="scraper.profile.markup"):
        profile = parse_profile(page, "https://priyaraman.dev/")
    assert profile is not None and profile.name == "Priya Raman"
    assert any("reading only the first" in r.getMessage() for r in caplog.records)


@pytest.mark.slow  # builds a page past the tag cap
@pytest.mark.timeout(60)
def test_page_of_many_tags_is_cut_at_the_tag_cap(caplog):
    page = "<div>" * (MAX_TAGS * 5) + "x"
    with caplog.at_level(logging.WARNING, logger="scraper.profile.markup"):
        assert parse_profile(page, "https://someone.example/") is None
    assert any(f"more than {MAX_TAGS} tags" in r.getMessage() for r in caplog.records)


def test_deeply_nested_json_ld_is_skipped():
    page = (
        '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
        '<meta name="author" content="Jo Doe">'
    )
    profile = parse_profile(page, "https://jodoe.example/")
    assert profile is not None and profile.name == "Jo Doe"


def test_non_utf8_page_decodes_by_its_declared_charset():
    html = '<meta charset="windows-1252"><title>x</title><meta name="author" content="José Müller">'
    data = html.encode("cp1252")
    assert "José Müller" in decode_html(data)
    assert parse_profile(data, "https://jose.example/").name == "José Müller"
    sjis = '<meta name="author" content="佐藤 恵子">'.encode("shift_jis")
    assert "佐藤 恵子" in decode_html(sjis, "text/html; charset=Shift_JIS")
    assert decode_html("Müller".encode("utf-16"), None) == "Müller"  # BOM wins
    # Latin-1 bytes without any declaration: not UTF-8, read as Windows-1252, never raises.
    assert decode_html("Zoë Brontë, café".encode("latin-1")) == "Zoë Brontë, café"
