"""Remember what a pure page function answered for the same page.

A repeat analysis revalidates every post (304 Not Modified) and gets the same bytes back;
parsing them again is a quarter of a second for twenty posts. Parsers are pure, so their
answer for the same HTML (by hash) and the same other arguments can be kept. Values must be
immutable (frozen dataclasses, bools, None): every caller gets the same object.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Pages of the last few analyses (a blog read is 20-25 pages); a post is a few KB.
MAX_PAGES = 512


_ALL: list[OrderedDict] = []


def forget_all() -> None:
    """Drop every remembered answer (when the user asks us to forget a person)."""
    for memo in _ALL:
        memo.clear()


def by_page(fn: Callable[..., T]) -> Callable[..., T]:
    """Wrap ``fn(html, *args)`` with an LRU keyed by the sha256 of ``html`` and ``args``."""
    memo: OrderedDict[tuple[Any, ...], T] = OrderedDict()
    lock = threading.Lock()
    _ALL.append(memo)

    @functools.wraps(fn)
    def wrapper(html: str, *args: Any) -> T:
        digest = hashlib.sha256(html.encode("utf-8", "surrogatepass")).digest()
        key = (digest, *args)
        with lock:
            if key in memo:
                memo.move_to_end(key)
                return memo[key]
        value = fn(html, *args)
        with lock:
            memo[key] = value
            while len(memo) > MAX_PAGES:
                memo.popitem(last=False)
        return value

    return wrapper
