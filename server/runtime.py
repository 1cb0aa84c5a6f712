"""What an app holds for its whole life: the embedding model, the page cache, the browser.

The model takes a second or two to load, so it loads in a background thread at start (health
answers at once); the first analysis waits for that load rather than starting a second one.
The browser is launched only when a page needs JavaScript, once, and reused.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from server.caches import SqlitePageCache, SqlitePhraseCache
from server.errors import AppError
from server.memo import LongTextMemo, ResultMemo
from server.memory import release_memory

log = logging.getLogger(__name__)


class EmbedderHolder:
    """Loads the embedder once, in the background, and hands the same one to every analysis."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._loaded = threading.Event()
        self._thread: threading.Thread | None = None
        self._embedder: Any = None
        self._error: str | None = None

    @property
    def status(self) -> str:
        """'idle' (not asked for yet), 'loading', 'ready' or 'failed'."""
        if self._loaded.is_set():
            return "failed" if self._error else "ready"
        return "loading" if self._thread is not None else "idle"

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._load, name="embedder-load",
                                                daemon=True)  # fmt: skip
                self._thread.start()

    def _load(self) -> None:
        try:
            self._embedder = self._factory()
            log.info("embedding model ready")
        except Exception as exc:  # ModelError, or a broken install: reported to every analysis
            log.exception("the embedding model could not be loaded")
            self._error = getattr(exc, "message", None) or str(exc)
        finally:
            self._loaded.set()

    def get(self, timeout: float | None = None) -> Any:
        self.start()
        if not self._loaded.wait(timeout):
            raise AppError("the embedding model is still loading; try again in a moment",
                           code="model_loading", status=503)  # fmt: skip
        if self._error:
            raise AppError(
                f"the embedding model could not be loaded: {self._error}. "
                "Reinstall Common Ground's model package (see README, Setup).",
                code="model_failed",
                status=500,
            )
        return self._embedder


# A small page and post that exercise every parser once, so that the first analysis does not
# pay for loading the tagger and compiling the extractors' regular expressions (0.5 s).
_WARM_UP_HTML = (
    "<html><head><title>Warm-up post</title><meta name='author' content='Ann Example'>"
    '<script type=\'application/ld+json\'>{"@type": "Person", "name": "Ann Example"}'
    "</script></head><body><article><h1>Warm-up post</h1><p>Feature stores keep training "
    "and serving consistent. Point-in-time joins stop label leakage in training sets.</p>"
    "<p>Monitoring models after launch catches input drift early.</p></article></body></html>"
)


def warm_up(embedder: Any) -> Any:
    """Run the whole pipeline once on a tiny sample (fetcher set-up, parsers, tagger, matchers,
    openers), so that the first analysis pays for none of it; returns ``embedder``."""
    try:
        from insights.common_ground import find_talking_points
        from insights.openers import write_openers
        from insights.topics import TopicExtractor
        from scraper.extract import extract_post
        from scraper.fetch import Fetcher
        from scraper.models import Profile
        from scraper.profile import parse_profile

        Fetcher().close()  # builds the process's TLS context (the CA bundle takes 20 ms)
        url = "https://warm-up.invalid/post"
        post = extract_post(_WARM_UP_HTML, url)
        them = parse_profile(_WARM_UP_HTML, url) or Profile(name="Ann Example")
        posts = [post] if post else []
        _, topics = TopicExtractor(embedder, memo_size=0).person_topics(posts)
        me = Profile(name="Sam Example", interests=["model monitoring"], skills=["Python"])
        points = find_talking_points(me, them, posts, topics, embedder)
        write_openers(me, them, points, topics, posts)
    except Exception:  # a warm-up must never stop the model from being ready
        log.warning("warm-up failed; the first analysis will be slower", exc_info=True)
    release_memory(collect=True)  # what loading and optimising the model's graph left behind
    return embedder


class Runtime:
    """The long-lived parts of one app, built from its config."""

    def __init__(self, config: dict[str, Any], db_path: Path) -> None:
        self.config = config
        self.db_path = db_path
        self.phrase_cache = SqlitePhraseCache(db_path)
        self.page_cache = SqlitePageCache(db_path, ttl_s=float(config["PAGE_TTL_S"]))
        factory = config.get("EMBEDDER_FACTORY") or self._load_real_embedder
        self.embedder = EmbedderHolder(lambda: warm_up(LongTextMemo(factory())))
        self.results = ResultMemo()
        self._browser = None
        self._extractor = None
        self._browser_lock = threading.Lock()

    def extractor(self, embedder: Any) -> Any:
        """The app's TopicExtractor: shared, so texts analysed once are not analysed again."""
        with self._browser_lock:
            if self._extractor is None or self._extractor.embedder is not embedder:
                from insights.topics import TopicExtractor

                self._extractor = TopicExtractor(embedder)
            return self._extractor

    def forget_memories(self, person: str) -> int:
        """Forget what this process remembers of a person's pages and texts: their results,
        and (being keyed by content, not person) every parsed page and analysed text.
        Returns the number of results dropped."""
        from scraper.pagememo import forget_all

        forget_all()
        with self._browser_lock:
            if self._extractor is not None:
                self._extractor.forget()
        return self.results.forget(person)

    def _load_real_embedder(self) -> Any:
        from insights.embed import load_embedder  # the model stack loads only when asked

        return load_embedder(phrase_cache=self.phrase_cache)

    def make_fetcher(self, person: str | None = None) -> Any:
        """A Fetcher whose cache tags stored pages with ``person`` (so they can be forgotten)."""
        from scraper.fetch import Fetcher

        return Fetcher(
            allow_hosts_loopback=bool(self.config["ALLOW_LOOPBACK_FETCH"]),
            cache=self.page_cache.for_person(person),
            delay=float(self.config["FETCH_DELAY_S"]),
        )

    def browser(self) -> Any:
        """The app's one BrowserPool, launched on first use."""
        with self._browser_lock:
            if self._browser is None:
                from scraper.browser import BrowserPool

                self._browser = BrowserPool(
                    allow_hosts_loopback=bool(self.config["ALLOW_LOOPBACK_FETCH"])
                )
            return self._browser

    def close(self) -> None:
        with self._browser_lock:
            if self._browser is not None:
                self._browser.close()
                self._browser = None
        self.page_cache.close()
        self.phrase_cache.close()
