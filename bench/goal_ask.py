"""Openers built with free-text goals and asks, as users type them, checked for grammar.

For each pair of ``bench/data/review`` (or ``--pairs DIR`` in that format) the real analysis runs
once (topics and talking points with the real model); then each goal string of a half of
``bench/data/goal_ask`` replaces the mentee's goal, and each ask string their ask, and every
opener (all versions, tones and channels) is checked:

- grammar: the rules of ``harness.opener_grammar`` (no doubled verbs, no first-person clause
  in a noun slot, sentences that end, connection notes within 300 characters, ...);
- truth: ``insights.truth.check_opener`` finds nothing unsupported;
- goal: every ask sentence names the goal, when there is one.

A string is grammatical when every opener built with it, on every pair, breaks no grammar rule,
and clean when besides nothing is unsupported and every ask names the goal.

    .venv/bin/python bench/goal_ask.py [--half calibration|holdout|both] [--json] [--pairs DIR]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from harness import ROOT
from harness.opener_grammar import ask_sentences, check_grammar
from insights.goal import infer_goal
from insights.openers import opener_versions
from insights.truth import check_opener
from scraper.models import Post, Profile

DATA = ROOT / "bench" / "data" / "goal_ask"
REVIEW = ROOT / "bench" / "data" / "review"


def load_pairs(folder: Path) -> list[tuple[str, Profile, Profile, list[Post]]]:
    out = []
    for path in sorted(folder.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.stem, Profile.from_dict(raw["mentee"]), Profile.from_dict(raw["mentor"]),
                    [Post.from_dict(p) for p in raw["posts"]]))  # fmt: skip
    return out


def analysed(pairs, embedder, extractor) -> list[tuple]:
    from insights.common_ground import find_talking_points

    out = []
    for name, me, them, posts in pairs:
        topics = extractor.person_topics(posts)[1] if posts else []
        points = find_talking_points(me, them, posts, topics, embedder)
        out.append((name, me, them, posts, topics, points))
    return out


def check_string(field: str, value: str, ready: list[tuple]) -> dict:
    """Every opener built with ``value`` as the mentee's ``field`` on every pair, checked."""
    problems: Counter = Counter()
    examples: list[dict] = []
    openers = unsupported = untied = ungrammatical = 0
    for name, me, them, posts, topics, points in ready:
        mine = replace(me, **{field: value})
        goal = infer_goal(mine)
        for version in opener_versions(mine, them, points, topics, posts):
            for tone, found in version["tones"].items():
                for o in found:
                    openers += 1
                    rules = check_grammar(o["text"], o["channel"])
                    ungrammatical += bool(rules)
                    findings = check_opener(o["text"], mine, them, posts, o.get("subject"))
                    unsupported += len(findings)
                    if findings and len(examples) < 3:
                        examples.append({"pair": name, "tone": tone, "channel": o["channel"],
                                         "rules": [f"truth:{f.kind}:{f.detail}" for f in findings],
                                         "sentence": findings[0].sentence})  # fmt: skip
                    if goal and not any(goal.named_in(s) for s in ask_sentences(o["text"])):
                        untied += 1
                    problems.update({p.rule for p in rules})
                    if rules and len(examples) < 3:
                        examples.append({"pair": name, "tone": tone, "channel": o["channel"],
                                         "rules": sorted({p.rule for p in rules}),
                                         "sentence": rules[0].sentence})  # fmt: skip
    return {
        "field": field, "value": value, "openers": openers,
        "clean": not problems and not unsupported and not untied,
        "grammatical": not problems, "ungrammatical_openers": ungrammatical,
        "problems": dict(problems), "unsupported": unsupported, "untied_asks": untied,
        "examples": examples,
    }  # fmt: skip


def run_half(half: str, ready: list[tuple]) -> dict:
    data = json.loads((DATA / f"{half}.json").read_text(encoding="utf-8"))
    rows = [check_string("goal", g, ready) for g in data["goals"]]
    rows += [check_string("ask", a, ready) for a in data["asks"]]
    rules: Counter = Counter()
    for r in rows:
        rules.update(r["problems"])
    return {
        "half": half,
        "strings": len(rows),
        "clean_strings": sum(r["clean"] for r in rows),
        "grammatical_strings": sum(r["grammatical"] for r in rows),
        "openers": sum(r["openers"] for r in rows),
        "ungrammatical_openers": sum(r["ungrammatical_openers"] for r in rows),
        "rule_counts": dict(rules),
        "unsupported": sum(r["unsupported"] for r in rows),
        "untied_asks": sum(r["untied_asks"] for r in rows),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("calibration", "holdout", "both"), default="both")
    parser.add_argument("--pairs", type=Path, default=REVIEW, help="pairs in the review format")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="every string that is not clean")
    args = parser.parse_args(argv)
    from insights.embed import load_embedder
    from insights.topics import TopicExtractor

    embedder = load_embedder()
    ready = analysed(load_pairs(args.pairs), embedder, TopicExtractor(embedder))
    halves = ("calibration", "holdout") if args.half == "both" else (args.half,)
    results = [run_half(h, ready) for h in halves]
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    for r in results:
        print(f"{r['half']:11} strings {r['clean_strings']}/{r['strings']} clean "
              f"({r['grammatical_strings']} grammatical)  openers {r['openers']}, "
              f"{r['ungrammatical_openers']} breaking a rule  unsupported {r['unsupported']}  "
              f"asks not naming the goal {r['untied_asks']}  rules {r['rule_counts']}")  # fmt: skip
        if args.verbose:
            for row in r["rows"]:
                if not row["clean"]:
                    print(
                        f"  {row['field']}: {row['value']!r} {row['problems']} "
                        f"unsupported {row['unsupported']} untied {row['untied_asks']}"
                    )
                    for ex in row["examples"][:2]:
                        print(f"      {ex['rules']} {ex['sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
