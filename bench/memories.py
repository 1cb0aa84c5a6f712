"""Which in-process memories pay for themselves? An analysis of the demo person (10 posts) in one
process: the first, a repeat (nothing changed), and a repeat after the user's own profile changed
(so the remembered result cannot be used), with every memory on, then with one memory switched
off at a time. Prints the median seconds of each over the rounds, measured side by side.

    python -m bench.memories [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from harness import DEMO_SITE
from harness.site import serve_directory
from scraper import forgettable
from server import store
from server.pipeline import Pipeline, Settings

MEMORIES = [
    "analysis results",
    "parsed pages",
    "vectors of texts",
    "topic analyses of texts",
    "lines of posts",
]


def switch_off(prefix: str | None) -> None:
    for memory in forgettable.memories():
        if prefix is not None and memory.name.startswith(prefix):
            memory.max_items = 0
            memory.clear()


def one_round(url: str, me: dict, off: str | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as data:
        db = Path(data) / store.DB_NAME
        store.init_db(db)
        pipeline = Pipeline(Settings(allow_loopback_fetch=True, use_browser=False), db, warm=True)
        pipeline.embedder.get(120)
        for memory in forgettable.memories():
            memory.clear()
        saved = {m.name: m.max_items for m in forgettable.memories()}
        switch_off(off)
        times = {}
        try:
            changed = {**me, "interests": [*me["interests"], "baking"]}
            for name, profile in (("first", me), ("repeat", me), ("me changed", changed)):
                started = time.perf_counter()
                pipeline.analyse(url, None, profile)
                times[name] = time.perf_counter() - started
        finally:
            for memory in forgettable.memories():
                memory.max_items = saved.get(memory.name, memory.max_items)
            pipeline.close()
        return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    me = json.loads((DEMO_SITE / "me.json").read_text())
    with serve_directory(DEMO_SITE) as base:
        rows: dict[str, list[dict[str, float]]] = {}
        for _ in range(args.rounds):
            for off in [None, *MEMORIES]:  # side by side in every round
                rows.setdefault(off or "all on", []).append(one_round(base + "/", me, off))
    print(f"{'memory switched off':28} {'first':>8} {'repeat':>8} {'me changed':>11}")
    for name, runs in rows.items():
        medians = [statistics.median(r[k] for r in runs) for k in ("first", "repeat", "me changed")]
        print(f"{name:28} " + " ".join(f"{m:8.3f}" for m in medians[:2]) + f" {medians[2]:11.3f}")


if __name__ == "__main__":
    main()
