"""People: forget everything stored about one person."""

from __future__ import annotations

from flask import Blueprint

from server import store
from server.api import pipeline
from server.api.validate import PERSON_KEY
from server.errors import InvalidInput

bp = Blueprint("people", __name__, url_prefix="/api/people")


@bp.delete("/<key>")
def forget(key: str):
    """Delete the person's analyses, cached pages, contact and record; returns what went."""
    # fullmatch: "$" would also match before a final newline, and "...\n" is no key.
    if not PERSON_KEY.fullmatch(key):
        raise InvalidInput("a person key is 16 hex digits, as the analysis returned it",
                           code="bad_key")  # fmt: skip
    deleted = store.forget_person(store.get_db(), key)
    deleted["remembered_results"] = pipeline().forget(key)
    return {"person_key": key, "deleted": deleted}
