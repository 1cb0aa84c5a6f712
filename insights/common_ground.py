"""Common ground between the user and a person: ranked, deduplicated talking points with evidence.

The matchers live in ``match_profile`` (facts compared by canonical key) and ``match_topics``
(meaning compared by the embedder). This module runs them, drops what the data does not back,
merges points that say the same thing and ranks by specificity: a shared niche beats a shared
"Python", a named post beats a broad topic.
"""

from __future__ import annotations

import logging

from scraper.models import Post, Profile

from .match_profile import profile_points
from .match_topics import (
    blog_background,
    choose_post_points,
    close_reading,
    embed_all,
    is_generic,
    is_now_page,
    match_current_work,
    match_posts,
    match_topics,
    my_phrases,
    texts_to_embed,
)
from .models import KINDS, TalkingPoint, Topic
from .normalize import skill_key

logger = logging.getLogger(__name__)

# A point at or above this score is common ground worth opening with on its own: a shared school
# or employer, a named post on the user's interest, a niche topic. Below it (a shared city, a
# common skill) the honest answer is "no strong common ground" plus what to do instead.
STRONG_SCORE = 0.6
MAX_POINTS = 12


def find_talking_points(
    me: Profile, them: Profile, posts: list[Post], topics: list[Topic], embedder
) -> list[TalkingPoint]:
    """Ranked talking points, best first, each with evidence and the two facts it joins."""
    points = profile_points(me, them)
    mine = my_phrases(me)
    if embedder is not None and (mine or me.experience):
        vectors = embed_all(embedder, texts_to_embed(me, them, posts, topics))
        background = blog_background(me, mine, posts, vectors)
        close, lines = close_reading(me, mine, posts, vectors, background)
        vectors.update(embed_all(embedder, lines))
        topic_points = match_topics(mine, topics, vectors, me, posts)
        post_points = match_posts(me, mine, close, vectors, background)
        points += choose_post_points(post_points, topic_points)
        points += match_current_work(them, mine, posts, vectors, me)
        points += topic_points
    elif embedder is None:
        logger.info("no embedder: topic and post matching skipped")
    return rank(points)


def rank(points: list[TalkingPoint]) -> list[TalkingPoint]:
    """Drop points without evidence, merge duplicates, order by score (then kind, then key)."""
    kept = [p for p in points if p.kind in KINDS and p.evidence and p.evidence[0].quote]
    kept.sort(key=lambda p: (-p.score, KINDS.index(p.kind), p.key))
    out: list[TalkingPoint] = []
    seen: set[tuple[str, str]] = set()
    skill_keys = {p.key for p in kept if p.kind == "skill"}
    # "Their current role is about X" says more than "they list X as a skill".
    current_work_keys = {skill_key(p.mine) for p in kept if p.kind == "current_work"}
    post_urls = {e.url for p in kept if p.kind in ("post", "current_work") for e in p.evidence}
    for point in kept:
        if (point.kind, point.key) in seen:
            continue
        if point.kind == "skill" and point.key in current_work_keys:
            continue
        if point.kind == "topic" and _said_elsewhere(point, skill_keys, post_urls):
            continue
        seen.add((point.kind, point.key))
        out.append(point)
    return out[:MAX_POINTS]


def _said_elsewhere(point: TalkingPoint, skill_keys: set[str], post_urls: set[str | None]) -> bool:
    """A topic repeats another point when the skill is already shared, or when the posts it comes
    from are already named points (a named post says it more precisely)."""
    if point.key in skill_keys:
        return True
    return {e.url for e in point.evidence} <= post_urls


def has_strong_common_ground(points: list[TalkingPoint]) -> bool:
    return any(p.score >= STRONG_SCORE for p in points)


def no_common_ground_advice(
    them: Profile, posts: list[Post], topics: list[Topic], points: list[TalkingPoint]
) -> list[str]:
    """What to do instead when there is no strong common ground; empty when there is."""
    if has_strong_common_ground(points):
        return []
    name = _first_name(them)
    advice = [
        f"There is no strong common ground between you and {name} in what their profile "
        f"and posts show, so do not invent any: write about their work instead."
    ]
    # Stored analyses keep posts without their text; a title and a URL are enough to point at.
    readable = [p for p in posts if not is_now_page(p) and (p.text.strip() or p.title)]
    if readable:
        post = readable[0]
        advice.append(
            f"Read “{post.title or post.url}” ({post.url}) first; a question about a "
            f"specific point in it is the most honest opener you have."
        )
    topic = next((t for t in topics if not is_generic(t.phrase) and t.evidence), None)
    if topic:
        advice.append(
            f"Ask one specific question about {topic.phrase}, a subject they write "
            f"about: they wrote “{topic.evidence[0].quote}” — ask what they would do "
            f"first in your position, or what they would tell someone starting out."
        )
    current = next((p for p in them.experience if p.start and not p.end), None)
    if current and current.company:
        advice.append(
            f"Or ask about their current work at {current.company}: what problem "
            f"takes most of their time there."
        )
    weak = [p for p in points if p.score < STRONG_SCORE]
    if weak:
        advice.append(f"Mention the weaker link ({weak[0].text.rstrip('.')}) only in passing.")
    if len(advice) == 1:
        advice.append(
            "Add your interests and skills to your own profile so that Common Ground "
            "can look for shared topics, or pick a person whose posts you have read."
        )
    return advice


def _first_name(profile: Profile) -> str:
    return (profile.name or "this person").split()[0]
