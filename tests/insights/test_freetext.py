"""Goals and asks typed as free text become clauses that fit a sentence; what cannot be read
safely gives None. The grammar rules of ``harness.opener_grammar`` catch the broken sentences
that pasting them raw gave, and pass well-formed ones."""

from __future__ import annotations

import pytest

from harness.opener_grammar import check_grammar
from insights.freetext import ask_phrase, goal_phrase
from insights.goal import infer_ask, infer_goal
from scraper.models import Profile


@pytest.mark.parametrize(
    ("raw", "text", "form"),
    [
        (
            "I'm hoping to move from payments into ML infra within the next year or so, "
            "ideally somewhere with a strong platform team",
            "hoping to move from payments into ML infra",
            "gerund",
        ),
        ("i want to become a staff engineer", "become a staff engineer", "base"),
        (
            "Transition from teaching to UX research.",
            "transition from teaching to UX research",
            "base",
        ),
        ("career change into climate tech", "a career change into climate tech", "noun"),
        (
            "switching careers: nursing -> health informatics",
            "switching careers from nursing to health informatics",
            "gerund",
        ),
        (
            "I am a self-taught developer looking for my first backend role",
            "looking for my first backend role",
            "gerund",
        ),
        ("my goal is to land a job at a startup", "land a job at a startup", "base"),
        ("I'm interested in climate tech", "interested in climate tech", "adjective"),
    ],
)
def test_a_typed_goal_becomes_a_clause(raw, text, form):
    found = goal_phrase(raw)
    assert (found.text, found.form) == (text, form)


@pytest.mark.parametrize(
    ("raw", "text", "form"),
    [
        ("20 min call?", "a 20-minute call", "noun"),
        ("feedback on portfolio", "feedback on my portfolio", "noun"),
        ("Could you look at my CV?", "look at my CV", "you_verb"),
        ("would you be open to a quick chat", "a quick chat", "noun"),
        (
            "i want feedback on my design portfolio, especially the case studies",
            "feedback on my design portfolio",
            "noun",
        ),
        (
            "Would love your thoughts on my side project (a Raft implementation in Rust)",
            "your thoughts on my side project",
            "noun",
        ),
        (
            "can I ask you two questions about your career?",
            "ask you two questions about your career",
            "me_verb",
        ),
        ("looking for a mentor", "mentoring me", "mentor"),
    ],
)
def test_a_typed_ask_becomes_a_clause(raw, text, form):
    found = ask_phrase(raw)
    assert (found.text, found.form) == (text, form)


@pytest.mark.parametrize("raw", ["I'm not sure what I want yet", "?", "   "])
def test_a_goal_that_cannot_be_read_safely_is_not_used(raw):
    assert goal_phrase(raw) is None
    assert infer_goal(Profile(goal=raw, headline="Backend engineer at Tink")) is None


def test_an_ask_that_cannot_be_read_safely_keeps_only_its_kind():
    ask = infer_ask(Profile(ask="can I possibly, if it is not too much, call?"))
    assert (ask.kind, ask.text) == ("call", "a short call")
    assert infer_ask(Profile(ask="I was wondering if I could, you know")).text == ""


def test_the_goal_names_the_user_in_the_third_person_inside_someone():
    goal = infer_goal(
        Profile(goal="I am a self-taught developer looking for my first backend role")
    )
    assert goal.as_someone() == "someone looking for their first backend role"
    assert goal.as_sentence() == "I'm looking for my first backend role."


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        (
            "Hi Anna, as someone working towards I'm hoping to move into ML infra, where would "
            "you start with Raft? No worries if you're busy.",
            "first_person_in_slot",
        ),
        (
            "Hi Anna, as someone working towards i want to become a staff engineer, why? No.",
            "lower_i",
        ),
        (
            "Hi Anna, would you be open to would you be open to a quick chat in the next few "
            "weeks? No worries if you're busy.",
            "doubled_verb",
        ),
        ("Hi Anna, would you be open to 20 min call? about Raft? No.", "mid_sentence_mark"),
        ("Hi Anna, would you be open to review my resume? No worries.", "verb_in_noun_slot"),
        ("Hi Anna, as someone who wants feedback on my CV, could I ask? No.", "person_mismatch"),
        (
            "Hi Anna, as someone switching careers: nursing -> health informatics, hi? No.",
            "raw_marks",
        ),
        ("Hi Anna, would you be open to 20 min call about Raft? No worries.", "article"),
        ("Hi Anna, I read “Raft”. I'm Erik", "sentence_end"),
    ],
)
def test_the_grammar_rules_catch_pasted_text(sentence, rule):
    assert rule in {p.rule for p in check_grammar(sentence, "connection_note")}


def test_the_grammar_rules_pass_a_well_formed_note_and_count_its_length():
    note = (
        "Hi Anna, we both studied at KTH. I read “What running Raft in production taught us”. "
        "I'm Erik, Backend Engineer at Tink. As someone who wants to move into distributed "
        "storage, what would you suggest I learn first about consensus protocols? No worries "
        "if you're busy."
    )
    assert check_grammar(note, "connection_note") == []
    assert [p.rule for p in check_grammar(note + " " + "x" * 60 + ".", "connection_note")] == [
        "length"
    ]


def test_an_ask_that_says_when_gets_no_second_time_and_no_sentence_capital():
    from harness.opener_grammar import check_grammar as grammar

    found = ask_phrase("Short call sometime next week")
    assert found.text == "a short call sometime next week"
    assert "doubled_time" in {
        p.rule
        for p in grammar(
            "Hi Anna, would you be open to a call next week in the next few weeks? No.", "message"
        )
    }


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        # "would you be open to know whether ..." is no sentence: the person is to tell me.
        (
            "I'd love to know whether a side project like mine would count when hiring.",
            ("tell me whether a side project like mine would count when hiring", "you_verb"),
        ),
        ("hoping to find out how you test for it", ("tell me how you test for it", "you_verb")),
        ("appreciate hearing how you'd do it", ("tell me how you'd do it", "you_verb")),
        # A question of their own, or a bare verb, holds no noun a frame can use.
        ("how did u get started?", None),
        ("figure out next steps", None),
    ],
)  # fmt: skip
def test_an_ask_that_wonders_becomes_something_the_person_can_do(typed, phrase):
    found = ask_phrase(typed)
    assert (None if found is None else (found.text, found.form)) == phrase
