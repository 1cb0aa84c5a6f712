"""Grammar rules an opener can be checked against without a parser, for the free-text goals and
asks of #15 (``bench/goal_ask.py``, ``tests/insights/test_goal_ask_grammar.py``).

Each rule names a way a pasted or badly slotted phrase breaks a sentence, as seen when users type
their goal or ask as free text ("so I'd love to I'm hoping to move into ML infra ..."):

- ``length``: a connection note over 300 characters;
- ``sentence_end``: a paragraph that does not end a sentence, or punctuation doubled ("call?.");
- ``mid_sentence_mark``: a question or exclamation mark inside a sentence ("20 min call? about");
- ``lower_i``: the pronoun typed in lower case ("i want");
- ``first_person_in_slot``: a first-person clause where a noun or verb phrase belongs ("open to
  I'd love", "someone who wants to I'm hoping to");
- ``doubled_verb``: two wishes in one clause ("want to hoping to", "would you be open to would
  you be open to"), or a word twice in a row;
- ``verb_in_noun_slot``: a bare verb where a noun phrase belongs ("open to review my resume");
- ``person_mismatch``: "someone ... my" (the user named in the third person, then "my");
- ``article``: "a" before a vowel sound or "an" before a consonant, or no article before a
  singular noun an ask is made of ("open to 20 min call", "ask for quick chat");
- ``long_sentence``: a sentence over 45 words outside quotations;
- ``doubled_time``: two times for one thing ("sometime next month in the next few weeks");
- ``raw_marks``: the user's own shorthand left in ("->", "→", an unmatched bracket, ":").

Quotations (“...”) are the person's own words and are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOTE_LIMIT = 300
MAX_WORDS = 45

_QUOTE = re.compile(r"“[^”]*”")
_I_FORMS = r"(?:I|I'm|I'd|I've|I'll|I am|i|i'm|i'd)"
_SLOT = (
    r"(?:to|for|on|about|into|of|with|towards|toward|someone|wants|want|giving me|consider|"
    r"the|a|an|your|my)"
)
_FIRST_PERSON_IN_SLOT = re.compile(rf"\b{_SLOT}\s+{_I_FORMS}\b")
_WISH = r"(?:want|wants|wanted|hope|hoping|like|love|looking|trying|aiming|planning|keen)"
_DOUBLED_WISH = re.compile(
    rf"\b{_WISH}\s+to\s+(?:\w+\s+)?(?:{_WISH}\b|{_I_FORMS}\b|would\b|could\b|can\b)",
    re.IGNORECASE,
)
_QUESTION_OPENERS = re.compile(
    r"\b(?:would you|could you|can you|could I|can I|will you|would you be open)\b", re.I
)
_NOUN_SLOT = re.compile(
    r"\b(?:be open to|ask for|ask you for|consider|giving me|for your)\s+(?P<word>[A-Za-z']+)"
)
_BARE_VERBS = frozenset(
    """review read look get have give help tell share meet chat talk hop jump grab do make become
    learn find land move see check go take send introduce refer mentor explain advise
    can could would will should may might please""".split()
)
_DOUBLE_WORD = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_A_VOWEL = re.compile(r"\b[Aa]\s+(?P<w>[aeiou]\w*)")
_AN_CONSONANT = re.compile(r"\ban\s+(?P<w>[b-df-hj-np-tv-z]\w*)")
# Vowel letters with a consonant sound and the reverse.
_A_OK = re.compile(r"^(?:one|once|uni|use|usu|eu|ur[aeiou])", re.IGNORECASE)
_AN_OK = re.compile(r"^(?:hour|honest|honou?r|heir)", re.IGNORECASE)
_NO_ARTICLE = re.compile(
    r"\b(?:open to|ask for|ask you for|have|consider|giving me)\s+"
    r"(?:(?:\d+|quick|short|brief|small|\d+-minute)[\w-]*\s+){0,2}(?:mins?\s+)?"
    r"(?:call|chat|coffee|meeting|intro|introduction|referral|question|review|mentor|"
    r"conversation)\b",
    re.IGNORECASE,
)
_PERSON_MISMATCH = re.compile(r"\bsomeone\b[^.?!;,“]*\b(?:my|me|I)\b")
_RAW_MARKS = re.compile(r"->|→|=>|\s:\s|:\s*$|\.\.\.|\b(?:lol|pls|plz|thx)\b", re.IGNORECASE)
_TIME = re.compile(
    r"\b(?:in the next few weeks|in the coming weeks|(?:sometime\s+)?(?:next|this) (?:week|month)"
    r"|sometime)\b",
    re.IGNORECASE,
)
_SIGN = re.compile(r"^(?:best|thanks|thank you|kind regards|all the best),$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    rule: str
    sentence: str


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?:(?<=[.?!])|(?<=[.?!]”))\s+(?=[A-Z“])", paragraph) if s.strip()]


def _unquote(text: str) -> str:
    """Quotations become “Q” (“Q.” when the quoted sentence ends one)."""
    return _QUOTE.sub(lambda m: "“Q.”" if m.group(0)[-2:-1] in ".?!" else "“Q”", text)


def _paragraphs(text: str) -> list[str]:
    """The body: no greeting line, no sign-off and the name under it."""
    out = []
    lines = [p.strip() for p in text.split("\n\n") if p.strip()]
    for p in lines:
        first = p.split("\n")[0]
        if _SIGN.match(first):
            break
        if re.fullmatch(r"(?:Hi|Hello|Dear) [^,\n]+,", p):
            continue
        out.append(p)
    if out and not text.count("\n\n"):  # a connection note: "Hi Anna, we both ..."
        out = [re.sub(r"^(?:Hi|Hello|Dear) [^,\n]+,\s*", "", out[0])]
    return out


def check_grammar(text: str, channel: str = "message") -> list[Problem]:
    """Every rule of the module docstring ``text`` breaks, with the sentence that breaks it."""
    problems: list[Problem] = []
    if channel == "connection_note" and len(text) > NOTE_LIMIT:
        problems.append(Problem("length", f"{len(text)} characters"))
    for paragraph in _paragraphs(text):
        plain_paragraph = _unquote(paragraph).rstrip()
        if not re.search(r"[.?!]”?$", plain_paragraph):
            problems.append(Problem("sentence_end", paragraph))
        for sentence in _sentences(plain_paragraph):
            problems += [Problem(rule, sentence) for rule in _sentence_rules(sentence)]
    return problems


def _sentence_rules(s: str) -> list[str]:
    rules = []
    body = s.rstrip()
    unquoted = body.replace("“Q.”", "").replace("“Q”", "")
    if re.search(r"[?!.,;:][.,;:!?]", unquoted):
        rules.append("sentence_end")
    if re.search(r"[?!]\s+\S", unquoted):
        rules.append("mid_sentence_mark")
    if re.search(r"\bi\b|\bi'[md]\b|\bi've\b", body):
        rules.append("lower_i")
    if _FIRST_PERSON_IN_SLOT.search(body):
        rules.append("first_person_in_slot")
    if (
        _DOUBLED_WISH.search(body)
        or len(_QUESTION_OPENERS.findall(body)) > 1
        or any(m.group(1).lower() not in ("that", "had") for m in _DOUBLE_WORD.finditer(body))
    ):
        rules.append("doubled_verb")
    for match in _NOUN_SLOT.finditer(body):
        if match.group("word").lower() in _BARE_VERBS or match.group("word") in ("I", "I'm"):
            rules.append("verb_in_noun_slot")
            break
    if _PERSON_MISMATCH.search(body):
        rules.append("person_mismatch")
    if (
        any(not _A_OK.match(m.group("w")) for m in _A_VOWEL.finditer(body))
        or any(not _AN_OK.match(m.group("w")) for m in _AN_CONSONANT.finditer(body))
        or _NO_ARTICLE.search(body)
    ):
        rules.append("article")
    if len(_TIME.findall(body)) > 1:
        rules.append("doubled_time")
    if len(body.split()) > MAX_WORDS:
        rules.append("long_sentence")
    if _RAW_MARKS.search(body) or body.count("(") != body.count(")"):
        rules.append("raw_marks")
    return rules


def ask_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that ask (end with "?"), quotations left out."""
    body = _unquote(text)
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+", body) if s.strip().endswith("?")]


def names_goal(sentence: str, goal_text: str, target: str) -> bool:
    """True when ``sentence`` names the goal (its phrase or the field it points at)."""
    low = sentence.lower()
    return any(g and g.lower() in low for g in (goal_text, target))
