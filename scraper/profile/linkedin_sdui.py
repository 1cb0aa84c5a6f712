"""LinkedIn profiles in the 2026 layout (server-driven UI), read by meaning, in any language.

What the layout keeps stable (see ../shared/data/README.md, "LinkedIn's 2026 layout"):

- every card is an element whose ``componentkey`` is
  ``com.linkedin.sdui.profile.card.ref<memberId><Section>``: the section's name comes from there,
  never from its heading, which is written in the viewer's language;
- entries carry ``componentkey="entity-collection-item-..."``; several roles at one company are the
  ``<li>``s of a ``<ul>`` under the company's name;
- visible text is in plain ``<p>`` elements, the name in the top card's ``<h2>``; organisations
  are ``/company/`` and ``/school/`` links; long text sits in ``data-testid="expandable-text-box"``
  with a "more" button inside it.

Class names are 8-hex hashes that change with every build, so none is read. Experience, Education
and Skills load only when scrolled into view: a card that is not on the page is reported in
``missing_sections`` rather than guessed.
"""

from __future__ import annotations

import logging
import re

from scraper.models import Position, Profile, School

from . import roles
from .linkedin_dom import LAZY_SECTIONS, outside_links
from .linkedin_links import first_org_url
from .names import person_name
from .text import blog_urls_in_text, clean_block, unique
from .tree import Element, make_tree, outermost, parent_of, text_of, text_with_breaks

log = logging.getLogger(__name__)

CARD_PREFIX = "com.linkedin.sdui.profile.card.ref"
MARKER = 'componentkey="com.linkedin.sdui.profile.'
# The card's section, from the end of its componentkey. The member id before it is letters and
# digits too, so the section is the first of these words from which only letters run to the end
# ("...qatd0VolunteerExperienceTopLevelSection" is volunteering, not experience).
_SECTION_WORDS = re.compile(
    r"(Topcard|About|Volunteer|Experience|Education|Skill|Language|Certification|License"
    r"|Honor|Award|Project|Interest|Publication|Course|Recommendation|Featured|Activity"
    r"|ContactInfo)[A-Za-z]*$"
)
_SECTIONS = {
    "Topcard": "top",
    "About": "about",
    "Volunteer": "volunteering",
    "Experience": "experience",
    "Education": "education",
    "Skill": "skills",
    "Language": "languages",
    "Certification": "certifications",
    "License": "certifications",
    "Honor": "awards",
    "Award": "awards",
    "Project": "projects",
    "Interest": "interests",
    "ContactInfo": "contact",
}
_ITEM = "entity-collection-item"
_SKILL_KEY = "com.linkedin.sdui.profile.skill("
# Next to the name: the connection degree ("· 1st", "· 2.", "· 3e+"), pronouns ("She/Her").
_BADGE = re.compile(r"^[·•]\s*\S{0,5}$|^\(?[^\W\d_]+\s*/\s*[^\W\d_]+\)?$")
# Lines under a skill: where it was used and who endorsed it, not skills themselves.
_SKILL_NOTE = re.compile(r"^\d[\d,.\s]*\S")


def looks_like_sdui(text: str) -> bool:
    """True for a page of the 2026 layout (its cards' componentkeys are in no other page)."""
    return MARKER in text


def cards(tree: Element) -> dict[str, Element]:
    """The profile's cards by section name ('top', 'about', 'experience', ...), outermost first."""
    found: dict[str, Element] = {}
    nodes = tree.xpath(".//*[starts-with(@componentkey, $prefix)]", prefix=CARD_PREFIX)
    for node in outermost(nodes):
        m = _SECTION_WORDS.search(node.get("componentkey", "")[len(CARD_PREFIX) :])
        section = _SECTIONS.get(m.group(1)) if m else None
        if section and section not in found:
            found[section] = node
    return found


def _items(card: Element | None) -> list[Element]:
    """The card's entries: the outermost entity-collection items (skills have their own key)."""
    if card is None:
        return []
    nodes = card.xpath(
        ".//*[starts-with(@componentkey, $item) or starts-with(@componentkey, $skill)]",
        item=_ITEM,
        skill=_SKILL_KEY,
    )
    return outermost(nodes)


def _is_note(p: Element) -> bool:
    """A paragraph that is not one of the entry's lines: a description or a skills list."""
    if p.xpath(".//*[@data-testid='expandable-text-box']"):
        return True
    return any("skill-associations-details" in (a.get("href") or "") for a in p.iter("a"))


def _lines(root: Element, skip: Element | None = None) -> list[str]:
    """The text of each <p> under root, in order, leaving out descriptions and ``skip``."""
    out = []
    for p in root.iter("p"):
        if skip is not None and _inside(p, skip):
            continue
        if _is_note(p) or parent_of(p, "button") is not None:
            continue
        text = text_of(p)
        if text:
            out.append(text)
    return out


def _inside(el: Element, ancestor: Element) -> bool:
    return any(node is ancestor for node in el.iterancestors())


def _description(root: Element) -> str | None:
    """The entry's long text, without the "… more" button inside it."""
    blocks = []
    for box in root.xpath(".//*[@data-testid='expandable-text-box']"):
        parts = [text_with_breaks(child) if child.tag != "button" else "" for child in box]
        text = (box.text or "") + "".join(
            part + (child.tail or "") for part, child in zip(parts, box, strict=True)
        )
        text = clean_block(text)
        if text:
            blocks.append(text)
    return "\n".join(blocks) or None


def _roles_list(item: Element) -> Element | None:
    """The <ul> of roles under a company, when its items show their own dates."""
    for ul in item.iter("ul", "ol"):
        if any(roles.date_index(_lines(li)) >= 0 for li in ul if li.tag == "li"):
            return ul
    return None


def _entry(item: Element) -> roles.Entry:
    group = _roles_list(item)
    if group is None:
        return roles.Entry(_lines(item), _description(item), first_org_url(item))
    subs = [
        roles.Entry(_lines(li), _description(li), first_org_url(li))
        for li in group
        if li.tag == "li"
    ]
    return roles.Entry(_lines(item, skip=group), None, first_org_url(item), subs)


def positions(card: Element | None, volunteering: bool = False) -> list[Position]:
    return roles.positions_of((_entry(item) for item in _items(card)), volunteering)


def schools(card: Element | None) -> list[School]:
    out = []
    for item in _items(card):
        school = roles.school_from_lines(_lines(item), first_org_url(item, school=True))
        if school:
            out.append(school)
    return out


def names(card: Element | None) -> list[str]:
    """The first line of each entry: a skill's, a language's or a certificate's name."""
    out = []
    for item in _items(card):
        lines = [line for line in _lines(item) if not _SKILL_NOTE.match(line)]
        if lines:
            out.append(lines[0])
    return out


def _top_card(card: Element | None) -> tuple[str | None, str | None, str | None, str | None]:
    """Name, headline, location and current organisation from the top card."""
    if card is None:
        return None, None, None, None
    h2 = next(card.iter("h2"), None)
    name = person_name(text_of(h2))
    lines: list[str] = []
    buttons: list[str] = []
    before_contact: int | None = None
    started = h2 is None
    for node in card.iter("h2", "p"):
        if node is h2:
            started = True
            continue
        if not started or node.tag != "p":
            continue
        text = text_of(node)
        if not text or _BADGE.match(text):
            continue
        if any("overlay/contact-info" in (a.get("href") or "") for a in node.iter("a")):
            before_contact = len(lines) if before_contact is None else before_contact
            continue
        if node.xpath("ancestor::*[@role='button']"):
            buttons.append(text)  # the current company's or school's logo button
            continue
        if parent_of(node, "a") is not None or next(node.iter("a"), None) is not None:
            continue  # connection counts, mutual connections
        lines.append(text)
    headline = lines[0] if lines else None
    rest = lines[1:before_contact] if before_contact is not None else lines[1:]
    location = None
    if before_contact is not None and rest:
        location = rest.pop()
    elif rest and rest[-1] not in buttons:
        location = rest.pop()
    # The current company is the line the first logo button repeats; a line no button repeats
    # ("Talks about #ai", "Provides services") is not one.
    company = next((line for line in rest if buttons and line == buttons[0]), None)
    return name, headline, location, company


def about(card: Element | None) -> str | None:
    if card is None:
        return None
    text = _description(card)
    if text:
        return text
    h2 = next(card.iter("h2"), None)
    lines = [line for line in _lines(card) if h2 is None or line != text_of(h2)]
    return clean_block("\n".join(lines))


def parse_sdui(page: str | bytes | Element | None, url: str) -> Profile | None:
    """A Profile from a 2026-layout page, or None when the page shows nobody."""
    tree = make_tree(page)
    if tree is None:
        return None
    found = cards(tree)
    name, headline, location, company = _top_card(found.get("top"))
    about_text = about(found.get("about"))
    experience = positions(found.get("experience"))
    if not experience and company:
        # Experience has not loaded, but the top card names the current employer.
        experience = [Position(company=company)]
    places = [card for key, card in found.items() if key in ("top", "contact")]
    profile = Profile(
        name=name,
        headline=headline,
        location=location,
        about=about_text,
        experience=tuple(experience),
        education=tuple(schools(found.get("education"))),
        skills=unique(names(found.get("skills"))),
        websites=unique([*outside_links(places, url), *blog_urls_in_text(about_text)]),
        source_url=url or None,
        volunteering=tuple(positions(found.get("volunteering"), volunteering=True)),
        languages=unique(names(found.get("languages"))),
        certifications=unique(names(found.get("certifications"))),
        missing_sections=tuple(key for key in LAZY_SECTIONS if not _items(found.get(key))),
    )
    if profile.is_empty:
        log.debug("no person found on the LinkedIn page %s", url)
        return None
    return profile
