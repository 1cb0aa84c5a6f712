"""Reading the list sections of a logged-in LinkedIn profile (experience, education, skills...).

The DOM the extension captures has hashed class names that change between captures, so nothing
here reads a class. What stays stable, and what this module relies on:

- each card is a ``<section>`` holding an anchor ``<div id="experience">`` (or ``education``,
  ``skills``, ...) and an ``<h2>`` with the section's name;
- entries are the ``<li>`` children of the first ``<ul>`` in the card; a company with several roles
  nests one ``<li>`` per role in a ``<ul>`` inside its entry;
- every visible string is written twice, once in ``<span aria-hidden="true">`` for sight and once
  for screen readers; reading only the ``aria-hidden`` copies gives each line exactly once.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from scraper.models import Position, School

from .text import clean, clean_block, is_duration, parse_date_range
from .vocabulary import DEGREE_WORDS, EMPLOYMENT_TYPES, HEADINGS, WORKPLACE_TYPES


def find_section(soup: BeautifulSoup, anchor: str) -> Tag | None:
    """The card whose anchor is ``id=anchor``; else the section whose <h2> reads the heading."""
    node = soup.find(id=anchor)
    if isinstance(node, Tag):
        section = node.find_parent("section")
        return section if section is not None else node.parent
    names = HEADINGS.get(anchor, ())
    for heading in soup.find_all("h2"):
        # The heading holds its text twice (for sight and for screen readers): read one copy.
        shown = heading.find("span", attrs={"aria-hidden": "true"}) or heading
        if (clean(shown.get_text(" ")) or "").lower() in names:
            section = heading.find_parent("section")
            if section is not None and section.find("h1") is None:
                return section
    return None


def _visible_spans(root: Tag) -> list[Tag]:
    """The outermost ``aria-hidden="true"`` spans under root, in document order."""
    spans = root.find_all("span", attrs={"aria-hidden": "true"})
    inside = {id(span) for span in spans}
    out = []
    for span in spans:
        parent = span.find_parent("span", attrs={"aria-hidden": "true"})
        if parent is None or id(parent) not in inside:
            out.append(span)
    return out


def text_with_breaks(el: Tag) -> str:
    """The element's text with <br> as a line break (get_text would glue the lines together)."""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
        elif type(node).__name__ == "NavigableString":
            parts.append(str(node))
    return "".join(parts)


def header_lines(item: Tag) -> list[str]:
    """The lines an entry shows itself, not those of the roles or details nested below it."""
    own_list = item.find_parent(["ul", "ol"])
    lines = []
    for span in _visible_spans(item):
        if span.find_parent(["ul", "ol"]) is own_list:
            text = clean(text_with_breaks(span))
            if text:
                lines.append(text)
    return lines


def entries(section: Tag) -> list[Tag]:
    """The top-level <li> entries of a card."""
    first = section.find(["ul", "ol"])
    if first is None:
        return []
    return first.find_all("li", recursive=False)


def _sub_items(item: Tag) -> list[Tag]:
    nested = item.find(["ul", "ol"])
    return nested.find_all("li", recursive=False) if nested is not None else []


def _description(item: Tag) -> str | None:
    """Free text nested under an entry: the description, without media titles and skill lists."""
    nested = item.find(["ul", "ol"])
    if nested is None:
        return None
    blocks = []
    for span in _visible_spans(nested):
        if span.find_parent("a") is not None:
            continue  # a media attachment's title, not the description
        text = clean_block(text_with_breaks(span))
        if text and not text.lower().startswith(("skills:", "grade:")):
            blocks.append(text)
    return "\n".join(blocks) or None


def _split_type(text: str) -> tuple[str | None, str | None]:
    """'Novare Potential · Full-time' -> ('Novare Potential', 'Full-time')."""
    parts = [p.strip() for p in text.split(" · ")]
    if len(parts) > 1 and parts[-1].lower() in EMPLOYMENT_TYPES:
        return clean(" · ".join(parts[:-1])), parts[-1]
    if parts[0].lower() in EMPLOYMENT_TYPES and len(parts) == 1:
        return None, parts[0]
    return clean(text), None


def _split_location(text: str | None) -> str | None:
    """'Stockholm, Sweden · Hybrid' -> 'Stockholm, Sweden'; 'Remote' alone stays."""
    if not text:
        return None
    parts = [p.strip() for p in text.split(" · ")]
    kept = [p for p in parts if p.lower() not in WORKPLACE_TYPES]
    return clean(" · ".join(kept)) if kept else clean(text)


def _date_index(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if parse_date_range(line)), -1)


def _role(
    lines: list[str],
    item: Tag,
    company: str | None = None,
    group_type: str | None = None,
    group_location: str | None = None,
    has_location: bool = True,
) -> Position | None:
    """One role from its lines: title, [company · type | type], dates · duration, [location].

    In a volunteering card the line after the dates is the cause ("Education"), not a place.
    """
    if not lines:
        return None
    title = lines[0]
    d = _date_index(lines)
    middle = lines[1:d] if d > 0 else lines[1:2]
    employment_type = None
    for line in middle:
        name, kind = _split_type(line)
        employment_type = employment_type or kind
        if name and company is None:
            company = name
    dates = parse_date_range(lines[d]) if d > 0 else None
    after = lines[d + 1 :] if d > 0 else lines[2:]
    location = _split_location(after[0]) if after and has_location else None
    return Position(
        title=title,
        company=company,
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        duration=dates.duration if dates else None,
        employment_type=employment_type or group_type,
        location=location or group_location,
        description=_description(item),
    )


def _is_group(item: Tag) -> bool:
    """A company with several roles: its nested <li>s each show their own dates."""
    return any(_date_index(header_lines(sub)) >= 0 for sub in _sub_items(item))


def positions(section: Tag | None, volunteering: bool = False) -> list[Position]:
    """Every role in an experience (or volunteering) card, grouped roles flattened."""
    out: list[Position] = []
    for item in entries(section) if section is not None else []:
        lines = header_lines(item)
        if not lines:
            continue
        if not _is_group(item):
            role = _role(lines, item, has_location=not volunteering)
            if role:
                out.append(role)
            continue
        # Group header: company, then "Full-time · 5 yrs 3 mos" or "5 yrs 11 mos", then a place.
        company, group_type, group_location = lines[0], None, None
        for line in lines[1:]:
            parts = [p.strip() for p in line.split(" · ")]
            if all(p.lower() in EMPLOYMENT_TYPES or is_duration(p) for p in parts):
                group_type = next((p for p in parts if p.lower() in EMPLOYMENT_TYPES), group_type)
            elif group_location is None:
                group_location = _split_location(line)
        for sub in _sub_items(item):
            role = _role(
                header_lines(sub),
                sub,
                company,
                group_type,
                group_location,
                has_location=not volunteering,
            )
            if role:
                out.append(role)
    return out


def _split_degree(line: str | None) -> tuple[str | None, str | None]:
    """'Master's degree, Media Management' -> (degree, field); a lone line is one or the other."""
    if not line:
        return None, None
    if ", " in line:
        degree, field = line.split(", ", 1)
        return clean(degree), clean(field)
    if any(word in line.lower() for word in DEGREE_WORDS):
        return line, None
    return None, line


def schools(section: Tag | None) -> list[School]:
    out: list[School] = []
    for item in entries(section) if section is not None else []:
        lines = header_lines(item)
        if not lines:
            continue
        d = _date_index(lines)
        dates = parse_date_range(lines[d]) if d > 0 else None
        degree_line = lines[1] if len(lines) > 1 and d != 1 else None
        degree, field = _split_degree(degree_line)
        out.append(
            School(
                school=lines[0],
                degree=degree,
                field=field,
                start=dates.start if dates else None,
                end=dates.end if dates else None,
            )
        )
    return out


def first_lines(section: Tag | None) -> list[str]:
    """The first line of each entry: a skill's, a language's or a certificate's name."""
    out = []
    for item in entries(section) if section is not None else []:
        lines = header_lines(item)
        if lines:
            out.append(lines[0])
    return out


def interests(section: Tag | None) -> list[str]:
    """Names under every tab of the Interests card (people, companies, groups, schools)."""
    if section is None:
        return []
    out = []
    for item in section.find_all("li"):
        if item.find_parent("li") is not None:
            continue  # a "Join"/"Follow" line nested in an entry
        lines = header_lines(item)
        if lines and item.find("a") is not None:
            out.append(lines[0])
    return out


def about(section: Tag | None) -> str | None:
    if section is None:
        return None
    blocks = []
    for span in _visible_spans(section):
        if span.find_parent(["h2", "h3", "button"]) is not None:
            continue
        text = clean_block(text_with_breaks(span))
        if text:
            blocks.append(text)
    return "\n".join(blocks) or None
