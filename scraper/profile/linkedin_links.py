"""Links on LinkedIn pages: organisations' own pages, and the outside links LinkedIn wraps.

An organisation's LinkedIn page (``/company/<id>/``, ``/school/<id>/``) names it better than any
spelling of its name: the same link on two profiles is the same organisation. Profiles link it in
many forms (``https://se.linkedin.com/company/fjord?trk=...``, ``/company/1035/life/``, relative
links), so every parser writes it in one form: ``https://www.linkedin.com/<kind>/<id>/``.

LinkedIn's organisation ids are one number space for companies and schools
(``/company/4477/`` and ``/school/4477/`` are the same university; the classic layout links a
school from the Education card as ``/company/<id>/``). A school's link is therefore always written
``/school/<id>/`` for a numeric id, so that two people's schools compare equal however each page
linked it.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from bs4 import Tag

from scraper.hosts import is_linkedin, is_linkedin_url

from .text import host_of

_ORG_PATH = re.compile(r"^/(company|school)/([^/?#]+)", re.IGNORECASE)


def org_url(href: str | None, *, school: bool = False) -> str | None:
    """LinkedIn's page of an organisation, normalised; None for any other link.

    Relative links count: on a LinkedIn capture they are LinkedIn's own, wherever the page was
    saved or served from.
    """
    href = (href or "").strip()
    if not href:
        return None
    try:
        parts = urlsplit(urljoin("https://www.linkedin.com/", href))
    except ValueError:
        return None
    if not is_linkedin(parts.hostname or "") and not href.startswith("/"):
        return None
    m = _ORG_PATH.match(parts.path)
    if not m:
        return None
    kind, ident = m.group(1).lower(), unquote(m.group(2)).strip().lower()
    if not ident:
        return None
    if school and ident.isdigit():
        kind = "school"
    return f"https://www.linkedin.com/{kind}/{ident}/"


def first_org_url(entry: Any, school: bool = False) -> str | None:
    """The organisation's page an entry links (its logo's link comes first): an lxml element
    (logged-in captures) or a BeautifulSoup tag (public pages)."""
    anchors = entry.find_all("a", href=True) if isinstance(entry, Tag) else entry.iter("a")
    for a in anchors:
        href = a.get("href")
        url = org_url(href if isinstance(href, str) else None, school=school)
        if url:
            return url
    return None


def unwrap_redirect(url: str) -> str:
    """LinkedIn wraps outside links as /redir/redirect?url=... or /safety/go/?url=...;
    give the real target."""
    parts = urlsplit(url)
    if is_linkedin(host_of(url)) and parts.path.startswith(("/redir/", "/safety/go")):
        target = parse_qs(parts.query).get("url")
        if target:
            return target[0]
    return url


__all__ = ["first_org_url", "is_linkedin_url", "org_url", "unwrap_redirect"]
