"""Load on the real backend process (waitress, threads) over loopback.

Prints requests per second and latency percentiles (p50, p95, p99, max) for health, GET /api/me
and analysis polling at 1, 10 and 50 concurrent clients, then the load test's mix: 50 clients
sending 1,000 requests over every route (writes included), latency per kind of request, and
health as a separate monitor process sees it while that load runs.

Run: .venv/bin/python -m bench.load [--json] [--requests N] [--threads T]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from harness import live

ANALYSIS = live.ANALYSIS


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def run(server: live.LiveServer, clients: int, total: int, request) -> dict[str, float]:
    """``total`` requests spread over ``clients`` threads, each with its own connection."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_client = max(1, total // clients)

    def client_loop(_: int) -> None:
        nonlocal errors
        mine, bad = [], 0
        with httpx.Client(base_url=server.base_url, headers=server.headers, timeout=30) as c:
            for i in range(per_client):
                started = time.perf_counter()
                status = request(c, i).status_code
                mine.append((time.perf_counter() - started) * 1000)
                bad += status >= 500 and status != 503
        with lock:
            latencies.extend(mine)
            errors += bad

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client_loop, range(clients)))
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(percentile(latencies, 95), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
        "max_ms": round(max(latencies), 2),
        "errors": errors,
    }


def probe_health(base_url: str, stop, out) -> None:
    """In its own process: GET /api/health every 20 ms until ``stop`` is set, as a monitor
    would while the load runs. Its latencies are the server's, not the load generator's own
    fifty threads waiting for their process's GIL."""
    latencies = []
    with httpx.Client(base_url=base_url, timeout=30) as c:
        while not stop.is_set():
            started = time.perf_counter()
            c.get("/api/health")
            latencies.append((time.perf_counter() - started) * 1000)
            stop.wait(0.02)
    out.put(latencies)


def mixed(server: live.LiveServer, total: int) -> list[dict[str, float]]:
    """The load test's mix: 50 clients, ``total`` requests over every kind of route (writes
    included); latency reported per kind, so health's p99 is read under that load."""
    kinds = live.MIX
    by_kind: dict[str, list[float]] = {k: [] for k in kinds}
    statuses: dict[str, int] = {}
    lock = threading.Lock()
    last: list[str] = []
    local = threading.local()

    def one(i: int) -> None:
        if not hasattr(local, "c"):
            local.c = httpx.Client(base_url=server.base_url, headers=server.headers, timeout=30)
        kind = kinds[(i * 7919) % len(kinds)]
        started = time.perf_counter()
        r = live.send(local.c, kind, i, last[-1] if last else "none")
        elapsed = (time.perf_counter() - started) * 1000
        if kind == "analysis_post" and r.status_code == 202:
            last.append(r.json()["id"])
        with lock:
            by_kind[kind].append(elapsed)
            statuses[str(r.status_code)] = statuses.get(str(r.status_code), 0) + 1

    context = multiprocessing.get_context("spawn")
    stop, out = context.Event(), context.Queue()
    prober = context.Process(target=probe_health, args=(server.base_url, stop, out))
    prober.start()
    time.sleep(1.0)  # the prober's interpreter starts before the load does
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(one, range(total)))
    elapsed = time.perf_counter() - started
    stop.set()
    probed = out.get(timeout=30)
    prober.join(10)
    rows = []
    for kind, values in by_kind.items():
        if values:
            rows.append({"route": f"mixed: {kind}", "clients": 50, "requests": len(values),
                         "rps": round(total / elapsed, 1),
                         "p50_ms": round(statistics.median(values), 2),
                         "p95_ms": round(percentile(values, 95), 2),
                         "p99_ms": round(percentile(values, 99), 2),
                         "max_ms": round(max(values), 2),
                         "errors": sum(n for s, n in statuses.items()
                                       if s.startswith("5") and s != "503")})  # fmt: skip
    # Only the probes sent while the load ran (the first second is the prober's warm-up).
    during = probed[int(1.0 / 0.02) :] or probed
    rows.append({"route": "mixed: health, prober", "clients": 1, "requests": len(during),
                 "rps": round(len(during) / elapsed, 1),
                 "p50_ms": round(statistics.median(during), 2),
                 "p95_ms": round(percentile(during, 95), 2),
                 "p99_ms": round(percentile(during, 99), 2),
                 "max_ms": round(max(during), 2), "errors": 0})  # fmt: skip
    print(f"mixed run: {total} requests in {elapsed:.2f}s, statuses {statuses}", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--requests", type=int, default=1000, help="requests per measurement")
    parser.add_argument("--threads", type=int, default=8, help="the server's waitress threads")
    args = parser.parse_args(argv)
    # The machine may be shared: print its load so the figures can be read in context.
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs",
          file=sys.stderr)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        server = live.start(Path(tmp) / "data", threads=args.threads)
        try:
            with httpx.Client(base_url=server.base_url, headers=server.headers) as c:
                c.put("/api/me", json={"name": "Bench User", "skills": ["Python"]})
                analysis_id = c.post("/api/analyses", json=ANALYSIS).json()["id"]
            routes = {
                "health": lambda c, i: c.get("/api/health"),
                "me": lambda c, i: c.get("/api/me"),
                "poll": lambda c, i: c.get(f"/api/analyses/{analysis_id}"),
            }
            rows = []
            for name, request in routes.items():
                for clients in (1, 10, 50):
                    rows.append({"route": name, "clients": clients,
                                 **run(server, clients, args.requests, request)})  # fmt: skip
            rows += mixed(server, args.requests)
        finally:
            server.stop()
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'route':<24}{'clients':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'max ms':>9}{'errors':>8}")  # fmt: skip
    for r in rows:
        print(f"{r['route']:<24}{r['clients']:>8}{r['rps']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}"
              f"{r['p99_ms']:>9}{r['max_ms']:>9}{r['errors']:>8}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
