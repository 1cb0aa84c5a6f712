"""The user's own profile: what talking points are found against."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from scraper.models import Profile
from scraper.profile import parse_profile
from server import store
from server.api import validate
from server.errors import InvalidInput, NotFound

bp = Blueprint("me", __name__, url_prefix="/api/me")

# The fields holding lists of objects; each item must be an object (a position or a school).
_OBJECT_LISTS = ("experience", "education", "volunteering")
MAX_HTML = 6_000_000
# A goal or an ask is typed as free text ("so I've been doing web stuff for eight years and..."):
# insights.freetext turns it into the one clause an opener uses, so a few sentences are fine;
# a whole essay is not what the field is for.
MAX_GOAL = 600
_EXAMPLES = {
    "goal": '"move from analytics into data science"',
    "ask": '"a 20-minute call" or "feedback on my portfolio"',
}


@bp.get("")
def show():
    """The user's profile, or 404 when it was never set."""
    found = store.get_me(store.get_db())
    if found is None:
        raise NotFound("your profile is not set yet: import it from your own profile page "
                       "or PUT it as JSON", code="me_not_set")  # fmt: skip
    return {"profile": found}


@bp.put("")
def replace():
    """Set the user's profile from Profile JSON (the body, or {"profile": {...}})."""
    body = validate.json_object()
    raw = body.get("profile", body) if isinstance(body.get("profile"), dict) else body
    profile = profile_from_json(raw)
    store.put_me(store.get_db(), profile)
    return {"profile": profile}


@bp.post("/import")
def import_profile():
    """Parse {url, html} of the user's own profile page and save it."""
    body = validate.json_object()
    url = validate.url(body)
    html = validate.text(body, "html", required=True, max_len=MAX_HTML)
    parsed = parse_profile(html, url)
    if parsed is None or parsed.is_empty:
        raise InvalidInput("this page does not look like a profile: open your own profile page "
                           "and import it from there", code="not_a_profile")  # fmt: skip
    profile = parsed.to_dict()
    store.put_me(store.get_db(), profile)
    return {"profile": profile}


def profile_from_json(raw: Any) -> dict[str, Any]:
    """Validate Profile JSON and return it normalised (Profile.from_dict(...).to_dict())."""
    validate.profile_json(raw)
    for name in _OBJECT_LISTS:
        items = raw.get(name)
        if items is not None and (
            not isinstance(items, list) or not all(isinstance(i, dict) for i in items)
        ):
            raise InvalidInput(f"'{name}' must be a list of objects")
    # The goal and the ask are one line each, written by the user for their openers.
    for name in ("goal", "ask"):
        value = raw.get(name)
        if value is not None and not isinstance(value, str):
            raise InvalidInput(f"'{name}' must be text, e.g. {_EXAMPLES[name]}", code="bad_field")
        if isinstance(value, str) and len(value) > MAX_GOAL:
            raise InvalidInput(f"'{name}' is too long: at most {MAX_GOAL} characters, e.g. "
                               f"{_EXAMPLES[name]}", code="too_long")  # fmt: skip
    for name in ("skills", "interests", "websites", "languages", "certifications"):
        items = raw.get(name)
        if items is not None and not isinstance(items, list):
            raise InvalidInput(f"'{name}' must be a list of strings")
    try:
        profile = Profile.from_dict(raw)
    except (TypeError, ValueError, KeyError) as exc:
        raise InvalidInput(f"this is not a profile: {exc}") from None
    if profile.is_empty:
        raise InvalidInput("a profile needs at least a name or a headline", code="empty_profile")
    return profile.to_dict()
