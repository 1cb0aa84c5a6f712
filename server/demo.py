"""`commonground demo`: the whole product on one machine, with nothing to set up by hand.

It serves the bundled demo site (a fictional data scientist's profile and her blog) on loopback,
starts the backend with a fresh data directory, loads the real extension into Chromium, opens the
profile, opens the extension's popup on it, waits for the talking points, prints them and the
first opener, copies the opener, and saves a screenshot of the popup.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

SITE_DIR = Path(__file__).resolve().parent / "demo_site"
EXTENSION_DIR = Path(__file__).resolve().parent.parent / "extension"
OUTPUT_DIR = Path("demo-output")
# The demo pages name their own address as {{SITE}}, so that links, the feed and the JSON-LD
# hold absolute URLs on whatever port the site gets.
SITE_PLACEHOLDER = b"{{SITE}}"
# A first analysis loads the model and reads ten posts; on a slow 2-core machine that is well
# under a minute, so this only stops a demo that is really stuck.
RESULT_TIMEOUT_MS = 180_000
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".json": "application/json",
}


class DemoSite:
    """The demo site on 127.0.0.1, its pages with {{SITE}} replaced by the real base URL."""

    def __init__(self, root: Path = SITE_DIR, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = root
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # the demo's terminal is for results
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                body, ctype = site.page(self.path.split("?")[0])
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", ctype)
                body = body if body is not None else b"not found"
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://{host}:{self._server.server_address[1]}"
        # A short poll, so that stopping the demo (and the tests that run it) takes no 0.5 s.
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)  # fmt: skip

    def page(self, path: str) -> tuple[bytes | None, str]:
        """The bytes served at ``path`` (directories serve their index.html), or None."""
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root.resolve()):
            return None, "text/plain"
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or target.name == "me.json":
            return None, "text/plain"
        body = target.read_bytes().replace(SITE_PLACEHOLDER, self.base_url.encode())
        return body, _TYPES.get(target.suffix, "application/octet-stream")

    @property
    def profile_url(self) -> str:
        return self.base_url + "/"

    def __enter__(self) -> DemoSite:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def demo_me() -> dict:
    """The demo user's own profile: an analyst who studied at KTH and lives in Stockholm."""
    return json.loads((SITE_DIR / "me.json").read_text())


class Backend:
    """The real backend (waitress, threads) on a free loopback port, for the demo and tests."""

    def __init__(self, data_dir: Path, **config) -> None:
        from server import create_app
        from server.serving import make_server

        self.app = create_app({"DATA_DIR": str(data_dir), **config})
        self._server = make_server(self.app, host="127.0.0.1", port=0, threads=8)
        self.url = f"http://127.0.0.1:{self._server.effective_port}"
        self.token = (data_dir / "token").read_text().strip()
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> Backend:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.close()
        jobs = self.app.extensions.get("commonground", {}).get("jobs")
        if jobs is not None and hasattr(jobs, "shutdown"):
            jobs.shutdown()


def _say(line: str = "") -> None:
    """The demo's output is its terminal report, like the CLI's, so it writes to stdout."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(headed: bool = False, output_dir: Path = OUTPUT_DIR) -> int:
    """Run the demo; returns the process exit code."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect, sync_playwright

    from scraper.browser import LAUNCH_ARGS, BrowserNotFound, find_chromium

    try:
        chromium = find_chromium()
    except BrowserNotFound as exc:
        _say(f"error: {exc}")
        return 2
    if headed and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        _say("No display found (DISPLAY is not set): running the browser headless instead.")
        headed = False
    data_dir = output_dir / "data"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)

    with DemoSite() as site, Backend(data_dir, ALLOW_LOOPBACK_FETCH=True, FETCH_DELAY_S=0.05) as be:
        _say(f"Demo site:  {site.profile_url}  (Maya Lindqvist, a fictional data scientist)")
        _say(f"Backend:    {be.url}  (data in {data_dir})")
        headers = {"Authorization": f"Bearer {be.token}"}
        httpx.put(
            f"{be.url}/api/me", json=demo_me(), headers=headers, timeout=10
        ).raise_for_status()
        _say("You are:    Sam Rivera, a data analyst (demo-output uses server/demo_site/me.json)")

        with sync_playwright() as pw:
            profile_dir = output_dir / "chromium-profile"
            shutil.rmtree(profile_dir, ignore_errors=True)
            context = pw.chromium.launch_persistent_context(
                str(profile_dir),
                executable_path=chromium,
                headless=not headed,
                args=[
                    f"--disable-extensions-except={EXTENSION_DIR}",
                    f"--load-extension={EXTENSION_DIR}",
                    *LAUNCH_ARGS,
                ],
                viewport={"width": 1200, "height": 900},
            )
            try:
                context.grant_permissions(["clipboard-read", "clipboard-write"])
                worker = (
                    context.service_workers[0]
                    if context.service_workers
                    else context.wait_for_event("serviceworker")
                )
                ext_id = worker.url.split("/")[2]
                worker.evaluate(
                    "s => chrome.storage.local.set({settings: s})",
                    {"backendUrl": be.url, "token": be.token},
                )
                profile = context.new_page()
                profile.goto(site.profile_url)
                tab_id = worker.evaluate(
                    "async url => (await chrome.tabs.query({})).find(t => t.url === url).id",
                    site.profile_url,
                )
                _say("Clicking the extension on the profile page...")
                popup = context.new_page()
                popup.set_viewport_size({"width": 420, "height": 900})
                popup.goto(f"chrome-extension://{ext_id}/popup.html?tab={tab_id}")
                _wait_for_result(popup, expect)
                _report(popup, output_dir)
            except (PlaywrightError, AssertionError) as exc:
                _say(f"error: the demo did not finish: {str(exc).splitlines()[0]}")
                return 1
            finally:
                context.close()
    return 0


def _wait_for_result(popup, expect) -> None:
    """Follow the popup's stages until the result (or an error) shows."""
    deadline = time.monotonic() + RESULT_TIMEOUT_MS / 1000
    last = ""
    while time.monotonic() < deadline:
        if popup.locator("#result").is_visible():
            return
        if popup.locator("#error").is_visible():
            raise AssertionError(
                "the popup shows an error: " + popup.locator("#error").inner_text()
            )
        stage = popup.locator("#stage").inner_text().strip()
        if stage and stage != last:
            _say(f"  {stage}")
            last = stage
        popup.wait_for_timeout(200)
    expect(popup.locator("#result")).to_be_visible(timeout=1)


def _report(popup, output_dir: Path) -> None:
    """Print the talking points and the first opener; copy it; save the popup's screenshot."""
    _say()
    _say("Talking points")
    for point in popup.locator("#talking-points li.point").all():
        _say("  - " + point.locator(".point-text").inner_text().strip())
        evidence = point.locator("a.evidence")
        if evidence.count():
            _say("      evidence: " + (evidence.first.get_attribute("href") or ""))
    opener = popup.locator("#openers .opener").first
    _say()
    _say("First opener (" + opener.locator(".channel").inner_text().strip() + ")")
    _say("  " + opener.locator("textarea.opener-text").input_value().replace("\n", "\n  "))
    opener.locator("button.copy").click()
    popup.wait_for_timeout(300)
    copied = popup.evaluate("() => navigator.clipboard.readText()")
    _say(f"  (copied to the clipboard: {len(copied)} characters)")
    shot = output_dir / "popup.png"
    popup.screenshot(path=str(shot), full_page=True)
    _say()
    _say(f"Screenshot of the popup: {shot}")


if __name__ == "__main__":
    sys.exit(main(headed="--headed" in sys.argv))
