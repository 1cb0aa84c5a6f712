"""Property-based tests: whatever a client sends to any route, the answer is never a 500 and
never a hang, and every error has the one error shape. Workers are off (WORKERS=0), so a
generated URL is queued, never fetched: no DNS lookup, no packet."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server import create_app, shutdown

# Text with every kind of character, lone surrogates included: JSON can carry them ("\\ud800"),
# and nothing downstream (UTF-8, SQLite, the tokenizer) can.
_all_chars = st.characters(exclude_categories=())
any_text = st.one_of(
    st.text(alphabet=_all_chars, max_size=50),
    st.builds(
        lambda a, lone, b: a + lone + b,
        st.text(max_size=20),
        st.characters(categories=["Cs"]),
        st.text(max_size=20),
    ),
)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(any_text.map(lambda t: t[:12]), children, max_size=5)
    ),
    max_leaves=20,
)
# Web addresses Python's urlsplit cannot take apart (broken IPv6 literals, ports out of range),
# and some it can, with odd hosts.
odd_urls = st.builds(
    lambda scheme, host, port, path: f"{scheme}://{host}{port}/{path}",
    st.sampled_from(["http", "https", "HTTP", "ftp", ""]),
    st.one_of(
        st.from_regex(r"\[[0-9a-f:%.]{0,20}\]?", fullmatch=True),
        st.from_regex(r"[a-z0-9.-]{1,20}", fullmatch=True),
        any_text.map(lambda t: t[:15]),
    ),
    st.one_of(st.just(""), st.integers(-5, 10**6).map(lambda n: f":{n}"), st.just(":x")),
    any_text.map(lambda t: t[:10]),
)
# Every date Python knows, the overflowing ends included, and strings that only look like one.
odd_dates = st.one_of(
    st.dates().map(str),
    st.dates(min_value=date(9999, 10, 1)).map(str),  # where "sent + 60 days" overflows
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
)
common_values = st.sampled_from(
    ["https://a.example/", "http://127.0.0.1/", "ftp://x", "2025-01-31", "2025-13-45",
     "9999-12-31", "http://[::1/", "\ud800", "sent", "drafted", "email", "", " "]
)  # fmt: skip
# What each field usually gets (so a body gets past the first check and reaches the code
# behind it), else anything at all.
FIELD_VALUES = {
    "url": odd_urls,
    "html": any_text,
    "name": any_text,
    "status": st.sampled_from(["drafted", "sent", "replied", "met", "lost"]),
    "sent_date": odd_dates,
    "follow_up_date": odd_dates,
    "notes": any_text,
    "message": any_text,
    "text": any_text,
    "channel": st.sampled_from(["email", "message", "linkedin_note", "x"]),
    "analysis_id": any_text,
    "person_key": st.from_regex(r"[0-9a-f]{16}\n?", fullmatch=True) | any_text,
    "profile": json_values,
    "skills": st.lists(any_text, max_size=4),
    "experience": st.lists(
        st.dictionaries(st.sampled_from(["title", "company", "start"]), any_text, max_size=3),
        max_size=3,
    ),
    "education": st.lists(
        st.dictionaries(st.sampled_from(["school", "degree"]), any_text, max_size=2), max_size=3
    ),
    "headline": any_text,
    "about": any_text,
    "websites": st.lists(odd_urls, max_size=3),
}
ROUTE_FIELDS = {
    "/api/analyses": ["url", "html"],
    "/api/me": ["name", "headline", "about", "skills", "experience", "education", "websites",
                "profile"],
    "/api/me/import": ["url", "html"],
    "/api/drafts/check": ["text", "channel", "analysis_id"],
    "/api/contacts": ["name", "url", "status", "sent_date", "follow_up_date", "notes", "message",
                      "analysis_id", "person_key"],
}  # fmt: skip
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


def bodies_for(route: tuple[str, str]) -> st.SearchStrategy:
    """Anything JSON, or an object of the route's own fields (every field now and then)."""
    fields = ROUTE_FIELDS.get(route[1].split("/{")[0], list(FIELD_VALUES))
    value = {name: st.one_of(FIELD_VALUES[name], FIELD_VALUES[name], common_values,
                             json_values) for name in fields}  # fmt: skip
    return st.one_of(
        json_values,
        st.fixed_dictionaries({}, optional=value),
        st.dictionaries(
            st.sampled_from(list(FIELD_VALUES)), common_values | json_values, max_size=6
        ),
    )


routes_and_bodies = st.sampled_from(ROUTES).flatmap(
    lambda route: st.tuples(st.just(route), bodies_for(route))
)


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
    route_and_body=routes_and_bodies,
    segment=any_text.filter(lambda s: s and "/" not in s and s not in ".."),
    number=st.integers(min_value=-5, max_value=2**70),
    query=st.dictionaries(st.sampled_from(["due", "x"]), st.text(max_size=5), max_size=2),
)
@pytest.mark.slow  # a 300-example property hunt
def test_no_route_answers_500_whatever_the_body(prop_app, route_and_body, segment, number,
                                                query):  # fmt: skip
    (method, template), body = route_and_body
    segment = quote(segment.encode("utf-8", "surrogatepass"), safe="")
    path = template.replace("{x}", segment).replace("{n}", str(number))
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
@pytest.mark.slow  # a 200-example property hunt
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


def nested(depth: int, kind: str) -> str:
    """A JSON text nested ``depth`` deep: arrays, objects, or both in turn."""
    if kind == "array":
        return "[" * depth + "]" * depth
    if kind == "object":
        return '{"a":' * depth + "1" + "}" * depth
    return '{"a":[' * (depth // 2) + "1" + "]}" * (depth // 2)


@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(
    depth=st.integers(min_value=1, max_value=30_000),
    kind=st.sampled_from(["array", "object", "both"]),
    route=st.sampled_from([r for r in ROUTES if r[0] in ("POST", "PUT", "PATCH")]),
)
def test_json_nested_however_deep_never_crashes(prop_app, depth, kind, route):
    method, template = route
    headers = {"Content-Type": "application/json",
               "Authorization": f"Bearer {prop_app.config['_TOKEN']}"}  # fmt: skip
    check(prop_app.test_client().open(template.replace("{n}", "1"), method=method,
                                      data=nested(depth, kind), headers=headers))  # fmt: skip
