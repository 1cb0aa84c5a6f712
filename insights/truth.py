"""The truth check: is every statement of an opener backed by a profile or a post?

It reads an opener as the recipient would, sentence by sentence, knowing only the two profiles
and the posts, not how the opener was made:

- a quotation (“...”) must be the person's words: a post's title or text, or their profile;
- a statement about the user (I, my) may use only words of the user's profile: the one act the
  user may claim without their profile saying so is having read the post ("I read");
- a statement about the person (you, your) may use only words of their profile and posts;
- a shared statement (we, both) and the ask may use words of either;
- no feeling or reason the user never stated ("it stayed with me", "is the reason I am writing");
- every year named is a year one of the profiles shows;
- text from a profile keeps its case ("data Analyst" for "Data Analyst" is a finding).

"Words" are compared by stem, so "forecasts" is backed by "forecast". The frame words our
wording uses are listed in ``FRAME``: each claims nothing by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.forgettable import remembered
from scraper.models import Post, Profile

from .casing import can_lower_initial
from .swap import body_sentences

# Words that carry no claim: pronouns, articles, prepositions, auxiliaries, and the few verbs the
# frames use ("read", "studied", "worked", "start"). Feelings and reasons are not among them.
FRAME = frozenset(
    """
    hi hello dear i i'm im am me my mine we we're are both was were be been being is it its at in
    on of the a an and or to for with from as you you're your yours studied worked work have has
    had volunteer speak read wrote write where which would could should will can if too busy
    reply no worries not don't do does time now good isn't all there start with what how for
    their them short some present moving mentoring giving suggest learn may minute
    someone who wants want joining look open giving give feedback mind next few weeks coming
    recommend reading first profile see understand kind regards best thanks thank goal towards
    working position in see saw post posts writes that this about willing consider by me
    one question your an role like since been ask tell
    """.split()
)
# Feelings and reasons nobody stated: each is a claim about the user's inner life.
FEELINGS = re.compile(
    r"\b(stayed with me|the reason (?:i|that)|caught my (?:eye|attention)|inspir\w*|"
    r"resonat\w*|made me think|i (?:love|loved|admire|enjoyed|was struck)|fascinat\w*|"
    r"excit\w*|passionate|i have been following|been following your|huge fan|"
    r"i have read about|really enjoyed|so much|amazing|impressive)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'’&+.-]*[\w+]|[A-Za-z]")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_QUOTE = re.compile(r"“([^”]*)”")
_GREETING = re.compile(r"^\s*(?:hi|hello|dear)\s+([^,\n]+),", re.IGNORECASE)
_SIGN = re.compile(r"\n\s*(?:best|thanks|thank you|kind regards|all the best),\s*\n(.*)$",
                   re.IGNORECASE | re.DOTALL)  # fmt: skip


@dataclass(frozen=True)
class Finding:
    sentence: str
    kind: str  # "quote", "feeling", "year", "unsupported", "case", "greeting", "sign_off"
    detail: str


def _stem(word: str) -> str:
    from .candidates import _stem as stem

    return stem(word.lower())


def _profile_text(p: Profile) -> str:
    parts = [p.name, p.headline, p.location, p.about, p.goal, p.ask]
    for pos in (*p.experience, *p.volunteering):
        parts += [pos.title, pos.company, pos.location, pos.description, pos.start, pos.end]
    for s in p.education:
        parts += [s.school, s.degree, s.field, s.start, s.end]
    parts += [*p.skills, *p.interests, *p.languages, *p.certifications, *p.projects, *p.awards]
    return "\n".join(x for x in parts if x)


def _posts_text(posts: list[Post]) -> str:
    return "\n".join(f"{p.title or ''}\n{p.text}" for p in posts)


@remembered("vocabularies of texts", 64)
def _vocabulary(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words as written, stems of lower-case words, stems a sentence start may lower)."""
    exact: set[str] = set()
    lower_stems: set[str] = set()
    lowerable: set[str] = set()
    for line in re.split(r"\n|(?<=[.!?])\s+", text):
        words = _WORD.findall(line)
        for i, word in enumerate(words):
            exact.add(word)
            if word.islower() or not word[:1].isalpha():
                lower_stems.add(_stem(word))
            elif i == 0 and can_lower_initial(" ".join(words[:3])):
                lowerable.add(_stem(word))
    return frozenset(exact), frozenset(lower_stems), frozenset(lowerable)


def _backed(word: str, vocab) -> str | None:
    """None when ``word`` is backed by the vocabulary; else why not ("unsupported", "case")."""
    exact, lower_stems, lowerable = vocab
    if word in exact:
        return None
    stem = _stem(word)
    if word.islower():
        if stem in lower_stems or stem in lowerable:
            return None
        # The word exists, but only capitalised where lowering it is wrong ("data Analyst").
        if any(w.lower() == word for w in exact) or any(_stem(w) == stem for w in exact):
            return "case"
        return "unsupported"
    if any(_stem(w) == stem and w[:1].isupper() == word[:1].isupper() for w in exact):
        return None
    return "unsupported"


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def check_opener(
    text: str, me: Profile, them: Profile, posts: list[Post], subject: str | None = None
) -> list[Finding]:
    """Every statement of ``text`` (and its ``subject`` line) that no profile or post backs."""
    findings: list[Finding] = []
    mine, theirs = _profile_text(me), _profile_text(them) + "\n" + _posts_text(posts)
    greeting = _GREETING.match(text)
    if greeting:
        name = greeting.group(1).strip()
        if name not in (them.name or "") and name != "there":
            findings.append(Finding(greeting.group(0), "greeting", f"{name!r} is not their name"))
    sign = _SIGN.search(text)
    if sign and sign.group(1).strip() not in ("", me.name or ""):
        findings.append(Finding(sign.group(0), "sign_off", "signed with another name"))
    body = _SIGN.sub("", _GREETING.sub("", text, count=1))
    sentences = body_sentences(body) + ([subject] if subject else [])
    years = set(_YEAR.findall(mine + "\n" + theirs))
    quotable = _norm(theirs)
    for sentence in sentences:
        for quote in _QUOTE.findall(sentence):
            q = _norm(quote).rstrip("…").strip()
            if q and q not in quotable:
                findings.append(Finding(sentence, "quote", f"“{quote}” is not their words"))
        plain = _QUOTE.sub(" ", sentence)
        feeling = FEELINGS.search(plain)
        if feeling:
            findings.append(Finding(sentence, "feeling", feeling.group(0)))
        for year in _YEAR.findall(plain):
            if year not in years:
                findings.append(Finding(sentence, "year", f"{year} is in neither profile"))
        findings += _words(sentence, plain, mine, theirs)
    return findings


def _source(plain: str, mine: str, theirs: str) -> str:
    words = {w.lower() for w in _WORD.findall(plain)}
    about_me = bool(words & {"i", "i'm", "my", "me", "mine"})
    about_them = bool(words & {"you", "your", "you're", "yours"})
    shared = bool(words & {"we", "both", "we're", "our"})
    if plain.rstrip().endswith("?") or shared or (about_me and about_them):
        return mine + "\n" + theirs
    if about_me:
        return mine
    return theirs


def _words(sentence: str, plain: str, mine: str, theirs: str) -> list[Finding]:
    source = _source(plain, mine, theirs)
    vocab = _vocabulary(source)
    out = []
    # A name whose first letter was lowered ("data Analyst" for "Data Analyst"): each word
    # exists, but not in that case together.
    for first, second in re.findall(r"\b([a-z][\w'-]*) ([A-Z][\w'-]*)", plain):
        written = f"{first[0].upper()}{first[1:]} {second}"
        if written in source and f"{first} {second}" not in source:
            out.append(Finding(sentence, "case", f"{first} {second}"))
    for i, word in enumerate(_WORD.findall(plain.replace("’", "'"))):
        if word.lower() in FRAME or word.lower().rstrip(".") in FRAME or _YEAR.fullmatch(word):
            continue
        verdict = _backed(word.rstrip("."), vocab)
        if verdict == "unsupported" and i == 0 and _backed(word.lower(), vocab) is None:
            verdict = None  # a sentence's own capital
        if verdict:
            out.append(Finding(sentence, verdict, word))
    return out
