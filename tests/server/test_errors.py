"""Every error and note carries an action code, and the extension has advice for each code: it
decides what to tell the user by the code, never by the English of the message."""

from __future__ import annotations

import re

from harness import ROOT
from server.errors import ACTION_OF, ACTIONS, AppError, action_of

MESSAGES_JS = ROOT / "extension" / "lib" / "messages.js"
ANALYSIS_JS = ROOT / "extension" / "lib" / "analysis.js"


def extension_advice_codes() -> set[str]:
    source = MESSAGES_JS.read_text()
    block = source[
        source.index("export const ADVICE = {") : source.index(
            "};", source.index("export const ADVICE")
        )
    ]
    return set(re.findall(r"^\s+([a-z_]+):", block, re.MULTILINE))


def test_the_extension_has_advice_for_every_action_and_no_other():
    assert extension_advice_codes() == set(ACTIONS)
    assert set(ACTION_OF.values()) <= set(ACTIONS)


def test_the_extension_does_not_read_advice_out_of_messages():
    source = ANALYSIS_JS.read_text()
    assert '": "' not in source and "includes(" not in source


def test_errors_carry_their_action():
    assert AppError("x", code="not_a_profile").to_dict()["action"] == "open_profile"
    assert action_of("bad_url", 422) == "fix_request"
    assert action_of("something_new", 500) == "see_server_log"


def test_api_errors_say_what_to_do_as_a_code(client, auth):
    missing = client.get("/api/me")
    assert missing.status_code == 401 and missing.json["error"]["action"] == "pair"
    bad = client.post("/api/analyses", json={"url": "not a url"}, headers=auth)
    assert bad.json["error"] == {"code": "bad_url", "action": "fix_request",
                                 "message": bad.json["error"]["message"]}  # fmt: skip
    linkedin = client.post("/api/analyses", json={"url": "https://www.linkedin.com/in/x/"},
                           headers=auth)  # fmt: skip
    assert linkedin.json["error"]["action"] == "open_profile"
    nowhere = client.get("/api/nowhere", headers=auth)
    assert nowhere.status_code == 404 and nowhere.json["error"]["action"] == "none"
