"""The mentee's goal and ask: what they are working towards, and what they want from this person.

Both come from the user's own profile (``Profile.goal``, ``Profile.ask``). When the goal is
empty it is read from the headline or the about text, where people write it ("Analyst moving
into data science"), and kept in their words, so that the opener can say it truthfully. When the
ask is empty the opener asks one question about the post, which a busy person can answer in one
reply: the smallest ask there is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.models import Profile

from .casing import lower_initial
from .freetext import ask_phrase, goal_phrase
from .text import split_sentences

# How people write a goal in a headline or an about text: a move ("moving into data science",
# "transitioning from teaching to UX"), a wish ("who wants to work on compilers", "looking to
# move into engineering management"), an aim ("aspiring product manager").
_GOAL = re.compile(
    r"\b(?P<goal>"
    r"(?:(?:(?:looking|hoping|aiming|trying|keen) to|(?:who )?wants? to|would like to) "
    r"(?:move|switch|transition|pivot|get|break|grow|work|go)"
    r"|moving|transitioning|switching|pivoting|changing careers|heading|breaking)"
    r"(?: from [^,.;:|()]{2,40}?)?"
    r" (?:into|to|towards|toward|on|in) "
    r"(?P<target>[^,.;:|()!?]{3,60})"
    r")",
    re.IGNORECASE,
)
_ASPIRING = re.compile(r"\b(?P<goal>aspiring (?P<target>[^,.;:|()!?]{3,50}))", re.IGNORECASE)
# Words after which a target stops being the field ("data science at a startup" -> the field
# is "data science"); the goal text keeps them.
_TARGET_END = re.compile(r"\s+(?:at|with|for|and|while|after|by|so|because|who|where)\s.*$")
# A goal the options page was given starts with a verb people use for a goal, or with "to".
_BASE_VERBS = frozenset(
    """move become get learn switch transition work find land grow build lead start join break
    change pivot publish ship earn make write teach run manage design specialise specialize focus
    improve master understand""".split()
)

ASK_KINDS = ("question", "call", "feedback", "intro", "mentor", "other")
_ASK_KIND = (
    ("call", re.compile(r"\b(call|chat|zoom|meet|meeting|coffee|minutes?|talk)\b", re.I)),
    (
        "feedback",
        re.compile(
            r"\b(feedback|review|look at|read (?:my|a)|portfolio|cv|resume|"
            r"résumé|draft|critique)\b",
            re.I,
        ),
    ),  # fmt: skip
    ("intro", re.compile(r"\b(intro|introduction|introduce|referral|refer)\b", re.I)),
    ("question", re.compile(r"\bquestion\b", re.I)),
)


_THIRD_PERSON = (("my", "their"), ("me", "them"), ("myself", "themselves"), ("mine", "theirs"))


@dataclass(frozen=True)
class Goal:
    """What the user works towards, as a clause in their words, and the field it points at."""

    text: str  # "moving into data science", "move from analytics into data science"
    target: str  # "data science": what an ask can be about
    source: str  # "profile" (the user gave it), "headline" or "about"
    form: str = ""  # "gerund", "base", "adjective", "noun" or "aspiring"; "" to read from text

    def _form(self) -> str:
        if self.form:
            return self.form
        first = self.text.split()[0].lower()
        if first == "aspiring":
            return "aspiring"
        if first.endswith("ing"):
            return "gerund"
        if first == "to":
            return "to"
        if first in _BASE_VERBS:
            return "base"
        return "noun"

    def as_sentence(self) -> str:
        """The goal in the user's voice, with their words kept as written."""
        return {
            "aspiring": f"I'm an {self.text}.",
            "gerund": f"I'm {self.text}.",
            "adjective": f"I'm {self.text}.",
            "to": f"I want {self.text}.",
            "base": f"I want to {self.text}.",
            "noun": f"I'm working towards {self.text}.",
        }[self._form()]

    def as_someone(self) -> str:
        """ "someone moving into data science": the user, named by the goal, inside a question
        ("my first backend role" is "their first backend role" there)."""
        text = self.text
        for mine, theirs in _THIRD_PERSON:
            text = re.sub(rf"\b{mine}\b", theirs, text)
        return {
            "aspiring": f"an {text}",
            "gerund": f"someone {text}",
            "adjective": f"someone {text}",
            "to": f"someone who wants {text}",
            "base": f"someone who wants to {text}",
            "noun": f"someone working towards {text}",
        }[self._form()]

    def named_in(self, sentence: str) -> bool:
        """True when ``sentence`` names this goal (its clause or the field it points at)."""
        low = sentence.lower()
        return any(g.lower() in low for g in (self.text, self.target, self.as_someone()) if g)


@dataclass(frozen=True)
class Ask:
    """What the user wants from the person, as a clause (``freetext.ask_phrase``), or the default
    (one question about the post)."""

    text: str  # "a 20-minute call", "feedback on my portfolio", "look at my CV"; "" for the default
    kind: str  # one of ASK_KINDS
    given: bool  # False when it is the default
    form: str = "noun"  # "noun", "you_verb", "me_verb" or "mentor" (see ``freetext.Phrase``)


DEFAULT_ASK = Ask("", "question", False)


def _clean_target(target: str) -> str:
    target = _TARGET_END.sub("", target.strip())
    return target.strip(" -–—").removeprefix("a ").removeprefix("an ").strip()


def _wish_to_gerund(goal: str) -> str:
    """ "who wants to work on compilers" -> "work on compilers": the wish is said by the frame
    ("I want to work on compilers"), the user's words stay."""
    return re.sub(r"^(?:who )?wants? to ", "", goal, flags=re.IGNORECASE)


def goal_from_text(text: str | None, source: str) -> Goal | None:
    """The first goal a headline or an about text states, in its own words."""
    for sentence in split_sentences(text or ""):
        for pattern in (_GOAL, _ASPIRING):
            match = pattern.search(sentence)
            if not match:
                continue
            goal = match.group("goal").strip().rstrip(".")
            target = _clean_target(match.group("target"))
            if len(target) < 3:
                continue
            if pattern is _ASPIRING:
                goal = f"{match.group(0).split()[0]} {target}"
            return Goal(lower_initial(_wish_to_gerund(goal)), target, source)
    return None


def infer_goal(me: Profile) -> Goal | None:
    """The user's goal: the one they gave, as a clean clause (``freetext.goal_phrase``), else the
    one their headline or about states. A given goal that cannot be read safely is not pasted:
    the headline's or the about's goal is used, or none."""
    if me.goal and me.goal.strip():
        phrase = goal_phrase(me.goal)
        if phrase is not None:
            found = goal_from_text(phrase.text, "profile")
            target = found.target if found else _clean_target(phrase.text)
            return Goal(phrase.text, target, "profile", phrase.form)
    return goal_from_text(me.headline, "headline") or goal_from_text(me.about, "about")


def infer_ask(me: Profile) -> Ask:
    """The user's ask as a clause, sorted into a kind the opener knows how to phrase; the default
    is one question about the post, answerable in a reply. An ask that cannot be read safely
    keeps its kind ("a short call", "some feedback") but none of its words."""
    raw = (me.ask or "").strip()
    if not raw:
        return DEFAULT_ASK
    phrase = ask_phrase(raw)
    kind = next((k for k, pattern in _ASK_KIND if pattern.search(raw)), "other")
    if phrase is None:
        return _GENERIC_ASKS.get(kind, DEFAULT_ASK)
    if phrase.form == "mentor":
        kind = "mentor"
    return Ask(phrase.text, kind, True, phrase.form)


# What an ask that cannot be read safely becomes: its kind, in words that claim nothing more.
_GENERIC_ASKS = {
    "call": Ask("a short call", "call", True),
    "feedback": Ask("some feedback", "feedback", True),
}
