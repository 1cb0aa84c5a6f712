"""The requests that answered 500 in the attack run, one request each: now each is a 4xx in the
one error shape, saying what was wrong. (test_properties.py generates more of each kind.)"""

from __future__ import annotations

import json

import pytest

JSON_ROUTES = [
    ("POST", "/api/analyses"),
    ("PUT", "/api/me"),
    ("POST", "/api/me/import"),
    ("POST", "/api/drafts/check"),
    ("POST", "/api/contacts"),
    ("PATCH", "/api/contacts/1"),
]


@pytest.fixture
def send(client, auth):
    def send(method: str, path: str, raw: str):
        headers = {**auth, "Content-Type": "application/json"}
        answer = client.open(path, method=method, data=raw.encode("utf-8", "surrogatepass"),
                             headers=headers)  # fmt: skip
        assert answer.status_code < 500, answer.get_data(as_text=True)
        error = answer.json["error"]
        assert error["code"] and error["message"]
        return answer

    return send


@pytest.mark.parametrize(("method", "path"), JSON_ROUTES)
@pytest.mark.parametrize("depth", [2000, 40_000])
def test_json_nested_thousands_deep(send, method, path, depth):
    answer = send(method, path, "[" * depth + "]" * depth)
    assert answer.status_code == 400 and answer.json["error"]["code"] == "too_deep"
    nested = '{"a":' * depth + "1" + "}" * depth
    assert send(method, path, nested).json["error"]["code"] == "too_deep"


@pytest.mark.parametrize("path", ["/api/analyses", "/api/contacts", "/api/me/import"])
@pytest.mark.parametrize(
    "url", ["http://[::1/", "http://[::1", "https://[fe80::1%eth0/", "http://a.example:99999/",
            "http://a.example:-1/", "http://[1:2:3:4:5:6:7:8:9]/"],
)  # fmt: skip
def test_urls_python_cannot_take_apart(send, path, url):
    other = {"name": "x"} if path == "/api/contacts" else {"html": "<p>x</p>"}
    body = {"url": url, **other}
    answer = send("POST", path, json.dumps(body))
    assert answer.status_code == 422 and answer.json["error"]["code"] == "bad_url"


@pytest.mark.parametrize("field", ["sent_date", "follow_up_date"])
@pytest.mark.parametrize("value", ["9999-12-31", "9999-11-30", "0001-01-01", "1899-12-31",
                                   "2200-01-01"])  # fmt: skip
def test_dates_whose_arithmetic_overflows(send, field, value):
    body = {"name": "x", "status": "sent", field: value}
    answer = send("POST", "/api/contacts", json.dumps(body))
    assert answer.status_code == 422 and answer.json["error"]["code"] == "bad_date"
    assert "between 1900-01-01 and 2199-12-31" in answer.json["error"]["message"]


def test_the_last_allowed_date_still_gets_its_follow_up(client, auth):
    body = {"name": "x", "status": "sent", "sent_date": "2199-12-31"}
    answer = client.post("/api/contacts", json=body, headers=auth)
    assert answer.status_code == 201 and answer.json["follow_up_date"] == "2200-03-01"


LONE = '"\\ud800"'


def with_lone(template: str) -> str:
    """``template`` with a lone surrogate's JSON escape where it says LONE."""
    return template.replace("LONE", LONE)


SURROGATE_BODIES = [
    ("POST", "/api/contacts", with_lone('{"name": LONE}')),
    ("POST", "/api/contacts", with_lone('{"name": "x", "notes": LONE}')),
    ("POST", "/api/contacts", with_lone('{"name": "x", "analysis_id": LONE}')),
    ("POST", "/api/contacts", with_lone('{LONE: "x"}')),
    ("PATCH", "/api/contacts/1", '{"notes": "\\udfff"}'),
    ("PUT", "/api/me", with_lone('{"name": LONE}')),
    ("PUT", "/api/me", with_lone('{"name": "x", "skills": ["ok", LONE]}')),
    ("PUT", "/api/me", with_lone('{"profile": {"experience": [{"title": LONE}]}}')),
    ("POST", "/api/drafts/check", with_lone('{"text": LONE}')),
    ("POST", "/api/drafts/check", with_lone('{"text": "hi", "analysis_id": LONE}')),
    ("POST", "/api/analyses", '{"url": "https://a.example/\\ud800"}'),
    ("POST", "/api/analyses", '{"url": "https://a.example/", "html": "<p>\\ud800</p>"}'),
    ("POST", "/api/me/import", with_lone('{"url": "https://a.example/", "html": LONE}')),
]


@pytest.mark.parametrize(("method", "path", "raw"), SURROGATE_BODIES)
def test_lone_surrogates_in_any_text_field_or_id(send, method, path, raw):
    answer = send(method, path, raw)
    assert answer.status_code == 422 and answer.json["error"]["code"] == "bad_text"


def test_a_surrogate_pair_is_text_and_welcome(client, auth):
    answer = client.post("/api/contacts", data='{"name": "Ada \\ud83d\\ude00"}', headers={
        **auth, "Content-Type": "application/json"})  # fmt: skip
    assert answer.status_code == 201 and answer.json["name"] == "Ada \U0001f600"


@pytest.mark.parametrize(("method", "path"), [("POST", "/api/contacts"),
                                              ("PATCH", "/api/contacts/{id}")])  # fmt: skip
@pytest.mark.parametrize("status", ["", " "])
def test_a_blank_status_is_refused_not_stored_as_null(client, auth, send, method, path, status):
    """Found by the property tests once they sent each route its own fields."""
    created = client.post("/api/contacts", json={"name": "Ada"}, headers=auth).json
    answer = send(method, path.format(id=created["id"]),
                  json.dumps({"name": "https://a.example/", "status": status}))  # fmt: skip
    assert answer.status_code == 422 and answer.json["error"]["code"] == "missing_field"
