"""The HTTP API: one blueprint per resource, thin routes (validate, call one function, answer)."""

from __future__ import annotations

from flask import current_app

from server.jobs import JobQueue
from server.pipeline import Pipeline


def pipeline() -> Pipeline:
    return current_app.extensions["commonground"]["pipeline"]


def jobs() -> JobQueue:
    return current_app.extensions["commonground"]["jobs"]
