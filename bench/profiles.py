"""Field-level precision and recall of parse_profile against hand-checked gold files.

    .venv/bin/python bench/profiles.py [DIR [--gold GOLD_DIR]] [--json] [--repeat N]

For every ``*.html`` in DIR with a matching ``*.expected.json`` (next to it, or in GOLD_DIR; the
format of ../shared/data/linkedin/logged-in/, see its README "How the gold files read"), parses
the page and compares, field by field: name, headline, location, about (first 120 characters,
whitespace collapsed), each position's title, company, dates, duration, employment type and
location, each school's name, degree and dates, and the skills; and, where the gold file gives
them, each organisation's LinkedIn link and the sections the page did not show. Prints a table
per field and a total, and the parse time per page (the median of --repeat runs, measured in this
process) beside the time BeautifulSoup alone takes to build the same page, which is how fast the
machine was at that moment (the parsers before the 2026 layout built that soup first).

Without DIR, every set is measured in one run, side by side: the three July 2024 captures, the
two 2025-2026 captures (gold files in tests/fixtures/profiles/gold/) and the 2026-layout pages
written for the tests (tests/fixtures/profiles/linkedin-2026/).

With --stress, also times parse_profile on large and hostile inputs built from the first page
of DIR (5 MB and 50 MB pages, a page of 100,000 nested tags, random bytes) against the 2 s bar.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from harness import ROOT
from harness.profile_scoring import (
    gold_items,
    missing_and_extra,
    profile_items,
    score,
)
from scraper.profile import parse_profile
from scraper.profile.markup import prepare


def _median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1)


def _soup_seconds(html: str) -> float:
    """What BeautifulSoup alone takes to build the page: the machine's speed at that moment."""
    prepared = prepare(html)
    t0 = time.process_time()
    BeautifulSoup("\n" + prepared, "lxml")
    return time.process_time() - t0


def run(directory: Path, repeat: int, gold_dir: Path | None = None) -> dict[str, Any]:
    pages = []
    expected_all: Counter = Counter()
    got_all: Counter = Counter()
    for html_path in sorted(directory.glob("*.html")):
        gold_path = (gold_dir or html_path.parent) / (html_path.stem + ".expected.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        html = html_path.read_text(encoding="utf-8", errors="replace")
        url = gold.get("profile_url") or gold.get("url") or html_path.as_uri()
        times, cpu, soup = [], [], []
        profile = None
        for _ in range(max(1, repeat)):
            t0, c0 = time.perf_counter(), time.process_time()
            profile = parse_profile(html, url)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            soup.append(_soup_seconds(html))
        expected, got = gold_items(gold), profile_items(profile, gold)
        expected_all += expected
        got_all += got
        missing, extra = missing_and_extra(expected, got)
        pages.append(
            {
                "page": html_path.name,
                "kb": round(len(html.encode("utf-8")) / 1024),
                "parse_ms_median": _median_ms(times),
                "parse_ms_max": round(max(times) * 1000, 1),
                # CPU time of this process: what the parse costs, whatever else runs on the box.
                "cpu_ms_median": _median_ms(cpu),
                "soup_cpu_ms_median": _median_ms(soup),
                "scores": score(expected, got)["TOTAL"],
                "missing": missing,
                "extra": extra,
            }
        )
    return {
        "directory": str(directory),
        "gold": str(gold_dir) if gold_dir else None,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "pages": pages,
        "fields": score(expected_all, got_all),
    }


SHARED = ROOT.parent / "shared" / "data" / "linkedin"
FIXTURES = ROOT / "tests" / "fixtures" / "profiles"
# The sets measured when no folder is given: (label, pages, gold files or None for "beside").
SETS = (
    ("July 2024 captures (shared, gold beside)", SHARED / "logged-in", None),
    ("2025-2026 captures (shared, our gold)", SHARED / "2025-2026", FIXTURES / "gold"),
    ("2026 layout, pages written for the tests", FIXTURES / "linkedin-2026", None),
)


STRESS_BAR_S = 2.0


def _stress_inputs(base: str) -> dict[str, str | bytes]:
    """Hostile and large inputs, each built in memory from a real page."""
    body_at = base.find("<body")
    script = "<script>" + "var x = 1;" * 50_000 + "</script>"  # 500 KB of inline script
    rng = random.Random(7)
    return {
        "5 MB capture (page + inline scripts)": base + script * 9,
        "5 MB of markup (page body repeated)": base + base[body_at:] * 8,
        "5 MB of nested <div>": "<div>" * 1_000_000,
        "5 MB of unclosed <script": "<script" * 700_000,
        "50 MB of paragraphs": "<p>filler words here</p>" * 2_000_000,
        "50 MB of random bytes": rng.randbytes(50_000_000),
        "50 MB of Windows-1252 bytes": ("<p>Zoë, café, naïve. " * 2_500_000).encode("cp1252"),
    }


def stress(base: str, repeat: int) -> list[dict[str, Any]]:
    rows = []
    for label, page in _stress_inputs(base).items():
        times, cpu = [], []
        for _ in range(max(1, repeat)):
            t0, c0 = time.perf_counter(), time.process_time()
            parse_profile(page, "https://www.linkedin.com/in/stress-test/")
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        rows.append(
            {
                "input": label,
                "mb": round(len(page) / 1e6, 1),
                "parse_s_median": round(statistics.median(times), 3),
                "parse_s_max": round(max(times), 3),
                "cpu_s_median": round(statistics.median(cpu), 3),
                "under_bar": max(times) < STRESS_BAR_S,
            }
        )
    return rows


def _print(result: dict[str, Any]) -> None:
    print(
        f"Profiles in {result['directory']}"
        + (f" (gold: {result['gold']})" if result.get("gold") else "")
    )
    # Timings on a shared machine mean little without the load they were measured under.
    print(f"load average while measuring: {result['load_average']}")
    print(
        f"\n{'page':<34}{'KB':>6}{'parse ms':>10}{'max ms':>8}{'cpu ms':>8}{'soup ms':>9}"
        f"{'P':>8}{'R':>8}"
    )
    for p in result["pages"]:
        s = p["scores"]
        print(
            f"{p['page']:<34}{p['kb']:>6}{p['parse_ms_median']:>10}{p['parse_ms_max']:>8}"
            f"{p['cpu_ms_median']:>8}{p['soup_cpu_ms_median']:>9}"
            f"{s['precision']:>8.1%}{s['recall']:>8.1%}"
        )
        for item in p["missing"]:
            print(f"    missing {item}")
        for item in p["extra"]:
            print(f"    extra   {item}")
    print(f"\n{'field':<28}{'gold':>6}{'ours':>6}{'match':>7}{'precision':>11}{'recall':>9}")
    for name, s in result["fields"].items():
        print(
            f"{name:<28}{s['gold']:>6}{s['predicted']:>6}{s['tp']:>7}"
            f"{s['precision']:>11.1%}{s['recall']:>9.1%}"
        )
    if result.get("stress"):
        print(
            f"\n{'stress input':<40}{'MB':>6}{'median s':>10}{'max s':>8}{'cpu s':>8}"
            f"  under {STRESS_BAR_S} s"
        )
        for r in result["stress"]:
            print(
                f"{r['input']:<40}{r['mb']:>6}{r['parse_s_median']:>10}{r['parse_s_max']:>8}"
                f"{r['cpu_s_median']:>8}"
                f"  {'yes' if r['under_bar'] else 'NO'}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "directory",
        type=Path,
        nargs="?",
        help="folder of *.html pages (default: every set, side by side)",
    )
    parser.add_argument("--gold", type=Path, help="folder of the *.expected.json gold files")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--repeat", type=int, default=5, help="parses per page for the timing")
    parser.add_argument(
        "--stress",
        action="store_true",
        help="also time large and hostile inputs (5 MB, 50 MB) against 2 s",
    )
    args = parser.parse_args(argv)
    # The parser warns when it cuts a huge page; the stress run cuts on purpose.
    logging.getLogger("scraper.profile").setLevel(logging.ERROR)
    if args.directory is None:
        sets = [(label, pages, gold) for label, pages, gold in SETS if pages.is_dir()]
        if not sets:
            print("error: none of the default page folders is here", file=sys.stderr)
            return 2
    else:
        sets = [(None, args.directory, args.gold)]
    results = []
    for label, directory, gold in sets:
        for folder, what in ((directory, "*.html pages"), (gold, "gold files")):
            if folder is not None and not folder.is_dir():
                print(
                    f"error: {folder} is not a folder; give the folder that holds the {what}",
                    file=sys.stderr,
                )
                return 2
        result = run(directory, args.repeat, gold)
        if not result["pages"]:
            print(
                f"error: no *.html page with a matching *.expected.json in {directory}",
                file=sys.stderr,
            )
            return 2
        result["label"] = label
        results.append(result)
    if args.stress:
        first = sets[0][1] / results[0]["pages"][0]["page"]
        results[0]["stress"] = stress(first.read_text(encoding="utf-8"), min(args.repeat, 3))
    if args.json:
        out = results[0] if args.directory is not None else {"sets": results}
        print(json.dumps(out, indent=2, ensure_ascii=False, default=list))
    else:
        for result in results:
            if result.get("label"):
                print(f"\n=== {result['label']}")
            _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
