"""Fixtures for the job queue: the queue on (not inline), run by a worker in the test."""

from __future__ import annotations

import pytest


@pytest.fixture
def queue(settings):
    """Jobs go to the database queue; the test runs them with :func:`work`.

    The heartbeat thread would open its own connection, which cannot see this
    test's uncommitted rows, so its first beat is put beyond the test's length;
    heartbeats run for real in the worker-process tests."""
    settings.JOBS_INLINE = False
    settings.JOBS_HEARTBEAT = 3600
    settings.JOBS_MAX_ATTEMPTS = 3
    settings.JOBS_RETRY_BACKOFF = 0
    settings.JOBS_SCHEDULE = []
    return settings


def work(max_tasks: int | None = None) -> int:
    """Run what is ready in the queue in this process; returns how many entries ran."""
    from circularcities.jobs.worker import Worker

    worker = Worker(batch=True, interval=0, max_tasks=max_tasks, worker_id="test-worker")
    worker.run()
    return worker._run_tasks
