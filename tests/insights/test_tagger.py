"""The array tagger tags exactly as NLTK's PerceptronTagger does with the same weights."""

from __future__ import annotations

import json

import pytest
from nltk.tag.perceptron import PerceptronTagger as NltkTagger

from harness import FIXTURES, SHARED_DATA
from insights.tagger import default_weights_path, load_weights, shared_tagger
from insights.text import split_sentences, tokenize


@pytest.fixture(scope="module")
def reference() -> NltkTagger:
    """NLTK's own implementation, given the pinned weights instead of its downloaded ones."""
    weights, tagdict, classes = load_weights(default_weights_path())
    nltk_tagger = NltkTagger(load=False)
    nltk_tagger.model.weights = weights
    nltk_tagger.model.classes = nltk_tagger.classes = set(classes)
    nltk_tagger.tagdict = tagdict
    return nltk_tagger


def _sentences() -> list[list[str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "topics").glob("*.txt"))]
    # Words the tag dictionary does not settle, hyphens, years, digits and odd tokens.
    texts.append(
        "In 2019 we re-trained 3 models on 12,000 labelled rows; co-workers said it's "
        "state-of-the-art, but the XGBoost runs weren't. Dashboards? Churn-prone cohorts!"
    )
    return [tokenize(s) for text in texts for s in split_sentences(text)]


def test_every_tag_equals_nltks_with_the_same_weights(reference: NltkTagger) -> None:
    sentences = _sentences()
    assert sum(map(len, sentences)) > 500
    ours = shared_tagger().tag_sentences(sentences)
    theirs = [[tag for _, tag in reference.tag(words)] for words in sentences]
    assert ours == theirs


def test_every_tag_equals_nltks_on_a_hundred_inspec_abstracts(reference: NltkTagger) -> None:
    path = SHARED_DATA / "keyphrase" / "inspec" / "valid.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not there (shared data)")
    with open(path, encoding="utf-8") as handle:
        lines = [line for line, _ in zip(handle, range(100), strict=False)]
    sentences = [json.loads(line)["document"] for line in lines]
    ours = shared_tagger().tag_sentences(sentences)
    assert ours == [[tag for _, tag in reference.tag(words)] for words in sentences]


def test_one_batch_tags_as_sentence_by_sentence() -> None:
    sentences = _sentences()
    tagger = shared_tagger()
    assert tagger.tag_sentences(sentences) == [tagger.tag(words) for words in sentences]
    assert tagger.tag_sentences([]) == []
    assert tagger.tag([]) == []


def test_everyday_words_are_the_ones_with_weights_of_their_own() -> None:
    tagger = shared_tagger()
    assert tagger.is_everyday_word("time") and tagger.is_everyday_word("Training")
    assert not tagger.is_everyday_word("kubernetes")
