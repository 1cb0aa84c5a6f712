"""Input checks shared by the routes: a JSON object body, strings and lists of bounded size.

Every failure is an ``InvalidInput`` (422) naming the field and the limit, or 400 for a body
that is not JSON at all. Limits are generous for people and tight for machines. What Python
accepts but nothing downstream can hold is refused here, at the door: JSON nested deeper than
the parser's recursion limit, lone surrogates (valid in JSON's escapes, not in UTF-8, SQLite or
the tokenizer), URLs ``urlsplit`` cannot take apart, dates whose arithmetic overflows.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from flask import request

from server.errors import AppError, InvalidInput

MAX_URL = 2048
MAX_SHORT = 300
MAX_TEXT = 20_000
MAX_LIST = 200
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Dates a contact can carry: wide enough for any real one, narrow enough that the follow-up
# arithmetic (sent + 60 days) can never leave the calendar Python knows (year 1 to 9999).
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2199, 12, 31)
PERSON_KEY = re.compile(r"[0-9a-f]{16}")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def json_object() -> dict[str, Any]:
    """The body as a JSON object, or a 400/422 that says what is wrong with it."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # json's C parser gives up near 1,000 levels, not with a ValueError
        raise AppError(
            "the JSON body is nested too deeply to read: send a flat JSON object",
            code="too_deep",
            status=400,
        ) from None
    if body is None:
        raise AppError(
            "the body is not valid JSON: send a JSON object with Content-Type: application/json",
            code="malformed_json",
            status=400,
        )
    if not isinstance(body, dict):
        raise InvalidInput("the body must be a JSON object, not a list or a value")
    where = _lone_surrogate(body)
    if where is not None:
        raise InvalidInput(
            f"{where} holds a lone surrogate (an escape such as \\ud800 without its pair), "
            "which is not text: send valid Unicode",
            code="bad_text",
        )
    return body


def _lone_surrogate(body: Any) -> str | None:
    """Where in the body a string (value or key) holds a lone surrogate, or None. A loop, not
    recursion: the body may be nested hundreds deep."""
    stack: list[tuple[str, Any]] = [("the body", body)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return where
        elif isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    return f"a key in {where}"
                stack.append((f"'{key[:40]}'" if where == "the body" else where, item))
        elif isinstance(value, list):
            stack.extend((where, item) for item in value)
    return None


def text(
    body: dict[str, Any], name: str, *, required: bool = False, max_len: int = MAX_SHORT
) -> str | None:
    value = body.get(name)
    if value is None or (isinstance(value, str) and not value.strip() and not required):
        if required:
            raise InvalidInput(f"'{name}' is required", code="missing_field")
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"'{name}' must be a string")
    if not value.strip():
        raise InvalidInput(f"'{name}' must not be empty", code="missing_field")
    if len(value) > max_len:
        raise InvalidInput(f"'{name}' is too long: at most {max_len} characters", code="too_long")
    return value


def url(body: dict[str, Any], name: str = "url", *, required: bool = True) -> str | None:
    value = text(body, name, required=required, max_len=MAX_URL)
    if value is None:
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
        host, _port = parts.hostname, parts.port  # .port raises for a port out of range
    except ValueError as exc:  # "http://[::1/", "http://a.example:99999/", bad characters
        raise InvalidInput(
            f"'{name}' is not a valid web address ({exc}): check it for typos", code="bad_url"
        ) from None
    if parts.scheme not in ("http", "https") or not host:
        raise InvalidInput(
            f"'{name}' must be a web address starting with http:// or https://", code="bad_url"
        )
    return value


def iso_date(body: dict[str, Any], name: str) -> str | None:
    value = text(body, name, max_len=10)
    if value is None:
        return None
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        parsed = date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"'{name}' must be a date like 2025-01-31", code="bad_date") from None
    if not FIRST_DATE <= parsed <= LAST_DATE:
        raise InvalidInput(f"'{name}' must be a date between {FIRST_DATE} and {LAST_DATE}",
                           code="bad_date")  # fmt: skip
    return value


def person_key(body: dict[str, Any], name: str = "person_key") -> str | None:
    """A person key as an analysis returned it: 16 lowercase hex digits, nothing more."""
    value = text(body, name)
    if value is not None and not PERSON_KEY.fullmatch(value):
        raise InvalidInput(f"'{name}' must be 16 hex digits, as the analysis returned it",
                           code="bad_key")  # fmt: skip
    return value


def one_of(
    body: dict[str, Any], name: str, choices: tuple[str, ...], *, required: bool = False
) -> str | None:
    value = text(body, name, required=required, max_len=MAX_SHORT)
    if value is not None and value not in choices:
        raise InvalidInput(f"'{name}' must be one of: {', '.join(choices)}", code="bad_choice")
    return value


def profile_json(value: Any, name: str = "profile") -> dict[str, Any]:
    """A Profile as JSON: an object of bounded strings and lists; deep structures refused."""
    if not isinstance(value, dict):
        raise InvalidInput(f"'{name}' must be a JSON object (a profile)")
    _bounded(value, name, depth=0)
    return value


def _bounded(value: Any, where: str, depth: int) -> None:
    if depth > 4:
        raise InvalidInput(f"'{where}' is nested too deeply")
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise InvalidInput(f"'{where}' is too long: at most {MAX_TEXT} characters",
                               code="too_long")  # fmt: skip
    elif isinstance(value, list):
        if len(value) > MAX_LIST:
            raise InvalidInput(f"'{where}' has too many items: at most {MAX_LIST}",
                               code="too_many")  # fmt: skip
        for i, item in enumerate(value):
            _bounded(item, f"{where}[{i}]", depth + 1)
    elif isinstance(value, dict):
        if len(value) > MAX_LIST:
            raise InvalidInput(f"'{where}' has too many keys", code="too_many")
        for key, item in value.items():
            _bounded(item, f"{where}.{key}", depth + 1)
    elif value is not None and not isinstance(value, (int, float, bool)):
        raise InvalidInput(f"'{where}' has a value of an unexpected type")
