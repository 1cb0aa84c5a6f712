"""A nurse's WordPress blog of 52 posts, 2011-2025, whose oldest posts are what a mentee needs.

Written for reading a whole blog (issue 14, second round), before the code it tests was run on
it, and tuned on. The shape is WordPress's (a default-like theme):
- posts at ``/YYYY/MM/DD/<slug>/``;
- ``/feed/``: RSS with the newest 10 posts, an excerpt only ("[…]"); ``/comments/feed/``, also
  advertised, whose items are comments on posts old and new;
- the sitemap is WordPress core's ``/wp-sitemap.xml`` (an index of posts, pages, categories and
  users), not declared in robots.txt; ``/sitemap.xml`` does not exist; every post's lastmod is
  2023 (a plugin update touched them all);
- the home page lists 8 posts (title link, a date link around a ``<time>``, an excerpt, the
  categories in the post's footer) and "Older posts" leads to ``/page/2/``...;
- a sidebar with Recent Posts, Archives (month links) and Categories;
- the menu has Home, Archive, About; ``/archive/`` is a page listing the month archives, each
  ``/YYYY/MM/`` listing that month's posts.

The mentee (an ICU nurse moving into clinical informatics) cares for nursing handover, clinical
decision support and electronic health record usability: 9 posts, all among the 12 oldest
(2011-2014). The newest 40 are gardening, cycling holidays, knitting, book notes and four link
or video posts too thin to discuss.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from html import escape

from harness.sites import dated_posts, slug

AUTHOR = "Marta Kowalczyk"
SITE = "Night Shift Notes"
MODIFIED = "2023-05-04T11:20:00+00:00"
PER_PAGE = 8
FEED_COUNT = 10

OLD = {
    "handover": (
        (
            "What a good nursing handover sounds like",
            "Bedside handover with the patient awake",
            "SBAR for handover, five years on",
        ),
        (
            "A nursing handover is where most information is lost between shifts.",
            "We moved handover to the bedside so that the patient can correct us.",
            "SBAR gives the handover a shape: situation, background, assessment, recommendation.",
            "The night nurse hands over what was done; the day nurse needs what to watch for.",
            "Handover at the bedside takes two minutes longer and saves an hour of phone calls.",
            "A printed handover sheet goes out of date the moment the first drug is given.",
            "Interruptions during handover are where the errors creep in.",
            "Patients told us that hearing the handover made them feel safer.",
            "Structured handover tools only work when the whole ward uses the same one.",
            "I ask every new nurse to listen to five handovers before giving one.",
        ),
    ),
    "decision support": (
        (
            "Alert fatigue on the intensive care unit",
            "Clinical decision support that nurses trust",
            "An early warning score in the electronic record",
        ),
        (
            "Clinical decision support fails when it fires twenty alerts a shift.",
            "Alert fatigue means the one alert that matters is clicked away with the others.",
            "An early warning score computed by the record spots a deteriorating patient sooner.",
            "Nurses trust decision support when they can see why it fired.",
            "We turned off half the drug interaction alerts and nobody missed them.",
            "A sepsis alert needs a clear next step, not only a red banner.",
            "Decision support should fit the workflow of the nurse, not of the software vendor.",
            "The best alert is the one that arrives before the nurse would have noticed.",
            "We reviewed every overridden alert for a month to learn which ones to change.",
            "Clinical informatics nurses translate between the ward and the developers.",
        ),
    ),
    "health records": (
        (
            "Charting in the new electronic health record",
            "Fourteen clicks to record a blood pressure",
            "What nurses want from EHR usability testing",
        ),
        (
            "Our electronic health record took fourteen clicks to record one blood pressure.",
            "EHR usability is a patient safety issue, not a matter of taste.",
            "Nurses spend a third of a shift charting in the electronic record.",
            "Usability testing with real nurses found problems the vendor demo never showed.",
            "Copy and paste in the health record spreads old information into new notes.",
            "A flowsheet designed by nurses was faster and had fewer missing entries.",
            "The electronic record made handwriting errors disappear and added new ones.",
            "Training on the record should use the ward's own patients, not a fictional one.",
            "I joined the EHR working group because someone from the wards had to.",
            "Good EHR design puts the next task on the screen, not behind a menu.",
        ),
    ),
    "night shifts": (
        ("Surviving your first night shift", "Sleep after nights", "Food on the night shift"),
        (
            "The first night shift feels longest between three and five in the morning.",
            "Blackout curtains did more for my sleep than any supplement.",
            "Eating a proper meal at midnight beats grazing on biscuits until dawn.",
            "Night shifts build a team in a way day shifts rarely do.",
            "Driving home after nights is the most dangerous part of the shift.",
            "I keep the same sleep times on my days off, as far as the family allows.",
        ),
    ),
}
NEW = {
    "gardening": (
        (
            "Our first year on the allotment",
            "Potatoes, slugs and patience",
            "Composting for beginners",
            "Growing garlic over winter",
            "The tomato glut",
            "Raised beds on heavy clay",
            "Saving seeds from the runner beans",
            "Watering in a dry summer",
            "The allotment in winter",
            "Sharing a plot with friends",
            "Planting fruit trees",
        ),
        (
            "The allotment was a field of brambles when we took it on.",
            "Slugs ate the first two sowings of lettuce before we learned about beer traps.",
            "Compost needs green and brown in equal parts, and turning.",
            "Garlic planted in November is ready by midsummer.",
            "Every August we give away tomatoes to anyone who stands still long enough.",
            "Raised beds saved us from digging heavy clay every spring.",
            "Runner bean seeds dried on the windowsill grew better than bought ones.",
            "In a dry summer we water in the evening so less is lost to the sun.",
            "The allotment in winter is mostly planning and mending the shed.",
            "Sharing the plot halved the work and doubled the conversations.",
        ),
    ),
    "cycling": (
        (
            "Cycling the Danube path",
            "Packing light for a bike tour",
            "A week on the Camino by bike",
            "Puncture on a mountain pass",
            "Cycling holidays with teenagers",
            "The Baltic coast by bicycle",
            "Choosing a touring bike",
            "Rain gear that works",
            "Cycling through the Dolomites",
            "Cheap campsites along the Loire",
            "Why we cycle on holiday",
        ),
        (
            "The Danube path is flat enough for the whole family.",
            "Two panniers each is enough if you wash clothes every evening.",
            "A puncture on a mountain pass taught me to carry two spare tubes.",
            "Teenagers complain for two days and then race ahead for the rest of the week.",
            "The Baltic coast has wind, sand and the best smoked fish.",
            "A touring bike needs a steel frame and low gears more than light weight.",
            "Good rain gear is the difference between a holiday and an ordeal.",
            "The climbs in the Dolomites hurt, and the descents make up for it.",
            "Campsites along the Loire cost less than a cafe lunch in Paris.",
            "Cycling is the speed at which a country makes sense.",
        ),
    ),
    "knitting": (
        (
            "Learning to knit at forty",
            "My first jumper",
            "Knitting socks on the train",
            "Colourwork and patience",
            "A blanket for the new baby",
            "Why I knit in meetings",
            "Wool from local sheep",
            "Fixing a dropped stitch",
            "The knitting group at the library",
            "Cables without a cable needle",
        ),
        (
            "I learned to knit at forty from a video and a lot of unravelling.",
            "My first jumper had one sleeve longer than the other.",
            "Socks are the perfect train project: small, slow and forgiving.",
            "Colourwork taught me to keep the tension even on both hands.",
            "A baby blanket takes a month of evenings and lasts a lifetime.",
            "Knitting in meetings keeps my hands busy and my mind listening.",
            "Wool from local sheep is scratchy at first and softens with washing.",
            "A crochet hook rescues a dropped stitch in a minute.",
            "The knitting group at the library meets on Wednesdays and talks more than it knits.",
            "Cables look hard but are only stitches knitted out of order.",
        ),
    ),
    "books": (
        (
            "Books I read this winter",
            "Crime novels for night owls",
            "Rereading Middlemarch",
            "Audiobooks on the allotment",
        ),
        (
            "This winter I read eleven novels and one very long biography.",
            "Crime novels are my reward after a run of difficult weeks.",
            "Middlemarch is kinder on the second reading.",
            "Audiobooks make weeding the allotment go faster.",
            "A book club of three friends is the right size for an argument.",
            "I keep a list of every book I finish and rarely look at it.",
        ),
    ),
}
THIN = (
    ("Video: my talk at the nursing conference", "Here is the video of my talk.", "video"),
    ("Link: a lovely essay on gardens", "Worth reading: this essay on gardens.", "link"),
    ("Video: the allotment in spring", "A short video of the plot in April.", "video"),
    ("Link: a knitting pattern I love", "This free pattern is lovely.", "link"),
)
OLD_THEMES = ("handover", "decision support", "health records")
MENTEE_INTERESTS = ("nursing handover", "clinical decision support", "EHR usability")
THEME_WORDS = {
    "handover": r"handover|sbar",
    "decision support": r"decision support|alert|warning score",
    "health records": r"health record|\behr\b|electronic record|charting",
    "night shifts": r"night shift",
    "gardening": r"allotment|garden|compost",
    "cycling": r"cycl|bike",
    "knitting": r"knit",
    "books": r"book|novel",
}
CATEGORIES = {
    "handover": "Nursing",
    "decision support": "Informatics",
    "health records": "Informatics",
    "night shifts": "Nursing",
    "gardening": "Allotment",
    "cycling": "Travel",
    "knitting": "Knitting",
    "books": "Books",
    "video": "Links",
    "link": "Links",
}


@dataclass(frozen=True)
class WpPost:
    title: str
    slug: str
    published: date
    theme: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/{self.published:%Y/%m/%d}/{self.slug}/"

    @property
    def thin(self) -> bool:
        return self.theme in ("video", "link")

    @property
    def category(self) -> str:
        return CATEGORIES[self.theme]

    @property
    def excerpt(self) -> str:
        return " ".join(" ".join(self.paragraphs).split()[:40]) + " [&hellip;]"


def make_posts(seed: int = 52) -> list[WpPost]:
    """The 52 posts, oldest first."""
    return dated_posts(
        WpPost,
        OLD,
        NEW,
        THIN,
        random.Random(seed),
        (date(2011, 3, 14), 101),
        (date(2016, 1, 9), 89),
    )


def _head(title: str, base: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='UTF-8'><title>{escape(title)}"
        "</title><meta name='generator' content='WordPress 6.5.2'>"
        f'<link rel="alternate" type="application/rss+xml" title="{SITE} &raquo; Feed" '
        f'href="{base}/feed/">'
        f'<link rel="alternate" type="application/rss+xml" title="{SITE} &raquo; Comments Feed" '
        f'href="{base}/comments/feed/">'
        f'<link rel="https://api.w.org/" href="{base}/wp-json/"></head>'
    )


def _menu() -> str:
    return (
        "<header id='masthead' class='site-header'><p class='site-title'><a href='/' rel='home'>"
        f"{SITE}</a></p><p class='site-description'>A nurse writes</p><nav id='site-navigation' "
        "class='main-navigation'><ul id='primary-menu' class='menu'><li><a href='/'>Home</a></li>"
        "<li><a href='/archive/'>Archive</a></li><li><a href='/about/'>About</a></li></ul></nav>"
        "</header>"
    )


def _sidebar(posts: list[WpPost]) -> str:
    newest = sorted(posts, key=lambda p: p.published, reverse=True)
    recent = "".join(f"<li><a href='{p.path}'>{escape(p.title)}</a></li>" for p in newest[:5])
    months = sorted({(p.published.year, p.published.month) for p in posts}, reverse=True)
    archives = "".join(
        f"<li><a href='/{y}/{m:02d}/'>{date(y, m, 1):%B %Y}</a></li>" for y, m in months
    )
    categories = "".join(
        f"<li class='cat-item'><a href='/category/{slug(c)}/'>{c}</a></li>"
        for c in sorted(set(CATEGORIES.values()))
    )
    return (
        "<aside id='secondary' class='widget-area'><section class='widget widget_text'>"
        f"<h2 class='widget-title'>About me</h2><div class='textwidget'><p>I'm {AUTHOR}, an "
        "intensive care nurse in Gdańsk. I write about nursing, clinical informatics and "
        "life outside the hospital.</p></div></section><section class='widget "
        "widget_recent_entries'><h2 class='widget-title'>Recent Posts</h2><ul>"
        f"{recent}</ul></section><section class='widget widget_archive'><h2 "
        f"class='widget-title'>Archives</h2><ul>{archives}</ul></section><section class='widget "
        f"widget_categories'><h2 class='widget-title'>Categories</h2><ul>{categories}</ul>"
        "</section></aside>"
    )


def _footer() -> str:
    return (
        "<footer id='colophon' class='site-footer'><div class='site-info'><a "
        "href='https://wordpress.org/'>Proudly powered by WordPress</a></div></footer>"
    )


def _entry(post: WpPost) -> str:
    return (
        f"<article id='post-{post.slug}' class='post type-post status-publish'><header "
        f"class='entry-header'><h2 class='entry-title'><a href='{post.path}' rel='bookmark'>"
        f"{escape(post.title)}</a></h2><div class='entry-meta'><span class='posted-on'>Posted on "
        f"<a href='{post.path}' rel='bookmark'><time class='entry-date published' datetime='"
        f"{post.published}T19:00:00+00:00'>{post.published:%B %-d, %Y}</time><time "
        f"class='updated' datetime='{MODIFIED}'>May 4, 2023</time></a></span><span "
        f"class='byline'> by <span class='author vcard'><a class='url fn n' "
        f"href='/author/marta/'>{AUTHOR}</a></span></span></div></header><div "
        f"class='entry-summary'><p>{post.excerpt}</p></div><footer class='entry-footer'><span "
        f"class='cat-links'>Posted in <a href='/category/{slug(post.category)}/' "
        f"rel='category tag'>{post.category}</a></span></footer></article>"
    )


def _listing(title: str, base: str, posts: list[WpPost], entries: list[WpPost], page: int,
             pages: int, prefix: str = "/") -> str:  # fmt: skip
    nav = ""
    if page < pages or page > 1:
        older = (f"<div class='nav-previous'><a href='{prefix}page/{page + 1}/'>Older posts</a>"
                 "</div>") if page < pages else ""  # fmt: skip
        newer_url = prefix if page == 2 else f"{prefix}page/{page - 1}/"
        newer = (f"<div class='nav-next'><a href='{newer_url}'>Newer posts</a></div>"
                 if page > 1 else "")  # fmt: skip
        nav = (f"<nav class='navigation posts-navigation'><h2 class='screen-reader-text'>Posts "
               f"navigation</h2><div class='nav-links'>{older}{newer}</div></nav>")  # fmt: skip
    body = "".join(_entry(p) for p in entries)
    return (
        _head(title, base) + f"<body class='home blog'><div id='page' class='site'>{_menu()}"
        f"<div id='content' class='site-content'><main id='primary' class='site-main'>{body}"
        f"{nav}</main>{_sidebar(posts)}</div>{_footer()}</div></body></html>"
    )


def _post_page(post: WpPost, base: str, posts: list[WpPost]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in post.paragraphs)
    if post.theme == "video":
        body += "<figure class='wp-block-embed'><iframe src='https://video.example/v/3'></iframe></figure>"
    elif post.theme == "link":
        body += "<p><a href='https://elsewhere.example/read'>elsewhere.example/read</a></p>"
    head = _head(f"{post.title} – {SITE}", base).replace(
        "</head>",
        "<meta property='og:type' content='article'>"
        f"<meta property='article:published_time' content='{post.published}T19:00:00+00:00'>"
        f"<link rel='canonical' href='{base}{post.path}'></head>",
    )
    return (
        head + f"<body class='post-template-default single'>{_menu()}<main id='primary'>"
        f"<article class='post'><header class='entry-header'><h1 class='entry-title'>"
        f"{escape(post.title)}</h1><span class='posted-on'><time class='entry-date published' "
        f"datetime='{post.published}T19:00:00+00:00'>{post.published:%B %-d, %Y}</time></span>"
        f"</header><div class='entry-content'>{body}</div></article><nav class='navigation "
        "post-navigation'><a href='/' rel='prev'>Previous post</a></nav><div id='comments'>"
        "<h2>2 thoughts</h2><p>Thank you for this!</p></div></main>"
        f"{_sidebar(posts)}{_footer()}</body></html>"
    )


def _rss(items: str, base: str, title: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{title}</title><link>{base}</link><generator>https://wordpress.org/?v=6.5.2"
        f"</generator>{items}</channel></rss>"
    )


def _urlset(rows: list[tuple[str, str | None]]) -> str:
    body = "".join(f"<url><loc>{u}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</url>"
                   for u, m in rows)  # fmt: skip
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
    )


def not_found(base: str):
    html = (
        _head(f"Page not found – {SITE}", base) + f"<body class='error404'>{_menu()}"
        "<main><section class='error-404 not-found'><h1 class='page-title'>Oops! That page "
        "can&rsquo;t be found.</h1><p>It looks like nothing was found at this location.</p>"
        f"</section></main>{_footer()}</body></html>"
    )
    return 404, {"Content-Type": "text/html; charset=UTF-8"}, html.encode()


def build_site(base: str) -> dict:
    posts = make_posts()
    newest = sorted(posts, key=lambda p: p.published, reverse=True)
    routes: dict = {p.path: _post_page(p, base, posts) for p in posts}
    pages = (len(newest) + PER_PAGE - 1) // PER_PAGE
    for n in range(1, pages + 1):
        chunk = newest[(n - 1) * PER_PAGE : n * PER_PAGE]
        routes["/" if n == 1 else f"/page/{n}/"] = _listing(SITE, base, posts, chunk, n, pages)
    for category in set(CATEGORIES.values()):
        inside = [p for p in newest if p.category == category]
        cpages = max(1, (len(inside) + PER_PAGE - 1) // PER_PAGE)
        prefix = f"/category/{slug(category)}/"
        for n in range(1, cpages + 1):
            chunk = inside[(n - 1) * PER_PAGE : n * PER_PAGE]
            path = prefix if n == 1 else f"{prefix}page/{n}/"
            routes[path] = _listing(f"{category} – {SITE}", base, posts, chunk, n, cpages,
                                    prefix)  # fmt: skip
    for y, m in {(p.published.year, p.published.month) for p in posts}:
        inside = [p for p in newest if (p.published.year, p.published.month) == (y, m)]
        routes[f"/{y}/{m:02d}/"] = _listing(f"{date(y, m, 1):%B %Y} – {SITE}", base,
                                            posts, inside, 1, 1, f"/{y}/{m:02d}/")  # fmt: skip
    months = sorted({(p.published.year, p.published.month) for p in posts}, reverse=True)
    month_links = "".join(f"<li><a href='/{y}/{m:02d}/'>{date(y, m, 1):%B %Y}</a></li>"
                          for y, m in months)  # fmt: skip
    routes["/archive/"] = (
        _head(f"Archive – {SITE}", base) + f"<body class='page'>{_menu()}<main "
        "id='primary'><article class='page'><h1 class='entry-title'>Archive</h1><div "
        f"class='entry-content'><ul class='wp-block-archives-list'>{month_links}</ul></div>"
        f"</article></main>{_sidebar(posts)}{_footer()}</body></html>"
    )
    routes["/about/"] = (
        _head(f"About – {SITE}", base) + f"<body class='page'>{_menu()}<main "
        "id='primary'><article class='page'><h1 class='entry-title'>About</h1><div "
        f"class='entry-content'><p>I'm {AUTHOR}, an intensive care nurse at a university "
        "hospital in Gdańsk. I was part of the team that brought in our electronic health "
        "record, and I still sit on the clinical informatics group. I trained at the Medical "
        "University of Gdańsk.</p><p>Outside work there is the allotment, the bike and a lot "
        f"of wool.</p></div></article></main>{_sidebar(posts)}{_footer()}</body></html>"
    )
    feed_items = "".join(
        f"<item><title>{escape(p.title)}</title><link>{base}{p.path}</link>"
        f"<dc:creator><![CDATA[{AUTHOR}]]></dc:creator><pubDate>{p.published:%a, %d %b %Y} "
        f"19:00:00 +0000</pubDate><category><![CDATA[{p.category}]]></category><description>"
        f"<![CDATA[{p.excerpt} The post <a href='{base}{p.path}'>{escape(p.title)}</a> "
        f"appeared first on {SITE}.]]></description></item>"
        for p in newest[:FEED_COUNT]
    )
    routes["/feed/"] = (200, {"Content-Type": "application/rss+xml; charset=UTF-8"},
                        _rss(feed_items, base, SITE).encode())  # fmt: skip
    # Comments, newest first: on recent posts and on the old informatics posts people still find.
    commented = [newest[0], newest[3], posts[2], posts[5], posts[7], newest[1]]
    comment_items = "".join(
        f"<item><title>Comment on {escape(p.title)} by Ola</title>"
        f"<link>{base}{p.path}#comment-{i + 40}</link><dc:creator><![CDATA[Ola]]></dc:creator>"
        f"<pubDate>Mon, {10 + i:02d} Mar 2025 08:00:00 +0000</pubDate><description><![CDATA["
        "Thank you, this helped me a lot on my ward.]]></description></item>"
        for i, p in enumerate(commented)
    )
    comments = _rss(comment_items, base, f"Comments for {SITE}").encode()
    routes["/comments/feed/"] = (200, {"Content-Type": "application/rss+xml"}, comments)
    routes["/wp-sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(
            f"<sitemap><loc>{base}/wp-sitemap-{name}-1.xml</loc></sitemap>"
            for name in ("posts-post", "posts-page", "taxonomies-category", "users")
        )
        + "</sitemapindex>"
    )
    routes["/wp-sitemap-posts-post-1.xml"] = _urlset([(base + p.path, MODIFIED) for p in newest])
    routes["/wp-sitemap-posts-page-1.xml"] = _urlset(
        [(f"{base}/about/", MODIFIED), (f"{base}/archive/", MODIFIED)]
    )
    routes["/wp-sitemap-taxonomies-category-1.xml"] = _urlset(
        [(f"{base}/category/{slug(c)}/", None) for c in sorted(set(CATEGORIES.values()))]
    )
    routes["/wp-sitemap-users-1.xml"] = _urlset([(f"{base}/author/marta/", None)])
    routes["/robots.txt"] = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
    return routes


def mentee() -> dict:
    """The user: an ICU nurse who wants to move into clinical informatics."""
    return {
        "name": "Dana Ortiz",
        "headline": "ICU nurse at a regional hospital",
        "about": "I have worked nights in intensive care for six years and I am the ward's "
        "super-user for our electronic record.",
        "skills": ["critical care", "patient safety", "Excel"],
        "interests": list(MENTEE_INTERESTS),
        "goal": "move into clinical informatics",
        "ask": "a 20-minute call about how you moved into informatics work",
    }
