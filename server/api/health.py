"""Liveness and the API description: the two routes that need no token."""

from __future__ import annotations

from flask import Blueprint

from server.api import pipeline
from server.api.openapi import SPEC

bp = Blueprint("health", __name__, url_prefix="/api")


@bp.get("/health")
def health():
    """Liveness, and whether the embedding model is loaded yet."""
    return {"status": "ok", "model": pipeline().embedder.status}


@bp.get("/openapi.json")
def openapi():
    """The API description (OpenAPI 3)."""
    return SPEC
