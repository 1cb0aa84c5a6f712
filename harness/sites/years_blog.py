"""A data scientist's blog of 60 posts, 2017-2026, whose old posts are what a mentee cares for.

Written for the post-choosing work (issue 14), and tuned on: the mentee's interests (deep
learning with fast.ai, dashboard design, subscription metrics, Stoic philosophy) are the blog's
22 oldest posts, 2017-2019; the newest 38 are poems, a spiritual path, travel, and four link or
video posts too thin to discuss. The feed carries only the newest 10; the sitemap and the
paginated index (10 a page) carry all 60; a sidebar lists three old posts as "Popular posts".
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from harness.sites import slug

AUTHOR = "Jonas Berg"


@dataclass(frozen=True)
class Theme:
    name: str
    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    years: tuple[int, int]


THEMES = [
    Theme(
        "stoicism",
        (
            "Reading Marcus Aurelius on the train",
            "Stoic philosophy for data people",
            "Epictetus and the dichotomy of control",
            "A year of Stoic journaling",
            "Seneca on time and busy work",
            "Stoicism when the model fails in production",
        ),
        (
            "Stoic philosophy asks what is in my control and what is not.",
            "Marcus Aurelius wrote his Meditations as notes to himself, not as a book.",
            "Epictetus splits the world into what is up to us and what is not.",
            "A Stoic journal each evening asks what I did well and what I would change.",
            "Seneca says we are not given a short life but we make it short.",
            "The dichotomy of control is the most useful idea I took from Stoic philosophy.",
            "Negative visualisation, imagining the loss of what you have, makes me calmer at work.",
            "Stoicism is not about suppressing feelings but about judging them.",
            "I reread the Meditations every winter and underline different lines each time.",
            "Stoic practice helps when a deadline slips and nothing can be done about it.",
        ),
        (2017, 2019),
    ),
    Theme(
        "dashboards",
        (
            "Dashboard design lessons from a failed launch",
            "Fewer charts, better dashboards",
            "Designing a KPI dashboard people actually open",
            "Colour and clutter in dashboards",
            "Dashboard design for executives",
            "The dashboard nobody read",
        ),
        (
            "A dashboard should answer one question before it answers ten.",
            "Dashboard design starts with the decision the reader has to make.",
            "Every chart on a dashboard needs a reason to exist and an owner.",
            "I remove the pie charts first when I redesign a dashboard.",
            "Colour on a dashboard should mean something, usually a threshold crossed.",
            "Executives read a dashboard in ten seconds, so the headline number goes top left.",
            "Interactive filters hide the story; a good dashboard design shows it by default.",
            "We track which dashboard tiles are opened and delete the ones nobody uses.",
            "Small multiples beat a crowded line chart on almost every dashboard.",
            "Dashboard design is information design with a deadline.",
        ),
        (2017, 2019),
    ),
    Theme(
        "deep learning",
        (
            "Deep learning with fast.ai, lesson one",
            "What fast.ai taught me about transfer learning",
            "Training an image classifier with fast.ai",
            "Learning rate finders and deep learning",
            "Deep learning for tabular data with fast.ai",
        ),
        (
            "The fast.ai course teaches deep learning top down, starting from a working model.",
            "Transfer learning from a pretrained ResNet got us to good accuracy in an afternoon.",
            "The learning rate finder in fast.ai saves hours of guessing.",
            "Deep learning on tabular data works with entity embeddings for categorical columns.",
            "Data augmentation mattered more than the architecture for our image classifier.",
            "Jeremy Howard insists on looking at the data before training any deep learning model.",
            "One cycle training with fast.ai converged in a third of the epochs.",
            "A deep learning model is only as good as the labels it was trained on.",
            "Fine-tuning the last layers first, then unfreezing, is the fast.ai recipe.",
            "I trained my first convolutional network on a laptop GPU with the fast.ai library.",
        ),
        (2017, 2019),
    ),
    Theme(
        "subscription metrics",
        (
            "Subscription metrics that matter",
            "Churn, cohorts and the subscription business",
            "Monthly recurring revenue is not a vanity metric",
            "Measuring churn the honest way",
            "Subscription metrics for a small SaaS",
        ),
        (
            "Subscription metrics start with monthly recurring revenue and churn.",
            "Cohort analysis shows whether churn improves for customers who joined later.",
            "Net revenue retention above one hundred percent means the base grows on its own.",
            "We define churn as a subscription not renewed within thirty days of its end.",
            "Customer lifetime value is only meaningful next to the cost of acquiring a customer.",
            "Annual plans hide churn for a year, so we report subscription metrics by plan.",
            "A churn model is useful only if someone acts on the customers it flags.",
            "Expansion revenue from upgrades offsets some churn in every cohort.",
            "Subscription metrics should be defined once and shared by finance and product.",
            "Monthly recurring revenue moves slowly; trial conversion moves first.",
        ),
        (2017, 2019),
    ),
    Theme(
        "poems",
        (
            "Dragon's breath (Poem)",
            "Romantic love in November (Poem)",
            "Pronoia (Poem)",
            "The lake at dawn (Poem)",
            "Letters I never sent (Poem)",
            "Small hours (Poem)",
            "A spiral of swallows (Poem)",
            "Harbour lights (Poem)",
            "Salt and silver (Poem)",
            "What the river keeps (Poem)",
            "First snow (Poem)",
            "Kindling (Poem)",
            "Low tide (Poem)",
            "The orchard in May (Poem)",
            "Moth (Poem)",
            "Lanterns (Poem)",
        ),
        (
            "the dragon's breath of morning fog lifts off the water",
            "romantic love arrives like weather and leaves like weather",
            "pronoia is the suspicion that the world conspires to help you",
            "I keep your letters in a drawer that does not close",
            "the swallows spiral over the harbour and I count them",
            "salt on the window, silver on the sea",
            "the river keeps what we throw in it and gives back stones",
            "first snow, and the city forgets its noise",
            "small hours, and the kettle sings to no one",
            "kindling catches, and the room remembers warmth",
        ),
        (2020, 2026),
    ),
    Theme(
        "spiritual path",
        (
            "Walking the spiritual path",
            "Silence retreat, day three",
            "On pronoia and trust",
            "Morning meditation notes",
            "Pilgrimage to Santiago",
            "The spiritual path is ordinary",
            "Breath and attention",
            "What the retreat taught me",
        ),
        (
            "The spiritual path, for me, is mostly about paying attention.",
            "On the third day of the silence retreat the mind finally slowed down.",
            "Meditation in the morning sets the tone for the day.",
            "Walking the Camino to Santiago, I learned to carry less.",
            "Trust is a practice, not a feeling that arrives on its own.",
            "Breath is the one thing that is always here to return to.",
            "Retreats are not an escape from life but a rehearsal for it.",
            "The spiritual path looks ordinary from the outside: dishes, walks, sitting.",
        ),
        (2020, 2026),
    ),
    Theme(
        "travel",
        (
            "Ten days in Lisbon",
            "Night trains across Europe",
            "Hiking the Lofoten islands",
            "A week in Kyoto",
            "Slow travel by ferry",
            "Rain in the Scottish Highlands",
        ),
        (
            "Lisbon is built on hills, and every street ends in a view of the river.",
            "Night trains turn the journey into part of the holiday.",
            "The Lofoten islands have mountains that rise straight from the sea.",
            "Kyoto in autumn is crowded, but the small temples stay quiet.",
            "Ferries are the slowest and the most relaxing way to cross the Baltic.",
            "In the Highlands it rains most days, and the light after rain is worth it.",
        ),
        (2020, 2026),
    ),
]
THEMES.append(
    Theme(
        "sourdough",
        (
            "My first sourdough loaf",
            "Feeding a sourdough starter",
            "Rye bread at home",
            "Baking for the neighbours",
        ),
        (
            "A sourdough starter is flour, water and patience.",
            "I feed the starter every morning before coffee.",
            "Rye dough is sticky and forgiving at the same time.",
            "The first loaf was flat, the tenth one finally rose.",
            "Baking bread on Sundays became a small ritual for the family.",
            "A hot Dutch oven gives the crust its crackle.",
        ),
        (2020, 2026),
    )
)
THIN_POSTS = [
    ("Watch: my talk at the meetup", "Here is the video of my talk.", "video"),
    ("Link: a good read on attention", "Worth reading: this essay on attention.", "link"),
    ("Video: sunrise timelapse", "A short video from the lake.", "video"),
    ("Link: my favourite podcast episode", "Listen to this episode.", "link"),
]
# The sidebar's "Popular posts": one Stoic, one dashboard and one fast.ai post.
POPULAR_TITLES = (
    "Stoic philosophy for data people",
    "Dashboard design lessons from a failed launch",
    "What fast.ai taught me about transfer learning",
)
MENTEE_INTERESTS = ("deep learning", "dashboard design", "subscription metrics", "Stoic philosophy")
OLD_THEMES = ("stoicism", "dashboards", "deep learning", "subscription metrics")


@dataclass(frozen=True)
class BlogPost:
    title: str
    slug: str
    published: date
    theme: str
    paragraphs: tuple[str, ...]
    thin: bool = False

    @property
    def path(self) -> str:
        return f"/{self.published:%Y/%m}/{self.slug}/"


def make_posts(seed: int = 14) -> list[BlogPost]:
    """The 60 posts, oldest first."""
    rng = random.Random(seed)
    old, new = [], []
    for theme in THEMES:
        for title in theme.titles:
            pool = list(theme.sentences)
            rng.shuffle(pool)
            if theme.name == "poems":
                lines = [pool[i % len(pool)] for i in range(12)]
                paragraphs = tuple(" / ".join(lines[i : i + 4]) for i in range(0, 12, 4))
            else:
                paragraphs = tuple(
                    " ".join(pool[i : i + 3] + [rng.choice(theme.sentences)])
                    for i in range(0, len(pool), 3)
                )
            post = (title, theme.name, paragraphs)
            (old if theme.years[0] < 2020 else new).append(post)
    rng.shuffle(old)
    rng.shuffle(new)
    new += [(t, kind, (text,)) for t, text, kind in THIN_POSTS]
    posts = []
    start_old, start_new = date(2017, 2, 1), date(2020, 3, 1)
    for n, (title, theme, paragraphs) in enumerate(old):
        day = start_old + timedelta(days=n * 45)
        posts.append(BlogPost(title, slug(title), day, theme, paragraphs))
    rng.shuffle(new)
    for n, (title, theme, paragraphs) in enumerate(new):
        day = start_new + timedelta(days=n * 64)
        posts.append(BlogPost(title, slug(title), day, theme, paragraphs,
                              thin=theme in ("video", "link")))  # fmt: skip
    return posts


def _sidebar(posts: list[BlogPost]) -> str:
    by_title = {p.title: p for p in posts}
    links = "".join(
        f'<li><a href="{by_title[t].path}">{escape(t)}</a></li>' for t in POPULAR_TITLES
    )
    return f"<aside class='sidebar'><h3>Popular posts</h3><ul>{links}</ul></aside>"


def _post_html(post: BlogPost, base: str, sidebar: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in post.paragraphs)
    if post.thin:
        body += (
            '<p><iframe src="https://video.example/embed/1"></iframe></p>'
            if post.theme == "video"
            else '<p><a href="https://essays.example/attention">an essay</a></p>'
        )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(post.title)} | {AUTHOR}</title>"
        '<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{post.published}T09:00:00+00:00">'
        f'<meta name="author" content="{AUTHOR}">'
        f'<link rel="alternate" type="application/rss+xml" href="{base}/feed.xml">'
        "</head><body><nav><a href='/'>Home</a> <a href='/about/'>About</a></nav>"
        f"<main><article><h1>{escape(post.title)}</h1>"
        f'<time datetime="{post.published}">{post.published:%d %B %Y}</time>{body}'
        f"</article></main>{sidebar}<footer>{AUTHOR}</footer></body></html>"
    )


def _feed(posts: list[BlogPost], base: str) -> str:
    items = "".join(
        f"<item><title>{escape(p.title)}</title><link>{base}{p.path}</link>"
        f"<pubDate>{p.published:%a, %d %b %Y} 09:00:00 +0000</pubDate>"
        f"<description>{escape(p.paragraphs[0][:200])}</description></item>"
        for p in posts
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Jonas Berg</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    )


def build_site(base: str, feed_count: int = 10, per_page: int = 10) -> dict[str, str]:
    """Routes (path -> body) of the blog served at ``base``."""
    posts = make_posts()
    newest = sorted(posts, key=lambda p: p.published, reverse=True)
    sidebar = _sidebar(posts)
    routes = {p.path: _post_html(p, base, sidebar) for p in posts}
    routes["/feed.xml"] = _feed(newest[:feed_count], base)
    # As jekyll-sitemap writes it: posts oldest first, each with its date as lastmod.
    rows = "".join(f"<url><loc>{base}{p.path}</loc><lastmod>{p.published}</lastmod></url>"
                   for p in posts)  # fmt: skip
    routes["/sitemap.xml"] = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}/about/</loc></url>{rows}</urlset>"
    )
    chunks = [newest[i : i + per_page] for i in range(0, len(newest), per_page)]
    for n, chunk in enumerate(chunks, start=1):
        items = "".join(
            f'<article><h2><a href="{p.path}">{escape(p.title)}</a></h2>'
            f'<time datetime="{p.published}">{p.published:%d %b %Y}</time>'
            f"<p>{escape(p.paragraphs[0][:160])}</p></article>"
            for p in chunk
        )
        older = f'<a href="/page/{n + 1}/">Older posts</a>' if n < len(chunks) else ""
        routes["/" if n == 1 else f"/page/{n}/"] = (
            "<!DOCTYPE html><html><head><title>Jonas Berg</title>"
            f'<link rel="alternate" type="application/rss+xml" href="{base}/feed.xml">'
            "</head><body><nav><a href='/'>Home</a> <a href='/about/'>About</a></nav>"
            f"<main>{items}</main>{older}{sidebar}</body></html>"
        )
    routes["/about/"] = (
        "<!DOCTYPE html><html><head><title>About | Jonas Berg</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        f'"Person", "name": "{AUTHOR}", "jobTitle": "Data scientist", "url": "{base}/"}}'
        "</script></head><body><main><h1>About</h1><p>I am Jonas Berg, a data scientist in "
        "Gothenburg. I have written here since 2017 about dashboards, subscription metrics, "
        "deep learning and Stoic philosophy, and lately about poems and walking.</p></main>"
        f"</body></html>"
    )
    return routes


def mentee() -> dict:
    """The user of the tests: their interests are the blog's oldest themes."""
    return {
        "name": "Alex Doe",
        "headline": "Product analyst moving into data science",
        "about": "I build reports for a subscription app and want to learn deep learning.",
        "skills": ["SQL", "Python", "Tableau"],
        "interests": list(MENTEE_INTERESTS),
        "goal": "move from product analytics into data science",
        "ask": "a 20-minute call about your path into data science",
    }
