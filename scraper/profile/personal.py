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

from bs4 import BeautifulSoup, Tag

from scraper.models import Position, Profile, School
from scraper.soup import attr_text, attr_values

from .bio import is_role, read_bio
from .jsonld import fetchable_sites, find_person, json_ld_nodes, person_to_profile, types_of
from .linkedin_public import merge
from .markup import as_soup
from .microdata import main_hcard, microdata_person
from .names import person_name
from .owner import choose_name
from .page_sections import page_positions, page_schools, page_skills
from .page_text import (
    about_widget,
    address_lines,
    affiliation,
    card_location,
    current_role,
    home_intro,
    labelled,
    main_text,
    reads_as_sentences,
    tagline,
)
from .site_owner import about_page_url
from .social import profile_links
from .text import absolute_url, clean, host_of, unique

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
    out: list[str] = []
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
        if _same_site(href, base) and site_section(href):
            continue  # /category/notes/, /tags/writing/: a listing of the site, not a blog
        if trust_all or _same_site(href, base) or "me" in rels or _in_site_furniture(a):
            # One blog per host: "Archive" and "Notes" in one menu are two views of one blog.
            if not any(host_of(u) == host_of(href) for u in out):
                out.append(href)
    return out


_MY_SITE = re.compile(
    r"^my\s+(?:\w+\s+)?(?:site|website|homepage|home page|photos|photography|"
    r"portfolio|blog|newsletter|podcast|shop|art|music|projects?)$",
    re.I,
)


def own_other_sites(soup: BeautifulSoup, url: str) -> list[str]:
    """The person's other domains their own page links as theirs: "my photos", "my website"."""
    out = []
    for a in soup.find_all("a", href=True, limit=2000):
        href = absolute_url(str(a["href"]), url)
        if href and not _same_site(href, url) and _MY_SITE.match(clean(a.get_text(" ")) or ""):
            out.append(href)
    return out


# Path segments of a site's own listings: taxonomies, pagination, search, feeds.
_SECTION_SEGMENTS = {
    "tag", "tags", "category", "categories", "topic", "topics", "label", "labels", "page",
    "search", "feed", "rss", "atom", "series", "author", "authors", "type", "format",
}  # fmt: skip


def site_section(url: str) -> bool:
    """True for a site's taxonomy, pagination, search or feed pages ("/category/notes/",
    "/tags/writing/", "/page/2/", "/search/"): pages of the site, never a person's website."""
    segments = [p.lower() for p in urlsplit(url).path.split("/") if p]
    return any(seg in _SECTION_SEGMENTS for seg in segments) or any(
        seg.split(".")[0] in _SECTION_SEGMENTS for seg in segments[-1:]
    )


def _site_itself(soup: BeautifulSoup, url: str) -> str | None:
    canonical = next(iter(_rel_links(soup, "canonical", url)), None)
    return canonical or absolute_url(_meta(soup, "og:url") or "", url) or absolute_url(url, url)


def _structured_people(soup: BeautifulSoup, url: str) -> list[Profile]:
    """JSON-LD, microdata and h-card people, strongest markup first."""
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
    return found


def _merged(found: list[Profile], name: str | None) -> Profile | None:
    """The structured people who are the owner (or nameless), merged: the strongest markup wins
    each field. A Person named after the site ("Lakehouse Notes") when the page's author is
    someone else is not the owner."""
    own = [p for p in found if not p.name or not name or p.name.casefold() == name.casefold()]
    if not own:
        return None
    profile = own[0]
    for other in own[1:]:
        profile = merge(profile, other)
    return profile


def parse_personal(page: str | bytes | BeautifulSoup | None, url: str) -> Profile | None:
    """A Profile from a personal site, blog home, About or Now page; None without a name."""
    soup = as_soup(page)
    if soup is None:
        return None
    found = _structured_people(soup, url)
    rel_me = _rel_links(soup, "me", url)
    path = urlsplit(url).path if url else ""
    about_page = bool(_ABOUT_PATHS.search(path))
    og_profile = (_meta(soup, "og:type") or "").lower() == "profile"
    # A blog's own index ("/blog/") is the owner's page as much as the home page is.
    section = path.strip("/").lower()
    own_page = about_page or og_profile or path in ("", "/") or bool(rel_me)
    # So is a home page under a user's folder: "/~yilmaz/", "/~jdoe/index.html".
    home_folder = re.fullmatch(r"~[\w.-]+(?:/(?:index|home)\.html?)?", section) is not None
    own_page = own_page or section in BLOG_WORDS or home_folder

    name, author_page = choose_name(
        soup,
        url,
        [p.name for p in found if p.name],
        _organisation_names(soup),
        own_page=own_page,
    )
    if not name:
        log.debug("no person named on %s", url)
        return None
    name = person_name(name) or name
    profile = _merged(found, name) or Profile(source_url=url or None)

    # The person's own page (home, About, a profile): its text is about them.
    about = profile.about
    if not about and about_page:
        about = main_text(soup)
    intro = home_intro(soup, name) if own_page and not about_page else None
    # A description that starts with the person ("Sam Okafor writes about ...") is their bio;
    # "Personal site of Jana" or "Notes on Go and the bugs I made" is the site's.
    described = _meta(soup, "og:description", "description")
    first = name.split()[0]
    bio_described = described if described and described.startswith(first) else None
    if not about and (og_profile or rel_me):
        about = bio_described
    about = about or intro
    about = about or (about_widget(soup, name) if own_page else None)
    under_name = tagline(soup, name) if own_page else None
    # The line under the name, written as sentences, is a short bio ("Staff engineer. I write
    # about Postgres."); a title line ("Data Engineer @ Talkdesk · Lisbon") is not.
    if not about and reads_as_sentences(under_name):
        about = under_name
    if not about and (og_profile or about_page):
        about = described
    pairs = labelled(soup) if own_page else {}
    lines = (under_name, pairs.get("work"), about, intro, bio_described)
    bio = "\n".join(t for t in lines if t) if own_page else None
    facts = read_bio(bio)

    # Visible Experience/Education lists usually say more (titles, dates) than the JSON-LD;
    # a prose bio says least, and fills only what neither gives.
    experience = tuple(page_positions(soup)) or profile.experience
    if not experience and (facts.employer or facts.past):
        current = (
            (Position(title=facts.title, company=facts.employer, start=facts.since),)
            if facts.employer
            else ()
        )
        experience = current + tuple(facts.past)
    education = tuple(page_schools(soup)) or profile.education
    if not education and not facts.schools and pairs.get("education"):
        education = (School(school=pairs["education"]),)
    if not education and facts.schools:
        education = tuple(
            School(
                school=school,
                degree=facts.degrees.get(school),
                field=facts.fields.get(school),
            )
            for school in facts.schools
        )
    if own_page and not facts.employer and experience == tuple(facts.past):
        # "Department of Civil Engineering · University of Cape Town" under the name, or in the
        # address block: the current employer, whatever the title, when nothing else names one.
        employer = affiliation([under_name]) or affiliation(address_lines(soup))
        if employer and employer not in [p.company for p in experience]:
            experience = (Position(company=employer), *experience)
    skills = unique([*profile.skills, *page_skills(soup)])

    blog = blog_links(soup, url)
    if og_profile and path.strip("/"):
        # An author's page on a publication lists their posts; the publication's own archive
        # holds everyone's.
        blog = [b for b in blog if not _same_site(b, url)]
    # The author's page on a blog lists their posts: as good as a blog link. Profiles on other
    # services come last (the server reads a blog from the first sites that have one).
    sites = [
        *blog,
        author_page,
        *profile.websites,
        _site_itself(soup, url),
        *rel_me,
        *profile_links(soup, url, whole_page=own_page),
        *(own_other_sites(soup, url) if own_page else []),
    ]
    return replace(
        profile,
        name=name,
        headline=profile.headline
        or facts.headline
        or current_role(experience)
        or _title_line(under_name),
        location=profile.location
        or facts.place
        or pairs.get("location")
        or (card_location(soup) if own_page else None),
        about=about,
        experience=experience,
        education=education,
        skills=skills,
        websites=fetchable_sites(sites),
        source_url=url or None,
    )


def _title_line(line: str | None) -> str | None:
    """The line under the name as the headline when it is a job title, not sentences
    ("Senior Lecturer in Developmental Psychology")."""
    if not line or reads_as_sentences(line) or len(line) > 80 or not is_role(line):
        return None
    return line


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
