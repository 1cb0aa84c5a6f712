"""Openers: a LinkedIn connection note (at most 300 characters), a short message and an email,
each naming facts only this person has, saying who the user is, asking one direct question the
person can answer, and proposing a low-pressure follow-up.

Every opener carries the facts it used and its swap-test result. Wording varies by a stable hash
of the person (``phrasing.variant``): the same input gives the same text.
"""

from __future__ import annotations

import logging

from scraper.models import Post, Profile

from .facts import (
    Fact,
    current_position,
    facts_about,
    facts_from_points,
    is_generic_fact,
    mentions,
)
from .models import CHANNEL_LIMITS, Opener, TalkingPoint, Topic
from .normalize import fold, org_key
from .phrasing import (
    FOLLOW_UP,
    FOLLOW_UP_SHORT,
    MENTION,
    QUESTION,
    SIGN_OFF,
    SUBJECT,
    SUBJECT_DEFAULT,
    WEAK_KINDS,
    variant,
)
from .swap import swap_test

logger = logging.getLogger(__name__)

__all__ = ["check_draft", "swap_test", "write_openers"]

# A message names up to four facts (a connection note two): more reads as a dossier.
MAX_FACTS = 4
# Post titles longer than this are cut (at a word) so that a connection note still fits.
SHORT_TITLE_WORDS = 8


def _kind(fact: Fact) -> str:
    point = fact.point
    if point is not None and point.kind == "post" and "own experience" in point.text:
        return "post_respond"
    return fact.kind


_FAMILY = {
    "post_read": "post",
    "post_respond": "post",
    "topic_read": "topic",
    "role": "current_work",
}


def choose_facts(
    me: Profile, them: Profile, points: list[TalkingPoint], topics: list[Topic], posts: list[Post]
) -> list[Fact]:
    """Up to four facts, strongest first, at most one per kind; the person's own work fills in
    when there is little common ground, so that no opener names fewer than two facts."""
    chosen: list[Fact] = []
    kinds: set[str] = set()
    shared = facts_from_points(points, them)
    # Weak links (a city, a skill, a language) are shared with many people: they come after the
    # person's own work, so that the first two facts are ones a swap would break.
    ordered = [
        *(f for f in shared if f.kind not in WEAK_KINDS),
        *facts_about(them, posts, topics),
        *(f for f in shared if f.kind in WEAK_KINDS),
    ]
    for fact in ordered:
        if len(chosen) == MAX_FACTS:
            break
        # One post and one topic at most: a second, unrelated post reads as padding.
        kind = _FAMILY.get(_kind(fact), _kind(fact))
        seen = {fold(c.text) for c in chosen} | {org_key(c.text) for c in chosen}
        # A generic fact ("Python", "English") is true of half the people one could write to.
        if (
            kind in kinds
            or not fact.text
            or is_generic_fact(fact.text)
            or fold(fact.text) in seen
            or org_key(fact.text) in seen
        ):
            continue
        chosen.append(fact)
        kinds.add(kind)
    return chosen


# Which fact the question is about, best first: a question about a named post or their current
# work is one only this person can answer; a shared school makes a warmer but vaguer question.
LEAD_ORDER = (
    "post",
    "post_respond",
    "current_work",
    "topic",
    "school",
    "employer",
    "volunteering",
    "post_read",
    "role",
    "topic_read",
)


def _lead(facts: list[Fact]) -> Fact | None:
    """The fact the question is about."""
    usable = [f for f in facts if _kind(f) not in WEAK_KINDS and _kind(f) in LEAD_ORDER]
    return min(usable, key=lambda f: LEAD_ORDER.index(_kind(f)), default=None)


def _fill(template: str, fact: Fact, them: Profile) -> str:
    point = fact.point
    current = current_position(them)
    role = (current.title if current and current.title else None) or "where you are now"
    when = ""
    if point is not None and point.kind in ("school", "employer") and "overlap" in point.text:
        when = " at the same time" if point.kind == "school" else ", in the same years"
    mine = point.mine if point is not None and point.mine else "this field"
    return template.format(f=fact.text, mine=mine, role=role, when=when)


def _mention(fact: Fact, seed: str, slot: str, them: Profile) -> str:
    options = MENTION[_kind(fact)]
    return _fill(options[variant(seed, slot, len(options))], fact, them)


def _question(lead: Fact | None, seed: str, them: Profile) -> str:
    if lead is None:
        return "What would you tell someone at my stage who wants to do what you do?"
    options = QUESTION[_kind(lead)]
    return _fill(options[variant(seed, "question", len(options))], lead, them)


def _who_i_am(me: Profile, short: bool) -> str:
    name = (me.name or "").strip()
    first = name.split()[0] if name else ""
    current = current_position(me)
    what = (me.headline or "").strip().rstrip(".")
    if not what and current and current.title:
        what = f"{current.title} at {current.company}" if current.company else current.title
    who = first if short else name
    if who and what:
        return f"I'm {who}, {what[0].lower() + what[1:] if what[:2] != what[:2].upper() else what}."
    if who:
        return f"I'm {who}."
    return f"I work as {what}." if what else ""


def _who_i_am_briefly(me: Profile) -> str:
    """ "I'm Ana, Product Designer." (the current title), for a note with no room for more."""
    first = (me.name or "").split()[0] if me.name else ""
    current = current_position(me)
    title = current.title if current and current.title and len(current.title) <= 30 else ""
    if first and title:
        return f"I'm {first}, {title}."
    return f"I'm {first}." if first else ""


def _shorten(fact: Fact, words: int = SHORT_TITLE_WORDS) -> Fact:
    """A post title cut to its first ``words`` words (still a phrase the post's page shows),
    with an ellipsis, so that the reader sees a title was cut, not misquoted."""
    split = fact.text.split()
    if fact.kind in ("post", "post_read") and len(split) > words:
        return Fact(" ".join(split[:words]).rstrip(",:;") + "…", fact.kind, fact.point)
    return fact


def _first_name(them: Profile) -> str:
    return (them.name or "").split()[0] if them.name else "there"


_IDENTITY_KINDS = frozenset(
    {
        "post",
        "post_read",
        "post_respond",
        "school",
        "employer",
        "current_work",
        "role",
        "volunteering",
    }
)


def _connection_note(me, them, facts, lead, seed) -> tuple[str, list[Fact]]:
    """Three facts in 300 characters when they fit, else two: the question names the lead fact,
    a sentence each names the others; then who the user is and a short follow-up. A third fact
    keeps the note specific when another person shares one of them (a school, a city). Long
    titles are cut if needed."""
    limit = CHANNEL_LIMITS["connection_note"]
    follow = FOLLOW_UP_SHORT[variant(seed, "follow_short", len(FOLLOW_UP_SHORT))]
    others = [f for f in facts if f is not lead]
    two = others[: 1 if lead else 2]
    # A third fact preferably names who they are or what they made (a post, a school, an
    # employer, their role); a topic they write about only when there is none of those.
    rest = [f for f in others if f not in two and _kind(f) not in WEAK_KINDS]
    third = sorted(rest, key=lambda f: _kind(f) not in _IDENTITY_KINDS)[:1]
    who_short = _who_i_am(me, short=True)
    who_brief = _who_i_am_briefly(me)
    # Preference: three facts, then two; within each, titles whole or cut to eight words with
    # who the user is, then more briefly, and only then titles cut to four words ("Forecasting
    # demand with hierarchical" reads worse than a shorter introduction). A note that does not
    # say who the user is only when nothing else fits.
    plans = []
    for facts_used in ([*two, *third], two) if third else (two,):
        plans += [(who, facts_used, words) for words in (99, SHORT_TITLE_WORDS)
                  for who in (who_short, who_brief)]  # fmt: skip
        plans += [(who, facts_used, SHORT_TITLE_WORDS // 2) for who in (who_short, who_brief)]
    plans += [("", two, words) for words in (99, SHORT_TITLE_WORDS, SHORT_TITLE_WORDS // 2)]
    attempts = []
    for who, rest, words in plans:
        use = [_shorten(f, words) for f in rest]
        q_fact = _shorten(lead, words) if lead else None
        named = " ".join(_mention(f, seed, f"mention{i}", them) for i, f in enumerate(use))
        question = _question(q_fact, seed, them)
        used = [q_fact, *use] if q_fact else use
        parts = (f"Hi {_first_name(them)}!", named, who, question, follow)
        attempts.append((" ".join(p for p in parts if p), used))
    for text, used in attempts:
        if len(text) <= limit:
            return text, used
    text, used = min(attempts, key=lambda a: len(a[0]))
    logger.info("connection note over %d characters even when shortened", limit)
    return text[: limit - 1].rsplit(" ", 1)[0] + "?", used


def _message(me, them, facts, lead, seed) -> str:
    mentions = " ".join(_mention(f, seed, f"mention{i}", them) for i, f in enumerate(facts))
    follow = FOLLOW_UP[variant(seed, "follow", len(FOLLOW_UP))]
    sign = SIGN_OFF[variant(seed, "sign", len(SIGN_OFF))]
    parts = [
        f"Hi {_first_name(them)},",
        mentions,
        f"{_who_i_am(me, short=False)} {_question(lead, seed, them)}".strip(),
        follow,
        f"{sign}\n{me.name or ''}".strip(),
    ]
    return "\n\n".join(p for p in parts if p)


def _email(me, them, facts, lead, seed) -> tuple[str, str, list[str]]:
    extra: list[str] = []
    quote_line = ""
    if lead and lead.point and lead.point.evidence and lead.kind == "post":
        quote = lead.point.evidence[0].quote
        if len(quote) > 180:
            quote = quote[:180].rsplit(" ", 1)[0] + "…"
        quote_line = f"You wrote: “{quote}”"
        extra.append(quote.rstrip("…"))
    body_facts = " ".join(_mention(f, seed, f"email{i}", them) for i, f in enumerate(facts))
    follow = FOLLOW_UP[variant(seed, "email_follow", len(FOLLOW_UP))]
    sign = SIGN_OFF[variant(seed, "email_sign", len(SIGN_OFF))]
    greeting = "Dear" if variant(seed, "greeting", 2) else "Hello"
    parts = [
        f"{greeting} {_first_name(them)},",
        body_facts,
        quote_line,
        _who_i_am(me, short=False),
        _question(lead, seed, them),
        follow,
        f"{sign}\n{me.name or ''}".strip(),
    ]
    subject_fact = lead or (facts[0] if facts else None)
    if subject_fact is None:
        subject = "A question from a reader of your work"
    else:
        options = SUBJECT.get(subject_fact.kind, SUBJECT_DEFAULT)
        subject = options[variant(seed, "subject", len(options))].format(f=subject_fact.text)
    return subject, "\n\n".join(p for p in parts if p), extra


def write_openers(
    me: Profile,
    them: Profile,
    points: list[TalkingPoint],
    topics: list[Topic],
    posts: list[Post],
    others: list[Profile] | None = None,
) -> list[Opener]:
    """Three openers (connection note, message, email), each with its facts and swap test.

    ``others``: people the openers must not also fit (e.g. the user's other contacts); the swap
    test discounts facts that are true of any of them.
    """
    seed = f"{them.name or ''}|{them.source_url or ''}"
    facts = choose_facts(me, them, points, topics, posts)
    lead = _lead(facts)
    if lead is not None and facts and facts[0] is not lead:
        facts = [lead, *(f for f in facts if f is not lead)]  # the question's fact comes first
    note, note_facts = _connection_note(me, them, facts, lead, seed)
    message = _message(me, them, facts, lead, seed)
    subject, email, extra = _email(me, them, facts, lead, seed)
    # Their current title, when a sentence names it ("...the move to Staff Engineer"), is a
    # fact about them like any other.
    current = current_position(them)
    title = current.title.strip() if current and current.title else ""
    openers = []
    for channel, text, used, subj in (
        ("connection_note", note, [f.text for f in note_facts], None),
        ("message", message, [f.text for f in facts], None),
        ("email", email, [f.text for f in facts] + extra, subject),
    ):
        if title and title not in used and mentions(text, title):
            used = [*used, title]
        result = swap_test(text, them, used, others)
        openers.append(
            Opener(text=text, channel=channel, facts=tuple(used), swap_test=result, subject=subj)
        )
    return openers


def check_draft(text, channel="message", me=None, them=None, points=(), others=None, **kw):
    """See ``insights.drafts.check_draft`` (kept here too, where INTERFACES.md lists it)."""
    from .drafts import check_draft as _check

    return _check(text, channel=channel, me=me, them=them, points=points, others=others, **kw)


def write_follow_up(
    me: Profile,
    them: Profile,
    points: list[TalkingPoint],
    topics: list[Topic] | None = None,
    posts: list[Post] | None = None,
) -> str:
    """The follow-up to send after acting on their advice (``insights.prep.follow_up_draft``)."""
    from .prep import follow_up_draft

    return follow_up_draft(me, them, points)
