"""The prep sheet for a contact: the latest analysis of the person, turned into Markdown."""

from __future__ import annotations

import sqlite3
from typing import Any

from scraper.models import Profile
from server import store
from server.errors import NotFound
from server.results import (
    points_from_result,
    posts_from_result,
    profile_from_result,
    topics_from_result,
)


def prep_for_contact(conn: sqlite3.Connection, contact: dict[str, Any]) -> dict[str, Any]:
    """{markdown, follow_up}: what to read and ask before meeting them, and a follow-up draft."""
    from insights.openers import write_follow_up
    from insights.prep import prep_sheet

    result = None
    if contact.get("analysis_id"):
        found = store.get_analysis(conn, contact["analysis_id"])
        result = found["result"] if found else None
    if result is None and contact.get("person_key"):
        result = store.latest_result(conn, contact["person_key"])
    if result is None:
        raise NotFound("no finished analysis of this person: open their profile and run the "
                       "extension first", code="analysis_not_found")  # fmt: skip
    me = Profile.from_dict(store.get_me(conn) or {})
    them = profile_from_result(result)
    posts = posts_from_result(result)
    topics = topics_from_result(result)
    points = points_from_result(result)
    follow_up = write_follow_up(me, them, points)
    return {
        "contact_id": contact["id"],
        "markdown": prep_sheet(me, them, posts, topics, points),
        "follow_up": follow_up.to_dict() if hasattr(follow_up, "to_dict") else follow_up,
    }
