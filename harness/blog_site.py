"""A generated blog for tests and bench/blog.py: posts, feed, sitemaps, paginated index.

Each post has a unique key sentence ("Post 7 is about ..."), a date one day apart (post 1 is the
oldest) and the furniture real blogs have (nav, cookie banner, subscribe box, footer), so tests
can check that the text is the post's and nothing else.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

TOPICS = [
    "distributed tracing",
    "mentoring new engineers",
    "query planning",
    "accessibility",
    "incident reviews",
    "type systems",
    "edge caching",
    "data contracts",
    "code review",
    "feature flags",
    "compilers",
    "career ladders",
]
_WORDS = (
    "system team latency design budget review signal metric schema queue cache deploy "
    "contract owner failure learning pairing question roadmap debt test rollout sample "
    "customer window partition replica index trace alert habit"
).split()


@dataclass(frozen=True)
class FakePost:
    number: int
    slug: str
    title: str
    published: date
    topic: str
    key_sentence: str
    body: list[str]

    @property
    def path(self) -> str:
        return f"/{self.published:%Y/%m}/{self.slug}/"


def make_posts(count: int, words: int = 300, seed: int = 7) -> list[FakePost]:
    rng = random.Random(seed)
    posts = []
    for n in range(1, count + 1):
        topic = TOPICS[n % len(TOPICS)]
        key = f"Post {n} is about {topic} and what it taught me in year {2000 + n}."
        paragraphs, total = [key], len(key.split())
        while total < words:
            sentence = " ".join(rng.choice(_WORDS) for _ in range(14)).capitalize() + "."
            paragraphs.append(f"When we worked on {topic}, {sentence}")
            total += 18
        posts.append(
            FakePost(
                n,
                f"post-{n}-{topic.replace(' ', '-')}",
                f"Notes on {topic} #{n}",
                date(2024, 1, 1) + timedelta(days=n),
                topic,
                key,
                paragraphs,
            )
        )
    return posts


def post_html(post: FakePost, base: str, needs_js: bool = False) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in post.body)
    head = (
        f"<title>{escape(post.title)} | Ada's notes</title>"
        f'<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{post.published}T08:00:00+00:00">'
        f'<meta name="author" content="Ada Lovelace">'
        f'<meta property="article:tag" content="{post.topic}">'
        f'<link rel="canonical" href="{base}{post.path}">'
        f'<link rel="alternate" type="application/rss+xml" href="{base}/feed.xml">'
    )
    furniture = (
        '<nav><a href="/">Home</a> <a href="/about/">About</a> <a href="/tags/">Tags</a>'
        '</nav><div class="cookie-banner">We use cookies. Accept cookies?</div>'
    )
    if needs_js:
        data = json.dumps({"title": post.title, "html": paragraphs})
        body = (
            '<div id="root"></div><noscript>Please enable JavaScript to read this blog.'
            f"</noscript><script>const d = {data};"
            "document.getElementById('root').innerHTML ="
            " '<article><h1>' + d.title + '</h1>' + d.html + '</article>';</script>"
        )
    else:
        body = (
            f"{furniture}<main><article><h1>{escape(post.title)}</h1>"
            f'<time datetime="{post.published}">{post.published:%B %d, %Y}</time>'
            f"{paragraphs}</article>"
            '<section class="newsletter">Subscribe to my newsletter!</section></main>'
            "<footer>Ada Lovelace. Powered by nothing.</footer>"
        )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    )


def rss(posts: list[FakePost], base: str) -> str:
    items = "".join(
        f"<item><title>{escape(p.title)}</title><link>{base}{p.path}</link>"
        f"<pubDate>{p.published:%a, %d %b %Y} 08:00:00 +0000</pubDate>"
        f"<category>{p.topic}</category></item>"
        for p in sorted(posts, key=lambda p: p.published, reverse=True)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ada</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    )


def sitemap(urls: list[tuple[str, str | None]]) -> str:
    rows = "".join(
        f"<url><loc>{u}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</url>" for u, m in urls
    )
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{rows}</urlset>"
    )


def index_pages(posts: list[FakePost], per_page: int) -> dict[str, str]:
    """Home page plus /page/N/, newest first, each linking to "Older posts"."""
    newest = sorted(posts, key=lambda p: p.published, reverse=True)
    pages: dict[str, str] = {}
    chunks = [newest[i : i + per_page] for i in range(0, len(newest), per_page)]
    for n, chunk in enumerate(chunks, start=1):
        path = "/" if n == 1 else f"/page/{n}/"
        links = "".join(
            f'<article><h2><a href="{p.path}">{escape(p.title)}</a></h2>'
            f'<p>{escape(p.key_sentence)}</p><a href="/tags/{p.topic.replace(" ", "-")}/">'
            f"{p.topic}</a></article>"
            for p in chunk
        )
        older = f'<a href="/page/{n + 1}/">Older posts</a>' if n < len(chunks) else ""
        pages[path] = (
            "<html><head><title>Ada's notes</title></head><body><nav><a href='/'>Home</a>"
            f"<a href='/about/'>About</a></nav><main>{links}</main>{older}</body></html>"
        )
    return pages


def build_site(
    base: str,
    posts: list[FakePost],
    *,
    feed_count: int | None = None,
    with_feed: bool = True,
    with_sitemap: bool = True,
    sitemap_index: bool = False,
    with_index: bool = True,
    per_page: int = 5,
    js_posts: frozenset[int] = frozenset(),
) -> dict[str, str]:
    """Routes (path -> body) for a blog at ``base`` with the given ways to find its posts."""
    routes: dict[str, str] = {}
    for p in posts:
        routes[p.path] = post_html(p, base, needs_js=p.number in js_posts)
    routes["/about/"] = (
        "<html><body><h1>About</h1><p>" + "I write about software. " * 40 + "</p></body></html>"
    )
    newest = sorted(posts, key=lambda p: p.published, reverse=True)
    if with_feed:
        routes["/feed.xml"] = rss(newest[: feed_count or len(newest)], base)
    if with_sitemap:
        post_urls = [(f"{base}{p.path}", str(p.published)) for p in posts]
        page_urls = [(f"{base}/about/", None), (f"{base}/tags/", None), (f"{base}/", None)]
        if sitemap_index:
            routes["/post-sitemap.xml"] = sitemap(post_urls)
            routes["/page-sitemap.xml"] = sitemap(page_urls)
            routes["/sitemap_index.xml"] = (
                '<?xml version="1.0"?><sitemapindex><sitemap><loc>'
                f"{base}/post-sitemap.xml</loc></sitemap><sitemap><loc>{base}/page-sitemap.xml"
                "</loc></sitemap></sitemapindex>"
            )
            routes["/robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap_index.xml\n"
        else:
            routes["/sitemap.xml"] = sitemap(page_urls + post_urls)
    if with_index:
        routes.update(index_pages(posts, per_page))
    else:
        routes["/"] = (
            "<html><head><title>Ada's notes</title></head><body><p>Hello.</p></body></html>"
        )
    if with_feed:
        routes["/"] = routes["/"].replace(
            "<head>",
            f'<head><link rel="alternate" type="application/rss+xml" href="{base}/feed.xml">',
        )
    return routes
