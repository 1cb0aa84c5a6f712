"""One error shape for every failure: ``{"error": {"code", "message", "action"}}``, right status."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, jsonify
from werkzeug.exceptions import HTTPException

from server.errors import AppError, QueueFull, action_of

log = logging.getLogger(__name__)
bp = Blueprint("errors", __name__)

# Messages for the HTTP errors Flask raises itself, saying what to do about them.
HTTP_MESSAGES = {
    400: ("bad_request", "the request could not be read: send a JSON body"),
    404: ("not_found", "no such route: see GET /api/openapi.json for the routes"),
    405: ("method_not_allowed", "this route does not take that method: see /api/openapi.json"),
    413: ("too_large", "the request body is too large for this route; send less"),
    415: ("unsupported_media_type", "send the body as JSON (Content-Type: application/json)"),
}


def error_response(code: str, message: str, status: int) -> tuple[Response, int]:
    error = {"code": code, "message": message, "action": action_of(code, status)}
    return jsonify({"error": error}), status


@bp.app_errorhandler(AppError)
def handle_app_error(error: AppError):
    """A domain error: its own code, message and status."""
    response, status = error_response(error.code, error.message, error.status)
    if isinstance(error, QueueFull):
        response.headers["Retry-After"] = str(error.retry_after)
    return response, status


@bp.app_errorhandler(HTTPException)
def handle_http_error(error: HTTPException):
    """An error Flask or Werkzeug raised (unknown route, wrong method, body too large)."""
    status = error.code or 500
    code, message = HTTP_MESSAGES.get(status, ("http_error", error.description or error.name))
    response, status = error_response(code, message, status)
    allowed = getattr(error, "valid_methods", None)  # MethodNotAllowed's
    if status == 405 and allowed:
        response.headers["Allow"] = ", ".join(allowed)
    return response, status


@bp.app_errorhandler(Exception)
def handle_unexpected(error: Exception):
    """A bug: logged with its traceback, answered without internals."""
    log.exception("unhandled error")
    return error_response(
        "internal_error",
        "something went wrong inside Common Ground; the server log has the details",
        500,
    )
