"""LinkedIn public profile pages (as a logged-out visitor sees them): JSON-LD first, DOM after.

The public page carries a JSON-LD ``@graph`` with the Person (jobTitle, worksFor, alumniOf with
both schools and past employers, address, sameAs, awards, knowsLanguage) and their Articles. The
visible DOM has what JSON-LD leaves out (position titles and dates, degrees), so both are read and
merged: lists from the DOM when it has them, single fields from whichever has them.
The DOM is read by tags and ``data-section`` attributes, not by class names.
"""

from __future__ import annotations

import logging
import re
from dataclasses import fields, replace
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from scraper.models import Position, Profile, School

from .jsonld import find_person, json_ld_nodes, person_to_profile
from .linkedin_links import first_org_url
from .markup import as_soup
from .text import clean, clean_block, parse_date_range, unique

log = logging.getLogger(__name__)

# data-section values of the public page, then the headings that name the same cards.
_SECTIONS = {
    "about": (("summary",), ("about",)),
    "experience": (("experience",), ("experience",)),
    "education": (("educationsdetails", "education"), ("education",)),
    "volunteering": (("volunteering",), ("volunteer experience", "volunteering")),
    "languages": (("languages",), ("languages",)),
    "certifications": (("certifications",), ("licenses & certifications", "certifications")),
    "skills": (("skills",), ("skills",)),
    "awards": (("honors-and-awards", "awards"), ("honors & awards", "honors and awards")),
}


def _section(soup: BeautifulSoup, key: str) -> Tag | None:
    names, headings = _SECTIONS[key]
    for node in soup.find_all(True, attrs={"data-section": True}):
        if str(node.get("data-section", "")).lower() in names and node.name == "section":
            return node
    for h2 in soup.find_all("h2"):
        if (clean(h2.get_text(" ")) or "").lower() in headings:
            return h2.find_parent("section") or h2.parent
    return None


def _items(section: Tag | None) -> list[Tag]:
    if section is None:
        return []
    first = section.find(["ul", "ol"])
    return first.find_all("li", recursive=False) if first is not None else []


_MASKED = re.compile(r"[*•·\s.-]+")


def _is_masked(text: str | None) -> bool:
    """LinkedIn blurs entries for logged-out visitors by writing stars in place of the text."""
    return bool(text and _MASKED.fullmatch(text))


def _first(item: Tag, tag: str) -> str | None:
    node = item.find(tag)
    text = clean(node.get_text(" ")) if node is not None else None
    return None if _is_masked(text) else text


def _date_line(item: Tag) -> tuple[str | None, str | None, str | None, Tag | None]:
    """Start, end and duration from the element holding the <time> tags."""
    time = item.find("time")
    if time is None:
        return None, None, None, None
    holder = time.parent
    dates = parse_date_range(holder.get_text(" ")) if holder is not None else None
    if dates is None:
        text = re.sub(r"\s+", " ", holder.get_text(" ") if holder else "")
        # "Jan 2020 - Present 4 years": the public page writes the duration without a "·".
        m = re.match(r"(.+?(?:present|\d{4}))\s+(\d.*)$", text, re.IGNORECASE)
        dates = parse_date_range(f"{m.group(1)} · {m.group(2)}") if m else None
    if dates is None:
        return None, None, None, holder
    return dates.start, dates.end, dates.duration, holder


def _text_without_buttons(el: Tag) -> str:
    """Text with <br> as line breaks, leaving out "Show more"/"Show less" buttons."""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
        elif type(node).__name__ == "NavigableString" and node.find_parent("button") is None:
            parts.append(str(node))
    return "".join(parts)


def _description(item: Tag) -> str | None:
    """The longest paragraph that is not a date or a place: the page shows a short and a full
    version ("show more"), and the full one is the longer."""
    best = None
    for p in item.find_all("p"):
        if p.find(["h3", "h4", "time"]) is not None:
            continue
        text = clean_block(_text_without_buttons(p))
        if text and len(text) > 60 and (best is None or len(text) > len(best)):
            best = text
    return best


def _position(item: Tag, company: str | None = None, link: str | None = None) -> Position | None:
    h3 = item.find("h3")
    if h3 is not None and _is_masked(clean(h3.get_text(" "))):
        return None  # a blurred entry: its visible parts belong to a role we cannot see
    title = _first(item, "h3")
    company = company or _first(item, "h4")  # in a group, the group header names the company
    start, end, duration, holder = _date_line(item)
    location = None
    if holder is not None:
        after = holder.find_next("p")
        if after is not None and any(parent is item for parent in after.parents):
            location = clean(_text_without_buttons(after))
            if location and (len(location) > 80 or location == _description(item)):
                location = None  # the next paragraph is the description: no place given
    if not (title or company):
        return None
    return Position(
        title=title,
        company=company,
        start=start,
        end=end,
        duration=duration,
        location=location,
        description=_description(item),
        company_url=first_org_url(item) or link,
    )


def _positions(section: Tag | None) -> list[Position]:
    """Every role; a company with several roles lists them in a nested list under its name."""
    out: list[Position] = []
    for item in _items(section):
        nested = item.find(["ul", "ol"])
        roles = nested.find_all("li", recursive=False) if nested is not None else []
        if not any(role.find("h3") is not None for role in roles):
            if position := _position(item):
                out.append(position)
            continue
        header = [
            h
            for h in item.find_all(["h3", "h4"])
            if not any(parent is nested for parent in h.parents)
        ]
        company = clean(header[0].get_text(" ")) if header else None
        link = first_org_url(item)
        out.extend(p for p in (_position(role, company, link) for role in roles) if p)
    return out


def _school(item: Tag) -> School | None:
    name = _first(item, "h3")
    if not name:
        return None
    degree = field = None
    h4 = item.find("h4")
    if h4 is not None:
        parts = [clean(s.get_text(" ")) for s in h4.find_all("span", recursive=False)]
        parts = [p for p in parts if p] or [clean(h4.get_text(" "))]
        degree = parts[0]
        field = ", ".join(p for p in parts[1:] if p) or None
    start, end, _, _ = _date_line(item)
    return School(
        school=name,
        degree=degree,
        field=field,
        start=start,
        end=end,
        school_url=first_org_url(item, school=True),
    )


def _top_card(soup: BeautifulSoup) -> tuple[str | None, str | None, str | None]:
    h1 = soup.find("h1")
    if h1 is None:
        return None, None, None
    box = h1.parent
    headline = _first(box, "h2") if box is not None else None
    location = None
    h3 = box.find("h3") if box is not None else None
    if h3 is not None:
        first = next((s for s in h3.stripped_strings if clean(s)), None)
        location = clean(first)
    return clean(h1.get_text(" ")), headline, location


def parse_public_dom(soup: BeautifulSoup, url: str) -> Profile:
    name, headline, location = _top_card(soup)
    about = _section(soup, "about")
    about_text = None
    if about is not None:
        body = [clean_block(p.get_text("\n")) for p in about.find_all(["p", "div"])]
        about_text = next((b for b in body if b and (b.lower() != "about")), None)
    return Profile(
        name=name,
        headline=headline,
        location=location,
        about=about_text,
        experience=tuple(_positions(_section(soup, "experience"))),
        education=tuple(s for s in map(_school, _items(_section(soup, "education"))) if s),
        volunteering=tuple(_positions(_section(soup, "volunteering"))),
        skills=unique(
            _first(i, "h3") or clean(i.get_text(" ")) for i in _items(_section(soup, "skills"))
        ),
        languages=unique(_first(i, "h3") for i in _items(_section(soup, "languages"))),
        certifications=unique(_first(i, "h3") for i in _items(_section(soup, "certifications"))),
        awards=unique(_first(i, "h3") for i in _items(_section(soup, "awards"))),
        source_url=url or None,
    )


def merge(primary: Profile, fallback: Profile) -> Profile:
    """Each field from primary when it has it, else from fallback; link lists are united."""
    values: dict[str, Any] = {}
    for f in fields(Profile):
        mine, theirs = getattr(primary, f.name), getattr(fallback, f.name)
        if f.name in ("websites", "languages", "awards"):
            values[f.name] = unique([*mine, *theirs])
        else:
            values[f.name] = mine or theirs
    return replace(primary, **values)


def is_profile_url(url: str) -> bool:
    """/in/<name> and the old /pub/<name> are profiles; the feed, jobs, companies are not."""
    return bool(re.match(r"^/(?:in|pub)/[^/]+", urlsplit(url).path if url else ""))


def parse_linkedin_public(page: str | bytes | BeautifulSoup | None, url: str) -> Profile | None:
    soup = as_soup(page)
    if soup is None:
        return None
    person = find_person(json_ld_nodes(soup))
    if not is_profile_url(url) and person is None:
        log.debug("%s is a LinkedIn page but not a profile", url)
        return None
    dom = parse_public_dom(soup, url)
    profile = merge(dom, person_to_profile(person, url)) if person else dom
    if profile.is_empty:
        log.debug("no person found on the public LinkedIn page %s", url)
        return None
    return profile
