"""Reading a blog: the HTTP path against the browser-only path, side by side in one run.

    .venv/bin/python bench/blog.py [--posts 20] [--words 1000] [--rounds 3] [--delay 0]
    .venv/bin/python bench/blog.py --extraction
    .venv/bin/python bench/blog.py --listing [--rounds 3] [--delay 0]

Serves a generated blog on 127.0.0.1 (N posts of ~W words; an RSS feed with the latest 10, a
sitemap with all), then times ``read_blog(limit=N)`` twice per round: over HTTP (the normal path)
and with every post rendered in Chromium (the path a browser-only scraper would take). Both use
a fresh Fetcher each round so neither benefits from a cache. The HTTP rounds run first, before
Chromium is launched; the browser is then launched once (as the server does) and its launch
time is printed apart. The peak memory of the
process tree (this process plus Chromium's processes; PSS) is sampled with psutil during each
path.

The default --delay 0 measures the two paths' own cost. With a politeness delay (--delay 1 is
what a real site gets) both paths wait the same pause before every request, so the delay, not
the path, dominates: run with --delay 0.1 to see it.

--listing times what listing a whole blog adds (``scraper.post_index.index_posts``: feed,
sitemap, every index page, the about page; no post opened) on the 60-post test blog
(harness/sites/years_blog.py: feed of 10, sitemap and 10-a-page pagination with all), side by
side with reading its 20 newest posts (``read_blog``), each round with a fresh Fetcher.

--extraction prints, per page of ../shared/data/blogs/readability/, the token F1 of the extracted
text against Readability's expected text, and whether title and byline match, for trafilatura's
defaults, trafilatura with favor_recall, and extract_post (what the scraper uses).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import time

from bench.memory import PeakMemory
from harness import ROOT
from harness.blog_site import build_site, make_posts
from harness.site import start_site
from scraper import forgettable
from scraper.blog import read_blog
from scraper.browser import BrowserPool, find_chromium
from scraper.fetch import Fetcher

READABILITY = ROOT.parent / "shared" / "data" / "blogs" / "readability"


def timed_read(base: str, limit: int, delay: float, browser=None) -> tuple[float, int, int]:
    for memory in forgettable.memories():  # every round parses its pages, as a first analysis
        memory.clear()
    with Fetcher(allow_hosts_loopback=True, delay=delay) as fetcher:
        with PeakMemory() as memory:
            started = time.perf_counter()
            result = read_blog(f"{base}/", fetcher, limit=limit, browser=browser,
                               force_browser=browser is not None)  # fmt: skip
            elapsed = time.perf_counter() - started
    if len(result.posts) != limit or result.errors:
        raise SystemExit(f"expected {limit} posts, got {len(result.posts)}: {result.errors}")
    return elapsed, memory.peak_pss, sum(len(p.text.split()) for p in result.posts)


def bench_paths(args: argparse.Namespace) -> None:
    posts = make_posts(args.posts, words=args.words)
    server = start_site()
    base = server.base_url
    server.routes.update(build_site(base, posts, feed_count=10))
    print(f"site: {args.posts} posts x ~{args.words} words, feed with the latest 10, sitemap "
          f"with all; politeness delay {args.delay} s; {args.rounds} rounds")  # fmt: skip
    # HTTP first, before Chromium exists, so that its memory figure is the HTTP path's alone.
    http_runs = [timed_read(base, args.posts, args.delay) for _ in range(args.rounds)]
    pool = BrowserPool(allow_hosts_loopback=True, executable_path=find_chromium())
    try:
        started = time.perf_counter()
        with Fetcher(allow_hosts_loopback=True, delay=0) as warm:
            pool.render(f"{base}/about/", fetcher=warm)
        launch = time.perf_counter() - started
        browser_runs = [
            timed_read(base, args.posts, args.delay, browser=pool) for _ in range(args.rounds)
        ]
    finally:
        pool.close()
        server.stop()
    http_s = statistics.median(r[0] for r in http_runs)
    browser_s = statistics.median(r[0] for r in browser_runs)
    mb = 1024 * 1024
    print(f"{'path':<14}{'median s':>10}{'min s':>8}{'posts/s':>9}{'peak PSS MB':>13}{'words':>8}")
    for name, runs, median in (("HTTP", http_runs, http_s), ("browser-only", browser_runs,
                                                               browser_s)):  # fmt: skip
        print(f"{name:<14}{median:>10.2f}{min(r[0] for r in runs):>8.2f}"
              f"{args.posts / median:>9.1f}{max(r[1] for r in runs) / mb:>13.0f}"
              f"{runs[0][2]:>8}")  # fmt: skip
    print(f"browser launch (once, not in the figures above): {launch:.2f} s")
    print(f"HTTP path is {browser_s / http_s:.1f}x faster than the browser-only path "
          f"(bar: at least 5x)")  # fmt: skip


def bench_listing(args: argparse.Namespace) -> None:
    from harness.sites import years_blog
    from scraper.post_index import index_posts

    server = start_site()
    base = server.base_url
    server.routes.update(years_blog.build_site(base))
    listing, reading = [], []
    try:
        for _ in range(args.rounds):
            for memory in forgettable.memories():  # every round parses its pages afresh
                memory.clear()
            with Fetcher(allow_hosts_loopback=True, delay=args.delay) as fetcher:
                started = time.perf_counter()
                index = index_posts(f"{base}/", fetcher)
                listing.append(time.perf_counter() - started)
            if index.total != 60 or index.errors:
                raise SystemExit(f"expected 60 posts listed, got {index.total}: {index.errors}")
            reading.append(timed_read(base, 20, args.delay)[0])
    finally:
        server.stop()
    print(f"blog of {index.total} posts (feed with 10); politeness delay {args.delay} s; "
          f"{args.rounds} rounds")  # fmt: skip
    print(
        f"listing every post: median {statistics.median(listing):.3f} s (min "
        f"{min(listing):.3f}); reading the 20 newest: median {statistics.median(reading):.3f} s"
    )
    print("  (bar: listing a 55-post blog adds at most 0.3 s)")


def bench_extraction() -> None:
    import trafilatura
    from lxml import html as lxml_html

    from harness.quality import byline_matches, title_matches, token_f1
    from scraper.extract import extract_post

    if not READABILITY.is_dir():
        raise SystemExit(f"reference pages not found at {READABILITY}")
    pages = sorted(p for p in READABILITY.iterdir() if p.is_dir())
    print(f"{'page':<22}{'trafilatura':>12}{'+recall':>9}{'ours':>7}  title byline  ms")
    totals = [0.0, 0.0, 0.0]
    for page in pages:
        source = (page / "source.html").read_text(encoding="utf-8", errors="replace")
        expected_html = (page / "expected.html").read_text(encoding="utf-8")
        expected = lxml_html.fromstring(expected_html).text_content()
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        url = f"https://{page.name}.example/post"
        plain = trafilatura.extract(source, url=url) or ""
        recall = trafilatura.extract(source, url=url, favor_recall=True) or ""
        started = time.perf_counter()
        post = extract_post(source, url)
        ms = (time.perf_counter() - started) * 1000
        scores = [token_f1(plain, expected), token_f1(recall, expected),
                  token_f1(post.text if post else "", expected)]  # fmt: skip
        totals = [t + s for t, s in zip(totals, scores, strict=True)]
        title = title_matches(post and post.title, meta.get("title"))
        byline = byline_matches(post and post.author, meta.get("byline"))
        print(f"{page.name:<22}{scores[0]:>12.3f}{scores[1]:>9.3f}{scores[2]:>7.3f}  "
              f"{'yes' if title else 'NO':<6}{'yes' if byline else 'NO':<7}{ms:>4.0f}")  # fmt: skip
    n = len(pages)
    print(f"{'mean token F1':<22}{totals[0] / n:>12.3f}{totals[1] / n:>9.3f}{totals[2] / n:>7.3f}"
          "  (bar: ours >= 0.90)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.0, help="politeness delay per host")
    parser.add_argument("--extraction", action="store_true", help="extraction quality instead")
    parser.add_argument("--listing", action="store_true", help="the cost of listing every post")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.extraction:
        bench_extraction()
    elif args.listing:
        bench_listing(args)
    else:
        bench_paths(args)


if __name__ == "__main__":
    main()
