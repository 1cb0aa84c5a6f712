"""Sentences and word tokens of English prose, by regular expressions.

NLTK's punkt models cannot be downloaded here, and the tagger we use (insights/tagger.py) was
trained on Penn Treebank tokens, so this follows PTB conventions where they matter for tagging:
contractions split ("do" "n't"), possessive "'s" split off, hyphenated compounds kept whole.
"""

from __future__ import annotations

import re

# Words that end with a period without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st vs etc e.g i.e cf al fig figs eq no nos vol pp approx inc ltd
    co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k ph.d
    """.split()
)

# A sentence ends at . ! or ? (plus closing quotes/brackets) followed by space and something
# that can start a sentence. Line breaks always end a sentence: blog text keeps one paragraph,
# heading or list item per line, and those rarely end with a period.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]\u201d\u2019]*\s+(?=[\"'(\[\u201c\u2018]?[A-Z0-9])")
_LINES = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"\s+")

_TOKEN = re.compile(
    r"""
    https?://\S+[\w/]            # a URL, one token
    | n't\b                      # split contraction: do|n't
    | '(?:s|re|ve|ll|d|m)\b      # split clitic: it|'s, we|'re
    | \w+(?:[-_/.&+]\w+)*        # node.js, highway-in-the-sky, CI/CD, AT&T
      (?:\+\+|\#)?               # C++, C#
    | \.\.\.|--|[^\w\s]          # punctuation, one character at a time
    """,
    re.VERBOSE,
)
_CONTRACTION = re.compile(r"(\w)(n't|'(?:s|re|ve|ll|d|m))\b", re.IGNORECASE)
_CURLY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, whitespace collapsed, in order."""
    sentences: list[str] = []
    for line in _LINES.split(text):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            continue
        start = 0
        for match in _SENTENCE_END.finditer(line):
            candidate = line[start : match.start()]
            last_word = candidate.rsplit(" ", 1)[-1].rstrip(".").lower()
            # "e.g. Spark" or "Dr. Smith": not the end of a sentence; neither is "A." in "J. R. R."
            if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
                continue
            sentences.append(candidate.strip())
            start = match.end()
        rest = line[start:].strip()
        if rest:
            sentences.append(rest)
    return sentences


def tokenize(sentence: str) -> list[str]:
    """Word and punctuation tokens of one sentence, PTB style."""
    sentence = _CONTRACTION.sub(r"\1 \2", sentence.translate(_CURLY))
    tokens: list[str] = []
    for token in _TOKEN.findall(sentence):
        # PTB keeps the period of an abbreviation with it: "Dr.", "e.g.", "Inc."
        if token == "." and tokens and tokens[-1].lower() in ABBREVIATIONS:
            tokens[-1] += "."
        else:
            tokens.append(token)
    return tokens


# A post states its subject in its title and first paragraph. The vector keyphrases are ranked
# against, and the one posts are first compared by, is this many words from the start. On all
# 1,000 Inspec train abstracts (16 candidates, the weights in insights/topics.py), F1@10 is
# 37.50 with 64 words, 37.93 with 96, 38.15 with 128 and 37.91 with the whole abstract. The
# price, measured side by side in one process: an Inspec abstract takes 1.02x (machine load 6)
# to 1.2x (load 2) the time with 96 words as with 64, and the topics of twenty 1,000-word
# posts 1.3x (1.15-1.27 s against 0.87-0.89 s, load 2): their ledes are most of that work.
# For those twenty posts it is 2.5k tokens to embed instead of 26k for the whole texts.
LEDE_WORDS = 96


def lede(title: str | None, text: str | None) -> str:
    """The title and the first ``LEDE_WORDS`` words of a post (all of a shorter one)."""
    words = f"{(title or '').strip()}\n{text or ''}".split()
    return " ".join(words[:LEDE_WORDS])
