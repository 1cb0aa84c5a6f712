"""What the insights code asks of a sentence embedder, as a typing Protocol.

``insights.embed.OnnxEmbedder`` is the implementation (it is also a KeyBERT backend); wrappers
that remember vectors (``server``) and the small deterministic embedders of wiring tests
satisfy it too. Importing this module loads no model stack.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """L2-normalised float32 vectors, one row per text, from one model named by ``model_id``."""

    @property
    def model_id(self) -> str:
        """Vectors are comparable only within one model; caches key on this."""
        ...

    def embed(self, documents: Iterable[str], verbose: bool = False) -> np.ndarray:
        """One row per document, in the order given."""
        ...


class ListedPost(Protocol):
    """A post as a blog's index lists it, unopened (``scraper.post_index.IndexEntry``)."""

    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def summary(self) -> str | None: ...
    @property
    def popular(self) -> bool: ...
