"""Wording a plan for one channel and one tone.

Each channel is written for its length, not cut from another: a connection note (at most 300
characters) names the shared fact, the post, who the user is and the ask; a message adds the
sentence quoted from the post and the user's own work it ties to; an email adds its subject and
the other things both share. None asks to follow up: follow-ups belong to the tracker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from scraper.models import Profile

from .facts import current_position
from .freetext import WHEN
from .models import CHANNEL_LIMITS
from .phrasing import (
    ANCHOR,
    CALL,
    CALL_WHEN,
    EASY_OUT,
    EASY_OUT_NOTE,
    GIVE,
    GREETING,
    LEAD,
    ME_VERB_ASK,
    MENTOR_ASK,
    OTHER_ASK,
    POST_NOTE,
    POST_WITH_POINT,
    PROFILE_POINT,
    QUESTION,
    ROLE_NOTE,
    ROLE_QUESTION,
    SIGN_OFF,
    SUBJECT,
    SUBJECT_NO_POST,
    WHO,
    WHO_NAME_ONLY,
    YOU_VERB_ASK,
    pick,
)
from .plan import Anchor, Plan, as_topic

# A title cut for a connection note keeps at least this many words (facts.mentions still finds
# a title by its first four words).
SHORT_TITLE_WORDS = 6


@dataclass(frozen=True)
class Draft:
    text: str
    facts: tuple[str, ...]  # the phrases about the person the text names
    subject: str | None = None


def _first(profile: Profile) -> str:
    return (profile.name or "").split()[0] if profile.name else "there"


def _formal(text: str, tone: str) -> str:
    """Formal English spells out what the other tones contract."""
    if tone != "formal":
        return text
    # Only the frame's own words: a quoted title or sentence stays as its author wrote it.
    parts = re.split(r"(“[^”]*”)", text)
    for i in range(0, len(parts), 2):
        for short, full in (("I'm", "I am"), ("you're", "you are"), ("don't", "do not"),
                            ("isn't", "is not"), ("We're", "We are")):  # fmt: skip
            parts[i] = parts[i].replace(short, full)
    return "".join(parts)


def anchor_sentence(anchor: Anchor, with_years: bool = True) -> str:
    years = ""
    since = False
    if anchor.overlap:
        a, b = anchor.overlap
        years = str(a) if a == b else f"{a}–{b}"
        # An overlap that runs to "present" on both sides ends this year, which neither profile
        # shows: "since 2021" says what they show.
        since = str(b) not in f"{anchor.theirs} {anchor.mine}"
        years = str(a) if since else years
    kind = anchor.kind
    if kind in ("school", "employer"):
        if with_years and years:
            kind += "_since" if since else "_overlap"
        elif with_years and anchor.theirs and anchor.mine:
            kind += "_years"
    as_title = f", you as {anchor.their_title}" if anchor.their_title else ""
    text = ANCHOR[kind].format(
        name=anchor.name, years=years, theirs=anchor.theirs, mine=anchor.mine, as_title=as_title
    )
    # "We have both worked at Rakuten Group, Inc.": the name's period ends the sentence too.
    return re.sub(r"(?<!\.)\.\.$", ".", text)


def _role(me: Profile) -> str:
    current = current_position(me)
    if current and current.title and current.company:
        return f"{current.title} at {current.company}"
    return (me.headline or (current.title if current else "") or "").strip().rstrip(".")


def who_sentence(me: Profile, tone: str, full_name: bool = True, role: bool = True) -> str:
    name = (me.name or "").strip()
    if not name:
        return ""
    # The name as written: its first word is not always a first name ("Tan Mei Lin").
    del full_name
    what = _role(me) if role else ""
    return (WHO if what else WHO_NAME_ONLY)[tone].format(name=name, role=what)


# Asks for something the person gives: "feedback on my CV", "your thoughts on my project".
_GIVEN = re.compile(
    r"^(?:(?:some|your|a few|any|a|an|more)\s+)?(?:feedback|advice|tips?|pointers|thoughts|"
    r"guidance|help|input|suggestions|recommendations|insights?|views|perspective|review|critique|notes)\b",
    re.IGNORECASE,
)
# An ask that already names its topic ("one question about your post on Raft").
_OWN_TOPIC = re.compile(r"\b(?:about|on|regarding|to ask|to discuss|to talk)\b", re.IGNORECASE)


def ask_sentence(plan: Plan, tone: str, seed: str, subject: str, short: int = 0) -> str:
    """The one ask, led by the goal when there is one: the user's ask in the frame its form
    fits (``freetext``), about the post's subject when the ask is a call or a question.
    ``short``: 1 without the time ("in the next few weeks"), 2 without the topic either, for a
    connection note that must fit."""
    ask = plan.ask
    lead = LEAD.format(someone=plan.goal.as_someone()) if plan.goal else ""
    role = plan.their_role
    if ask.kind == "question" and not (ask.given and ask.form != "noun"):
        if plan.post is None and role and role.company:
            return _sentence(ROLE_QUESTION[tone].format(lead=lead, company=role.company))
        question = pick(QUESTION[tone], seed, "question")
        if not subject:
            question = question.replace(" about {subject}", "")
        return _sentence(question.format(lead=lead, subject=subject))
    about = "" if short > 1 or not subject or _OWN_TOPIC.search(ask.text) else f" about {subject}"
    fill = {"lead": lead, "ask": ask.text, "about": about}
    if ask.form == "you_verb":
        frame = YOU_VERB_ASK[tone]
    elif ask.form == "me_verb":
        frame = ME_VERB_ASK[tone]
    elif ask.kind == "mentor":
        frame = MENTOR_ASK[tone]
    elif ask.kind == "call":
        frame = CALL[tone]
        fill["when"] = "" if short or WHEN.search(ask.text) else CALL_WHEN[tone]
    elif _GIVEN.match(ask.text):
        frame = GIVE[tone]
    else:
        frame = OTHER_ASK[tone]
    return _sentence(frame.format(**fill))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _subject_thing(plan: Plan) -> str:
    if plan.post:
        # "about consensus protocols", not "about consensus protocol"
        return as_topic(plan.post.subject, plan.post.post.text)
    role = plan.their_role
    return f"the work at {role.company}" if role and role.company else "your work"


def _facts(plan: Plan, text: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    from .facts import mentions

    named = []
    if plan.anchor:
        named.append(plan.anchor.name)
    if plan.post:
        named += [plan.post.title, _subject_thing(plan), plan.post.subject, plan.post.point]
    if plan.their_role and plan.their_role.company:
        named += [plan.their_role.company, plan.their_role.title or ""]
    named += list(extra)
    return tuple(dict.fromkeys(f for f in named if f and mentions(text, f)))


def _cut_title(title: str, words: int) -> str:
    split = title.split()
    if len(split) <= words:
        return title
    return " ".join(split[:words]).rstrip(",:;") + "…"


def connection_note(plan: Plan, me: Profile, them: Profile, tone: str, seed: str) -> Draft:
    """At most 300 characters: greeting, shared fact, post, who, ask, easy out. When it does not
    fit, the years go first, then the title is cut, then the introduction shortens, then the
    shared fact goes; the ask and the easy out always stay."""
    limit = CHANNEL_LIMITS["connection_note"]
    greeting = GREETING[tone].format(first=_first(them), full=them.name or _first(them))
    subject = _subject_thing(plan)
    asks = [ask_sentence(plan, tone, seed, subject, short) for short in (0, 1, 2)]
    out = EASY_OUT_NOTE[tone]
    # The shared fact with its years, without them, under the shorter of the two names it has
    # ("FH Technikum Wien" for "University of Applied Sciences Technikum Wien": both are true),
    # or gone. A shared school or employer is the strongest thing a note can open with: it goes
    # last of all, after the post's title.
    anchors: list[tuple[str, float]] = [(_role_line(plan), 0), ("", 1)]
    if plan.anchor:
        fact = plan.anchor
        anchors = [(anchor_sentence(fact, True), 0), (anchor_sentence(fact, False), 1)]
        shorter = _shorter_name(fact)
        if shorter:
            anchors.append((anchor_sentence(replace(fact, name=shorter), False), 1.5))
        anchors.append(("", 9 if fact.kind in ("school", "employer", "volunteering") else 6))
    titles = (
        [plan.post.title, _cut_title(plan.post.title, SHORT_TITLE_WORDS), ""] if plan.post else [""]
    )
    whos = [
        who_sentence(me, tone),
        who_sentence(me, tone, full_name=False),
        who_sentence(me, tone, full_name=False, role=False),
    ]
    # What each shortening costs the reader: years first, then a cut title, then the full
    # name, the ask's time, then its topic, then the role, then the shared fact; the ask itself
    # and the easy out always stay.
    options = []
    for anchor, anchor_cost in anchors:
        for t, title in enumerate(titles):
            for w, who in enumerate(whos):
                for k, ask in enumerate(asks):
                    cost = anchor_cost + (0, 2, 8)[t] + (0, 0.5, 4)[w] + (0, 0.7, 3)[k]
                    options.append((cost, anchor, title, who, ask))
    attempts = []
    for _cost, anchor, title, who, ask in sorted(options, key=lambda o: o[0]):
        post = POST_NOTE[tone].format(title=title) if title else ""
        if not plan.post and not plan.anchor:
            post = ""  # the role line stands in the anchor's place
        elif not plan.post:
            post = _role_line(plan)
        rest = " ".join(p for p in (anchor, post, who, ask, out) if p)
        text = _formal(f"{greeting} {_continue(rest)}", tone)
        attempts.append(text)
        if len(text) <= limit:
            return Draft(text, _facts(plan, text))
    text = min(attempts, key=len)
    return Draft(text, _facts(plan, text))


def _shorter_name(anchor: Anchor) -> str:
    """The mentee's own name for a shared organisation when it is shorter than theirs."""
    point = anchor.point
    if point is None or anchor.kind not in ("school", "employer", "volunteering"):
        return ""
    mine = point.mine.split(" · ")[0].strip()
    return mine if mine and len(mine) < len(anchor.name) else ""


def _role_line(plan: Plan) -> str:
    """ "I see you are Head of Platform at Plaid.": what they do now, when nothing is shared."""
    role = plan.their_role
    if role and role.company and role.title:
        return ROLE_NOTE.format(title=role.title, company=role.company)
    return ""


def _continue(rest: str) -> str:
    """After "Hi Maya," the note goes on in the same sentence: "we both", not "We both"."""
    return "we" + rest[2:] if rest.startswith("We ") else rest


def _sign(me: Profile, tone: str, seed: str, slot: str) -> str:
    return f"{pick(SIGN_OFF[tone], seed, slot)}\n{me.name or ''}".strip()


def _post_paragraph(plan: Plan, tone: str) -> str:
    if plan.post:
        post = POST_WITH_POINT[tone].format(title=plan.post.title, point=plan.post.point)
        return f"{post} {plan.post.mine}" if plan.post.mine else post
    return "" if plan.anchor is None else _role_line(plan)


def message(plan: Plan, me: Profile, them: Profile, tone: str, seed: str) -> Draft:
    """Up to 1,000 characters: the shared fact, the post with its point and the user's own
    work, who the user is and the ask, the easy out."""
    greeting = GREETING[tone].format(first=_first(them), full=them.name or _first(them))
    ask = ask_sentence(plan, tone, seed, _subject_thing(plan))
    opening = anchor_sentence(plan.anchor) if plan.anchor else ""
    body = _post_paragraph(plan, tone)
    if not opening and not plan.post:
        opening = _role_line(plan)  # "I see you are ..." only when there is nothing else
    if tone == "brief" and plan.post and len(plan.post.point) > 140:
        body = POST_NOTE[tone].format(title=plan.post.title)
    paragraphs = [
        greeting,
        " ".join(p for p in (opening, body) if p),
        f"{who_sentence(me, tone)} {ask}".strip(),
        pick(EASY_OUT[tone], seed, "out"),
        _sign(me, tone, seed, "sign"),
    ]
    text = _formal("\n\n".join(p for p in paragraphs if p), tone)
    return Draft(text, _facts(plan, text))


def email(plan: Plan, me: Profile, them: Profile, tone: str, seed: str) -> Draft:
    """Up to 2,000 characters with a subject: the message's parts, the other things both share,
    the user's goal in a sentence of its own, and a signature."""
    greeting = GREETING[tone].format(first=_first(them), full=them.name or _first(them))
    subject_thing = _subject_thing(plan)
    ask = ask_sentence(plan, tone, seed, subject_thing)
    shared = [anchor_sentence(plan.anchor)] if plan.anchor else []
    if not shared and not plan.post and _role_line(plan):
        shared = [_role_line(plan)]
    if tone != "brief":
        shared += [anchor_sentence(a) for a in plan.others[:1]]
    profile_point = ""
    if not plan.post:
        line = _profile_point(them)
        profile_point = PROFILE_POINT.format(point=line) if line else ""
    # The goal is said once, in the ask that it leads.
    who = who_sentence(me, tone)
    paragraphs = [
        greeting,
        " ".join(shared),
        _post_paragraph(plan, tone) or profile_point,
        who,
        ask,
        pick(EASY_OUT[tone], seed, "email_out"),
        _sign(me, tone, seed, "email_sign"),
    ]
    text = _formal("\n\n".join(p for p in paragraphs if p), tone)
    if plan.post:
        # Without a subject phrase, the post's title is what the question is about.
        options = SUBJECT[tone] if subject_thing else SUBJECT["formal"]
        subject = pick(options, seed, "subject").format(
            subject=subject_thing, title=plan.post.title
        )
    elif plan.their_role and plan.their_role.company:
        subject = SUBJECT_NO_POST.format(company=plan.their_role.company)
    else:
        subject = "A question from " + (me.name or "a reader")
    return Draft(text, _facts(plan, text), subject)


def _profile_point(them: Profile) -> str:
    from .plan import POINT_MAX, POINT_MIN
    from .text import split_sentences

    for sentence in split_sentences(them.about or ""):
        if POINT_MIN <= len(sentence) <= POINT_MAX and sentence[-1] in ".!":
            return sentence
    return ""
