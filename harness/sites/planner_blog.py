"""An urban planner's blog of 45 posts, 2014-2025: the held-out case for choosing posts.

Written after the choosing method was frozen (on harness/sites/years_blog.py) and never tuned on:
another field, another structure. A JSON Feed with the newest 8 posts, no sitemap, no
pagination: an archive page lists every post with its date; URLs carry no date; the about page
has a "Start here" list. The mentee's interests (cycling infrastructure, urban heat, community
engagement in planning) are the 18 oldest posts, 2014-2017; the newest 27 are woodworking,
film notes, parenting and three video posts.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from harness.sites import slug

AUTHOR = "Priya Raman"

OLD = {
    "cycling": (
        (
            "Protected bike lanes in a car city",
            "What Copenhagen's cycle tracks taught our council",
            "Counting cyclists before and after a new lane",
            "Junction design for cyclists",
            "Why painted bike lanes fail",
            "A cycling network, not a collection of lanes",
        ),
        (
            "A protected bike lane separates cyclists from traffic with a kerb, not paint.",
            "Cycling infrastructure only works as a connected network.",
            "After the new cycle track opened, cyclist counts doubled within a year.",
            "Most collisions happen at junctions, so junction design matters more than lane width.",
            "Painted lanes give drivers the message that the road is still theirs.",
            "Parents let children cycle to school only on protected routes.",
            "The council feared losing parking, but shop takings rose along the cycle route.",
            "We used automatic counters and manual counts to measure cycling before and after.",
        ),
    ),
    "heat": (
        (
            "Mapping urban heat islands",
            "Street trees as climate infrastructure",
            "Cool roofs and the hottest neighbourhoods",
            "Heat waves and who suffers most",
            "Shade is a public health measure",
            "Reading satellite land surface temperature",
        ),
        (
            "Urban heat islands make dense neighbourhoods several degrees hotter at night.",
            "Street trees cool a street by shading it and by evaporating water.",
            "The hottest neighbourhoods are often the poorest and the least green.",
            "Land surface temperature from satellites showed the heat island block by block.",
            "Cool roofs reflect sunlight and lower indoor temperatures in heat waves.",
            "Shade at bus stops is a public health measure for older residents.",
            "Heat wave deaths concentrate among people living alone in top-floor flats.",
            "A tree planting plan should start where the heat map is reddest.",
        ),
    ),
    "engagement": (
        (
            "Community engagement beyond the town hall",
            "Participatory budgeting in our district",
            "Listening to residents who never come to meetings",
            "Walking audits with neighbours",
            "What went wrong with our consultation",
            "Planning with children",
        ),
        (
            "Community engagement fails when only the usual voices come to the town hall.",
            "Participatory budgeting let residents decide how to spend part of the budget.",
            "We held pop-up consultations at the market to hear people who never attend meetings.",
            "A walking audit with neighbours finds problems no map shows.",
            "Our consultation went wrong because the decision had been made before we asked.",
            "Children drew the routes they walk to school, and the drawings changed the plan.",
        ),
    ),
}
NEW = {
    "woodworking": (
        (
            "Building a workbench",
            "Hand planes for beginners",
            "My first dovetail joint",
            "Finishing oak with oil",
            "A shaker side table",
            "Sharpening chisels",
            "Shop dust",
            "Walnut cutting boards",
        ),
        (
            "A workbench has to be heavy enough not to move when you plane on it.",
            "Sharpening is half of woodworking, and nobody likes it at first.",
            "My first dovetail joint had gaps you could post a letter through.",
            "Oak takes oil finishes well and darkens with time.",
            "Hand planes reward patience more than strength.",
            "Walnut offcuts make good cutting boards for friends.",
        ),
    ),
    "film": (
        (
            "Notes on Tarkovsky's Stalker",
            "Rewatching Jacques Tati's Playtime",
            "Kore-eda's families",
            "The long take",
            "Documentaries about cities",
            "Slow cinema on a small screen",
            "Agnes Varda's gleaners",
            "Films I watched this winter",
        ),
        (
            "Playtime is a film about a city made of glass and the people lost in it.",
            "Stalker moves so slowly that the waiting becomes the story.",
            "Kore-eda films families that are chosen rather than born.",
            "A long take asks the audience to look, not to be told where to look.",
            "Varda's gleaners collect what the harvest leaves behind.",
            "Slow cinema loses something on a laptop but not everything.",
        ),
    ),
    "parenting": (
        (
            "Toddlers and routines",
            "Reading aloud every night",
            "The first day of school",
            "Screen time rules we broke",
            "Walking to nursery",
            "Birthday party logistics",
            "Sleep, again",
            "What my daughter asks about",
        ),
        (
            "Bedtime routines matter more than the exact bedtime.",
            "Reading aloud every night became the best part of the day.",
            "The first day of school was harder for me than for her.",
            "We made screen time rules and broke them within a week.",
            "Walking to nursery is slow because every puddle needs inspection.",
            "My daughter asks why the moon follows the car.",
        ),
    ),
}
THIN = (("Watch: my talk on street trees", "The recording of my talk."),
        ("Watch: a film I loved", "A trailer worth seeing."),
        ("Watch: workshop timelapse", "Two weeks of building in one minute."))  # fmt: skip
START_HERE = ("Protected bike lanes in a car city", "Mapping urban heat islands",
              "Community engagement beyond the town hall")  # fmt: skip
OLD_THEMES = tuple(OLD)
MENTEE_INTERESTS = ("cycling infrastructure", "urban heat", "community engagement in planning")


@dataclass(frozen=True)
class BlogPost:
    title: str
    slug: str
    published: date
    theme: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/notes/{self.slug}/"


def _written(themes: dict, rng: random.Random) -> list[tuple[str, str, tuple[str, ...]]]:
    posts = []
    for theme, (titles, sentences) in themes.items():
        for title in titles:
            pool = list(sentences)
            rng.shuffle(pool)
            paragraphs = tuple(" ".join(pool[i : i + 2] + [rng.choice(sentences)])
                               for i in range(0, len(pool), 2))  # fmt: skip
            posts.append((title, theme, paragraphs))
    rng.shuffle(posts)
    return posts


def make_posts(seed: int = 41) -> list[BlogPost]:
    """The 45 posts, oldest first."""
    rng = random.Random(seed)
    old, new = _written(OLD, rng), _written(NEW, rng)
    new += [(title, "video", (text,)) for title, text in THIN]
    rng.shuffle(new)
    posts = [BlogPost(t, slug(t), date(2014, 3, 3) + timedelta(days=70 * n), th, ps)
             for n, (t, th, ps) in enumerate(old)]  # fmt: skip
    posts += [BlogPost(t, slug(t), date(2018, 6, 1) + timedelta(days=98 * n), th, ps)
              for n, (t, th, ps) in enumerate(new)]  # fmt: skip
    return posts


def _page(title: str, body: str, base: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f'<link rel="alternate" type="application/feed+json" href="{base}/feed.json">'
        "</head><body><header><a href='/'>Priya Raman</a> <a href='/archive/'>Archive</a> "
        f"<a href='/about/'>About</a></header>{body}<footer>CC BY Priya Raman</footer>"
        "</body></html>"
    )


def build_site(base: str, feed_count: int = 8) -> dict[str, str]:
    posts = make_posts()
    newest = sorted(posts, key=lambda p: p.published, reverse=True)
    routes = {}
    for p in posts:
        body = "".join(f"<p>{escape(x)}</p>" for x in p.paragraphs)
        routes[p.path] = _page(
            f"{p.title} - {AUTHOR}",
            f"<article><h1>{escape(p.title)}</h1><p class='meta'>Published "
            f"<time datetime='{p.published}'>{p.published:%B %Y}</time></p>{body}</article>",
            base,
        )
    items = [{"id": f"{base}{p.path}", "url": f"{base}{p.path}", "title": p.title,
              "date_published": f"{p.published}T12:00:00Z",
              "content_html": "".join(f"<p>{escape(x)}</p>" for x in p.paragraphs)}
             for p in newest[:feed_count]]  # fmt: skip
    routes["/feed.json"] = json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": AUTHOR, "items": items}
    )
    rows = "".join(f"<li><time datetime='{p.published}'>{p.published:%Y-%m-%d}</time> "
                   f"<a href='{p.path}'>{escape(p.title)}</a></li>" for p in newest)  # fmt: skip
    routes["/archive/"] = _page("Archive", f"<main><h1>All notes</h1><ul>{rows}</ul></main>", base)
    latest = "".join(f"<li><a href='{p.path}'>{escape(p.title)}</a></li>" for p in newest[:5])
    routes["/"] = _page(AUTHOR, f"<main><h1>Notes</h1><ul>{latest}</ul></main>", base)
    by_title = {p.title: p for p in posts}
    start = "".join(f"<li><a href='{by_title[t].path}'>{escape(t)}</a></li>" for t in START_HERE)
    routes["/about/"] = (
        "<!DOCTYPE html><html><head><title>About Priya Raman</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        f'"Person", "name": "{AUTHOR}", "jobTitle": "Urban planner", "url": "{base}/"}}</script>'
        "</head><body><main><h1>About</h1><p>I am Priya Raman, an urban planner. I wrote "
        "about streets, heat and planning with residents for years; now mostly about wood, "
        f"films and family.</p><h2>Start here</h2><ul>{start}</ul></main></body></html>"
    )
    return routes


def mentee() -> dict:
    return {
        "name": "Sam Lee",
        "headline": "Transport analyst at a regional council",
        "about": "I analyse traffic counts and want to work on safer streets.",
        "skills": ["GIS", "Python", "survey design"],
        "interests": list(MENTEE_INTERESTS),
        "goal": "move from transport analysis into urban planning",
        "ask": "a short call about becoming a planner",
    }
