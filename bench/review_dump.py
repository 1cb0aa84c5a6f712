"""Write the inputs and our openers for the blind review.

The lead runs the review with two people who have not seen the code: one writes reference
openers for each input, another rates ours and the references side by side without knowing which
is which. This script copies the ten inputs (``bench/data/review/NN.json``: a mentee profile with
their goal and ask, a mentor profile, the mentor's posts with full text) to ``OUT/inputs/NN.json``
and writes the product's openers for each, all three channels in the default tone, to
``OUT/ours/NN.json``. It runs the real analysis: topics and talking points with the real model.

``--inputs DIR`` takes the pairs from another folder in the same format (a blind set someone
else keeps); the outputs are named as the inputs are.

    .venv/bin/python bench/review_dump.py [--inputs DIR] [--out /work/review]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from harness import ROOT
from insights.openers import opener_versions
from insights.phrasing import DEFAULT_TONE
from scraper.models import Post, Profile

INPUTS = ROOT / "bench" / "data" / "review"


def openers_for(raw: dict, embedder, extractor) -> list[dict]:
    from insights.common_ground import find_talking_points

    me, them = Profile.from_dict(raw["mentee"]), Profile.from_dict(raw["mentor"])
    posts = [Post.from_dict(p) for p in raw["posts"]]
    topics = extractor.person_topics(posts)[1] if posts else []
    points = find_talking_points(me, them, posts, topics, embedder)
    versions = opener_versions(me, them, points, topics, posts)
    if not versions:
        return []
    return [
        {k: o[k] for k in ("channel", "subject", "text") if k in o}
        for o in versions[0]["tones"][DEFAULT_TONE]
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/work/review"))
    parser.add_argument("--inputs", type=Path, default=INPUTS, help="pairs in the review format")
    args = parser.parse_args(argv)
    if not args.inputs.is_dir():
        parser.error(f"--inputs: {args.inputs} is not a folder")
    from insights.embed import load_embedder
    from insights.topics import TopicExtractor

    embedder = load_embedder()
    extractor = TopicExtractor(embedder)
    (args.out / "inputs").mkdir(parents=True, exist_ok=True)
    (args.out / "ours").mkdir(parents=True, exist_ok=True)
    for path in sorted(args.inputs.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        shutil.copyfile(path, args.out / "inputs" / path.name)
        ours = {"input": path.name, "tone": DEFAULT_TONE,
                "openers": openers_for(raw, embedder, extractor)}  # fmt: skip
        out = args.out / "ours" / path.name
        out.write_text(json.dumps(ours, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
