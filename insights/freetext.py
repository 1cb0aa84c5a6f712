"""The goal and the ask as users type them, turned into phrases that fit a sentence.

People fill the options page's two fields the way they talk: "I'm hoping to move from payments
into ML infra within the next year or so, ideally somewhere with a strong platform team", "20 min
call?", "feedback on portfolio", "Could you look at my CV?". Pasted into "As someone who wants to
..., would you be open to ...?" such text breaks the sentence. Here it becomes one clean phrase
and the grammatical form it has, so that the frame fits it:

- the first sentence only, the first clause only (", ideally ...", "(a Raft implementation in
  Rust)" and "I'm happy to work around your schedule." are left out, never rewritten);
- the wish said by the frame, not twice ("I want to", "I'd like to", "my goal is to" are taken
  off, "I'm hoping to" becomes the form "hoping to ...", which the frame says as "I'm hoping");
- the pronoun "i" typed in lower case is written "I"; "20 min" is "20-minute"; an arrow
  ("nursing -> health informatics") is "from nursing to health informatics";
- a singular noun goals and asks are made of gets its article ("career change" -> "a career
  change", "call" -> "a call"), and the user's own thing its "my" ("feedback on portfolio").

Nothing is added that the user did not say beyond those function words. What cannot be read
safely (a phrase still holding "I" inside it, a phrase too long for a clause) gives ``None``, and
the opener falls back to a generic frame that names no goal or ask text at all.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# A phrase longer than this is not a clause of a sentence any more, even after cutting.
MAX_WORDS = 14

_LOWER_I = re.compile(r"(?<![\w'’])i(?=(?:['’](?:m|d|ve|ll))?(?![\w'’]))")
_ARROW = re.compile(r"\s*(?:->|→|=>|–>|—>|>)\s*")
_TIME = re.compile(
    r"\s+(?:within|in|over)\s+the\s+next\s+[\w\s-]+$|\s+by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d$"
    r"|\s+(?:or so|eventually|someday|one day|soon)$",
    re.IGNORECASE,
)
# Where an aside starts: what follows qualifies the phrase and is left out.
_ASIDE = re.compile(
    r"\s*(?:[,;(–—]|\s-\s|\s+(?:so|because|since|but|ideally|preferably|maybe|perhaps|possibly|"
    r"hopefully|especially|if you|if possible|when you|whenever)\b).*$",
    re.IGNORECASE,
)
_GOAL_WRAPPERS = (
    # "my goal is to", "goal:", "the plan is to"
    (
        re.compile(
            r"^(?:my\s+)?(?:main\s+|long[- ]term\s+|career\s+)?(?:goal|aim|plan|dream)"
            r"(?:\s+is|:)\s*(?:to\s+)?",
            re.I,
        ),
        "",
    ),  # fmt: skip
    # "I want to", "I'd like to", "I would love to", "I hope to", "want to", "wanna"
    (
        re.compile(
            r"^(?:I\s+|I'd\s+|I\s+would\s+)?(?:really\s+)?(?:want|wanna|would\s+like|"
            r"like|would\s+love|love|hope|plan|aim|intend|need)(?:\s+to)?\s+",
            re.I,
        ),
        "",
    ),  # fmt: skip
    # "I'm hoping to" -> "hoping to"; "I am moving" -> "moving"; "I'm interested in" -> ...
    (re.compile(r"^I(?:'m|\s+am)\s+(?:currently\s+|really\s+)?", re.I), ""),
    (re.compile(r"^to\s+", re.I), ""),
)
# "I am a self-taught developer looking for my first backend role": the participle after an
# introduction of oneself is the goal.
_SELF_INTRO = re.compile(r"^I(?:'m|\s+am)\s+(?:an?|the)\s+[^,]*?\s(?=\w+ing\b)", re.I)
GERUND_VERBS = frozenset(
    """moving transitioning switching pivoting changing heading breaking looking hoping trying
    aiming planning learning building working getting becoming growing starting preparing
    studying going applying figuring exploring seeking hunting returning shifting retraining
    training focusing specialising specializing wanting""".split()
)
BASE_VERBS = frozenset(
    """move become get learn switch transition work find land grow build lead start join break
    change pivot publish ship earn make write teach run manage design specialise specialize focus
    improve master understand figure go do try explore contribute launch found study apply prepare
    level step return retrain own transfer explore open create develop gain""".split()
)
# Nouns a goal or an ask is made of that need an article when they stand alone.
COUNT_NOUNS = frozenset(
    """role job position career change move switch transition pivot promotion internship phd
    degree paper book company startup team title opportunity call chat coffee meeting intro
    introduction referral question review conversation mentor session""".split()
)
# The user's own things: "feedback on portfolio" is feedback on their portfolio.
OWN_THINGS = frozenset(
    """portfolio cv resume résumé draft project application essay thesis code website blog
    plan pitch deck profile""".split()
)
_DETERMINERS = frozenset(
    "a an the my your our some any one two three few this that his her their".split()
)
_WHEN_WORDS = frozenset("sometime next this soon today tomorrow".split())
_PREPOSITIONS = frozenset("in into on at for from to of with about towards toward as by".split())


@dataclass(frozen=True)
class Phrase:
    """A goal or an ask as a clause: its text and its grammatical form.

    ``form``: "gerund" ("moving into data science"), "base" ("move into data science"),
    "adjective" ("interested in climate tech"), "noun" ("a career change into climate tech"),
    "you_verb" (the person is to do it: "look at my CV"), "me_verb" (the user would: "ask you a
    couple of questions")."""

    text: str
    form: str


def tidy(raw: str) -> str:
    """The raw field with its typing fixed: "i" written "I", arrows as "from ... to ...", spaces
    and quotes made plain, and only its first sentence."""
    text = " ".join((raw or "").replace("’", "'").split())
    text = _LOWER_I.sub("I", text)
    first = re.split(r"(?<=[.!?])\s+|\n", text)[0] if text else ""
    text = re.sub(r"^[\s\-*•]+|[\s.!?…]+$", "", first)
    if _ARROW.search(text):
        head, _, rest = text.partition(":")
        if not rest:
            head, rest = "", head
        parts = _ARROW.split(rest.strip())
        if len(parts) == 2 and all(p.strip() for p in parts):
            move = f"from {lower_first(parts[0].strip())} to {parts[1].strip()}"
            text = f"{head.strip()} {move}" if head.strip() else f"moving {move}"
    return text.strip()


def lower_first(text: str) -> str:
    """A sentence's own capital lowered ("Data engineering" -> "data engineering"), a name or an
    acronym kept ("ML infra", "Berlin")."""
    from .casing import lower_initial

    return lower_initial(text)


def _cut(text: str) -> str:
    """The first clause: asides, brackets and time limits left out."""
    cut = _ASIDE.sub("", text).strip()
    if len(cut.split()) >= 1:
        text = cut
    while True:
        shorter = _TIME.sub("", text).strip()
        if shorter == text:
            return text
        text = shorter


def _form(text: str) -> str:
    words = text.split()
    first = words[0].lower()
    after = words[1].lower() if len(words) > 1 else ""
    if first in GERUND_VERBS or (
        first.endswith("ing") and (after in _PREPOSITIONS or after in _DETERMINERS)
    ):
        return "gerund"
    if first in BASE_VERBS:
        return "base"
    if first in ("interested", "keen", "curious", "open", "ready", "eager"):
        return "adjective"
    return "noun"


def with_article(text: str) -> str:
    """ "career change into climate tech" -> "a career change into climate tech": a singular
    noun of ``COUNT_NOUNS`` heading the phrase with no determiner before it."""
    words = text.split()
    if not words or words[0].lower() in _DETERMINERS or re.fullmatch(r"\d+", words[0]):
        return text
    head = []
    for w in words:
        if w.lower() in _PREPOSITIONS:
            break
        head.append(w)
    # The head noun is the last before a preposition, or before "sometime next week".
    head = list(itertools.takewhile(lambda w: w.lower() not in _WHEN_WORDS, head))
    if head and head[-1].lower() in COUNT_NOUNS:
        article = "an" if re.match(r"[aeiou]|8|11-|18-", words[0], re.I) else "a"
        return f"{article} {text}"
    return text


def _own(text: str) -> str:
    """ "feedback on portfolio" -> "feedback on my portfolio" (the user's own thing)."""

    def mine(match: re.Match) -> str:
        return f"{match.group(1)} my {match.group(2)}"

    determiner = "|".join(_DETERMINERS)
    pattern = (rf"\b(on|of|with|at)\s+((?!(?:{determiner})\b)(?:\w+\s+)?(?:"
               + "|".join(OWN_THINGS) + r"))\b")  # fmt: skip
    return re.sub(pattern, mine, text, flags=re.IGNORECASE)


def _fits(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= MAX_WORDS
        and not re.search(r"\bI\b|\bI'm\b|\bI'd\b|[?!:\"“”()\[\]]", text)
        and bool(re.search(r"[A-Za-z]", text))
    )


def goal_phrase(raw: str | None) -> Phrase | None:
    """The goal as a clause (see the module docstring), or None when it cannot be read safely."""
    text = tidy(raw or "")
    if not text:
        return None
    intro = _SELF_INTRO.match(text)
    if intro:
        text = text[intro.end() :]
    for _ in range(3):
        for pattern, repl in _GOAL_WRAPPERS:
            text = pattern.sub(repl, text, count=1)
    text = _cut(lower_first(text))
    if not _fits(text):
        return None
    form = _form(text)
    if form == "noun":
        text = with_article(text)
    return Phrase(text, form)


# ---------------------------------------------------------------- asks

_ASK_WRAPPERS = (
    # "would you be open to", "could you", "can you please"
    (
        re.compile(
            r"^(?:would|could|can|will)\s+you\s+(?:please\s+)?(?:be\s+(?:open|willing|"
            r"up|available)\s+(?:to|for)\s+|consider\s+)?",
            re.I,
        ),
        "you",
    ),  # fmt: skip
    (re.compile(r"^(?:can|could|may)\s+I\s+(?:please\s+)?", re.I), "me"),
    # "I'd love to", "I would like", "would love", "I want", "I'm looking for", "hoping for"
    (
        re.compile(
            r"^(?:I\s+|I'd\s+|I\s+would\s+|would\s+)?(?:really\s+)?(?:love|like|want|need|"
            r"appreciate)\s+",
            re.I,
        ),
        "wish",
    ),  # fmt: skip
    (re.compile(r"^(?:I(?:'m|\s+am)\s+)?(?:looking|hoping|asking)\s+(?:for\s+)?", re.I), "wish"),
    (re.compile(r"^(?:just|maybe|perhaps|please|ideally)\s+", re.I), ""),
)
_MINUTES = re.compile(r"\b(\d+)\s*-?\s*(?:min|mins|minute|minutes)\b\s*(?=call|chat|zoom|"
                      r"meeting|conversation|video)", re.I)  # fmt: skip
YOU_VERBS = frozenset(
    """review read look give share tell help introduce refer mentor check take explain advise
    recommend suggest point send connect walk hop jump meet chat talk""".split()
)
ME_VERBS = frozenset("ask hear pick learn get send show run share talk chat buy".split())
# An ask that says when ("sometime next month") needs no "in the next few weeks".
WHEN = re.compile(
    r"\b(?:next|this|coming)\s+(?:week|month|few|couple)|\bsometime\b|\bsoon\b|\btoday\b|"
    r"\btomorrow\b|\bweekend\b|\b(?:mon|tues|wednes|thurs|fri)day\b",
    re.IGNORECASE,
)
_MENTOR = re.compile(r"^(?:(?:a|an|some)\s+)?mentor(?:ship|ing)?$", re.I)
_QUESTION_WORDS = frozenset(
    "how what why when where which who whom whose is are was were do does did should shall".split()
)
_WONDER = re.compile(
    r"^(?:know|find(?:ing)?\s+out|hear|understand|learn|knowing|hearing|understanding|"
    r"learning)\s+(?=(?:whether|if|what|how|which|when|where|"
    r"why|who)\b)",
    re.I,
)


def ask_phrase(raw: str | None) -> Phrase | None:
    """The ask as a clause: "noun" ("a 20-minute call"), "you_verb" ("look at my CV"),
    "me_verb" ("ask you a couple of questions about your career path"), "mentor"; None when it
    cannot be read safely."""
    text = tidy(raw or "")
    if not text:
        return None
    who = ""
    for _ in range(3):
        for pattern, role in _ASK_WRAPPERS:
            found = pattern.match(text)
            if found:
                text = text[found.end() :]
                who = role or who
    text = lower_first(_cut(text))  # "Quick call ..." inside a sentence is "quick call"
    text = _MINUTES.sub(lambda m: f"{m.group(1)}-minute ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text or not _fits(text):
        return None
    if _MENTOR.match(text):
        return Phrase("mentoring me", "mentor")
    # "I'd like you to review my CV": the person is to do it.
    you_to = re.match(r"^you\s+to\s+", text, re.I)
    if you_to:
        text, who = text[you_to.end() :], "you"
    text = re.sub(r"^to\s+", "", text, flags=re.I)
    # "(I'd love to) know whether X", "(hoping to) find out how X": the person tells me.
    wondering = _WONDER.match(text)
    if wondering:
        text, who = "tell me " + text[wondering.end() :], "you"
    first = text.split()[0].lower() if text else ""
    if who == "me" and first not in ME_VERBS:
        return None  # "can I possibly ...": nothing a frame can say for sure
    if first in ME_VERBS and who != "you":
        return Phrase(text, "me_verb")
    if first in YOU_VERBS:
        return Phrase(text, "you_verb")
    if first in BASE_VERBS or first in ME_VERBS or _is_verb(first) or first in _QUESTION_WORDS:
        return None  # a verb or a question of their own ("how did u get started?"): no noun
    return Phrase(with_article(_own(text)), "noun")


def _is_verb(word: str) -> bool:
    """A word the tagger reads as a verb wherever it stands ("know", "figure"): an ask that
    starts with one is no noun phrase a frame can hold ("would you be open to know ...")."""
    from .tagger import shared_tagger

    tagger = shared_tagger()
    return tagger.tagdict.get(word, "").startswith("VB") or (
        tagger.tag([word])[0] in ("VB", "VBP")
        and tagger.tag(["I", word])[1] in ("VB", "VBP")
        and tagger.tag(["a", word])[1].startswith("VB")
    )
