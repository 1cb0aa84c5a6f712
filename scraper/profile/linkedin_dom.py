"""LinkedIn profiles as a logged-in viewer sees them: the DOM the extension captures.

Only stable things are read: the single ``<h1>`` (the person's name), the section anchors and
headings, ``aria-hidden`` text, list structure and link targets. Class names are hashed and change
between captures, so none is read (a test rewrites them all and expects the same result). Sidebars
about other people ("People you may know", "Other similar profiles") sit in their own sections
and are never walked.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from scraper.hosts import is_linkedin
from scraper.models import Profile
from scraper.soup import attr_text

from . import linkedin_sections as sections
from .markup import as_soup
from .text import absolute_url, blog_urls_in_text, clean, host_of, unique
from .vocabulary import HEADINGS

log = logging.getLogger(__name__)

# Next to the name: pronouns "(She/Her)", the connection degree "2nd", "· 3rd+", its spoken form.
_BADGE = re.compile(
    r"^(?:·\s*)?(?:\(?\s*[A-Za-z]+\s*/\s*[A-Za-z]+\s*\)?|(?:1st|2nd|3rd\+?)"
    r"(?:\s+degree connection)?|verified|premium|·)$",
    re.IGNORECASE,
)
_COUNTS = re.compile(r"^[\d,.+kK]+$|^(?:connections?|followers?|mutual connections?)$", re.I)


def looks_like_logged_in_linkedin(soup: BeautifulSoup) -> bool:
    """The logged-in DOM has doubled aria-hidden text, and card anchors or card headings."""
    if soup.find("span", attrs={"aria-hidden": "true"}) is None:
        return False
    if soup.find(id=("experience", "about", "education")) is not None:
        return True
    return any(sections.find_section(soup, key) is not None for key in ("experience", "education"))


def _top_card_strings(h1: Tag, card: Tag | None) -> list[tuple[NavigableString, str]]:
    """Text after the name inside the top card, skipping buttons, links, badges and comments."""
    out = []
    for node in h1.next_elements:  # a generator: stops at the card's end, not the page's
        if isinstance(node, Comment) or not isinstance(node, NavigableString):
            continue
        if not any(parent is card for parent in node.parents):
            break
        text = clean(str(node))
        if not text or _BADGE.match(text):
            continue
        if node.find_parent(["button", "a", "h1", "li", "ul"]) is not None:
            continue  # current-company/school buttons, "Contact info", connection counts
        out.append((node, text))
    return out


def _top_card(soup: BeautifulSoup) -> tuple[str | None, str | None, str | None, Tag | None]:
    """Name, headline and location from the card that holds the page's <h1>."""
    # An open overlay (contact info) brings its own <h1>; the person's is outside any dialog.
    h1 = next(
        (
            h
            for h in soup.find_all("h1", limit=20)
            if h.find_parent(attrs={"role": "dialog"}) is None
        ),
        None,
    )
    if h1 is None:
        return _name_from_title(soup), None, None, None
    name = clean(h1.get_text(" "))
    card = h1.find_parent("section") or h1.parent
    strings = [(n, t) for n, t in _top_card_strings(h1, card) if not _COUNTS.match(t)]
    headline = strings[0][1] if strings else None
    location = None
    contact = soup.find("a", href=re.compile(r"overlay/contact-info"))
    if contact is not None:
        # The place is the last text before the "Contact info" link.
        preceding = {id(n) for n in contact.find_all_previous(string=True, limit=200)}
        before = [t for n, t in strings[1:] if id(n) in preceding]
        location = before[-1] if before else None
    elif len(strings) > 1:
        location = strings[1][1]
    return name, headline, location, card


def _name_from_title(soup: BeautifulSoup) -> str | None:
    """'(3) Jane Doe | LinkedIn' or 'Experience | Jane Doe | LinkedIn' -> 'Jane Doe'.

    The tab title names the person when the page has no <h1> (a "Show all" details page).
    """
    title = soup.find("title")
    text = clean(title.get_text(" ")) if title is not None else None
    if not text or "|" not in text:
        return None
    text = re.sub(r"^\(\d+\)\s*", "", text)
    known = {name for names in HEADINGS.values() for name in names} | {"linkedin", "feed"}
    for part in text.split("|"):
        name = clean(part.split(" - ")[0])
        if name and name.lower() not in known:
            return name
    return None


def unwrap_redirect(url: str) -> str:
    """LinkedIn wraps outside links as /redir/redirect?url=...; give the real target."""
    parts = urlsplit(url)
    if is_linkedin(host_of(url)) and parts.path.startswith("/redir/"):
        target = parse_qs(parts.query).get("url")
        if target:
            return target[0]
    return url


def _websites(soup: BeautifulSoup, card: Tag | None, url: str) -> tuple[str, ...]:
    """Outside links the person lists: the contact-info overlay (when captured) and the top card."""
    places: list[Tag] = []
    for heading in soup.find_all(["h1", "h2", "h3"]):
        if (clean(heading.get_text(" ")) or "").lower() in ("contact info", "websites", "website"):
            places.append(
                heading.find_parent(attrs={"role": "dialog"})
                or heading.find_parent("section")
                or heading.parent
                or heading
            )
    if card is not None:
        places.append(card)
    links = []
    for place in places:
        for a in place.find_all("a", href=True):
            href = absolute_url(attr_text(a, "href"), url)
            if not href:
                continue
            href = unwrap_redirect(href)
            if is_linkedin(host_of(href)):
                continue
            links.append(href)
    return unique(links)


def parse_linkedin_dom(page: str | bytes | BeautifulSoup | None, url: str) -> Profile | None:
    """A Profile from the logged-in DOM, or None when the page shows nobody."""
    soup = as_soup(page)
    if soup is None:
        return None
    name, headline, location, card = _top_card(soup)
    find = sections.find_section
    about = sections.about(find(soup, "about"))
    experience = sections.positions(find(soup, "experience"))
    education = sections.schools(find(soup, "education"))
    profile = Profile(
        name=name,
        headline=headline,
        location=location,
        about=about,
        experience=tuple(experience),
        education=tuple(education),
        skills=unique(sections.first_lines(find(soup, "skills"))),
        interests=unique(sections.interests(find(soup, "interests"))),
        websites=unique([*_websites(soup, card, url), *blog_urls_in_text(about)]),
        source_url=url or None,
        volunteering=tuple(
            sections.positions(find(soup, "volunteering_experience"), volunteering=True)
        ),
        languages=unique(sections.first_lines(find(soup, "languages"))),
        certifications=unique(sections.first_lines(find(soup, "licenses_and_certifications"))),
    )
    if profile.is_empty:
        log.info("no person found on the LinkedIn page %s", url)
        return None
    return profile
