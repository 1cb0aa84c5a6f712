"""`commonground analyze` runs the same analysis as the extension: given the page the extension
captured, the command prints the result the popup got, field for field.

Real Chromium with the real extension and backend (the session's model) on one side; the
installed command, as a separate process with its own model and an empty data directory, on
the other. Only the timings may differ.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.extension.conftest import DEMO_SITE, ROOT, serve_site, wait_for_result

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]


def _without_timings(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "timings"}


def test_the_command_gives_the_result_the_extension_got(ext, backend, me_profile, local_site,
                                                        tmp_path):  # fmt: skip
    # A site of its own, so the analysis is of URLs no other test analysed.
    person = serve_site(local_site, DEMO_SITE)
    assert backend.api("PUT", "/api/me", json=me_profile).status_code == 200
    sent_before = len(backend.sent_analyses)
    target, popup = ext.analyse(person)
    wait_for_result(popup)
    tab = popup.url.split("tab=")[1]
    state = ext.sw.evaluate(f"chrome.storage.session.get('analysis:{tab}')")[f"analysis:{tab}"]
    from_extension = state["result"]
    sent = backend.sent_analyses[sent_before:]
    assert len(sent) == 1 and sent[0]["url"] == person and "Maya Lindqvist" in sent[0]["html"]

    page = tmp_path / "captured.html"
    page.write_text(sent[0]["html"], encoding="utf-8")
    me = tmp_path / "me.json"
    me.write_text(json.dumps(me_profile), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COMMONGROUND_ALLOW_LOOPBACK_FETCH": "true",
           "COMMONGROUND_FETCH_DELAY_S": "0"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "analyze", person, "--html", str(page), "--me",
         str(me), "--json", "--data-dir", str(tmp_path / "data")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    from_command = json.loads(done.stdout)

    assert from_extension["talking_points"], "the demo person shares something with the user"
    assert _without_timings(from_command) == _without_timings(from_extension)
