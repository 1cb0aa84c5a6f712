"""Sentences, tokens, tags and candidate phrases: real phrases of the text, spellings merged."""

from __future__ import annotations

import pickle
import shutil

import pytest

from insights.candidates import extract_candidates, phrase_key
from insights.embed import ModelError
from insights.tagger import (
    PerceptronTagger,
    _SetsOnlyUnpickler,
    default_weights_path,
    shared_tagger,
)
from insights.text import split_sentences, tokenize

POST = (
    "Feature stores are a key part of machine learning pipelines. We built a scalable feature "
    "store at Acme, using Apache Kafka for stream processing.\n"
    "Our feature store serves the online models. Several other teams adopted the feature "
    "stores quickly."
)


def test_sentences_end_at_stops_and_lines_but_not_at_abbreviations() -> None:
    text = "Dr. Smith uses e.g. Spark daily. It works!\nA heading\n\nWhy? Because it scales."
    assert split_sentences(text) == [
        "Dr. Smith uses e.g. Spark daily.",
        "It works!",
        "A heading",
        "Why?",
        "Because it scales.",
    ]


def test_tokens_follow_treebank_conventions() -> None:
    assert tokenize("It's the team's C++ and node.js stack, isn't it...") == [
        "It", "'s", "the", "team", "'s", "C++", "and", "node.js", "stack", ",", "is", "n't",
        "it", "...",
    ]  # fmt: skip
    assert tokenize("A highway-in-the-sky display (HITS) at Acme Inc.") == [
        "A", "highway-in-the-sky", "display", "(", "HITS", ")", "at", "Acme", "Inc.",
    ]  # fmt: skip


def test_tagger_reads_the_packaged_weights_and_tags_sensibly() -> None:
    tags = shared_tagger().tag("We built a scalable feature store for the team .".split())
    assert tags == ["PRP", "VBD", "DT", "JJ", "NN", "NN", "IN", "DT", "NN", "."]


def test_tagger_refuses_weights_that_are_not_the_pinned_file(tmp_path) -> None:
    altered = tmp_path / "trontagger-0.1.0.pickle"
    shutil.copyfile(default_weights_path(), altered)
    with open(altered, "ab") as handle:
        handle.write(b"\x00")
    with pytest.raises(ModelError, match="pip install --force-reinstall --no-deps textblob"):
        PerceptronTagger(altered)


def test_unpickler_refuses_anything_but_sets() -> None:
    import io

    payload = pickle.dumps(print)
    with pytest.raises(pickle.UnpicklingError, match="refusing to load builtins.print"):
        _SetsOnlyUnpickler(io.BytesIO(payload)).load()
    assert _SetsOnlyUnpickler(io.BytesIO(pickle.dumps({"a"}))).load() == {"a"}


def test_candidates_are_noun_phrases_of_the_text_with_spellings_merged() -> None:
    candidates = {c.phrase: c for c in extract_candidates(POST)}
    assert "feature stores" in candidates  # "Feature stores", "feature store", "feature stores"
    assert candidates["feature stores"].count == 3
    assert candidates["feature stores"].sentence.startswith("Feature stores are a key part")
    assert {"machine learning pipelines", "Apache Kafka", "stream processing"} <= set(candidates)
    # Nothing the text does not say, no verbs, no vague modifiers at the start.
    text = POST.lower()
    for phrase in candidates:
        assert phrase.lower() in text, phrase
    assert "other teams" not in candidates and "teams" in candidates
    assert not any(p.split()[0] in {"built", "using", "adopted"} for p in candidates)


def test_candidates_remember_where_they_first_occur() -> None:
    candidates = extract_candidates(POST)
    positions = [c.first_position for c in candidates]
    assert positions == sorted(positions)
    assert candidates[0].phrase == "feature stores" and candidates[0].first_position == 0


def test_fallback_without_tagger_cuts_ngrams_at_stop_words_and_punctuation() -> None:
    phrases = {c.phrase for c in extract_candidates(POST, use_tagger=False)}
    assert {"machine learning pipelines", "stream processing", "apache kafka"} <= phrases
    for phrase in phrases:
        assert phrase in POST.lower(), phrase
    assert not any(w in {"the", "a", "of", "at", "for"} for p in phrases for w in p.split())


def test_phrase_key_merges_plurals_and_case() -> None:
    assert phrase_key("Feature Stores") == phrase_key("feature store")
    assert phrase_key("feature store") != phrase_key("store feature")


def test_empty_and_junk_text_give_no_candidates() -> None:
    assert extract_candidates("") == []
    assert extract_candidates("!!! ... 123 ,,, ???") == []
