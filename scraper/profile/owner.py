"""Whose personal page this is: the person's name, chosen among every place a page names someone.

A page names people in many places, and not all of them are the owner's name. Strongest first:

0. structured data about a person: JSON-LD or microdata ``Person``, an h-card, ``og:type=profile``;
1. an author named as such: ``<meta name="author">``, ``rel="author"``, a WebSite's publisher or
   author ``Person``, a theme's author card (``author__name``, ``p-author``, ``profile-name``);
2. the page introducing its owner ("Hi, I'm Carmen Ortiz", "My name is ...") and the copyright
   line ("© 2025 Rachel Kim");
3. the site's own name, when it reads as a person's: a ``<title>`` such as "Jane Doe – Blog" or
   "About — Maya Goldberg" (a name beside a word that names a page), or two of og:site_name, the
   title, the site-title link and the copyright agreeing (``site_owner.site_owner_name``).

A heading such as "About", "Blog" or "Home" is never a name, and the site's title is the owner's
name only when nothing that names a person says otherwise: on a blog called "Slow Compile" whose
meta author is Ines Moreau, the name is Ines Moreau. "I'm Rachel" gives a first name only; the
full name is the one the page shows elsewhere ("© 2025 Rachel Kim").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from scraper.soup import attr_text, attr_values

from .jsonld import json_ld_nodes, types_of
from .names import person_name
from .site_owner import COPYRIGHT, as_name, site_names, site_owner_name
from .text import clean

# Words that name a page or a part of a site, never a person ("About", "Blog", "Home").
PAGE_WORDS = {
    "about", "about me", "now", "home", "homepage", "home page", "blog", "bio", "biography", "cv",
    "resume", "résumé", "welcome", "hello", "contact", "posts", "archive", "archives", "writing",
    "notes", "projects", "publications", "portfolio", "work", "website", "personal website",
    "personal page", "personal homepage", "index", "tags", "categories", "search", "untitled",
}  # fmt: skip
_TITLE_SPLIT = re.compile(r"\s+[|–—·:»-]\s+|\s*[|–—·»]\s*")
# "Hi, I'm Carmen Ortiz", "I am Yuki Tanaka", "My name is Jo Doe". The name is capitalised words
# right after; "I am an assistant professor" names nobody.
_CAP = r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ]"
_NAME_WORD = rf"(?:{_CAP}\.|{_CAP}[\w'’-]*)"  # "Ortiz", "O'Neil", an initial "M."
_PARTICLE = r"(?:de|da|di|van|von|der|del|la|le|bin|al)"
_NAME_RUN = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}}"
_INTRO = re.compile(rf"\b(?:I['’]m|I\s+am|[Mm]y\s+name\s+is)\s+(?P<name>{_NAME_RUN})")
# Accounts that publish for a site, not people.
_NOBODY = PAGE_WORDS | {"admin", "administrator", "editor", "staff", "team", "guest", "user"}
# Classes themes give the author's name in a sidebar or card.
_AUTHOR_CLASS = re.compile(r"(?:^|[_-])(?:author[_-]*name|profile[_-]name|author-title)$", re.I)
# Role words: "I am Associate Professor at ..." introduces a role, not a name.
_ROLE_WORDS = {
    "professor", "engineer", "designer", "developer", "scientist", "researcher", "student",
    "manager", "director", "founder", "writer", "lecturer", "consultant", "analyst", "architect",
    "currently", "based", "from", "here", "back", "not", "also", "still", "now", "one",
}  # fmt: skip
MAX_INTRO_BLOCKS = 12


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        node = soup.find("meta", attrs={"property": name}) or soup.find(
            "meta", attrs={"name": name}
        )
        if node is not None and clean(attr_text(node, "content")):
            return clean(attr_text(node, "content"))
    return None


# Titles written before a name on staff pages and speaker bios: "Dr Amelia Hart".
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Dra|Sr|Sra)\.?\s+(?=\S+\s+\S)")


def _byline(text: str | None) -> str | None:
    """'Bradley M. Kuhn (http://ebb.org/bkuhn/)' -> 'Bradley M. Kuhn'; 'By Jo' -> 'Jo'."""
    text = clean(text)
    if not text:
        return None
    text = re.sub(r"\s*(?:\(\s*https?://[^)]*\)|<[^>]*@[^>]*>)\s*$", "", text)
    text = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
    return person_name(text)


def _named_among_other_text(text: str) -> bool:
    """A Person's name in structured data that carries more than a name (markup someone put in
    their own name, a nickname in quotes): it still names a person when it opens and closes
    with capitalised words that read as a name ("Eve <img ...> Mallory"), none of them a
    page's or a site's word."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if len(words) < 2 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return as_name(f"{words[0]} {words[-1]}") is not None


def names_a_person(text: str | None, structured: bool = False) -> bool:
    """Structured data may name a person in any script; it still must not be a page's word,
    an address or a site's name made of words no person is called ("Lakehouse Notes").
    ``structured``: the text is a Person's name in structured data, which may carry more."""
    text = clean(text)
    if not text or text.casefold() in PAGE_WORDS or len(text) > 80:
        return False
    if "@" in text or text.lower().startswith(("http://", "https://", "www.")):
        return False
    letters = [c for c in text if c.isalpha()]
    if structured and _named_among_other_text(text):
        return True
    if letters and all(c.isupper() or c.islower() for c in letters):
        # Written in a cased script: the strict reading decides (two to four capitalised words,
        # or one capitalised word, which a first name may be).
        one_word = " " not in text and text[:1].isupper() and text.isalpha()
        return as_name(text) is not None or (one_word and text.casefold() not in _NOBODY)
    return any(c.isalpha() for c in text)


def rel_author(soup: BeautifulSoup, url: str) -> tuple[str | None, str | None]:
    """The one author that rel="author" links name; (None, None) when several authors write here."""
    from .text import absolute_url

    names: dict[str, str | None] = {}
    for a in soup.find_all("a", rel=True, limit=3000):
        if "author" not in [r.lower() for r in attr_values(a, "rel")]:
            continue
        name = _byline(a.get_text(" "))
        if name and names_a_person(name):
            names.setdefault(name, absolute_url(str(a.get("href") or ""), url))
    if len(names) != 1:
        return None, None
    return next(iter(names.items()))


def _site_authors(soup: BeautifulSoup) -> list[str]:
    """People the JSON-LD names as a WebSite's or Blog's author or publisher."""
    out = []
    for node in json_ld_nodes(soup):
        if not types_of(node) & {"website", "blog", "webpage", "collectionpage"}:
            continue
        for key in ("author", "publisher", "creator", "copyrightHolder"):
            value = node.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and "person" in types_of(item):
                    name = item.get("name")
                    if isinstance(name, str):
                        out.append(name)
    return out


def _card_names(soup: BeautifulSoup) -> list[str]:
    """Names in a theme's author card: class author__name, p-author, profile-name..."""
    out = []
    for node in soup.find_all(class_=_AUTHOR_CLASS, limit=20):
        # A post's byline names that post's author (a guest, perhaps), not the site's owner.
        if (
            isinstance(node, Tag)
            and node.find_parent(["article"]) is None
            and (node.find_parent(class_="h-entry") is None)
        ):
            text = clean(node.get_text(" "))
            if text and len(text) <= 60:
                out.append(text)
    return out


def _text_blocks(soup: BeautifulSoup) -> list[str]:
    """The opening headings and paragraphs of the page's main part (where it introduces itself)."""
    root = soup.find("main") or soup.find("article") or soup.body or soup
    out = []
    for block in root.find_all(["h1", "h2", "p", "li", "div"], limit=400):
        if block.find_parent(["nav", "footer"]) is not None:
            continue
        if block.name == "div" and block.find(["p", "div", "li", "h1", "h2"]) is not None:
            continue
        text = clean(block.get_text(" "))
        if text:
            out.append(text)
        if len(out) >= MAX_INTRO_BLOCKS:
            break
    return out


def introduced_names(soup: BeautifulSoup) -> list[str]:
    """'Hi, I'm Carmen Ortiz' -> ['Carmen Ortiz']; 'I'm Rachel, a ...' -> ['Rachel']."""
    out = []
    for text in _text_blocks(soup):
        for m in _INTRO.finditer(text):
            words = m.group("name").split()
            # The name ends where role words begin: "I am Associate Professor" names nobody.
            while words and words[-1].lower().strip(".,") in _ROLE_WORDS:
                words.pop()
            if not words or words[0].lower() in _ROLE_WORDS:
                continue
            name = " ".join(words).rstrip(".,’'")
            if name.casefold() not in PAGE_WORDS:
                out.append(name)
    return out


def copyright_names(soup: BeautifulSoup) -> list[str]:
    """Names the copyright lines give: '© 2025 Rachel Kim', '(c) 2019-2025 by Jo Doe'."""
    out = []
    places = soup.find_all(["footer"], limit=3) + soup.find_all(
        class_=re.compile(r"copyright|footer|colophon|site-info", re.I), limit=10
    )
    seen: set[int] = set()
    for place in places:
        if id(place) in seen:
            continue
        seen.add(id(place))
        for m in COPYRIGHT.finditer(place.get_text(" ")):
            name = as_name(m.group("name"))
            if name:
                out.append(name)
    return out


def title_name(soup: BeautifulSoup) -> str | None:
    """'Jane Doe – Blog', 'About — Maya Goldberg', 'Mehmet Yılmaz - Homepage': a name beside
    words that name a page is the owner's, even when no other place repeats it."""
    title = soup.find("title")
    text = (clean(title.get_text(" ")) if title is not None else None) or ""
    parts = [p for p in (clean(x) for x in _TITLE_SPLIT.split(text)) if p]
    names = [p for p in parts if as_name(p)]
    others = [p for p in parts if not as_name(p)]
    if len(names) == 1 and others and all(p.casefold() in PAGE_WORDS for p in others):
        return as_name(names[0])
    return None


def _expand(first: str, candidates: list[str]) -> str | None:
    """The full name starting with the first name the page introduced: 'Rachel' -> 'Rachel Kim'."""
    for candidate in candidates:
        name = as_name(candidate)
        if name and name.split()[0].casefold() == first.casefold() and " " in name:
            return name
    return None


def _places_naming_people(soup: BeautifulSoup) -> list[str]:
    """Short texts where a full name may stand: headings, link texts, image alts."""
    out = []
    for node in soup.find_all(["h1", "h2", "h3", "a", "strong"], limit=600):
        text = clean(node.get_text(" "))
        if text and len(text) <= 40:
            out.append(text)
    for img in soup.find_all("img", alt=True, limit=50):
        out.append(re.sub(r"['’]s avatar$", "", attr_text(img, "alt") or ""))
    return out


def choose_name(
    soup: BeautifulSoup,
    url: str,
    structured: list[str],
    organisations: frozenset[str] = frozenset(),
    own_page: bool = True,
) -> tuple[str | None, str | None]:
    """(the owner's name, the author page a rel="author" link gives) or (None, None).

    ``structured`` are the names the page's structured data gives its person (strongest first);
    ``own_page`` says the page is the person's own (home, About): only there does the page's
    self-introduction name its owner.
    """
    sites = site_names(soup, url) | organisations
    author_name, author_page = rel_author(soup, url)
    og_profile = (_meta(soup, "og:type") or "").lower() == "profile"
    profile_name = None
    if og_profile:
        first, last = _meta(soup, "profile:first_name"), _meta(soup, "profile:last_name")
        profile_name = clean(f"{first or ''} {last or ''}")
    introduced = introduced_names(soup) if own_page else []
    copyrights = copyright_names(soup)
    ranked: list[list[str | None]] = [
        [*structured, profile_name],
        [
            _byline(_meta(soup, "author", "article:author", "dc.creator", "twitter:creator:name")),
            author_name,
            *_site_authors(soup),
            *_card_names(soup),
        ],
        [*(n for n in introduced if " " in n), *copyrights],
        [title_name(soup), site_owner_name(soup, url, organisations)],
    ]
    chosen: str | None = None
    fallback: str | None = None
    for rank, names in enumerate(ranked):
        for raw in names:
            name = person_name(raw) if raw else None
            if not name or not names_a_person(name, structured=rank == 0):
                continue
            if rank >= 2 and as_name(name) is None:
                continue  # the page's prose and its site names must read as a name
            if name.casefold() in sites:
                fallback = fallback or name  # the site's name: the owner's only if no one else
                continue
            chosen = name
            break
        if chosen:
            break
    if chosen is None and introduced:
        # "I'm Rachel": the full name the page shows elsewhere.
        places = copyrights + _places_naming_people(soup)
        chosen = next(
            (full for first in introduced if (full := _expand(first, places))),
            None,
        )
    name = chosen or fallback
    if name and urlsplit(name).scheme in ("http", "https"):
        return None, None
    if name:
        name = _HONORIFIC.sub("", name)
    return name, author_page if name and name == author_name else author_page
