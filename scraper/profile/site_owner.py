"""Whose site this is, when the page does not say it with structured data.

A blog's home page often names its owner only as the site's name: ``og:site_name``, the
``<title>``, the site-title link in the header, the "© 2025 Jane Doe" line in the footer. A site
name is a person's name when it reads like one (two to four capitalised words, none of them a
word that names a blog: "Field Notes", "The Pragmatic Engineer" are not people) and at least two
of those places agree. "Jane Doe's blog" and "Notes by Jane Doe" give "Jane Doe".

``about_page_url`` says which page of the site tells more about its owner (the About page, else
the Now page) and ``with_about_page`` completes the owner from it; ``feed_author`` names the owner
from the feed's entries. All are pure: the analysis pipeline, which fetches, reads those pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from scraper.models import Profile
from scraper.soup import attr_text

from .names import person_name
from .text import absolute_url, clean, host_of, unique

_SPLIT = re.compile(r"\s+[|–—·:»-]\s+|\s*[|–—·»]\s*")
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w'’.-]*"
_PARTICLE = r"(?:de|da|di|del|der|van|von|la|le|bin|al|ten|ter|y)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,3}}$")
# "Jane Doe's blog", "Notes by Jane Doe", "The blog of Jane Doe"
_SITE_WORDS = (
    r"(?:blog|site|notes|weblog|journal|homepage|home page|website|corner|garden|writing|words)"
)
_POSSESSIVE = re.compile(rf"^(?P<name>.+?)['’]s?\s+(?:\w+\s+)?{_SITE_WORDS}$", re.I)
_BY = re.compile(rf"^(?:the\s+)?{_SITE_WORDS}\s+(?:of|by|from)\s+(?P<name>.+)$", re.I)
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?"
    r"(?P<name>[^.,|·∙•\d\n][^.,|·∙•\n]{2,60})",
    re.I,
)
# Words that name a blog, a business or a topic, never a person.
_NOT_NAME_WORDS = set(
    """
    the a an my our blog blogs weblog notes note journal diary log logs weekly daily monthly news
    newsletter digest magazine podcast press studio labs lab tech technology dev devs code coding
    software engineering engineer engineers developer developers design designer data science
    scientist writer writing writings thoughts musings ramblings words field home homepage site
    website page world club company inc ltd llc group team academy school university institute
    pragmatic practical modern simple random hacker hackers geek nerd garden corner stories
    collective project projects works lab's docs documentation guide guides tips tricks about
    welcome hello portfolio resume cv official archive archives index
    """.split()
)
_ABOUT_WORDS = {"about", "about me", "who am i", "who i am", "bio", "biography", "me"}
_NOW_WORDS = {"now", "/now", "what i'm doing now", "now page"}
_ABOUT_PATH = re.compile(r"/(?:about|about-me|bio|me|who-am-i)(?:/|\.html?)?$", re.I)
_NOW_PATH = re.compile(r"/now(?:/|\.html?)?$", re.I)


def as_name(text: str | None) -> str | None:
    """The person's name a site-name string holds, or None when it names no person."""
    text = clean(text)
    if not text:
        return None
    for pattern in (_POSSESSIVE, _BY):
        m = pattern.match(text)
        if m:
            text = clean(m.group("name")) or ""
            break
    text = text.strip(" .,:")
    if not _NAME.match(text):
        return None
    # A middle initial ("Ines A. Okafor") is not the article "a"; only a first word can be one.
    tokens = text.split()
    words = [
        w.lower().strip("'’.")
        for i, w in enumerate(tokens)
        if not (i > 0 and re.fullmatch(r"[A-Z]\.?", w))
    ]
    if any(w in _NOT_NAME_WORDS for w in words):
        return None
    return text


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    node = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return clean(attr_text(node, "content")) if node is not None else None


def _candidates(soup: BeautifulSoup, url: str) -> list[tuple[str, str]]:
    """(place, text) pairs where a site names itself."""
    found: list[tuple[str, str]] = []
    site_name = _meta(soup, "og:site_name") or _meta(soup, "application-name")
    if site_name:
        found.append(("og:site_name", site_name))
    if urlsplit(url).path in ("", "/"):
        # On the home page, the page's own title is the site's.
        og_title = _meta(soup, "og:title")
        if og_title:
            found.append(("og:title", og_title))
    title = soup.find("title")
    if title is not None:
        for part in _SPLIT.split(clean(title.get_text(" ")) or ""):
            found.append(("title", part))
    root = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/" if url else "/"
    for a in soup.find_all("a", href=True, limit=400):
        href = absolute_url(attr_text(a, "href"), url) or ""
        home = href.rstrip("/") + "/" == root or "home" in [r.lower() for r in a.get("rel") or []]
        if home and a.find_parent(["header", "nav"]) is not None:
            found.append(("site title", a.get_text(" ")))
    footer = soup.find("footer")
    if footer is not None:
        for m in COPYRIGHT.finditer(footer.get_text("\n")):
            found.append(("copyright", m.group("name")))
    for h1 in soup.find_all("h1", limit=3):
        found.append(("h1", h1.get_text(" ")))
    return found


def site_names(soup: BeautifulSoup, url: str) -> frozenset[str]:
    """What the site calls itself (casefolded): og:site_name, the JSON-LD WebSite's or
    organisation's name, the site-title link in the header, and a home page's whole title.

    On a person's own site these are their name; on "Slow Compile" they are not, and a name
    given elsewhere on the page (its author) says whose site it is.
    """
    from .jsonld import json_ld_nodes, types_of

    found = [_meta(soup, "og:site_name"), _meta(soup, "application-name")]
    for node in json_ld_nodes(soup):
        kinds = types_of(node)
        if kinds and "person" not in kinds and isinstance(node.get("name"), str):
            if kinds & {"website", "blog", "organization", "newsmediaorganization"}:
                found.append(node["name"])
    root = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/" if url else "/"
    for a in soup.find_all("a", href=True, limit=400):
        href = absolute_url(attr_text(a, "href"), url) or ""
        if href.rstrip("/") + "/" == root and a.find_parent(["header", "nav"]) is not None:
            if a.find("img") is None or clean(a.get_text(" ")):
                found.append(a.get_text(" "))
    title = soup.find("title")
    if title is not None and urlsplit(url).path in ("", "/"):
        found.append(title.get_text(" "))
    return frozenset(n.casefold() for n in (clean(f) for f in found) if n)


def site_owner_name(
    soup: BeautifulSoup, url: str, organisations: frozenset[str] = frozenset()
) -> str | None:
    """The owner's name as the site names itself, when at least two places agree on it.

    ``organisations`` are names the page's structured data gives to organisations (a company's
    landing page names itself just as a person's blog does).
    """
    places: dict[str, set[str]] = {}
    for place, text in _candidates(soup, url):
        name = as_name(text)
        if name and name.casefold() not in organisations:
            places.setdefault(name, set()).add(place)
    agreed = Counter({name: len(where) for name, where in places.items() if len(where) >= 2})
    return agreed.most_common(1)[0][0] if agreed else None


def about_page_url(soup: BeautifulSoup, url: str) -> str | None:
    """The site's About page (else its Now page) that this page links, or None.

    Only pages of the same site count, and never the page itself.
    """
    about = now = None
    here = (url or "").split("#")[0].rstrip("/")
    for a in soup.find_all("a", href=True, limit=2000):
        href = absolute_url(attr_text(a, "href"), url)
        if not href or host_of(href) != host_of(url) or href.split("#")[0].rstrip("/") == here:
            continue
        text = (clean(a.get_text(" ")) or "").lower().strip(" →»/")
        path = urlsplit(href).path
        if about is None and (text in _ABOUT_WORDS or _ABOUT_PATH.search(path)):
            about = href
        elif now is None and (text in _NOW_WORDS or _NOW_PATH.search(path)):
            now = href
    return about or now


def feed_author(authors: list[str | None]) -> str | None:
    """The blog's author from its feed's entries: the name most of them give, if it is a person's.

    A feed (RSS, Atom, JSON Feed) names each post's author; a blog that names its owner nowhere
    on its home page names them there. A group blog, whose entries disagree, names nobody.
    """
    names = [as_name(person_name(a)) for a in authors if a]
    counted = Counter(n for n in names if n)
    if not counted:
        return None
    name, count = counted.most_common(1)[0]
    return name if count * 2 > len(authors) else None


def _same_person(a: str, b: str) -> bool:
    """'Marco Esposito' and 'Marco' or 'Marco Esposito, PhD' name one person."""
    first = {w.casefold() for w in a.split()}
    return bool(first & {w.casefold().strip(",.") for w in b.split()})


def with_about_page(home: Profile | None, about: Profile | None) -> Profile | None:
    """The owner as the home page shows them, completed from their About (or Now) page."""
    if about is None:
        return home
    if home is None:
        return about
    if home.name and about.name and not _same_person(home.name, about.name):
        # An About page about someone else (the site's publisher, a team member): its About
        # text may still be the site's, but its CV is not the owner's.
        about = replace(about, experience=(), education=(), skills=())
    return replace(
        home,
        name=home.name or about.name,
        headline=home.headline or about.headline,
        location=home.location or about.location,
        about=home.about or about.about,
        experience=home.experience or about.experience,
        education=home.education or about.education,
        skills=unique([*home.skills, *about.skills]),
        interests=unique([*home.interests, *about.interests]),
        websites=unique([*home.websites, *about.websites]),
    )
