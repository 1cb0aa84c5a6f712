"""Part-of-speech tags from the averaged perceptron shipped in ``textblob-aptagger`` 0.2.0.

We read only its weights file (the package is installed without dependencies and never
imported): a pickle of ``(weights, tagdict, classes)`` in Penn Treebank tags. A pickle can run
code when loaded, so it is checked against a pinned sha256 and read with an unpickler that
allows nothing but the builtin ``set``.

The model is Honnibal's greedy averaged perceptron with NLTK's ``PerceptronTagger`` features,
and tags exactly as NLTK does (tests/insights/test_tagger.py compares the two). Tagging word
by word with a dictionary of weights per feature, as NLTK does, was the largest single cost of a
blog's topics. Here the weights become one array, and the features are split by what each
depends on (60,000 words of Inspec: 0.5 s instead of 3.5 s, measured side by side):

- nine features depend only on the words around a word (its suffix, its neighbours): their
  rows are gathered and summed for every word of a text at once;
- four depend on the two tags just chosen (``i-1 tag``, ``i-2 tag``, both, and the bias): a
  table of their sums for every pair of previous tags is built once, at load;
- one, ``i-1 tag+i word``, depends on both; it is looked up word by word.

The greedy loop then adds three rows and takes an argmax per word.
"""

from __future__ import annotations

import importlib.util
import logging
import pickle
import threading
from itertools import repeat
from pathlib import Path

import numpy as np

from insights.embed import ModelError, sha256_of

logger = logging.getLogger(__name__)

WEIGHTS_FILE = "trontagger-0.1.0.pickle"
WEIGHTS_SHA256 = "1109164b3d28dce58f96b763128bab2fd8754c3921fd3330de2724ac6d1ada7c"
PACKAGE = "textblob-aptagger==0.2.0"
_START = ("-START-", "-START2-")
_END = ("-END-", "-END2-")
# Words whose feature rows are remembered between texts (a few MB at most).
_CACHE_WORDS = 50_000


class _SetsOnlyUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if module in ("builtins", "__builtin__") and name == "set":
            return set
        raise pickle.UnpicklingError(f"refusing to load {module}.{name} from the tagger weights")


def default_weights_path() -> Path:
    spec = importlib.util.find_spec("textblob_aptagger")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"The part-of-speech tagger weights are not installed. Install them with: "
            f"pip install --no-deps {PACKAGE}"
        )
    return Path(next(iter(spec.submodule_search_locations))) / WEIGHTS_FILE


def load_weights(path: Path) -> tuple[dict[str, dict[str, float]], dict[str, str], set[str]]:
    """``(weights, tagdict, classes)`` from the pinned pickle; ModelError if it is not that."""
    if not path.is_file():
        raise ModelError(
            f"The tagger weights are missing ({path}). Reinstall them with: "
            f"pip install --force-reinstall --no-deps {PACKAGE}"
        )
    if sha256_of(path) != WEIGHTS_SHA256:
        raise ModelError(
            f"The tagger weights at {path} are not the pinned file. Reinstall them with: "
            f"pip install --force-reinstall --no-deps {PACKAGE}"
        )
    with open(path, "rb") as handle:
        return _SetsOnlyUnpickler(handle, encoding="latin1").load()


def _normalize(word: str) -> str:
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class PerceptronTagger:
    """Penn Treebank tags for tokenised sentences: ``tag(["Feature", "stores"])``."""

    def __init__(self, weights_path: Path | None = None) -> None:
        weights, tagdict, classes = load_weights(weights_path or default_weights_path())
        self.tagdict: dict[str, str] = tagdict
        # NLTK breaks ties by the larger label; argmax takes the first of equal scores, so the
        # labels are kept in descending order.
        self.classes: list[str] = sorted(classes, reverse=True)
        column = {label: i for i, label in enumerate(self.classes)}
        # Every feature is a row of one matrix; row 0 is empty, for a feature the model never
        # saw. float32 tags the same as NLTK's float64 sums (measured on 60,000 words).
        self._row: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        for number, (feature, labels) in enumerate(weights.items(), start=1):
            self._row[feature] = number
            rows.extend(repeat(number, len(labels)))
            cols.extend(map(column.__getitem__, labels))
            values.extend(labels.values())
        self._weights = np.zeros((len(weights) + 1, len(self.classes)), dtype=np.float32)
        self._weights[rows, cols] = values
        # The sums of the features that depend on the previous two tags only, for every pair.
        tags = [*self.classes, *_START]
        self._tag_index = {tag: i for i, tag in enumerate(tags)}

        def row(feature: str) -> np.ndarray:
            return self._weights[self._row.get(feature, 0)].astype(np.float64)

        one = np.stack([row(f"i-1 tag {t}") for t in tags])
        two = np.stack([row(f"i-2 tag {t}") for t in tags])
        pairs = np.stack([np.stack([row(f"i tag+i-2 tag {a} {b}") for b in tags]) for a in tags])
        self._by_tags = row("bias") + one[:, None, :] + two[None, :, :] + pairs
        self._known_words = {f[len("i word ") :] for f in weights if f.startswith("i word ")}
        self._word_rows: dict[str, tuple[int, int, int]] = {}
        self._normal: dict[str, str] = {}
        self._context_rows: dict[str, tuple[int, int, int, int, int, int]] = {}

    def is_everyday_word(self, word: str) -> bool:
        """A word frequent enough in the tagger's training news text to have its own weights
        ("training", "time"): as a keyphrase on its own it says little about a post."""
        return word.lower() in self.tagdict or _normalize(word) in self._known_words

    def tag(self, words: list[str]) -> list[str]:
        """The tags of one sentence's tokens."""
        return self.tag_sentences([words])[0]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """The tags of several sentences: their word features are summed in one product."""
        tagdict = self.tagdict
        contexts = [[*_START, *map(self._normalized, words), *_END] for words in sentences]
        # Rows of the word-only features, for the words the tag dictionary does not settle.
        rows: list[tuple[int, ...]] = []
        for words, context in zip(sentences, contexts, strict=True):
            for i, word in enumerate(words):
                if word not in tagdict:
                    rows.append(self._feature_rows(word, context, i + 2))
        static = self._sum_rows(rows)
        tagged = []
        at = 0
        by_tags, classes, index = self._by_tags, self.classes, self._tag_index
        row, weights = self._row, self._weights
        for words, context in zip(sentences, contexts, strict=True):
            tags: list[str] = []
            prev, prev2 = _START
            for i, word in enumerate(words):
                tag = tagdict.get(word)
                if tag is None:
                    scores = static[at] + by_tags[index[prev], index[prev2]]
                    at += 1
                    both = row.get("i-1 tag+i word " + prev + " " + context[i + 2])
                    if both is not None:
                        scores += weights[both]
                    tag = classes[scores.argmax()]
                tags.append(tag)
                prev2, prev = prev, tag
            tagged.append(tags)
        return tagged

    def _sum_rows(self, rows: list[tuple[int, ...]]) -> np.ndarray:
        if not rows:
            return np.zeros((0, len(self.classes)))
        ids = np.array(rows, dtype=np.intp)
        static = self._weights[ids[:, 0]].astype(np.float64)
        for k in range(1, ids.shape[1]):
            static += self._weights[ids[:, k]]
        return static

    def _normalized(self, word: str) -> str:
        found = self._normal.get(word)
        if found is None:
            if len(self._normal) > _CACHE_WORDS:
                self._normal.clear()
            found = self._normal[word] = _normalize(word)
        return found

    def _feature_rows(self, word: str, context: list[str], c: int) -> tuple[int, ...]:
        own = self._word_rows.get(word)
        if own is None:
            get = self._row.get
            if len(self._word_rows) > _CACHE_WORDS:
                self._word_rows.clear()
            own = self._word_rows[word] = (
                get("i suffix " + word[-3:], 0),
                get("i pref1 " + word[0], 0) if word else 0,
                get("i word " + context[c], 0),
            )
        before, before2 = self._context_of(context[c - 1]), self._context_of(context[c - 2])
        after, after2 = self._context_of(context[c + 1]), self._context_of(context[c + 2])
        return (*own, before[0], before[1], before2[2], after[3], after[4], after2[5])

    def _context_of(self, normalized: str) -> tuple[int, int, int, int, int, int]:
        """Row ids of the features a word sets when it is a neighbour (i-1, i-2, i+1, i+2)."""
        found = self._context_rows.get(normalized)
        if found is None:
            get = self._row.get
            if len(self._context_rows) > _CACHE_WORDS:
                self._context_rows.clear()
            found = self._context_rows[normalized] = (
                get("i-1 word " + normalized, 0),
                get("i-1 suffix " + normalized[-3:], 0),
                get("i-2 word " + normalized, 0),
                get("i+1 word " + normalized, 0),
                get("i+1 suffix " + normalized[-3:], 0),
                get("i+2 word " + normalized, 0),
            )
        return found


_shared: PerceptronTagger | None = None
_shared_lock = threading.Lock()


def shared_tagger() -> PerceptronTagger:
    """The process-wide tagger, loaded on first use (8 MB on disk)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = PerceptronTagger()
            logger.info("Loaded the part-of-speech tagger")
        return _shared
