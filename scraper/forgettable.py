"""In-process memories that can forget a person.

Parts of an analysis keep what they computed, keyed by content (a page's hash, a text, a post),
so that a repeat analysis costs lookups: the parsed pages, the vectors of texts, the topic
analyses of texts, the results. A content key does not say whom the content was about, so every
entry also records the people whose analyses made or used it, and ``forget_person(key)`` drops
each entry of each memory that person touched (entries others touched too go as well: a memory
only costs a recomputation).

Whose analysis is running is a context variable: ``server.pipeline.Pipeline.analyse`` runs inside
``analysing(person_key)``, and a thread that works for an analysis is started in a copy of its
context (``in_this_context``). Entries made outside any analysis (the warm-up, a benchmark) are
tagged with nobody.

``scraper`` and ``insights`` both use this module; it imports nothing of either.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, ParamSpec, TypeVar, cast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
P = ParamSpec("P")
R = TypeVar("R")

_MISSING: Any = object()
_PERSON: contextvars.ContextVar[str | None] = contextvars.ContextVar("person", default=None)
_MEMORIES: weakref.WeakSet[ForgettableMemo[Any, Any]] = weakref.WeakSet()
_MEMORIES_LOCK = threading.Lock()


@contextmanager
def analysing(person: str | None) -> Iterator[None]:
    """Tag what is remembered inside this block with ``person`` (a person key)."""
    token = _PERSON.set(person)
    try:
        yield
    finally:
        _PERSON.reset(token)


def current_person() -> str | None:
    """The person whose analysis this thread is working for, if any."""
    return _PERSON.get()


def in_this_context(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` to run in another thread as if in this one (the same person being analysed)."""
    context = contextvars.copy_context()

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        return context.copy().run(fn, *args, **kwargs)

    return run


class ForgettableMemo(Generic[K, V]):
    """A thread-safe LRU of at most ``max_items`` entries, each tagged with the people whose
    analyses put or read it. ``name`` says what it holds (a benchmark switches memories off by
    name, a test searches them)."""

    def __init__(self, name: str, max_items: int) -> None:
        self.name = name
        self.max_items = max_items
        self._items: OrderedDict[K, tuple[V, set[str]]] = OrderedDict()
        self._lock = threading.Lock()
        with _MEMORIES_LOCK:
            _MEMORIES.add(self)

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K, default: V | None = None) -> V | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return default
            self._items.move_to_end(key)
            person = _PERSON.get()
            if person is not None:
                hit[1].add(person)
            return hit[0]

    def put(self, key: K, value: V) -> None:
        if self.max_items <= 0:
            return
        person = _PERSON.get()
        with self._lock:
            previous = self._items.get(key)
            people = previous[1] if previous is not None else set()
            if person is not None:
                people.add(person)
            self._items[key] = (value, people)
            self._items.move_to_end(key)
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)

    def get_or_compute(self, key: K, compute: Callable[[], V]) -> V:
        """The remembered value, or ``compute()`` remembered (None values included)."""
        found = self.get(key, _MISSING)
        if found is _MISSING:
            found = compute()
            self.put(key, found)
        return cast(V, found)

    def forget(self, person: str) -> int:
        """Drop every entry ``person``'s analyses put or read; returns how many went."""
        with self._lock:
            gone = [key for key, (_, people) in self._items.items() if person in people]
            for key in gone:
                del self._items[key]
        return len(gone)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def snapshot(self) -> list[tuple[K, V]]:
        """The entries as they are now (tests search them for what must have gone)."""
        with self._lock:
            return [(key, value) for key, (value, _) in self._items.items()]


def memories() -> list[ForgettableMemo[Any, Any]]:
    """Every memory of this process that is still alive."""
    with _MEMORIES_LOCK:
        return list(_MEMORIES)


# What cannot be forgotten entry by entry (functools caches too hot for a lock per call, such as
# word stems) registers how to forget everything.
_CLEARERS: list[Callable[[], None]] = []


def clear_on_forget(clear: Callable[[], None]) -> None:
    """Call ``clear`` whenever a person is forgotten (for caches that cannot tell whose it is)."""
    _CLEARERS.append(clear)


def forget_person(person: str) -> int:
    """Drop what every memory of this process holds from ``person``'s analyses; returns how
    many entries went (caches cleared whole are not counted)."""
    for clear in _CLEARERS:
        clear()
    return sum(memory.forget(person) for memory in memories())


def remembered(name: str, max_items: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """``functools.lru_cache`` for functions of hashable arguments, but forgettable by person."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        memo: ForgettableMemo[Hashable, R] = ForgettableMemo(name, max_items)

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (args, tuple(sorted(kwargs.items())))
            return memo.get_or_compute(key, lambda: fn(*args, **kwargs))

        wrapper.memo = memo  # type: ignore[attr-defined]
        return wrapper

    return wrap


# Pages of the last few analyses (a blog read is 20-25 pages); a post is a few KB.
MAX_PAGES = 512


def remembered_by_page(fn: Callable[..., R]) -> Callable[..., R]:
    """Remember what a pure page function answered for the same page: ``fn(html, *args)`` by
    the sha256 of ``html`` and ``args``. A repeat analysis revalidates every post (304) and gets
    the same bytes back; parsing them again is a quarter of a second for twenty posts. Values
    must be immutable (frozen dataclasses, bools, None): every caller gets the same object."""
    memo: ForgettableMemo[tuple[Any, ...], Any] = ForgettableMemo(
        f"parsed pages: {fn.__name__}", MAX_PAGES
    )

    @functools.wraps(fn)
    def wrapper(html: str, *args: Any) -> R:
        digest = hashlib.sha256(html.encode("utf-8", "surrogatepass")).digest()
        key = (digest, *args)
        return memo.get_or_compute(key, lambda: fn(html, *args))

    wrapper.memo = memo  # type: ignore[attr-defined]
    return wrapper
