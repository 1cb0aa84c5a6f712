"""Fixtures for the backend tests: an app on a temporary data directory (a real SQLite file),
its token and the fixture site on loopback."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server import create_app, shutdown

HERE = Path(__file__).resolve().parent
SITE_DIR = HERE.parent / "fixtures" / "server" / "site"
ME_JSON = HERE.parent / "fixtures" / "server" / "me.json"
EXTENSION_ORIGIN = "chrome-extension://igdkgacpikbgkafbcgccoamcahljolme"


@pytest.fixture
def make_app(tmp_path) -> Iterator[Callable[..., Flask]]:
    """Build apps on tmp DATA_DIRs; no worker threads or model unless a test asks for them."""
    apps: list[Flask] = []

    def make(**config: Any) -> Flask:
        settings = {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / f"data{len(apps)}"),
            "PRELOAD_MODEL": False,
            "USE_BROWSER": False,
            "WORKERS": 0,
            "FETCH_DELAY_S": 0.0,
        }
        settings.update(config)
        app = create_app(settings)
        apps.append(app)
        return app

    yield make
    for app in apps:
        shutdown(app)


@pytest.fixture
def app(make_app) -> Flask:
    return make_app()


@pytest.fixture
def client(app) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def auth(app) -> dict[str, str]:
    return {"Authorization": f"Bearer {app.config['_TOKEN']}"}


@pytest.fixture
def me_profile() -> dict[str, Any]:
    return json.loads(ME_JSON.read_text())


def serve_site(site, directory: Path = SITE_DIR) -> None:
    """Serve the fixture site, with {{SITE}} in its files replaced by the site's base URL."""
    site.serve_dir(directory)
    site.routes.setdefault("/robots.txt", b"User-agent: *\nAllow: /\n")


@pytest.fixture
def fixture_site(local_site):
    serve_site(local_site)
    return local_site


def wait_for(client: FlaskClient, headers: dict[str, str], analysis_id: str,
             timeout: float = 120.0) -> dict[str, Any]:  # fmt: skip
    """Poll an analysis until it is done or failed; fail the test if it takes too long."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        answer = client.get(f"/api/analyses/{analysis_id}", headers=headers)
        assert answer.status_code == 200, answer.json
        if answer.json["status"] in ("done", "failed"):
            return answer.json
        time.sleep(0.05)
    pytest.fail(f"analysis {analysis_id} did not finish in {timeout}s")
