"""Is one organisation name the initials of another? ("NUI Galway" and "National University of
Ireland, Galway"; "TCS" and "Tata Consultancy Services"; "UofT" and "University of Toronto".)

The rule is structural and knows no organisation: a short form's letters must be the initials of
the long form's significant words, in order, every significant word used once. "Of", "the",
"and" (and their equivalents in other languages) may give a letter or none ("UOT" and "UT" are
both "University of Texas"), and so may a legal word ("Corporation" gives HSBC its C). A
camel-case short form may abbreviate a word by its beginning ("UPenn", "IISc"). Schwartz and
Hearst's algorithm (PSB 2003) finds abbreviations in running text more loosely (any letters in
order); here two names are compared and a false friend costs more than a miss, so every
significant word must give its initial.

What is left after the letters is the rest: a place or campus ("JNTU Hyderabad", "University of
X, Y campus"). This module only says how two names line up; whether the rests and the two
people's places agree is for ``insights.org_match`` to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .normalize import LEGAL_SUFFIXES, fold

# Words that may give their initial to a short form or not ("NUI" skips "of"; "UofT" spells it).
OPTIONAL_WORDS = frozenset(
    "of the and for at in on de du des la le les di da do dos das del der den die und y e et och "
    "og af fur los las el il lo gli degli dei delle della dello van von zu".split()
)
# Words that say what kind of organisation it is, not which one or where: a rest made only of
# them ("RMIT University", the "Banking Group" of "ANZ") is neither a campus nor a different name.
KIND_WORDS = frozenset(
    "university universitat universite universidad universita universiteit college institute "
    "institut school campus academy polytechnic faculty group holdings company branch main bank "
    "banking".split()
)
# After these a name goes on with its place or campus: "National University of Ireland, Galway",
# "Amrita Vishwa Vidyapeetham - Coimbatore", "University of Texas at Austin".
_SEPARATOR = re.compile(r"\s*,\s*|\s+[-–—|]\s+")
_AT_PLACE = re.compile(r"\s+(?:at|in)\s+(?=[A-Z])")
_BRACKET = re.compile(r"\(([^)]*)\)")
_ALL_CAPS = re.compile(r"^(?:[A-Z]\.?){2,8}$|^[A-Z]+(?:&[A-Z]+)+$")
_CAMEL = re.compile(r"^[A-Z][A-Za-z]{1,9}$")
# "UofT", "UoM": a lowercase "of" (or its "o") between capitals is a part of its own.
_CONNECTORS = frozenset({"of", "and", "o"})
# "U of T", "U. of M.": a "University of" written with its initial alone.
_U_OF = re.compile(r"^U\.?\s+of\s+([A-Z])\.?(?=\s|,|$)")
_CAMEL_PART = re.compile(r"[A-Z](?:(?!(?:of|and|o)[A-Z])[a-z])*|of|and|o")


def acronym_parts(token: str) -> tuple[str, ...]:
    """The parts of a token written as a short form, or () when it reads as a word.

    "NUI" -> n, u, i; "L&T" -> l, &, t; "U.C.L.A." -> u, c, l, a; "UofT" -> u, of, t;
    "UoM" -> u, o, m; "IISc" -> i, i, sc. "DeepMind" and "GitHub" are words: a camel-case short
    form needs at least one capital standing alone (an initial).
    """
    token = token.strip()
    if _ALL_CAPS.match(token):
        return tuple(c.lower() for c in token if c.isalpha() or c == "&")
    if _CAMEL.match(token) and sum(c.isupper() for c in token) >= 2:
        parts = _CAMEL_PART.findall(token)
        if "".join(parts) == token and any(len(p) == 1 for p in parts):
            return tuple(p.lower() for p in parts)
    return ()


@dataclass(frozen=True)
class OrgName:
    """A name as written, split: the organisation's words (``core``), what follows a comma, a
    spaced dash, "at" or "in" (``qualifier``: a place or campus), a leading short form
    (``acronym``, its parts) and short forms given in brackets (``brackets``)."""

    raw: str
    core: tuple[str, ...]
    qualifier: tuple[str, ...]
    acronym: tuple[str, ...] = ()
    acronym_text: str = ""
    after_acronym: tuple[str, ...] = ()
    brackets: tuple[tuple[str, ...], ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return (*self.core, *self.qualifier)


@cache
def parse_org(raw: str) -> OrgName:
    text = _U_OF.sub(r"Uof\1", " ".join((raw or "").split()))
    brackets: list[tuple[str, ...]] = []
    places: list[str] = []
    for inside in _BRACKET.findall(text):
        parts = acronym_parts(inside)
        if parts:
            brackets.append(parts)
        else:
            places.append(inside)
    head, *tails = _SEPARATOR.split(_BRACKET.sub(" ", text).strip())
    at = _AT_PLACE.split(head, maxsplit=1)
    if len(at) == 2:
        head, tails = at[0], [at[1], *tails]
    words = head.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    qualifier = [w for t in [*tails, *places] for w in fold(t).split()]
    # "Meta Platforms, Inc.": a legal form after the comma is no place.
    qualifier = [w for w in qualifier if w not in LEGAL_SUFFIXES]
    acronym = acronym_parts(words[0]) if words else ()
    return OrgName(
        raw=raw,
        core=tuple(fold(" ".join(words)).split()),
        qualifier=tuple(qualifier),
        acronym=acronym,
        acronym_text=words[0] if acronym else "",
        after_acronym=tuple(fold(" ".join(words[1:])).split()) if acronym else (),
        brackets=tuple(brackets),
    )


@dataclass(frozen=True)
class AcronymMatch:
    """How a short form lines up with a long name."""

    short: str  # the short form as written ("NUI")
    long: str  # the long name's words it stands for ("national university of ireland")
    strength: int  # characters the short form matched: 3 for "TCS", 5 for "UPenn"
    short_rest: tuple[str, ...]  # the short name's other words ("galway")
    long_rest: tuple[str, ...]  # the long name's words after the letters
    long_rest_is_qualifier: bool  # that rest came after a comma, "at"... or begins with "and"
    spelled_out: bool = False  # the long name gives the short form itself, in brackets


def _long_core(name: OrgName) -> tuple[str, ...]:
    """A long name's words; a short form inside it counts letter by letter, so that "NUIG"
    lines up with "NUI Galway"."""
    if name.acronym and all(len(p) == 1 for p in name.acronym):
        letters = tuple("and" if p == "&" else p for p in name.acronym)
        return (*letters, *name.after_acronym)
    return name.core


def _ends(parts: tuple[str, ...], words: tuple[str, ...], camel: bool) -> frozenset[int]:
    """Every j such that ``parts`` spell words[:j] by their initials."""

    @cache
    def go(i: int, j: int) -> frozenset[int]:
        if i == len(parts):
            return frozenset({j})
        if j == len(words):
            return frozenset()
        part, word = parts[i], words[j]
        found: set[int] = set()
        if word in OPTIONAL_WORDS or word in LEGAL_SUFFIXES:
            found |= go(i, j + 1)
        if (
            (len(part) == 1 and word[0] == part)
            or (part == "&" and word == "and")
            or (camel and len(part) > 1 and word.startswith(part))
        ):
            found |= go(i + 1, j + 1)
        return frozenset(found)

    return go(0, 0)


def match_acronym(short: str, long: str) -> AcronymMatch | None:
    """How ``short`` (a name that starts with a short form) stands for ``long``, or None.

    Of several line-ups the one leaving the least of the long name unexplained wins.
    """
    s, l_name = parse_org(short), parse_org(long)
    if not s.acronym or not l_name.core:
        return None
    short_rest = (*s.after_acronym, *s.qualifier)
    # The lowercase "of" of "UofM" counts as one letter, not two: "UofM" is as short as "UOM"
    # and as shared (Michigan, Minnesota, Manitoba). The O of "UOIT" is a letter.
    mixed_case = not _ALL_CAPS.match(s.acronym_text)
    strength = sum(1 if mixed_case and p in _CONNECTORS else len(p) for p in s.acronym)
    if s.acronym in l_name.brackets:
        return AcronymMatch(
            s.acronym_text, " ".join(l_name.core), strength, short_rest, l_name.qualifier, True,
            spelled_out=True,
        )  # fmt: skip
    core = _long_core(l_name)
    words = (*core, *l_name.qualifier)
    camel = any(len(p) > 1 and p != "&" for p in s.acronym)
    best: AcronymMatch | None = None
    for end in sorted(_ends(s.acronym, tuple(words), camel)):
        used = words[:end]
        if sum(w not in OPTIONAL_WORDS for w in used) < 2:
            continue  # one word is a name, not initials
        rest = tuple(words[end:])
        candidate = AcronymMatch(
            short=s.acronym_text,
            long=" ".join(used),
            strength=strength,
            short_rest=short_rest,
            long_rest=rest,
            long_rest_is_qualifier=end >= len(core) or rest[0] == "and",
        )
        if best is None or len(meaningful(rest)) < len(meaningful(best.long_rest)):
            best = candidate
    return best


def meaningful(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words of a rest that can name a place, a campus or another organisation."""
    skip = KIND_WORDS | OPTIONAL_WORDS | LEGAL_SUFFIXES
    return tuple(w for w in words if w not in skip)
