"""Which of a blog's posts to read for this mentee: the closest to them, the ones the person is
known for, and a few of the newest.

Reading the 20 newest posts misses what matters when a person's long-running themes are older
than their last 20 posts. The choice is made from the post index (titles and summaries, every
post, no post opened), with the model that is already loaded:

- **interest**: each post's title and summary against the mentee's interests, skills, headline,
  about and goal. The mentee's anchors take turns, so that four interests give posts on four
  subjects rather than twelve on the most written-about one; then the closest overall.
- **popular**: posts the site itself calls popular (a "Popular posts" section, the about page),
  then the post most central to each of the blog's long-running themes (most neighbours on the
  same theme, over the most years): what the person is known for.
- **recent**: the newest, so that what they think about now is read too.

The shares (12, 5 and 3 of 20) give up their unused places to each other: a mentee with no
profile gets the signature and the newest posts; a blog whose posts all fit is read whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from insights.protocols import Embedder, ListedPost
from insights.text import split_sentences
from scraper.models import Profile

REASONS = ("interest", "popular", "recent")
INTEREST_SHARE = 0.6
POPULAR_SHARE = 0.25
# A post closer than this to none of the mentee's anchors is not chosen for them: MiniLM puts
# unrelated short English texts at 0.0-0.25 of each other (measured on the test blogs' titles).
MIN_RELEVANCE = 0.3
# Two posts' titles and summaries this close are on one theme. MiniLM on the 60-post test blog
# (tuned on): same-theme pairs 0.45-0.76 (10th-90th percentile), other pairs 0.37 at the 99th.
THEME_SIMILARITY = 0.45
SUMMARY_WORDS = 40
ABOUT_SENTENCES = 3


@dataclass(frozen=True)
class Choice:
    """A post to read and why: ``reason`` is one of REASONS; ``closest`` is the mentee's
    anchor it is closest to (for "interest")."""

    url: str
    reason: str
    score: float
    closest: str | None = None


def listing_text(post: ListedPost) -> str:
    """What a post is about, as the index knows it: its title and the start of its summary."""
    summary = " ".join((post.summary or "").split()[:SUMMARY_WORDS])
    return f"{post.title or ''}. {summary}".strip(". ")


def mentee_anchors(me: Profile) -> list[str]:
    """The mentee's own words to match posts against: interests, goal, skills, headline and
    the first sentences of their about."""
    about = split_sentences(me.about or "")[:ABOUT_SENTENCES]
    anchors = [*me.interests, me.goal or "", *me.skills, me.headline or "", *about]
    return list(dict.fromkeys(a.strip() for a in anchors if a and a.strip()))


def choose_posts(
    posts: Sequence[ListedPost], me: Profile, embedder: Embedder, limit: int = 20, spares: int = 0
) -> list[Choice]:
    """Up to ``limit`` posts to read, each with its reason, in the order chosen; then up to
    ``spares`` more of the newest, to read in place of chosen posts that cannot be read."""
    if limit <= 0 or not posts:
        return []
    vectors = np.asarray(embedder.embed([listing_text(p) for p in posts]), dtype=np.float32)
    anchors = mentee_anchors(me)
    chosen: dict[int, Choice] = {}
    n_interest = round(limit * INTEREST_SHARE) if anchors else 0
    n_popular = round(limit * POPULAR_SHARE)
    if anchors:
        anchor_vectors = np.asarray(embedder.embed(anchors), dtype=np.float32)
        similarity = vectors @ anchor_vectors.T  # posts x anchors
        _by_interest(similarity, anchors, n_interest, chosen, posts)
    _signature(vectors, posts, n_popular, chosen)
    _newest(posts, limit - len(chosen) + spares, chosen)
    return list(chosen.values())


def _by_interest(
    similarity: np.ndarray,
    anchors: list[str],
    wanted: int,
    chosen: dict[int, Choice],
    posts: Sequence[ListedPost],
) -> None:
    """Each anchor in turn takes its closest post not yet chosen, while one is close enough."""
    order = np.argsort(-similarity, axis=0, kind="stable")  # per anchor, posts closest first
    cursor = [0] * len(anchors)
    exhausted: set[int] = set()
    while len(chosen) < wanted and len(exhausted) < len(anchors):
        for a in range(len(anchors)):
            if a in exhausted or len(chosen) >= wanted:
                continue
            while cursor[a] < len(posts) and int(order[cursor[a], a]) in chosen:
                cursor[a] += 1
            if cursor[a] >= len(posts) or similarity[order[cursor[a], a], a] < MIN_RELEVANCE:
                exhausted.add(a)
                continue
            i = int(order[cursor[a], a])
            chosen[i] = Choice(posts[i].url, "interest", round(float(similarity[i, a]), 4),
                               anchors[a])  # fmt: skip


def _signature(
    vectors: np.ndarray, posts: Sequence[ListedPost], wanted: int, chosen: dict[int, Choice]
) -> None:
    """The posts the site calls popular, then one post for each of the blog's long-running
    themes: the post with the most neighbours (posts on the same theme), weighted by the years
    those neighbours span, each next one on a theme not taken yet."""
    similarity = vectors @ vectors.T
    neighbours = similarity >= THEME_SIMILARITY
    years = np.array([_year(p) or 0 for p in posts])
    support = np.zeros(len(posts))
    for i in range(len(posts)):
        near = years[neighbours[i] & (years > 0)]
        span = int(near.max() - near.min()) + 1 if len(near) else 1
        support[i] = np.log1p(neighbours[i].sum()) * (1.0 + np.log(span))
    taken: list[int] = []
    for i in [p for p, post in enumerate(posts) if post.popular]:
        if len(taken) >= wanted:
            return
        if i not in chosen:
            chosen[i] = Choice(posts[i].url, "popular", round(float(support[i]), 4))
            taken.append(i)
    for i in (int(i) for i in np.argsort(-support, kind="stable")):
        if len(taken) >= wanted:
            return
        if i in chosen or any(similarity[i, j] >= THEME_SIMILARITY for j in taken):
            continue
        chosen[i] = Choice(posts[i].url, "popular", round(float(support[i]), 4))
        taken.append(i)


def _year(post: ListedPost) -> int | None:
    year = (post.published or "")[:4]
    return int(year) if year.isdigit() else None


def _newest(posts: Sequence[ListedPost], wanted: int, chosen: dict[int, Choice]) -> None:
    dated = sorted(range(len(posts)), key=lambda i: posts[i].published or "", reverse=True)
    for i in dated:
        if wanted <= 0:
            return
        if i not in chosen:
            chosen[i] = Choice(posts[i].url, "recent", 0.0)
            wanted -= 1


def count_reasons(choices: Sequence[Choice]) -> dict[str, int]:
    """How many posts were chosen for each reason, in REASONS order."""
    return {reason: sum(1 for c in choices if c.reason == reason) for reason in REASONS}
