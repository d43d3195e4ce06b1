"""Run a job off the request thread and record its progress.

In-process by default: a small thread pool in the web process (enough for a
city's planners; a job survives no restart, which the status says). Set
``CIRCULARCITIES_JOBS_INLINE=1`` to run jobs in the request (tests, scripts).
A job function has the signature ``func(job_params: dict, report) -> dict``
where ``report(fraction, message)`` records progress; it must be importable
by dotted path so a real worker queue can run it the same way.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from circularcities.core.errors import CircularCitiesError
from circularcities.jobs.models import Job

log = logging.getLogger(__name__)
_executor: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="cc-job")
        return _executor


def resolve(path: str):
    module, _, name = path.rpartition(".")
    return getattr(import_module(module), name)


def start(kind: str, func_path: str, params: dict, owner=None, title: str = "") -> Job:
    resolve(func_path)  # fail now, in the request, if the function does not exist
    job = Job.objects.create(kind=kind, params={**params, "_func": func_path}, owner=owner, title=title)
    if getattr(settings, "JOBS_INLINE", False):
        run(job.pk)
        job.refresh_from_db()
    else:
        _pool().submit(_run_in_thread, job.pk)
    return job


def _run_in_thread(job_id) -> None:
    close_old_connections()
    try:
        run(job_id)
    finally:
        close_old_connections()


def run(job_id) -> None:
    job = Job.objects.get(pk=job_id)
    func = resolve(job.params["_func"])
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    last = [0.0]

    def report(fraction: float, message: str = "") -> None:
        now = time.monotonic()
        # At most a few writes a second: progress is for people, not a log.
        if now - last[0] < 0.25 and fraction < 1:
            return
        last[0] = now
        Job.objects.filter(pk=job.pk).update(progress=max(0.0, min(1.0, float(fraction))),
                                             message=str(message)[:300])

    params = {k: v for k, v in job.params.items() if k != "_func"}
    try:
        result = func(params, report)
    except CircularCitiesError as exc:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, error=str(exc),
                                             finished_at=timezone.now())
    except Exception as exc:  # report to the user, keep the trace in the log
        log.exception("job %s failed", job.pk)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, error=f"{type(exc).__name__}: {exc}",
            message=traceback.format_exc(limit=1)[-300:], finished_at=timezone.now())
    else:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, progress=1.0, result=result,
                                             finished_at=timezone.now())
