"""The one place that builds the analysis pipeline, for the app's job workers and the CLI alike.

A ``Pipeline`` holds what lives as long as the process: the embedding model (loaded in the
background, so health answers at once and the first analysis waits for that load rather than
starting a second one), the SQLite page and phrase caches, the browser (launched only when a
page needs JavaScript, once, and reused), the shared TopicExtractor and the result memory.
``analyse`` builds the tools of one analysis from them (a fetcher whose cache tags pages with the
person, for forgetting) and runs ``server.analysis.run_analysis``.

``create_app`` and ``commonground analyze`` both build it from the same settings
(``server.config``), so the command line runs the same analysis as the extension.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from insights.protocols import Embedder
from insights.vector_memo import VectorMemo
from scraper import forgettable
from scraper.models import Profile
from scraper.protocols import BrowserPool, Fetcher
from server.analysis import (
    AnalysisRequest,
    BlogReader,
    Progress,
    Tools,
    no_progress,
    run_analysis,
)
from server.chosen_posts import read_chosen_posts
from server.errors import AppError
from server.heap import release_memory
from server.result_memo import ResultMemo
from server.sqlite_caches import SqlitePageCache, SqlitePhraseCache
from server.store import person_key

if TYPE_CHECKING:
    from insights.topics import TopicExtractor
    from scraper.fetch import Fetcher as HttpFetcher

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """What an analysis may do, read from the app's config (``server.config.DEFAULTS``)."""

    post_limit: int = 20
    budget_s: float = 60.0
    allow_loopback_fetch: bool = False
    fetch_delay_s: float = 0.0
    use_browser: bool = True
    page_ttl_s: float = 7 * 24 * 3600.0
    # How long an analysis waits for the model to load before giving up.
    model_wait_s: float = 120.0

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Settings:
        return cls(
            post_limit=int(config["POST_LIMIT"]),
            budget_s=float(config["ANALYSIS_BUDGET_S"]),
            allow_loopback_fetch=bool(config["ALLOW_LOOPBACK_FETCH"]),
            fetch_delay_s=float(config["FETCH_DELAY_S"]),
            use_browser=bool(config["USE_BROWSER"]),
            page_ttl_s=float(config["PAGE_TTL_S"]),
        )


class EmbedderHolder:
    """Loads the embedder once, in the background, and hands the same one to every analysis."""

    def __init__(self, factory: Callable[[], Embedder]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._loaded = threading.Event()
        self._thread: threading.Thread | None = None
        self._embedder: Embedder | None = None
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

    def get(self, timeout: float | None = None) -> Embedder:
        self.start()
        if not self._loaded.wait(timeout):
            raise AppError("the embedding model is still loading; try again in a moment",
                           code="model_loading", status=503)  # fmt: skip
        if self._error or self._embedder is None:
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


def warm_up(embedder: Embedder) -> Embedder:
    """Run the whole pipeline once on a tiny sample (fetcher set-up, parsers, tagger, matchers,
    openers), so that the first analysis pays for none of it; returns ``embedder``."""
    try:
        from insights.common_ground import find_talking_points
        from insights.openers import write_openers
        from insights.topics import TopicExtractor
        from scraper.extract import extract_post
        from scraper.fetch import Fetcher as HttpFetcher
        from scraper.profile import parse_profile

        HttpFetcher().close()  # builds the process's TLS context (the CA bundle takes 20 ms)
        url = "https://warm-up.invalid/post"
        post = extract_post(_WARM_UP_HTML, url)
        them = parse_profile(_WARM_UP_HTML, url) or Profile(name="Ann Example")
        posts = [post] if post else []
        _, topics = TopicExtractor(embedder, memo_size=0).person_topics(posts)
        me = Profile(name="Sam Example", interests=("model monitoring",), skills=("Python",))
        points = find_talking_points(me, them, posts, topics, embedder)
        write_openers(me, them, points, topics, posts)
    except Exception:  # a warm-up must never stop the model from being ready
        log.warning("warm-up failed; the first analysis will be slower", exc_info=True)
    release_memory(collect=True)  # what loading and optimising the model's graph left behind
    return embedder


def as_profile(me: Profile | Mapping[str, Any] | None) -> Profile:
    """The user's profile as stored (a dict), given (a Profile) or not set (an empty one)."""
    if isinstance(me, Profile):
        return me
    return Profile.from_dict(dict(me)) if me else Profile()


class Pipeline:
    """Builds and runs analyses. One per app (``create_app``) or per command (the CLI).

    ``embedder_factory`` loads the model (the real one unless a test shares one it loaded);
    ``read_posts`` reads a person's blog (``read_chosen_posts``: every post listed, the ones
    for this mentee read; ``read_newest_posts`` is the naive reader); ``warm`` runs the
    warm-up once the model is loaded (a server wants it, a one-off
    command does not).
    """

    def __init__(
        self,
        settings: Settings,
        db_path: Path,
        *,
        embedder_factory: Callable[[], Embedder] | None = None,
        read_posts: BlogReader = read_chosen_posts,
        warm: bool = True,
    ) -> None:
        self.settings = settings
        self.db_path = db_path
        self.read_posts = read_posts
        self.phrase_cache = SqlitePhraseCache(db_path)
        self.page_cache = SqlitePageCache(db_path, ttl_s=settings.page_ttl_s)
        load = embedder_factory or self._load_real_embedder

        def ready_embedder() -> Embedder:
            embedder = VectorMemo(load(), phrase_cache=self.phrase_cache)
            return warm_up(embedder) if warm else embedder

        self.embedder = EmbedderHolder(ready_embedder)
        self.results = ResultMemo()
        self._browser: BrowserPool | None = None
        self._extractor: TopicExtractor | None = None
        self._lock = threading.Lock()

    def analyse(
        self,
        url: str,
        html: str | None,
        me: Profile | Mapping[str, Any] | None,
        progress: Progress = no_progress,
    ) -> dict[str, Any]:
        """Analyse the person at ``url`` (from ``html`` when the page was sent) for ``me``,
        within the settings' time budget from now."""
        request = AnalysisRequest(
            url=url,
            html=html,
            me=as_profile(me),
            post_limit=self.settings.post_limit,
            deadline=time.monotonic() + self.settings.budget_s,
        )
        person = person_key(url)
        fetcher = self.make_fetcher(person)
        try:
            with forgettable.analysing(person):  # what is remembered is tagged with the person
                return run_analysis(request, self.tools(fetcher), progress)
        finally:
            fetcher.close()

    def tools(self, fetcher: Fetcher) -> Tools:
        """The tools of one analysis that reads through ``fetcher``."""
        return Tools(
            fetcher=fetcher,
            embedder=lambda: self.embedder.get(self.settings.model_wait_s),
            browser=self.browser() if self.settings.use_browser else None,
            topic_extractor=self.topic_extractor,
            read_posts=self.read_posts,
            results=self.results,
        )

    def make_fetcher(self, person: str | None = None) -> HttpFetcher:
        """A Fetcher whose cache tags stored pages with ``person`` (so they can be forgotten)."""
        from scraper.fetch import Fetcher as HttpFetcher

        return HttpFetcher(
            allow_hosts_loopback=self.settings.allow_loopback_fetch,
            cache=self.page_cache.for_person(person),
            delay=self.settings.fetch_delay_s,
        )

    def browser(self) -> BrowserPool:
        """The pipeline's one BrowserPool; Chromium itself starts on the first render."""
        with self._lock:
            if self._browser is None:
                from scraper.browser import BrowserPool as ChromiumPool

                self._browser = ChromiumPool(
                    allow_hosts_loopback=self.settings.allow_loopback_fetch
                )
            return self._browser

    def topic_extractor(self, embedder: Embedder) -> TopicExtractor:
        """The shared TopicExtractor: texts analysed once are not analysed again."""
        with self._lock:
            if self._extractor is None or self._extractor.embedder is not embedder:
                from insights.topics import TopicExtractor

                self._extractor = TopicExtractor(embedder)
            return self._extractor

    def forget(self, person: str) -> int:
        """Forget what this process remembers from a person's analyses (results, parsed pages,
        vectors, topic analyses, post sentences); returns how many entries went."""
        return forgettable.forget_person(person)

    def _load_real_embedder(self) -> Embedder:
        from insights.embed import load_embedder  # the model stack loads only when asked

        return load_embedder()

    def close(self) -> None:
        with self._lock:
            if self._browser is not None:
                self._browser.close()
                self._browser = None
        self.page_cache.close()
        self.phrase_cache.close()
