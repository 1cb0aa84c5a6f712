"""Property-based tests: whatever a client sends to any route, the answer is never a 500 and
never a hang, and every error has the one error shape. Workers are off (WORKERS=0), so a
generated URL is queued, never fetched: no DNS lookup, no packet."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server import create_app, shutdown

json_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)
FIELDS = ["url", "html", "name", "status", "sent_date", "follow_up_date", "notes", "message",
          "text", "channel", "analysis_id", "person_key", "profile", "skills", "experience",
          "education", "headline", "about", "websites"]  # fmt: skip
field_values = st.one_of(
    json_values,
    st.sampled_from(
        [
            "https://a.example/",
            "http://127.0.0.1/",
            "ftp://x",
            "2025-01-31",
            "2025-13-45",
            "sent",
            "drafted",
            "email",
            "",
            " ",
        ]
    ),  # fmt: skip
)
bodies = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=6),
)
ROUTES = [
    ("POST", "/api/analyses"),
    ("GET", "/api/analyses/{x}"),
    ("GET", "/api/me"),
    ("PUT", "/api/me"),
    ("POST", "/api/me/import"),
    ("POST", "/api/drafts/check"),
    ("GET", "/api/contacts"),
    ("POST", "/api/contacts"),
    ("PATCH", "/api/contacts/{n}"),
    ("GET", "/api/contacts/{n}/prep"),
    ("DELETE", "/api/people/{x}"),
    ("GET", "/api/health"),
]


@pytest.fixture(scope="module")
def prop_app(tmp_path_factory):
    app = create_app({"TESTING": False, "DATA_DIR": str(tmp_path_factory.mktemp("prop")),
                      "PRELOAD_MODEL": False, "WORKERS": 0, "QUEUE_SIZE": 100_000})  # fmt: skip
    yield app
    shutdown(app)


def check(answer) -> None:
    assert answer.status_code < 500 or answer.status_code == 503, answer.get_data(as_text=True)
    if answer.status_code >= 400:
        error = answer.json["error"]
        assert isinstance(error["code"], str) and error["code"]
        assert isinstance(error["message"], str) and error["message"]


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    route=st.sampled_from(ROUTES),
    body=bodies,
    segment=st.text(min_size=1, max_size=30).filter(lambda s: "/" not in s and s not in ".."),
    number=st.integers(min_value=-5, max_value=2**70),
    query=st.dictionaries(st.sampled_from(["due", "x"]), st.text(max_size=5), max_size=2),
)
def test_no_route_answers_500_whatever_the_body(prop_app, route, body, segment, number, query):
    method, template = route
    path = template.replace("{x}", quote(segment, safe="")).replace("{n}", str(number))
    token = {"Authorization": f"Bearer {prop_app.config['_TOKEN']}"}
    client = prop_app.test_client()
    check(client.open(path, method=method, json=body, headers=token, query_string=query))


@settings(max_examples=200, deadline=2000)
@given(
    raw=st.binary(max_size=300),
    content_type=st.sampled_from(["application/json", "text/plain", "", "application/json; x"]),
    route=st.sampled_from([r for r in ROUTES if r[0] in ("POST", "PUT", "PATCH")]),
    auth=st.sampled_from(["good", "none", "bad"]),
)
def test_raw_bytes_and_bad_tokens_never_crash(prop_app, raw, content_type, route, auth):
    method, template = route
    headers = {"Content-Type": content_type} if content_type else {}
    if auth == "good":
        headers["Authorization"] = f"Bearer {prop_app.config['_TOKEN']}"
    elif auth == "bad":
        headers["Authorization"] = "Bearer " + raw.hex()[:40]
    answer = prop_app.test_client().open(template.replace("{n}", "1"), method=method, data=raw,
                                         headers=headers)  # fmt: skip
    check(answer)
    if auth != "good":
        assert answer.status_code == 401
