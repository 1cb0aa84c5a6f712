"""LinkedIn's own profile data, when the page embeds it: ``<code>`` blobs of voyager JSON.

Logged-in LinkedIn pages of the classic layout (until late 2025) carry the API answers the page
was built from, HTML-escaped inside hidden ``<code>`` elements: ``{"data": ..., "included": [...]}``
with typed objects (``"$type": "com.linkedin.voyager.dash.identity.profile.Position"``, or the
older ``com.linkedin.voyager.identity.profile.Position``). These are exact (dates as numbers, the
organisation's id), so they are read first and the DOM only fills what they leave out.

The same blobs describe other people too: the viewer's own mini-profile, people in sidebars. The
person is the profile whose public identifier is the page's ``/in/<slug>/``; failing that, the one
that owns the positions and schools (their ``entityUrn`` names their owner's profile id).
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import fields, replace
from typing import Any
from urllib.parse import unquote, urlsplit

from scraper.models import Position, Profile, School

from .names import person_name
from .text import clean, clean_block, unique

log = logging.getLogger(__name__)

MARKER = "com.linkedin.voyager"
_PROFILE_TYPES = ".identity.profile."
_CODE_OPEN = re.compile(r"<code\b[^>]{0,2000}>", re.IGNORECASE)
_CODE_CLOSE = re.compile(r"</code\s*>", re.IGNORECASE)
# A profile's blobs are tens to hundreds of KB; bigger ones are feeds or junk, and decoding them
# would cost more than the parse budget.
MAX_BLOB_CHARS = 3_000_000
MAX_BLOBS = 200
MAX_ENTITIES = 20_000

_KIND = re.compile(r"\.identity\.profile\.(\w+)$|\.(?:common|organization)\.(Geo|Company|School)$")
# The kinds that are a person's entries (their urn names the profile they belong to).
_ENTRIES = {"Position", "Education", "Skill", "Language", "Certification", "VolunteerExperience"}
_OWNER = re.compile(r"\((ACo[\w-]+|[\w-]{20,}),")


def voyager_entities(page: str) -> list[dict]:
    """Every typed voyager object in the page's ``<code>`` blobs (empty when there are none).

    Scans the raw page (the blobs are dropped before any tree is built): each ``<code`` is paired
    with the next ``</code>`` once, so the work stays linear in the page's size.
    """
    if not isinstance(page, str) or MARKER not in page:
        return []
    entities: list[dict] = []
    pos = blobs = 0
    while blobs < MAX_BLOBS:
        opening = _CODE_OPEN.search(page, pos)
        if opening is None:
            break
        closing = _CODE_CLOSE.search(page, opening.end())
        if closing is None:
            break
        pos = closing.end()
        body = page[opening.end() : closing.start()]
        # Only the answers about profiles are decoded (feeds and settings are most of the bytes).
        if _PROFILE_TYPES not in body or len(body) > MAX_BLOB_CHARS:
            continue
        blobs += 1
        try:
            data = json.loads(html_lib.unescape(body).strip(), strict=False)
        except (ValueError, RecursionError):
            continue
        for item in _objects(data):
            if isinstance(item.get("$type"), str) and item["$type"].startswith(MARKER):
                entities.append(item)
                if len(entities) >= MAX_ENTITIES:
                    return entities
    return entities


def _objects(data: Any) -> Iterator[dict]:
    """The typed objects of one answer: its ``included`` list and its ``data`` object."""
    if not isinstance(data, dict):
        return
    included = data.get("included")
    if isinstance(included, list):
        yield from (item for item in included if isinstance(item, dict))
    inner = data.get("data")
    if isinstance(inner, dict):
        yield inner
        if isinstance(inner.get("data"), dict):
            yield inner["data"]


def _kind(entity: dict) -> str | None:
    m = _KIND.search(str(entity.get("$type", "")))
    return (m.group(1) or m.group(2)) if m else None


def _profile_id(entity: dict) -> str | None:
    urn = str(entity.get("entityUrn") or "")
    return urn.rsplit(":", 1)[-1] if urn else None


def _owner(entity: dict) -> str | None:
    m = _OWNER.search(str(entity.get("entityUrn") or ""))
    return m.group(1) if m else None


def _slug(url: str) -> str | None:
    m = re.match(r"^/in/([^/?#]+)", urlsplit(url or "").path)
    return unquote(m.group(1)).lower() if m else None


def _text(value: Any) -> str | None:
    """A string field, or the ``text`` of a TextViewModel ({"text": "..."})."""
    return clean(_raw(value))


def _block(value: Any) -> str | None:
    """Free text (a summary, a description) with its line breaks kept."""
    return clean_block(_raw(value))


def _raw(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("text")
    return value if isinstance(value, str) else None


def _date(value: Any) -> str | None:
    if not isinstance(value, dict) or not isinstance(value.get("year"), int):
        return None
    month = value.get("month")
    if isinstance(month, int) and 1 <= month <= 12:
        return f"{value['year']}-{month:02d}"
    return str(value["year"])


def _range(entity: dict) -> tuple[str | None, str | None]:
    span = entity.get("dateRange") or entity.get("timePeriod") or {}
    if not isinstance(span, dict):
        return None, None
    return (
        _date(span.get("start") or span.get("startDate")),
        _date(span.get("end") or span.get("endDate")),
    )


def _org_url(urn: Any, kind: str) -> str | None:
    m = re.match(r"^urn:li:(?:fsd_|fs_)?(?:company|school|organization):(\d+)$", str(urn or ""))
    return f"https://www.linkedin.com/{kind}/{m.group(1)}/" if m else None


def _main_profile(entities: list[dict], url: str) -> dict | None:
    """The page's person: the profile named by the URL, else the one owning the page's entries.

    Real captures hold the viewer's own profile and people from the sidebars, often without the
    page's person at all; a profile that neither the URL nor any entry points at is nobody's.
    """
    profiles = [e for e in entities if _kind(e) == "Profile" and (e.get("firstName") or "")]
    slug = _slug(url)
    if slug is not None:
        return next(
            (p for p in profiles if str(p.get("publicIdentifier") or "").lower() == slug), None
        )
    owned: dict[str, int] = {}
    for entity in entities:
        owner = _owner(entity) if _kind(entity) in _ENTRIES else None
        if owner:
            owned[owner] = owned.get(owner, 0) + 1
    ranked = sorted(profiles, key=lambda p: owned.get(_profile_id(p) or "", 0), reverse=True)
    if ranked and owned.get(_profile_id(ranked[0]) or "", 0) > 0:
        return ranked[0]
    return None


def _order(entities: list[dict]) -> dict[str, int]:
    """Where each urn first appears in a collection's ``*elements``: the order the page shows."""
    order: dict[str, int] = {}
    for entity in entities:
        for key, value in entity.items():
            if key.startswith("*") and isinstance(value, list):
                for urn in value:
                    if isinstance(urn, str):
                        order.setdefault(urn, len(order))
    return order


def _sorted(items: list[dict], order: dict[str, int]) -> list[dict]:
    def key(entity: dict) -> tuple[int, bool, int]:
        start, end = _range(entity)
        listed = order.get(str(entity.get("entityUrn")), len(order) + 1)
        # Unlisted ones go as the page lists them: current ones first, then newest first.
        when = int((start or "0").replace("-", "").ljust(6, "0"))
        return (listed, end is not None, -when)

    return sorted(items, key=key)


def _named(entities: list[dict], kind: str) -> dict[str, dict]:
    return {str(e.get("entityUrn")): e for e in entities if _kind(e) == kind}


def _location(profile: dict, geos: dict[str, dict]) -> str | None:
    for key in ("locationName", "geoLocationName"):
        if _text(profile.get(key)):
            return _text(profile.get(key))
    geo_ref = profile.get("geoLocation")
    if isinstance(geo_ref, dict):
        geo = geos.get(str(geo_ref.get("*geo") or geo_ref.get("geoUrn")))
        if geo:
            return _text(geo.get("defaultLocalizedName"))
    return None


def _positions(items: list[dict], types: dict[str, dict]) -> list[Position]:
    out = []
    for item in items:
        start, end = _range(item)
        kind = types.get(str(item.get("*employmentType") or item.get("employmentTypeUrn")))
        out.append(
            Position(
                title=_text(item.get("title")),
                company=_text(item.get("companyName")),
                start=start,
                end=end,
                location=_text(item.get("locationName")) or _text(item.get("geoLocationName")),
                description=_block(item.get("description")),
                employment_type=_text(kind.get("name")) if kind else None,
                company_url=_org_url(item.get("companyUrn"), "company"),
            )
        )
    return [p for p in out if p.title or p.company]


def _schools(items: list[dict]) -> list[School]:
    out = []
    for item in items:
        start, end = _range(item)
        out.append(
            School(
                school=_text(item.get("schoolName")),
                degree=_text(item.get("degreeName")),
                field=_text(item.get("fieldOfStudy")),
                start=start,
                end=end,
                school_url=_org_url(item.get("schoolUrn"), "school"),
            )
        )
    return [s for s in out if s.school]


def parse_voyager(entities: list[dict], url: str) -> Profile | None:
    """The page's person from its voyager objects, or None when they do not say who it is."""
    profile = _main_profile(entities, url)
    if profile is None:
        return None
    me = _profile_id(profile)

    def mine(kind: str) -> list[dict]:
        return [e for e in entities if _kind(e) == kind and _owner(e) == me]

    order = _order(entities)
    types = _named(entities, "EmploymentType")
    name = person_name(f"{profile.get('firstName') or ''} {profile.get('lastName') or ''}")
    found = Profile(
        name=name,
        headline=_text(profile.get("headline")),
        location=_location(profile, _named(entities, "Geo")),
        about=_block(profile.get("summary")),
        experience=tuple(_positions(_sorted(mine("Position"), order), types)),
        education=tuple(_schools(_sorted(mine("Education"), order))),
        skills=unique(_text(e.get("name")) for e in mine("Skill")),
        languages=unique(_text(e.get("name")) for e in mine("Language")),
        certifications=unique(_text(e.get("name")) for e in mine("Certification")),
        volunteering=tuple(
            Position(title=_text(e.get("role")), company=_text(e.get("companyName")))
            for e in mine("VolunteerExperience")
            if _text(e.get("role")) or _text(e.get("companyName"))
        ),
        source_url=url or None,
    )
    return found if not found.is_empty else None


def _key(text: str | None) -> str:
    return (clean(text) or "").casefold()


def _fill(exact: tuple, seen: tuple, key) -> tuple:
    """Each exact entry, with the fields it lacks taken from the same entry as the page shows it."""
    if not exact:
        return seen
    by_key = {key(item): item for item in seen}
    out = []
    for item in exact:
        twin = by_key.get(key(item))
        if twin is not None:
            gaps = {
                f.name: getattr(twin, f.name)
                for f in fields(item)
                if getattr(item, f.name) is None and getattr(twin, f.name) is not None
            }
            item = replace(item, **gaps)
        out.append(item)
    return tuple(out)


def fill_gaps(exact: Profile, seen: Profile | None) -> Profile:
    """The embedded data first (it is exact), then what only the page's text gives.

    Lists come from the embedded data when it has them; each entry then takes the fields it
    lacks (the duration as the page words it, the employment type, the place) from its twin on
    the page. A section counts as missing only when neither source has it.
    """
    if seen is None:
        return exact
    position_key = lambda p: (_key(p.title), _key(p.company))  # noqa: E731
    values: dict[str, Any] = {}
    for f in fields(Profile):
        mine, theirs = getattr(exact, f.name), getattr(seen, f.name)
        if f.name in ("experience", "volunteering"):
            values[f.name] = _fill(mine, theirs, position_key)
        elif f.name == "education":
            values[f.name] = _fill(mine, theirs, lambda s: _key(s.school))
        elif f.name == "websites":
            values[f.name] = unique([*mine, *theirs])
        else:
            values[f.name] = mine or theirs
    merged = replace(exact, **values)
    missing = tuple(s for s in seen.missing_sections if not getattr(merged, s))
    return replace(merged, missing_sections=missing)
