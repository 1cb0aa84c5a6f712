"""schema.org Person data (JSON-LD, or microdata/h-card turned into the same shape) -> Profile.

LinkedIn public pages and many personal sites describe their person in JSON-LD. The same
``person_to_profile`` reads a ``Person`` whatever markup it came from, so every family maps
``jobTitle``, ``worksFor``, ``alumniOf``, ``address``, ``sameAs`` the same way.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from typing import Any

from bs4 import BeautifulSoup

from scraper.hosts import is_linkedin
from scraper.models import Position, Profile, School

from .linkedin_links import org_url
from .text import absolute_url, clean, clean_block, host_of, normalise_date, unique

log = logging.getLogger(__name__)

# JSON-LD on real pages is small; a huge block is junk and json.loads on it would eat the budget.
MAX_BLOCK_CHARS = 1_000_000
MAX_NODES = 5_000
# schema.org types of schools: alumniOf holds both these and past employers (Organization).
SCHOOL_TYPES = {
    "educationalorganization",
    "collegeoruniversity",
    "highschool",
    "middleschool",
    "elementaryschool",
    "preschool",
    "school",
}
_MASKED = re.compile(r"[*•·\s.-]+")


def types_of(node: dict) -> set[str]:
    """'Person', 'schema:Person', 'http://schema.org/Person' and lists of them -> {'person'}."""
    raw = node.get("@type") or node.get("type") or ()
    if isinstance(raw, str):
        raw = [raw]
    out = set()
    for t in raw if isinstance(raw, list) else ():
        if isinstance(t, str):
            out.add(re.split(r"[/:#]", t)[-1].lower())
    return out


def _load(text: str) -> Any:
    text = text.strip()
    # Some CMSs wrap JSON-LD in HTML comments or CDATA, or end it with a semicolon.
    text = re.sub(r"^(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)$", "", text).strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        log.debug("skipping a JSON-LD block that is not valid JSON")
        return None


def _walk(value: Any, depth: int = 0) -> Iterator[dict]:
    """Every dict in the JSON, top-level items and @graph members first, nested ones after."""
    if depth > 12:
        return
    if isinstance(value, list):
        for item in value[:MAX_NODES]:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if isinstance(item, dict | list) and key != "@context":
                yield from _walk(item, depth + 1)


def json_ld_nodes(soup: BeautifulSoup) -> list[dict]:
    """All JSON-LD objects of the page (each block's top level, @graph items, nested nodes)."""
    nodes: list[dict] = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        text = script.string or script.get_text()
        if not text or len(text) > MAX_BLOCK_CHARS:
            continue
        for node in _walk(_load(text)):
            nodes.append(node)
            if len(nodes) >= MAX_NODES:
                return nodes
    return nodes


def find_person(nodes: list[dict]) -> dict | None:
    """The page's main person: a ProfilePage's mainEntity, a top Person, else a post's author."""
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}

    def resolve(value: Any) -> dict | None:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            ref = value.get("@id")
            if len(value) == 1 and isinstance(ref, str):
                return by_id.get(ref)
            return value
        return None

    for node in nodes:
        if "profilepage" in types_of(node):
            entity = resolve(node.get("mainEntity") or node.get("about"))
            if entity and "person" in types_of(entity):
                return entity
    # A post's author or a page's reviewer is a Person too, but a thin one: the page's own person
    # is the Person that says the most about themselves.
    people = [
        n for n in nodes if "person" in types_of(n) and _text(n.get("name") or n.get("givenName"))
    ]
    if people:
        return max(people, key=len)
    for node in nodes:
        for key in ("author", "creator", "publisher"):
            entity = resolve(node.get(key))
            if entity and "person" in types_of(entity) and _text(entity.get("name")):
                return entity
    return None


def _text(value: Any) -> str | None:
    """A string from a JSON-LD value that may be a string, a list, a number or a {name} node."""
    if isinstance(value, list):
        value = next((v for v in value if _text(v)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("value")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = clean(str(value))
        # LinkedIn masks what a logged-out visitor may not see: "******** *** ***" is no value.
        return None if text is None or _MASKED.fullmatch(text) else text
    return None


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for t in (_text(v) for v in items) if t]


def _items(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def place_text(value: Any) -> str | None:
    """'Stockholm, SE' from a PostalAddress, a Place with an address, or a plain string."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return clean(value)
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("address"), dict | str):
        return place_text(value["address"])
    locality = _text(value.get("addressLocality"))
    if locality and "," in locality:
        # LinkedIn writes the whole place in addressLocality ("Seattle, Washington, United
        # States") and adds a country code; the code would only repeat it.
        return locality
    parts = [locality, _text(value.get("addressRegion")), _text(value.get("addressCountry"))]
    joined = ", ".join(p for p in parts if p)
    return joined or _text(value.get("name"))


def _role(org: dict) -> dict:
    """The OrganizationRole of a worksFor/alumniOf node: LinkedIn puts it in 'member'."""
    member = org.get("member")
    if isinstance(member, list):
        member = member[0] if member else None
    return member if isinstance(member, dict) else {}


def _date(value: Any) -> str | None:
    return normalise_date(_text(value))


def _is_employer(org: dict) -> bool:
    kinds = types_of(org)
    return bool(kinds) and not (kinds & SCHOOL_TYPES) and "person" not in kinds


def _linkedin_page(org: dict, school: bool = False) -> str | None:
    """The organisation's LinkedIn page, when its node links one (LinkedIn's own JSON-LD does)."""
    for value in _items(org.get("url")) + _items(org.get("sameAs")):
        if (
            isinstance(value, str)
            and value.startswith("http")
            and (url := org_url(value, school=school))
        ):
            return url
    return None


def _positions(person: dict) -> list[Position]:
    # Kept with their masked (None) entries, so that they still line up with worksFor.
    titles = [_text(v) for v in _items(person.get("jobTitle"))]
    current = [o for o in _items(person.get("worksFor")) if isinstance(o, dict | str)]
    # alumniOf mixes schools and past employers; only a typed non-school organisation is a job.
    past = [o for o in _items(person.get("alumniOf")) if isinstance(o, dict) and _is_employer(o)]
    out = []
    for i, org in enumerate([*current, *past]):
        role = _role(org) if isinstance(org, dict) else {}
        title = _text(role.get("roleName")) or _text(role.get("jobTitle"))
        # Titles come as a list parallel to the current employers when no role names them.
        if not title and i < len(current) and len(titles) == len(current):
            title = titles[i]
        start, end = _date(role.get("startDate")), _date(role.get("endDate"))
        out.append(
            Position(
                title=title,
                company=_text(org),
                start=start,
                end=end,
                location=place_text(org.get("location")) if isinstance(org, dict) else None,
                description=clean_block(_text(role.get("description"))),
                company_url=_linkedin_page(org) if isinstance(org, dict) else None,
            )
        )
    return [p for p in out if p.company or p.title]


def _schools(person: dict) -> list[School]:
    out = []
    for org in _items(person.get("alumniOf")):
        if isinstance(org, str):
            out.append(School(school=clean(org)))
            continue
        if not isinstance(org, dict) or _is_employer(org):
            continue
        role = _role(org)
        out.append(
            School(
                school=_text(org),
                degree=_text(role.get("roleName")) or _text(role.get("description")),
                start=_date(role.get("startDate")),
                end=_date(role.get("endDate")),
                school_url=_linkedin_page(org, school=True),
            )
        )
    return [s for s in out if s.school]


def _links(person: dict, base: str) -> list[str]:
    links = []
    for value in _items(person.get("url")) + _items(person.get("sameAs")):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            links.append(absolute_url(value, base))
    return [u for u in links if u]


def fetchable_sites(links: Sequence[str | None]) -> tuple[str, ...]:
    """The links the server may read a blog from: http(s), not LinkedIn, each once."""
    # LinkedIn is never fetched (it is read only from the DOM the user sends), so a link there
    # is kept out of the websites the server reads blogs from.
    return unique(u for u in links if u and not is_linkedin(host_of(u)))


def person_to_profile(person: dict, url: str) -> Profile:
    """A Profile from a schema.org Person node (any markup already turned into this shape)."""
    name = _text(person.get("name"))
    if not name:
        name = clean(" ".join(_texts(person.get("givenName")) + _texts(person.get("familyName"))))
    titles = _texts(person.get("jobTitle"))
    positions = _positions(person)
    headline = titles[0] if titles else None
    if headline and positions and positions[0].company and positions[0].title == headline:
        headline = f"{headline} at {positions[0].company}"
    return Profile(
        name=name,
        headline=headline,
        location=place_text(person.get("address")) or place_text(person.get("homeLocation")),
        about=clean_block(_text(person.get("description"))),
        experience=tuple(positions),
        education=tuple(_schools(person)),
        skills=unique(_texts(person.get("knowsAbout")) + _texts(person.get("skills"))),
        interests=unique(_texts(person.get("interest"))),
        websites=fetchable_sites(_links(person, url)),
        source_url=url or None,
        languages=unique(_texts(person.get("knowsLanguage"))),
        certifications=unique(_texts(person.get("hasCredential"))),
        awards=unique(_texts(person.get("award")) + _texts(person.get("awards"))),
    )
