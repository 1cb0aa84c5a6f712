"""A bounded queue of analyses and the worker threads that run them.

Bounded because each analysis holds a page's HTML in memory and fetches for seconds: when the
queue is full the API answers 503 with Retry-After instead of piling up work. Workers write each
stage to the store as they go, so a poll (from any thread or process) sees live progress.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Any

from server import store
from server.errors import AppError, QueueFull, action_of
from server.heap import release_memory
from server.pipeline import Pipeline

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    analysis_id: str
    url: str
    html: str | None
    me: dict[str, Any] | None


class JobQueue:
    """``submit`` enqueues or raises QueueFull; ``workers`` threads drain the queue."""

    def __init__(self, pipeline: Pipeline, *, workers: int, size: int) -> None:
        self.pipeline = pipeline
        self._queue: queue.Queue[Job | None] = queue.Queue(maxsize=max(size, 1))
        self._threads = [
            threading.Thread(target=self._work, name=f"analysis-{i}", daemon=True)
            for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, job: Job) -> None:
        try:
            self._queue.put_nowait(job)
        except queue.Full:
            raise QueueFull(
                "Common Ground is busy with other analyses; try again in a few seconds",
                retry_after=max(1, int(self.pipeline.settings.budget_s // 4)),
            ) from None

    def close(self, timeout: float = 5.0) -> None:
        """Stop the workers after their current job; queued jobs stay 'queued' (failed at start)."""
        for _ in self._threads:
            try:
                self._queue.put_nowait(None)
            except queue.Full:
                break
        for thread in self._threads:
            thread.join(timeout)

    def _work(self) -> None:
        conn = store.connect(self.pipeline.db_path)
        try:
            while True:
                job = self._queue.get()
                if job is None:
                    return
                self._run(conn, job)
        finally:
            conn.close()

    def _run(self, conn: sqlite3.Connection, job: Job) -> None:
        started = time.monotonic()
        store.update_analysis(conn, job.analysis_id, status="running", stage="reading_profile")

        def progress(stage: str, done: int = 0, total: int = 0) -> None:
            store.update_analysis(conn, job.analysis_id, stage=stage, done=done, total=total)

        try:
            result = self.pipeline.analyse(job.url, job.html, job.me, progress)
        except AppError as exc:
            log.info("analysis=%s failed code=%s", job.analysis_id, exc.code)
            store.update_analysis(conn, job.analysis_id, status="failed", error=exc.to_dict())
            return
        except Exception:
            log.exception("analysis=%s crashed", job.analysis_id)
            store.update_analysis(conn, job.analysis_id, status="failed", error={
                "code": "internal_error", "action": action_of("internal_error", 500),
                "message": "the analysis failed inside Common Ground; the server log has details",
            })  # fmt: skip
            return
        name = (result.get("profile") or {}).get("name")
        store.upsert_person(conn, store.person_key(job.url), job.url, name)
        store.update_analysis(conn, job.analysis_id, status="done", stage="done", result=result)
        # After the result is stored, so that nobody waits for it: the analysis's pages and
        # batches go back to the system instead of staying resident until the next one.
        release_memory()
        log.info("analysis=%s done in %.2fs partial=%s", job.analysis_id,
                 time.monotonic() - started, result.get("partial"))  # fmt: skip
