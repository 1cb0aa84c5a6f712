"""An attack run against a running backend: the holes of issue #17, tried again from outside.

    .venv/bin/python -m bench.attack [--bomb-mb 1024] [--fuzz 400]

Starts the real backend (``commonground serve``, waitress) twice from this checkout: a strict
one (the defaults: loopback refused) and one that may read 127.0.0.1, where the hostile sites
of this script run. Everything stays on 127.0.0.1. Each check prints what it found; the exit
status is 1 when any check failed. Forgetting (item 4 of the issue) is not tried here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import socket
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import psutil

from harness import live

Route = tuple[int, dict[str, str], bytes] | Callable[[], tuple[int, dict[str, str], bytes]]


@dataclass
class Site:
    """A hostile web site on 127.0.0.1: fixed answers per path, every request recorded."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    base_url: str = ""

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 (http.server's naming)
                site.requests.append(self.path)
                route = site.routes.get(self.path.split("?")[0])
                if route is None:
                    route = (404, {"Content-Type": "text/plain"}, b"not found")
                status, headers, body = route() if callable(route) else route
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the reader stopped reading, as it should

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{server.server_address[1]}"
        STARTED.append(self)
        return self


STARTED: list[Site] = []  # every hostile site, to look for their addresses in the server log


class Canary:
    """A UDP socket and a TCP listener on 127.0.0.1 that count whatever reaches them."""

    def __init__(self) -> None:
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp.settimeout(0.2)
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(64)
        self.tcp.settimeout(0.2)
        self.packets = self.connections = 0
        self.stop = threading.Event()
        threading.Thread(target=self._udp, daemon=True).start()
        threading.Thread(target=self._tcp, daemon=True).start()

    def _udp(self) -> None:
        while not self.stop.is_set():
            try:
                self.udp.recvfrom(4096)
                self.packets += 1
            except TimeoutError:
                pass

    def _tcp(self) -> None:
        while not self.stop.is_set():
            try:
                self.tcp.accept()[0].close()
                self.connections += 1
            except TimeoutError:
                pass


class Report:
    def __init__(self) -> None:
        self.failed = 0

    def check(self, name: str, ok: bool, found: str) -> None:
        self.failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {found}", flush=True)


def analyse(server: live.LiveServer, body: dict[str, Any], timeout: float = 180) -> dict:
    with httpx.Client(base_url=server.base_url, headers=server.headers, timeout=30) as c:
        started = c.post("/api/analyses", json=body)
        if started.status_code != 202:
            return {"status": "refused", "error": started.json().get("error")}
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            answer = c.get(f"/api/analyses/{started.json()['id']}").json()
            if answer["status"] in ("done", "failed"):
                return answer
            time.sleep(0.2)
    return {"status": "timeout"}


def message_of(answer: dict) -> str:
    error = answer.get("error") or {}
    if error:
        return f"{error.get('code')}: {error.get('message', '')[:150]}"
    errors = (answer.get("result") or {}).get("errors") or []
    return "; ".join(errors)[:300] or answer["status"]


# -- 1. decompression bombs ----------------------------------------------------------------


def profile_page(head: str = "", body: str = "") -> str:
    """A person's own site, as the profile parsers recognise one (JSON-LD Person), so that the
    analysis goes on to read the blog: its feed, its sitemap, its index."""
    person = json.dumps({"@context": "https://schema.org", "@type": "Person", "name": "Jane Doe",
                         "jobTitle": "Data engineer", "worksFor": {"name": "Acme"},
                         "address": {"addressLocality": "Oslo"}})  # fmt: skip
    return (
        f'<html><head><script type="application/ld+json">{person}</script>{head}</head>'
        f"<body><h1>Jane Doe</h1><p>Data engineer at Acme in Oslo.</p>{body}</body></html>"
    )


def bomb_body(megabytes: int, layers: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    body = b"".join(packer.compress(bytes(1 << 20)) for _ in range(megabytes)) + packer.flush()
    for _ in range(layers - 1):
        body = gzip.compress(body, 9)
    return body


def peak_rss_during(pid: int, action: Callable[[], Any]) -> tuple[int, int, Any]:
    process = psutil.Process(pid)
    base = process.memory_info().rss
    peak = [base]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                peak[0] = max(peak[0], process.memory_info().rss)
            except psutil.Error:
                return
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        outcome = action()
    finally:
        done.set()
        sampler.join()
    return base, peak[0], outcome


def bombs(report: Report, server: live.LiveServer, megabytes: int) -> None:
    for layers, coding in ((1, "gzip"), (2, "gzip, gzip")):
        body = bomb_body(megabytes, layers)
        for where in ("page", "feed", "sitemap", "robots.txt"):
            site = Site().start()
            bomb = (200, {"Content-Type": "text/html", "Content-Encoding": coding}, body)
            site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\n")
            feed = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
            site.routes["/"] = (200, {"Content-Type": "text/html"},
                                profile_page(feed if where == "feed" else "").encode())  # fmt: skip
            target = {"page": "/", "feed": "/feed.xml", "sitemap": "/sitemap.xml",
                      "robots.txt": "/robots.txt"}[where]  # fmt: skip
            site.routes[target] = bomb
            base, peak, answer = peak_rss_during(
                server.process.pid, lambda site=site: analyse(server, {"url": site.url("/")})
            )
            grown = (peak - base) / 1e6
            found = (f"{len(body):,}-byte body ({coding}, {megabytes} MB inflated) as {where}: "
                     f"server RSS +{grown:.0f} MB; {message_of(answer)[:160]}")  # fmt: skip
            report.check(f"bomb {coding} / {where}", grown < 100 and target in site.requests,
                         found)  # fmt: skip


# -- 2. WebRTC from a rendered page --------------------------------------------------------


def webrtc(report: Report, server: live.LiveServer) -> None:
    canary = Canary()
    port = canary.udp.getsockname()[1]
    servers = [{"urls": f"stun:127.0.0.1:{port}"},
               {"urls": f"turn:127.0.0.1:{port}?transport=udp", "username": "u",
                "credential": "p"}]  # fmt: skip
    page = f"""<html><body><div id="app"></div><script>
const pc = new RTCPeerConnection({{iceServers: {json.dumps(servers)}}});
pc.createDataChannel("x"); pc.createOffer().then((o) => pc.setLocalDescription(o));
document.getElementById("app").innerHTML = "<h1>Jane Doe</h1><p>Data engineer in Oslo.</p>";
</script><script src="/slow.js"></script></body></html>"""
    site = Site().start()

    def slow() -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.5)
        return 200, {"Content-Type": "text/javascript"}, b"1;"

    site.routes.update({"/": (200, {"Content-Type": "text/html"}, page.encode()), "/slow.js": slow})
    answer = analyse(server, {"url": site.url("/")})
    time.sleep(1.0)
    canary.stop.set()
    rendered = "/slow.js" in site.requests
    report.check("WebRTC STUN/TURN from a rendered page", rendered and canary.packets == 0,
                 f"page rendered: {rendered}; UDP packets at the canary: {canary.packets}; "
                 f"analysis {answer['status']}")  # fmt: skip


# -- 3. local addresses --------------------------------------------------------------------


def address_forms(port: int) -> list[str]:
    hosts = ["127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f000001", "0x7f.0.0.1",
             "0177.0.0.1", "017700000001", "127.000.000.001", "127.255.255.254", "0.0.0.0", "0",
             "localhost", "LOCALHOST", "localhost.", "[::1]", "[0:0:0:0:0:0:0:1]", "[::]",
             "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:127.0.0.1]",
             "[::127.0.0.1]", "[2002:7f00:1::]", "[2002:7f00:1::1]", "[2002:a00:1::]",
             "[2002:c0a8:101::]", "[2002:a9fe:a9fe::]", "[64:ff9b::7f00:1]", "[fec0::1]",
             "[fe80::1]", "[fc00::1]", "[fd00::1]", "[::ffff:0:7f00:1]", "[2001:0:7f00:1::]",
             "10.0.0.1", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1",
             "192.0.0.8", "192.0.2.1", "192.88.99.1", "198.18.0.1", "198.51.100.1",
             "203.0.113.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "[ff02::1]",
             "[3fff::1]", "[2001:db8::1]", "[100::1]"]  # fmt: skip
    forms = []
    for host in hosts:
        for scheme in ("http", "https"):
            forms.append(f"{scheme}://{host}:{port}/")
        forms.append(f"http://user@{host}:{port}/x")
    return forms


def local_addresses(report: Report, server: live.LiveServer) -> None:
    canary = Canary()
    port = canary.tcp.getsockname()[1]
    forms = address_forms(port)
    outcomes: dict[str, int] = {}
    for url in forms:
        answer = analyse(server, {"url": url}, timeout=60)
        code = (answer.get("error") or {}).get("code") or answer["status"]
        outcomes[code] = outcomes.get(code, 0) + 1
    time.sleep(0.5)
    canary.stop.set()
    report.check(
        f"{len(forms)} local-address forms",
        canary.connections == 0,
        f"TCP connections at the canary: {canary.connections}; outcomes {outcomes}",
    )


# -- 5. person keys ------------------------------------------------------------------------


def person_keys(report: Report, server: live.LiveServer) -> None:
    with httpx.Client(base_url=server.base_url, headers=server.headers, timeout=30) as c:
        pairs = [
            ("http://people.example:8080/ada", "http://people.example:8081/ada"),
            ("https://x.example/profile.php?id=1", "https://x.example/profile.php?id=2"),
        ]
        for first, second in pairs:
            keys = [c.post("/api/contacts", json={"name": u, "url": u}).json()["person_key"]
                    for u in (first, second)]  # fmt: skip
            c.delete(f"/api/people/{keys[0]}")
            left = {x["name"] for x in c.get("/api/contacts").json()["contacts"]}
            report.check(
                f"person keys {first} / {second}",
                keys[0] != keys[1] and second in left and first not in left,
                f"keys {keys}; after forgetting the first, left: {second in left}",
            )
        newline = c.delete("/api/people/0123456789abcdef%0A")
        report.check(
            "key with a trailing newline", newline.status_code == 422, f"HTTP {newline.status_code}"
        )


# -- 6. HTTP 500s --------------------------------------------------------------------------


JSON_ROUTES = [("POST", "/api/analyses"), ("PUT", "/api/me"), ("POST", "/api/me/import"),
               ("POST", "/api/drafts/check"), ("POST", "/api/contacts"),
               ("PATCH", "/api/contacts/1")]  # fmt: skip


def reproductions() -> list[tuple[str, str, str]]:
    cases = []
    for method, path in JSON_ROUTES:
        cases.append((method, path, "[" * 2000 + "]" * 2000))
        cases.append((method, path, '{"a":' * 5000 + "1" + "}" * 5000))
    for path in ("/api/analyses", "/api/contacts", "/api/me/import"):
        for url in ("http://[::1/", "http://[::1", "http://a.example:99999/"):
            cases.append(("POST", path, json.dumps({"url": url, "name": "x", "html": "<p>x</p>"})))
    for date in ("9999-12-31", "9999-11-15", "0001-01-01"):
        cases.append(
            (
                "POST",
                "/api/contacts",
                json.dumps({"name": "x", "status": "sent", "sent_date": date}),
            )
        )
    for field_name in ("name", "notes", "message", "analysis_id", "url", "status"):
        body = '{"name": "x", "FIELD": "\\ud800"}'.replace("FIELD", field_name)
        cases.append(("POST", "/api/contacts", body))
    for method, path in JSON_ROUTES:
        cases.append((method, path, '{"\\udfff": "x", "text": "\\ud800", "url": "\\ud800"}'))
    cases.append(("POST", "/api/contacts", '{"name": "x", "status": ""}'))
    return cases


def fuzz(seed: int, count: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    pieces = [
        "",
        " ",
        "\\ud800",
        "http://[",
        "9999-12-31",
        "null",
        "[]",
        "{}",
        "1e999",
        "-0",
        "\\u0000",
        "http://a.example:0/",
        "ftp://x",
        "x" * 400,
        "2025-02-30",
        "sent",
    ]
    fields = [
        "url",
        "html",
        "name",
        "status",
        "sent_date",
        "follow_up_date",
        "notes",
        "text",
        "channel",
        "analysis_id",
        "person_key",
        "profile",
        "skills",
        "headline",
    ]
    cases = []
    for _ in range(count):
        method, path = rng.choice(JSON_ROUTES)
        body = {rng.choice(fields): rng.choice(pieces) for _ in range(rng.randint(1, 4))}
        raw = json.dumps(body).replace("\\\\u", "\\u")
        cases.append((method, path, raw))
    return cases


def http_500s(report: Report, server: live.LiveServer, count: int) -> None:
    with httpx.Client(base_url=server.base_url, timeout=30, headers={
            **server.headers, "Content-Type": "application/json"}) as c:  # fmt: skip
        for name, cases in (("the issue's reproductions", reproductions()),
                            (f"{count} fuzzed bodies", fuzz(17, count))):  # fmt: skip
            statuses: dict[int, int] = {}
            shapeless = 0
            for method, path, raw in cases:
                answer = c.request(method, path, content=raw.encode("utf-8", "surrogatepass"))
                statuses[answer.status_code] = statuses.get(answer.status_code, 0) + 1
                if answer.status_code >= 400:
                    try:
                        error = answer.json()["error"]
                        shapeless += not (error["code"] and error["message"])
                    except (ValueError, KeyError, TypeError):
                        shapeless += 1
            fives = sum(n for s, n in statuses.items() if s >= 500 and s != 503)
            report.check(
                f"500s from {name}",
                fives == 0 and shapeless == 0,
                f"{len(cases)} requests, statuses {dict(sorted(statuses.items()))}, "
                f"errors not in the one shape: {shapeless}",
            )


# -- 7. waitress's own errors --------------------------------------------------------------


def waitress_errors(report: Report, server: live.LiveServer) -> None:
    port = int(server.base_url.rsplit(":", 1)[1])
    host = f"Host: 127.0.0.1:{port}\r\n".encode()
    pad = b"".join(b"X-Pad-%d: %s\r\n" % (i, b"a" * 1000) for i in range(300))
    cases = {
        "bad request line": b"GARBAGE\r\n\r\n",
        "NUL in a header": b"GET /api/health HTTP/1.1\r\n" + host + b"X-A: a\x00b\r\n\r\n",
        "bad Content-Length": b"POST /api/contacts HTTP/1.1\r\n"
        + host
        + b"Content-Length: 1x\r\n\r\n{}",
        "bad chunk size": b"POST /api/contacts HTTP/1.1\r\n"
        + host
        + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "headers over 256 KB": b"GET /api/health HTTP/1.1\r\n" + host + pad + b"\r\n",
    }
    for name, raw in cases.items():
        data = live.raw_exchange(port, raw)
        head, _, body = data.partition(b"\r\n\r\n")
        try:
            shaped = bool(json.loads(body)["error"]["code"])
        except (ValueError, KeyError, TypeError):
            shaped = False
        status_line = head.split(b"\r\n")[0].decode(errors="replace")
        report.check(
            f"waitress error: {name}",
            shaped and b"application/json" in head,
            f"{status_line}; body {body[:90]!r}",
        )


# -- 8. DNS rebinding ----------------------------------------------------------------------


def rebinding(report: Report, server: live.LiveServer) -> None:
    port = int(server.base_url.rsplit(":", 1)[1])
    answered = []
    hosts = [f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}",
             f"localhost:{port + 1}", f"[::1]:{port + 1}", f"0.0.0.0:{port}"]  # fmt: skip
    with httpx.Client(base_url=server.base_url, timeout=10) as c:
        for host in hosts:
            for path in ("/api/health", "/api/openapi.json"):
                r = c.get(path, headers={"Host": host})
                if r.status_code != 403:
                    answered.append(f"{host}{path}: {r.status_code}")
        own = [c.get("/api/health", headers={"Host": h}).status_code
               for h in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}")]  # fmt: skip
    report.check(
        "foreign Host names",
        not answered and own == [200, 200, 200],
        f"{len(hosts) * 2} tried, answered: {answered or 'none'}; own names: {own}",
    )


# -- 9. smaller ----------------------------------------------------------------------------


def smaller(report: Report, server: live.LiveServer, log_path: Path) -> None:
    data = server.data_dir
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in [data, *data.iterdir()]}
    open_to_others = [n for n, m in modes.items() if int(m, 8) & 0o077]
    report.check("data directory and files owner-only", not open_to_others, f"modes {modes}")
    with httpx.Client(base_url=server.base_url, timeout=10) as c:
        statuses = {p: c.options(p).status_code for p in ("/api/me", "/api/contacts", "/x", "/")}
    report.check("OPTIONS without Origin", 204 not in statuses.values(), f"statuses {statuses}")
    sites = [site.base_url.removeprefix("http://") for site in STARTED]
    lines = [line for line in log_path.read_text(errors="replace").splitlines()
             if any(site in line for site in sites) and "level=DEBUG" not in line]  # fmt: skip
    report.check("fetched URLs in the server log", not lines,
                 f"{len(lines)} lines name a fetched site" + (f", e.g. {lines[0][:160]}"
                                                                if lines else ""))  # fmt: skip


def many_links(report: Report, server: live.LiveServer, count: int = 100_000) -> None:
    site = Site().start()
    links = "".join(f'<a href="/p/{i}/">{i}</a>' for i in range(count))
    site.routes["/"] = (200, {"Content-Type": "text/html"}, profile_page(body=links).encode())
    started = time.monotonic()
    answer = analyse(server, {"url": site.url("/")})
    took = time.monotonic() - started
    posts = sum(1 for p in site.requests if p.startswith("/p/"))
    report.check(f"a page of {count:,} links", answer["status"] in ("done", "failed") and
                 posts <= 200, f"analysis {answer['status']} in {took:.1f} s; "
                 f"{posts} of its links requested")  # fmt: skip


def wait_for_model(server: live.LiveServer, timeout: float = 180) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if httpx.get(server.base_url + "/api/health", timeout=10).json()["model"] == "ready":
            return
        time.sleep(0.5)
    raise RuntimeError("the embedding model did not load")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bomb-mb", type=int, default=1024)
    parser.add_argument("--fuzz", type=int, default=400)
    args = parser.parse_args(argv)
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("strict", "open"):
            (Path(tmp) / name).mkdir()
        strict = live.start(Path(tmp) / "strict" / "data", env={"COMMONGROUND_WORKERS": "2"})
        try:
            rebinding(report, strict)
            waitress_errors(report, strict)
            http_500s(report, strict, args.fuzz)
            person_keys(report, strict)
            local_addresses(report, strict)
        finally:
            strict.stop()
        # The model is loaded before the bombs, so that its 300 MB do not count as theirs.
        env = {"COMMONGROUND_ALLOW_LOOPBACK_FETCH": "true", "COMMONGROUND_USE_BROWSER": "true",
               "COMMONGROUND_ANALYSIS_BUDGET_S": "45", "COMMONGROUND_WORKERS": "1",
               "COMMONGROUND_PRELOAD_MODEL": "true"}  # fmt: skip
        reader = live.start(Path(tmp) / "open" / "data", env=env, timeout=60)
        try:
            wait_for_model(reader)
            bombs(report, reader, args.bomb_mb)
            webrtc(report, reader)
            many_links(report, reader)
            smaller(report, reader, next((Path(tmp) / "open").glob("server-*.log")))
        finally:
            reader.stop()
    print(f"{report.failed} check(s) failed", file=sys.stderr)
    return 1 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
