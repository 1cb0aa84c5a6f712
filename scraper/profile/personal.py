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
from .owner import choose_name
from .page_sections import cv_parts, page_positions, page_schools, page_skills
from .site_owner import about_page_url
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
    # The Experience, Education and Skills entries are read as such, not as About text.
    cv = {id(part) for part in cv_parts(soup)}
    for block in root.find_all(["p", "li"], limit=400):
        if block.find_parent(["nav", "footer", "header", "aside"]) is not None:
            continue
        if cv and (id(block) in cv or any(id(a) in cv for a in block.parents)):
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


def _own_text_blocks(root: Tag, skip: list[str]) -> list[str]:
    """Paragraphs, list items and blocks of bare text (a theme's <div> with the words directly
    in it, a table cell), in order, outside ``skip``; only the innermost, so none is read twice."""
    out = []
    for block in root.find_all(["p", "li", "div", "td", "section"], limit=600):
        if block.find_parent(skip) is not None:
            continue
        if block.name in ("div", "td", "section"):
            own = "".join(str(t) for t in block.find_all(string=True, recursive=False))
            if not clean(own) or block.find(["p", "li", "div", "table"]) is not None:
                continue
        elif block.find(["p", "li"]) is not None:
            continue
        text = clean(_rendered_text(block))
        # A block that is mostly a link is a post listed ("Mar 22 · What my test taught me") or
        # a menu, not the owner's words.
        linked = sum(len(a.get_text(" ").strip()) for a in block.find_all("a", limit=20))
        if text and linked * 2 < len(text):
            out.append(text)
        if len(out) >= 80:
            break
    return out


_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|[Mm]y|me)\b")


def _intro(soup: BeautifulSoup, name: str) -> str | None:
    """A home page's bio: its opening paragraphs, from the first that speaks of the owner ("I am
    an assistant professor ...", "Jo Doe is ..."), before any post listed on it. An address
    block or a site's tagline before it is not the bio."""
    root: Tag | None = soup.find("main") or soup.body
    if root is None:
        return None
    # Several <article>s are a list of posts; a single one is the page's own text. A home-info
    # <article> (PaperMod's) that is not a post is read too.
    skip = ["nav", "footer", "header", "aside"]
    articles = root.find_all("article", limit=3)
    blocks = []
    if len(articles) > 1:
        first = articles[0]
        if first.find("a", href=True, recursive=False) is None and "post" not in " ".join(
            attr_values(first, "class")
        ):
            blocks = _own_text_blocks(first, ["nav", "footer", "header", "aside"])
        skip.append("article")
    blocks += _own_text_blocks(root, skip)
    # "Jo Doe is a data engineer ...": a bio in the third person.
    third = re.compile(rf"\b{re.escape(name.split()[-1])}\s+(?:is|was|works|leads|has)\b")
    for i, text in enumerate(blocks):
        if _FIRST_PERSON.search(text) or third.search(text):
            return "\n".join(blocks[i : i + INTRO_PARAGRAPHS]) or None
    return None


def _names(text: str | None, name: str) -> bool:
    """The text names the person ("Sam Okafor writes about ..."): a bio, not the site's tagline
    (which may well say "I": "Notes on Go and the bugs I made")."""
    names = [re.escape(w) for w in name.split() if len(w) > 1]
    if not text or not names:
        return False
    return re.search(rf"\b(?:{'|'.join(names)})\b", text) is not None


def _current_role(experience: tuple[Position, ...]) -> str | None:
    """'Senior Backend Engineer at Productboard' for a CV's entry that runs to the present."""
    for p in experience:
        if p.start and not p.end and p.title and p.company:
            return f"{p.title} at {p.company}"
    return None


_ABOUT_HEADINGS = {"about", "about me", "about the author", "who am i", "hi, i'm", "hello"}


def _about_widget(soup: BeautifulSoup, name: str) -> str | None:
    """A sidebar's "About me" / "About the author" widget: the owner's bio on a blog's home."""
    for heading in soup.find_all(["h2", "h3", "h4"], limit=100):
        text = (clean(heading.get_text(" ")) or "").lower().rstrip(":!")
        if text not in _ABOUT_HEADINGS or heading.find_parent(["aside", "section", "div"]) is None:
            continue
        container = heading.parent
        if container is None or container.find_parent("article") is not None:
            continue
        blocks = _own_text_blocks(container, ["nav", "footer"])
        speaks = [b for b in blocks if _FIRST_PERSON.search(b) or _names(b, name)]
        if speaks:
            return "\n".join(blocks[blocks.index(speaks[0]) :][:INTRO_PARAGRAPHS])
    return None


def _tagline(soup: BeautifulSoup, name: str) -> str | None:
    """The line right under the owner's name in their page's header ("Site reliability engineer
    at Hetzner", "Assistant Professor, Carnegie Mellon University")."""
    for heading in soup.find_all(["h1", "h2", "h3"], limit=20):
        if (person_name(heading.get_text(" ")) or "").casefold() != name.casefold():
            continue
        following = heading.find_next_sibling(["p", "h2", "h3", "h4", "div"])
        text = clean(following.get_text(" ")) if following is not None else None
        if text and len(text) <= 160:
            return text
    return None


# Where themes print the owner's place: h-card's p-locality, "author-location", "location".
_LOCATION_CLASS = re.compile(r"(?:^p-locality$|^p-adr$|location$|^locality$)", re.I)


# A map-marker icon before the place: <li><i class="fa fa-map-marker"></i> Accra, Ghana</li>.
_PIN_CLASS = re.compile(r"(?:map-marker|map-pin|location-dot|location-pin|icon-location)", re.I)


def _card_location(soup: BeautifulSoup) -> str | None:
    for icon in soup.find_all(["i", "span", "svg"], class_=_PIN_CLASS, limit=5):
        holder = icon.parent
        text = clean(holder.get_text(" ")) if holder is not None else None
        if text and len(text) <= 60 and not any(c.isdigit() for c in text):
            return text
    for node in soup.find_all(class_=_LOCATION_CLASS, limit=10):
        if node.find_parent("article", class_=re.compile("post")) is not None:
            continue
        text = clean(node.get_text(" "))
        if text and len(text) <= 60 and not any(c.isdigit() for c in text):
            return text
    return None


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
        about = _main_text(soup)
    intro = _intro(soup, name) if own_page and not about_page else None
    # A home page's first-person opening is a bio; its meta description is the site's tagline.
    # A description that speaks of the person is theirs; one that does not is the site's.
    described = _meta(soup, "og:description", "description")
    if not about and (og_profile or rel_me) and _names(described, name):
        about = described
    about = about or intro
    about = about or (_about_widget(soup, name) if own_page else None)
    if not about and (og_profile or about_page or (rel_me and _names(described, name))):
        about = described
    tagline = _tagline(soup, name) if own_page else None
    bio = "\n".join(t for t in (tagline, about, intro) if t) if own_page else None
    facts = read_bio(bio)

    # Visible Experience/Education lists usually say more (titles, dates) than the JSON-LD;
    # a prose bio says least, and fills only what neither gives.
    experience = tuple(page_positions(soup)) or profile.experience
    if not experience and (facts.employer or facts.past):
        current = (Position(title=facts.title, company=facts.employer),) if facts.employer else ()
        experience = current + tuple(facts.past)
    education = tuple(page_schools(soup)) or profile.education
    if not education and facts.schools:
        education = tuple(
            School(
                school=school,
                degree=facts.degrees.get(school),
                field=facts.fields.get(school),
            )
            for school in facts.schools
        )
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
        headline=profile.headline or facts.headline or _current_role(experience),
        location=profile.location or facts.place or (_card_location(soup) if own_page else None),
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
