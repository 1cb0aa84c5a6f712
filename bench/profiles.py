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

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup  # noqa: E402

from scraper.models import Profile  # noqa: E402
from scraper.profile import parse_profile  # noqa: E402
from scraper.profile.markup import prepare  # noqa: E402
from scraper.profile.text import clean, parse_date_range  # noqa: E402

ABOUT_CHARS = 120  # the gold keeps the first 120 characters of About, whitespace collapsed


def _about(text: str | None) -> str | None:
    # Cut, then trimmed: a cut that ends on a space must not count against a gold that was trimmed.
    return (clean(text) or "")[:ABOUT_CHARS].rstrip() or None


def _dates(text: str | None) -> str | None:
    """Gold writes 'Jul 2021 - Present'; compare the normalised (start, end) pair."""
    if not text:
        return None
    r = parse_date_range(text)
    return f"{r.start}..{r.end or 'present'}" if r else clean(text)


def _our_dates(start: str | None, end: str | None) -> str | None:
    if not start:
        return None
    return f"{start}..{end or 'present'}"


def gold_items(gold: dict[str, Any]) -> Counter:
    """The gold file as a multiset of (field, value) items; nulls are not items."""
    items: list[tuple[str, str | None]] = [
        ("name", clean(gold.get("name"))),
        ("headline", clean(gold.get("headline"))),
        ("location", clean(gold.get("location"))),
        ("about", _about(gold.get("about"))),
    ]
    for p in gold.get("experience") or []:
        items += [
            ("position.title", clean(p.get("title"))),
            ("position.company", clean(p.get("company"))),
            ("position.dates", _dates(p.get("dates"))),
            ("position.duration", clean(p.get("duration"))),
            ("position.employment_type", clean(p.get("employment_type"))),
            ("position.location", clean(p.get("location"))),
        ]
    for s in gold.get("education") or []:
        items += [
            ("school.name", clean(s.get("school"))),
            ("school.degree", clean(s.get("degree"))),
            ("school.dates", _dates(s.get("dates"))),
        ]
    items += [("skill", clean(s)) for s in gold.get("skills") or []]
    items += _optional_gold_items(gold)
    return Counter(i for i in items if i[1])


# Fields only some gold files give: compared only for the pages whose gold gives them.
OPTIONAL_FIELDS = ("position.company_url", "school.school_url", "missing_section")


def declared_fields(gold: dict[str, Any]) -> set[str]:
    """The optional fields this gold file gives (an empty list counts: it says "none")."""
    out = set()
    if any("company_url" in p for p in gold.get("experience") or []):
        out.add("position.company_url")
    if any("school_url" in s for s in gold.get("education") or []):
        out.add("school.school_url")
    if "missing_sections" in gold:
        out.add("missing_section")
    return out


def _optional_gold_items(gold: dict[str, Any]) -> list[tuple[str, str | None]]:
    items: list[tuple[str, str | None]] = []
    items += [("position.company_url", p.get("company_url")) for p in gold.get("experience") or []]
    items += [("school.school_url", s.get("school_url")) for s in gold.get("education") or []]
    items += [("missing_section", m) for m in gold.get("missing_sections") or []]
    return items


def _optional_profile_items(profile: Profile) -> list[tuple[str, str | None]]:
    items: list[tuple[str, str | None]] = []
    items += [("position.company_url", p.company_url) for p in profile.experience]
    items += [("school.school_url", s.school_url) for s in profile.education]
    items += [("missing_section", m) for m in profile.missing_sections]
    return items


def profile_items(profile: Profile | None, gold: dict[str, Any] | None = None) -> Counter:
    """Our parse as the same multiset; the gold joins degree and field as 'degree, field'.

    With ``gold``, the optional fields that gold file gives are compared too.
    """
    if profile is None:
        return Counter()
    items: list[tuple[str, str | None]] = [
        ("name", clean(profile.name)),
        ("headline", clean(profile.headline)),
        ("location", clean(profile.location)),
        ("about", _about(profile.about)),
    ]
    for p in profile.experience:
        items += [
            ("position.title", clean(p.title)),
            ("position.company", clean(p.company)),
            ("position.dates", _our_dates(p.start, p.end)),
            ("position.duration", clean(p.duration)),
            ("position.employment_type", clean(p.employment_type)),
            ("position.location", clean(p.location)),
        ]
    for s in profile.education:
        degree = ", ".join(x for x in (s.degree, s.field) if x) or None
        items += [
            ("school.name", clean(s.school)),
            ("school.degree", clean(degree)),
            ("school.dates", _our_dates(s.start, s.end)),
        ]
    items += [("skill", clean(s)) for s in profile.skills]
    wanted = declared_fields(gold) if gold is not None else set()
    items += [i for i in _optional_profile_items(profile) if i[0] in wanted]
    return Counter(i for i in items if i[1])


def score(expected: Counter, got: Counter) -> dict[str, dict[str, float | int]]:
    """Per field and in total: true positives, predicted, gold, precision, recall."""
    fields = sorted({k for k, _ in expected} | {k for k, _ in got})
    out: dict[str, dict[str, float | int]] = {}
    for name in [*fields, "TOTAL"]:
        exp = Counter({k: v for k, v in expected.items() if name in ("TOTAL", k[0])})
        pred = Counter({k: v for k, v in got.items() if name in ("TOTAL", k[0])})
        tp = sum((exp & pred).values())
        n_pred, n_gold = sum(pred.values()), sum(exp.values())
        out[name] = {
            "tp": tp,
            "predicted": n_pred,
            "gold": n_gold,
            "precision": tp / n_pred if n_pred else 1.0,
            "recall": tp / n_gold if n_gold else 1.0,
        }
    return out


def missing_and_extra(expected: Counter, got: Counter) -> tuple[list, list]:
    return sorted((expected - got).elements()), sorted((got - expected).elements())


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
