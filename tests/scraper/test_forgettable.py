"""In-process memories remember by content, know whose analyses used each entry, and forget a
person on request, in every thread that worked for them."""

from __future__ import annotations

import threading

from scraper import forgettable
from scraper.extract import extract_post
from scraper.forgettable import ForgettableMemo, analysing, forget_person, in_this_context

PAGE = (
    "<html><head><title>Notes on queues</title></head><body><article><h1>Notes on queues</h1>"
    + "".join(
        f"<p>Lesson {n}: a bounded queue says no early, which is kinder to the people waiting "
        f"than saying yes to everything and failing late, when the backlog is {n} hours.</p>"
        for n in range(1, 9)
    )
    + "</article></body></html>"
)


def test_the_same_page_is_parsed_once_and_forgotten_with_its_reader():
    with analysing("ada"):
        first = extract_post(PAGE, "https://blog.example/queues")
    assert first is not None and "bounded queue" in first.text
    assert extract_post(PAGE, "https://blog.example/queues") is first
    # Another URL is another question, though the bytes are the same.
    assert extract_post(PAGE, "https://blog.example/other") is not first
    forget_person("someone-else")
    assert extract_post(PAGE, "https://blog.example/queues") is first  # not theirs to forget
    assert forget_person("ada") >= 1
    again = extract_post(PAGE, "https://blog.example/queues")
    assert again == first and again is not first


def test_an_entry_read_for_another_person_is_forgotten_with_either():
    memo: ForgettableMemo[str, int] = ForgettableMemo("test numbers", 10)
    with analysing("ada"):
        memo.put("one", 1)
    with analysing("grace"):
        assert memo.get("one") == 1  # grace's analysis used it: it is hers too now
    memo.put("two", 2)  # outside any analysis: nobody's
    assert memo.forget("grace") == 1
    assert memo.get("one") is None and memo.get("two") == 2


def test_work_handed_to_another_thread_is_tagged_with_the_same_person():
    memo: ForgettableMemo[str, int] = ForgettableMemo("test thread work", 10)
    with analysing("ada"):
        worker = threading.Thread(target=in_this_context(memo.put), args=("x", 1))
        worker.start()
        worker.join()
    assert memo.forget("ada") == 1


def test_the_memory_is_bounded_and_remembers_none_too():
    calls = []

    @forgettable.remembered("test lengths", 3)
    def length(text: str) -> int | None:
        calls.append(text)
        return len(text) or None

    for n in range(5):
        assert length("x" * n) == (n or None)
    assert length("x" * 4) == 4 and len(calls) == 5  # the newest is remembered
    assert length("") is None and len(calls) == 6  # the oldest was dropped
    assert length("") is None and len(calls) == 6  # and a None answer is remembered


def test_every_memory_can_be_found_by_name():
    memo: ForgettableMemo[str, int] = ForgettableMemo("test findable", 1)
    assert memo in forgettable.memories()
    names = {m.name for m in forgettable.memories()}
    assert {"parsed pages: extract_post", "test findable"} <= names
