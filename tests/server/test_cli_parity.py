"""`commonground analyze` and the backend's analyses are one pipeline: the same page gives the
same result, the browser fallback included (a post that builds its text with JavaScript is read
by both, or by neither).

The backend side is the app's job worker, fed the page as the extension sends it
(POST /api/analyses with the DOM); the other side is the installed command as a separate process
with its own model. tests/extension/test_cli_parity.py checks the same through the extension.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.server.conftest import ME_JSON, serve_site, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

ROOT = ME_JSON.parents[3]
JS_POST = "/blog/teaching-kids-to-bake/"


def built_by_javascript(html: str) -> str:
    """The same page, its body written by a script (as single-page apps serve their posts)."""
    head, rest = html.split("<body>", 1)
    body, tail = rest.split("</body>", 1)
    script = f"document.getElementById('root').innerHTML = {json.dumps(body)};"
    return (f"{head}<body><div id='root'></div><noscript>Please enable JavaScript to read this "
            f"blog.</noscript><script>{script}</script></body>{tail}")  # fmt: skip


def test_the_command_and_the_backend_give_the_same_result(make_app, embedder, local_site,
                                                          chromium_path, tmp_path):  # fmt: skip
    serve_site(local_site)
    local_site.routes[JS_POST] = built_by_javascript(local_site.routes[JS_POST].decode())
    page = local_site.routes["/"].decode()
    me = json.loads(ME_JSON.read_text())

    app = make_app(WORKERS=1, ALLOW_LOOPBACK_FETCH=True, USE_BROWSER=True,
                   EMBEDDER_FACTORY=lambda: embedder)  # fmt: skip
    auth = {"Authorization": f"Bearer {app.config['_TOKEN']}"}
    client = app.test_client()
    assert client.put("/api/me", json=me, headers=auth).status_code == 200
    started = client.post("/api/analyses", json={"url": local_site.url("/"), "html": page},
                          headers=auth)  # fmt: skip
    final = wait_for(client, auth, started.json["id"])
    assert final["status"] == "done", final.get("error")
    from_backend = final["result"]

    saved = tmp_path / "page.html"
    saved.write_text(page, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COMMONGROUND_ALLOW_LOOPBACK_FETCH": "true",
           "COMMONGROUND_FETCH_DELAY_S": "0", "CHROMIUM_PATH": chromium_path}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "analyze", local_site.url("/"), "--html", str(saved),
         "--me", str(ME_JSON), "--json", "--data-dir", str(tmp_path / "cli-data")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    from_command = json.loads(done.stdout)

    # Both rendered the post that needs JavaScript (the command once had no browser at all).
    for result in (from_backend, from_command):
        assert local_site.url(JS_POST) in {p["url"] for p in result["posts"]}, result["errors"]
    from_backend.pop("timings")
    from_command.pop("timings")
    assert from_command == from_backend
