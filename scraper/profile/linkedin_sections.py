"""Reading the list sections of a logged-in LinkedIn profile, classic layout (2022 to late 2025).

The DOM the extension captures has hashed class names that change between captures, so nothing
here reads a class. What stays stable, and what this module relies on:

- each card is a ``<section>`` holding an anchor ``<div id="experience">`` (or ``education``,
  ``skills``, ...) and an ``<h2>`` with the section's name;
- entries are the ``<li>`` children of the first ``<ul>`` in the card; a company with several roles
  nests one ``<li>`` per role in a ``<ul>`` inside its entry (on the 2022 "Show all" details pages
  one level deeper still, inside a wrapper ``<li>`` with no text of its own);
- every visible string is written twice, once in ``<span aria-hidden="true">`` for sight and once
  for screen readers; reading only the ``aria-hidden`` copies gives each line exactly once;
- an entry links its organisation's page (``/company/<id>/``), the logo first.
"""

from __future__ import annotations

import weakref

from scraper.models import Position, School

from . import roles
from .linkedin_links import first_org_url
from .text import clean, clean_block
from .tree import Element, parent_of, text_of, text_with_breaks
from .vocabulary import HEADINGS

_LISTS = ("ul", "ol")
_VISIBLE_SPANS = ".//span[@aria-hidden='true'][not(ancestor::span[@aria-hidden='true'])]"
# A wrapper <li> holding a deeper list is unwrapped at most this many times (junk nests forever).
_MAX_WRAPPERS = 4


def find_section(tree: Element, anchor: str) -> Element | None:
    """The card whose anchor is ``id=anchor``; else the section whose <h2> reads the heading."""
    anchors = _anchors(tree)
    if anchor in anchors:
        node = anchors[anchor]
        section = parent_of(node, "section")
        return section if section is not None else node.getparent()
    names = HEADINGS.get(anchor, ())
    for heading in tree.iter("h2"):
        # The heading holds its text twice (for sight and for screen readers): read one copy.
        shown = next((s for s in heading.iter("span") if s.get("aria-hidden") == "true"), heading)
        if (text_of(shown) or "").lower() in names:
            section = parent_of(heading, "section")
            if section is not None and next(section.iter("h1"), None) is None:
                return section
    return None


# Looked up once per tree: each card's anchor, by id (a weak map, so a tree's entry goes with it).
_ANCHORS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _anchors(tree: Element) -> dict[str, Element]:
    root = tree.getroottree().getroot()
    found = _ANCHORS.get(root)
    if found is None:
        found = {}
        for node in root.xpath(_ANCHOR_XPATH):
            found.setdefault(node.get("id"), node)
        _ANCHORS[root] = found
    return found


_ANCHOR_XPATH = "//*[" + " or ".join(f"@id='{key}'" for key in HEADINGS) + "]"


def visible_spans(root: Element) -> list[Element]:
    """The outermost ``aria-hidden="true"`` spans under root, in document order."""
    return root.xpath(_VISIBLE_SPANS)


def header_lines(item: Element) -> list[str]:
    """The lines an entry shows itself, not those of the roles or details nested below it."""
    own_list = parent_of(item, _LISTS)
    lines = []
    for span in visible_spans(item):
        if parent_of(span, _LISTS) is own_list:
            text = clean(text_with_breaks(span))
            if text:
                lines.append(text)
    return lines


def _first_list(el: Element) -> Element | None:
    return next(el.iterdescendants(*_LISTS), None)


def _children(lst: Element) -> list[Element]:
    return [child for child in lst if child.tag == "li"]


def entries(section: Element) -> list[Element]:
    """The top-level <li> entries of a card."""
    first = _first_list(section)
    return _children(first) if first is not None else []


def _sub_items(item: Element) -> list[Element]:
    """The <li>s nested under an entry: its roles when it is a company with several.

    A nested <li> with no line of its own that holds a deeper list is only a wrapper (the 2022
    details pages put the roles there); its list's items stand in its place.
    """
    nested = _first_list(item)
    if nested is None:
        return []
    out: list[Element] = []
    for sub in _children(nested):
        out.extend(_unwrap(sub, _MAX_WRAPPERS))
    return out


def _unwrap(sub: Element, depth: int) -> list[Element]:
    deeper = _first_list(sub)
    if depth > 0 and deeper is not None and not header_lines(sub):
        return [li for child in _children(deeper) for li in _unwrap(child, depth - 1)]
    return [sub]


def _description(item: Element) -> str | None:
    """Free text nested under an entry: the description, without media titles and skill lists."""
    nested = _first_list(item)
    if nested is None:
        return None
    blocks = []
    for span in visible_spans(nested):
        if parent_of(span, "a") is not None:
            continue  # a media attachment's title, not the description
        text = clean_block(text_with_breaks(span))
        if text and not text.lower().startswith(("skills:", "grade:")):
            blocks.append(text)
    return "\n".join(blocks) or None


def _entry(item: Element) -> roles.Entry:
    subs = _sub_items(item)
    grouped = [roles.Entry(header_lines(sub), _description(sub)) for sub in subs]
    if not any(roles.date_index(sub.lines) >= 0 for sub in grouped):
        # Not a company with several roles: what is nested is the entry's own description.
        return roles.Entry(header_lines(item), _description(item), first_org_url(item))
    return roles.Entry(header_lines(item), None, first_org_url(item), grouped)


def positions(section: Element | None, volunteering: bool = False) -> list[Position]:
    """Every role in an experience (or volunteering) card, grouped roles flattened."""
    items = entries(section) if section is not None else []
    return roles.positions_of((_entry(item) for item in items), volunteering)


def schools(section: Element | None) -> list[School]:
    out: list[School] = []
    for item in entries(section) if section is not None else []:
        school = roles.school_from_lines(header_lines(item), first_org_url(item, school=True))
        if school:
            out.append(school)
    return out


def first_lines(section: Element | None) -> list[str]:
    """The first line of each entry: a skill's, a language's or a certificate's name."""
    out = []
    for item in entries(section) if section is not None else []:
        lines = header_lines(item)
        if lines:
            out.append(lines[0])
    return out


def interests(section: Element | None) -> list[str]:
    """Names under every tab of the Interests card (people, companies, groups, schools)."""
    if section is None:
        return []
    out = []
    for item in section.iter("li"):
        if parent_of(item, "li") is not None:
            continue  # a "Join"/"Follow" line nested in an entry
        lines = header_lines(item)
        if lines and next(item.iter("a"), None) is not None:
            out.append(lines[0])
    return out


def about(section: Element | None) -> str | None:
    if section is None:
        return None
    blocks = []
    for span in visible_spans(section):
        if parent_of(span, ("h2", "h3", "button")) is not None:
            continue
        text = clean_block(text_with_breaks(span))
        if text:
            blocks.append(text)
    return "\n".join(blocks) or None
