"""Keyphrase quality and speed: ours against KeyBERT's defaults and YAKE, on the same documents.

    .venv/bin/python bench/keyphrases.py --data ../shared/data/keyphrase/inspec/valid.jsonl
    .venv/bin/python bench/keyphrases.py --data ../shared/data/keyphrase/inspec/valid.jsonl --json
    .venv/bin/python bench/keyphrases.py --data ../shared/data/keyphrase/inspec/train.jsonl --blog

Scores are the ones the literature reports on Inspec: a predicted phrase counts when it equals
a gold keyphrase after lowercasing and Porter stemming; gold = extractive + abstractive
(uncontrolled) keys; F1@k per document, averaged over all documents.

"KeyBERT default" is ``KeyBERT(model=OnnxEmbedder).extract_keywords(doc, top_n=10)`` with
everything else as KeyBERT's documentation gives it: CountVectorizer over 1-grams
(``keyphrase_ngram_range=(1, 1)``), ``stop_words="english"``, no MMR. ``--keybert-ngrams``
adds the (1, 3)-gram variant, which is slower still. All methods use the same model file, run
on the same documents in this process, and no method gets a phrase cache that outlives a
document, so the times compare the methods and not the caches. The methods take turns, 25
documents at a time, so that a shared machine whose load changes during the run slows them
alike: the ratios are the figures to read, the milliseconds depend on the load.
``--spinning`` adds ours on onnxruntime's default session, whose threads spin for work.

``--blog`` times ten synthetic 1,000-word posts (Inspec abstracts joined) through
``TopicExtractor.person_topics``: cold (empty phrase cache, model already loaded), with only
the phrase cache warm (a new extractor), and warm (the same extractor again), then KeyBERT's
defaults on the same posts, and prints the resident memory of the process (measured before
KeyBERT's run).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from insights.candidates import phrase_key
from insights.embed import load_embedder
from insights.topics import TopicExtractor
from insights.vector_memo import VectorMemo
from scraper.models import Post

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def detokenize(tokens: list[str]) -> str:
    """Inspec ships PTB tokens; the methods under test read plain text."""
    text = " ".join(_BRACKETS.get(t, t) for t in tokens)
    text = re.sub(r" ([,.;:)\]?!%])", r"\1", text)
    return re.sub(r"([(\[]) ", r"\1", text)


def load_documents(path: Path, limit: int | None) -> list[tuple[str, set[str]]]:
    documents = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            gold = record.get("extractive_keyphrases", []) + record.get(
                "abstractive_keyphrases", []
            )
            documents.append(
                (detokenize(record["document"]), {phrase_key(g) for g in gold if g.strip()})
            )
            if limit and len(documents) >= limit:
                break
    return documents


def f1_at(predicted: list[str], gold: set[str], k: int) -> float:
    keys = list(dict.fromkeys(phrase_key(p) for p in predicted))[:k]
    matches = sum(1 for key in keys if key in gold)
    if not keys or not gold or not matches:
        return 0.0
    precision, recall = matches / len(keys), matches / len(gold)
    return 2 * precision * recall / (precision + recall)


# Methods take turns on chunks of this many documents, so that a machine whose load changes
# during the run (it is shared) slows every method alike and the ratios stay meaningful.
CHUNK = 25


def evaluate(methods: dict[str, Callable], documents: list[tuple[str, set[str]]]) -> dict:
    """F1@5, F1@10 and ms/doc of each method, the methods interleaved chunk by chunk."""
    totals = {name: [0.0, 0.0, 0.0] for name in methods}
    for start in range(0, len(documents), CHUNK):
        chunk = documents[start : start + CHUNK]
        for name, extract in methods.items():
            started = time.perf_counter()
            predictions = [extract(text) for text, _ in chunk]
            totals[name][2] += time.perf_counter() - started
            for predicted, (_, gold) in zip(predictions, chunk, strict=True):
                totals[name][0] += f1_at(predicted, gold, 5)
                totals[name][1] += f1_at(predicted, gold, 10)
    n = max(len(documents), 1)
    results = {}
    for name, (f5, f10, elapsed) in totals.items():
        results[name] = {
            "f1_5": round(100 * f5 / n, 2),
            "f1_10": round(100 * f10 / n, 2),
            "ms_per_doc": round(1000 * elapsed / n, 1),
        }
        print(
            f"  {name:<22} F1@5 {results[name]['f1_5']:6.2f}  F1@10 {results[name]['f1_10']:6.2f}"
            f"  {results[name]['ms_per_doc']:8.1f} ms/doc",
            file=sys.stderr,
        )
    return results


def run_quality(
    documents, keybert_ngrams: bool, spinning: bool = False
) -> dict[str, dict[str, float]]:
    import yake
    from keybert import KeyBERT

    embedder = load_embedder()  # no phrase cache: each method embeds what it needs
    extractor = TopicExtractor(embedder, memo_size=0)
    keybert = KeyBERT(model=embedder)
    yake_extractor = yake.KeywordExtractor(lan="en", n=3, top=10)
    # Warm the session up so that no method pays onnxruntime's first-run cost.
    embedder.embed(["warm up the session"])
    extractor.keyphrases("Loading the tagger once, before the clock starts.")
    print(f"{len(documents)} documents, methods interleaved {CHUNK} at a time", file=sys.stderr)
    methods: dict[str, Callable] = {
        "ours": lambda t: [k.phrase for k in extractor.keyphrases(t, 10)],
        "keybert_default": lambda t: [p for p, _ in keybert.extract_keywords(t, top_n=10)],
        "yake": lambda t: [p for p, _ in yake_extractor.extract_keywords(t)],
    }
    if spinning:
        # The same pipeline on onnxruntime's default session, whose threads spin for work.
        spinner = load_embedder(spinning=True)
        spinner.embed(["warm up the session"])
        spun = TopicExtractor(spinner, memo_size=0)
        methods["ours_spinning_session"] = lambda t: [k.phrase for k in spun.keyphrases(t, 10)]
    if keybert_ngrams:
        methods["keybert_1_3"] = lambda t: [
            p
            for p, _ in keybert.extract_keywords(
                t, keyphrase_ngram_range=(1, 3), stop_words="english", top_n=10
            )
        ]
    results = evaluate(methods, documents)
    ours = max(results["ours"]["ms_per_doc"], 1e-9)
    for name in ("keybert_default", "yake"):
        print(
            f"  {name} takes {results[name]['ms_per_doc'] / ours:.2f}x the time of ours",
            file=sys.stderr,
        )
    return results


def synthetic_blog(documents, posts: int = 10, words: int = 1000) -> list[Post]:
    texts = iter(text for text, _ in documents)
    blog = []
    for n in range(posts):
        body: list[str] = []
        while sum(len(t.split()) for t in body) < words:
            body.append(next(texts))
        blog.append(Post(url=f"http://127.0.0.1/post-{n}", title=None, text="\n".join(body)))
    return blog


def run_blog(documents) -> dict[str, float]:
    import psutil

    process = psutil.Process()
    blog = synthetic_blog(documents)
    started = time.perf_counter()
    embedder = VectorMemo(load_embedder())
    cache = embedder.memo
    extractor = TopicExtractor(embedder)
    extractor.keyphrases("Loading the tagger once, before the clock starts.")
    load_s = time.perf_counter() - started
    cache_entries_before = len(cache)

    started = time.perf_counter()
    extractor.person_topics(blog)
    cold = time.perf_counter() - started

    started = time.perf_counter()
    TopicExtractor(embedder).person_topics(blog)
    phrase_warm = time.perf_counter() - started

    started = time.perf_counter()
    _, topics = extractor.person_topics(blog)
    warm = time.perf_counter() - started

    rss_mb = round(process.memory_info().rss / 2**20, 1)  # before a second model is loaded
    # KeyBERT with its defaults on the same ten posts, the same model, no phrase cache: the
    # comparison the "2 s per 1,000-word post" describes.
    from keybert import KeyBERT

    plain = load_embedder()
    keybert = KeyBERT(model=plain)
    plain.embed(["warm up the session"])
    started = time.perf_counter()
    for post in blog:
        keybert.extract_keywords(post.text, top_n=10)
    keybert_s = time.perf_counter() - started

    result = {
        "posts": len(blog),
        "words": sum(len(p.text.split()) for p in blog),
        "load_s": round(load_s, 3),
        "cold_s": round(cold, 3),
        "phrase_cache_warm_s": round(phrase_warm, 3),
        "warm_s": round(warm, 4),
        "phrases_cached": len(cache) - cache_entries_before,
        "rss_mb": rss_mb,
        "keybert_default_s": round(keybert_s, 3),
        "speedup_vs_keybert_default": round(keybert_s / max(cold, 1e-9), 1),
    }
    print(
        f"blog of {result['posts']} posts, {result['words']} words: model+tagger load "
        f"{result['load_s']} s; topics cold {result['cold_s']} s, phrase cache warm "
        f"{result['phrase_cache_warm_s']} s, warm {result['warm_s']} s; "
        f"{result['phrases_cached']} phrases cached; RSS {result['rss_mb']} MB",
        file=sys.stderr,
    )
    print(
        f"KeyBERT default on the same posts: {result['keybert_default_s']} s, "
        f"{result['speedup_vs_keybert_default']}x the time of ours cold",
        file=sys.stderr,
    )
    print("  topics: " + ", ".join(t.phrase for t in topics[:10]), file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="Inspec-format JSONL file")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--keybert-ngrams",
        action="store_true",
        help="also run KeyBERT with keyphrase_ngram_range=(1, 3)",
    )
    parser.add_argument(
        "--spinning",
        action="store_true",
        help="also run ours on onnxruntime's default session, whose threads spin",
    )
    parser.add_argument(
        "--blog",
        action="store_true",
        help="time ten 1,000-word posts cold and warm instead, and print RSS",
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(
            f"No such file: {args.data}. Pass an Inspec JSONL file, e.g. "
            f"../shared/data/keyphrase/inspec/valid.jsonl",
            file=sys.stderr,
        )
        return 2
    documents = load_documents(args.data, args.limit)
    if args.blog:
        result = run_blog(documents)
    else:
        result = run_quality(documents, args.keybert_ngrams, args.spinning)
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
