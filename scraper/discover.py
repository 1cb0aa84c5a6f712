"""Where a site keeps its posts: feed URLs to try, post-like links, pagination. Pure functions.

"Post or page?" is decided from the URL first (cheap, before any fetch): tag, category,
author, archive and pagination pages, and the usual about/contact pages, are never posts.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from scraper.forgettable import remembered_by_page
from scraper.soup import MAX_LINKS, attr_text, make_soup

# Paths blogs publish feeds at, most common first; tried only when a page advertises none.
COMMON_FEED_PATHS = ("feed", "feed/", "rss.xml", "atom.xml", "index.xml", "feed.xml",
                     "feed.json", "rss/", "rss")  # fmt: skip
# What a <meta name="generator"> says -> where that platform puts its feed.
GENERATOR_FEEDS = {"wordpress": "feed/", "ghost": "rss/", "hugo": "index.xml",
                   "jekyll": "feed.xml", "hashnode": "rss.xml", "gatsby": "rss.xml",
                   "eleventy": "feed.xml", "blogger": "feeds/posts/default"}  # fmt: skip
_NOT_POSTS = re.compile(
    r"/(tags?|categor(y|ies)|topics?|authors?|archives?|page|search|feed|rss|atom|login|"
    r"signin|signup|subscribe|newsletter|privacy|terms|contact|about(-me|-us)?|now|uses|"
    r"wp-content|wp-json|wp-admin|cdn-cgi|static|assets|images?|css|js)(/|$)",
    re.I,
)
# A path that is only a date (/2019/, /2019/05/, /2019/05/14/) is a date archive; a "not found"
# page (/404.html, /not-found/) is the site's error page: neither is a post.
_DATE_ONLY = re.compile(r"^/((19|20)\d\d)(/\d\d?){0,2}/?$")
_NOT_FOUND = re.compile(r"/(404|not[-_]?found|page[-_]?not[-_]?found)(\.html?)?/?$", re.I)
# The first segments of a blog's own address: a section (/blog/, /posts/) or a person's space on
# a shared host (/@ann/, /~ann/). A post, an archive or a page below them is not the blog.
_SECTION = re.compile(r"^(blog|weblog|posts?|writing|articles?|notes|journal|essays|[@~].+)$", re.I)
# Hosts that serve each of a user's projects under its own path, a site of its own.
_PROJECT_HOSTS = (".github.io", ".gitlab.io")
_FILE_SUFFIX = re.compile(r"\.(xml|json|rss|atom|jpe?g|png|gif|svg|webp|pdf|zip|css|js|txt|ico)$")
_TRACKING = re.compile(r"^(utm_\w+|ref|fbclid|gclid|mc_cid|mc_eid|source)$", re.I)
_OLDER = re.compile(r"^\W*(older( posts| entries| articles)?|next( page| posts)?|more posts|"
                    r"load more|previous (posts|entries)|earlier (posts|entries))\W*$",
                    re.I)  # fmt: skip
_PREVIOUS = re.compile(r"^\W*(previous|prev)( page)?\W*$", re.I)


def canonical(url: str) -> str:
    """The URL two links to the same post share: no fragment, tracking or index.html."""
    parts = urlsplit(url.strip())
    path = re.sub(r"/index\.html?$", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    host = (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def without_tracking(url: str) -> str:
    """``url`` without its fragment and tracking parameters, otherwise as given."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def feed_candidates(site_url: str, html: str = "") -> list[str]:
    """Feed URLs worth trying for a site that advertises none: its platform's first."""
    parts = urlsplit(site_url)
    host, path = (parts.hostname or "").lower(), parts.path
    origin = f"{parts.scheme}://{parts.netloc}"
    found: list[str] = []
    if host == "medium.com" and path.startswith("/@"):
        found.append(f"{origin}/feed/{path.strip('/').split('/')[0]}")
    elif host.endswith(".medium.com") or host.endswith(".substack.com"):
        found.append(f"{origin}/feed")
    elif host == "dev.to" and path.strip("/"):
        found.append(f"{origin}/feed/{path.strip('/').split('/')[0]}")
    elif host.endswith(".hashnode.dev"):
        found.append(f"{origin}/rss.xml")
    generator = re.search(r'<meta[^>]+name=["\']generator["\'][^>]*content=["\']([^"\']+)', html,
                          re.I)  # fmt: skip
    base = site_url if site_url.endswith("/") else site_url + "/"
    if generator:
        for name, feed in GENERATOR_FEEDS.items():
            if name in generator.group(1).lower():
                found.append(urljoin(base, feed))
    found.extend(urljoin(base, p) for p in COMMON_FEED_PATHS)
    if path.strip("/"):  # a blog under a path (/blog/) may keep its feed at the site root
        found.extend(urljoin(origin + "/", p) for p in COMMON_FEED_PATHS[:6])
    return list(dict.fromkeys(found))


def same_site(url: str, site_url: str) -> bool:
    a, b = urlsplit(url).hostname or "", urlsplit(site_url).hostname or ""
    return a.lower().removeprefix("www.") == b.lower().removeprefix("www.")


def is_post_url(url: str, site_url: str) -> bool:
    """Could ``url`` be a post of the blog at ``site_url``? (Same site, not a listing or page.)"""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not same_site(url, site_url):
        return False
    path = parts.path or "/"
    if path.strip("/") == "" or _NOT_POSTS.search(path) or _FILE_SUFFIX.search(path.lower()):
        return False
    if date_archive(url) or _NOT_FOUND.search(path) or is_section(url):
        return False
    blog_path = urlsplit(site_url).path.rstrip("/")
    if blog_path and not path.startswith(blog_path + "/"):
        return False  # a blog at /blog/ keeps its posts below /blog/
    return canonical(url) != canonical(site_url)


def is_section(url: str) -> bool:
    """Is ``url`` a blog section's own index (/blog/, /posts/), not a post in it?"""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return bool(segments) and all(_SECTION.match(s) for s in segments)


def blog_root(url: str) -> str:
    """The blog a URL of a site belongs to: its section (/blog/, /posts/, /@ann/) when the path
    starts with one, else the site's root. An archive, tag, category, page or post URL is a page
    of that blog, not a blog: "/archive/" -> "/", "/blog/tag/x/" -> "/blog/"."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    kept: list[str] = []
    if (
        segments
        and (parts.hostname or "").endswith(_PROJECT_HOSTS)
        and not _NOT_POSTS.search(f"/{segments[0]}/")
    ):
        kept.append(segments.pop(0))  # a project's site: user.github.io/project/
    for segment in segments[:2]:
        if not _SECTION.match(segment):
            break
        kept.append(segment)
    path = "/" + "".join(f"{s}/" for s in kept)
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def is_listing_page(url: str) -> bool:
    """Is ``url`` a page of a blog that lists or frames its posts (archive, tag, category,
    author, pagination, about, a date archive), rather than a blog or a post?"""
    return bool(_NOT_POSTS.search(urlsplit(url).path)) or date_archive(url)


def date_archive(url: str) -> bool:
    """Is ``url`` a year, month or day archive (/2019/, /blog/2019/05/)?"""
    path = urlsplit(url).path
    section = urlsplit(blog_root(url)).path.rstrip("/")
    return bool(_DATE_ONLY.match(path[len(section) :] if path.startswith(section) else path))


def post_links(html: str, url: str, site_url: str) -> list[str]:
    """Links on an index page that look like posts, in page order (newest first, usually)."""
    soup = make_soup(html)
    if soup is None:
        return []
    links: list[str] = []
    seen: set[str] = set()
    for a in soup.find_all("a", href=True, limit=MAX_LINKS):
        if a.find_parent(["nav", "header", "footer", "aside"]):
            continue  # menus link to pages, not posts
        href = urljoin(url, attr_text(a, "href").strip())
        key = canonical(href)
        if key not in seen and is_post_url(href, site_url):
            seen.add(key)
            links.append(href)
    return links


def next_page(html: str, url: str) -> str | None:
    """The next (older) index page: rel=next, an "Older posts" link, or /page/N+1/."""
    soup = make_soup(html)
    return next_page_in(soup, url) if soup is not None else None


def next_page_in(soup: BeautifulSoup, url: str) -> str | None:
    """``next_page`` on a page already parsed."""
    found = next_pages_in(soup, url)
    return found[0] if found else None


def next_pages_in(soup: BeautifulSoup, url: str) -> list[str]:
    """Every link that may lead to the next (older) page of a listing, likeliest first:
    rel=next, "Older posts" or "Next", /page/N+1/ (or ?page=N+1), then "Previous" (which some
    themes use for older, others for newer: the caller skips the pages it has seen)."""
    found: list[str] = []
    for tag in soup.find_all(["link", "a"], href=True, limit=MAX_LINKS):
        if "next" in [r.lower() for r in tag.get("rel") or []]:
            found.append(urljoin(url, attr_text(tag, "href")))
    anchors = soup.find_all("a", href=True, limit=MAX_LINKS)
    for a in anchors:
        if _OLDER.match(a.get_text(" ", strip=True)):
            found.append(urljoin(url, attr_text(a, "href")))
    current = re.search(r"/page/(\d+)/?$", urlsplit(url).path) or re.search(
        r"(?:^|&)page=(\d+)", urlsplit(url).query
    )
    number = int(current.group(1)) + 1 if current else 2
    for a in anchors:
        target = urljoin(url, attr_text(a, "href"))
        parts = urlsplit(target)
        if re.search(rf"/page/{number}/?$", parts.path) or re.search(
            rf"(?:^|&)page={number}(&|$)", parts.query
        ):
            found.append(target)
    for a in anchors:
        if _PREVIOUS.match(a.get_text(" ", strip=True)):
            found.append(urljoin(url, attr_text(a, "href")))
    return [u for u in dict.fromkeys(found) if same_site(u, url) and canonical(u) != canonical(url)]


def declared_canonical(html: str, url: str) -> str | None:
    """The page's <link rel="canonical">, if it names a page on the same site."""
    match = re.search(r"<link[^>]+rel=[\"']canonical[\"'][^>]*>", html[:50_000], re.I)
    href = re.search(r"href=[\"']([^\"']+)", match.group(0)) if match else None
    if not href:
        return None
    target = urljoin(url, href.group(1).strip())
    return target if same_site(target, url) else None


_POST_MARKERS = re.compile(
    r"""property=["']og:type["'][^>]*content=["']article|content=["']article["'][^>]*"""
    r"""property=["']og:type|article:published_time|"@type"\s*:\s*"(BlogPosting|Article|"""
    r"""NewsArticle|TechArticle)"|<article[\s>]|<time[^>]+datetime=|itemprop=["']datePublished""",
    re.I,
)
_POST_PATH = re.compile(r"/(19|20)\d\d/|/(posts?|blog|articles?|notes|writing|p)/[^/]+", re.I)


@remembered_by_page
def looks_like_post(html: str, url: str) -> bool:
    """Does a page found through a sitemap or an index read as a post rather than a page?

    A post says so in its markup (og:type article, a JSON-LD BlogPosting, <article>, a <time>),
    or sits where posts live (/2024/..., /posts/...). An /projects/widget page does neither.
    """
    return bool(_POST_MARKERS.search(html[:300_000]) or _POST_PATH.search(urlsplit(url).path))
