"""Whole blogs written for the tests, served by the tests' local server (tests/conftest.py)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

Post = TypeVar("Post")


def slug(title: str) -> str:
    """A URL segment from a title: "Stoic philosophy, at work" -> "stoic-philosophy-at-work"."""
    kept = "".join(c.lower() if c.isalnum() else "-" for c in title)
    return "-".join(part for part in kept.split("-") if part)


def themed_paragraphs(sentences: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    """A post's paragraphs from its theme's sentence pool: three shuffled sentences and one
    drawn again, so that posts of one theme share phrases the way a person's posts do."""
    pool = list(sentences)
    rng.shuffle(pool)
    return tuple(
        " ".join(pool[i : i + 3] + [rng.choice(sentences)]) for i in range(0, len(pool), 3)
    )


def dated_posts(
    make: Callable[[str, str, date, str, tuple[str, ...]], Post],
    old: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
    new: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
    thin: tuple[tuple[str, str, str], ...],
    rng: random.Random,
    old_from: tuple[date, int],
    new_from: tuple[date, int],
) -> list[Post]:
    """A blog's posts, oldest first: the ``old`` themes' posts from ``old_from`` (a first date
    and the days between posts), then the ``new`` themes' and the thin posts from ``new_from``.
    ``make(title, slug, day, theme, paragraphs)`` builds one post."""
    olds = [(t, th, themed_paragraphs(s, rng)) for th, (ts, s) in old.items() for t in ts]
    news = [(t, th, themed_paragraphs(s, rng)) for th, (ts, s) in new.items() for t in ts]
    news += [(title, kind, (text,)) for title, text, kind in thin]
    rng.shuffle(olds)
    rng.shuffle(news)
    posts = []
    for items, (day, step) in ((olds, old_from), (news, new_from)):
        for title, theme, paragraphs in items:
            posts.append(make(title, slug(title), day, theme, paragraphs))
            day += timedelta(days=step)
    return posts
