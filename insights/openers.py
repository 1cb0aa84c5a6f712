"""Openers: a LinkedIn connection note (at most 300 characters), a message and an email, composed
from a plan (``insights.plan``) and worded per channel and tone (``insights.compose``).

``write_openers`` gives the default: the best plan in the warm tone. ``opener_versions`` gives
every tone of every plan, so that the popup switches tone or version without a round trip; each
version changes the anchor fact or the post, not only the wording. Every opener carries the facts
it names and its swap-test result.
"""

from __future__ import annotations

import logging
from typing import Any

from scraper.models import Post, Profile

from .compose import Draft, connection_note, email, message
from .models import Opener, TalkingPoint, Topic
from .phrasing import DEFAULT_TONE, TONES
from .plan import Plan, plans
from .swap import swap_test

logger = logging.getLogger(__name__)

__all__ = ["check_draft", "opener_versions", "swap_test", "write_openers"]


def _seed(them: Profile) -> str:
    return f"{them.name or ''}|{them.source_url or ''}"


def openers_for(
    plan: Plan,
    me: Profile,
    them: Profile,
    tone: str = DEFAULT_TONE,
    others: list[Profile] | None = None,
) -> list[Opener]:
    """The three channels of one plan in one tone, each with its facts and swap test."""
    if tone not in TONES:
        raise ValueError(f"Unknown tone {tone!r}: use one of {', '.join(TONES)}.")
    seed = _seed(them)
    drafts: list[tuple[str, Draft]] = [
        ("connection_note", connection_note(plan, me, them, tone, seed)),
        ("message", message(plan, me, them, tone, seed)),
        ("email", email(plan, me, them, tone, seed)),
    ]
    out = []
    for channel, draft in drafts:
        result = swap_test(draft.text, them, draft.facts, others)
        out.append(Opener(draft.text, channel, draft.facts, result, draft.subject))
    return out


def write_openers(
    me: Profile,
    them: Profile,
    points: list[TalkingPoint],
    topics: list[Topic],
    posts: list[Post],
    others: list[Profile] | None = None,
    tone: str = DEFAULT_TONE,
    version: int = 0,
) -> list[Opener]:
    """Three openers (connection note, message, email) of the best plan (or ``version``).

    ``others``: people the openers must not also fit (e.g. the user's other contacts); the swap
    test discounts facts that are true of any of them.
    """
    found = plans(me, them, points, topics, posts)
    if not found:
        return []
    return openers_for(found[min(version, len(found) - 1)], me, them, tone, others)


def _describe(plan: Plan) -> dict[str, Any]:
    return {
        "anchor": plan.anchor.name if plan.anchor else None,
        "post": plan.post.post.url if plan.post else None,
        "post_title": plan.post.title if plan.post else None,
    }


def opener_versions(
    me: Profile,
    them: Profile,
    points: list[TalkingPoint],
    topics: list[Topic],
    posts: list[Post],
    others: list[Profile] | None = None,
) -> list[dict[str, Any]]:
    """Every version (plan) in every tone: ``[{version, anchor, post, post_title, tones:
    {tone: [opener dicts]}}]``. A few dozen short strings: the popup switches instantly."""
    out = []
    for i, plan in enumerate(plans(me, them, points, topics, posts)):
        tones = {t: [o.to_dict() for o in openers_for(plan, me, them, t, others)] for t in TONES}
        out.append({"version": i, **_describe(plan), "tones": tones})
    return out


def check_draft(text, channel="message", me=None, them=None, points=(), others=None, **kw):
    """See ``insights.drafts.check_draft`` (kept here too, where INTERFACES.md lists it)."""
    from .drafts import check_draft as _check

    return _check(text, channel=channel, me=me, them=them, points=points, others=others, **kw)


def write_follow_up(me: Profile, them: Profile, points: list[TalkingPoint]) -> str:
    """The follow-up to send after acting on their advice (``insights.prep.follow_up_draft``)."""
    from .prep import follow_up_draft

    return follow_up_draft(me, them, points)
