"""Precision and recall of the talking points on written pairs, and the swap-test matrix.

Each pair is a user (``me``), a person (``them``), the person's posts and what a careful reader
expects: talking points as (kind, key), or shared schools and employers as both spell them, with
false friends (formats in ``harness/pair_scoring.py``). This script runs ``find_talking_points``
with the real embedder on every pair, with topics from ``insights.topics.TopicExtractor`` (or, with
``--given-topics``, the keyphrases written in the fixture), and prints per-pair and total figures.
Then it writes the openers of every pair and runs the swap test of each against every other
pair's person: an opener that would also fit that person counts as a failure.

Figures are reported per set and never pooled across sets:

- calibration: the pairs the rules and thresholds were built and tuned on
  (``tests/fixtures/pairs/*.json`` without ``"holdout": true``, and
  ``tests/fixtures/pairs/orgs/calibration/``);
- held out: pairs kept out of tuning (``"holdout": true``);
- seen held-out sets: ``orgs/holdout_first/``, ``orgs/holdout/``, ``orgs/holdout3/``,
  ``orgs/holdout4/``, ``orgs/holdout5/`` and ``orgs/holdout6/``, each frozen before its first
  run and scored once before a change it prompted, so no longer unseen (``orgs/README.md``
  gives each first-run figure and what changed after it);
- ``--pairs DIR``: instead of both, every pair under DIR (e.g. pairs written blind by someone
  else), as one unseen set.

    .venv/bin/python bench/common_ground.py [--json] [--given-topics] [--pairs DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from harness import ROOT
from harness.pair_scoring import Pair, load_pairs, score_orgs
from insights.common_ground import find_talking_points, no_common_ground_advice
from insights.embed import load_embedder
from insights.models import Topic
from insights.openers import swap_test, write_openers

PAIRS = ROOT / "tests" / "fixtures" / "pairs"
ORG_PAIRS = PAIRS / "orgs"


def builtin_sets() -> dict[str, list[Pair]]:
    keyed = load_pairs(PAIRS, recursive=False)
    seen = {
        f"seen held-out, {n} set": load_pairs(ORG_PAIRS / folder, holdout=True)
        for n, folder in (
            ("first", "holdout_first"),
            ("second", "holdout"),
            ("third", "holdout3"),
            ("fourth", "holdout4"),
            ("fifth", "holdout5"),
            ("sixth", "holdout6"),
        )
    }
    return {
        "calibration": [p for p in keyed if not p.holdout]
        + load_pairs(ORG_PAIRS / "calibration", holdout=False),
        "held out": [p for p in keyed if p.holdout],
        # Each scored once before a change it prompted: no longer unseen (see their README).
        **seen,
    }


def topics_for(pair: Pair, extractor) -> list[Topic]:
    if extractor is None:
        return pair.given_topics
    return extractor.person_topics(pair.posts)[1] if pair.posts else []


def make_extractor(embedder, given: bool):
    if given:
        return None
    try:
        from insights.topics import TopicExtractor
    except ImportError:
        return None
    return TopicExtractor(embedder)


def analyse(pair: Pair, embedder, extractor) -> dict:
    topics = topics_for(pair, extractor)
    points = find_talking_points(pair.me, pair.them, pair.posts, topics, embedder)
    openers = write_openers(pair.me, pair.them, points, topics, pair.posts)
    row: dict = {"pair": pair.name, "format": "org" if pair.org_format else "key"}
    if pair.org_format:
        s = score_orgs(pair, points)
        row |= {
            "hits": s.hits,
            "found": s.points,
            "expected": s.expected,
            "expected_found": s.found,
            "false_friend_claims": s.false_claims,
            "unexpected": s.unexpected,
            "missed": s.missed,
            "overlap_right": s.overlap_right,
            "overlap_judged": s.overlap_judged,
            "overlap_wrong": s.overlap_wrong,
        }
    else:
        found = {(p.kind, p.key) for p in points}
        advice = no_common_ground_advice(pair.them, pair.posts, topics, points)
        row |= {
            "hits": len(found & pair.expected),
            "found": len(found),
            "expected": len(pair.expected),
            "expected_found": len(found & pair.expected),
            "false_positives": sorted(map(list, found - pair.expected)),
            "missed": sorted(map(list, pair.expected - found)),
            "strong_right": pair.strong == (not advice),
        }
    row["precision"] = row["hits"] / row["found"] if row["found"] else 1.0
    row["recall"] = row["expected_found"] / row["expected"] if row["expected"] else 1.0
    row["openers"] = openers
    return row


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def summary(rows: list[dict]) -> dict:
    """Totals of one set, the two formats apart (they count different things)."""
    out: dict = {"pairs": len(rows)}
    for fmt in ("key", "org"):
        part = [r for r in rows if r["format"] == fmt]
        if not part:
            continue
        total = {k: sum(r[k] for r in part) for k in ("hits", "found", "expected_found")}
        total["expected"] = sum(r["expected"] for r in part)
        entry = {
            "pairs": len(part),
            "precision": _ratio(total["hits"], total["found"]),
            "recall": _ratio(total["expected_found"], total["expected"]),
            **total,
        }
        if fmt == "key":
            entry["strong_judged_right"] = sum(r["strong_right"] for r in part)
        else:
            entry["false_friend_claims"] = sum(len(r["false_friend_claims"]) for r in part)
            entry["overlap_right"] = sum(r["overlap_right"] for r in part)
            entry["overlap_judged"] = sum(r["overlap_judged"] for r in part)
        out[fmt] = entry
    return out


def swap_matrix(pairs: list[Pair], openers: dict[str, list]) -> dict:
    """Every opener of pair i against the person of every other pair j: it fails when it would
    also fit j (its facts true of j stop counting). Counted three ways: all cells; cells of
    openers that pass their own swap test (an opener that fails alone fails every cell: that is
    the opener, not the other person); and among the key-format pairs only (the original 23)."""
    out = {"cells": 0, "failed": 0, "own_passing_cells": 0, "own_passing_failed": 0,
           "key_pairs_cells": 0, "key_pairs_failed": 0}  # fmt: skip
    for pair in pairs:
        for opener in openers[pair.name]:
            for other in pairs:
                if other is pair:
                    continue
                failed = not swap_test(opener.text, pair.them, opener.facts, [other.them]).passed
                out["cells"] += 1
                out["failed"] += failed
                if opener.swap_test.passed:
                    out["own_passing_cells"] += 1
                    out["own_passing_failed"] += failed
                if not pair.org_format and not other.org_format:
                    out["key_pairs_cells"] += 1
                    out["key_pairs_failed"] += failed
    return out


def _print_set(name: str, rows: list[dict], total: dict) -> None:
    print(f"\n== {name} ({total['pairs']} pairs)")
    print(f"{'pair':40} {'fmt':3} {'P':>5} {'R':>5}  notes")
    for r in rows:
        notes = []
        for label in ("false_positives", "false_friend_claims", "unexpected", "missed"):
            if r.get(label):
                notes.append(f"{label.replace('_', ' ')} {r[label]}")
        if r.get("overlap_wrong"):
            notes.append(f"overlap wrong {r['overlap_wrong']}")
        if r["format"] == "key" and not r["strong_right"]:
            notes.append("strong/weak WRONG")
        print(f"{r['pair']:40} {r['format']:3} {r['precision']:5.2f} {r['recall']:5.2f}  "
              + "; ".join(notes))  # fmt: skip
    if "key" in total:
        k = total["key"]
        print(_totals("talking points (kind, key)", k, f"strong/weak judged right "
                      f"{k['strong_judged_right']}/{k['pairs']}"))  # fmt: skip
    if "org" in total:
        o = total["org"]
        print(_totals("shared schools and employers", o, f"false-friend claims "
                      f"{o['false_friend_claims']}; overlap stated right {o['overlap_right']}/"
                      f"{o['overlap_judged']}"))  # fmt: skip


def _totals(label: str, t: dict, extra: str) -> str:
    return (
        f"  {label}, {t['pairs']} pairs: precision {t['precision']:.3f} ({t['hits']}/"
        f"{t['found']}), recall {t['recall']:.3f} ({t['expected_found']}/{t['expected']}); {extra}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--given-topics",
        action="store_true",
        help="use the fixture's keyphrases instead of TopicExtractor",
    )
    parser.add_argument(
        "--pairs",
        type=Path,
        metavar="DIR",
        help="score every pair under DIR (either format) as one unseen set, instead of ours",
    )
    args = parser.parse_args(argv)
    if args.pairs is not None and not args.pairs.is_dir():
        parser.error(f"--pairs {args.pairs}: no such folder; give the folder holding the pairs")
    sets = {f"{args.pairs} (unseen)": load_pairs(args.pairs)} if args.pairs else builtin_sets()
    if not any(sets.values()):
        parser.error("no pairs (*.json) found: check the folder")

    embedder = load_embedder()
    extractor = make_extractor(embedder, args.given_topics)
    started = time.perf_counter()
    results = {
        name: [analyse(p, embedder, extractor) for p in pairs] for name, pairs in sets.items()
    }
    seconds = time.perf_counter() - started
    everyone = [p for pairs in sets.values() for p in pairs]
    openers = {r["pair"]: r.pop("openers") for rows in results.values() for r in rows}
    matrix = swap_matrix(everyone, openers)
    report = {
        "sets": {name: {"pairs": rows, "total": summary(rows)} for name, rows in results.items()},
        "openers": sum(len(o) for o in openers.values()),
        "openers_passing_own_swap_test": sum(
            o.swap_test.passed for v in openers.values() for o in v
        ),
        "swap_matrix": matrix,
        "topics": "given keyphrases" if extractor is None else "TopicExtractor",
        "seconds_for_all_pairs": round(seconds, 2),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for name, data in report["sets"].items():
        _print_set(name, data["pairs"], data["total"])
    m = matrix
    print(
        f"\nopeners passing their own swap test: {report['openers_passing_own_swap_test']}/"
        f"{report['openers']}"
    )
    print(f"swap matrix, (opener, other person) cells failed (0 is the bar): key-format pairs "
          f"{m['key_pairs_failed']} of {m['key_pairs_cells']}; all {len(everyone)} pairs, openers "
          f"that pass alone {m['own_passing_failed']} of {m['own_passing_cells']}; all cells "
          f"{m['failed']} of {m['cells']}")  # fmt: skip
    seconds = report["seconds_for_all_pairs"]
    print(f"topics from {report['topics']}; analysis time for all pairs: {seconds} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
