"""LinkedIn profiles as a logged-in viewer sees them, classic layout: the DOM the extension sends.

Only stable things are read: the single ``<h1>`` (the person's name), the section anchors and
headings, ``aria-hidden`` text, list structure and link targets. Class names are hashed and change
between captures, so none is read (a test rewrites them all and expects the same result). Sidebars
about other people ("People you may know", "Other similar profiles") sit in their own sections
and are never walked. The 2026 layout has none of these anchors: see ``linkedin_sdui``.
"""

from __future__ import annotations

import logging
import re

from lxml import etree

from scraper.models import Profile

from . import linkedin_sections as sections
from .linkedin_links import is_linkedin_url, unwrap_redirect
from .names import person_name
from .text import absolute_url, blog_urls_in_text, clean, unique
from .tree import Element, make_tree, parent_of, text_of
from .vocabulary import HEADINGS

log = logging.getLogger(__name__)

__all__ = ["looks_like_logged_in_linkedin", "parse_linkedin_dom", "unwrap_redirect"]

# Next to the name: pronouns "(She/Her)", the connection degree "2nd", "· 3rd+", its spoken form.
_BADGE = re.compile(
    r"^(?:·\s*)?(?:\(?\s*[A-Za-z]+\s*/\s*[A-Za-z]+\s*\)?|(?:1st|2nd|3rd\+?)"
    r"(?:\s+degree connection)?|verified|premium|·)$",
    re.IGNORECASE,
)
_COUNTS = re.compile(r"^[\d,.+kK]+$|^(?:connections?|followers?|mutual connections?)$", re.I)
# Text under these is not the headline or the place: current-company and school buttons,
# "Contact info", connection counts.
_NOT_TOP_CARD_TEXT = {"button", "a", "h1", "li", "ul"}
# The sections the result reports as missing when the page did not show them.
LAZY_SECTIONS = ("experience", "education", "skills")


def looks_like_logged_in_linkedin(tree: Element) -> bool:
    """The logged-in DOM has doubled aria-hidden text, and card anchors or card headings."""
    if not tree.xpath(".//span[@aria-hidden='true'][1]"):
        return False
    if tree.xpath(".//*[@id='experience' or @id='about' or @id='education'][1]"):
        return True
    return any(sections.find_section(tree, key) is not None for key in ("experience", "education"))


def _top_card_strings(h1: Element, card: Element) -> list[tuple[Element, str, bool]]:
    """Text after the name inside the top card: (holder, text, before the Contact info link)."""
    out = []
    started = False
    before_contact = True
    for event, node in etree.iterwalk(card, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if node is h1:
                started = True
            if node.tag == "a" and "overlay/contact-info" in (node.get("href") or ""):
                before_contact = False
            text, holder = node.text, node
        else:
            text, holder = (node.tail, node.getparent()) if node is not card else (None, None)
        if not started or not text or holder is None:
            continue
        text = clean(text)
        if not text or _BADGE.match(text) or _COUNTS.match(text):
            continue
        if holder.tag in _NOT_TOP_CARD_TEXT or parent_of(holder, _NOT_TOP_CARD_TEXT) is not None:
            continue
        out.append((holder, text, before_contact))
    return out


def _top_card(tree: Element) -> tuple[str | None, str | None, str | None, Element | None]:
    """Name, headline and location from the card that holds the page's <h1>."""
    # An open overlay (contact info) brings its own <h1>; the person's is outside any dialog.
    h1 = next(
        (h for h in tree.iter("h1") if not h.xpath("ancestor::*[@role='dialog']")),
        None,
    )
    if h1 is None:
        return _name_from_title(tree), None, None, None
    name = person_name(text_of(h1))
    card = parent_of(h1, "section")
    if card is None:
        card = h1.getparent()
    strings = _top_card_strings(h1, card)
    headline = strings[0][1] if strings else None
    location = None
    contact = tree.xpath(".//a[contains(@href, 'overlay/contact-info')]")
    if contact:
        # The place is the last text before the "Contact info" link.
        before = [text for _, text, is_before in strings[1:] if is_before]
        location = before[-1] if before else None
    elif len(strings) > 1:
        location = strings[1][1]
    return name, headline, location, card


def _name_from_title(tree: Element) -> str | None:
    """'(3) Jane Doe | LinkedIn' or 'Experience | Jane Doe | LinkedIn' -> 'Jane Doe'.

    The tab title names the person when the page has no <h1> (a "Show all" details page).
    """
    title = next(tree.iter("title"), None)
    text = text_of(title)
    if not text or "|" not in text:
        return None
    text = re.sub(r"^\(\d+\)\s*", "", text)
    known = {name for names in HEADINGS.values() for name in names} | {"linkedin", "feed"}
    for part in text.split("|"):
        name = clean(part.split(" - ")[0])
        if name and name.lower() not in known:
            return person_name(name)
    return None


def outside_links(places: list[Element], url: str) -> tuple[str, ...]:
    """Links in ``places`` that leave LinkedIn, unwrapped from LinkedIn's redirects.

    Only absolute links count: a relative one ("/messaging/compose/...") is LinkedIn's own page,
    wherever the capture is read from (a saved file, a test server).
    """
    links = []
    for place in places:
        for a in place.iter("a"):
            raw = (a.get("href") or "").strip()
            if not raw.lower().startswith(("http://", "https://")):
                continue
            href = absolute_url(raw, url)
            if not href:
                continue
            href = unwrap_redirect(href)
            if not is_linkedin_url(href):
                links.append(href)
    return unique(links)


def _websites(tree: Element, card: Element | None, url: str) -> tuple[str, ...]:
    """Outside links the person lists: the contact-info overlay (when captured) and the top card."""
    places: list[Element] = []
    for heading in tree.iter("h1", "h2", "h3"):
        if (text_of(heading) or "").lower() in ("contact info", "websites", "website"):
            dialog = heading.xpath("ancestor::*[@role='dialog'][1]")
            place = dialog[0] if dialog else parent_of(heading, "section")
            places.append(place if place is not None else heading.getparent())
    if card is not None:
        places.append(card)
    return outside_links([p for p in places if p is not None], url)


def parse_linkedin_dom(page: str | bytes | Element | None, url: str) -> Profile | None:
    """A Profile from the logged-in DOM, or None when the page shows nobody."""
    tree = make_tree(page)
    if tree is None:
        return None
    name, headline, location, card = _top_card(tree)
    find = sections.find_section
    found = {key: find(tree, key) for key in LAZY_SECTIONS}
    about = sections.about(find(tree, "about"))
    profile = Profile(
        name=name,
        headline=headline,
        location=location,
        about=about,
        experience=tuple(sections.positions(found["experience"])),
        education=tuple(sections.schools(found["education"])),
        skills=unique(sections.first_lines(found["skills"])),
        interests=unique(sections.interests(find(tree, "interests"))),
        websites=unique([*_websites(tree, card, url), *blog_urls_in_text(about)]),
        source_url=url or None,
        volunteering=tuple(
            sections.positions(find(tree, "volunteering_experience"), volunteering=True)
        ),
        languages=unique(sections.first_lines(find(tree, "languages"))),
        certifications=unique(sections.first_lines(find(tree, "licenses_and_certifications"))),
        missing_sections=tuple(key for key in LAZY_SECTIONS if found[key] is None),
    )
    if profile.is_empty:
        log.debug("no person found on the LinkedIn page %s", url)
        return None
    return profile
