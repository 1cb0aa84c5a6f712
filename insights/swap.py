"""The swap test: replace the recipient, and see how much of the message stops making sense.

A message written to one person names facts only that person has (their post, their school,
their company). The score is the share of the message's sentences, by length, that lean on such a
fact; a fact counts only when the text names it, when it is not something nearly everyone shares
("Python", "English") and, when other people are given, when it would be false of every one of
them. The recipient's name is not a fact: swapping it is the test.
"""

from __future__ import annotations

import re

from scraper.models import Profile

from .facts import is_generic_fact, mentions, true_of
from .models import SwapTest

# A message passes when at least this share of it depends on the person...
PASS_SCORE = 0.3
# ...and it names at least this many distinct facts about them: one fact can be a lucky guess
# ("I saw you work at Google"), two are research.
MIN_FACTS = 2

_GREETING = re.compile(
    r"^(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^,.!?\n]{0,40}[,!.\n]\s*",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"\n\s*(best|thanks|thank you|cheers|regards|kind regards|all the best|"
    r"warmly|sincerely)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Stand-ins of the same length for sentence ends inside quotes ("Should we break up our
# monolith?" is one title, not the end of a sentence).
_MASK = str.maketrans({"?": "\uff1f", "!": "\uff01", ".": "\u2024", "\n": " "})


# A period that ends no sentence: inside a name ("Node.js", "Folha de S.Paulo", "Booking.com"),
# after an initial ("Ines A. Okafor") or a title or saint ("Dr. Hart", "St. James's Hospital").
_NOT_AN_END = re.compile(
    r"(?<=\w)\.(?=[^\W_])|\b(?P<short>[A-Z]|St|Dr|Mr|Mrs|Ms|Prof|Jr|Sr|Mt|Ft)\.(?= [A-Z])"
)


def _mask_non_ends(text: str) -> str:
    return _NOT_AN_END.sub(lambda m: (m.group("short") or "") + "\u2024", text)


def body_sentences(text: str) -> list[str]:
    """The sentences of a message without its greeting and sign-off."""
    body = _SIGN_OFF.sub("", _GREETING.sub("", text.strip(), count=1))
    masked = _QUOTED.sub(lambda m: m.group(0).translate(_MASK), body)
    masked = _mask_non_ends(masked)
    spans = [m.span() for m in _SENTENCE.finditer(masked)]
    return [body[a:b].strip() for a, b in spans if len(body[a:b].strip()) > 3]


def specific_facts(text: str, facts, others: list[Profile] | None = None) -> list[str]:
    """The facts the text names that would be false or meaningless for anyone else."""
    found = []
    for fact in dict.fromkeys(f.strip() for f in facts if f and f.strip()):
        if is_generic_fact(fact) or not mentions(text, fact):
            continue
        if any(true_of(fact, other) for other in others or ()):
            continue
        found.append(fact)
    return found


def swap_test(text: str, them: Profile, facts, others: list[Profile] | None = None) -> SwapTest:
    """How much of ``text`` depends on ``them``; passed when it would not survive a swap.

    ``facts`` are phrases true of ``them`` (an opener's facts, or the draft checker's facts about
    the person); ``others`` are people the message must not also fit.
    """
    name_parts = [p for p in (them.name or "").split() if len(p) > 1]
    usable = [f for f in facts if f and not any(f.strip().lower() == p.lower() for p in name_parts)]
    # Remove the recipient's name first: a message that is specific only by its greeting fails.
    # A name inside a fact stays ("Lund & Berg Advokatbyrå" is her firm, not her greeting).
    swapped = _remove_name(text, name_parts, usable)
    specific = specific_facts(swapped, usable, others)
    sentences = body_sentences(swapped)
    total = sum(len(s) for s in sentences)
    anchored = sum(len(s) for s in sentences if any(mentions(s, f) for f in specific))
    score = anchored / total if total else 0.0
    return SwapTest(passed=len(specific) >= MIN_FACTS and score >= PASS_SCORE, score=score)


def _remove_name(text: str, name_parts: list[str], facts) -> str:
    kept = [span for fact in facts for span in mentions(text, fact) if span[1] > span[0]]
    out, last = [], 0
    pattern = "|".join(re.escape(p) for p in sorted(name_parts, key=len, reverse=True))
    if not pattern:
        return text
    for match in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text):
        if any(a <= match.start() and match.end() <= b for a, b in kept):
            continue
        out.append(text[last : match.start()])
        last = match.end()
    out.append(text[last:])
    return "".join(out)
