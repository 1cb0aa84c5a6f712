"""Is a post substantial enough to talk about? A one-line post that only links a video or an
essay says nothing of the person's own thinking, and an opener hung on it reads as if the
writer had not read anything: such a post never anchors a talking point or an opener.

The matchers and the openers ask ``is_substantial(post)``; topics still count the post's title,
but a topic's evidence from a thin post is not something to talk about (``anchorable_topics``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from insights.models import Topic
from scraper.models import Post

# Under about this many words of its own, a post is a note, a link or an embed.
MIN_OWN_WORDS = 80
_URL = re.compile(r"https?://\S+")


def own_words(post: Post) -> int:
    """Words the author wrote in the post, links left out."""
    return len(_URL.sub(" ", post.text or "").split())


def is_substantial(post: Post) -> bool:
    """True when the post has enough words of its own to discuss (``MIN_OWN_WORDS``)."""
    return own_words(post) >= MIN_OWN_WORDS


def anchorable_topics(topics: list[Topic], posts: list[Post]) -> list[Topic]:
    """The topics with their evidence from thin posts left out, and those with no evidence left
    dropped: what talking points and openers may rest on. (A post only listed, not read, keeps
    its title as evidence: its substance is unknown, not known thin.)"""
    thin = {p.url for p in posts if not is_substantial(p)}
    kept = []
    for topic in topics:
        evidence = tuple(e for e in topic.evidence if e.url not in thin)
        if evidence:
            kept.append(topic if evidence == topic.evidence else replace(topic, evidence=evidence))
    return kept
