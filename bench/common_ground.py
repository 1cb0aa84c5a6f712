"""Precision and recall of the talking points on the fixture pairs, and the swap-test matrix.

Each pair in tests/fixtures/pairs/*.json holds a user (``me``), a person (``them``), the person's
posts and the talking points a careful reader expects, as (kind, key) pairs. This script runs
``find_talking_points`` with the real embedder on every pair, with topics from
``insights.topics.TopicExtractor`` when it is installed (``--given-topics`` uses the keyphrases
written in the fixture instead), and prints per-pair and total precision and recall. Then it
writes the openers of every pair and runs the swap test of each against every other pair's person:
an opener that would also fit that person (its facts are true of them too) counts as a failure.

    .venv/bin/python bench/common_ground.py [--json] [--given-topics]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from harness import ROOT
from insights.common_ground import find_talking_points, no_common_ground_advice
from insights.embed import load_embedder
from insights.models import Evidence, Topic
from insights.openers import swap_test, write_openers
from scraper.models import Post, Profile

PAIRS = ROOT / "tests" / "fixtures" / "pairs"


def load_pair(path: Path) -> dict:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        "name": path.stem,
        "me": Profile.from_dict(raw["me"]),
        "them": Profile.from_dict(raw["them"]),
        "posts": [Post.from_dict(p) for p in raw["posts"]],
        "given_topics": [
            Topic(k["phrase"], k["score"], (Evidence(k["url"], k["sentence"]),))
            for k in raw.get("keyphrases", ())
        ],
        "expected": {tuple(e) for e in raw["expected"]},
        "strong": raw.get("strong", bool(raw["expected"])),
        "holdout": bool(raw.get("holdout")),
    }


def topics_for(pair: dict, extractor) -> list[Topic]:
    if extractor is None:
        return pair["given_topics"]
    return extractor.person_topics(pair["posts"])[1]


def make_extractor(embedder, given: bool):
    if given:
        return None
    try:
        from insights.topics import TopicExtractor
    except ImportError:
        return None
    return TopicExtractor(embedder)


def _pr(rows: list[dict]) -> dict:
    hits, found, expected = (sum(r[k] for r in rows) for k in ("hits", "found", "expected"))
    return {
        "pairs": len(rows),
        "precision": hits / found if found else 1.0,
        "recall": hits / expected if expected else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--given-topics",
        action="store_true",
        help="use the fixture's keyphrases instead of TopicExtractor",
    )
    args = parser.parse_args(argv)

    embedder = load_embedder()
    extractor = make_extractor(embedder, args.given_topics)
    pairs = [load_pair(p) for p in sorted(PAIRS.glob("*.json"))]
    rows = []
    openers_by_pair = {}
    started = time.perf_counter()
    for pair in pairs:
        topics = topics_for(pair, extractor)
        points = find_talking_points(pair["me"], pair["them"], pair["posts"], topics, embedder)
        found = {(p.kind, p.key) for p in points}
        hits = found & pair["expected"]
        advice = no_common_ground_advice(pair["them"], pair["posts"], topics, points)
        openers = write_openers(pair["me"], pair["them"], points, topics, pair["posts"])
        openers_by_pair[pair["name"]] = openers
        rows.append(
            {
                "pair": pair["name"],
                "holdout": pair["holdout"],
                "hits": len(hits),
                "found": len(found),
                "expected": len(pair["expected"]),
                "precision": len(hits) / len(found) if found else 1.0,
                "recall": len(hits) / len(pair["expected"]) if pair["expected"] else 1.0,
                "false_positives": sorted(map(list, found - pair["expected"])),
                "missed": sorted(map(list, pair["expected"] - found)),
                "strong_expected": pair["strong"],
                "strong_found": not advice,
                "openers_pass_own_swap_test": all(o.swap_test.passed for o in openers),
            }
        )
    analysis_seconds = time.perf_counter() - started

    # The swap matrix: every opener of pair i against the person of every other pair j. The
    # opener passes when it still passes the swap test with j's person as the one it must not
    # also fit (facts true of j, e.g. a shared employer, stop counting).
    cells = survived = 0
    for pair in pairs:
        for opener in openers_by_pair[pair["name"]]:
            for other in pairs:
                if other is pair:
                    continue
                cells += 1
                result = swap_test(opener.text, pair["them"], opener.facts, [other["them"]])
                if not result.passed:
                    survived += 1

    total = {
        "pairs": len(pairs),
        **_pr(rows),
        "calibration_set": _pr([r for r in rows if not r["holdout"]]),
        "holdout_set": _pr([r for r in rows if r["holdout"]]),
        "strong_judged_right": sum(r["strong_expected"] == r["strong_found"] for r in rows),
        "openers": sum(len(o) for o in openers_by_pair.values()),
        "openers_passing_own_swap_test": sum(
            o.swap_test.passed for ops in openers_by_pair.values() for o in ops
        ),
        "swap_matrix_cells": cells,
        "swap_matrix_failures": survived,
        "topics": "given keyphrases" if extractor is None else "TopicExtractor",
        "seconds_for_all_pairs": round(analysis_seconds, 2),
    }
    if args.json:
        print(json.dumps({"pairs": rows, "total": total}, indent=2))
        return 0
    print(f"{'pair':34} {'P':>5} {'R':>5}  strong  notes  (* held out)")
    for r in rows:
        notes = []
        if r["false_positives"]:
            notes.append(f"extra {r['false_positives']}")
        if r["missed"]:
            notes.append(f"missed {r['missed']}")
        strong = "ok" if r["strong_expected"] == r["strong_found"] else "WRONG"
        label = ("*" if r["holdout"] else " ") + r["pair"]
        print(
            f"{label:34} {r['precision']:5.2f} {r['recall']:5.2f}  {strong:6}  {'; '.join(notes)}"
        )
    cal, held = total["calibration_set"], total["holdout_set"]
    print(
        f"\ntotal over {total['pairs']} pairs (topics from {total['topics']}): "
        f"precision {total['precision']:.3f}, recall {total['recall']:.3f}; "
        f"strong/weak judged right {total['strong_judged_right']}/{total['pairs']}"
    )
    print(
        f"  calibration set ({cal['pairs']} pairs the thresholds were set on): precision "
        f"{cal['precision']:.3f}, recall {cal['recall']:.3f}\n"
        f"  held-out set ({held['pairs']} pairs written after): precision "
        f"{held['precision']:.3f}, recall {held['recall']:.3f}"
    )
    print(
        f"openers passing their own swap test: {total['openers_passing_own_swap_test']}/"
        f"{total['openers']}; swap matrix: {survived} of {cells} (opener, other person) "
        f"cells failed (0 is the bar)"
    )
    print(f"analysis time for all pairs: {total['seconds_for_all_pairs']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
