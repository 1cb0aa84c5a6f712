"""Draft checks: what a message to a mentor is missing, before the user sends it."""

from __future__ import annotations

from flask import Blueprint

from insights.models import CHANNEL_LIMITS
from scraper.models import Profile
from server import store
from server.api import validate
from server.errors import NotFound
from server.results import points_from_result, profile_from_result

bp = Blueprint("drafts", __name__, url_prefix="/api/drafts")


@bp.post("/check")
def check():
    """Findings for {text, channel?, analysis_id?}: generic phrases, no ask, swap test."""
    body = validate.json_object()
    text = validate.text(body, "text", required=True, max_len=5000)
    channel = validate.one_of(body, "channel", tuple(CHANNEL_LIMITS)) or "message"
    analysis_id = validate.text(body, "analysis_id", max_len=64)
    me = Profile.from_dict(store.get_me(store.get_db()) or {})
    them, points = None, ()
    if analysis_id is not None:
        found = store.get_analysis(store.get_db(), analysis_id)
        if found is None or found["result"] is None:
            raise NotFound("no finished analysis with this id; check the draft without it "
                           "or run the analysis again", code="analysis_not_found")  # fmt: skip
        them = profile_from_result(found["result"])
        points = points_from_result(found["result"])
    from insights.drafts import check_draft  # loaded on first use: keeps startup fast

    findings = check_draft(text, channel, me=me, them=them, points=points)
    return {"findings": [f.to_dict() for f in findings]}
