"""A blog post's main text and metadata from its HTML: a pure function, no network.

trafilatura finds the main text (measured against Readability's expected output in
bench/blog.py --extraction); the metadata comes from what the page declares about itself
(JSON-LD, OpenGraph, <meta>), which is more reliable for title and author than guessing from
the layout, with trafilatura's own guesses as the fallback.
"""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urlsplit

import trafilatura
from bs4 import BeautifulSoup

from scraper.feeds import to_iso
from scraper.forgettable import remembered_by_page
from scraper.models import Post
from scraper.soup import attr_text, make_soup, prepare

log = logging.getLogger(__name__)

# Fewer words than this is a stub, a landing page or an error page, not something to learn from.
MIN_WORDS = 20
MAX_TAGS = 20
# "Post title | Site name", "Post title – Site": the separators sites put between the two.
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
_ARTICLE_TYPES = {"article", "blogposting", "newsarticle", "techarticle", "posting", "report"}
_URL_IN_PARENS = re.compile(r"\(\s*https?://[^)]*\)|https?://\S+")


# A site's "not found" page is served with 200 when asked for by name (/404.html is often in the
# sitemap): its address or its title says what it is, in the languages blogs are written in.
_NOT_FOUND_PATH = re.compile(r"/(?:404|not[-_]?found|page[-_]not[-_]found)(?:\.html?)?/?$", re.I)
_NOT_FOUND_TITLE = re.compile(
    r"^\s*(?:error\s+)?404(?:\s*[:|·–—!.-]|\s*$)|page\s+not\s+found|\bnot\s+found\s*[!.]?\s*$"
    r"|can[’']?t\s+be\s+found|could\s+not\s+be\s+found|does\s*n[’']?t\s+exist"
    r"|seite\s+nicht\s+gefunden|page\s+introuvable|p[áa]gina\s+no\s+encontrada"
    r"|p[áa]gina\s+n[ãa]o\s+encontrada|pagina\s+non\s+trovata|pagina\s+niet\s+gevonden"
    r"|nie\s+znaleziono\s+strony|sidan\s+hittades\s+inte",
    re.I,
)


def is_not_found_page(soup: BeautifulSoup, url: str) -> bool:
    """A "page not found" page: never a post, whatever its status code and length."""
    if _NOT_FOUND_PATH.search(urlsplit(url).path):
        return True
    title = soup.find("title")
    texts = [title.get_text(" ") if title is not None else "", _first_heading(soup) or ""]
    return any(_NOT_FOUND_TITLE.search(" ".join(text.split())) for text in texts if text)


@remembered_by_page
def extract_post(html: str, url: str) -> Post | None:
    """The post on ``html`` (its text, title, author, date, tags), or None if it has no text."""
    # The same limits as every parser (size, tags; no scripts but JSON-LD), prepared once for
    # both trafilatura and the metadata readers.
    html = prepare(html)
    soup = make_soup(html)
    if soup is None:
        return None
    if is_not_found_page(soup, url):
        log.debug("%s is a 'not found' page, not a post", url)
        return None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
        )
    except Exception:  # noqa: BLE001 -- trafilatura on hostile input; log, do not raise
        log.warning("text extraction failed on %s", url, exc_info=True)
        return None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        log.debug("no post text on %s (%d words)", url, len(text.split()))
        return None
    meta = _meta(soup)
    ld = _json_ld_article(soup)
    return Post(
        url=url,
        title=_title(soup, meta, ld, url) or getattr(doc, "title", None),
        published=_published(soup, meta, ld) or to_iso(getattr(doc, "date", None)),
        author=_author(soup, meta, ld) or _clean_author(getattr(doc, "author", None)),
        tags=_tags(soup, meta, ld, doc),
        text=text,
    )


def _meta(soup: BeautifulSoup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in soup.find_all("meta", content=True):
        key = attr_text(tag, "property") or attr_text(tag, "name") or attr_text(tag, "itemprop")
        key = key.lower()
        value = " ".join(attr_text(tag, "content").split())
        if key and value:
            found.setdefault(key, []).append(value)
    return found


def _json_ld_article(soup: BeautifulSoup) -> dict:
    """The first JSON-LD object typed as an article or blog post, or {}."""
    for script in soup.find_all("script", type=re.compile("ld\\+json", re.I)):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph") or [])
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(str(k).lower() in _ARTICLE_TYPES for k in kinds):
                return item
    return {}


def _first_heading(soup: BeautifulSoup) -> str | None:
    scope = soup.find("article") or soup
    heading = scope.find("h1") or scope.find("h2")
    return " ".join(heading.get_text(" ").split()) if heading else None


def _title(soup: BeautifulSoup, meta: dict[str, list[str]], ld: dict, url: str) -> str | None:
    declared = next(iter(meta.get("og:title") or meta.get("twitter:title") or ()), None)
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    page_title = " ".join(soup.title.get_text(" ").split()) if soup.title else None
    title = declared or headline or page_title
    if not title:
        return _first_heading(soup)
    site_names = [*meta.get("og:site_name", []), *meta.get("application-name", [])]
    site_names.append(urlsplit(url).hostname or "")
    return _without_site_name(title, _first_heading(soup), site_names, _author(soup, meta, ld))


def _without_site_name(
    title: str, heading: str | None, site_names: list[str], author: str | None
) -> str:
    """'Post | Site' -> 'Post'. The page's own heading, if it is one of the parts, wins.

    A trailing part goes only when it names the site or the author, or is a short label
    (three words at most) after a longer title: "How we designed X - an async task framework"
    keeps its subtitle, "Get your code covered | Code | Jane Doe" loses "Code" and the name.
    """
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip(" :")]
    if len(parts) < 2:
        return title
    if heading and heading.casefold() in (p.casefold() for p in parts):
        return heading
    known = {_words(n) for n in [*site_names, author or ""] if n}
    known |= {w for n in site_names for w in _words(n).split() if len(w) > 3}
    kept = list(parts)
    while len(kept) > 1:
        last, rest = _words(kept[-1]), " ".join(kept[:-1])
        named = last in known or any(k and (k in last or last in k) for k in known)
        short_label = len(last.split()) <= 3 and len(last) < len(rest)
        if not (named or short_label):
            break
        kept.pop()
    if len(kept) == len(parts):
        return title
    # Separators inside the kept part are the title's own: rebuild it from the original text.
    return title[: title.find(kept[-1]) + len(kept[-1])].strip()


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _clean_author(name: str | None) -> str | None:
    if not name:
        return None
    name = _URL_IN_PARENS.sub("", name)
    name = re.sub(r"^\s*(by|von|par|por)\s+", "", name, flags=re.I)
    name = " ".join(name.split()).strip(" ,;|-–—")
    return name or None


def _author(soup: BeautifulSoup, meta: dict[str, list[str]], ld: dict) -> str | None:
    authors = ld.get("author")
    authors = authors if isinstance(authors, list) else [authors]
    named = [a.get("name") if isinstance(a, dict) else a for a in authors]
    names = [n for n in named if isinstance(n, str) and n.strip()]
    if names:
        return _clean_author(", ".join(names))
    for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author"):
        for value in meta.get(key, []):
            if not value.startswith(("http://", "https://")):
                return _clean_author(value)
    for selector in ('[rel~="author"]', '[itemprop="author"]', ".byline", ".author"):
        element = soup.select_one(selector)
        text = element.get_text(" ", strip=True) if element else ""
        if text and len(text) < 80:
            return _clean_author(text)
    return None


def _published(soup: BeautifulSoup, meta: dict[str, list[str]], ld: dict) -> str | None:
    candidates = [ld.get("datePublished"), ld.get("dateCreated")]
    for key in (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "dc.date",
        "dcterms.created",
    ):
        candidates.extend(meta.get(key, []))
    scope = soup.find("article") or soup
    time_tag = scope.find("time", datetime=True)
    if time_tag:
        candidates.append(time_tag["datetime"])
    for value in candidates:
        iso = to_iso(value) if isinstance(value, str) else None
        if iso:
            return iso
    return None


def _tags(soup: BeautifulSoup, meta: dict[str, list[str]], ld: dict, doc) -> tuple[str, ...]:
    tags: list[str] = list(meta.get("article:tag", []))
    keywords = ld.get("keywords")
    if isinstance(keywords, str):
        tags.extend(keywords.split(","))
    elif isinstance(keywords, list):
        tags.extend(str(k) for k in keywords)
    tags.extend(a.get_text(" ", strip=True) for a in soup.select('a[rel~="tag"]'))
    for extra in (getattr(doc, "tags", None), getattr(doc, "categories", None)):
        if extra:
            tags.extend(extra if isinstance(extra, list) else str(extra).split(","))
    seen: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(str(tag).split()).strip("#, ")
        if tag and len(tag) <= 60 and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())[:MAX_TAGS]
