"""The prep sheet and the follow-up draft, on a fixture pair with hand-made points (no model)."""

from __future__ import annotations

import re

from insights.common_ground import find_talking_points
from insights.models import Evidence, TalkingPoint
from insights.prep import follow_up_draft, posts_to_read, prep_sheet
from scraper.models import Post, Profile

from .conftest import PAIRS

KTH = next(p for p in PAIRS if p.name == "kth_distributed_systems")
RAFT = "https://anna-lindqvist.example/posts/raft-in-production"
RAFT_POINT = TalkingPoint(
    "post",
    "Their post “What running Raft in production taught us” is about consensus.",
    0.8,
    (Evidence(RAFT, "If you are choosing a consensus protocol, measure your tail latency first."),),
    theirs="What running Raft in production taught us",
    mine="consensus algorithms",
    key=RAFT,
)


def _points():
    return [*find_talking_points(KTH.me, KTH.them, [], [], None), RAFT_POINT]


def test_posts_to_read_put_the_matching_post_first_then_topics_then_newest() -> None:
    newest = Post(
        "https://anna-lindqvist.example/posts/new",
        "A brand new post",
        published="2026-01-01",
        text="Fresh thoughts on nothing in particular here.",
    )
    now = Post("https://anna-lindqvist.example/now", "Now", text="Hiring two engineers now.")
    reading = posts_to_read([*KTH.posts, newest, now], KTH.topics, [RAFT_POINT])
    assert [post.url for post, _, _ in reading] == [
        RAFT,
        "https://anna-lindqvist.example/posts/hiring-seniors",
        newest.url,
    ]
    assert reading[0][1] == RAFT_POINT.text
    assert "interview loop" in reading[1][1]


def test_prep_sheet_has_reading_questions_common_ground_and_follow_up() -> None:
    sheet = prep_sheet(KTH.me, KTH.them, KTH.posts, KTH.topics, _points())
    assert sheet.startswith("# Prep: Anna Lindqvist\n")
    for heading in (
        "## Read first",
        "## Questions to ask",
        "## Common ground",
        "## After the conversation",
    ):
        assert f"\n{heading}\n" in sheet
    read = sheet.split("## Read first")[1].split("##")[0]
    assert f"1. [What running Raft in production taught us]({RAFT})" in read
    questions = sheet.split("## Questions to ask")[1].split("##")[0]
    assert "measure your tail latency first" in questions  # drawn from the post itself
    assert "at Spotify right now?" in questions
    ground = sheet.split("## Common ground")[1].split("##")[0]
    assert "KTH Royal Institute of Technology" in ground
    assert f"([source]({KTH.them.source_url}))" in ground
    assert "Here is what I did with it" in sheet


def test_prep_sheet_without_common_ground_says_what_to_do_instead() -> None:
    pair = next(p for p in PAIRS if p.name == "no_ground_marketing_vs_kernel")
    sheet = prep_sheet(pair.me, pair.them, pair.posts, pair.topics, [])
    ground = sheet.split("## Common ground")[1].split("##")[0]
    assert "no strong common ground" in ground
    assert "https://viktor-sokolov.example/posts/slab" in ground


def test_page_text_cannot_inject_markdown() -> None:
    them = Profile(name="[click](http://evil.example) # Boss", source_url="https://x.example/")
    posts = [
        Post(
            "https://x.example/p",
            "**Bold** <script>",
            text="A sentence that is long enough to quote here. [link](http://evil.example)",
        )
    ]
    sheet = prep_sheet(Profile(name="Me"), them, posts, [], [])
    # Every bracket and angle bracket from the page arrives escaped, so nothing renders as a
    # link, a tag or emphasis.
    rendered, follow_up = sheet.split("## After the conversation")
    assert not re.search(r"(?<!\\)\]\(http://evil", rendered)
    # The follow-up is an indented code block: shown as typed, never rendered.
    assert "```" not in sheet
    assert all(line.startswith("    ") for line in follow_up.strip("\n").split("\n")[2:] if line)
    assert "\\[click\\](http://evil.example)" in sheet
    assert "<script>" not in sheet and "**Bold**" not in sheet


def test_prep_sheet_with_no_posts_says_so() -> None:
    sheet = prep_sheet(Profile(name="Me"), Profile(name="Ada"), [], [], [])
    assert "No posts were found" in sheet


def test_follow_up_draft_names_what_was_discussed_and_leaves_blanks() -> None:
    draft = follow_up_draft(KTH.me, KTH.them, _points())
    assert draft.startswith("Hi Anna,")
    assert "What running Raft in production taught us" in draft
    assert "here is what i did with it" in draft.lower()
    assert "[what you tried]" in draft and draft.rstrip().endswith("Erik Holm")
    assert follow_up_draft(Profile(), Profile(), []).startswith("Hi there,")


def test_a_stored_analysis_without_post_text_or_point_keys_still_gives_a_sheet() -> None:
    # What the server reads back: posts without text, points without their key.
    posts = [Post(p.url, p.title, p.published) for p in KTH.posts]
    stored = TalkingPoint(
        RAFT_POINT.kind,
        RAFT_POINT.text,
        RAFT_POINT.score,
        RAFT_POINT.evidence,
        RAFT_POINT.theirs,
        RAFT_POINT.mine,
    )
    assert [p.url for p, _, _ in posts_to_read(posts, [], [stored])][0] == RAFT
    sheet = prep_sheet(KTH.me, KTH.them, posts, [], [])
    assert "no strong common ground" in sheet and RAFT in sheet


def test_write_follow_up_is_the_prep_follow_up() -> None:
    from insights.openers import write_follow_up

    points = _points()
    assert write_follow_up(KTH.me, KTH.them, points) == follow_up_draft(KTH.me, KTH.them, points)
