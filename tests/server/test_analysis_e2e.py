"""An analysis end to end: the real worker, the real fetcher against the fixture site on
loopback, the real parsers and the real embedding model; then drafts, prep and forgetting."""

from __future__ import annotations

import time

import pytest

from server import store
from server.analysis import AnalysisRequest, Tools, run_analysis
from server.errors import ACTIONS
from tests.server.conftest import HERE, serve_site, wait_for

pytestmark = pytest.mark.model

RESULT_KEYS = {"profile", "posts", "topics", "talking_points", "openers", "opener_versions",
               "advice", "errors", "notes", "partial", "timings", "reading"}  # fmt: skip


@pytest.fixture
def analysing_app(make_app, embedder, me_profile):
    app = make_app(WORKERS=1, ALLOW_LOOPBACK_FETCH=True, EMBEDDER_FACTORY=lambda: embedder)
    auth = {"Authorization": f"Bearer {app.config['_TOKEN']}"}
    assert app.test_client().put("/api/me", json=me_profile, headers=auth).status_code == 200
    return app, app.test_client(), auth


def analyse(client, auth, body, timeout=120):
    started = client.post("/api/analyses", json=body, headers=auth)
    assert started.status_code == 202, started.json
    return started.json, wait_for(client, auth, started.json["id"], timeout)


def test_a_profile_url_gives_talking_points_with_evidence_and_openers(analysing_app, fixture_site):
    app, client, auth = analysing_app
    started, final = analyse(client, auth, {"url": fixture_site.url("/")})
    assert final["status"] == "done", final.get("error")
    assert final["stage"] == "done"
    result = final["result"]
    assert set(result) == RESULT_KEYS
    assert [n["message"] for n in result["notes"]] == result["errors"]
    assert all(n["action"] in ACTIONS for n in result["notes"])
    assert result["profile"]["name"] == "Ines Okafor"
    assert result["partial"] is False
    assert {p["url"] for p in result["posts"]} == {
        fixture_site.url(f"/blog/{slug}/")
        for slug in ("sourdough-hydration", "community-bakery-coop", "teaching-kids-to-bake")
    }
    assert all(p["keyphrases"] and p["title"] for p in result["posts"])
    assert result["topics"] and all(t["evidence"] for t in result["topics"])
    post_urls = {p["url"] for p in result["posts"]}
    for topic in result["topics"]:
        for evidence in topic["evidence"]:
            assert evidence["url"] in post_urls and evidence["quote"]
    kinds = {p["kind"] for p in result["talking_points"]}
    assert "school" in kinds, result["talking_points"]
    school = next(p for p in result["talking_points"] if p["kind"] == "school")
    assert "Leeds" in school["text"] and school["evidence"][0]["quote"]
    assert {o["channel"] for o in result["openers"]} == {"connection_note", "message", "email"}
    assert all(o["swap_test"]["passed"] in (True, False) for o in result["openers"])
    assert set(result["timings"]) == {"fetch", "extract", "embed", "match"}
    assert result["timings"]["embed"] > 0
    assert final["person_key"] == started["person_key"] == store.person_key(fixture_site.url("/"))


def test_progress_goes_through_every_stage_in_order(fixture_site, embedder, me_profile):
    from scraper.fetch import Fetcher
    from scraper.models import Profile

    seen: list[str] = []
    request = AnalysisRequest(fixture_site.url("/"), None, Profile.from_dict(me_profile))
    with Fetcher(allow_hosts_loopback=True, delay=0) as fetcher:
        tools = Tools(fetcher=fetcher, embedder=lambda: embedder)
        run_analysis(request, tools, lambda stage, done, total: seen.append(stage))
    stages = list(dict.fromkeys(seen))
    expected = ["reading_profile", "finding_blog", "reading_posts", "finding_topics", "matching",
                "writing_openers", "done"]  # fmt: skip
    assert stages == expected


def test_the_page_the_user_sent_is_read_without_fetching_it(analysing_app, fixture_site):
    _, client, auth = analysing_app
    html = (HERE.parent / "fixtures/server/site/index.html").read_text()
    # What the user's browser showed differs from what the site serves: the former must win.
    html = html.replace("{{SITE}}", fixture_site.base_url).replace(
        '"name": "Ines Okafor"', '"name": "Ines A. Okafor"'
    )
    _, final = analyse(client, auth, {"url": fixture_site.url("/"), "html": html})
    assert final["status"] == "done", final.get("error")
    assert final["result"]["profile"]["name"] == "Ines A. Okafor"
    assert len(final["result"]["posts"]) == 3


def test_failures_say_what_happened(analysing_app, local_site):
    _, client, auth = analysing_app
    local_site.routes["/hours"] = (HERE.parent / "fixtures/server/not_a_profile.html").read_bytes()
    local_site.routes["/robots.txt"] = b"User-agent: *\nAllow: /\n"
    _, final = analyse(client, auth, {"url": local_site.url("/hours")})
    assert final["status"] == "failed"
    assert final["error"]["code"] == "not_a_profile"
    _, final = analyse(client, auth, {"url": local_site.url("/gone")})
    assert final["status"] == "failed"
    assert final["error"]["code"] == "fetch_failed" and "404" in final["error"]["message"]
    from tests.server.test_cli import closed_port

    _, final = analyse(client, auth, {"url": f"http://127.0.0.1:{closed_port()}/"})
    assert final["status"] == "failed" and final["error"]["code"] == "fetch_failed"
    assert final["error"]["message"]


def test_an_analysis_over_its_budget_is_partial_and_says_so(make_app, embedder, me_profile,
                                                           local_site):  # fmt: skip
    serve_site(local_site)
    slow_path = "/blog/community-bakery-coop/"
    body = local_site.routes[slow_path]

    def slow(handler):
        time.sleep(3)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body

    local_site.routes[slow_path] = slow
    app = make_app(WORKERS=1, ALLOW_LOOPBACK_FETCH=True, ANALYSIS_BUDGET_S=1.5,
                   EMBEDDER_FACTORY=lambda: embedder)  # fmt: skip
    auth = {"Authorization": f"Bearer {app.config['_TOKEN']}"}
    client = app.test_client()
    client.put("/api/me", json=me_profile, headers=auth)
    _, final = analyse(client, auth, {"url": local_site.url("/")})
    assert final["status"] == "done", final.get("error")
    assert final["result"]["partial"] is True
    assert any("partial" in e or "time" in e for e in final["result"]["errors"])
    assert final["result"]["profile"]["name"] == "Ines Okafor"


def test_drafts_prep_and_forgetting_use_the_stored_analysis(analysing_app, fixture_site):
    app, client, auth = analysing_app
    started, final = analyse(client, auth, {"url": fixture_site.url("/")})
    assert final["status"] == "done", final.get("error")
    checked = client.post("/api/drafts/check", json={
        "text": "Dear Sir, I would love to pick your brain sometime.", "channel": "message",
        "analysis_id": started["id"]}, headers=auth)  # fmt: skip
    assert checked.status_code == 200, checked.json
    codes = {f["code"] for f in checked.json["findings"]}
    assert codes, "a generic draft must get findings"
    missing = client.post("/api/drafts/check", json={"text": "Hi", "analysis_id": "nope"},
                          headers=auth)  # fmt: skip
    assert missing.status_code == 404 and missing.json["error"]["code"] == "analysis_not_found"

    contact = client.post("/api/contacts", json={"name": "Ines Okafor", "url": fixture_site.url(
        "/"), "status": "sent", "analysis_id": started["id"]}, headers=auth).json  # fmt: skip
    assert contact["person_key"] == started["person_key"]
    prep = client.get(f"/api/contacts/{contact['id']}/prep", headers=auth)
    assert prep.status_code == 200, prep.json
    assert "Ines" in prep.json["markdown"]

    conn = store.connect(app.config["DB_PATH"])
    pages = "SELECT count(*) FROM pages WHERE person_key = ?"
    assert conn.execute(pages, (started["person_key"],)).fetchone()[0] > 0
    gone = client.delete(f"/api/people/{started['person_key']}", headers=auth).json["deleted"]
    assert gone["analyses"] >= 1 and gone["contacts"] == 1 and gone["pages"] > 0
    assert gone["remembered"] >= 1  # what the process remembers of that analysis, too
    assert conn.execute(pages, (started["person_key"],)).fetchone()[0] == 0
    conn.close()
    assert client.get(f"/api/analyses/{started['id']}", headers=auth).status_code == 404
