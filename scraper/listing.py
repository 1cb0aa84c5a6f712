"""What a blog's listing pages say about its posts, without opening them. Pure functions.

An index page, an archive page or a sidebar names each post with a link: its text is the title,
a ``<time>`` or a date in the URL near it is the date, and a paragraph beside it is the summary.
A section headed "Popular posts", "Most read" or "Start here" (on the home page, in a sidebar
or on the about page) says which posts the author or the readers value most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from scraper.discover import canonical, date_archive, is_post_url, next_pages_in, same_site
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
# Listing pages of a blog other than its index: tag, category and topic pages.
_TAXONOMY_PATH = re.compile(r"/(tags?|categor(y|ies)|topics?|series)/[^/]+/?$", re.I)
# A date written out in a post's block: "March 3, 2016", "3 Mar 2016", "2016-03-03".
_MONTHS = ("jan feb mar apr may jun jul aug sep oct nov dec").split()
_TEXT_DATE = re.compile(
    r"\b(?:(?P<iso>(?:19|20)\d\d-\d\d-\d\d)|(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(?P<y1>(?:19|20)\d\d)|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<m2>[A-Za-z]{3,9})\.?,?\s+"
    r"(?P<y2>(?:19|20)\d\d))\b"
)
_SUMMARY_CLASS = re.compile(r"excerpt|summary|description|entry-content|teaser|lede|lead", re.I)
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
    # Every link that may be the next page (see ``next_pages_in``), and the blog's other
    # listing pages this page links to (date archives, tag and category pages).
    next_pages: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()


def read_listing(html: str, url: str, site_url: str) -> Listing:
    """Everything ``scraper.post_index`` reads on a listing page, parsing it once."""
    soup = make_soup(html)
    if soup is None:
        return Listing([], None, [], [], [])
    following = next_pages_in(soup, url)
    return Listing(
        _listed_posts(soup, url, site_url),
        following[0] if following else None,
        _archive_links(soup, url),
        _about_links(soup, url),
        _popular_posts(soup, url, site_url),
        tuple(following),
        tuple(_section_links(soup, url, site_url)),
    )


def _section_links(soup: BeautifulSoup, url: str, site_url: str) -> list[str]:
    """Links to the blog's date archives (/2019/, /2019/05/) and tag or category pages: year
    archives first, then months, then tags and categories, each once."""
    years: list[str] = []
    months: list[str] = []
    taxonomy: list[str] = []
    base_path = urlsplit(site_url).path
    for a in soup.find_all("a", href=True, limit=MAX_LINKS):
        href = urljoin(url, str(a["href"]).strip())
        path = urlsplit(href).path
        if not same_site(href, site_url) or not path.startswith(base_path):
            continue
        if date_archive(href):
            depth = len([s for s in path[len(base_path) :].split("/") if s])
            (years if depth == 1 else months if depth == 2 else []).append(href)
        elif _TAXONOMY_PATH.search(path):
            taxonomy.append(href)
    return list({canonical(u): u for u in reversed(years + months + taxonomy)}.values())[::-1]


def listed_posts(html: str, url: str, site_url: str) -> list[ListedPost]:
    """The posts an index or archive page links to, in page order, with what it says of each.

    Menus, headers and footers link to pages, not posts, and are skipped; so are sidebars,
    whose links are read by ``popular_posts``."""
    soup = make_soup(html)
    return _listed_posts(soup, url, site_url) if soup is not None else []


def _listed_posts(soup: BeautifulSoup, url: str, site_url: str) -> list[ListedPost]:
    found: dict[str, ListedPost] = {}
    for a in soup.find_all("a", href=True, limit=MAX_LINKS):
        if _in_furniture(a):
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


def _in_furniture(a: Tag) -> bool:
    """Is the link in the site's menu, header, footer or a sidebar? A post's own header and
    footer (an ``<article>``'s, where WordPress puts the title and the categories) are not."""
    furniture = False
    for parent in a.parents:
        if not isinstance(parent, Tag):
            continue
        if parent.name == "article":
            return furniture and parent.find_parent(["nav", "aside"]) is not None
        furniture = furniture or parent.name in ("nav", "aside", "header", "footer")
    return furniture


def _describe(a: Tag, href: str) -> ListedPost:
    text = " ".join(a.get_text(" ").split())
    block = _block(a)
    # A card whose link holds the heading, the excerpt and a tag: the heading is the title.
    inner = a.find(_HEADINGS)
    if inner is not None:
        text = " ".join(inner.get_text(" ").split())
    title = text if text and not _GENERIC_LINK_TEXT.match(text) else None
    if title is None and block is not None:
        heading = block.find(_HEADINGS)
        title = " ".join(heading.get_text(" ").split()) if heading else None
    published = None
    if block is not None:
        stamp = block.find("time")
        if stamp is not None:
            published = to_iso(str(stamp.get("datetime") or "")) or to_iso(stamp.get_text(" "))
        published = published or _written_date(block, title)
    summary = _summary(block, title) if block is not None else None
    return ListedPost(href, title or None, published or date_in_url(href), summary)


def _summary(block: Tag, title: str | None) -> str | None:
    """The block's first paragraph of a few words, or its excerpt element (a div in some
    themes), that is not the title."""
    candidates = block.find_all("p") + block.find_all(class_=_SUMMARY_CLASS)
    for element in candidates:
        words = " ".join(element.get_text(" ").split())
        if len(words.split()) >= 4 and words != title:
            return words[:MAX_SUMMARY_CHARS]
    return None


def _written_date(block: Tag, title: str | None) -> str | None:
    """A date the block writes out ("March 3, 2016", "3 Mar 2016", "2016-03-03"), outside the
    title; a ``title`` or ``datetime`` attribute that holds one counts too."""
    for element in block.find_all(title=True, limit=20):
        found = _parse_text_date(str(element.get("title")))
        if found:
            return found
    text = " ".join(block.get_text(" ").split())
    if title:
        text = text.replace(title, " ")
    return _parse_text_date(text)


def _parse_text_date(text: str) -> str | None:
    for match in _TEXT_DATE.finditer(text[:2000]):
        if match.group("iso"):
            return to_iso(match.group("iso"))
        month = (match.group("m1") or match.group("m2") or "")[:3].lower()
        day = int(match.group("d1") or match.group("d2"))
        year = int(match.group("y1") or match.group("y2"))
        if month in _MONTHS:
            try:
                return date(year, _MONTHS.index(month) + 1, day).isoformat()
            except ValueError:
                continue
    return None


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
