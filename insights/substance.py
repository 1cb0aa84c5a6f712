"""Is a post substantial enough to talk about? A one-line post that only links a video or an
essay says nothing of the person's own thinking, and an opener hung on it reads as if the
writer had not read anything: such a post never anchors a talking point or an opener.

The matchers and the openers ask ``is_substantial(post)``; topics still count the post's title.
"""

from __future__ import annotations

import re

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
