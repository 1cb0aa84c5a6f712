"""Reading a whole blog for a mentee, through the real command line, on the local test blogs.

    .venv/bin/python bench/blog_reading.py [--blog ghost|wordpress|hugo|years|planner]

Serves the chosen blog (harness/sites/) on 127.0.0.1, writes its mentee to a file and runs
``commonground analyze <home page> --me mentee.json --json`` in a child process with loopback
fetching allowed, as a user would. Prints, per blog: posts indexed against the blog's real
count, the posts that match the mentee read and cited, thin posts cited, and the top topics with
the long-running themes they name. ``ghost`` is held out (see harness/sites/ghost_blog.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import ROOT
from harness.blog_scoring import BlogTruth, score
from harness.site import running_site

# Words that name each long-running theme in a topic phrase (regular expressions).
THEME_WORDS = {
    "ghost": {
        "screen readers": r"screen reader",
        "accessibility audits": r"accessib|wcag|audit",
        "older users": r"older",
        "meetups": r"meetup",
        "bouldering": r"boulder|climb",
        "ceramics": r"ceramic|clay|glaze|kiln|pott",
        "board games": r"board game|\bgames?\b",
    },
    "years": {
        "stoicism": r"stoic",
        "dashboards": r"dashboard",
        "deep learning": r"deep learning|fast\.?ai",
        "subscription metrics": r"subscription|churn",
        "poems": r"poem",
        "spiritual path": r"spiritual|meditation|retreat",
        "travel": r"travel|train",
        "sourdough": r"sourdough|bread|starter",
    },
}


def blog_module(name: str):
    from harness.sites import ghost_blog, planner_blog, years_blog

    modules = {"ghost": ghost_blog, "years": years_blog, "planner": planner_blog}
    try:
        from harness.sites import hugo_blog, wordpress_blog

        modules.update({"hugo": hugo_blog, "wordpress": wordpress_blog})
    except ImportError:
        pass
    return modules[name]


def truth_of(name: str, module) -> BlogTruth:
    posts = module.make_posts()
    words = getattr(module, "THEME_WORDS", None) or THEME_WORDS.get(name, {})
    return BlogTruth(
        themes={p.path: p.theme for p in posts},
        relevant_themes=frozenset(module.OLD_THEMES),
        thin=frozenset(p.path for p in posts if p.theme in ("video", "link")),
        theme_words=words,
    )


def analyse(name: str, limit: int = 20) -> dict:
    module = blog_module(name)
    with running_site() as site, tempfile.TemporaryDirectory() as tmp:
        site.routes.update(module.build_site(site.base_url))
        if hasattr(module, "not_found"):
            site.fallback = module.not_found(site.base_url)
        # The page the user is on: the home page, or the about page of a blog whose home page
        # names nobody (years, planner).
        start = "/about/" if name in ("years", "planner") else "/"
        me = Path(tmp) / "mentee.json"
        me.write_text(json.dumps(module.mentee()), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "COMMONGROUND_ALLOW_LOOPBACK_FETCH": "true",
               "COMMONGROUND_FETCH_DELAY_S": "0", "COMMONGROUND_USE_BROWSER": "false"}  # fmt: skip
        command = [sys.executable, "-m", "server.cli", "analyze", site.url(start), "--me",
                   str(me), "--json", "--limit", str(limit), "--data-dir",
                   str(Path(tmp) / "data")]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"analyze failed on {name}:\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout)
        figures = score(result, truth_of(name, module))
        figures["seconds"] = round(seconds, 1)
        figures["requests"] = len(site.requests)
        figures["reading"] = result.get("reading")
        figures["errors"] = result.get("errors")
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blog", action="append", help="ghost, wordpress, hugo, years, planner")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    for name in args.blog or ["wordpress", "hugo", "years", "planner"]:
        print(json.dumps({"blog": name, **analyse(name, limit=args.limit)}, indent=1))


if __name__ == "__main__":
    main()
