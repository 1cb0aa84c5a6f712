"""Fixtures every test package shares: a real HTTP server on loopback, the real Chromium and
the real embedding model."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from harness import FIXTURES, ROOT, SHARED_DATA
from harness.site import LocalSite, start_site

__all__ = ["FIXTURES", "ROOT", "SHARED_DATA", "LocalSite"]


@pytest.fixture(scope="session")
def local_site_factory() -> Iterator[Callable[[], LocalSite]]:
    """Start as many independent loopback sites as a test needs; all stop at session end."""
    sites: list[LocalSite] = []

    def make() -> LocalSite:
        sites.append(start_site())
        return sites[-1]

    yield make
    for site in sites:
        site.stop()


@pytest.fixture
def local_site(local_site_factory) -> LocalSite:
    """A fresh, empty loopback site for one test."""
    return local_site_factory()


@pytest.fixture(scope="session")
def embedder():
    """The real embedding model (int8 MiniLM), loaded once for the whole session: every test
    that needs it (marked ``model``) and the extension tests' backend share this one."""
    from insights.embed import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The system Chromium; the browser tests need it (make test installs it)."""
    path = os.environ.get("CHROMIUM_PATH") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None,
    )
    if not path:
        pytest.fail("no Chromium found: run `make test` (it installs one) or set CHROMIUM_PATH")
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real pages in ../shared/data; tests that need them skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED_DATA}")
    return SHARED_DATA
