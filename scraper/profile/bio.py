"""Facts from a prose bio: "I am a research scientist at Google DeepMind in San Francisco ...
I did my PhD at UC Berkeley" gives a title, an employer, a place and a school.

Personal sites often have no structured data, only a paragraph about the person. The sentences
that carry these facts follow a few shapes in English: "<I am | X is | I work as> a <title> at
<Organisation>", "based in / live in <Place>", "<degree> at|from <School>", "studied ... at
<School>". Names of organisations and places are runs of capitalised words (with "of", "for",
"de", "&" inside them), which is what separates "Google DeepMind" from "a small fintech".
A sentence about the past ("Previously I was a designer at Airbnb") gives no current role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import clean

# A capitalised word: a letter or digit first, then word characters, dots (Booking.com, Ph.D.)
# and apostrophes; or an all-caps acronym (ETH, IIT, UC).
_WORD = r"(?:[A-Z0-9][\w.'’&-]*[\w’&])|[A-Z]"
_JOINER = r"(?:of|for|de|di|da|del|der|du|and|&|am|an|in der|la|le|y|e)"
# "Google DeepMind", "Transport for London", "University of California", "Politecnico di Milano"
# The pronoun "I" never continues a name ("at Cloudflare and I live in Austin").
_NAME = rf"(?:{_WORD})(?:\s+(?:{_JOINER}\s+)?(?!I\b)(?:{_WORD}))*"
_PLACE = rf"(?:{_WORD})(?:\s+(?:{_WORD}))*(?:,\s*(?:{_WORD})(?:\s+(?:{_WORD}))*)?"
# "a research scientist", "an ML engineer", "a Staff Engineer" (a few words before "at")
_TITLE = r"(?P<title>[A-Za-z][\w-]*(?:\s+(?:of|in|and|for)?\s*[A-Za-z][\w-]*){0,6}?)"
_ORG = rf"(?P<org>(?:the\s+)?{_NAME})"
_BE = (
    r"(?:I\s+am|I['’]m|I\s+work\s+as|I['’]m\s+currently|I\s+am\s+currently|is|is\s+currently"
    r"|currently|by\s+day\s+I['’]m|,)"
)
_ROLE = re.compile(rf"(?:^|\b|,)\s*{_BE}\s+(?:a|an)\s+{_TITLE}\s+(?:at|with)\s+{_ORG}")
_WORK_AT = re.compile(
    rf"\bI\s+(?:work(?:\s+on\s+[\w\s]{{1,40}}?)?|lead\s+[\w\s]{{1,30}}?|run\s+[\w\s]{{1,30}}?"
    rf"|manage\s+[\w\s]{{1,30}}?)"
    rf"\s+(?:at|for)\s+{_ORG}"
)
_PLACE_AFTER_ORG = re.compile(rf"^\s+in\s+(?P<place>{_PLACE})")
_LIVE_IN = re.compile(
    rf"\b(?:based\s+(?:in|out\s+of)|I\s+live\s+in|living\s+in|located\s+in"
    rf"|(?:working|work)\s+(?:remotely\s+)?from|I['’]m\s+from)\s+(?P<place>{_PLACE})"
)
_DEGREE = (
    r"(?:Ph\.?\s?D\.?|PhD|doctorate|DPhil|master['’]?s|MSc|M\.Sc\.|MBA|MA|MS|BSc|B\.Sc\.|BA|BS"
    r"|bachelor['’]?s|Bachelor\s+of\s+\w+|Master\s+of\s+\w+|degree|undergrad\w*|postdoc)"
)
_SCHOOL = re.compile(
    rf"(?:\b(?P<degree>{_DEGREE})(?!\w)|\bstudied\b|\bstudying\b|\bgraduated\b|\bgraduate\b|\bmy\s+\w+\s+degree\b)"
    rf"[^.;]*?\b(?:at|from)\s+(?P<school>(?:the\s+)?{_NAME})"
)
# A sentence about the past gives no current role.
_PAST = re.compile(
    r"\b(?:previously|formerly|before\s+that|used\s+to|was|were|had\s+been|until\s+\d{4})\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")
# Capitalised words that start a sentence or a clause but name nothing.
_NOT_NAMES = {"I", "The", "A", "An", "My", "We", "Our", "In", "At", "And", "But", "He", "She"}


@dataclass(frozen=True)
class BioFacts:
    title: str | None = None
    employer: str | None = None
    place: str | None = None
    schools: tuple[str, ...] = field(default_factory=tuple)
    # The degree a sentence names with a school ("I did my PhD at UC Berkeley"), by school.
    degrees: dict[str, str] = field(default_factory=dict)

    @property
    def headline(self) -> str | None:
        if self.title and self.employer:
            return f"{self.title} at {self.employer}"
        return None


def _name(text: str | None) -> str | None:
    """An organisation's or place's name as written, without a leading "the" or a trailing dot."""
    text = clean(text)
    if not text:
        return None
    text = re.sub(r"^the\s+", "", text).rstrip(".,")
    # "Stanford University in 2019": a trailing joiner or number is not part of the name.
    text = re.sub(rf"\s+(?:{_JOINER}|\d+)$", "", text)
    return None if text in _NOT_NAMES else text


def _title(text: str | None) -> str | None:
    text = clean(text)
    if not text:
        return None
    return text[0].upper() + text[1:]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def read_bio(text: str | None) -> BioFacts:
    """The facts of a prose bio; fields it does not state stay None (or empty)."""
    title = employer = place = None
    schools: list[str] = []
    degrees: dict[str, str] = {}
    for sentence in sentences(text or ""):
        past = bool(_PAST.search(sentence))
        if employer is None and not past:
            m = _ROLE.search(sentence)
            if m:
                title, employer = _title(m.group("title")), _name(m.group("org"))
            else:
                m = _WORK_AT.search(sentence)
                if m:
                    employer = _name(m.group("org"))
            if m and employer and place is None:
                after = _PLACE_AFTER_ORG.match(sentence[m.end() :])
                if after:
                    place = _name(after.group("place"))
        if place is None:
            m = _LIVE_IN.search(sentence)
            if m:
                place = _name(m.group("place"))
        for m in _SCHOOL.finditer(sentence):
            school = _name(m.group("school"))
            if school and school not in schools:
                schools.append(school)
                if m.group("degree") and m.group("degree").lower() not in ("degree", "postdoc"):
                    degrees[school] = m.group("degree")
    return BioFacts(title, employer, place, tuple(schools), degrees)
