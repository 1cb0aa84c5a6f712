"""Part-of-speech tags from the averaged perceptron shipped in ``textblob-aptagger`` 0.2.0.

We read only its weights file (the package is installed without dependencies and never
imported): a pickle of ``(weights, tagdict, classes)`` in Penn Treebank tags. A pickle can run
code when loaded, so it is checked against a pinned sha256 and read with an unpickler that
allows nothing but the builtin ``set``. The tagging code is Honnibal's greedy averaged
perceptron (the same features as NLTK's ``PerceptronTagger``), written here without the
per-token dictionaries, which makes it about twice as fast.
"""

from __future__ import annotations

import importlib.util
import logging
import pickle
import threading
from pathlib import Path

from insights.embed import ModelError, sha256_of

logger = logging.getLogger(__name__)

WEIGHTS_FILE = "trontagger-0.1.0.pickle"
WEIGHTS_SHA256 = "1109164b3d28dce58f96b763128bab2fd8754c3921fd3330de2724ac6d1ada7c"
PACKAGE = "textblob-aptagger==0.2.0"
_START = ("-START-", "-START2-")
_END = ("-END-", "-END2-")


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


def _normalize(word: str) -> str:
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class PerceptronTagger:
    """Penn Treebank tags for a tokenised sentence: ``tag(["Feature", "stores"])``."""

    def __init__(self, weights_path: Path | None = None) -> None:
        path = weights_path or default_weights_path()
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
            weights, tagdict, classes = _SetsOnlyUnpickler(handle, encoding="latin1").load()
        self.weights: dict[str, dict[str, float]] = weights
        self.tagdict: dict[str, str] = tagdict
        # Ties broken by label, as NLTK does, so that tagging is deterministic.
        self.classes = sorted(classes)

    def _predict(self, features: list[str]) -> str:
        scores: dict[str, float] = {}
        weights = self.weights
        for feature in features:
            row = weights.get(feature)
            if row:
                for label, weight in row.items():
                    scores[label] = scores.get(label, 0.0) + weight
        if not scores:
            return "NN"
        return max(scores.items(), key=lambda item: (item[1], item[0]))[0]

    def is_everyday_word(self, word: str) -> bool:
        """A word frequent enough in the tagger's training news text to have its own weights
        ("training", "time"): as a keyphrase on its own it says little about a post."""
        lower = word.lower()
        return lower in self.tagdict or f"i word {_normalize(word)}" in self.weights

    def tag(self, words: list[str]) -> list[str]:
        context = [*_START, *(_normalize(w) for w in words), *_END]
        prev, prev2 = _START
        tags: list[str] = []
        for i, word in enumerate(words):
            tag = self.tagdict.get(word)
            if not tag:
                c = i + 2
                here = context[c]
                tag = self._predict(
                    [
                        "bias",
                        "i suffix " + word[-3:],
                        "i pref1 " + word[0],
                        "i-1 tag " + prev,
                        "i-2 tag " + prev2,
                        f"i tag+i-2 tag {prev} {prev2}",
                        "i word " + here,
                        f"i-1 tag+i word {prev} {here}",
                        "i-1 word " + context[c - 1],
                        "i-1 suffix " + context[c - 1][-3:],
                        "i-2 word " + context[c - 2],
                        "i+1 word " + context[c + 1],
                        "i+1 suffix " + context[c + 1][-3:],
                        "i+2 word " + context[c + 2],
                    ]
                )
            tags.append(tag)
            prev2, prev = prev, tag
        return tags


_shared: PerceptronTagger | None = None
_shared_lock = threading.Lock()


def shared_tagger() -> PerceptronTagger:
    """The process-wide tagger, loaded on first use (about 0.5 s, 8 MB on disk)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = PerceptronTagger()
            logger.info("Loaded the part-of-speech tagger (%d features)", len(_shared.weights))
        return _shared
