"""GitHub user pages: name, bio, company, location, website and social links, pinned repositories.

GitHub marks its profile card up with microdata (``itemprop="name"``, ``worksFor``,
``homeLocation``, ``url``, ``social``, ``programmingLanguage``) and microformats (``p-name``,
``p-note``, ``p-org``); those are read first because they are a published contract, unlike
layout classes. Pinned repositories become ``projects`` ("name: description") and their languages
``skills``.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from scraper.models import Position, Profile
from scraper.soup import attr_text

from .jsonld import fetchable_sites
from .markup import as_soup
from .personal import blog_links
from .text import absolute_url, block_text, blog_urls_in_text, clean, host_of, unique

log = logging.getLogger(__name__)

# First path segments on github.com that are not user names.
_NOT_USERS = {
    "about",
    "account",
    "apps",
    "collections",
    "contact",
    "customer-stories",
    "enterprise",
    "explore",
    "features",
    "login",
    "marketplace",
    "new",
    "notifications",
    "orgs",
    "pricing",
    "pulls",
    "issues",
    "search",
    "security",
    "settings",
    "sponsors",
    "team",
    "topics",
    "trending",
}
MAX_README_CHARS = 3000


def github_user(url: str) -> str | None:
    """'octocat' for https://github.com/octocat (a user page), None for repos and other pages."""
    if host_of(url) != "github.com":
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if len(parts) != 1 or parts[0].lower() in _NOT_USERS:
        return None
    return parts[0]


def _by_prop(soup: BeautifulSoup, prop: str) -> Tag | None:
    return soup.find(True, attrs={"itemprop": prop})


def _text_of(node: Tag | None) -> str | None:
    return clean(node.get_text(" ")) if node is not None else None


def _pinned(soup: BeautifulSoup, url: str, user: str | None) -> tuple[list[str], list[str]]:
    """(projects, languages) from the Pinned box: each item links to /owner/repo."""
    heading = next(
        (
            h
            for h in soup.find_all(["h2", "h3"])
            if (clean(h.get_text(" ")) or "").lower().startswith(("pinned", "popular"))
        ),
        None,
    )
    box = heading.find_parent(["div", "section"]) if heading is not None else None
    if box is None:
        return [], []
    projects, languages = [], []
    for item in box.find_all("li", limit=12):
        link = item.find("a", href=re.compile(r"^/[^/]+/[^/]+/?$|github\.com/[^/]+/[^/]+/?$"))
        if link is None:
            continue
        name = clean(link.get_text(""))  # "owner/" and "repo" are adjacent spans
        href = absolute_url(str(link["href"]), url) or ""
        owner = urlsplit(href).path.strip("/").split("/")[0]
        if owner and user and owner.lower() != user.lower() and name and "/" not in name:
            name = f"{owner}/{name}"  # a pinned repository of someone else's
        desc_node = next(
            (
                p
                for p in item.find_all("p")
                if p.find(True, attrs={"itemprop": "programmingLanguage"}) is None
            ),
            None,
        )
        desc = _text_of(desc_node)
        if name:
            projects.append(f"{name}: {desc}" if desc else name)
        lang = _text_of(item.find(True, attrs={"itemprop": "programmingLanguage"}))
        if lang:
            languages.append(lang)
    return projects, languages


def parse_github(page: str | bytes | BeautifulSoup | None, url: str) -> Profile | None:
    soup = as_soup(page)
    if soup is None:
        return None
    user = github_user(url)
    name = _text_of(_by_prop(soup, "name")) or _text_of(soup.find(class_="p-name"))
    nickname = _text_of(_by_prop(soup, "additionalName")) or _text_of(
        soup.find(class_="p-nickname")
    )
    bio_node = soup.find(True, attrs={"data-bio-text": True})
    bio = clean(attr_text(bio_node, "data-bio-text")) if bio_node is not None else None
    bio = bio or _text_of(soup.find(class_="p-note"))
    company = _text_of(_by_prop(soup, "worksFor")) or _text_of(soup.find(class_="p-org"))
    location = _text_of(_by_prop(soup, "homeLocation"))
    links: list[str | None] = []
    for prop in ("url", "social"):
        for node in soup.find_all(True, attrs={"itemprop": prop}, limit=20):
            a = node if node.name == "a" else node.find("a", href=True)
            if a is not None and a.get("href"):
                links.append(absolute_url(str(a["href"]), url))
    readme = soup.find("article")
    about = None
    if readme is not None:
        about = (block_text(readme) or "")[:MAX_README_CHARS] or None
        # A blog linked from the profile README ("I write at example.dev/blog") is the person's.
        links = [*blog_links(readme, url, trust_all=True), *links]
    projects, languages = _pinned(soup, url, user or nickname)
    if not (name or nickname):
        log.debug("no GitHub user found on %s", url)
        return None
    return Profile(
        name=name or nickname,
        headline=bio,
        location=location,
        about=about,
        experience=(Position(company=company),) if company else (),
        skills=unique(languages),
        websites=fetchable_sites(
            [u for u in [*links, *blog_urls_in_text(bio)] if u and host_of(u) != "github.com"]
        ),
        source_url=url or None,
        projects=unique(projects),
    )
