"""Keyphrases and a person's topics with the real model, on fixed texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from insights.embed import load_embedder
from insights.models import Keyphrase, Topic
from insights.topics import TopicExtractor
from insights.vector_memo import VectorMemo
from scraper.models import Post

pytestmark = pytest.mark.model

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "topics"


def _post(name: str) -> Post:
    title, _, body = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").partition("\n")
    return Post(url=f"https://blog.example/{name}/", title=title, text=body)


@pytest.fixture(scope="module")
def embedder() -> VectorMemo:
    return VectorMemo(load_embedder())


@pytest.fixture(scope="module")
def extractor(embedder: VectorMemo) -> TopicExtractor:
    return TopicExtractor(embedder)


def _phrases(keyphrases: list[Keyphrase]) -> list[str]:
    return [k.phrase.lower() for k in keyphrases]


@pytest.mark.parametrize(
    ("name", "expected", "unwanted"),
    [
        ("feature-stores", {"feature store", "point-in-time joins"}, {"training", "time"}),
        ("bayesian-teaching", {"bayesian statistics", "bayesian a/b testing"}, {"idea"}),
        ("monitoring", {"monitoring models", "input drift"}, {"month"}),
    ],
)
def test_expected_phrases_appear_and_nothing_is_invented(
    extractor: TopicExtractor, name: str, expected: set[str], unwanted: set[str]
) -> None:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    keyphrases = extractor.keyphrases(text, top_n=10)
    phrases = _phrases(keyphrases)
    assert len(phrases) == 10
    assert expected <= set(phrases), phrases
    assert not unwanted & set(phrases), phrases
    flat = " ".join(text.split()).lower()
    for keyphrase in keyphrases:
        # Every phrase is said in the text, and in the sentence given as its evidence.
        assert keyphrase.phrase.lower() in flat
        assert keyphrase.sentence and keyphrase.phrase.lower() in keyphrase.sentence.lower()
        assert keyphrase.sentence in " ".join(text.split())


def test_first_phrase_is_the_subject_and_spellings_are_not_repeated(
    extractor: TopicExtractor,
) -> None:
    text = (FIXTURES / "feature-stores.txt").read_text(encoding="utf-8")
    phrases = _phrases(extractor.keyphrases(text, top_n=10))
    assert phrases[0] == "feature store"
    # "feature store" and "feature stores" are one phrase; MMR keeps near-copies out.
    assert "feature stores" not in phrases
    assert len({p.rstrip("s") for p in phrases}) == len(phrases)


def test_results_are_deterministic(embedder: VectorMemo) -> None:
    posts = [_post("feature-stores"), _post("monitoring"), _post("bayesian-teaching")]
    first = TopicExtractor(embedder).person_topics(posts)
    fresh = TopicExtractor(load_embedder()).person_topics(list(posts))
    assert first == fresh


def test_person_topics_weigh_phrases_by_the_posts_that_carry_them(
    extractor: TopicExtractor,
) -> None:
    posts = [_post("feature-stores"), _post("monitoring"), _post("bayesian-teaching")]
    per_post, topics = extractor.person_topics(posts, top_n=8)
    assert set(per_post) == {p.url for p in posts}
    assert all(isinstance(t, Topic) for t in topics) and len(topics) == 8
    assert [t.score for t in topics] == sorted((t.score for t in topics), reverse=True)
    # The one topic of two posts leads, with evidence from both.
    top = topics[0]
    assert top.phrase.lower() == "feature store"
    assert {e.url for e in top.evidence} >= {posts[0].url, posts[1].url}
    texts = {p.url: " ".join(f"{p.title} {p.text}".split()) for p in posts}
    for topic in topics:
        assert topic.evidence
        for evidence in topic.evidence:
            assert evidence.quote in texts[evidence.url]
            assert topic.phrase.lower().rstrip("s") in evidence.quote.lower()
    subjects = {t.phrase.lower() for t in topics}
    assert {"bayesian statistics", "monitoring models"} <= subjects


def test_empty_posts_and_texts_give_nothing(extractor: TopicExtractor) -> None:
    assert extractor.keyphrases("") == []
    assert extractor.keyphrases("and the of ... !!!") == []
    per_post, topics = extractor.person_topics([Post(url="https://blog.example/empty/")])
    assert per_post == {} and topics == []


def test_second_analysis_of_the_same_texts_embeds_nothing(embedder: VectorMemo) -> None:
    extractor = TopicExtractor(embedder)
    posts = [_post("feature-stores"), _post("monitoring")]
    first = extractor.person_topics(posts)
    model = embedder.inner
    calls: list[int] = []
    original = model._embed_texts

    def counting(texts: list[str]) -> dict[str, np.ndarray]:
        calls.append(len(texts))
        return original(texts)

    model._embed_texts = counting  # type: ignore[method-assign]
    try:
        again = extractor.person_topics(posts)
        # A new extractor tags the texts again, but the vectors of their ledes and phrases are
        # remembered: nothing is embedded.
        TopicExtractor(embedder).person_topics(posts)
    finally:
        del model._embed_texts
    assert again == first
    assert calls == []


def test_similarities_are_the_cosines_keybert_gives_for_our_candidates(extractor) -> None:
    """Step 3 is KeyBERT's scoring without KeyBERT's call: the same numbers as
    ``extract_keywords`` given our noun phrases (never its default n-grams) and our vectors."""
    from keybert import KeyBERT
    from sklearn.feature_extraction.text import CountVectorizer

    from insights.embed import keybert_backend

    text = (FIXTURES / "monitoring.txt").read_text(encoding="utf-8")
    fresh = TopicExtractor(extractor.embedder, memo_size=0)
    analysed = fresh._analyse([text])
    vectors, similarities = fresh._similarities([text], analysed)
    ours = similarities[0]
    assert "monitoring models" in ours and "the" not in ours

    phrases = sorted(ours)
    vectorizer = CountVectorizer(analyzer=lambda _: phrases, lowercase=False)
    words = [str(w) for w in vectorizer.fit([text]).get_feature_names_out()]
    doc_vector = analysed[0].doc_vector
    assert doc_vector is not None
    theirs = dict(
        KeyBERT(model=keybert_backend(extractor.embedder)).extract_keywords(
            text,
            vectorizer=vectorizer,
            top_n=len(words),
            doc_embeddings=doc_vector[None, :],
            word_embeddings=np.stack([vectors[w] for w in words]),
        )
    )
    assert set(theirs) == set(ours)
    for phrase, score in theirs.items():
        assert abs(ours[phrase] - score) < 1e-4, (phrase, ours[phrase], score)


def test_titles_of_posts_not_read_count_with_their_years(extractor: TopicExtractor) -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Listed:
        url: str
        title: str | None
        published: str | None

    read = [_post("feature-stores"), _post("monitoring")]
    listed = [
        Listed(f"https://blog.example/stoic-{n}/", title, f"{year}-03-01")
        for n, (title, year) in enumerate(
            [
                ("Stoic philosophy at work", 2017),
                ("Stoic philosophy and deadlines", 2018),
                ("What Stoic philosophy says about failure", 2019),
                ("Stoic philosophy for engineers", 2021),
                ("Morning fog (Poem)", 2024),
                ("Harbour lights (Poem)", 2025),
            ]  # fmt: skip
        )
    ]
    per_post, topics = extractor.person_topics(read, listed=listed)
    assert set(per_post) == {p.url for p in read}  # keyphrases only for the posts read
    stoic = next(t for t in topics if "stoic" in t.phrase.lower())
    assert stoic.posts == 4 and stoic.since == 2017
    assert topics.index(stoic) < 3, [t.phrase for t in topics]
    # "(Poem)" labels a kind of post; it is no topic.
    assert not [t for t in topics if "poem" in t.phrase.lower()]
    # Evidence comes from the posts read before any title only listed.
    read_urls = {p.url for p in read}
    for topic in topics:
        urls = [e.url for e in topic.evidence]
        assert urls == sorted(urls, key=lambda u: u not in read_urls)
