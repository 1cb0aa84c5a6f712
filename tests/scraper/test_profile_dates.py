"""Dates and durations in every interface language LinkedIn pages arrive in.

Each language has the forms its interface prints: abbreviated months with and without a dot,
"present" in its own word, the duration after a "·", and "less than a year".
"""

from __future__ import annotations

import pytest

from scraper.profile.dates import DateRange, is_duration, month_number, parse_date_range

CASES = {
    "en": [
        ("Jan 2020 - Present · 4 yrs 3 mos", DateRange("2020-01", None, "4 yrs 3 mos", True)),
        ("Sep 2016 – Dec 2019 · 3 yrs 4 mos", DateRange("2016-09", "2019-12", "3 yrs 4 mos")),
        ("Mar 2023 – Present · 11 mos", DateRange("2023-03", None, "11 mos", True)),
    ],
    "sv": [
        ("jan. 2022 – nu · 2 år 7 mån", DateRange("2022-01", None, "2 år 7 mån", True)),
        ("okt. 2015 – maj 2018 · 2 år 8 mån", DateRange("2015-10", "2018-05", "2 år 8 mån")),
    ],
    "de": [
        (
            "Jan. 2020 – Heute · 4 Jahre 3 Monate",
            DateRange("2020-01", None, "4 Jahre 3 Monate", True),
        ),
        (
            "Mai 2017 – Dez. 2019 · 2 Jahre 8 Monate",
            DateRange("2017-05", "2019-12", "2 Jahre 8 Monate"),
        ),
        ("März 2021 – Okt. 2021 · 8 Mon.", DateRange("2021-03", "2021-10", "8 Mon.")),
    ],
    "fr": [
        (
            "janv. 2019 - aujourd’hui · 5 ans 2 mois",
            DateRange("2019-01", None, "5 ans 2 mois", True),
        ),
        ("janv. 2019 - aujourd'hui", DateRange("2019-01", None, None, True)),
        ("févr. 2014 – juil. 2018 · 4 ans 6 mois", DateRange("2014-02", "2018-07", "4 ans 6 mois")),
        ("sept. 2012 – juin 2013 · 10 mois", DateRange("2012-09", "2013-06", "10 mois")),
    ],
    "es": [
        (
            "ene. 2020 - actualidad · 4 años 3 meses",
            DateRange("2020-01", None, "4 años 3 meses", True),
        ),
        (
            "abr. 2015 – dic. 2019 · 4 años 9 meses",
            DateRange("2015-04", "2019-12", "4 años 9 meses"),
        ),
        ("sept. 2021 - la actualidad · 1 año", DateRange("2021-09", None, "1 año", True)),
    ],
    "pt": [
        (
            "jan. de 2020 - o momento · 4 anos 3 meses",
            DateRange("2020-01", None, "4 anos 3 meses", True),
        ),
        (
            "fev. de 2016 – out. de 2019 · 3 anos 9 meses",
            DateRange("2016-02", "2019-10", "3 anos 9 meses"),
        ),
        ("set. 2018 – dez. 2018 · 4 meses", DateRange("2018-09", "2018-12", "4 meses")),
    ],
    "it": [
        ("gen 2020 - Presente · 4 anni 3 mesi", DateRange("2020-01", None, "4 anni 3 mesi", True)),
        ("mag 2016 – ott 2019 · 3 anni 6 mesi", DateRange("2016-05", "2019-10", "3 anni 6 mesi")),
        ("giu 2021 – lug 2021 · 2 mesi", DateRange("2021-06", "2021-07", "2 mesi")),
    ],
    "nl": [
        (
            "jan. 2020 - heden · 4 jaar 3 maanden",
            DateRange("2020-01", None, "4 jaar 3 maanden", True),
        ),
        (
            "mrt. 2015 – mei 2019 · 4 jaar 3 maanden",
            DateRange("2015-03", "2019-05", "4 jaar 3 maanden"),
        ),
        ("okt. 2019 – nu · 1 jr 2 mnd", DateRange("2019-10", None, "1 jr 2 mnd", True)),
    ],
    "pl": [
        ("sty 2020 – obecnie", DateRange("2020-01", None, None, True)),
        ("sty 2020 – obecnie · 4 lata 3 mies.", DateRange("2020-01", None, "4 lata 3 mies.", True)),
        (
            "paź 2014 – lip 2019 · 4 lata 10 mies.",
            DateRange("2014-10", "2019-07", "4 lata 10 mies."),
        ),
        ("wrz 2011 – cze 2012 · 10 mies.", DateRange("2011-09", "2012-06", "10 mies.")),
    ],
}

DURATIONS = {
    "en": ["3 yrs 1 mo", "1 yr", "11 mos", "less than a year"],
    "sv": ["2 år 7 mån", "mindre än ett år"],
    "de": ["1 Jahr 1 Monat", "4 Jahre 3 Monate", "2 J. 3 Mon.", "weniger als ein Jahr"],
    "fr": ["1 an 1 mois", "5 ans 2 mois", "moins d’un an", "moins d'un an"],
    "es": ["1 año 1 mes", "4 años 3 meses", "menos de un año"],
    "pt": ["1 ano 1 mês", "4 anos 3 meses", "menos de um ano"],
    "it": ["1 anno 1 mese", "4 anni 3 mesi", "meno di un anno"],
    "nl": ["1 jaar 1 maand", "4 jaar 3 maanden", "1 jr 2 mnd", "minder dan een jaar"],
    "pl": ["1 rok 1 mies.", "2 lata", "5 lat 2 mies.", "mniej niż rok"],
}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [(lang, text, want) for lang, cases in CASES.items() for text, want in cases],
)
def test_date_ranges_in_each_language(language, text, expected):
    assert parse_date_range(text) == expected, language


@pytest.mark.parametrize(
    ("language", "text"),
    [(lang, text) for lang, texts in DURATIONS.items() for text in texts],
)
def test_durations_in_each_language(language, text):
    assert is_duration(text), language


@pytest.mark.parametrize(
    "text",
    ["Warszawa, Polska", "Pełny etat", "Senior Engineer 2020", "Stage 2019", "2 experiences"],
)
def test_other_lines_are_neither_dates_nor_durations(text):
    assert parse_date_range(text) is None
    assert not is_duration(text)


def test_full_month_names_and_their_inflections():
    words = {
        "września": 9,
        "października": 10,
        "lipca": 7,
        "juillet": 7,
        "juin": 6,
        "Dezember": 12,
        "maart": 3,
        "settembre": 9,
        "outubro": 10,
    }
    assert {w: month_number(w) for w in words} == words
    assert month_number("Smarch") is None
