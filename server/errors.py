"""Domain errors: what went wrong, in words a user can act on, with the HTTP status to answer.

Raised by the analysis, the store and the validators; ``server.api.errors`` turns them into
``{"error": {"code", "message"}}``. The CLI prints ``message`` and exits non-zero.
"""

from __future__ import annotations


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

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


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
