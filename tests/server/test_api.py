"""The HTTP API through Flask's test client, on a real SQLite file: routes, errors, auth, CORS."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from tests.server.conftest import EXTENSION_ORIGIN


def test_health_answers_without_a_token_and_reports_the_model(client):
    answer = client.get("/api/health")
    assert answer.status_code == 200
    assert answer.json == {"status": "ok", "model": "idle"}
    assert answer.headers["X-Request-Id"]


def test_openapi_describes_every_route(app, client):
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.")
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(contact_id|analysis_id)>", "{id}", rule.rule)
        path = path.replace("<key>", "{key}")
        assert path in spec["paths"], path
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in spec["paths"][path], (method, path)


def test_every_route_but_health_needs_the_token(app, client):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("static", "health.health", "health.openapi"):
            continue
        path = rule.rule.replace("<int:contact_id>", "1").replace("<analysis_id>", "x")
        path = path.replace("<key>", "0123456789abcdef")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            answer = client.open(path, method=method, json={})
            assert answer.status_code == 401, (method, path)
            assert answer.json["error"]["code"] == "token_missing"


def test_a_wrong_token_is_refused_with_its_own_code(client, auth):
    answer = client.get("/api/contacts", headers={"Authorization": "Bearer nope"})
    assert answer.status_code == 401
    assert answer.json["error"]["code"] == "token_wrong"
    answer = client.get("/api/contacts", headers={"Authorization": "Basic " + auth[
        "Authorization"].split()[1]})  # fmt: skip
    assert answer.json["error"]["code"] == "token_missing"


def test_the_token_file_is_private_and_stable(app, make_app):
    path = Path(app.config["DATA_DIR"]) / "token"
    assert path.stat().st_mode & 0o777 == 0o600
    again = make_app(DATA_DIR=app.config["DATA_DIR"])
    assert again.config["_TOKEN"] == app.config["_TOKEN"]
    assert len(app.config["_TOKEN"]) >= 40


def test_cors_answers_the_extension_origin_only(client, auth):
    ok = client.get("/api/contacts", headers={**auth, "Origin": EXTENSION_ORIGIN})
    assert ok.status_code == 200
    assert ok.headers["Access-Control-Allow-Origin"] == EXTENSION_ORIGIN
    assert "Origin" in ok.headers["Vary"]
    preflight = client.options("/api/analyses", headers={
        "Origin": EXTENSION_ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})  # fmt: skip
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    foreign = client.get("/api/contacts", headers={**auth, "Origin": "https://evil.example"})
    assert foreign.status_code == 403
    assert foreign.json["error"]["code"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in foreign.headers


def test_configured_origins_are_added_to_the_extension(make_app):
    app = make_app(ALLOWED_ORIGINS="http://127.0.0.1:9999, chrome-extension://abc")
    client = app.test_client()
    token = {"Authorization": f"Bearer {app.config['_TOKEN']}"}
    for origin in ("http://127.0.0.1:9999", "chrome-extension://abc", EXTENSION_ORIGIN):
        assert client.get("/api/contacts", headers={**token, "Origin": origin}).status_code == 200


def test_error_shapes_for_what_flask_raises(client, auth):
    cases = [
        (client.get("/api/nothing", headers=auth), 404, "not_found"),
        (client.delete("/api/me", headers=auth), 405, "method_not_allowed"),
        (
            client.put(
                "/api/me", data="{not json", headers={**auth, "Content-Type": "application/json"}
            ),
            400,
            "malformed_json",
        ),  # fmt: skip
        (client.put("/api/me", json=[1, 2], headers=auth), 422, "invalid_input"),
        (
            client.put(
                "/api/me", data="x" * 300_000, headers={**auth, "Content-Type": "application/json"}
            ),
            413,
            "too_large",
        ),  # fmt: skip
        (client.get("/api/analyses/none", headers=auth), 404, "not_found"),
    ]
    for answer, status, code in cases:
        assert answer.status_code == status, answer.json
        assert answer.json["error"]["code"] == code
        assert answer.json["error"]["message"]


def test_me_round_trip_and_validation(client, auth, me_profile):
    assert client.get("/api/me", headers=auth).json["error"]["code"] == "me_not_set"
    saved = client.put("/api/me", json=me_profile, headers=auth)
    assert saved.status_code == 200
    assert saved.json["profile"]["education"][0]["school"] == "University of Leeds"
    assert client.get("/api/me", headers=auth).json["profile"]["name"] == "Sam Reyes"
    wrapped = client.put("/api/me", json={"profile": {**me_profile, "name": "Sam R."}},
                         headers=auth)  # fmt: skip
    assert wrapped.json["profile"]["name"] == "Sam R."
    for bad, code in [
        ({"about": "no name"}, "empty_profile"),
        ({"name": "A", "experience": ["a string"]}, "invalid_input"),
        ({"name": "A", "skills": "python"}, "invalid_input"),
        ({"name": "A", "skills": ["x"] * 500}, "too_many"),
        ({"name": "A" * 30_000}, "too_long"),
    ]:
        answer = client.put("/api/me", json=bad, headers=auth)
        assert answer.status_code == 422, bad
        assert answer.json["error"]["code"] == code


def test_me_keeps_the_goal_and_the_ask_and_says_what_a_good_one_looks_like(
    client, auth, me_profile
):
    body = {
        **me_profile,
        "goal": "move from analytics into data science",
        "ask": "a 20-minute call",
    }
    saved = client.put("/api/me", json=body, headers=auth).json["profile"]
    assert (saved["goal"], saved["ask"]) == ("move from analytics into data science",
                                             "a 20-minute call")  # fmt: skip
    # Typed as free text, a goal runs to a few sentences; the openers make a clause of it.
    typed = (
        "so I've been doing web stuff for about eight years now and I keep buying dev boards and "
        "never getting further than the examples, what I really want is to understand what is "
        "happening underneath the libraries and write code that talks to the chip directly, and "
        "eventually build a sensor that runs on batteries for a whole season"
    )
    assert len(typed) > 300
    saved = client.put("/api/me", json={**body, "goal": typed}, headers=auth)
    assert saved.status_code == 200 and saved.json["profile"]["goal"] == typed
    for bad, code in [({"goal": 3}, "bad_field"), ({"ask": "x" * 601}, "too_long")]:
        answer = client.put("/api/me", json={**me_profile, **bad}, headers=auth)
        assert answer.status_code == 422 and answer.json["error"]["code"] == code
        assert "e.g." in answer.json["error"]["message"]  # an example of what to write


def test_me_import_parses_the_users_own_page(client, auth):
    html = (Path(__file__).parent.parent / "fixtures/server/site/index.html").read_text()
    html = html.replace("{{SITE}}", "https://ines.example")
    answer = client.post("/api/me/import", json={"url": "https://ines.example/", "html": html},
                         headers=auth)  # fmt: skip
    assert answer.status_code == 200, answer.json
    assert answer.json["profile"]["name"] == "Ines Okafor"
    assert client.get("/api/me", headers=auth).json["profile"]["name"] == "Ines Okafor"
    junk = client.post("/api/me/import", json={"url": "https://x.example/", "html": "<p>hi</p>"},
                       headers=auth)  # fmt: skip
    assert junk.status_code == 422
    assert junk.json["error"]["code"] == "not_a_profile"


def test_contacts_follow_up_two_months_after_sending(client, auth):
    sent = (date.today() - timedelta(days=70)).isoformat()
    created = client.post("/api/contacts", json={
        "name": "Ines Okafor", "url": "https://ines.example/", "status": "sent",
        "sent_date": sent, "message": "Hello"}, headers=auth)  # fmt: skip
    assert created.status_code == 201, created.json
    contact = created.json
    assert contact["follow_up_date"] == (date.fromisoformat(sent) + timedelta(days=60)).isoformat()
    assert len(contact["person_key"]) == 16
    later = client.post("/api/contacts", json={"name": "Later", "status": "sent"}, headers=auth)
    assert later.json["sent_date"] == date.today().isoformat()
    drafted = client.post("/api/contacts", json={"name": "Draft only"}, headers=auth)
    assert drafted.json["status"] == "drafted" and drafted.json["follow_up_date"] is None

    due = client.get("/api/contacts?due=1", headers=auth).json["contacts"]
    assert [c["name"] for c in due] == ["Ines Okafor"]
    assert len(client.get("/api/contacts", headers=auth).json["contacts"]) == 3

    replied = client.patch(f"/api/contacts/{contact['id']}", json={"status": "replied",
                           "notes": "meeting on Friday"}, headers=auth)  # fmt: skip
    assert replied.status_code == 200
    assert replied.json["status"] == "replied" and replied.json["notes"] == "meeting on Friday"
    assert client.get("/api/contacts?due=1", headers=auth).json["contacts"] == []


def test_contact_errors(client, auth):
    cases = [
        (client.post("/api/contacts", json={"status": "sent"}, headers=auth), 422, "missing_field"),
        (client.post("/api/contacts", json={"name": "A", "status": "ghosted"}, headers=auth),
         422, "bad_choice"),
        (client.post("/api/contacts", json={"name": "A", "sent_date": "2025-02-30"},
                     headers=auth), 422, "bad_date"),  # fmt: skip
        (client.post("/api/contacts", json={"name": "A", "url": "ftp://x"}, headers=auth),
         422, "bad_url"),
        (client.post("/api/contacts", json={"name": "A", "admin": True}, headers=auth),
         422, "unknown_field"),
        (client.patch("/api/contacts/999", json={"notes": "x"}, headers=auth), 404,
         "contact_not_found"),
        (client.get("/api/contacts/999/prep", headers=auth), 404, "contact_not_found"),
        (client.get("/api/contacts?due=yes", headers=auth), 422, "bad_choice"),
    ]  # fmt: skip
    for answer, status, code in cases:
        assert answer.status_code == status, answer.json
        assert answer.json["error"]["code"] == code


def test_forgetting_a_person_removes_their_contact(client, auth):
    created = client.post("/api/contacts", json={"name": "Ines", "url": "https://ines.example/"},
                          headers=auth).json  # fmt: skip
    gone = client.delete(f"/api/people/{created['person_key']}", headers=auth)
    assert gone.status_code == 200
    assert gone.json["deleted"]["contacts"] == 1
    assert client.get("/api/contacts", headers=auth).json["contacts"] == []
    bad = client.delete("/api/people/../../etc", headers=auth)
    assert bad.status_code in (404, 422)
    assert client.delete("/api/people/XYZ", headers=auth).json["error"]["code"] == "bad_key"
