"""Date ranges and links as the profile parsers read them."""

from __future__ import annotations

import pytest

from scraper.profile.linkedin_dom import unwrap_redirect
from scraper.profile.text import (
    DateRange,
    absolute_url,
    blog_urls_in_text,
    normalise_date,
    parse_date_range,
)
from scraper.soup import make_soup, prepare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jul 2021 - Present", DateRange("2021-07", None, None, True)),
        ("Jul 2021 – Present · 3 yrs 1 mo", DateRange("2021-07", None, "3 yrs 1 mo", True)),
        ("Aug 2020 - Jun 2021 · 11 mos", DateRange("2020-08", "2021-06", "11 mos")),
        ("2019 - 2021", DateRange("2019", "2021")),
        ("2018 – 2018", DateRange("2018", "2018")),
        ("September 2015 — May 2019", DateRange("2015-09", "2019-05")),
        ("Aug 2022", DateRange("2022-08", "2022-08")),
        ("2021-03 - present", DateRange("2021-03", None, None, True)),
        ("jan. 2022 – nu · 2 år 7 mån", DateRange("2022-01", None, "2 år 7 mån", True)),
        ("juil. 2019 - aujourd’hui", DateRange("2019-07", None, None, True)),
        ("juin 2015 – déc. 2018", DateRange("2015-06", "2018-12")),
        ("März 2020 – Okt. 2021", DateRange("2020-03", "2021-10")),
    ],
)
def test_date_ranges(text, expected):
    assert parse_date_range(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Stockholm, Sweden",
        "Full-time",
        "5 yrs 11 mos",
        "Foo 2020 - Bar",
        "Present",
        "Since 2019 - 2020",
        "Issued by Venture Cup · Dec 2019",
    ],
)
def test_lines_that_are_not_dates(text):
    assert parse_date_range(text) is None


def test_normalise_date():
    assert normalise_date("Jul 2021") == "2021-07"
    assert normalise_date("2021-7-15") == "2021-07"
    assert normalise_date("2021-07-15T10:00:00Z") == "2021-07"
    assert normalise_date("2019") == "2019"
    assert normalise_date("Smarch 2019") is None


def test_links():
    assert absolute_url("/blog/", "https://a.example/about/") == "https://a.example/blog/"
    assert absolute_url("mailto:a@b.example", "https://a.example/") is None
    assert absolute_url("javascript:void(0)", "https://a.example/") is None
    assert absolute_url("#top", "https://a.example/") is None
    wrapped = (
        "https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fjane%2Edev%2Fblog&urlhash=x"
    )
    assert unwrap_redirect(wrapped) == "https://jane.dev/blog"


def test_prepare_drops_scripts_but_keeps_json_ld():
    html = (
        "<p>a</p><script>var x = '<p>not text</p>';</script><style>p{}</style>"
        '<script type="application/ld+json">{"name": "Jo"}</script><!-- note --><svg><g/></svg>'
        "<p>b</p><script>unclosed"
    )
    out = prepare(html)
    assert "not text" not in out and "p{}" not in out and "note" not in out and "<g" not in out
    assert '{"name": "Jo"}' in out and "<p>a</p>" in out and "<p>b</p>" in out
    assert "unclosed" not in out


def test_prepare_drops_hidden_data_blocks_but_keeps_visible_code():
    html = '<p>a</p><code style="display: none" id="bpr-guid-1">{"huge": "json"}</code>'
    html += "<p>I maintain <code>rustc</code> docs</p>"
    out = prepare(html)
    assert "huge" not in out and "<code>rustc</code>" in out


@pytest.mark.parametrize(
    "page", ["http://x.example/a", "a.html", '<?xml version="1.0"?><rss/>', b"https://x"]
)
def test_inputs_beautifulsoup_warns_about_parse_quietly(page):
    """pytest turns warnings into errors: these inputs must parse without any warning."""
    soup = make_soup(page)
    assert soup is not None


def test_prepare_keeps_json_ld_whole_even_with_markup_in_its_strings():
    html = '<script type="application/ld+json">{"description": "a <!-- b <script> c"}</script><p>x'
    assert '{"description": "a <!-- b <script> c"}' in prepare(html)


def test_blog_urls_in_free_text():
    text = (
        "Idea Cup winner: https://venturecup.ideahunt.io/ideas/eed399fe. I write at "
        "https://jane.dev/blog/, on https://janedoe.substack.com and https://blog.jane.dev. "
        "Course: https://novare-tech-education.web.app"
    )
    assert blog_urls_in_text(text) == [
        "https://jane.dev/blog/",
        "https://janedoe.substack.com",
        "https://blog.jane.dev",
    ]
    assert blog_urls_in_text(None) == []


def test_make_soup_leaves_the_process_warning_filters_alone():
    # warnings.catch_warnings swaps the process-wide filters, which races with other threads
    # parsing at the same time; make_soup must not touch them, and must not warn either.
    import threading
    import warnings

    before = list(warnings.filters)
    inputs = ["https://example.org/looks-like-a-url", "page.html", '<?xml version="1.0"?><p>x</p>']
    errors: list[BaseException] = []

    def parse() -> None:
        try:
            for _ in range(50):
                for text in inputs:
                    make_soup(text, keep_scripts=True)
                    make_soup(text)
        except BaseException as exc:  # a warning is an error in this suite
            errors.append(exc)

    threads = [threading.Thread(target=parse) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert warnings.filters == before
