"""The settings of Common Ground, read the same way by the app and by the command line.

Defaults here, then ``COMMONGROUND_*`` environment variables (Flask's ``from_prefixed_env``),
then what the caller gives (``create_app``'s ``test_config``, the command's options).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Config

from server.security import EXTENSION_ORIGIN

# Bodies a route may take. The analysis and import routes carry a whole profile page's DOM
# (LinkedIn pages are 1-3 MB); everything else is a small JSON object.
LARGE_BODY = 8 * 1024 * 1024
SMALL_BODY = 256 * 1024


def default_data_dir() -> str:
    given = os.environ.get("COMMONGROUND_DATA_DIR")
    return given or str(Path.home() / ".local" / "share" / "commonground")


def defaults() -> dict[str, Any]:
    return {
        "DATA_DIR": default_data_dir(),
        "ALLOWED_ORIGINS": [EXTENSION_ORIGIN],
        "ALLOW_LOOPBACK_FETCH": False,  # True only in tests and the demo (sites on loopback)
        "POST_LIMIT": 20,
        "ANALYSIS_BUDGET_S": 60.0,
        "WORKERS": 2,
        "QUEUE_SIZE": 8,
        "PAGE_TTL_S": 7 * 24 * 3600.0,
        # Politeness is one request at a time per host, a pause after each answer as long as
        # the answer took (scraper.politeness), and robots.txt with its Crawl-delay. A fixed
        # pause on top would put seconds on every analysis of a fast host (a blog is 15-25
        # requests) and rule out revalidating a cached blog in under 200 ms.
        "FETCH_DELAY_S": 0.0,
        "USE_BROWSER": True,
        "PRELOAD_MODEL": True,
        "EMBEDDER_FACTORY": None,  # tests may share one loaded model across apps
        "MAX_CONTENT_LENGTH": LARGE_BODY,
    }


def load(config: Config, overrides: dict[str, Any] | None = None) -> Config:
    """Fill ``config``: defaults, then the environment, then ``overrides``."""
    config.from_mapping(defaults())
    config.from_prefixed_env("COMMONGROUND")
    if overrides is not None:
        config.from_mapping(overrides)
    return config


def settings(overrides: dict[str, Any] | None = None) -> Config:
    """The settings as the app would read them, outside an app (the command line)."""
    return load(Config(str(Path(__file__).resolve().parent)), overrides)
