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
    """Forget the person: stored analyses, pages, phrases, contacts (by URL or by name), record,
    and what the running process remembers of them; returns how much of each went."""
    # fullmatch: "$" would also match before a final newline, and "...\n" is no key.
    if not PERSON_KEY.fullmatch(key):
        raise InvalidInput("a person key is 16 hex digits, as the analysis returned it",
                           code="bad_key")  # fmt: skip
    deleted = store.forget_person(store.get_db(), key)
    deleted["remembered"] = pipeline().forget(key)
    return {"person_key": key, "deleted": deleted}
