"""The draft checker: what in the user's own message would make a busy person not answer.

Findings carry character offsets into the draft (``start``/``end``, or None when the finding is
about the whole draft) and a suggestion that says what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scraper.models import Post, Profile

from .facts import Fact, current_position, facts_about, facts_from_points, mentions
from .models import CHANNEL_LIMITS, Finding, TalkingPoint, Topic
from .plan import as_topic
from .swap import swap_test

# Asks a mentor cannot answer in one reply: they hand the work of finding a question to them.
VAGUE_ASKS = (
    r"pick (?:your|ur) brains?",
    r"(?:grab|get|have|over|for) (?:a )?(?:quick |virtual )?coffee",
    r"(?:hop|jump) on a (?:quick )?call",
    r"(?:a )?quick (?:call|chat)",
    r"any (?:advice|tips|pointers|thoughts)(?: you (?:have|could share))?",
    r"chat (?:sometime|some time|at some point)",
    r"learn more about (?:what you do|your (?:journey|career|path|experience|work))",
    r"(?:be|become) my mentor",
    r"touch base",
    r"(?:love|like) to connect",
    r"(?:pick|share) (?:your|some) (?:wisdom|insights)",
)
GENERIC_FLATTERY = (
    r"(?:i )?(?:really |truly |greatly )?admire (?:your|all your) (?:work|career|journey)",
    r"(?:huge|big) fan",
    r"(?:your|such an?) (?:impressive|amazing|inspiring|incredible|stellar) "
    r"(?:profile|journey|career|background|work|experience)",
    r"you(?: are|'re) (?:so |very |truly )?(?:inspiring|an inspiration)",
    r"impressed (?:by|with) your (?:profile|background|career)",
    r"thought leader",
    r"(?:love|loved) your (?:profile|content)",
)
# Frames that fit any post or any person, seen in openers people rewrote before sending: each
# says nothing this person would recognise as theirs.
GENERIC_PHRASES = (
    r"which decision was the hardest(?: to make)?",
    r"what would you do differently if you (?:started|were starting) (?:again|over)",
    r"what skill do people joining [^?.]{2,60} most often lack",
    r"i have read about what you do(?: at [^.?!]{2,60})?",
    r"your (?:writing|work|posts?) on [^.?!]{2,60} caught my (?:eye|attention)",
    r"i have been following your work",
    r"what would you tell someone at my stage",
)
# Feelings and reasons a first note claims without the writer having said them.
INVENTED = (
    r"(?:it|that|this) stayed with me",
    r"(?:is|was) the reason (?:i am|i'm|i was) (?:writing|reaching out)",
)
# A first note does not ask permission to write again: follow-ups belong to the tracker.
FOLLOW_UP_REQUEST = (
    r"(?:may|can|could) i follow up[^.?!]*\??",
    r"would (?:it be (?:ok|okay|all right) if i|you mind if i) follow(?:ed)? up[^.?!]*\??",
    r"would a follow-up[^.?!]*\??",
)
_GENERIC = [re.compile(p, re.IGNORECASE) for p in GENERIC_PHRASES]
_INVENTED = [re.compile(p, re.IGNORECASE) for p in INVENTED]
_FOLLOW_UP = [re.compile(p, re.IGNORECASE) for p in FOLLOW_UP_REQUEST]
_VAGUE = [re.compile(p, re.IGNORECASE) for p in VAGUE_ASKS]
_FLATTERY = [re.compile(p, re.IGNORECASE) for p in GENERIC_FLATTERY]
# Points this strong are worth suggesting when the draft does not use them.
SUGGEST_SCORE = 0.6
MAX_SUGGESTIONS = 3


def _example_question(points: list[TalkingPoint]) -> str:
    post = next((p for p in points if p.kind == "post"), None)
    if post:
        return (
            f"Ask about one thing in their post “{post.theirs}”, e.g. what they would do "
            f"differently today."
        )
    if points:
        return (
            f"Ask one question about {points[0].theirs.split(' · ')[0]} that only they can answer."
        )
    return "Ask one question about something they wrote or built that only they can answer."


def check_draft(
    text: str,
    channel: str = "message",
    me: Profile | None = None,
    them: Profile | None = None,
    points: list[TalkingPoint] | tuple = (),
    others: list[Profile] | None = None,
    posts: list[Post] | tuple = (),
    topics: list[Topic] | tuple = (),
) -> list[Finding]:
    """Findings for a draft, in the order they appear (whole-draft findings last).

    With ``them`` (and, when an analysis is at hand, its ``points``, ``posts`` and ``topics``)
    the draft is also checked for facts about the person and the swap test.
    """
    if channel not in CHANNEL_LIMITS:
        raise ValueError(f"Unknown channel {channel!r}: use one of {', '.join(CHANNEL_LIMITS)}.")
    points = list(points)
    findings: list[Finding] = []
    for pattern in _VAGUE:
        for m in pattern.finditer(text):
            findings.append(
                Finding(
                    "vague_ask",
                    f"“{m.group(0)}” is a vague ask: it leaves the work of finding a "
                    f"question to them.",
                    suggestion=_example_question(points),
                    start=m.start(),
                    end=m.end(),
                )
            )
    for pattern in _FLATTERY:
        for m in pattern.finditer(text):
            findings.append(
                Finding(
                    "generic_flattery",
                    f"“{m.group(0)}” could be said to anyone, so it says little.",
                    suggestion="Replace it with the specific thing of theirs you read or used, and "
                    "what it changed for you.",
                    start=m.start(),
                    end=m.end(),
                )
            )
    for patterns, code, message, suggestion in (
        (_GENERIC, "generic_phrase", "“{0}” would fit any post or any person.",
         "Name one specific point from their post, and ask about it for your own goal."),
        (_INVENTED, "invented_feeling", "“{0}” claims a feeling or a reason you did not state.",
         "Say what you did (I read your post) and what you do; leave out why it moved you."),
        (_FOLLOW_UP, "follow_up_request", "“{0}” asks to follow up in a first note.",
         "Leave it out: if they answer, follow up later with what you did with their advice."),
    ):  # fmt: skip
        for pattern in patterns:
            for m in pattern.finditer(text):
                found = message.format(m.group(0))
                findings.append(Finding(code, found, suggestion, m.start(), m.end()))
    findings.sort(key=lambda f: (f.start or 0, f.code))

    if "?" not in text:
        findings.append(
            Finding(
                "no_question",
                "The draft asks no question, so there is nothing to answer.",
                suggestion=_example_question(points),
            )
        )
    limit = CHANNEL_LIMITS[channel]
    if len(text) > limit:
        findings.append(
            Finding(
                "too_long",
                f"The draft is {len(text)} characters; a {channel.replace('_', ' ')} "
                f"allows {limit}.",
                suggestion=f"Cut {len(text) - limit} characters: keep the specific fact, who you "
                f"are in one sentence, and the question.",
                start=limit,
                end=len(text),
            )
        )
    if them is not None:
        findings += _person_findings(text, them, points, others, list(posts), list(topics))
    return findings


def _person_findings(
    text: str,
    them: Profile,
    points: list[TalkingPoint],
    others: list[Profile] | None,
    posts: list[Post],
    topics: list[Topic],
) -> list[Finding]:
    findings: list[Finding] = []
    facts: list[Fact] = [*facts_from_points(points, them), *facts_about(them, posts, topics)]
    current = current_position(them)
    if current and current.title:
        facts.append(Fact(current.title, "role"))  # "I see you are Head of Platform at Plaid"
    # "product roadmaps" names the post's "product roadmap" as well (openers ask about topics
    # in the plural, ``plan.as_topic``).
    written = "\n".join(p.text for p in posts)
    facts += [
        replace(f, text=as_topic(f.text, written))
        for f in facts
        if as_topic(f.text, written) != f.text
    ]
    named = [f for f in facts if mentions(text, f.text)]
    if not named:
        findings.append(
            Finding(
                "no_specific_fact",
                "The draft names nothing specific to this person: it could be sent to anyone.",
                suggestion=_example_question(points),
            )
        )
    result = swap_test(text, them, [f.text for f in facts], others)
    if not result.passed:
        findings.append(
            Finding(
                "swap_test_failed",
                f"With another name in the greeting this draft would still make sense (only "
                f"{result.score:.0%} of it depends on this person).",
                suggestion="Name at least two things only this person has: a post of theirs, "
                "their school or company, what they work on now.",
                extra={"score": round(result.score, 4)},
            )
        )
    used = {fold_fact for f in named for fold_fact in (f.text.lower(),)}
    unused = [
        p
        for p in points
        if p.score >= SUGGEST_SCORE
        and not any(f.point is p and f.text.lower() in used for f in facts)
    ]
    for point in unused[:MAX_SUGGESTIONS]:
        findings.append(
            Finding(
                "unused_talking_point",
                f"Not used yet: {point.text}",
                suggestion=f"Mention it in one sentence; it is backed by {point.evidence[0].url}.",
                extra={"kind": point.kind, "key": point.key},
            )
        )
    return findings
