"""Contacts: the people the user reached out to, and when to follow up with each."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import Blueprint, request

from server import store
from server.api import validate
from server.errors import InvalidInput, NotFound

# SQLite's largest rowid: a bigger number in the path is no contact (404), not an overflow.
MAX_ID = 2**63 - 1

bp = Blueprint("contacts", __name__, url_prefix="/api/contacts")

STATUSES = ("drafted", "sent", "replied", "met")
# Mentoring advice: follow up once, about two months after a message went unanswered.
FOLLOW_UP_AFTER = timedelta(days=60)
MAX_MESSAGE = 5000
MAX_NOTES = 10_000


@bp.get("")
def list_all():
    """Every contact, newest first; with ?due=1 only those whose follow-up date has come."""
    due = request.args.get("due", "")
    if due not in ("", "0", "1"):
        raise InvalidInput("'due' must be 1 (only follow-ups due) or 0", code="bad_choice")
    due_by = date.today().isoformat() if due == "1" else None
    return {"contacts": store.list_contacts(store.get_db(), due_by=due_by)}


@bp.post("")
def create():
    """Record someone the user reached out to; the follow-up date defaults to sent + 2 months."""
    body = validate.json_object()
    contact = _fields(body)
    if not contact.get("name"):
        raise InvalidInput("'name' is required", code="missing_field")
    contact.setdefault("status", "drafted")
    if contact.get("person_key") is None and contact.get("url"):
        contact["person_key"] = store.person_key(contact["url"])
    _default_dates(contact, contact)
    conn = store.get_db()
    contact_id = store.add_contact(conn, contact)
    return store.get_contact(conn, contact_id), 201


@bp.patch(f"/<int(max={MAX_ID}):contact_id>")
def update(contact_id: int):
    """Change a contact's status, dates, message or notes."""
    body = validate.json_object()
    changes = _fields(body)
    conn = store.get_db()
    current = store.get_contact(conn, contact_id)
    if current is None:
        raise NotFound("no contact with this id", code="contact_not_found")
    _default_dates(changes, {**current, **changes})
    store.update_contact(conn, contact_id, changes)
    return store.get_contact(conn, contact_id)


@bp.get(f"/<int(max={MAX_ID}):contact_id>/prep")
def prep(contact_id: int):
    """The meeting prep sheet (Markdown) and a follow-up draft, from the latest analysis."""
    from server.prep import prep_for_contact

    conn = store.get_db()
    contact = store.get_contact(conn, contact_id)
    if contact is None:
        raise NotFound("no contact with this id", code="contact_not_found")
    return prep_for_contact(conn, contact)


def _fields(body: dict[str, Any]) -> dict[str, Any]:
    """The contact fields present in the body, validated; absent ones are not returned."""
    unknown = set(body) - set(store.CONTACT_FIELDS)
    if unknown:
        raise InvalidInput(f"unknown field(s): {', '.join(sorted(map(str, unknown))[:5])}",
                           code="unknown_field")  # fmt: skip
    checks = {
        "name": lambda: validate.text(body, "name", required=True),
        "url": lambda: validate.url(body, required=False),
        "person_key": lambda: validate.person_key(body),
        # Given, a status must be one (blank would store NULL; absent means "drafted").
        "status": lambda: validate.one_of(body, "status", STATUSES, required=True),
        "message": lambda: validate.text(body, "message", max_len=MAX_MESSAGE),
        "notes": lambda: validate.text(body, "notes", max_len=MAX_NOTES),
        "sent_date": lambda: validate.iso_date(body, "sent_date"),
        "follow_up_date": lambda: validate.iso_date(body, "follow_up_date"),
        "analysis_id": lambda: validate.text(body, "analysis_id", max_len=64),
    }
    return {name: check() for name, check in checks.items() if name in body}


def _default_dates(changes: dict[str, Any], merged: dict[str, Any]) -> None:
    """Sent today when marked sent without a date; follow up ~2 months after sending."""
    if merged.get("status") == "sent" and not merged.get("sent_date"):
        changes["sent_date"] = merged["sent_date"] = date.today().isoformat()
    if "sent_date" in changes and changes["sent_date"] and "follow_up_date" not in changes:
        sent = date.fromisoformat(changes["sent_date"])
        changes["follow_up_date"] = (sent + FOLLOW_UP_AFTER).isoformat()
