"""Dates, date ranges and durations as profiles write them, in the viewer's language.

LinkedIn prints a role's dates in the interface language of whoever saved the page: "Jul 2021 -
Present · 3 yrs 1 mo", "janv. 2019 - aujourd'hui · 5 ans", "sty 2020 – obecnie · 4 lata 3 mies.",
"jan. de 2020 - o momento". Each language's month names, words for "present" and duration units
are listed here, apart from the parsing, so that adding a language is adding words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")

# Month names, abbreviated and in full, as LinkedIn and CVs write them in English and in the
# interface languages of its largest European audiences: sv, de, fr, es, pt, it, nl, pl.
# A word is looked up whole, then by its first four letters, then by its first three, so
# "septembre", "lipca" (Polish genitive) and "Okt." all find their month.
_MONTH_NAMES = {
    1: "jan january janv janvier januari januar enero ene janeiro gen gennaio sty styczeń stycznia",
    2: "feb february févr fév février februari februar febrero fev fevereiro febbraio lut luty "
    "lutego",
    3: "mar march mars märz mär marzo março mrt maart marzec marca",
    4: "apr april avr avril abr abril aprile kwi kwiecień kwietnia",
    5: "may mai maj mayo maio mei mag maggio maja",
    6: "jun june juni juin junio junho giu giugno cze czerwiec czerwca",
    7: "jul july juli juil juillet julio julho lug luglio lip lipiec lipca",
    8: "aug august aoû août agosto ago augusti augustus sie sierpień sierpnia",
    9: "sep sept september septembre septiembre setembro set settembre wrz wrzesień września",
    10: "oct october okt oktober octobre octubre out outubro ott ottobre paź październik "
    "października",
    11: "nov november novembre noviembre novembro lis listopad listopada",
    12: "dec december dez dezember déc décembre dic diciembre dezembro dicembre gru grudzień "
    "grudnia",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

# "Present" in each language, as the end of a range: en, sv, de, fr, es, pt, it, nl, pl.
_PRESENT = (
    r"(?:present|now|today|current|nu|idag|pågående|heute|aktuell|bis\s+heute"
    r"|aujourd[’']hui|présent|(?:la\s+)?actualidad|presente|(?:o\s+)?momento|atualmente"
    r"|heden|oggi|attuale|obecnie|teraz|dziś)"
)
# A month word then a year ("Jul 2021", "juil. 2021", "jan. de 2020"), or a bare year or ISO date.
_DATE = r"(?:[^\W\d_]{3,12}\.?(?:\s+de)?\s+\d{4}|\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)"
# The page writes a hyphen, an en dash or an em dash between the dates, and "·" before the duration.
_RANGE = re.compile(
    rf"^\s*(?P<start>{_DATE})\s*(?:[-–—]|to)\s*(?P<end>{_DATE}|{_PRESENT})"
    rf"(?:\s*[·•]\s*(?P<duration>.+?))?\s*$",
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"^\s*(?P<start>{_DATE})(?:\s*[·•]\s*(?P<duration>.+?))?\s*$", re.IGNORECASE)

# Units of a duration ("3 yrs 1 mo", "2 år 7 mån", "4 Jahre 3 Monate", "5 ans 2 mois",
# "4 años 3 meses", "1 ano 1 mês", "4 anni 3 mesi", "4 jaar 3 maanden", "1 rok 1 mies.",
# "2 lata", "5 lat").
_UNITS = (
    r"yrs?|years?|mos?|months?"
    r"|år|mån(?:ader)?"
    r"|jahre?|j\.|monate?|mon\.?"
    r"|ans?|mois"
    r"|años?|mes(?:es)?"
    r"|anos?|m[eê]s(?:es)?"
    r"|anni|anno|mesi|mese"
    r"|jaar|jr\.?|maand(?:en)?|mnd\.?"
    r"|rok|lata?|mies\.?|miesi[ąę]c[ey]?|miesięcy"
)
# "Less than a year" in the same languages.
_LESS_THAN_A_YEAR = (
    r"less than a year|mindre än ett år|weniger als ein jahr|moins d[’']un an"
    r"|menos de un año|menos de um ano|meno di un anno|minder dan een jaar|mniej niż rok"
)
_DURATION = re.compile(
    rf"^\s*(?:{_LESS_THAN_A_YEAR}|(?:\d+\s*(?:{_UNITS})(?:\s+|$))+)\s*$", re.IGNORECASE
)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    out = _SPACE.sub(" ", str(text)).strip()
    return out or None


def month_number(word: str) -> int | None:
    """'Okt.' -> 10, 'września' -> 9, 'juil' -> 7; None for a word that names no month."""
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTHS.get(word[:4]) or MONTHS.get(word[:3])


def normalise_date(text: str | None) -> str | None:
    """'Jul 2021' -> '2021-07', '2019' -> '2019', '2021-7-15' -> '2021-07'; None if not a date."""
    text = _clean(text)
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-\d{1,2})?)?(?:T.*)?", text)
    if m:
        year, month = m.group(1), m.group(2)
        return f"{year}-{int(month):02d}" if month and 1 <= int(month) <= 12 else year
    m = re.fullmatch(r"([^\W\d_]{3,12})\.?(?:\s+de)?\s+(\d{4})", text, re.IGNORECASE)
    if m:
        month = month_number(m.group(1))
        if month:
            return f"{m.group(2)}-{month:02d}"
    return None


@dataclass(frozen=True)
class DateRange:
    start: str | None = None
    end: str | None = None
    duration: str | None = None
    ongoing: bool = False


def parse_date_range(text: str | None) -> DateRange | None:
    """'Jul 2021 - Present · 3 yrs 1 mo' -> DateRange('2021-07', None, '3 yrs 1 mo', True).

    '2019 - 2021' -> ('2019', '2021'); 'Aug 2022' -> ('2022-08', '2022-08'); None when the text
    is not a date range (so callers can use it to recognise the date line among others).
    """
    text = _clean(text)
    if not text:
        return None
    m = _RANGE.match(text)
    if m:
        start = normalise_date(m.group("start"))
        end_text = m.group("end")
        ongoing = bool(re.fullmatch(_PRESENT, end_text, re.IGNORECASE))
        end = None if ongoing else normalise_date(end_text)
        if start and (end or ongoing):
            return DateRange(start, end, _clean(m.group("duration")), ongoing)
        return None
    m = _SINGLE.match(text)
    if m and (start := normalise_date(m.group("start"))):
        return DateRange(start, start, _clean(m.group("duration")))
    return None


def is_duration(text: str | None) -> bool:
    """True for a bare duration such as '5 yrs 11 mos', '11 mos', '1 rok 1 mies.'."""
    return bool(text and _DURATION.match(text))
