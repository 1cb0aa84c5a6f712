"""What a blog's listing pages say about its posts, without opening them. Pure functions.

An index page, an archive page or a sidebar names each post with a link: its text is the title,
a ``<time>`` or a date in the URL near it is the date, and a paragraph beside it is the summary.
A section headed "Popular posts", "Most read" or "Start here" (on the home page, in a sidebar
or on the about page) says which posts the author or the readers value most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from scraper.discover import canonical, is_post_url, next_page_in
from scraper.feeds import to_iso
from scraper.soup import MAX_LINKS, make_soup

# Headings of the sections in which authors list the posts they are known for.
POPULAR = re.compile(
    r"\b(popular|most[- ](read|viewed|visited|shared|loved)|top (posts|articles|reads)|"
    r"best[- ]of|greatest hits|start here|favou?rites?|essentials|readers'? (picks|favou?rites)|"
    r"featured|well[- ]known|classics)\b",
    re.I,
)
_ARCHIVE = re.compile(r"^\W*(archives?|all (posts|articles|writing)|(post|blog) index)\W*$", re.I)
_ARCHIVE_PATH = re.compile(r"/(archives?|all-posts|posts|blog)/?$", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)(?:/(\d\d))?/")
_GENERIC_LINK_TEXT = re.compile(r"^\W*(read (more|on|the post)|continue reading|more|permalink|"
                                r"link|\d+ comments?)\W*$", re.I)  # fmt: skip
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A post's block on an index page is its nearest container holding only this much text.
MAX_BLOCK_CHARS = 1500
MAX_SUMMARY_CHARS = 300
MAX_POPULAR_LINKS = 15


@dataclass(frozen=True)
class ListedPost:
    """A post as a listing page shows it."""

    url: str
    title: str | None = None
    published: str | None = None
    summary: str | None = None


def date_in_url(url: str) -> str | None:
    """ "/2017/05/14/slug" -> "2017-05-14"; "/2017/05/slug" -> "2017-05"."""
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    year, month, day = match.groups()
    if not 1 <= int(month) <= 12:
        return None
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


def title_from_slug(url: str) -> str | None:
    """A readable title from the URL's last segment: "/2017/stoic-mornings/" -> "Stoic mornings"."""
    segment = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    segment = re.sub(r"\.(html?|php|aspx?)$", "", segment)
    words = [w for w in re.split(r"[-_+]+", segment) if w and not w.isdigit()]
    if not words:
        return None
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Listing:
    """What one listing page says, from one parse: its posts, the next page of its
    pagination, its archive and about links, and the posts it calls popular."""

    posts: list[ListedPost]
    next_page: str | None
    archives: list[str]
    abouts: list[str]
    popular: list[str]


def read_listing(html: str, url: str, site_url: str) -> Listing:
    """Everything ``scraper.post_index`` reads on a listing page, parsing it once."""
    soup = make_soup(html)
    if soup is None:
        return Listing([], None, [], [], [])
    return Listing(
        _listed_posts(soup, url, site_url),
        next_page_in(soup, url),
        _archive_links(soup, url),
        _about_links(soup, url),
        _popular_posts(soup, url, site_url),
    )


def listed_posts(html: str, url: str, site_url: str) -> list[ListedPost]:
    """The posts an index or archive page links to, in page order, with what it says of each.

    Menus, headers and footers link to pages, not posts, and are skipped; so are sidebars,
    whose links are read by ``popular_posts``."""
    soup = make_soup(html)
    return _listed_posts(soup, url, site_url) if soup is not None else []


def _listed_posts(soup: BeautifulSoup, url: str, site_url: str) -> list[ListedPost]:
    found: dict[str, ListedPost] = {}
    for a in soup.find_all("a", href=True, limit=MAX_LINKS):
        if a.find_parent(["nav", "header", "footer", "aside"]):
            continue
        href = urljoin(url, str(a["href"]).strip())
        if not is_post_url(href, site_url):
            continue
        key = canonical(href)
        post = _describe(a, href)
        earlier = found.get(key)
        if earlier is None:
            found[key] = post
        else:  # a title link and a "Read more" link to the same post: keep what each knows
            found[key] = ListedPost(
                earlier.url,
                earlier.title or post.title,
                earlier.published or post.published,
                earlier.summary or post.summary,
            )
    return list(found.values())


def _describe(a: Tag, href: str) -> ListedPost:
    text = " ".join(a.get_text(" ").split())
    block = _block(a)
    title = text if text and not _GENERIC_LINK_TEXT.match(text) else None
    if title is None and block is not None:
        heading = block.find(_HEADINGS)
        title = " ".join(heading.get_text(" ").split()) if heading else None
    published = None
    if block is not None:
        stamp = block.find("time")
        if stamp is not None:
            published = to_iso(str(stamp.get("datetime") or "")) or to_iso(stamp.get_text(" "))
    summary = None
    if block is not None:
        for paragraph in block.find_all("p"):
            words = " ".join(paragraph.get_text(" ").split())
            if len(words.split()) >= 4 and words != title:
                summary = words[:MAX_SUMMARY_CHARS]
                break
    return ListedPost(href, title or None, published or date_in_url(href), summary)


def _block(a: Tag) -> Tag | None:
    """The post's own block around a link: its <article> or <li>, or the nearest small parent."""
    for parent in a.parents:
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "main", "[document]"):
            return None
        if parent.name in ("article", "li"):
            return parent
        if len(parent.get_text(" ")) > MAX_BLOCK_CHARS:
            return None
        if parent.name in ("section", "div") and parent.find(["p", "time"]):
            return parent
    return None


def popular_posts(html: str, url: str, site_url: str) -> list[str]:
    """Post URLs listed under a heading such as "Popular posts", "Most read" or "Start here"
    (anywhere on the page, sidebars included), in the order shown."""
    soup = make_soup(html)
    return _popular_posts(soup, url, site_url) if soup is not None else []


def _popular_posts(soup: BeautifulSoup, url: str, site_url: str) -> list[str]:
    found: list[str] = []
    seen: set[str] = set()
    looked = 0
    for heading in soup.find_all([*_HEADINGS, "strong", "b", "summary"]):
        if not POPULAR.search(heading.get_text(" ")) or len(heading.get_text(" ")) > 80:
            continue
        for element in heading.find_all_next():
            if isinstance(element, Tag) and element.name in _HEADINGS and element is not heading:
                break  # the next section starts
            if element.name != "a" or not element.get("href"):
                continue
            looked += 1
            if looked > MAX_LINKS:
                return found
            href = urljoin(url, str(element["href"]).strip())
            if is_post_url(href, site_url) and canonical(href) not in seen:
                seen.add(canonical(href))
                found.append(href)
            if len(found) >= MAX_POPULAR_LINKS:
                return found
    return found


def archive_links(html: str, url: str) -> list[str]:
    """Links to the blog's archive or "all posts" page."""
    soup = make_soup(html)
    return _archive_links(soup, url) if soup is not None else []


def _archive_links(soup: BeautifulSoup, url: str) -> list[str]:
    found: list[str] = []
    for a in soup.find_all("a", href=True, limit=MAX_LINKS):
        href = urljoin(url, str(a["href"]).strip())
        text = " ".join(a.get_text(" ").split())
        if (_ARCHIVE.match(text) or _ARCHIVE_PATH.search(urlsplit(href).path)) and canonical(
            href
        ) != canonical(url):
            if href not in found:
                found.append(href)
    return found[:2]


def about_links(html: str, url: str) -> list[str]:
    """Links to the author's about page (where authors often list their best-known posts)."""
    soup = make_soup(html)
    return _about_links(soup, url) if soup is not None else []


def _about_links(soup: BeautifulSoup, url: str) -> list[str]:
    for a in soup.find_all("a", href=True, limit=MAX_LINKS):
        href = urljoin(url, str(a["href"]).strip())
        path = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1].lower()
        text = " ".join(a.get_text(" ").split()).lower()
        if path in ("about", "about-me", "about.html") or text in ("about", "about me"):
            return [href]
    return []
