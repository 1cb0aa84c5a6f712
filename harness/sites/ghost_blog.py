"""An accessibility consultant's Ghost blog of 48 posts, 2013-2025: held out for reading a blog.

Written and frozen before any change to how a blog is found and listed (issue 14, second
round), and scored once before and once after: never tuned on. Self-contained on purpose (its
own pages, feed and sitemaps), so that changes to the other test blogs cannot reach it.

The shape is Ghost's (Casper-like theme):
- posts at the site root, ``/<slug>/``, with no date in the URL;
- ``/rss/``: RSS 2.0 with the newest 15 posts, an excerpt only, no full text;
- ``/sitemap.xml`` is a sitemap index of sitemap-pages, -posts, -authors and -tags; every post's
  lastmod is 2024 (a theme migration touched them all), so it says nothing of when it was written;
- the home page and ``/page/N/`` list 9 posts each as post cards (an image link with no text,
  then a link holding the title and the excerpt in divs), with ``<link rel="next">`` and an
  "Older Posts" link;
- the navigation has Home, Archive, About and Tags; ``/archive/`` is a Ghost page showing only
  the 10 latest posts; tag pages ``/tag/<tag>/`` and an author page;
- any other path answers 404 with Ghost's "Page not found" page.

The mentee's interests (screen reader testing, accessibility audits, designing for older users)
are 8 posts, all among the 12 oldest (2013-2016); the newest 36 are bouldering, ceramics, board
games, yearly notes and four link or video posts too thin to discuss.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from harness.sites import slug

AUTHOR = "Lena Fischer"
SITE_TITLE = "Lena Fischer"
LASTMOD = "2024-06-11T10:02:00.000Z"

OLD: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "screen readers": (
        (
            "Testing with a screen reader for the first time",
            "NVDA, JAWS and VoiceOver: what differs",
            "Why automated checkers miss what screen reader users hit",
        ),
        (
            "I turned on VoiceOver, closed my eyes and tried to buy a train ticket on our site.",
            "A screen reader reads the page in DOM order, not in the order the design shows.",
            "NVDA is free, so it is the screen reader most of our testers actually use at home.",
            "JAWS users often navigate by headings first, so a missing h2 hides a whole section.",
            "Automated accessibility checkers catch missing alt text but not a confusing label.",
            "Screen reader testing found that our custom dropdown announced nothing at all.",
            "ARIA fixes one problem and adds two when the native element would have worked.",
            "Every form field needs a label a screen reader can announce, not a placeholder.",
            "Live regions tell a screen reader user that a message appeared after a submit.",
            "Testing with real screen reader users changed what our team thought was urgent.",
        ),
    ),
    "accessibility audits": (
        (
            "How I run an accessibility audit",
            "WCAG 2.0 in practice: the ten failures I see most",
            "Writing an accessibility audit report developers will read",
        ),
        (
            "An accessibility audit starts with the five journeys users care about most.",
            "Colour contrast below 4.5 to 1 is the failure I find on almost every site.",
            "Keyboard traps, where focus cannot leave a widget, are the most serious failure.",
            "I map every WCAG failure to the component that causes it, not to the page.",
            "An audit report should say what to fix first, not list two hundred issues.",
            "Focus order that jumps around the page fails WCAG and confuses everyone.",
            "Developers fix an audit finding faster when it comes with a code example.",
            "A re-audit three months later shows whether the fixes reached the design system.",
            "Accessibility audits cost less when the design system is accessible from the start.",
            "I record each audit finding with a screenshot, the WCAG criterion and the user impact.",  # noqa: E501
        ),
    ),
    "older users": (
        (
            "Designing for older adults",
            "What my grandmother taught me about inclusive design",
        ),
        (
            "Older adults are the fastest growing group of users online.",
            "Larger tap targets help older users with tremor and everyone on a moving bus.",
            "My grandmother gave up on her bank's app because the session timed out mid-form.",
            "Inclusive design for older adults means plain language and no hidden gestures.",
            "Older users read every word, so vague button labels cost them real time.",
            "We tested the prototype in a community centre with people aged seventy to ninety.",
            "Low vision is common after sixty, so text must reflow when it is enlarged.",
            "Designing for older adults made the product calmer and clearer for all ages.",
        ),
    ),
    "meetups": (
        (
            "Starting a design meetup in Leipzig",
            "Notes from our tenth meetup",
            "Finding speakers for a small meetup",
            "Why our meetup moved to Thursdays",
        ),
        (
            "The first meetup had eleven people and a borrowed projector.",
            "Pizza costs more than the room when a meetup grows past forty people.",
            "Local speakers give the best talks because they know the audience.",
            "We moved to Thursdays because Tuesdays clashed with the football.",
            "A code of conduct on the first slide set the tone for every evening.",
            "Lightning talks let first-time speakers try the stage for five minutes.",
        ),
    ),
}
NEW: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "bouldering": (
        (
            "Learning to fall at the bouldering gym",
            "My first V4",
            "Bouldering outdoors in Fontainebleau",
            "Finger injuries and patience",
            "Bouldering with friends on Monday nights",
            "Reading a boulder problem before climbing it",
            "Crash pads and spotting",
            "A winter of training on the board",
            "Bouldering after forty",
            "Why I stopped grading my climbs",
        ),
        (
            "Learning to fall safely is the first skill the bouldering gym teaches.",
            "The sandstone in Fontainebleau is polished by a century of climbers.",
            "A pulley injury in the ring finger took three months to heal.",
            "Reading the problem from the ground saves energy on the wall.",
            "Spotting is about guiding the fall to the pad, not catching the climber.",
            "Training on the board made my fingers stronger than a year of gym sessions.",
            "Grades made every session a test, so I stopped writing them down.",
            "Monday nights at the gym are more about friends than about climbing.",
            "At forty the recovery days matter more than the climbing days.",
            "Heel hooks felt impossible until a friend showed me how to pull with the leg.",
        ),
    ),
    "ceramics": (
        (
            "Throwing my first bowl",
            "Centering clay on the wheel",
            "Glaze tests and happy accidents",
            "A shared kiln in the neighbourhood",
            "Trimming feet on bowls",
            "Why my mugs crack",
            "Raku firing for the first time",
            "Making a set of plates",
            "Ceramics as a slow hobby",
            "Selling mugs at the Christmas market",
        ),
        (
            "Centering the clay on the wheel took me six weeks to get right.",
            "Every glaze test tile teaches something the recipe did not say.",
            "The shared kiln fires once a week, so patience is built into the hobby.",
            "Trimming a foot ring turns a heavy bowl into one that feels right in the hand.",
            "My mugs cracked because the handles dried faster than the bodies.",
            "Raku pots come out of the kiln glowing and go straight into sawdust.",
            "Making six matching plates is harder than making one beautiful one.",
            "Clay does not let you hurry, which is why I love it after a screen day.",
            "At the Christmas market people bought the wonky mugs first.",
            "Wedging the clay removes the air bubbles that make pots burst in the kiln.",
        ),
    ),
    "board games": (
        (
            "Our board game shelf",
            "Teaching a board game in ten minutes",
            "Cooperative games for families",
            "Why I love short board games",
            "A board game night for twelve people",
            "Designing a board game with my nephew",
            "Legacy games and commitment",
            "Board games on holiday",
            "The games we never play",
            "Solo board games in lockdown",
        ),
        (
            "Our board game shelf has more games than we can play in a year.",
            "Teach the goal first, then the turn, then the exceptions.",
            "Cooperative games stop the youngest from losing to the oldest every time.",
            "A game that ends in twenty minutes gets played three times in a row.",
            "Twelve people need two tables and two games that end at the same time.",
            "My nephew designed a game about dragons with a dice rule I still do not understand.",
            "A legacy game asks the same group to meet twelve times, which is the hard part.",
            "Small card games are the only ones that fit in the holiday suitcase.",
            "Some games on the shelf were bought for a rainy day that never came.",
            "Solo games kept me company in the long winter of lockdown.",
        ),
    ),
}
YEAR_NOTES = ("Looking back on the year", "Notes at the end of a year")
THIN = (
    ("Video: my talk at a design conference", "The recording of my talk is online.", "video"),
    ("Link: a great essay on craft", "Worth reading: this essay on craft.", "link"),
    ("Video: kiln opening", "A short video of the kiln opening.", "video"),
    ("Link: a climbing podcast I liked", "Listen to this episode.", "link"),
)
# What the mentee cares about: the themes of the 8 posts that should be read and cited.
OLD_THEMES = ("screen readers", "accessibility audits", "older users")
MENTEE_INTERESTS = ("screen reader testing", "accessibility audits", "designing for older users")
PER_PAGE = 9
FEED_COUNT = 15


@dataclass(frozen=True)
class GhostPost:
    title: str
    slug: str
    published: date
    theme: str
    paragraphs: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/{self.slug}/"

    @property
    def thin(self) -> bool:
        return self.theme in ("video", "link")

    @property
    def excerpt(self) -> str:
        return " ".join(self.paragraphs[0].split()[:26]) + "…"


def _paragraphs(sentences: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    pool = list(sentences)
    rng.shuffle(pool)
    return tuple(
        " ".join(pool[i : i + 3] + [rng.choice(sentences)]) for i in range(0, len(pool), 3)
    )


def make_posts(seed: int = 48) -> list[GhostPost]:
    """The 48 posts, oldest first."""
    rng = random.Random(seed)
    old, new = [], []
    for theme, (titles, sentences) in OLD.items():
        for title in titles:
            old.append((title, theme, _paragraphs(sentences, rng), (theme, "design")))
    for theme, (titles, sentences) in NEW.items():
        for title in titles:
            new.append((title, theme, _paragraphs(sentences, rng), (theme,)))
    for title in YEAR_NOTES:
        text = (
            "This year I climbed more, threw more pots and played more games than ever. "
            "The garden was a disaster and the kiln cracked twice. Next year I want to travel "
            "less, sleep more and finish the set of plates I started in spring. Thank you for "
            "reading, and for the letters some of you sent after the posts about clay. "
            "I read every one of them, even when I am slow to answer. "
        )
        new.append((title, "notes", (text, text), ("notes",)))
    for title, text, kind in THIN:
        new.append((title, kind, (text,), (kind,)))
    rng.shuffle(old)
    rng.shuffle(new)
    posts = []
    day = date(2013, 4, 2)
    for title, theme, paragraphs, tags in old:
        posts.append(GhostPost(title, slug(title), day, theme, paragraphs, tags))
        day += timedelta(days=97)
    day = date(2018, 2, 5)
    for title, theme, paragraphs, tags in new:
        posts.append(GhostPost(title, slug(title), day, theme, paragraphs, tags))
        day += timedelta(days=79)
    return posts


def relevant_paths() -> list[str]:
    """The posts the mentee should be told about: the old ones on their interests."""
    return [p.path for p in make_posts() if p.theme in OLD_THEMES]


def _head(title: str, base: str, extra: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
        '<meta name="generator" content="Ghost 5.82">'
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE}" '
        f'href="{base}/rss/">{extra}</head>'
    )


def _nav() -> str:
    return (
        "<header class='site-header'><a class='site-title' href='/'>Lena Fischer</a>"
        "<nav class='site-nav'><ul><li><a href='/'>Home</a></li><li><a href='/archive/'>Archive"
        "</a></li><li><a href='/about/'>About</a></li><li><a href='/tag/design/'>Tags</a></li>"
        "</ul></nav></header>"
    )


def _footer() -> str:
    return (
        "<footer class='site-footer'><section class='copyright'><a href='/'>Lena Fischer</a> "
        "© 2025</section><a href='https://ghost.org/' target='_blank'>Powered by Ghost</a>"
        "</footer>"
    )


def _card(post: GhostPost) -> str:
    return (
        f'<article class="post-card post tag-{post.tags[0].replace(" ", "-")}">'
        f'<a class="post-card-image-link" href="{post.path}"><img class="post-card-image" '
        f'src="/content/images/{post.slug}.jpg" alt=""></a>'
        f'<div class="post-card-content"><a class="post-card-content-link" href="{post.path}">'
        f'<header class="post-card-header"><div class="post-card-primary-tag">{post.tags[0]}'
        f'</div><h2 class="post-card-title">{escape(post.title)}</h2></header>'
        f'<div class="post-card-excerpt">{escape(post.excerpt)}</div></a>'
        f'<footer class="post-card-meta"><time class="post-card-meta-date" '
        f'datetime="{post.published}">{post.published:%b %-d, %Y}</time>'
        f'<span class="post-card-meta-length">3 min read</span></footer></div></article>'
    )


def _post_page(post: GhostPost, base: str, others: list[GhostPost]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in post.paragraphs)
    if post.theme == "video":
        body += '<figure class="kg-embed-card"><iframe src="https://video.example/e/9"></iframe></figure>'
    elif post.theme == "link":
        body += '<p><a href="https://elsewhere.example/essay">elsewhere.example</a></p>'
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        f'"Article", "headline": "{escape(post.title)}", "datePublished": '
        f'"{post.published}T08:30:00.000Z", "dateModified": "{LASTMOD}", "author": {{"@type": '
        f'"Person", "name": "{AUTHOR}", "url": "{base}/author/lena/"}}}}</script>'
    )
    extra = (
        '<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{post.published}T08:30:00.000Z">'
        f'<meta property="article:modified_time" content="{LASTMOD}">'
        f'<link rel="canonical" href="{base}{post.path}">{ld}'
    )
    read_next = "".join(_card(o) for o in others)
    return (
        _head(f"{post.title}", base, extra) + f"<body class='post-template'>{_nav()}"
        "<main id='site-main' class='site-main'><article class='article post'>"
        f"<header class='article-header'><h1 class='article-title'>{escape(post.title)}</h1>"
        f"<div class='article-byline'><a href='/author/lena/'>{AUTHOR}</a> "
        f"<time class='byline-meta-date' datetime='{post.published}'>{post.published:%b %-d, %Y}"
        f"</time></div></header><section class='gh-content gh-canvas'>{body}</section></article>"
        "</main><aside class='read-more-wrap'><div class='read-more'><h2>Read more</h2>"
        f"{read_next}</div></aside>{_footer()}</body></html>"
    )


def _listing(title: str, base: str, posts: list[GhostPost], page: int, pages: int,
             prefix: str = "/", intro: str = "") -> str:  # fmt: skip
    def page_url(n: int) -> str:
        return prefix if n == 1 else f"{prefix}page/{n}/"

    rel = f'<link rel="next" href="{base}{page_url(page + 1)}">' if page < pages else ""
    if page > 1:
        rel += f'<link rel="prev" href="{base}{page_url(page - 1)}">'
    newer = (
        f'<a class="newer-posts" href="{page_url(page - 1)}">← Newer Posts</a>' if page > 1 else ""
    )
    older = (
        f'<a class="older-posts" href="{page_url(page + 1)}">Older Posts →</a>'
        if page < pages
        else ""
    )
    pagination = (
        f'<nav class="pagination" role="navigation">{newer}<span class="page-number">Page '
        f"{page} of {pages}</span>{older}</nav>"
    )
    cards = "".join(_card(p) for p in posts)
    return (
        _head(title, base, rel) + f"<body class='home-template'>{_nav()}{intro}"
        f"<main id='site-main' class='site-main outer'><div class='inner posts'><div "
        f"class='post-feed'>{cards}</div>{pagination}</div></main>{_footer()}</body></html>"
    )


_INTRO = (
    "<div class='site-header-content'><h1 class='site-title'>Lena Fischer</h1><p "
    "class='site-description'>Accessibility consultant in Leipzig. Notes on design, clay, "
    "climbing and games.</p></div>"
)


def _rss(posts: list[GhostPost], base: str) -> str:
    items = "".join(
        f"<item><title><![CDATA[{p.title}]]></title><description><![CDATA[{p.excerpt}]]>"
        f"</description><link>{base}{p.path}</link><guid isPermaLink='false'>{p.slug}-id</guid>"
        f"<category><![CDATA[{p.tags[0]}]]></category><dc:creator><![CDATA[{AUTHOR}]]>"
        f"</dc:creator><pubDate>{p.published:%a, %d %b %Y} 08:30:00 GMT</pubDate></item>"
        for p in posts
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>'
        f"<title><![CDATA[{SITE_TITLE}]]></title><link>{base}/</link>"
        f"<generator>Ghost 5.82</generator>{items}</channel></rss>"
    )


def _urlset(urls: list[str]) -> str:
    rows = "".join(f"<url><loc>{u}</loc><lastmod>{LASTMOD}</lastmod></url>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
        'href="//example/sitemap.xsl"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">{rows}</urlset>'
    )


def _not_found(base: str) -> tuple[int, dict[str, str], bytes]:
    html = (
        _head("Page not found - Lena Fischer", base) + f"<body class='error-template'>{_nav()}"
        "<main class='error-content'><section class='error-message'><h1 class='error-code'>404"
        "</h1><p class='error-description'>Page not found</p><a class='error-link' href='/'>Go "
        "to the front page →</a></section></main></body></html>"
    )
    return 404, {"Content-Type": "text/html; charset=utf-8"}, html.encode()


def build_site(base: str) -> dict:
    """Routes of the blog served at ``base``; unknown paths are left to the caller (see
    ``not_found``)."""
    posts = make_posts()
    newest = sorted(posts, key=lambda p: p.published, reverse=True)
    routes: dict = {}
    for i, post in enumerate(newest):
        others = [newest[(i + k) % len(newest)] for k in (1, 2, 3)]
        routes[post.path] = _post_page(post, base, others)
    chunks = [newest[i : i + PER_PAGE] for i in range(0, len(newest), PER_PAGE)]
    for n, chunk in enumerate(chunks, start=1):
        path = "/" if n == 1 else f"/page/{n}/"
        routes[path] = _listing(SITE_TITLE, base, chunk, n, len(chunks),
                                intro=_INTRO if n == 1 else "")  # fmt: skip
    routes["/rss/"] = (200, {"Content-Type": "application/rss+xml; charset=utf-8"},
                       _rss(newest[:FEED_COUNT], base).encode())  # fmt: skip
    # Ghost's archive page: a page whose template shows the latest 10 posts.
    latest = "".join(
        f"<li><a href='{p.path}'>{escape(p.title)}</a> <span>{p.published:%d %b %Y}</span></li>"
        for p in newest[:10]
    )
    routes["/archive/"] = (
        _head("Archive - Lena Fischer", base) + f"<body class='page-template'>{_nav()}"
        "<main class='site-main'><article class='article page'><h1 class='article-title'>Archive"
        f"</h1><section class='gh-content'><h2>Latest posts</h2><ul>{latest}</ul></section>"
        f"</article></main>{_footer()}</body></html>"
    )
    routes["/about/"] = (
        _head("About - Lena Fischer", base) + f"<body class='page-template'>{_nav()}"
        "<main class='site-main'><article class='article page'><h1 class='article-title'>About"
        "</h1><section class='gh-content'><p>I'm Lena Fischer, an accessibility consultant in "
        "Leipzig. For years I ran accessibility audits and screen reader tests for banks and "
        "public services, and I still do. These days I also write about bouldering, ceramics "
        "and board games.</p><p>I studied interaction design at the Bauhaus-Universität Weimar "
        "and worked at an agency in Berlin before going freelance.</p></section></article>"
        f"</main>{_footer()}</body></html>"
    )
    tags = sorted({t for p in posts for t in p.tags})
    for tag in tags:
        tagged = [p for p in newest if tag in p.tags][:PER_PAGE]
        routes[f"/tag/{slug(tag)}/"] = _listing(f"{tag} - {SITE_TITLE}", base, tagged, 1, 1,
                                                prefix=f"/tag/{slug(tag)}/")  # fmt: skip
    routes["/author/lena/"] = _listing(f"{AUTHOR} - {SITE_TITLE}", base, newest[:PER_PAGE], 1,
                                       1, prefix="/author/lena/")  # fmt: skip
    routes["/sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(
            f"<sitemap><loc>{base}/sitemap-{kind}.xml</loc><lastmod>{LASTMOD}</lastmod></sitemap>"
            for kind in ("pages", "posts", "authors", "tags")
        )
        + "</sitemapindex>"
    )
    routes["/sitemap-pages.xml"] = _urlset([f"{base}/about/", f"{base}/archive/"])
    routes["/sitemap-posts.xml"] = _urlset([f"{base}{p.path}" for p in newest])
    routes["/sitemap-authors.xml"] = _urlset([f"{base}/author/lena/"])
    routes["/sitemap-tags.xml"] = _urlset([f"{base}/tag/{slug(t)}/" for t in tags])
    routes["/robots.txt"] = f"User-agent: *\nSitemap: {base}/sitemap.xml\nDisallow: /ghost/\n"
    return routes


def not_found(base: str):
    """Ghost's 404 answer, for every path the site does not have."""
    return _not_found(base)


def mentee() -> dict:
    """The user: a UX designer who wants to specialise in accessibility."""
    return {
        "name": "Chris Novak",
        "headline": "UX designer at a retail bank",
        "about": "I design the bank's mobile app and want our customers with disabilities and "
        "our oldest customers to be able to use it without help.",
        "skills": ["Figma", "usability testing", "design systems"],
        "interests": list(MENTEE_INTERESTS),
        "goal": "specialise in accessibility",
        "ask": "a 20-minute call about moving into accessibility work",
    }
