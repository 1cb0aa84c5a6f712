"""README.md stays true: every API route and every CLI command is documented there."""

from __future__ import annotations

import re

import pytest

from harness import ROOT
from server import create_app
from server.cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _routes(tmp_path) -> set[tuple[str, str]]:
    app = create_app({"DATA_DIR": str(tmp_path), "PRELOAD_MODEL": False, "TESTING": True})
    try:
        found = set()
        for rule in app.url_map.iter_rules():
            if rule.endpoint == "static":
                continue
            path = re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", r"<\1>", rule.rule)
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                found.add((method, path))
        return found
    finally:
        from server import shutdown

        shutdown(app)


def test_every_api_route_is_in_the_readme(tmp_path):
    routes = _routes(tmp_path)
    assert len(routes) >= 10, routes
    missing = sorted(f"{m} {p}" for m, p in routes if p not in README)
    assert not missing, f"routes missing from README.md: {missing}"


def _subcommands() -> list[str]:
    parser = build_parser()
    for action in parser._actions:  # argparse keeps subparsers here; no public accessor
        if action.choices and isinstance(action.choices, dict):
            return sorted(action.choices)
    raise AssertionError("the commonground parser has no subcommands")


@pytest.mark.parametrize("command", _subcommands())
def test_every_cli_command_is_in_the_readme(command):
    assert f"commonground {command}" in README


def test_readme_shows_the_two_commands():
    assert "make demo" in README and "make test" in README
