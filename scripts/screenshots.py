"""Screenshots of the extension's states for the README, written to docs/screenshots/.

Runs everything for real on this machine: the demo person's site on a loopback port, the
backend (with the real model) on another, and the unpacked extension in headless Chromium.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from harness import DEMO_SITE, ROOT
from harness import site as harness_site
from harness.site import LocalSite

EXTENSION = ROOT / "extension"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
POPUP_SIZE = {"width": 440, "height": 900}
PAGE_SIZE = {"width": 900, "height": 1000}
# Each post page waits this long, so the progress shot catches "Reading posts n of 10".
POST_DELAY_S = 0.6
NOT_A_PROFILE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Cast iron skillet</title></head><body><h1>Cast iron skillet, 26 cm</h1>
<p>Pre-seasoned, oven safe. Price: 39.00 EUR.</p></body></html>"""


def start_site(slow: bool) -> LocalSite:
    """The demo site on 127.0.0.1, with {{SITE}} filled in; post pages slow when ``slow``."""
    site = harness_site.start_site()
    site.serve_dir(DEMO_SITE)
    site.routes["/shop/skillet"] = NOT_A_PROFILE
    if slow:
        for path, body in list(site.routes.items()):
            if path.startswith("/blog/") and path.count("/") == 3 and isinstance(body, bytes):
                site.routes[path] = _slowly(body)
    return site


def _slowly(body: bytes) -> Callable[[object], tuple[int, dict[str, str], bytes]]:
    def answer(_request: object) -> tuple[int, dict[str, str], bytes]:
        time.sleep(POST_DELAY_S)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body

    return answer


def start_backend(data_dir: Path):
    from server import create_app
    from server.serving import make_server

    app = create_app({"DATA_DIR": str(data_dir), "ALLOW_LOOPBACK_FETCH": True,
                      "FETCH_DELAY_S": 0.0, "USE_BROWSER": False})  # fmt: skip
    server = make_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return app, server, f"http://127.0.0.1:{server.effective_port}"


def free_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


class Shooter:
    def __init__(self, context, out: Path) -> None:
        self.context = context
        self.out = out
        sw = context.service_workers[0] if context.service_workers else None
        self.sw = sw or context.wait_for_event("serviceworker", timeout=15000)
        self.base = f"chrome-extension://{self.sw.url.split('/')[2]}/"

    def configure(self, url: str, token: str) -> None:
        self.sw.evaluate("s => chrome.storage.local.set({settings: s})",
                         {"backendUrl": url, "token": token})  # fmt: skip
        self.sw.evaluate("chrome.storage.session.clear()")

    def tab_for(self, url: str) -> int:
        before = set(self.sw.evaluate("chrome.tabs.query({}).then(t => t.map(x => x.id))"))
        page = self.context.new_page()
        page.goto(url)
        after = set(self.sw.evaluate("chrome.tabs.query({}).then(t => t.map(x => x.id))"))
        return (after - before).pop()

    def popup(self, tab_id: int):
        page = self.context.new_page()
        page.set_viewport_size(POPUP_SIZE)
        page.goto(f"{self.base}popup.html?tab={tab_id}")
        return page

    def shot(self, page, name: str, **kwargs) -> None:
        path = self.out / f"{name}.png"
        page.screenshot(path=str(path), **kwargs)
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def take_all(shooter: Shooter, backend_url: str, token: str, site: str, slow_site: str) -> None:
    from playwright.sync_api import expect

    # Progress: the analysis part-way through the posts.
    shooter.configure(backend_url, token)
    popup = shooter.popup(shooter.tab_for(slow_site + "/"))
    expect(popup.locator("#stage")).to_contain_text("Reading posts", timeout=120_000)
    expect(popup.locator("#stage")).to_contain_text(" 3 of", timeout=60_000)
    shooter.shot(popup, "popup-progress")
    expect(popup.locator("#result")).to_be_visible(timeout=120_000)

    # The result, in light and dark mode.
    popup.close()
    popup = shooter.popup(shooter.tab_for(site + "/"))
    expect(popup.locator("#result")).to_be_visible(timeout=120_000)
    shooter.shot(popup, "popup-result", full_page=True)
    popup.emulate_media(color_scheme="dark")
    shooter.shot(popup, "popup-result-dark", full_page=True)
    popup.emulate_media(color_scheme="light")

    # An opener with the draft checker's findings marked in place.
    opener = popup.locator(".opener[data-channel=message]")
    opener.locator("textarea.opener-text").fill(
        "Hi Maya, I hope this message finds you well. I would love to pick your brain "
        "about your career sometime."
    )
    opener.locator("button.check-draft").click()
    expect(opener.locator(".findings li").first).to_be_visible(timeout=30_000)
    opener.scroll_into_view_if_needed()
    opener.screenshot(path=str(shooter.out / "popup-draft-check.png"))
    print("wrote popup-draft-check.png")
    popup.locator("#save-contact").click()
    expect(popup.locator("#save-status")).to_contain_text("Saved")

    # The failures, each with its way forward.
    for name, url, tok, target in (
        ("popup-error-backend-down", free_port_url(), token, site + "/"),
        ("popup-error-wrong-token", backend_url, "wrong-token", site + "/"),
        ("popup-error-not-a-profile", backend_url, token, site + "/shop/skillet"),
    ):
        shooter.configure(url, tok)
        page = shooter.popup(shooter.tab_for(target))
        expect(page.locator("#error")).to_be_visible(timeout=60_000)
        shooter.shot(page, name)
        page.close()

    shooter.configure(backend_url, token)
    options = shooter.context.new_page()
    options.set_viewport_size(PAGE_SIZE)
    options.goto(shooter.base + "options.html")
    options.locator("#test-connection").click()
    expect(options.locator("#connection-status")).to_contain_text("Connected")
    expect(options.locator("#me-name")).not_to_have_value("")
    shooter.shot(options, "options", full_page=True)

    contacts = shooter.context.new_page()
    contacts.set_viewport_size(PAGE_SIZE)
    contacts.goto(shooter.base + "contacts.html")
    expect(contacts.locator("#contacts li.contact").first).to_be_visible()
    shooter.shot(contacts, "contacts", full_page=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which(
        "chromium-browser") or shutil.which("google-chrome")  # fmt: skip
    if not chromium:
        print("no Chromium found: run `make chromium` or set CHROMIUM_PATH", file=sys.stderr)
        return 1

    from playwright.sync_api import sync_playwright

    from server import shutdown

    work = Path(tempfile.mkdtemp(prefix="cg-screenshots-"))
    site_server, slow_server = start_site(slow=False), start_site(slow=True)
    site, slow_site = site_server.base_url, slow_server.base_url
    app, backend_server, backend_url = start_backend(work / "data")
    try:
        token = (work / "data" / "token").read_text().strip()
        me = json.loads((DEMO_SITE / "me.json").read_text())
        httpx.put(backend_url + "/api/me", json=me, timeout=30,
                  headers={"Authorization": f"Bearer {token}"}).raise_for_status()  # fmt: skip
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                str(work / "profile"), executable_path=chromium, headless=True,
                args=[f"--disable-extensions-except={EXTENSION}",
                      f"--load-extension={EXTENSION}", *CHROMIUM_ARGS],
            )  # fmt: skip
            try:
                take_all(Shooter(context, args.out), backend_url, token, site, slow_site)
            finally:
                context.close()
    finally:
        backend_server.close()
        shutdown(app)
        for server in (site_server, slow_server):
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
