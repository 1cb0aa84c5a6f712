"""Pure page functions remember their answer for the same bytes, and forget on request."""

from __future__ import annotations

from scraper import pagememo
from scraper.extract import extract_post

PAGE = (
    "<html><head><title>Notes on queues</title></head><body><article><h1>Notes on queues</h1>"
    + "".join(
        f"<p>Lesson {n}: a bounded queue says no early, which is kinder to the people waiting "
        f"than saying yes to everything and failing late, when the backlog is {n} hours.</p>"
        for n in range(1, 9)
    )
    + "</article></body></html>"
)


def test_the_same_page_is_parsed_once_and_forgotten_on_request():
    first = extract_post(PAGE, "https://blog.example/queues")
    assert first is not None and "bounded queue" in first.text
    assert extract_post(PAGE, "https://blog.example/queues") is first
    # Another URL is another question, though the bytes are the same.
    assert extract_post(PAGE, "https://blog.example/other") is not first
    pagememo.forget_all()
    again = extract_post(PAGE, "https://blog.example/queues")
    assert again == first and again is not first


def test_the_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(pagememo, "MAX_PAGES", 3)
    calls = []

    @pagememo.by_page
    def length(html: str) -> int:
        calls.append(html)
        return len(html)

    for n in range(5):
        assert length("x" * n) == n
    assert length("x" * 4) == 4 and len(calls) == 5  # the newest is remembered
    assert length("") == 0 and len(calls) == 6  # the oldest was dropped
