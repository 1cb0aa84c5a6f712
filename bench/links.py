"""A page of 100,000 links: how long the readers that walk a page's links take on it.

    .venv/bin/python -m bench.links [--links 100000] [--rounds 3]

Times, on a generated index page of N post links: parsing it (``make_soup``, which every reader
below does first), ``post_links``, ``next_page`` and ``discover_feeds`` (pure functions), then
``read_blog`` against the page served on 127.0.0.1 (home page = that index; every post answers
404, so the time is discovery's). Prints the
median of the rounds and the links each reader looked at. Run it with PYTHONPATH set to two
checkouts to compare them side by side on the same machine.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from scraper import discover, feeds
from scraper.blog import read_blog
from scraper.fetch import Fetcher
from scraper.soup import make_soup


def index_page(n: int) -> str:
    """N post links, tersely marked up: 100,000 of them stay under the fetcher's 5 MB cap."""
    links = "".join(f'<a href="/p/{i}/">{i}</a>' for i in range(n))
    return f"<html><head><title>Index</title></head><body>{links}</body></html>"


def serve(body: bytes) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 (http.server's naming)
            status = 200 if self.path == "/" else 404
            payload = body if status == 200 else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            try:
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the reader stopped reading (it had what it needed)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def timed(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def links_looked_at(action: Callable[[], object]) -> int:
    """How many links ``action`` resolved (urljoin calls in discover and feeds)."""
    count = 0
    real = discover.urljoin

    def counted(*args, **kwargs):
        nonlocal count
        count += 1
        return real(*args, **kwargs)

    discover.urljoin = feeds.urljoin = counted
    try:
        action()
    finally:
        discover.urljoin = feeds.urljoin = real
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)  # the readers warn, rightly, about this page
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
          f"{args.links} links", file=sys.stderr)  # fmt: skip
    page = index_page(args.links)
    site = "https://blog.example/"
    readers: dict[str, Callable[[], object]] = {
        "make_soup (parse only)": lambda: make_soup(page),
        "post_links": lambda: discover.post_links(page, site, site),
        "next_page": lambda: discover.next_page(page, site),
        "discover_feeds": lambda: feeds.discover_feeds(page, site),
    }
    server, home = serve(page.encode())
    try:

        def whole_read() -> object:
            with Fetcher(allow_hosts_loopback=True, delay=0.0) as fetcher:
                return read_blog(home, fetcher, limit=20)

        readers["read_blog (served)"] = whole_read
        print(f"{'reader':<24}{'median s':>10}{'links':>9}")
        for name, action in readers.items():
            looked = links_looked_at(action)
            print(f"{name:<24}{timed(action, args.rounds):>10.3f}{looked:>9}")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
