"""From click to talking points: the backend against a naive pipeline, side by side in one run.

    .venv/bin/python -m bench.end_to_end [--rounds 3] [--posts 20] [--words 1000] [--json]

Serves a site on 127.0.0.1: a profile page (JSON-LD Person linking to the blog) and a blog of
N posts of ~W words (RSS feed with the latest 10, sitemap with all; ETag and 304 answers). Per
round, with a fresh data directory and a fresh backend process (the model loaded before the
clock starts, as `serve` does at start):

- cold: POST /api/analyses to the finished result, nothing cached;
- warm: the same profile again (pages revalidated with ETags, phrases cached);
- naive: every page opened in Playwright Chromium one after another, KeyBERT with its defaults
  on each post (same ONNX model, already loaded), no cache.

Then, untimed, a profile page that only shows its content once its script runs, so that the
backend launches Chromium. Also: the start-up time (process start to the first health answer,
and to the model being ready), health and poll latency while the cold analysis runs, and the
peak memory of the backend process tree (Chromium included): RSS every 50 ms, PSS every
second (psutil).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from bench.memory import PeakMemory
from harness import live
from harness.blog_site import build_site, make_posts
from harness.site import LocalSite, start_site

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ME = {"name": "Sam Reyes", "headline": "Backend engineer learning about distributed tracing",
      "skills": ["Distributed tracing", "Code review", "Feature flags", "Compilers"],
      "interests": ["mentoring new engineers", "incident reviews"],
      "education": [{"school": "University of Leeds"}]}  # fmt: skip


def profile_page(base: str) -> str:
    person = {
        "@context": "https://schema.org", "@type": "Person", "name": "Ada Lovelace",
        "jobTitle": "Principal Engineer", "worksFor": {"@type": "Organization", "name": "Engine"},
        "alumniOf": [{"@type": "EducationalOrganization", "name": "University of Leeds"}],
        "knowsAbout": ["Distributed tracing", "Compilers", "Code review"],
        "url": f"{base}/", "sameAs": [f"{base}/"],
    }  # fmt: skip
    return (f"<!doctype html><html><head><title>Ada Lovelace</title><script type="
            f"'application/ld+json'>{json.dumps(person)}</script></head><body><h1>Ada Lovelace"
            "</h1><p>Principal Engineer at Engine. I write about tracing and compilers.</p>"
            "</body></html>")  # fmt: skip


def js_profile_page() -> str:
    """A profile that exists only once its script has run: the backend must render it in
    Chromium, so the memory figure includes a launched browser."""
    person = json.dumps({"@context": "https://schema.org", "@type": "Person",
                         "name": "Grace Hopper", "jobTitle": "Rear Admiral"})  # fmt: skip
    script = (
        "const s = document.createElement('script'); s.type = 'application/ld+json';"
        f"s.textContent = {json.dumps(person)}; document.head.appendChild(s);"
        "document.getElementById('root').innerHTML = '<h1>Grace Hopper</h1><p>Compilers.</p>';"
    )
    scripts = f"<script>{script}</script><script></script><script></script>"
    return ("<!doctype html><html><head><title>Loading</title></head><body>"
            f"<div id='root'></div>{scripts}</body></html>")  # fmt: skip


def serve_site(posts: int, words: int) -> tuple[LocalSite, str, list[str]]:
    """The site, with ETags so that a warm analysis can revalidate instead of downloading."""
    site = start_site()
    base = site.base_url
    fake = make_posts(posts, words=words)
    routes = build_site(base, fake, feed_count=10)
    routes["/profile/"] = profile_page(base)
    routes["/js-profile/"] = js_profile_page()
    routes.setdefault("/robots.txt", f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n")
    site.routes.update({path: body.encode() for path, body in routes.items()})
    return site, base, [f"{base}{p.path}" for p in fake]


def analyse(client: httpx.Client, url: str, polls: list[float]) -> tuple[float, dict]:
    """POST the analysis and poll until it is done; seconds from POST to the result."""
    started = time.perf_counter()
    answer = client.post("/api/analyses", json={"url": url})
    answer.raise_for_status()
    analysis_id = answer.json()["id"]
    while True:
        t = time.perf_counter()
        state = client.get(f"/api/analyses/{analysis_id}").json()
        polls.append((time.perf_counter() - t) * 1000)
        if state["status"] == "done":
            return time.perf_counter() - started, state["result"]
        if state["status"] == "failed":
            raise SystemExit(f"the analysis failed: {state['error']}")
        time.sleep(0.05)  # a light poll (the extension polls every 500 ms)


def probe_health(server: live.LiveServer, stop: threading.Event, out: list[float]) -> None:
    with httpx.Client(base_url=server.base_url, timeout=30) as c:
        while not stop.is_set():
            t = time.perf_counter()
            c.get("/api/health")
            out.append((time.perf_counter() - t) * 1000)
            stop.wait(0.1)


def ours(base: str, posts: int) -> dict:
    """One cold and one warm analysis on a fresh backend process and data directory."""
    with tempfile.TemporaryDirectory() as tmp:
        launched = time.perf_counter()
        server = live.start(Path(tmp) / "data", env={
            "COMMONGROUND_ALLOW_LOOPBACK_FETCH": "true", "COMMONGROUND_PRELOAD_MODEL": "true",
            "COMMONGROUND_USE_BROWSER": "true", "COMMONGROUND_POST_LIMIT": str(posts)})  # fmt: skip
        startup = time.perf_counter() - launched  # live.start returns at the first health 200
        try:
            with httpx.Client(base_url=server.base_url, headers=server.headers, timeout=60) as c:
                c.put("/api/me", json=ME).raise_for_status()
                while c.get("/api/health").json()["model"] != "ready":
                    time.sleep(0.05)
                model_ready = time.perf_counter() - launched
                health: list[float] = []
                polls: list[float] = []
                stop = threading.Event()
                prober = threading.Thread(target=probe_health, args=(server, stop, health))
                with PeakMemory(server.process.pid) as memory:
                    prober.start()
                    cold, result = analyse(c, f"{base}/profile/", polls)
                    stop.set()
                    prober.join()
                    warm, warm_result = analyse(c, f"{base}/profile/", [])
                    # Last, outside the timed runs: a page only Chromium can read, so that the
                    # peak memory is that of the model and a browser together.
                    _, js_result = analyse(c, f"{base}/js-profile/", [])
                    if js_result["profile"]["name"] != "Grace Hopper":
                        raise SystemExit("the JavaScript profile was not rendered")
        finally:
            server.stop()
    if len(result["posts"]) != posts or len(warm_result["posts"]) != posts:
        raise SystemExit(f"expected {posts} posts, got {len(result['posts'])}: {result['errors']}")
    return {"cold": cold, "warm": warm, "stages": result["timings"],
            "warm_stages": warm_result["timings"], "rss": memory.peak_rss,
            "pss": memory.peak_pss, "health_ms": health, "poll_ms": polls,
            "points": len(result["talking_points"]), "startup": startup,
            "model_ready": model_ready}  # fmt: skip


def naive(base: str, post_urls: list[str], embedder) -> float:
    """The obvious pipeline: a browser opens every page in turn, KeyBERT's defaults per post."""
    from keybert import KeyBERT
    from playwright.sync_api import sync_playwright

    from scraper.browser import find_chromium

    started = time.perf_counter()
    keybert = KeyBERT(model=embedder)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for url in [f"{base}/profile/", f"{base}/", *post_urls]:
            page.goto(url)
            text = page.inner_text("body")
            if url in post_urls:
                keybert.extract_keywords(text)
        browser.close()
    return time.perf_counter() - started


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s ({min(values):.3f}-{max(values):.3f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from insights.embed import load_embedder

    embedder = load_embedder()  # for the naive pipeline; the backend loads its own
    site, base, post_urls = serve_site(args.posts, args.words)
    runs, naive_runs = [], []
    try:
        for i in range(args.rounds):
            runs.append(ours(base, args.posts))
            naive_runs.append(naive(base, post_urls, embedder))
            print(f"round {i + 1}: cold {runs[-1]['cold']:.3f} s, warm {runs[-1]['warm']:.3f} s,"
                  f" naive {naive_runs[-1]:.3f} s", file=sys.stderr)  # fmt: skip
    finally:
        site.stop()
    cold = [r["cold"] for r in runs]
    warm = [r["warm"] for r in runs]
    health = sorted(h for r in runs for h in r["health_ms"])
    polls = sorted(p for r in runs for p in r["poll_ms"])
    stages = {k: round(statistics.median(r["stages"][k] for r in runs), 3)
              for k in runs[0]["stages"]}  # fmt: skip
    warm_stages = {k: round(statistics.median(r["warm_stages"][k] for r in runs), 3)
                   for k in runs[0]["warm_stages"]}  # fmt: skip
    summary = {
        "cold_s": round(statistics.median(cold), 3),
        "warm_s": round(statistics.median(warm), 3),
        "naive_s": round(statistics.median(naive_runs), 3),
        "cold_ratio": round(statistics.median(naive_runs) / statistics.median(cold), 1),
        "warm_ratio": round(statistics.median(naive_runs) / statistics.median(warm), 1),
        "peak_rss_mb": round(max(r["rss"] for r in runs) / 2**20),
        "peak_pss_mb": round(max(r["pss"] for r in runs) / 2**20),
        "stages": stages,
        "warm_stages": warm_stages,
        "startup_health_s": round(statistics.median(r["startup"] for r in runs), 3),
        "startup_model_ready_s": round(statistics.median(r["model_ready"] for r in runs), 3),
        "health_during_cold_ms": {"p95": round(health[int(0.95 * (len(health) - 1))], 1),
                                  "max": round(health[-1], 1), "count": len(health)},
        "poll_during_cold_ms": {"p95": round(polls[int(0.95 * (len(polls) - 1))], 1),
                                "max": round(polls[-1], 1), "count": len(polls)},
        "rounds": args.rounds, "posts": args.posts, "words": args.words,
    }  # fmt: skip
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"site: profile + {args.posts} posts x ~{args.words} words; {args.rounds} rounds; "
          "median (min-max)")  # fmt: skip
    print(f"  cold  (POST to result, nothing cached)   {spread(cold)}")
    print(f"  warm  (same profile, revalidated)        {spread(warm)}")
    print(f"  naive (Playwright + KeyBERT defaults)    {spread(naive_runs)}")
    print(f"  naive / cold = {summary['cold_ratio']}x   naive / warm = {summary['warm_ratio']}x")
    print(f"  cold stages (s): {stages}")
    print(f"  warm stages (s): {warm_stages}")
    print(f"  start-up: health answers after {summary['startup_health_s']} s, model and "
          f"warm-up ready after {summary['startup_model_ready_s']} s")  # fmt: skip
    print(f"  peak memory of the backend tree (model + Chromium): RSS {summary['peak_rss_mb']} MB, "
          f"PSS {summary['peak_pss_mb']} MB")  # fmt: skip
    print(f"  during cold: health p95 {summary['health_during_cold_ms']['p95']} ms, max "
          f"{summary['health_during_cold_ms']['max']} ms; poll p95 "
          f"{summary['poll_during_cold_ms']['p95']} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
