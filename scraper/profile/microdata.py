"""Microdata (itemscope Person) and microformats2 h-card, turned into schema.org Person dicts.

Both are read into the JSON-LD shape so that ``jsonld.person_to_profile`` maps every markup the
same way. Microformats are class names by design (``h-card``, ``p-name``): on personal pages those
are the published vocabulary, unlike LinkedIn's hashed classes.
"""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup, Tag

from scraper.soup import attr_text, attr_values

from .text import absolute_url, block_text, clean, host_of, inline_text

# Properties past this count are junk; this bounds the work on a page of a million itemprops.
MAX_PROPERTIES = 500


def _prop_value(el: Tag, base: str) -> Any:
    if el.has_attr("itemscope"):
        return microdata_item(el, base)
    if el.has_attr("content"):
        return clean(str(el["content"]))
    if el.name in ("a", "link", "area") and el.has_attr("href"):
        return absolute_url(str(el["href"]), base) or clean(el.get_text(" "))
    if el.name in ("img", "audio", "video", "source") and el.has_attr("src"):
        return absolute_url(str(el["src"]), base)
    if el.name == "time" and el.has_attr("datetime"):
        return clean(str(el["datetime"]))
    if el.name == "meta":
        return None
    return block_text(el)


def microdata_item(scope: Tag, base: str) -> dict:
    """One itemscope as a dict: '@type' from itemtype, each itemprop a value or a list."""
    item: dict[str, Any] = {"@type": str(scope.get("itemtype") or "").split()}
    for el in scope.find_all(True, attrs={"itemprop": True}, limit=MAX_PROPERTIES):
        owner = el.find_parent(attrs={"itemscope": True})
        if owner is not scope:
            continue  # belongs to a nested item
        value = _prop_value(el, base)
        if value in (None, "", {}):
            continue
        for name in str(el["itemprop"]).split():
            if name in item:
                current = item[name]
                item[name] = current + [value] if isinstance(current, list) else [current, value]
            else:
                item[name] = value
    return item


def microdata_person(soup: BeautifulSoup, base: str) -> dict | None:
    """The first schema.org Person item of the page (the page's subject comes first)."""
    for scope in soup.find_all(
        True,
        attrs={"itemscope": True, "itemtype": re.compile(r"schema\.org/Person\b", re.I)},
        limit=1,
    ):
        return microdata_item(scope, base)
    return None


def _classes(el: Tag) -> list[str]:
    return attr_values(el, "class")


def _is_root(el: Tag) -> bool:
    return any(c.startswith("h-") for c in _classes(el))


def _owner(el: Tag) -> Tag | None:
    return el.find_parent(lambda t: _is_root(t))


_HCARD_PROPS = {
    "p-name": "name",
    "p-given-name": "givenName",
    "p-family-name": "familyName",
    "p-job-title": "jobTitle",
    "p-role": "jobTitle",
    "p-org": "worksFor",
    "p-note": "description",
    "e-note": "description",
    "p-category": "knowsAbout",
    "u-url": "url",
    "u-uid": "url",
    "p-locality": "addressLocality",
    "p-region": "addressRegion",
    "p-country-name": "addressCountry",
    "p-label": "address",
    "p-adr": "address",
}


def hcard_item(card: Tag, base: str) -> dict:
    """An h-card as a Person dict; a bare <a class="h-card" href>Name</a> implies name and url."""
    item: dict[str, Any] = {"@type": ["Person"]}
    address: dict[str, Any] = {}
    multi = {"knowsAbout", "url"}
    found = [card] if any(c in _HCARD_PROPS for c in _classes(card)) else []
    for el in card.find_all(class_=re.compile(r"^(?:p|u|e|dt)-"), limit=MAX_PROPERTIES):
        if _owner(el) is card:
            found.append(el)
    for el in found:
        for cls in _classes(el):
            key = _HCARD_PROPS.get(cls)
            if key is None:
                continue
            if key == "url":
                value = absolute_url(str(el.get("href") or el.get("content") or ""), base)
            elif _is_root(el) and el is not card and key == "address":
                value = hcard_item(el, base).get("address") or inline_text(el)
            elif _is_root(el) and el is not card:
                value = clean(hcard_item(el, base).get("name") or inline_text(el))
            else:
                value = (
                    block_text(el)
                    if key == "description"
                    else clean(
                        attr_text(el, "content") or attr_text(el, "title") or inline_text(el)
                    )
                )
            if not value:
                continue
            if key.startswith("address") and key != "address":
                address[key] = value
            elif key in multi:
                item.setdefault(key, []).append(value)
            else:
                item.setdefault(key, value)
    if address and "address" not in item:
        item["address"] = address
    if "name" not in item and len(found) <= 1:
        implied = clean(attr_text(card, "title") or inline_text(card))
        # The implied name is the card's whole text: a name on <a class="h-card">Jo Doe</a>,
        # but a theme's footer marked h-card ("Subscribe ... © 2025 Jo Doe") names nobody.
        if implied and len(implied) <= 60 and len(implied.split()) <= 5:
            if not any(c.isdigit() for c in implied) and "©" not in implied:
                item["name"] = implied
    own = absolute_url(str(card.get("href") or ""), base) if card.name == "a" else None
    if own:
        item.setdefault("url", []).insert(0, own)
    return item


def main_hcard(soup: BeautifulSoup, url: str) -> dict | None:
    """The page owner's h-card: the one whose URL is this site, else one outside posts, else any."""
    # The owner's card is near the top; looking at more than a few bounds the work on junk pages.
    cards = soup.find_all(class_="h-card", limit=10)
    if not cards:
        return None
    items = [(c, hcard_item(c, url)) for c in cards]
    site = host_of(url)
    for _, item in items:
        if site and any(host_of(u) == site for u in item.get("url") or [] if u):
            return item
    for card, item in items:
        if card.find_parent(class_=re.compile(r"^h-(?:entry|cite|event)$")) is None:
            return item
    return items[0][1]
