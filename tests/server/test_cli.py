"""The `commonground` command, in-process (main([...]) with capsys) and once as a subprocess."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from server.cli import main
from tests.server.conftest import HERE, ME_JSON

ROOT = HERE.parent.parent
NOT_A_PROFILE = HERE.parent / "fixtures" / "server" / "not_a_profile.html"


@pytest.fixture
def loopback_env(monkeypatch):
    monkeypatch.setenv("COMMONGROUND_ALLOW_LOOPBACK_FETCH", "1")
    monkeypatch.setenv("COMMONGROUND_FETCH_DELAY_S", "0")
    # Without Chromium: these tests are about messages; the command's browser fallback is
    # tested with the browser (tests/server/test_cli_parity.py).
    monkeypatch.setenv("COMMONGROUND_USE_BROWSER", "false")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_token_is_stable_until_rotated(tmp_path, capsys):
    assert main(["token", "--data-dir", str(tmp_path)]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["token", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == first
    assert main(["token", "--rotate", "--data-dir", str(tmp_path)]) == 0
    rotated = capsys.readouterr()
    assert rotated.out.strip() != first and "paste the new one" in rotated.err
    assert (tmp_path / "token").read_text().strip() == rotated.out.strip()


def test_me_set_and_show(tmp_path, capsys):
    assert main(["me", "--data-dir", str(tmp_path)]) == 2
    assert "not set" in capsys.readouterr().err
    assert main(["me", "--set", str(ME_JSON), "--data-dir", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Sam Reyes"
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    assert main(["me", "--set", str(bad), "--data-dir", str(tmp_path)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_profile_parses_a_saved_page(capsys, tmp_path):
    page = tmp_path / "ines.html"
    page.write_text((HERE.parent / "fixtures/server/site/index.html").read_text()
                    .replace("{{SITE}}", "https://ines.example"))  # fmt: skip
    assert main(["profile", str(page), "--url", "https://ines.example/", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Ines Okafor"
    assert main(["profile", str(NOT_A_PROFILE), "--url", "https://x.example/"]) == 2
    assert "does not look like a profile" in capsys.readouterr().err
    assert main(["profile", str(tmp_path / "missing.html"), "--url", "https://x.example/"]) == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "must be a web address"),
        ("https://www.linkedin.com/in/someone", "never fetches LinkedIn"),
    ],
)
def test_analyze_refuses_bad_urls_with_a_message(tmp_path, capsys, url, expected):
    assert main(["analyze", url, "--data-dir", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert expected in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_analyze_reports_an_unreachable_site(tmp_path, capsys, loopback_env):
    url = f"http://127.0.0.1:{closed_port()}/about"
    assert main(["analyze", url, "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "could not be reached" in err
    assert "robots.txt" not in err  # the news is the site, not its robots.txt


def test_analyze_reports_a_page_that_is_not_a_profile(tmp_path, capsys, local_site, loopback_env):
    local_site.routes["/hours"] = NOT_A_PROFILE.read_bytes()
    assert main(["analyze", local_site.url("/hours"), "--data-dir", str(tmp_path)]) == 2
    assert "does not look like a profile" in capsys.readouterr().err
    html = tmp_path / "saved.html"
    html.write_bytes(NOT_A_PROFILE.read_bytes())
    url = "https://www.linkedin.com/in/someone/"
    assert main(["analyze", url, "--html", str(html), "--data-dir", str(tmp_path)]) == 2
    assert "does not look like a profile" in capsys.readouterr().err


@pytest.mark.slow  # starts a Python process
def test_the_installed_command_runs_as_a_subprocess(tmp_path):
    env = {**os.environ, "COMMONGROUND_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "server.cli", "token"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == Path(tmp_path / "token").read_text().strip()
    bad = subprocess.run([sys.executable, "-m", "server.cli", "analyze", "ftp://x"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr


def test_the_text_result_says_which_sections_a_linkedin_page_did_not_show():
    from server.cli import format_result

    result = {"profile": {"name": "Ross Martin", "missing_sections": ["experience", "skills"]}}
    text = format_result(result)
    assert "did not show their Experience, Skills" in text
    assert "scroll to the end of the profile before saving it" in text
    assert "did not show" not in format_result({"profile": {"name": "Jo"}})
