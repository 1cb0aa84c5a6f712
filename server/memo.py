"""Two in-process memories that make a repeat analysis cheap without changing its answer.

- ``LongTextMemo`` wraps the embedder: the phrase cache keeps short texts only, but an analysis
  embeds each post's lede twice (for its topics, then for matching) and again on every repeat;
  longer texts are remembered here by their hash.
- ``ResultMemo`` keeps the result of the last analyses keyed by a digest of every input (the
  profile, each post's text, the user's profile, the model). When a repeat analysis revalidates
  every page and nothing changed, the digest matches and topics, matching and openers are not
  computed again. Different input, different digest: a stale answer is impossible.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import numpy as np

# Texts longer than this are ledes or long sentences; shorter ones the phrase cache keeps (the
# same bound as insights.embed.PHRASE_MAX_CHARS, not imported: that module loads the model stack).
LONG_TEXT = 120


class LongTextMemo:
    """An embedder that remembers the vectors of long texts (LRU, by sha256 of the text)."""

    def __init__(self, inner: Any, max_items: int = 4096) -> None:
        self.inner = inner
        self.model_id = getattr(inner, "model_id", "unknown")
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()
        self._max = max_items
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:  # anything else the insights code asks the model
        return getattr(self.inner, name)

    def embed(self, documents: Iterable[str], verbose: bool = False) -> np.ndarray:
        texts = [str(d) for d in documents]
        keys = {t: hashlib.sha256(t.encode()).hexdigest() for t in texts if len(t) > LONG_TEXT}
        known: dict[str, np.ndarray] = {}
        with self._lock:
            for text, key in keys.items():
                if key in self._memo:
                    self._memo.move_to_end(key)
                    known[text] = self._memo[key]
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            computed = np.asarray(self.inner.embed(missing), dtype=np.float32)
            fresh = dict(zip(missing, computed, strict=True))
            with self._lock:
                for text, vector in fresh.items():
                    if text in keys:
                        self._memo[keys[text]] = vector
                while len(self._memo) > self._max:
                    self._memo.popitem(last=False)
            known.update(fresh)
        if not texts:
            return np.asarray(self.inner.embed([]), dtype=np.float32)
        return np.stack([known[t] for t in texts]).astype(np.float32, copy=False)


def input_digest(*parts: Any) -> str:
    """A digest of JSON-able inputs (dicts with sorted keys, so the same input, the same key)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class ResultMemo:
    """The last ``max_items`` analysis results by input digest, with the person each is about."""

    def __init__(self, max_items: int = 32) -> None:
        self._items: OrderedDict[str, tuple[str | None, dict[str, Any]]] = OrderedDict()
        self._max = max_items
        self._lock = threading.Lock()

    def get(self, digest: str) -> dict[str, Any] | None:
        with self._lock:
            hit = self._items.get(digest)
            if hit is None:
                return None
            self._items.move_to_end(digest)
            return json.loads(json.dumps(hit[1]))  # a copy: callers add their own timings

    def put(self, digest: str, result: dict[str, Any], person: str | None = None) -> None:
        with self._lock:
            self._items[digest] = (person, json.loads(json.dumps(result)))
            while len(self._items) > self._max:
                self._items.popitem(last=False)

    def forget(self, person: str) -> int:
        """Drop every result about ``person`` (DELETE /api/people/<key>)."""
        with self._lock:
            gone = [d for d, (p, _) in self._items.items() if p == person]
            for digest in gone:
                del self._items[digest]
        return len(gone)
