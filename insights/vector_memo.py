"""The vectors of the texts this process embedded: the one place that remembers vectors.

An analysis embeds each post's lede twice (to place the post for its topics, then for matching),
a keyphrase or a short sentence recurs across posts and analyses, and a repeat analysis embeds
everything again. ``VectorMemo`` sits in front of any embedder with two levels:

1. In memory, every text by its sha256 (no text kept): an LRU, forgettable by person like every
   other memory of the process (``scraper.forgettable``).
2. Across restarts, short texts (keyphrases, short sentences) in a ``PhraseCache`` keyed by model
   and text (SQLite in the server, which also forgets by person). The first analysis after a
   restart is about twice as fast with it (bench/memories.py). Longer texts are ledes and
   documents, rarely repeated: they would only bloat it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

from insights.protocols import Embedder
from scraper.forgettable import ForgettableMemo

# 16,384 vectors of 384 float32 are 24 MB: the phrases, sentences and ledes of a few analyses.
MAX_VECTORS = 16_384
# Texts up to this many characters are phrases and short sentences, kept across restarts.
PHRASE_MAX_CHARS = 120


class PhraseCache(Protocol):
    """Vectors of short texts, keyed by model id and text, kept across restarts."""

    def get_many(self, model_id: str, texts: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, model_id: str, vectors: dict[str, np.ndarray]) -> None: ...


class VectorMemo:
    """An Embedder that remembers the vectors ``inner`` computed: in memory (at most
    ``max_items``), and short texts in ``phrase_cache`` when one is given."""

    def __init__(
        self,
        inner: Embedder,
        phrase_cache: PhraseCache | None = None,
        max_items: int = MAX_VECTORS,
    ) -> None:
        self.inner = inner
        self.phrase_cache = phrase_cache
        self.memo: ForgettableMemo[bytes, np.ndarray] = ForgettableMemo(
            "vectors of texts", max_items
        )

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def embed(self, documents: Iterable[str], verbose: bool = False) -> np.ndarray:
        texts = [str(d) for d in documents]
        if not texts:
            return np.asarray(self.inner.embed([]), dtype=np.float32)
        keys = {t: hashlib.sha256(t.encode("utf-8", "surrogatepass")).digest() for t in texts}
        known: dict[str, np.ndarray] = {}
        for text, key in keys.items():
            vector = self.memo.get(key)
            if vector is not None:
                known[text] = vector
        phrases = [t for t in keys if t not in known and len(t) <= PHRASE_MAX_CHARS]
        if self.phrase_cache is not None and phrases:
            for text, vector in self.phrase_cache.get_many(self.model_id, phrases).items():
                self.memo.put(keys[text], vector)
                known[text] = vector
        missing = [t for t in keys if t not in known]
        if missing:
            computed = np.asarray(self.inner.embed(missing, verbose), dtype=np.float32)
            fresh = dict(zip(missing, computed, strict=True))
            for text, vector in fresh.items():
                self.memo.put(keys[text], vector)
            known.update(fresh)
            short = {t: v for t, v in fresh.items() if len(t) <= PHRASE_MAX_CHARS}
            if self.phrase_cache is not None and short:
                self.phrase_cache.put_many(self.model_id, short)
        return np.stack([known[t] for t in texts]).astype(np.float32, copy=False)
