"""Small text helpers every profile parser shares: whitespace, date ranges, de-duplication."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import Tag

_SPACE = re.compile(r"\s+")
# Month names as LinkedIn and CVs write them in English and in the UI languages of its largest
# European audiences (sv, de, fr, es, pt, nl, it): the capture is in the viewer's language.
_MONTH_NAMES = {
    1: "jan january janv januari januar janvier enero ene janeiro gen gennaio",
    2: "feb february févr fév februari februar février febrero fev fevereiro febbraio",
    3: "mar march mars märz mär marzo março mrt maart",
    4: "apr april avr avril abr abril aprile",
    5: "may mai maj mayo maio mei mag maggio",
    6: "jun june juni juin junio junho giu giugno",
    7: "jul july juli juil juillet julio julho lug luglio",
    8: "aug august aoû août agosto ago augusti",
    9: "sep sept september septembre septiembre setembro set settembre",
    10: "oct october okt oktober octobre octubre out outubro ott ottobre",
    11: "nov november novembre noviembre novembro",
    12: "dec december dez dezember déc décembre dic diciembre dezembro dicembre",
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
# "Jul 2021", "juil. 2021", "2021", "2021-07", "2021-07-15"
_DATE = r"(?:[^\W\d_]{3,9}\.?\s+\d{4}|\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)"
_PRESENT = (
    r"(?:present|now|today|current|nu|heute|aujourd[’']hui|présent|(?:la\s+)?actualidad"
    r"|presente|o\s+momento|atualmente|heden|oggi)"
)
# The page writes a hyphen, an en dash or an em dash between the dates, and "·" before the duration.
_RANGE = re.compile(
    rf"^\s*(?P<start>{_DATE})\s*(?:[-–—]|to)\s*(?P<end>{_DATE}|{_PRESENT})"
    rf"(?:\s*[·•]\s*(?P<duration>.+?))?\s*$",
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"^\s*(?P<start>{_DATE})(?:\s*[·•]\s*(?P<duration>.+?))?\s*$", re.IGNORECASE)
_UNITS = (
    r"yrs?|years?|mos?|months?|år|mån|jahre?|j\.|monate?|mon\.|ans?|mois|años?|mes(?:es)?"
    r"|anos?|jaar|jr|maand(?:en)?|mnd|anni|anno|mesi|mese"
)
_DURATION = re.compile(rf"^\s*(?:less than a year|(?:\d+\s*(?:{_UNITS})\s*)+)\s*$", re.IGNORECASE)


def clean(text: str | None) -> str | None:
    """Collapse whitespace; None for empty text."""
    if text is None:
        return None
    out = _SPACE.sub(" ", str(text)).strip()
    return out or None


def clean_block(text: str | None) -> str | None:
    """Keep paragraph breaks but collapse the rest of the whitespace; None for empty text."""
    if text is None:
        return None
    lines = [clean(line) for line in str(text).splitlines()]
    out = "\n".join(line for line in lines if line)
    return out or None


def normalise_date(text: str | None) -> str | None:
    """'Jul 2021' -> '2021-07', '2019' -> '2019', '2021-7-15' -> '2021-07'; None if not a date."""
    text = clean(text)
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-\d{1,2})?)?(?:T.*)?", text)
    if m:
        year, month = m.group(1), m.group(2)
        return f"{year}-{int(month):02d}" if month and 1 <= int(month) <= 12 else year
    m = re.fullmatch(r"([^\W\d_]{3,9})\.?\s+(\d{4})", text)
    if m:
        word = m.group(1).lower()
        month = _MONTHS.get(word) or _MONTHS.get(word[:4]) or _MONTHS.get(word[:3])
        if month:
            return f"{m.group(2)}-{month:02d}"
    m = re.fullmatch(r"\d{4}", text)
    return m.group(0) if m else None


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
    text = clean(text)
    if not text:
        return None
    m = _RANGE.match(text)
    if m:
        start = normalise_date(m.group("start"))
        end_text = m.group("end")
        ongoing = bool(re.fullmatch(_PRESENT, end_text, re.IGNORECASE))
        end = None if ongoing else normalise_date(end_text)
        if start and (end or ongoing):
            return DateRange(start, end, clean(m.group("duration")), ongoing)
        return None
    m = _SINGLE.match(text)
    if m and (start := normalise_date(m.group("start"))):
        return DateRange(start, start, clean(m.group("duration")))
    return None


def is_duration(text: str | None) -> bool:
    """True for a bare duration such as '5 yrs 11 mos' or '11 mos'."""
    return bool(text and _DURATION.match(text))


def unique(items: Iterable[str | None]) -> tuple[str, ...]:
    """Cleaned, non-empty, first occurrence kept (case-insensitive)."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        value = clean(item)
        if value and value.lower() not in seen:
            seen.add(value.lower())
            out.append(value)
    return tuple(out)


def absolute_url(href: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL, or None for mailto:, javascript:, fragments and junk."""
    href = clean(href)
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base or "", href)
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def host_of(url: str | None) -> str:
    """The lower-case host without 'www.', or '' when the URL has none."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dd", "dt")


def inline_text(el: Tag) -> str | None:
    """Text of an inline run: parts joined by spaces, but no space before ',' or '.'."""
    return clean(re.sub(r"\s+([,.;:!?])", r"\1", el.get_text(" ")))


def block_text(el: Tag, limit: int = 200) -> str | None:
    """One line per paragraph, heading or list item (links and emphasis stay inside their line)."""
    lines = []
    for block in el.find_all(_BLOCKS, limit=limit):
        if block.find(_BLOCKS) is None:  # the innermost blocks only, so nothing is read twice
            line = inline_text(block)
            if line:
                lines.append(line)
    return "\n".join(lines) if lines else inline_text(el)


_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
# Hosts and paths that are blogs whatever else the text says.
_BLOG_HOSTS = (
    "medium.com",
    "substack.com",
    "dev.to",
    "hashnode.dev",
    "wordpress.com",
    "blogspot.com",
    "ghost.io",
    "bearblog.dev",
    "write.as",
    "mataroa.blog",
    "tumblr.com",
)
_BLOG_PATH = re.compile(r"/(?:blog|weblog|posts|writing|articles|essays|notes)(?:/|$)", re.I)


def blog_urls_in_text(text: str | None) -> list[str]:
    """URLs in free text (an About section) that are clearly blogs: blog.x, /blog, Substack...

    Other URLs in the text (a project, an award page) stay out: the server reads posts from
    these, and a wrong site would give someone else's writing.
    """
    out = []
    for match in _URL_IN_TEXT.finditer(text or ""):
        url = match.group(0).rstrip(".,;:!?")
        host = host_of(url)
        path = urlsplit(url).path if host else ""
        if (
            host.startswith(("blog.", "writing.", "notes."))
            or host.endswith(_BLOG_HOSTS)
            or _BLOG_PATH.search(path)
        ):
            out.append(url)
    return out
