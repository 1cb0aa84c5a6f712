"""Keyphrases of a text and the topics of a person, with the sentence each one comes from.

The pipeline, and why it is not ``KeyBERT().extract_keywords(doc)`` with its defaults:

1. Candidates are the noun phrases the text contains (``insights.candidates``), spellings
   merged, instead of every n-gram a CountVectorizer can form: no invented phrases, and about
   a tenth of the phrases to embed.
2. Each distinct phrase is embedded once (``insights.vector_memo`` remembers the vectors), in
   one batch for all the posts of a person.
3. Each candidate is scored by its cosine similarity to the document, as KeyBERT and EmbedRank
   do. The document is its lede (``insights.text.lede``: its title and first 96 words, where a
   post states its subject; a 1,000-word post costs about 120 tokens to place, not 1,300).
4. To that score we add a small bonus for appearing early (titles and introductions name
   the subject; SIFRank+) and for being a multi-word phrase (a "feature store" says more than
   a "store"), and hold back everyday single words.
5. Maximal marginal relevance picks the top phrases so that they are not five spellings of
   one idea. Each keyphrase keeps the sentence it was found in, its evidence.

What KeyBERT does here, plainly: nothing at run time. Its candidate generation
(CountVectorizer n-grams) is replaced by step 1, which is where most of the quality comes from
(bench/keyphrases.py: F1@10 about 39 against KeyBERT's defaults' 7 on Inspec). Its scoring is
step 3, one cosine per candidate against its document: handing it our candidates through a
vectorizer and our vectors gave the same numbers (tests/insights/test_topics.py compares them)
but cost a CountVectorizer fit and sklearn's input checks per call, 8 of the 160 ms an Inspec
abstract took on a loaded machine (cProfile), for one matrix product. Its MMR
(``use_mmr=True``) ranks by the raw cosine alone: it cannot take the adjusted scores of step 4,
nor, across a person's posts, a floor under which similar phrases are not redundant. ``_mmr``
below is the same algorithm (Carbonell and Goldstein, 1998) over our scores. The embedder stays
a ``keybert.backend`` backend, so ``KeyBERT(model=embedder)`` is what the benchmarks compare
against, with the same model.

The weights were tuned on the Inspec ``train`` split; ``bench/keyphrases.py`` measures them.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from insights.candidates import Candidate, extract_candidates, phrase_key
from insights.models import Evidence, Keyphrase, Topic
from insights.protocols import ListedPost
from insights.text import lede
from scraper.forgettable import ForgettableMemo, in_this_context
from scraper.models import Post

logger = logging.getLogger(__name__)

# Tuned on Inspec train (see bench/keyphrases.py): F1@10 rises from 35.4 (similarity alone)
# to about 37 with these three. Retuned on all 1,000 train abstracts with 16 candidates and a
# 96-word lede (a grid over position 0.1-0.4, length 0-0.06, diversity 0.1-0.5, everyday word
# 0.05-0.2): F1@10 37.93 with 0.1 and 0.06, against 37.64 with the 0.2 and 0.03 before; F1@5
# falls from 31.69 to 30.93 (longer phrases rise, which costs a little in the first five).
POSITION_WEIGHT = 0.1
LENGTH_WEIGHT = 0.06
DIVERSITY = 0.3
# Across a person's posts, two phrases are redundant only when they name one idea ("feature
# store", "feature stores", "online feature store"): similarity under this floor costs nothing,
# so that "bayesian statistics" is not dropped for being a little like "monitoring models".
PERSON_REDUNDANCY_FLOOR = 0.5
COMMON_WORD_PENALTY = 0.1
# A 1,000-word post has a few hundred noun phrases; the ones that occur once, late, are
# rarely its topic. Keeping the best 16 by count and position bounds the embedding work per post
# (first 400 Inspec train abstracts, F1@10 / time: 38.96 / 1.00 with 20, 39.63 / 0.96 with
# 16, 39.46 / 0.94 with 14, 39.23 / 0.86 with 12, 37.64 / 0.76 with 10). 16 leaves MMR a
# choice among more phrases than the PER_POST a post gives its person.
MAX_CANDIDATES = 16
# Words of a post tagged for noun phrases; after them, the phrases found are only counted.
# A 1,000-word post is then 0.01 s to read, not 0.03, and Inspec abstracts (under 400 words)
# are tagged whole.
TAG_WORDS = 400
# In the shortlist a phrase of two words or more counts like one more occurrence, and an
# everyday word like one less: "Bayesian A/B testing" said once beats "coin" said twice.
SHORTLIST_PHRASE_BONUS = 0.5
# Per-post keyphrases that feed a person's topics.
PER_POST = 12
EVIDENCE_PER_TOPIC = 3
# How much a topic gains per year it spans (log-scaled): written about over 8 years counts
# about twice a topic of one year, at the same number of posts.
YEARS_WEIGHT = 0.5


@dataclass
class _Analysed:
    """What a text costs to analyse once: its candidates and its document vector."""

    candidates: list[Candidate]
    doc_vector: np.ndarray | None


class TopicExtractor:
    """``keyphrases(text)`` and ``person_topics(posts)``; deterministic for a given model.

    Keeps the analysis of the last ``memo_size`` texts, so that analysing the same blog again
    (the user opens the profile twice) costs lookups, not tagging and embedding.
    """

    def __init__(self, embedder, memo_size: int = 256) -> None:
        self.embedder = embedder
        self.memo: ForgettableMemo[str, _Analysed] = ForgettableMemo(
            "topic analyses of texts", memo_size
        )

    # -- public -------------------------------------------------------------------------------

    def keyphrases(self, text: str, top_n: int = 10) -> list[Keyphrase]:
        """The ``top_n`` keyphrases of ``text``, best first, each with its sentence."""
        return self.keyphrases_many([text], top_n)[0]

    def keyphrases_many(self, texts: list[str], top_n: int = 10) -> list[list[Keyphrase]]:
        """``keyphrases`` for several texts, with every phrase embedded in one batch."""
        analysed = self._analyse(texts)
        vectors, similarities = self._similarities(texts, analysed)
        return [_rank(a, vectors, similarities.get(i, {}), top_n) for i, a in enumerate(analysed)]

    def person_topics(
        self, posts: list[Post], top_n: int = 15, listed: Sequence[ListedPost] = ()
    ) -> tuple[dict[str, list[Keyphrase]], list[Topic]]:
        """Keyphrases per post URL, and the person's topics: phrases weighted by how many posts
        carry them and over how many years, each with the sentences (and post URLs) it was
        taken from.

        ``listed`` is the blog's whole index: the titles of the posts not read count too, so
        that topics cover the whole blog and not only the posts read; evidence comes from the
        posts read first."""
        posts = [p for p in posts if (p.text or "").strip() or (p.title or "").strip()]
        read = {_url_key(p.url) for p in posts}
        titles = [
            Post(url=e.url, title=e.title, published=e.published)
            for e in listed
            if e.title and _url_key(e.url) not in read
        ]
        every = posts + titles
        per_post_lists = self.keyphrases_many([_post_text(p) for p in every], PER_POST)
        per_post = {p.url: kps for p, kps in zip(posts, per_post_lists, strict=False)}
        return per_post, self._aggregate(every, per_post_lists, top_n, read)

    # -- internals ----------------------------------------------------------------------------

    def _similarities(
        self, texts: list[str], analysed: list[_Analysed]
    ) -> tuple[dict[str, np.ndarray], dict[int, dict[str, float]]]:
        """Every candidate's vector, and its cosine similarity to its text's lede.

        The distinct phrases of all the texts are embedded in one batch; each text's phrases
        are then scored with one matrix product against its lede's vector (both are unit
        vectors, so the product is the cosine KeyBERT computes)."""
        usable = [i for i, a in enumerate(analysed) if a.candidates and a.doc_vector is not None]
        if not usable:
            return {}, {}
        words = list(
            dict.fromkeys(c.phrase.lower() for i in usable for c in analysed[i].candidates)
        )
        word_vectors = np.asarray(self.embedder.embed(words), dtype=np.float32)
        vectors = dict(zip(words, word_vectors, strict=True))
        similarities: dict[int, dict[str, float]] = {}
        for i in usable:
            phrases = list(dict.fromkeys(c.phrase.lower() for c in analysed[i].candidates))
            cosines = np.stack([vectors[p] for p in phrases]) @ analysed[i].doc_vector
            similarities[i] = dict(zip(phrases, cosines.tolist(), strict=True))
        return vectors, similarities

    def _analyse(self, texts: list[str]) -> list[_Analysed]:
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        results: dict[str, _Analysed] = {}
        for key in keys:
            remembered = self.memo.get(key)
            if remembered is not None:
                results[key] = remembered
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in results}
        if todo:
            ledes = {k: lede(None, t) for k, t in todo.items()}
            # The model runs outside the GIL: the ledes are embedded while the texts are tagged.
            placed = _ledes_pool().submit(
                in_this_context(self.embedder.embed), list(ledes.values())
            )
            fresh = {
                k: _Analysed(_shortlist(extract_candidates(t, tag_words=TAG_WORDS)), None)
                for k, t in todo.items()
            }
            vectors = placed.result()
            for key, vector in zip(ledes, vectors, strict=True):
                if fresh[key].candidates:
                    fresh[key].doc_vector = vector
            results.update(fresh)
            for key, value in fresh.items():
                self.memo.put(key, value)
        return [results[k] for k in keys]

    def _aggregate(
        self,
        posts: list[Post],
        per_post: list[list[Keyphrase]],
        top_n: int,
        read: set[str] | None = None,
    ) -> list[Topic]:
        groups: dict[str, dict] = {}
        everyday = _everyday_word()
        for post, keyphrases in zip(posts, per_post, strict=True):
            unread = read is not None and _url_key(post.url) not in read
            year = _year(post.published)
            for rank, kp in enumerate(keyphrases):
                # A lone everyday word ("poem", "notes", "time") says nothing of the person.
                if " " not in kp.phrase and kp.phrase.islower() and everyday(kp.phrase):
                    continue
                group = groups.setdefault(
                    phrase_key(kp.phrase),
                    {"spellings": {}, "hits": [], "first": len(groups), "years": set()},
                )
                group["spellings"][kp.phrase] = group["spellings"].get(kp.phrase, 0) + 1
                group["hits"].append((kp.score, rank + unread * 100, post.url,
                                      kp.sentence or kp.phrase))  # fmt: skip
                if year:
                    group["years"].add(year)
        if not groups:
            return []
        total = len(posts)
        ranked = []
        for key, group in groups.items():
            hits = group["hits"]
            carried = len({url for _, _, url, _ in hits})
            mean = sum(score for score, *_ in hits) / len(hits)
            years = group["years"]
            span = max(years) - min(years) + 1 if years else 1
            # Weighted by how many posts carry it and over how many years: a phrase in 6 posts
            # since 2017 is a theme of the person, one in a single post is a topic of that post.
            score = (
                mean
                * (1.0 + math.log(carried))
                / (1.0 + math.log(max(total, 1)))
                * (1.0 + YEARS_WEIGHT * math.log(span))
            )
            phrase = max(group["spellings"].items(), key=lambda item: (item[1], -len(item[0])))[0]
            ranked.append((score, -group["first"], key, phrase, hits, carried, years))
        ranked.sort(key=lambda r: (-r[0], -r[1]))
        phrases = [r[3].lower() for r in ranked]
        vectors = self.embedder.embed(phrases)
        scores = np.array([r[0] for r in ranked])
        chosen = _mmr(
            scores / max(float(scores.max()), 1e-12),
            vectors,
            top_n,
            DIVERSITY,
            floor=PERSON_REDUNDANCY_FLOOR,
        )
        topics = []
        # Diverse by MMR, then shown strongest first.
        for index in sorted(chosen, key=lambda i: (-ranked[i][0], i)):
            score, _, _, phrase, hits, carried, years = ranked[index]
            # Evidence from the posts read first (a rank past 100 marks a title not read).
            best = sorted(hits, key=lambda h: (h[1] >= 100, -h[0], h[1]))
            seen: set[str] = set()
            evidence: list[Evidence] = []
            for _, _, url, sentence in best:
                if url not in seen and len(evidence) < EVIDENCE_PER_TOPIC:
                    seen.add(url)
                    evidence.append(Evidence(url=url, quote=sentence))
            topics.append(
                Topic(
                    phrase=phrase,
                    score=round(float(score), 4),
                    evidence=tuple(evidence),
                    posts=carried,
                    since=min(years) if years else None,
                )
            )
        return topics


_ledes_executor: ThreadPoolExecutor | None = None
_ledes_lock = threading.Lock()


def _ledes_pool() -> ThreadPoolExecutor:
    """One thread for the whole process that embeds ledes while the caller tags: starting a
    thread per text cost more than tagging a short one (3.7 ms of 160 per Inspec abstract on a
    loaded machine)."""
    global _ledes_executor
    with _ledes_lock:
        if _ledes_executor is None:
            _ledes_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ledes")
        return _ledes_executor


def _url_key(url: str) -> str:
    return url.split("#")[0].rstrip("/")


def _year(published: str | None) -> int | None:
    year = (published or "")[:4]
    return int(year) if year.isdigit() else None


def _everyday_word():
    from insights.candidates import _tagger

    tagger = _tagger()
    return tagger.is_everyday_word if tagger is not None else (lambda word: False)


# A label in brackets at the end of a title ("Dragon's breath (Poem)", "Talk [video]") names the
# kind of post, not its subject.
HEADING_WORDS = 12
_GENRE_LABEL = re.compile(r"\s*[(\[][^()\[\]]{1,24}[)\]]\s*$")


def _without_genre_labels(text: str) -> str:
    """Titles and headings (short lines) without a trailing "(Poem)" or "[video]"."""
    lines = text.split("\n")
    return "\n".join(
        _GENRE_LABEL.sub("", line) if len(line.split()) <= HEADING_WORDS else line for line in lines
    )


def _post_text(post: Post) -> str:
    # The title names the subject; as the first line it also gets the position bonus.
    title = _GENRE_LABEL.sub("", (post.title or "").strip())
    text = _without_genre_labels(post.text or "")
    return f"{title}\n{text}" if title else text


def _shortlist(candidates: list[Candidate]) -> list[Candidate]:
    if len(candidates) <= MAX_CANDIDATES:
        return candidates
    ranked = sorted(
        candidates,
        key=lambda c: (
            -(
                math.log1p(c.count)
                + 1.0 / math.sqrt(c.first_position + 1)
                + SHORTLIST_PHRASE_BONUS * (" " in c.phrase)
                - SHORTLIST_PHRASE_BONUS * c.common_word
            ),
            c.first_position,
        ),
    )
    kept = ranked[:MAX_CANDIDATES]
    return sorted(kept, key=lambda c: c.first_position)


def _rank(
    analysed: _Analysed,
    vectors: dict[str, np.ndarray],
    similarities: dict[str, float],
    top_n: int,
) -> list[Keyphrase]:
    candidates = [c for c in analysed.candidates if c.phrase.lower() in similarities]
    if not candidates or top_n <= 0:
        return []
    matrix = np.stack([vectors[c.phrase.lower()] for c in candidates])
    similarity = np.array([similarities[c.phrase.lower()] for c in candidates])
    position = np.array([1.0 / math.sqrt(c.first_position + 1) for c in candidates])
    length = np.array([min(len(c.phrase.split()), 3) for c in candidates], dtype=np.float64)
    common = np.array([c.common_word for c in candidates], dtype=np.float64)
    scores = (
        similarity
        + POSITION_WEIGHT * position
        + LENGTH_WEIGHT * length
        - COMMON_WORD_PENALTY * common
    )
    chosen = _mmr(scores, matrix, top_n, DIVERSITY)
    return [
        Keyphrase(
            phrase=candidates[i].phrase,
            score=round(float(scores[i]), 4),
            sentence=candidates[i].sentence,
        )
        for i in chosen
    ]


def _mmr(
    scores: np.ndarray, vectors: np.ndarray, top_n: int, diversity: float, floor: float = 0.0
) -> list[int]:
    """Maximal marginal relevance: each pick trades its score against its closeness to the
    picks before it (closeness above ``floor``, rescaled to 0..1). Ties go to the earlier
    index, so the result is deterministic."""
    if len(scores) == 0:
        return []
    similarity = vectors @ vectors.T
    if floor > 0:
        similarity = np.clip((similarity - floor) / (1.0 - floor), 0.0, None)
    chosen = [int(np.argmax(scores))]
    remaining = [i for i in range(len(scores)) if i != chosen[0]]
    while remaining and len(chosen) < top_n:
        redundancy = similarity[np.ix_(remaining, chosen)].max(axis=1)
        value = (1 - diversity) * scores[remaining] - diversity * redundancy
        pick = remaining[int(np.argmax(value))]
        chosen.append(pick)
        remaining.remove(pick)
    # In the order picked: the first is the best phrase, each next the best of what is left.
    return chosen
