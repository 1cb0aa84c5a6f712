"""Personal sites and blogs: whoever the page is about, from whatever markup it has.

Sources, strongest first: JSON-LD Person, microdata Person, h-card; then OpenGraph profile tags,
``<meta name="author">`` and, on About/Now pages, the title. Links go into ``websites`` with the
person's blog first, because the server reads the blog from there: an ``<a>`` reading "Blog",
"Writing", "Posts"..., then the site itself, then rel="me" and sameAs profiles.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from scraper.models import Position, Profile, School
from scraper.soup import attr_text, attr_values

from .bio import read_bio
from .jsonld import fetchable_sites, find_person, json_ld_nodes, person_to_profile, types_of
from .linkedin_public import merge
from .markup import as_soup
from .microdata import main_hcard, microdata_person
from .names import person_name
from .page_sections import page_positions, page_schools, page_skills
from .site_owner import about_page_url, site_owner_name
from .social import profile_links
from .text import absolute_url, clean, clean_block, host_of, unique

log = logging.getLogger(__name__)

# Link texts and last path segments that name a blog on a personal site.
BLOG_WORDS = {
    "blog",
    "weblog",
    "writing",
    "writings",
    "posts",
    "articles",
    "essays",
    "notes",
    "journal",
    "my blog",
    "read my blog",
    "the blog",
    "all posts",
    "archive",
    "newsletter",
}
# Path segments of pages that are about the site's owner.
_ABOUT_PATHS = re.compile(r"/(?:about|about-me|now|bio|me|cv|resume)(?:/|\.html?)?$", re.I)
_TITLE_SPLIT = re.compile(r"\s+[|–—·:-]\s+|\s*[|–—·]\s*")
_NOT_A_NAME = {"about", "about me", "now", "home", "blog", "bio", "cv", "resume", "welcome"}
_NAME_LIKE = re.compile(r"^[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3}$")
MAX_ABOUT_CHARS = 3000
# A bio is in the first few paragraphs of a home page.
INTRO_PARAGRAPHS = 4


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        node = soup.find("meta", attrs={"property": name}) or soup.find(
            "meta", attrs={"name": name}
        )
        if node is not None and clean(attr_text(node, "content")):
            return clean(attr_text(node, "content"))
    return None


def _rel_links(soup: BeautifulSoup, rel: str, base: str) -> list[str]:
    out = []
    for node in soup.find_all(["a", "link"], rel=True, href=True, limit=2000):
        rels = attr_values(node, "rel")
        if rel in [r.lower() for r in rels]:
            out.append(absolute_url(str(node["href"]), base))
    return [u for u in out if u]


def _same_site(a: str, b: str) -> bool:
    """example.com, www.example.com and blog.example.com are one site."""
    ha, hb = host_of(a), host_of(b)
    return bool(ha and hb) and (ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha))


def _in_site_furniture(a: Tag) -> bool:
    """Inside the navigation, header, footer or the owner's card: links the owner chose."""
    return (
        a.find_parent(["nav", "header", "footer", "aside"]) is not None
        or a.find_parent(class_="h-card") is not None
    )


def blog_links(root: Tag, base: str, trust_all: bool = False) -> list[str]:
    """Links whose text or last path segment says "blog", "writing", "posts"...

    A link to another site counts only from the page's own furniture (nav, header, footer, the
    h-card) or with rel="me": a post that links to someone else's blog is not the owner's blog.
    ``trust_all`` is for text the person wrote about themselves (a GitHub profile README).
    """
    out = []
    for a in root.find_all("a", href=True, limit=5000):
        href = absolute_url(str(a["href"]), base)
        if not href:
            continue
        text = (clean(a.get_text(" ")) or "").lower().strip("→»> ")
        segment = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1].lower()
        # A subdomain such as blog.example.com is a blog whatever the link says.
        looks_like_blog = (
            text in BLOG_WORDS
            or segment in BLOG_WORDS
            or host_of(href).startswith(("blog.", "writing.", "notes."))
        )
        if not looks_like_blog:
            continue
        rels = attr_values(a, "rel")
        if trust_all or _same_site(href, base) or "me" in rels or _in_site_furniture(a):
            out.append(href)
    return out


def _person_name(text: str | None) -> str | None:
    """'Bradley M. Kuhn (http://ebb.org/bkuhn/)' -> 'Bradley M. Kuhn'; 'By Jo' -> 'Jo'."""
    text = clean(text)
    if not text:
        return None
    text = re.sub(r"\s*(?:\(\s*https?://[^)]*\)|<[^>]*@[^>]*>)\s*$", "", text)
    text = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
    return clean(text)


def _rel_author(soup: BeautifulSoup, url: str) -> tuple[str | None, str | None]:
    """The one author that rel="author" links name; (None, None) when several authors write here."""
    names: dict[str, str | None] = {}
    for a in soup.find_all("a", rel=True, limit=3000):
        rels = attr_values(a, "rel")
        if "author" not in [r.lower() for r in rels]:
            continue
        name = _person_name(a.get_text(" "))
        if name and not name.lower().startswith(("http://", "https://")):
            names.setdefault(name, absolute_url(str(a.get("href") or ""), url))
    if len(names) != 1:
        return None, None
    return next(iter(names.items()))


def _site_itself(soup: BeautifulSoup, url: str) -> str | None:
    canonical = next(iter(_rel_links(soup, "canonical", url)), None)
    return canonical or absolute_url(_meta(soup, "og:url") or "", url) or absolute_url(url, url)


def _name_from_title(soup: BeautifulSoup) -> str | None:
    title = soup.find("title")
    text = (clean(title.get_text(" ")) if title is not None else None) or ""
    for part in _TITLE_SPLIT.split(text):
        part = clean(part) or ""
        if part.lower() not in _NOT_A_NAME and _NAME_LIKE.match(part):
            return part
    return None


def _main_text(soup: BeautifulSoup, limit: int = MAX_ABOUT_CHARS) -> str | None:
    """The opening text of a page's main part: its paragraphs and list items, in order.

    Lists stay: an About page's facts are often a bulleted list ("teaches in Udacity's
    programs", "loves sci-fi"). Navigation, header, footer and sidebars are left out, and so is
    a list item that is only a link (a menu or a list of posts).
    """
    root: Tag | None = soup.find("main") or soup.find("article") or soup.body
    if root is None:
        return None
    blocks = []
    size = 0
    for block in root.find_all(["p", "li"], limit=400):
        if block.find_parent(["nav", "footer", "header", "aside"]) is not None:
            continue
        if block.find(["p", "li"]) is not None:
            continue  # the innermost blocks only, so that nothing is read twice
        text = clean_block(_rendered_text(block))
        if not text:
            continue
        if block.name == "li":
            links = " ".join(a.get_text(" ") for a in block.find_all("a"))
            if clean(links) == clean(text):
                continue
            text = "• " + text
        blocks.append(text)
        size += len(text)
        if size > limit:
            break
    return "\n".join(blocks)[:limit] or None


def _rendered_text(block: Tag) -> str:
    """A block's text as a browser shows it: inline parts glued ("Udacity's", not "Udacity 's"),
    <br> as a line break, comments left out."""
    parts = []
    for node in block.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
        elif type(node) is NavigableString:
            parts.append(str(node))
    return "".join(parts)


def _intro(soup: BeautifulSoup) -> str | None:
    """A home page's opening paragraphs, before any post listed on it: where a bio is."""
    root: Tag | None = soup.find("main") or soup.body
    if root is None:
        return None
    # Several <article>s are a list of posts; a single one is the page's own text.
    skip = ["nav", "footer", "header", "aside"]
    if len(root.find_all("article", limit=2)) > 1:
        skip.append("article")
    paragraphs = []
    for p in root.find_all("p", limit=60):
        if p.find_parent(skip) is not None:
            continue
        text = clean(_rendered_text(p))
        if text:
            paragraphs.append(text)
        if len(paragraphs) == INTRO_PARAGRAPHS:
            break
    return "\n".join(paragraphs) or None


def _structured_person(soup: BeautifulSoup, url: str) -> Profile | None:
    """JSON-LD, microdata and h-card, merged (the strongest source wins each field)."""
    found = []
    person = find_person(json_ld_nodes(soup))
    if person:
        found.append(person_to_profile(person, url))
    item = microdata_person(soup, url)
    if item:
        found.append(person_to_profile(item, url))
    card = main_hcard(soup, url)
    if card:
        found.append(person_to_profile(card, url))
    if not found:
        return None
    profile = found[0]
    for other in found[1:]:
        profile = merge(profile, other)
    return profile


def parse_personal(page: str | bytes | BeautifulSoup | None, url: str) -> Profile | None:
    """A Profile from a personal site, blog home, About or Now page; None without a name."""
    soup = as_soup(page)
    if soup is None:
        return None
    profile = _structured_person(soup, url) or Profile(source_url=url or None)
    rel_me = _rel_links(soup, "me", url)
    path = urlsplit(url).path if url else ""
    about_page = bool(_ABOUT_PATHS.search(path))
    og_profile = (_meta(soup, "og:type") or "").lower() == "profile"

    name = profile.name
    if not name and og_profile:
        first, last = _meta(soup, "profile:first_name"), _meta(soup, "profile:last_name")
        name = clean(f"{first or ''} {last or ''}") or _meta(soup, "og:title")
    name = name or _meta(soup, "author", "article:author", "dc.creator")
    author_name, author_page = _rel_author(soup, url)
    name = _person_name(name) or author_name
    if not name and (about_page or rel_me):
        name = _name_from_title(soup)
    # A blog's home page often names its owner only as the site's name.
    name = name or site_owner_name(soup, url, _organisation_names(soup))
    if not name:
        log.debug("no person named on %s", url)
        return None
    if name.lower().startswith(("http://", "https://")):
        return None  # article:author is sometimes a URL, which names nobody
    name = person_name(name) or name

    # The person's own page (home, About, a profile): its text is about them.
    own_page = about_page or og_profile or path in ("", "/") or bool(rel_me)
    about = profile.about
    if not about and about_page:
        about = _main_text(soup)
    if not about and (og_profile or rel_me or about_page):
        about = _meta(soup, "og:description", "description")
    intro = _intro(soup) if own_page and not about_page else None
    bio = "\n".join(text for text in (about, intro) if text) if own_page else None
    facts = read_bio(bio)
    if not about and intro and (facts.employer or facts.place or facts.schools):
        about = intro  # the home page's opening paragraphs are a bio

    # Visible Experience/Education lists usually say more (titles, dates) than the JSON-LD;
    # a prose bio says least, and fills only what neither gives.
    experience = tuple(page_positions(soup)) or profile.experience
    if not experience and facts.employer:
        experience = (Position(title=facts.title, company=facts.employer),)
    education = tuple(page_schools(soup)) or profile.education
    if not education and facts.schools:
        education = tuple(
            School(school=school, degree=facts.degrees.get(school)) for school in facts.schools
        )
    skills = unique([*profile.skills, *page_skills(soup)])

    blog = blog_links(soup, url)
    # The author's page on a blog lists their posts: as good as a blog link. Profiles on other
    # services come last (the server reads a blog from the first sites that have one).
    sites = [
        *blog,
        author_page,
        *profile.websites,
        _site_itself(soup, url),
        *rel_me,
        *profile_links(soup, url, whole_page=own_page),
    ]
    return replace(
        profile,
        name=name,
        headline=profile.headline or facts.headline,
        location=profile.location or facts.place,
        about=about,
        experience=experience,
        education=education,
        skills=skills,
        websites=fetchable_sites(sites),
        source_url=url or None,
    )


def _organisation_names(soup: BeautifulSoup) -> frozenset[str]:
    """Names the page's JSON-LD gives to organisations (not people)."""
    names = set()
    for node in json_ld_nodes(soup):
        kinds = types_of(node)
        if kinds and "person" not in kinds and isinstance(node.get("name"), str):
            if kinds & _ORGANISATION_TYPES or any(k.endswith("business") for k in kinds):
                names.add(node["name"].strip().casefold())
    return frozenset(names)


_ORGANISATION_TYPES = {
    "organization", "corporation", "localbusiness", "ngo", "educationalorganization",
    "governmentorganization", "newsmediaorganization", "onlinestore", "store",
}  # fmt: skip


def about_page_of(page: str | bytes | BeautifulSoup | None, url: str) -> str | None:
    """Which page of the site to read for the owner's About (see site_owner.about_page_url)."""
    soup = as_soup(page)
    return about_page_url(soup, url) if soup is not None else None
