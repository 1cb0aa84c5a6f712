"""Keyphrase candidates: the noun phrases a text really contains, never invented n-grams.

KeyBERT's default CountVectorizer proposes every n-gram left after stop-word removal, which
makes phrases the text never says ("store feature store") and spends most of the time
embedding them. Here a candidate is a run of adjectives and nouns ending in a noun, found by
the part-of-speech tagger; when the tagger cannot be loaded, n-grams cut at stop words and
punctuation stand in. Spellings of one phrase ("feature store", "Feature stores") are merged
under their Porter-stemmed key before anything is embedded.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from nltk.stem import PorterStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from insights.embed import ModelError
from insights.text import split_sentences, tokenize
from scraper.forgettable import clear_on_forget

logger = logging.getLogger(__name__)

MAX_WORDS = 5
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# Modifiers that may precede the head noun. VBG/VBN cover "machine learning pipelines" and
# "distributed systems", which the tagger reads as verb forms.
MODIFIER_TAGS = NOUN_TAGS | {"JJ", "JJR", "JJS", "VBG", "VBN"}
# Adjectives that say how much or which one, not what about: trimmed from a phrase's start.
VAGUE_WORDS = frozenset(
    """
    new other several various such many different same certain own main given particular
    previous recent current real first second third last next few more most much additional
    further general important possible simple specific proposed existing based using
    lot lots way ways thing things kind kinds sort time times year years day days part parts
    example examples case cases number numbers paper use uses approach approaches result results
    """.split()
)
_VERBAL = frozenset({"RB", "RBR", "VB", "VBD", "VBP", "VBZ", "MD", "PRP", "NN", "NNS"})
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "n't", "'s", "'re", "'ve", "'ll", "'d"}
_WORDLIKE = re.compile(r"[A-Za-z]")


@dataclass
class Candidate:
    """One phrase of a text with every spelling of it merged."""

    key: str  # Porter-stemmed, lowercase: what spellings are merged on
    phrase: str  # the spelling shown and embedded
    count: int = 0
    first_position: int = 0  # index of the first word of its first occurrence
    sentence: str = ""  # the first sentence it occurs in (the evidence)
    spellings: dict[str, int] = field(default_factory=dict)
    # One everyday word ("idea", "time", "training"): the words the tagger has weights of its
    # own for (frequent in its news training text) are our list of them. Ranking holds such a
    # word back against real phrases (+0.4 F1@10 on Inspec train).
    common_word: bool = False


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stem(word)


_STEMMER = PorterStemmer()
# Words of the texts analysed: too hot for a lock per word, so forgetting anyone clears them all.
clear_on_forget(_stem.cache_clear)


def phrase_key(phrase: str) -> str:
    """The stemmed key spellings are merged on: "Feature Stores" -> "featur store"."""
    return " ".join(_stem(w) for w in phrase.lower().split())


def _display(word: str, tag: str) -> str:
    # Keep names and acronyms as written; lowercase the rest so that a sentence-initial
    # "Feature stores" and a mid-sentence "feature stores" are one spelling.
    if tag in ("NNP", "NNPS") or (len(word) > 1 and word.isupper()):
        return word
    return word.lower()


def _usable(word: str) -> bool:
    return len(word) > 1 and bool(_WORDLIKE.search(word)) and word.lower() not in STOP_WORDS


def _noun_phrases(words: list[str], tags: list[str]) -> list[tuple[int, int]]:
    """(start, end) spans of adjective/noun runs that end in a noun, at most MAX_WORDS long."""
    spans = []
    i = 0
    while i < len(words):
        if tags[i] not in MODIFIER_TAGS or not _usable(words[i]):
            i += 1
            continue
        j = i
        seen_noun = False
        while j < len(words) and tags[j] in MODIFIER_TAGS and _usable(words[j]):
            # A participle after a noun is the verb ("students fitted models"), not a modifier
            # ("fitted models"); gerunds may follow a noun ("machine learning"). Breaking at
            # adjectives too cost 0.5 F1@10 on Inspec train, so they stay.
            if seen_noun and tags[j] == "VBN":
                break
            seen_noun = seen_noun or tags[j] in NOUN_TAGS
            j += 1
        end = j
        while end > i and tags[end - 1] not in NOUN_TAGS:
            end -= 1
        start = i
        while start < end and (words[start].lower() in VAGUE_WORDS or tags[start] == "VBG"):
            start += 1
        # "had seen hypothesis testing": a participle after a verb, adverb or noun belongs to
        # the verb; after "the", "of" or the start of the sentence it modifies ("the trained
        # model").
        if start < end - 1 and tags[start] == "VBN" and start > 0 and tags[start - 1] in _VERBAL:
            start += 1
        if end > start:
            spans.append((max(start, end - MAX_WORDS), end))
        i = j
    return spans


def _stopword_ngrams(words: list[str]) -> list[tuple[int, int]]:
    """Fallback without a tagger: runs between stop words and punctuation, up to 3 words."""
    spans = []
    run_start = None
    for i, word in enumerate([*words, "."]):
        if _usable(word) and word.lower() not in VAGUE_WORDS:
            if run_start is None:
                run_start = i
            continue
        if run_start is not None:
            for start in range(run_start, i):
                for end in range(start + 1, min(i, start + 3) + 1):
                    spans.append((start, end))
            run_start = None
    return spans


def _count_known(
    words: list[str], known: dict[tuple[str, ...], Candidate], longest: dict[str, int]
) -> None:
    """Add the occurrences in ``words`` of phrases already found (longest match first);
    ``longest`` is ``_longest_by_first_word(known)``."""
    lower = [w.lower() for w in words]
    i = 0
    while i < len(lower):
        for n in range(min(longest.get(lower[i], 0), len(lower) - i), 0, -1):
            candidate = known.get(tuple(lower[i : i + n]))
            if candidate is not None:
                candidate.count += 1
                i += n
                break
        else:
            i += 1


def _longest_by_first_word(known: dict[tuple[str, ...], Candidate]) -> dict[str, int]:
    """For each word that starts a known phrase, the length of the longest such phrase: most
    words start none, and are passed over with one lookup."""
    longest: dict[str, int] = {}
    for words in known:
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


def _tagger():
    from insights.tagger import shared_tagger

    try:
        return shared_tagger()
    except ModelError as exc:
        logger.warning("No part-of-speech tagger (%s); using stop-word n-grams instead", exc)
        return None


def extract_candidates(
    text: str, use_tagger: bool = True, tag_words: int | None = None
) -> list[Candidate]:
    """The distinct phrases of ``text`` in order of first occurrence.

    ``tag_words``: tag only about that many words from the start; after them, the phrases
    already found are counted where they recur, untagged (tagging is most of the cost of a long
    post, and its subject is named early).
    """
    tagger = _tagger() if use_tagger else None
    found: dict[str, Candidate] = {}
    by_words: dict[tuple[str, ...], Candidate] = {}
    sentences = [(sentence, tokenize(sentence)) for sentence in split_sentences(text)]
    # The sentences that start within the first ``tag_words`` words are tagged, in one batch.
    tagged = len(sentences)
    if tag_words is not None:
        position = 0
        for n, (_, words) in enumerate(sentences):
            if position >= tag_words:
                tagged = n
                break
            position += len(words)
    if tagger is not None:
        all_tags = tagger.tag_sentences([words for _, words in sentences[:tagged]])
    else:
        all_tags = [["NN"] * len(words) for _, words in sentences[:tagged]]
    position = 0
    longest: dict[str, int] = {}
    for n, (sentence, words) in enumerate(sentences):
        if n >= tagged:
            # After the tagged start, the phrases found there are only counted where they recur.
            longest = longest or _longest_by_first_word(by_words)
            _count_known(words, by_words, longest)
            position += len(words)
            continue
        tags = all_tags[n]
        spans = _noun_phrases(words, tags) if tagger is not None else _stopword_ngrams(words)
        for start, end in spans:
            pairs = zip(words[start:end], tags[start:end], strict=True)
            spelling = " ".join(_display(w, t) for w, t in pairs)
            key = phrase_key(spelling)
            candidate = found.get(key)
            if candidate is None:
                candidate = found[key] = Candidate(
                    key=key, phrase=spelling, first_position=position + start, sentence=sentence
                )
            candidate.count += 1
            candidate.spellings[spelling] = candidate.spellings.get(spelling, 0) + 1
            by_words.setdefault(tuple(w.lower() for w in words[start:end]), candidate)
        position += len(words)
    for candidate in found.values():
        # The most frequent spelling wins; on a tie, the one seen first.
        candidate.phrase = max(candidate.spellings.items(), key=lambda item: item[1])[0]
        # Names and acronyms as written ("PyMC", "Kubernetes") are never everyday words.
        candidate.common_word = (
            tagger is not None
            and " " not in candidate.phrase
            and candidate.phrase.islower()
            and tagger.is_everyday_word(candidate.phrase)
        )
    return list(found.values())
