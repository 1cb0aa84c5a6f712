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
from .vocabulary import DEGREE_WORDS

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


# A theme's section title that is not a heading element: <div class="section-title">.
_LABEL_CLASS = re.compile(r"(?:title|heading|header|label)", re.I)


def _is_label(node: Tag) -> bool:
    return node.name in _HEADINGS or (
        node.name in ("div", "span", "p", "h5", "h6", "dt")
        and bool(_LABEL_CLASS.search(" ".join(node.get("class") or [])))
        and len(clean(node.get_text(" ")) or "") <= 40
    )


def find_page_section(soup: BeautifulSoup, key: str) -> Tag | None:
    names = _SECTION_NAMES[key]
    node = soup.find(id=re.compile(rf"^(?:{'|'.join(map(re.escape, names))})$", re.I))
    if isinstance(node, Tag) and node.name in ("section", "div", "article"):
        return node
    for heading in soup.find_all(["h2", "h3", "h4"], limit=200):
        if (clean(heading.get_text(" ")) or "").lower().rstrip(":") in names:
            return heading
    for label in soup.find_all(class_=_LABEL_CLASS, limit=300):
        if _is_label(label) and (clean(label.get_text(" ")) or "").lower().rstrip(":") in names:
            return label
    return None


def _parts(section: Tag) -> list[Tag]:
    """What a section holds. A heading found by its text owns what follows it up to the next
    heading (a CV page often puts "Experience" and "Education" in one block); when nothing
    follows it, its section or parent does."""
    if not _is_label(section):
        return [section]
    parts = _following(section)
    if parts:
        return parts
    parent = section.find_parent(["section", "article"]) or section.parent
    return [parent] if parent is not None else []


def _following(heading: Tag) -> list[Tag]:
    """The elements after a heading, up to the next heading."""
    parts: list[Tag] = []
    for sibling in heading.find_next_siblings(limit=50):
        if _is_label(sibling) or sibling.find(_HEADINGS) is not None:
            break
        parts.append(sibling)
    return parts


_NOT_FIELDS = ("i", "svg", "img", "script", "style", "br")


def cv_parts(soup: BeautifulSoup) -> list[Tag]:
    """The elements that hold the page's Experience, Education and Skills entries (not a whole
    page that merely contains one of those headings)."""
    out: list[Tag] = []
    for key in _SECTION_NAMES:
        section = find_page_section(soup, key)
        if section is None:
            continue
        out += [section, *_following(section)] if _is_label(section) else [section]
    return out


def _fields(item: Tag) -> list[Tag]:
    """An entry's parts when a theme puts each in its own element (title, organisation, dates),
    looking through a lone wrapper; fewer than two means the entry is one run of text."""
    for _ in range(4):
        children = [
            c for c in item.find_all(True, recursive=False)
            if c.name not in _NOT_FIELDS and clean(c.get_text(" "))
        ]  # fmt: skip
        if len(children) != 1 or children[0].name in ("strong", "b", "em", "a", "span"):
            return children if len(children) >= 2 else []
        item = children[0]
    return []


def _items(section: Tag | None) -> list[Tag]:
    """The section's entries: its list items, else its blocks made of separate fields."""
    if section is None:
        return []
    parts = _parts(section)
    items: list[Tag] = []
    for part in parts:
        items += [part] if part.name == "li" else part.find_all("li", limit=MAX_ITEMS)
    if not items:
        entries = [p for p in parts if len(_fields(p)) >= 2]
        if not entries and len(parts) == 1:
            entries = [c for c in parts[0].find_all(True, recursive=False) if _fields(c)]
        items = entries
    return items[:MAX_ITEMS]


def _without_range(text: str) -> tuple[str, str | None, str | None]:
    m = _RANGE_IN_TEXT.search(text)
    if not m:
        return text, None, None
    dates = parse_date_range(f"{m.group(1)} - {m.group(2)}")
    rest = (text[: m.start()] + text[m.end() :]).strip(" ,·|()—–-")
    return rest, (dates.start if dates else None), (dates.end if dates else None)


def _split(item: Tag) -> tuple[str | None, list[str], str | None, str | None]:
    """(emphasised title, other comma-separated parts, start, end) of a list item; for an entry
    of separate fields, (None, the fields in order, start, end), descriptions left out."""
    fields = _fields(item)
    if len(fields) >= 2:
        parts, start, end = [], None, None
        for field in fields:
            text, s, e = _without_range(inline_text(field) or "")
            start, end = start or s, end or e
            # "PhD in Electrical Engineering, 2023": the year of a degree is not part of it.
            text = re.sub(r",?\s*\b(?:19|20)\d\d$", "", text).strip(" ,·|")
            if text and not (len(text) > 80 or (text.endswith(".") and len(text.split()) >= 4)):
                parts.append(text)
        return None, parts, start, end
    text, start, end = _without_range(inline_text(item) or "")
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
        if len(names) > 1 and _is_degree(names[0]) and not _is_degree(names[1]):
            names = [names[1], names[0], *names[2:]]  # "MSc in Physics" above "University of X"
        degree, field = _degree_and_field(names[1]) if len(names) > 1 else (None, None)
        out.append(
            School(
                school=names[0],
                degree=degree,
                field=", ".join(f for f in (field, *names[2:]) if f) or None,
                start=start,
                end=end,
            )
        )
    return out


def _is_degree(text: str) -> bool:
    lowered = text.lower()
    return any(lowered.startswith(word) for word in DEGREE_WORDS)


def _degree_and_field(text: str) -> tuple[str, str | None]:
    """'MSc in Computer Science' -> ('MSc', 'Computer Science'); other text is the degree."""
    m = re.fullmatch(r"(?P<degree>\S+(?:\s+of\s+\w+)?)\s+in\s+(?P<field>.+)", text)
    if m and _is_degree(m.group("degree")):
        return m.group("degree"), m.group("field")
    return text, None


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
