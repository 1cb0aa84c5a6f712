"""The results of the last analyses, remembered by a digest of every input.

When a repeat analysis revalidates every page and nothing changed, the digest (of the profile,
each post's text, the user's profile and the model) matches, and topics, matching and openers
are not computed again. Different input, different digest: a stale answer is impossible. Like
every in-process memory it forgets by person (``scraper.forgettable``).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from scraper.forgettable import ForgettableMemo


def input_digest(*parts: Any) -> str:
    """A digest of JSON-able inputs (dicts with sorted keys, so the same input, the same key)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class ResultMemo:
    """The last ``max_items`` computed parts of analysis results, by input digest."""

    def __init__(self, max_items: int = 32) -> None:
        self.memo: ForgettableMemo[str, str] = ForgettableMemo("analysis results", max_items)

    def get(self, digest: str) -> dict[str, Any] | None:
        """A copy (callers add their own timings), or None."""
        stored = self.memo.get(digest)
        return json.loads(stored) if stored is not None else None

    def put(self, digest: str, result: dict[str, Any]) -> None:
        self.memo.put(digest, json.dumps(result))
