"""The HTTP API: one blueprint per resource, thin routes (validate, call one function, answer)."""

from __future__ import annotations

from flask import current_app

from server.jobs import JobQueue
from server.runtime import Runtime


def runtime() -> Runtime:
    return current_app.extensions["commonground"]["runtime"]


def jobs() -> JobQueue:
    return current_app.extensions["commonground"]["jobs"]
