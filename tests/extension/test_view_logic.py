"""The popup's pure helpers (stage wording, progress, link safety, which topics are shared, which
posts to read first), run as the extension's own ES modules inside an extension page, and the
service worker's refusal of a message it does not know."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(extension):
    page = extension.context.new_page()
    page.goto(extension.base + "contacts.html")
    yield page
    page.close()


def call(page, module: str, expression: str, *args):
    """Import ``lib/<module>.js`` in the page and evaluate ``expression`` with it as ``m``."""
    return page.evaluate(
        f"async (args) => {{ const m = await import('./lib/{module}.js'); return {expression}; }}",
        list(args),
    )


def test_stage_wording(page):
    label = lambda state: call(page, "stages", "m.stageLabel(args[0])", state)  # noqa: E731
    assert label({"status": "running", "stage": "reading_posts", "done": 2, "total": 12}) == (
        "Reading posts 3 of 12"
    )
    assert label({"status": "running", "stage": "reading_posts", "done": 12, "total": 12}) == (
        "Reading posts 12 of 12"
    )
    assert label({"status": "running", "stage": "finding_blog"}) == "Finding the blog"
    assert label({"status": "running", "stage": "matching"}) == "Matching with your profile"
    assert label({"status": "running", "stage": "some_new_stage"}) == "Some new stage"
    assert label({"status": "failed", "stage": "matching"}) == "Stopped"


def test_progress_only_moves_forward_through_the_stages(page):
    stages = ["capturing", "queued", "reading_profile", "finding_blog", "reading_posts",
              "finding_topics", "matching", "writing_openers"]  # fmt: skip
    states = [{"status": "running", "stage": s, "done": 0, "total": 0} for s in stages]
    states[4:5] = [
        {"status": "running", "stage": "reading_posts", "done": d, "total": 10} for d in range(11)
    ]
    states.append({"status": "done", "stage": "done"})
    values = call(page, "stages", "args[0].map(m.stagePercent)", states)
    assert values == sorted(values) and values[0] == 0 and values[-1] == 100


def test_only_web_links_become_links(page):
    href = lambda url: call(page, "dom", "m.safeHref(args[0])", url)  # noqa: E731
    assert href("https://example.org/post?a=1") == "https://example.org/post?a=1"
    assert href("http://127.0.0.1:8000/x") == "http://127.0.0.1:8000/x"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                "vbscript:x", "file:///etc/passwd", "/relative", ""):  # fmt: skip
        assert href(bad) is None, bad
    link = call(page, "dom", "m.el('a', {href: args[0]}, 'x').hasAttribute('href')", "javascript:1")
    assert link is False


def test_shared_topics_come_from_talking_points_joining_both_sides(page):
    topics = [{"phrase": "causal inference"}, {"phrase": "feature store"}, {"phrase": "Forecasts"}]
    points = [
        {"kind": "topic", "theirs": "Causal inference", "mine": "causal inference"},
        {"kind": "topic", "theirs": "forecasts", "mine": "demand forecasting"},
        {"kind": "post", "theirs": "feature store", "mine": ""},  # nothing of the user's
    ]
    shared = call(page, "result-view", "[...m.sharedTopics(args[0], args[1])]", topics, points)
    assert sorted(shared) == ["Forecasts", "causal inference"]


def test_posts_cited_by_a_talking_point_come_first(page):
    posts = [{"url": f"https://blog.example/{i}"} for i in range(8)]
    points = [{"evidence": [{"url": "https://blog.example/6"}, {"url": "https://blog.example/3"}]}]
    ranked = call(page, "result-view", "m.postsToRead(args[0], args[1]).map(p => p.url)",
                  posts, points)  # fmt: skip
    assert ranked == [f"https://blog.example/{i}" for i in (3, 6, 0, 1, 2)]


def test_backend_messages_read_as_sentences(page):
    sentence = lambda s: call(page, "analysis", "m.sentence(args[0])", s)  # noqa: E731
    assert sentence("wrong token: copy it again") == "Wrong token: copy it again."
    assert sentence("Done.") == "Done."


def test_the_service_worker_refuses_an_unknown_message(page):
    answer = page.evaluate("chrome.runtime.sendMessage({type: 'no/such-message'})")
    assert answer["ok"] is False
    assert "unknown message type: no/such-message" in answer["error"]["message"]


def test_the_reading_line_says_how_many_posts_of_how_many_and_why(page):
    line = lambda reading, profile: call(  # noqa: E731
        page, "result-view", "m.readingLine(args[0], args[1])", reading, profile
    )
    reading = {"total": 55, "read": 20, "interest": 12, "popular": 5, "recent": 3}
    assert line(reading, {"name": "Jonas Berg"}) == (
        "Read 20 of 55 posts: the 12 closest to your interests, 5 Jonas is known for, 3 newest"
    )
    assert line(reading, {}) == (
        "Read 20 of 55 posts: the 12 closest to your interests, 5 they are known for, 3 newest"
    )
    assert line({"total": 8, "read": 8, "interest": 0, "popular": 2, "recent": 6}, {}) == (
        "Read all 8 posts: 2 they are known for, 6 newest"
    )
    assert line(None, {}) == "" and line({"total": 0, "read": 0}, {}) == ""
