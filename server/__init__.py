"""The Common Ground backend: a Flask app on the user's own machine.

``create_app`` follows the Flask tutorial's factory: defaults, then ``COMMONGROUND_*``
environment variables, then ``test_config``; blueprints are registered inside the factory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from server.security import EXTENSION_ORIGIN

# Bodies a route may take. The analysis and import routes carry a whole profile page's DOM
# (LinkedIn pages are 1-3 MB); everything else is a small JSON object.
LARGE_BODY_ENDPOINTS = {"analyses.create", "me.import_profile"}
LARGE_BODY = 8 * 1024 * 1024
SMALL_BODY = 256 * 1024


def default_data_dir() -> str:
    given = os.environ.get("COMMONGROUND_DATA_DIR")
    return given or str(Path.home() / ".local" / "share" / "commonground")


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, database (migrated), token, workers, blueprints."""
    app = Flask(__name__)
    app.config.from_mapping(
        DATA_DIR=default_data_dir(),
        ALLOWED_ORIGINS=[EXTENSION_ORIGIN],
        ALLOW_LOOPBACK_FETCH=False,  # True only in tests and the demo (fixture site on loopback)
        POST_LIMIT=20,
        ANALYSIS_BUDGET_S=60.0,
        WORKERS=2,
        QUEUE_SIZE=8,
        PAGE_TTL_S=7 * 24 * 3600.0,
        # Politeness is one request at a time per host, a pause after each answer as long as
        # the answer took (scraper.politeness), and robots.txt with its Crawl-delay. A fixed
        # pause on top would put seconds on every analysis of a fast host (a blog is 15-25
        # requests) and rule out revalidating a cached blog in under 200 ms.
        FETCH_DELAY_S=0.0,
        USE_BROWSER=True,
        PRELOAD_MODEL=True,
        EMBEDDER_FACTORY=None,  # tests may share one loaded model across apps
        MAX_CONTENT_LENGTH=LARGE_BODY,
    )
    app.config.from_prefixed_env("COMMONGROUND")
    if test_config is not None:
        app.config.from_mapping(test_config)
    _keep_extension_origin(app)

    data_dir = Path(app.config["DATA_DIR"]).expanduser()
    data_dir.mkdir(parents=True, exist_ok=True)
    app.config["DATA_DIR"] = str(data_dir)

    from server import logs, security, store

    logs.init_app(app)
    security.init_app(app)
    store.init_app(app)
    app.before_request(_limit_body)

    from server.jobs import JobQueue
    from server.runtime import Runtime

    runtime = Runtime(app.config, Path(app.config["DB_PATH"]))
    runtime.page_cache.purge_expired()
    jobs = JobQueue(
        runtime,
        workers=int(app.config["WORKERS"]),
        size=int(app.config["QUEUE_SIZE"]),
        budget_s=float(app.config["ANALYSIS_BUDGET_S"]),
        post_limit=int(app.config["POST_LIMIT"]),
    )
    app.extensions["commonground"] = {"runtime": runtime, "jobs": jobs}
    if app.config["PRELOAD_MODEL"]:
        runtime.embedder.start()

    from server.api import analyses, contacts, drafts, errors, health, me, people

    for module in (errors, health, analyses, me, drafts, contacts, people):
        app.register_blueprint(module.bp)
    return app


def shutdown(app: Flask) -> None:
    """Stop the workers and close the browser and caches (tests and `serve` call this)."""
    parts = app.extensions.get("commonground")
    if parts:
        parts["jobs"].close()
        parts["runtime"].close()


def _keep_extension_origin(app: Flask) -> None:
    # The extension's own origin is always allowed; configured ones are added to it.
    from server.security import allowed_origins

    origins = allowed_origins(app.config["ALLOWED_ORIGINS"])
    app.config["ALLOWED_ORIGINS"] = sorted(origins | {EXTENSION_ORIGIN})


def _limit_body() -> None:
    from flask import request

    if request.endpoint not in LARGE_BODY_ENDPOINTS:
        request.max_content_length = SMALL_BODY
