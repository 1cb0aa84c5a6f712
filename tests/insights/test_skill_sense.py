"""A skill is read in the sense the mentee's profile gives it, with the real model: "Espresso"
beside Kotlin for an Android developer is a test framework, and a post on making espresso is not
about it; a post on Espresso tests of a Compose screen is.

The two blogs in tests/fixtures/matching/ were written for these tests (an Android developer's
blog with one post on coffee; a data engineer's blog with a post on Kafka consumer lag, one on
reading Kafka's novels and one on the airflow of a home office). The short blog below has too
few posts for a "typical post" to compare with, so only the reading of the skill decides.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from insights.common_ground import find_talking_points
from insights.match_topics import MyPhrase, in_other_sense, skill_contexts
from scraper.models import Position, Post, Profile

from .test_blog_matching import cited, load, points_of

pytestmark = pytest.mark.model

ANDROID = "https://ines-varga.example/blog/"
DATA = "https://tomas-herrera.example/posts/"


def skill_points(points, skill: str) -> list[str]:
    return [p.text for p in points if p.mine == skill]


def test_a_post_on_coffee_is_not_about_the_android_developers_espresso(embedder) -> None:
    blog = load("android_espresso_homonym")
    points = points_of(blog, embedder)
    assert not skill_points(points, "Espresso"), [p.text for p in points]
    assert ANDROID + "espresso-at-home" not in cited(points), [p.text for p in points]
    # The skills used in the profile's sense still match their posts and topics.
    assert [p for p in points if p.mine == "Kotlin" and p.key == ANDROID + "kotlin-flows"]
    assert [p for p in points if p.mine == "Jetpack Compose"]
    # What the mentee asked about is still named.
    assert ANDROID + "large-fonts" in {p.key for p in points if p.kind == "post"}


def test_a_post_on_espresso_tests_is_about_the_skill(embedder) -> None:
    blog = load("android_espresso_homonym")
    tests = Post(
        url=ANDROID + "espresso-compose-tests",
        title="Espresso tests for a Compose screen",
        published="2025-06-01",
        text="Espresso tests for a Compose screen\nOur checkout screen in Jetpack Compose had no "
        "UI tests, so we wrote Espresso tests that click through the whole flow. The tests found "
        "two buttons that never became enabled on small screens. Idling resources kept the tests "
        "from flaking while the network call was in flight. They run on every pull request on an "
        "emulator farm and take four minutes.",
    )
    points = find_talking_points(blog.me, blog.them, [*blog.posts, tests], blog.topics, embedder)
    espresso = [p for p in points if p.mine == "Espresso"]
    assert [p.key for p in espresso] == [tests.url], [p.text for p in points]
    assert ANDROID + "espresso-at-home" not in cited(points), [p.text for p in points]


def test_kafka_the_novelist_and_a_rooms_airflow_are_not_the_data_engineers_skills(
    embedder,
) -> None:
    blog = load("data_kafka_airflow_homonym")
    points = points_of(blog, embedder)
    # The post on the tool is named for it; the novel and the home office are cited nowhere.
    assert [p.key for p in points if p.mine == "Kafka"] == [DATA + "consumer-lag"], [
        p.text for p in points
    ]
    assert not skill_points(points, "Airflow"), [p.text for p in points]
    for slug in ("kafka-night-train", "home-office-airflow"):
        assert DATA + slug not in cited(points), [p.text for p in points]
    assert DATA + "data-contracts" in {p.key for p in points if p.kind == "post"}


def test_without_a_field_in_the_profile_the_word_alone_decides(embedder) -> None:
    # Nothing in the profile says which sense the user means: the skill matches as before.
    blog = load("data_kafka_airflow_homonym")
    me = replace(blog.me, headline=None, experience=())
    assert not skill_contexts(me, MyPhrase("Kafka", "kafka", "skill"))
    points = find_talking_points(me, blog.them, blog.posts, blog.topics, embedder)
    assert skill_points(points, "Kafka") or skill_points(points, "Airflow"), [
        p.text for p in points
    ]


SHORT = "https://noor-haddad.example/notes/"


def short_blog() -> list[Post]:
    def post(slug: str, title: str, text: str) -> Post:
        return Post(url=SHORT + slug, title=title, published="2025-03-01", text=f"{title}\n{text}")

    return [
        post(
            "chengdu-pandas",
            "Visiting the giant pandas in Chengdu",
            "The pandas spend most of the day eating bamboo and sleeping in the trees at the "
            "breeding centre. We arrived at opening time, when the keepers bring fresh bamboo and "
            "the cubs are awake. By noon every panda was asleep and the crowds had doubled.",
        ),
        post(
            "rusty-bicycle",
            "Restoring a rusty bicycle",
            "The chain was orange with rust, so I soaked it in vinegar overnight. I scrubbed the "
            "frame with steel wool and painted it with a primer for metal. The bike now rides "
            "better than when my grandfather bought it.",
        ),
        post(
            "groupby",
            "Speeding up a pandas groupby on ten million rows",
            "Our feature pipeline spent minutes in a pandas groupby every night. Switching the "
            "key columns to categoricals cut it to seconds. We also stopped calling apply with a "
            "Python function and used the built-in aggregations instead.",
        ),
    ]


def test_on_a_short_blog_the_animal_and_the_rust_are_not_the_tools(embedder) -> None:
    them = Profile(name="Noor Haddad", headline="Machine learning engineer")
    me = Profile(
        name="Kim Lee",
        headline="Data scientist in retail forecasting",
        skills=("Pandas", "Rust", "scikit-learn"),
        interests=("demand forecasting",),
    )
    points = find_talking_points(me, them, short_blog(), [], embedder)
    assert [p.key for p in points if p.mine == "Pandas"] == [SHORT + "groupby"], [
        p.text for p in points
    ]
    assert not skill_points(points, "Rust"), [p.text for p in points]
    assert not cited(points) & {SHORT + "chengdu-pandas", SHORT + "rusty-bicycle"}


def test_the_sense_check_reads_each_skill_in_the_users_context(embedder) -> None:
    me = Profile(name="Sam", headline="iOS developer", skills=("Swift", "Xcode"))
    swift = MyPhrase("Swift", "swift", "skill")
    assert skill_contexts(me, swift) == ["Swift (iOS developer)"]
    assert skill_contexts(me, MyPhrase("swifts", "swifts", "interest")) == []
    birds = "The swifts are back on the church tower. Every May they return from Africa."
    code = "Swift concurrency in a real app. We moved our networking layer to async/await."
    texts = ["Swift", "Swift (iOS developer)", birds, code]
    vectors = dict(zip(texts, embedder.embed(texts), strict=True))
    assert in_other_sense(me, swift, [birds], vectors)
    assert not in_other_sense(me, swift, [code], vectors)
    # One post in the user's sense among the topic's posts is enough.
    assert not in_other_sense(me, swift, [birds, code], vectors)


def test_a_now_page_on_pulling_espresso_shots_is_not_the_skills_current_work(embedder) -> None:
    blog = load("android_espresso_homonym")
    now = "https://ines-varga.example/now"

    def with_now(line: str) -> list[Post]:
        return [*blog.posts, Post(url=now, title="Now", published=None, text=f"Now\n{line}")]

    cafe = "On Saturdays I pull espresso shots at a friend's café to learn the trade."
    points = find_talking_points(blog.me, blog.them, with_now(cafe), blog.topics, embedder)
    assert not [p for p in points if p.kind == "current_work"], [p.text for p in points]
    tests = "Right now I am writing Espresso tests for the app's checkout screen."
    points = find_talking_points(blog.me, blog.them, with_now(tests), blog.topics, embedder)
    assert [p.mine for p in points if p.kind == "current_work"] == ["Espresso"], [
        p.text for p in points
    ]


def test_a_past_role_does_not_lend_a_skill_its_everyday_sense(embedder) -> None:
    # "Espresso (Junior QA Engineer)" sits nearer a post on coffee than "Espresso (Android
    # developer)" does: the sense is the one the user has now, their headline's.
    me = Profile(
        name="T",
        headline="Android developer at a bank",
        skills=("Espresso",),
        experience=(
            Position(title="Android developer", company="Bank"),
            Position(title="Junior QA Engineer", company="Travel app"),
        ),
    )
    phrase = MyPhrase("Espresso", "espresso", "skill")
    coffee = (
        "Learning to make espresso properly. For my birthday I got a second-hand lever espresso "
        "machine, and I have spent the winter pulling shots, weighing the beans, timing the "
        "extraction and tasting sour, bitter and finally sweet coffee."
    )
    texts = [phrase.text, *skill_contexts(me, phrase), coffee]
    vectors = dict(zip(texts, embedder.embed(texts), strict=True))
    assert in_other_sense(me, phrase, [coffee], vectors)
