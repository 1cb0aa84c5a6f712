"""The only Playwright code: find a Chromium, launch it once, render pages on its own thread.

Playwright's sync API belongs to the thread that started it, so one dedicated thread owns the
browser and any thread asks it to render through a queue.

Chromium itself never touches the network. Every request a page makes (document, scripts, XHR)
is intercepted and answered with what the guarded ``Fetcher`` got: same address guard, robots.txt,
size limits, and redirects followed hop by hop there. (Playwright does not intercept redirects
Chromium follows on its own, so passing requests through would let a public URL redirect into
the private network.) As a second fence, Chromium's own proxy is set to a closed loopback port,
so anything that escaped interception (a preconnect, say) goes nowhere; WebRTC, which speaks UDP
and would not ask the proxy, is made to use the proxy only (so it too goes nowhere). Images,
media and fonts are not loaded at all: only the text is wanted.
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scraper.errors import FetchError, FetchFailed, FetchTimeout, TooLarge
from scraper.models import Page
from scraper.protocols import Fetcher

if TYPE_CHECKING:
    from playwright.sync_api import ProxySettings

log = logging.getLogger(__name__)

USER_AGENT = "CommonGround/0.1 (+https://github.com/commonground/commonground)"
# As root in a container Chromium needs --no-sandbox; the next ones stop it calling Google's
# services. WebRTC sends STUN and TURN over UDP by itself, past request interception and the
# proxy: the last two make it use the proxy (the dead one below) or nothing. Chromium 156 reads
# the first spelling and ignores the second, which older builds read; tests/scraper/
# test_browser_webrtc.py catches a browser that reads neither.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--dns-prefetch-disable",
               "--webrtc-ip-handling-policy=disable_non_proxied_udp",
               "--force-webrtc-ip-handling-policy=disable_non_proxied_udp"]  # fmt: skip
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Chromium's own proxy: port 9 (discard) on loopback, closed -- requests that escape interception
# fail there instead of reaching the network.
DEAD_PROXY: ProxySettings = {"server": "http://127.0.0.1:9", "bypass": "<-loopback>"}
# Loading these never changes a page's text, and they are most of its bytes.
SKIPPED_RESOURCES = {"image", "media", "font"}
MAX_HTML_CHARS = 5_000_000
_INSTALL = "install Chromium (apt-get install chromium) or set CHROMIUM_PATH to its executable"


class BrowserNotFound(FetchError):
    """No Chromium on this machine."""


def find_chromium() -> str:
    """The Chromium to use: $CHROMIUM_PATH, else the first on PATH, else /usr/bin/chromium."""
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        if os.path.isfile(override) and os.access(override, os.X_OK):
            return override
        raise BrowserNotFound(f"CHROMIUM_PATH is set to {override!r}, which is not an "
                              f"executable file: {_INSTALL}.")  # fmt: skip
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    raise BrowserNotFound(f"No Chromium browser was found: {_INSTALL}.")


class BrowserPool:
    """One headless Chromium, launched on first use and reused; thread-safe ``render``."""

    def __init__(self, allow_hosts_loopback: bool = False, fetcher=None,
                 executable_path: str | None = None) -> None:  # fmt: skip
        self.allow_hosts_loopback = allow_hosts_loopback
        # Every byte the browser loads comes through a Fetcher: the caller's, or our own.
        self.fetcher = fetcher
        self._own_fetcher = None
        self.executable_path = executable_path
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._started: Future | None = None
        self._lock = threading.Lock()

    def render(self, url: str, timeout: float = 20.0, fetcher=None) -> Page:
        """Load ``url`` in Chromium, let its scripts run, and return the resulting HTML.

        Every request goes through ``fetcher`` (the caller's, for its cache and politeness),
        else the pool's own; robots.txt is checked before anything loads.
        """
        fetcher = fetcher or self._fetcher()
        fetcher.check_allowed(url)
        self._start()
        done: Future = Future()
        self._jobs.put((url, timeout, fetcher, done))
        try:
            return done.result(timeout=timeout + 30)
        except FutureTimeout as exc:
            done.cancel()
            raise FetchTimeout(f"The browser did not finish {url} in time; try again later.",
                               url) from exc  # fmt: skip

    def close(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._jobs.put(None)
            thread.join(timeout=30)
        if self._own_fetcher is not None:
            self._own_fetcher.close()
            self._own_fetcher = None

    def _fetcher(self):
        if self.fetcher is not None:
            return self.fetcher
        with self._lock:
            if self._own_fetcher is None:
                from scraper.fetch import Fetcher

                self._own_fetcher = Fetcher(allow_hosts_loopback=self.allow_hosts_loopback)
            return self._own_fetcher

    def __enter__(self) -> BrowserPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the browser thread ----------------------------------------------------------------

    def _start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._started = Future()
                self._thread = threading.Thread(target=self._run, name="browser", daemon=True)
                self._thread.start()
            started = self._started
        assert started is not None  # set with the thread, under the lock
        started.result(timeout=60)  # raises BrowserNotFound / launch errors in the caller

    def _run(self) -> None:
        from playwright.sync_api import sync_playwright

        started = self._started
        assert started is not None  # _start sets it before starting this thread
        try:
            path = self.executable_path or find_chromium()
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=path, args=LAUNCH_ARGS,
                                             headless=True, proxy=DEAD_PROXY)  # fmt: skip
                started.set_result(True)
                try:
                    self._serve(browser)
                finally:
                    browser.close()
        except Exception as exc:  # noqa: BLE001 -- reported to whoever waits for the launch
            log.warning("browser thread stopped: %s", exc)
            if not started.done():
                if not isinstance(exc, FetchError):
                    exc = FetchFailed(f"Chromium could not start ({exc}); {_INSTALL}.")
                started.set_exception(exc)
            with self._lock:
                self._thread = None
            self._fail_waiting(str(exc))

    def _serve(self, browser) -> None:
        tab: _Tab | None = None
        while True:
            job = self._jobs.get()
            if job is None:
                _close_quietly(tab)
                return
            url, timeout, fetcher, done = job
            if not done.set_running_or_notify_cancel():
                continue
            try:
                if tab is None or tab.page.is_closed():
                    tab = _Tab(browser)
                done.set_result(tab.render(fetcher, url, timeout))
            except Exception as exc:  # noqa: BLE001 -- handed to the waiting caller
                done.set_exception(exc)
                _close_quietly(tab)  # start the next page from a clean tab
                tab = None

    def _fail_waiting(self, reason: str) -> None:
        """The browser thread is gone: nobody will render the queued pages, so say so."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None and job[-1].set_running_or_notify_cancel():
                job[-1].set_exception(FetchFailed(f"The browser stopped ({reason}); try again."))


def _close_quietly(tab: _Tab | None) -> None:
    if tab is not None:
        try:
            tab.context.close()
        except Exception:  # noqa: BLE001 -- a crashed tab may not close cleanly; it is gone anyway
            log.debug("closing a broken tab failed", exc_info=True)


class _Tab:
    """One reused browser tab. Opening a tab costs a renderer process (0.2-0.5 s), so the same
    one renders page after page, its cookies cleared and its document blanked in between."""

    def __init__(self, browser) -> None:
        self.fetcher: Fetcher | None = None
        self.deadline = 0.0
        self.failures: list[FetchError] = []
        self.final_url = ""
        self.context = browser.new_context(user_agent=USER_AGENT, service_workers="block")
        self.context.route("**/*", self._answer)
        self.page = self.context.new_page()

    def _answer(self, route) -> None:
        request = route.request
        if request.url.startswith(("data:", "blob:", "about:")):
            return route.continue_()  # no network involved
        if request.resource_type in SKIPPED_RESOURCES or request.method != "GET":
            return route.abort("blockedbyclient")  # a reader neither posts nor needs images
        try:
            if self.fetcher is None:
                raise FetchFailed(f"No fetcher to read {request.url} with.", request.url)
            fetched = self.fetcher.get(request.url, self.deadline, any_type=True)
        except Exception as exc:  # noqa: BLE001 -- an escaped error would hang the navigation
            if not isinstance(exc, FetchError):
                log.warning("fetching %s for the browser failed", request.url, exc_info=True)
                exc = FetchFailed(f"Reading {request.url} failed ({exc}).", request.url)
            if request.is_navigation_request():
                self.failures.append(exc)
            return route.abort("blockedbyclient")
        if request.is_navigation_request() and request.frame.parent_frame is None:
            self.final_url = fetched.final_url
        content_type = fetched.headers.get("content-type", "text/html; charset=utf-8")
        return route.fulfill(status=fetched.status, body=fetched.html,
                             headers={"content-type": content_type})  # fmt: skip

    def render(self, fetcher, url: str, timeout: float) -> Page:
        from playwright.sync_api import Error, TimeoutError

        self.fetcher, self.deadline = fetcher, time.monotonic() + timeout
        self.failures, self.final_url = [], url
        page = self.page
        try:
            response = page.goto(url, wait_until="load", timeout=timeout * 1000)
        except TimeoutError as exc:
            raise FetchTimeout(
                f"{urlsplit(url).hostname} did not finish loading {url} in {timeout:.0f} s "
                "in the browser; try again later.",
                url,
            ) from exc
        except Error as exc:
            if self.failures:
                raise self.failures[0] from exc
            raise FetchFailed(f"The browser could not load {url}: {exc.message}", url) from exc
        if page.evaluate("document.scripts.length"):
            try:  # scripts that fetch the text after "load" get a moment to finish
                page.wait_for_load_state("networkidle", timeout=min(2000, timeout * 250))
            except TimeoutError:
                pass
        html = page.content()
        if len(html) > MAX_HTML_CHARS:
            raise TooLarge(f"{url} grew larger than {MAX_HTML_CHARS // 1_000_000} MB in the "
                           "browser; Common Ground stopped reading it.", url)  # fmt: skip
        status = response.status if response is not None else 200
        headers = dict(response.headers) if response is not None else {}
        self.context.clear_cookies()
        page.goto("about:blank")  # stop the page's scripts before the next site loads
        return Page(url=url, final_url=self.final_url, status=status, headers=headers, html=html,
                    rendered=True)  # fmt: skip
