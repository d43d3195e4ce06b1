"""The worker loop: claim queued attempts, run them, keep the queue healthy.

Built on ``django_tasks_db``'s worker (claiming with ``SELECT ... FOR UPDATE
SKIP LOCKED`` on PostgreSQL, an exclusive transaction on SQLite), plus
housekeeping every ``JOBS_HOUSEKEEPING`` seconds: take back jobs of dead
workers (:func:`circularcities.jobs.runner.reap`) and start scheduled jobs
(:func:`circularcities.jobs.scheduled.start_due`).
"""

from __future__ import annotations

import logging
import os
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.db.utils import OperationalError
from django_tasks_db.management.commands.db_worker import Worker as DBWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from circularcities.jobs import runner, scheduled

log = logging.getLogger(__name__)


def _tidy_connections() -> None:
    """Drop broken or old database connections between jobs, as Django does between
    requests; not inside a transaction (a test running the loop holds one)."""
    if not connection.in_atomic_block:
        close_old_connections()


class Worker(DBWorker):
    def __init__(self, *, interval: float = 1.0, batch: bool = False, max_tasks: int | None = None,
                 worker_id: str | None = None, housekeeping: float | None = None,
                 parent_pid: int | None = None):
        super().__init__(queue_names=["default"], interval=interval, batch=batch,
                         backend_name="default", startup_delay=False, max_tasks=max_tasks,
                         worker_id=worker_id or runner.worker_name(), excluded_queue_names=[])
        self.housekeeping_every = float(settings.JOBS_HOUSEKEEPING if housekeeping is None else housekeeping)
        self._next_housekeeping = 0.0
        self.parent_pid = parent_pid  # started by demo/serve: stop when that process is gone

    def housekeeping(self) -> None:
        try:
            taken = runner.reap()
            if taken:
                log.warning("took back %d job(s) whose worker stopped", taken)
            scheduled.start_due(worker=self.worker_id)
        except DatabaseError:  # busy database: the next round will do it
            log.warning("job housekeeping failed", exc_info=True)

    def claim(self) -> DBTaskResult | None:
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name,
                                                    queue_name__in=self.queue_names)
        try:
            with exclusive_transaction(tasks.db):
                entry = tasks.get_locked()
                if entry is not None:
                    entry.claim(self.worker_id)
                return entry
        except OperationalError as exc:
            if is_locked_database_exception(exc):
                return None
            raise

    def run(self) -> None:
        log.info("worker %s started", self.worker_id)
        runner._current_worker.append(self.worker_id)
        try:
            self._loop()
        finally:
            runner._current_worker.pop()

    def _loop(self) -> None:
        while self.running:
            if self.parent_pid and os.getppid() != self.parent_pid:
                log.warning("worker %s: the server that started it is gone; stopping", self.worker_id)
                return
            _tidy_connections()
            if time.monotonic() >= self._next_housekeeping:
                self.housekeeping()
                self._next_housekeeping = time.monotonic() + self.housekeeping_every
            entry = self.claim()
            if entry is not None:
                self.run_task(entry)
            elif self.batch:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            _tidy_connections()
            if self.running and entry is None:
                time.sleep(self.interval)
