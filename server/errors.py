"""Domain errors: what went wrong, in words a user can act on, with the HTTP status to answer.

Raised by the analysis, the store and the validators; ``server.api.errors`` turns them into
``{"error": {"code", "message", "action"}}``. The CLI prints ``message`` and exits non-zero.

``action`` says what the user can do, as a code from ``ACTIONS``: the extension turns the code
into advice in its own words, instead of guessing from the English of the message.
"""

from __future__ import annotations

# What the user can do about an error or a note. The extension has advice for each
# (extension/lib/analysis.js ADVICE); tests/server/test_errors.py keeps the two in step.
ACTIONS = {
    "none": "the message says it all",
    "open_profile": "open the person's profile page in the browser and analyse it there",
    "check_address": "check that the page opens in the browser, then try again",
    "public_pages_only": "only public web pages can be read",
    "retry": "try again in a moment",
    "see_server_log": "the terminal running the backend shows what went wrong",
    "reinstall": "reinstall Common Ground's model package",
    "pair": "copy the token from `commonground token` into the extension's options",
    "set_own_profile": "give your own profile in the extension's options",
    "fix_request": "the request itself was wrong (a bug in the client)",
}

# The action of each error code that has one other than "fix_request" (most 4xx are the
# client's mistakes) or "none".
ACTION_OF = {
    "not_a_profile": "open_profile",
    "linkedin_needs_page": "open_profile",
    "fetch_failed": "check_address",
    "address_refused": "public_pages_only",
    "busy": "retry",
    "model_loading": "retry",
    "interrupted": "retry",
    "internal_error": "see_server_log",
    "model_failed": "reinstall",
    "token_missing": "pair",
    "token_wrong": "pair",
    "origin_not_allowed": "pair",
    "me_not_set": "set_own_profile",
    "empty_profile": "set_own_profile",
    "analysis_not_found": "none",
    "contact_not_found": "none",
    "not_found": "none",
    "no_posts": "check_address",
    "file_unreadable": "none",
}


def action_of(code: str, status: int = 400) -> str:
    """The action for an error code: its own, else 'fix_request' for a client error (4xx)."""
    return ACTION_OF.get(code, "fix_request" if 400 <= status < 500 else "see_server_log")


class AppError(Exception):
    """An error the user can meet. ``code`` is stable (tests and the extension read it)."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status

    @property
    def action(self) -> str:
        """What the user can do, a code from ``ACTIONS``."""
        return action_of(self.code, self.status)

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "action": self.action}


class InvalidInput(AppError):
    status = 422
    code = "invalid_input"


class NotFound(AppError):
    status = 404
    code = "not_found"


class QueueFull(AppError):
    """Every worker is busy and the queue is full; the client should retry later."""

    status = 503
    code = "busy"

    def __init__(self, message: str, retry_after: int = 5):
        super().__init__(message)
        self.retry_after = retry_after


class AnalysisFailed(AppError):
    """The analysis could not produce a result (bad page, unreachable site, refused address)."""

    status = 422
    code = "analysis_failed"
