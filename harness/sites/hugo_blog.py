"""A marine biologist's Hugo blog of 47 posts, 2014-2025, whose oldest posts are what a mentee
needs. Written for reading a whole blog (issue 14, second round), before the code it tests was
run on it, and tuned on. The shape is Hugo's (a PaperMod-like theme):
- posts at ``/posts/<slug>/``, no date in the URL; the home page introduces the author and
  shows the 5 newest, with "All posts" leading to ``/posts/``;
- ``/index.xml``: RSS with the newest 12 posts, a summary only (rssLimit);
- ``/sitemap.xml`` lists every page (home, sections, tags, about, posts), each with the date
  of the last site build as lastmod;
- ``/posts/`` and ``/posts/page/N/`` list 10 posts each with their date as plain text (no
  ``<time>``), and the pagination reads "« Previous" (newer) before "Next »" (older);
- tag pages ``/tags/<tag>/``; ``/404.html`` is the not-found page, also listed in the sitemap.

The mentee (an environmental science graduate) cares for coral reef monitoring, underwater
photogrammetry and citizen science: 8 posts, all among the 11 oldest (2014-2017). The newest
36 are marathon running, Galician cooking, children's books and four video or link posts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from html import escape

from harness.sites import dated_posts

AUTHOR = "Tomás Ibarra"
BUILT = "2025-11-02T09:14:00+01:00"
PER_PAGE = 10
FEED_COUNT = 12

OLD = {
    "reef monitoring": (
        (
            "How we monitor a coral reef",
            "Coral bleaching surveys after a heatwave",
            "Transects, quadrats and reef health",
        ),
        (
            "Coral reef monitoring starts with the same transect, swum the same way, every year.",
            "After the marine heatwave, a third of the corals on our transects had bleached.",
            "A quadrat photographed every metre gives a record of reef health over decades.",
            "Bleaching surveys have to happen within weeks, before the corals die or recover.",
            "Reef monitoring data is only useful when the methods never change.",
            "We count fish, corals and urchins, because each tells a different story.",
            "Long-term reef monitoring showed recovery where fishing was banned.",
            "A good survey dive is boring: same depth, same speed, same notes.",
            "Water temperature loggers on the reef explain most of the bleaching we see.",
            "Monitoring a coral reef is a commitment measured in decades, not seasons.",
        ),
    ),
    "photogrammetry": (
        (
            "Underwater photogrammetry on a budget",
            "3D models of coral colonies",
            "Scale bars and ground control underwater",
        ),
        (
            "Underwater photogrammetry turns a few hundred photos into a 3D model of the reef.",
            "A cheap action camera and good overlap beat an expensive camera with gaps.",
            "Scale bars placed on the reef let us measure colonies in centimetres.",
            "Structure from motion needs seventy percent overlap between photos.",
            "3D models of coral colonies show growth that flat photos miss.",
            "Processing one photogrammetry survey takes a night on a good graphics card.",
            "Ground control points underwater are weighted tiles we survey by hand.",
            "Turbid water ruins photogrammetry faster than any camera setting can fix.",
            "We compare 3D models year on year to measure how the reef's structure changes.",
            "Photogrammetry made our reef surveys repeatable by people who never met us.",
        ),
    ),
    "citizen science": (
        (
            "Citizen science divers count fish",
            "Training volunteers for reef surveys",
        ),
        (
            "Citizen science divers collected more reef data in one summer than we did in five.",
            "Volunteers need a short, strict protocol and a species card they can read underwater.",
            "We check volunteer data against our own dives and it holds up well.",
            "Citizen science turns holiday divers into people who care about one reef.",
            "Training volunteers for reef surveys takes a weekend and pays back for years.",
            "The best citizen science projects give the data back to the volunteers.",
            "Local dive shops became our partners in the citizen science programme.",
            "A simple app for logging fish counts doubled the number of survey dives.",
        ),
    ),
    "field station": (
        (
            "A season at the field station",
            "Boat days and bad weather",
            "Cooking for twelve at the field station",
        ),
        (
            "The field station has one boat, one compressor and twelve people who need both.",
            "Bad weather days are for data entry and fixing equipment.",
            "Cooking for twelve taught me more about planning than any project plan.",
            "The generator goes off at ten, so evenings are for talking.",
            "A season at the station leaves you with sunburn and close friends.",
            "Boat days start at six, before the wind picks up.",
        ),
    ),
}
NEW = {
    "running": (
        (
            "Training for my first marathon",
            "Long runs on Sunday mornings",
            "The wall at kilometre thirty",
            "Running shoes and injuries",
            "Marathon race day in Valencia",
            "Running through the winter",
            "Speed work for slow runners",
            "What I eat before a long run",
            "Running with a club",
            "My second marathon",
        ),
        (
            "Marathon training is mostly slow running, which surprised me.",
            "The Sunday long run grows by two kilometres a week until it reaches thirty-two.",
            "At kilometre thirty the legs stop listening and the head has to take over.",
            "New shoes every eight hundred kilometres kept my knees happy.",
            "Valencia is flat, fast and loud with people cheering the whole way.",
            "Running through the winter means headlamps and gloves in the dark.",
            "Intervals on the track made even a slow runner a bit faster.",
            "Porridge and a banana two hours before a long run works for me.",
            "Running with a club turned a lonely habit into a social one.",
            "The second marathon was slower and happier than the first.",
        ),
    ),
    "cooking": (
        (
            "Pulpo a feira at home",
            "My grandmother's empanada",
            "Caldo gallego for cold days",
            "Tortilla: runny or set",
            "Padrón peppers from the garden",
            "Cooking with albariño",
            "Seafood on Christmas Eve",
            "Bread from the village oven",
            "Chestnuts in autumn",
            "Filloas for carnival",
            "Lacón con grelos",
            "A Galician cookbook for my kids",
            "Sunday lunch for the family",
        ),
        (
            "Pulpo a feira needs a copper pot, paprika, olive oil and patience.",
            "My grandmother's empanada has a crust thin enough to read through.",
            "Caldo gallego is turnip greens, potatoes and beans, and it fixes any cold day.",
            "In our house the tortilla is runny, and that is not up for debate.",
            "Padrón peppers: some are hot and some are not, which is the whole point.",
            "A glass of albariño in the pan and one for the cook.",
            "On Christmas Eve the table is all seafood, from percebes to crab.",
            "The village oven is lit once a week and everyone brings their dough.",
            "Chestnuts roasted in autumn are the smell of my childhood.",
            "Filloas are thin pancakes we make for carnival by the dozen.",
        ),
    ),
    "childrens books": (
        (
            "Picture books about the sea",
            "Reading aloud at bedtime",
            "Books my kids ask for again",
            "Our favourite library trips",
            "Comics for young readers",
            "Books in Galician for small children",
            "Poetry for kids",
            "The book that made my son a reader",
            "Audiobooks on long drives",
        ),
        (
            "Picture books about the sea are my weakness in any bookshop.",
            "Reading aloud at bedtime is the best twenty minutes of the day.",
            "The books the kids ask for again are never the ones I chose.",
            "Our library trips end with more books than we can carry.",
            "Comics got my daughter reading on her own.",
            "Books in Galician for small children are rare, so we treasure them.",
            "Rhymes stick in children's heads long after the story is forgotten.",
            "Audiobooks on long drives end the backseat arguments.",
        ),
    ),
}
THIN = (
    ("Video: a reef dive in two minutes", "A short video from last summer.", "video"),
    ("Link: a good read on running", "This essay on running is worth your time.", "link"),
    ("Video: octopus at night", "A night dive video.", "video"),
    ("Link: a recipe site I use", "My go-to recipe site.", "link"),
)
OLD_THEMES = ("reef monitoring", "photogrammetry", "citizen science")
MENTEE_INTERESTS = ("coral reef monitoring", "underwater photogrammetry", "citizen science")
THEME_WORDS = {
    "reef monitoring": r"reef|coral|bleach",
    "photogrammetry": r"photogrammetry|3d model",
    "citizen science": r"citizen science|volunteer",
    "field station": r"field station",
    "running": r"marathon|running|\brun\b",
    "cooking": r"cook|pulpo|empanada|galician",
    "childrens books": r"book|reading aloud|picture",
}


@dataclass(frozen=True)
class HugoPost:
    title: str
    slug: str
    published: date
    theme: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/posts/{self.slug}/"

    @property
    def thin(self) -> bool:
        return self.theme in ("video", "link")

    @property
    def tag(self) -> str:
        return self.theme.replace(" ", "-")

    @property
    def summary(self) -> str:
        return " ".join(" ".join(self.paragraphs).split()[:30]) + " ..."


def make_posts(seed: int = 47) -> list[HugoPost]:
    """The 47 posts, oldest first."""
    return dated_posts(
        HugoPost,
        OLD,
        NEW,
        THIN,
        random.Random(seed),
        (date(2014, 5, 20), 113),
        (date(2018, 3, 2), 78),
    )


def _page(title: str, base: str, main: str, extra_head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='en' dir='auto'><head><meta charset='utf-8'><title>"
        f"{escape(title)}</title><meta name='generator' content='Hugo 0.121.1'><meta "
        f"name='author' content='{AUTHOR}'><link rel='alternate' type='application/rss+xml' "
        f"href='{base}/index.xml'>{extra_head}</head><body class='list'><header class='header'>"
        f"<nav class='nav'><div class='logo'><a href='{base}/' accesskey='h'>{AUTHOR}</a></div>"
        f"<ul id='menu'><li><a href='{base}/posts/'><span>Posts</span></a></li><li><a "
        f"href='{base}/tags/'><span>Tags</span></a></li><li><a href='{base}/about/'><span>About"
        "</span></a></li></ul></nav></header>"
        f"<main class='main'>{main}</main><footer class='footer'><span>&copy; 2025 "
        f"<a href='{base}/'>{AUTHOR}</a></span> · <span>Powered by <a href='https://gohugo.io/'>"
        "Hugo</a></span></footer></body></html>"
    )


def _entry(post: HugoPost, base: str) -> str:
    return (
        f"<article class='post-entry'><header class='entry-header'><h2>{escape(post.title)}"
        f"</h2></header><div class='entry-content'><p>{escape(post.summary)}</p></div><footer "
        f"class='entry-footer'><span title='{post.published} 10:00:00 +0000 UTC'>"
        f"{post.published:%B %-d, %Y}</span>&nbsp;·&nbsp;2 min</footer><a class='entry-link' "
        f"aria-label='post link to {escape(post.title)}' href='{base}{post.path}'></a></article>"
    )


def _post_page(post: HugoPost, base: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in post.paragraphs)
    if post.theme == "video":
        body += "<div style='position:relative'><iframe src='https://video.example/embed/5'></iframe></div>"
    elif post.theme == "link":
        body += "<p><a href='https://elsewhere.example/x'>https://elsewhere.example/x</a></p>"
    head = (
        f"<meta property='og:type' content='article'><meta property='article:published_time' "
        f"content='{post.published}T10:00:00+00:00'><link rel='canonical' href='{base}"
        f"{post.path}'>"
    )
    main = (
        f"<article class='post-single'><header class='post-header'><h1 class='post-title'>"
        f"{escape(post.title)}</h1><div class='post-meta'><span title='{post.published}'>"
        f"{post.published:%B %-d, %Y}</span>&nbsp;·&nbsp;{AUTHOR}</div></header><div "
        f"class='post-content'>{body}</div><footer class='post-footer'><ul class='post-tags'><li>"
        f"<a href='{base}/tags/{post.tag}/'>{post.theme}</a></li></ul></footer></article>"
    )
    return _page(f"{post.title} | {AUTHOR}", base, main, head)


def _list_page(title: str, base: str, entries: list[HugoPost], page: int, pages: int,
               prefix: str) -> str:  # fmt: skip
    def url(n: int) -> str:
        return f"{base}{prefix}" if n == 1 else f"{base}{prefix}page/{n}/"

    nav = ""
    if pages > 1:
        prev = f"<a class='prev' href='{url(page - 1)}'>«&nbsp;Previous</a>" if page > 1 else ""
        nxt = f"<a class='next' href='{url(page + 1)}'>Next&nbsp;»</a>" if page < pages else ""
        nav = f"<footer class='page-footer'><nav class='pagination'>{prev}{nxt}</nav></footer>"
    items = "".join(_entry(p, base) for p in entries)
    return _page(title, base, f"<header class='page-header'><h1>{escape(title)}</h1></header>"
                 f"{items}{nav}")  # fmt: skip


def not_found(base: str):
    html = _page("404 Page not found", base, "<div class='not-found'>404</div>")
    return 404, {"Content-Type": "text/html; charset=utf-8"}, html.encode()


def build_site(base: str) -> dict:
    posts = make_posts()
    newest = sorted(posts, key=lambda p: p.published, reverse=True)
    routes: dict = {p.path: _post_page(p, base) for p in posts}
    intro = (
        f"<article class='first-entry home-info'><header class='entry-header'><h1>Hola, I'm "
        f"{AUTHOR}</h1></header><div class='entry-content'><p>Marine biologist at the "
        "University of Vigo. I study coral reefs and write about diving, running, cooking and "
        "the books my kids love.</p></div></article>"
    )
    latest = "".join(_entry(p, base) for p in newest[:5])
    routes["/"] = _page(AUTHOR, base, f"{intro}{latest}<p><a href='{base}/posts/'>All posts "
                        "→</a></p>")  # fmt: skip
    pages = (len(newest) + PER_PAGE - 1) // PER_PAGE
    for n in range(1, pages + 1):
        chunk = newest[(n - 1) * PER_PAGE : n * PER_PAGE]
        path = "/posts/" if n == 1 else f"/posts/page/{n}/"
        routes[path] = _list_page("Posts", base, chunk, n, pages, "/posts/")
    tags = sorted({p.tag for p in posts})
    for tag in tags:
        tagged = [p for p in newest if p.tag == tag]
        routes[f"/tags/{tag}/"] = _list_page(tag, base, tagged, 1, 1, f"/tags/{tag}/")
    routes["/tags/"] = _page("Tags", base, "".join(
        f"<li><a href='{base}/tags/{t}/'>{t}</a></li>" for t in tags))  # fmt: skip
    routes["/about/"] = _page(
        f"About | {AUTHOR}",
        base,
        f"<article class='post-single'><h1 class='post-title'>About</h1><div "
        f"class='post-content'><p>I'm {AUTHOR}, a marine biologist at the University of Vigo. "
        "I have monitored coral reefs in the Red Sea and the Caribbean since my PhD at James "
        "Cook University, and I run a citizen science programme with local dive shops.</p>"
        "</div></article>",
    )
    items = "".join(
        f"<item><title>{escape(p.title)}</title><link>{base}{p.path}</link><pubDate>"
        f"{p.published:%a, %d %b %Y} 10:00:00 +0000</pubDate><guid>{base}{p.path}</guid>"
        f"<description>{escape(p.summary)}</description></item>"
        for p in newest[:FEED_COUNT]
    )
    routes["/index.xml"] = (
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?><rss version="2.0" '
        'xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>{AUTHOR}</title><link>{base}/</link><generator>Hugo</generator>{items}"
        "</channel></rss>"
    )
    urls = [f"{base}/", f"{base}/posts/", f"{base}/tags/", f"{base}/about/", f"{base}/404.html"]
    urls += [f"{base}/tags/{t}/" for t in tags] + [f"{base}{p.path}" for p in newest]
    routes["/sitemap.xml"] = (
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?><urlset '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{u}</loc><lastmod>{BUILT}</lastmod></url>" for u in urls)
        + "</urlset>"
    )
    routes["/404.html"] = not_found(base)[2].decode()
    routes["/robots.txt"] = "User-agent: *\n"
    return routes


def mentee() -> dict:
    """The user: an environmental science graduate who wants to work on reefs."""
    return {
        "name": "Noa Levi",
        "headline": "GIS technician at an environmental consultancy",
        "about": "I map seagrass and coastlines from drone imagery and want to move into "
        "marine research.",
        "skills": ["QGIS", "drone surveys", "Python"],
        "interests": list(MENTEE_INTERESTS),
        "goal": "start a PhD in marine ecology",
        "ask": "a short call about reef research groups that take PhD students",
    }
