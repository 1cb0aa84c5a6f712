"""The Common Ground backend: a Flask app on the user's own machine.

``create_app`` follows the Flask tutorial's factory: defaults, then ``COMMONGROUND_*``
environment variables, then ``test_config``; blueprints are registered inside the factory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from server import config
from server.config import SMALL_BODY, default_data_dir
from server.security import EXTENSION_ORIGIN

__all__ = ["create_app", "default_data_dir", "shutdown"]

# The routes that take a whole page's DOM; every other takes at most SMALL_BODY.
LARGE_BODY_ENDPOINTS = {"analyses.create", "me.import_profile"}


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, database (migrated), token, pipeline, workers, blueprints."""
    app = Flask(__name__)
    config.load(app.config, test_config)
    _keep_extension_origin(app)

    from server import logs, security, store

    data_dir = security.private_data_dir(Path(app.config["DATA_DIR"]).expanduser())
    app.config["DATA_DIR"] = str(data_dir)
    security.private_database(Path(app.config.get("DB_PATH") or data_dir / store.DB_NAME))

    logs.init_app(app)
    security.init_app(app)
    store.init_app(app)
    app.before_request(_limit_body)

    from server.jobs import JobQueue
    from server.pipeline import Pipeline, Settings

    pipeline = Pipeline(
        Settings.from_config(app.config),
        Path(app.config["DB_PATH"]),
        embedder_factory=app.config["EMBEDDER_FACTORY"],
    )
    pipeline.page_cache.purge_expired()
    jobs = JobQueue(pipeline, workers=int(app.config["WORKERS"]),
                    size=int(app.config["QUEUE_SIZE"]))  # fmt: skip
    app.extensions["commonground"] = {"pipeline": pipeline, "jobs": jobs}
    if app.config["PRELOAD_MODEL"]:
        pipeline.embedder.start()

    from server.api import analyses, contacts, drafts, errors, health, me, people

    for module in (errors, health, analyses, me, drafts, contacts, people):
        app.register_blueprint(module.bp)
    return app


def shutdown(app: Flask) -> None:
    """Stop the workers and close the browser and caches (tests and `serve` call this)."""
    parts = app.extensions.get("commonground")
    if parts:
        parts["jobs"].close()
        parts["pipeline"].close()


def _keep_extension_origin(app: Flask) -> None:
    # The extension's own origin is always allowed; configured ones are added to it.
    from server.security import allowed_origins

    origins = allowed_origins(app.config["ALLOWED_ORIGINS"])
    app.config["ALLOWED_ORIGINS"] = sorted(origins | {EXTENSION_ORIGIN})


def _limit_body() -> None:
    from flask import request

    if request.endpoint not in LARGE_BODY_ENDPOINTS:
        request.max_content_length = SMALL_BODY
