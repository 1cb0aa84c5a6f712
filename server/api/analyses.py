"""Analyses: start one for the page the user is on, then poll it for progress and the result."""

from __future__ import annotations

import uuid

from flask import Blueprint

from scraper.hosts import is_linkedin_url
from server import store
from server.analysis import LINKEDIN_NEEDS_PAGE
from server.api import jobs, validate
from server.errors import AnalysisFailed, NotFound
from server.jobs import Job

bp = Blueprint("analyses", __name__, url_prefix="/api/analyses")

# A LinkedIn profile page's DOM is 1-3 MB; anything much larger is not a profile page.
MAX_HTML = 6_000_000


@bp.post("")
def create():
    """Queue an analysis of {url, html?}; answers 202 {id}."""
    body = validate.json_object()
    url = validate.url(body)
    html = validate.text(body, "html", max_len=MAX_HTML)
    if html is None and is_linkedin_url(url):
        raise AnalysisFailed(LINKEDIN_NEEDS_PAGE, code="linkedin_needs_page")
    conn = store.get_db()
    analysis_id = uuid.uuid4().hex
    key = store.person_key(url)
    store.create_analysis(conn, analysis_id, url, key)
    try:
        jobs().submit(Job(analysis_id, url, html, store.get_me(conn)))
    except Exception:
        store.delete_analysis(conn, analysis_id)  # not accepted: leave no trace of it
        raise
    return {"id": analysis_id, "person_key": key}, 202


@bp.get("/<analysis_id>")
def status(analysis_id: str):
    """An analysis's status, stage and progress; its result when done, its error when failed."""
    found = store.get_analysis(store.get_db(), analysis_id) if len(analysis_id) <= 64 else None
    if found is None:
        raise NotFound("no analysis with this id (it may have been forgotten); start a new one")
    answer = {k: found[k] for k in ("id", "status", "stage", "done", "total", "person_key")}
    if found["error"]:
        answer["error"] = found["error"]
    if found["result"] is not None:
        answer["result"] = found["result"]
    return answer
