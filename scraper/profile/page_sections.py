"""Experience, education and skills written as plain lists on a personal page or CV.

Personal pages often have a visible "Experience" list that says more than their JSON-LD (titles,
dates): "<strong>Data Scientist</strong>, Spotify, Stockholm · 2018 – 2022". Only list items
under a section found by its id or its heading are read, so prose elsewhere is never mistaken for
a job.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from scraper.models import Position, School

from .text import clean, inline_text, parse_date_range

_SECTION_NAMES = {
    "experience": ("experience", "work", "work experience", "employment", "career", "jobs"),
    "education": ("education", "studies", "academic background"),
    "skills": ("skills", "expertise", "technologies", "tools", "skills & tools"),
}
_DATE = r"(?:[A-Za-z]{3,9}\.?\s+)?\d{4}"
_RANGE_IN_TEXT = re.compile(
    rf"({_DATE})\s*(?:[-–—]|to)\s*({_DATE}|present|now|today|current)\b", re.IGNORECASE
)
_SEPARATORS = re.compile(r"\s*(?:,|·|\||\s[-–—]\s|\bat\b|@)\s*")
MAX_ITEMS = 40
_HEADINGS = ("h1", "h2", "h3", "h4")


def find_page_section(soup: BeautifulSoup, key: str) -> Tag | None:
    names = _SECTION_NAMES[key]
    node = soup.find(id=re.compile(rf"^(?:{'|'.join(map(re.escape, names))})$", re.I))
    if isinstance(node, Tag) and node.name in ("section", "div", "article"):
        return node
    for heading in soup.find_all(["h2", "h3", "h4"], limit=200):
        if (clean(heading.get_text(" ")) or "").lower().rstrip(":") in names:
            return heading
    return None


_HEADINGS = ("h1", "h2", "h3", "h4")


def _parts(section: Tag) -> list[Tag]:
    """What a section holds. A heading found by its text owns what follows it up to the next
    heading (a CV page often puts "Experience" and "Education" in one block); when nothing
    follows it, its section or parent does."""
    if section.name not in _HEADINGS:
        return [section]
    parts: list[Tag] = []
    for sibling in section.find_next_siblings(limit=50):
        if sibling.name in _HEADINGS or sibling.find(_HEADINGS) is not None:
            break
        parts.append(sibling)
    if parts:
        return parts
    parent = section.find_parent(["section", "article"]) or section.parent
    return [parent] if parent is not None else []


def _items(section: Tag | None) -> list[Tag]:
    if section is None:
        return []
    items: list[Tag] = []
    for part in _parts(section):
        items += [part] if part.name == "li" else part.find_all("li", limit=MAX_ITEMS)
    return items[:MAX_ITEMS]


def _split(item: Tag) -> tuple[str | None, list[str], str | None, str | None]:
    """(emphasised title, other comma-separated parts, start, end) of a list item."""
    text = inline_text(item) or ""
    start = end = None
    m = _RANGE_IN_TEXT.search(text)
    if m:
        dates = parse_date_range(f"{m.group(1)} - {m.group(2)}")
        if dates:
            start, end = dates.start, dates.end
        text = (text[: m.start()] + text[m.end() :]).strip(" ,·|()—–-")
    strong = item.find(["strong", "b", "h3", "h4"])
    title = clean(strong.get_text(" ")) if strong is not None else None
    if title and text.startswith(title):
        text = text[len(title) :]
    parts = [p for p in (clean(x) for x in _SEPARATORS.split(text)) if p]
    return title, parts, start, end


def page_positions(soup: BeautifulSoup) -> list[Position]:
    out = []
    for item in _items(find_page_section(soup, "experience")):
        title, parts, start, end = _split(item)
        if title is None and parts:
            title, parts = parts[0], parts[1:]
        if not (title and (parts or start)):
            continue  # a lone phrase is not a job
        out.append(
            Position(
                title=title,
                company=parts[0] if parts else None,
                location=", ".join(parts[1:]) or None,
                start=start,
                end=end,
            )
        )
    return out


def page_schools(soup: BeautifulSoup) -> list[School]:
    out = []
    for item in _items(find_page_section(soup, "education")):
        title, parts, start, end = _split(item)
        names = ([title] if title else []) + parts
        if not names:
            continue
        out.append(
            School(
                school=names[0],
                degree=names[1] if len(names) > 1 else None,
                field=", ".join(names[2:]) or None,
                start=start,
                end=end,
            )
        )
    return out


def page_skills(soup: BeautifulSoup) -> list[str]:
    section = find_page_section(soup, "skills")
    if section is None:
        return []
    items = [inline_text(li) for li in _items(section)]
    if not items:
        paragraphs = [p for part in _parts(section) for p in part.find_all("p", limit=5)]
        paragraphs += [part for part in _parts(section) if part.name == "p"]
        text = " ".join(inline_text(p) or "" for p in paragraphs[:5])
        items = re.split(r"\s*[,;·|]\s*", text)
    return [s for s in (clean(i) for i in items) if s and len(s) <= 60]
