"""Run long work as a job in a worker process and record its progress.

``start(kind, "dotted.path", params, owner=..., title=...)`` records a
:class:`~circularcities.jobs.models.Job` and puts it in the queue (a table of
``django_tasks_db``, so it is committed with the caller's transaction). Any
``circularcities worker`` process, on this machine or another sharing the
database, claims it and calls ``func(params, report)``; ``report(fraction,
message)`` records progress, keeps the lease and raises :class:`JobCancelled`
once someone asked to cancel (checked at most four times a second). The result
(a JSON-able dict) or the error ends on the job.

Failures: a :class:`~circularcities.core.errors.CircularCitiesError` is a
message for people and ends the job. Any other exception, and a worker that
stopped sending heartbeats for ``JOBS_LEASE`` seconds (killed, machine gone),
lead to another attempt after a back-off that doubles, until ``JOBS_MAX_ATTEMPTS``;
then the job fails with the reason. A job is never left "running" forever.

``JOBS_INLINE`` (``CIRCULARCITIES_JOBS_INLINE=1``) runs the job in the caller,
once, before ``start`` returns (tests, scripts).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from contextlib import nullcontext
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from circularcities.core.errors import CircularCitiesError
from circularcities.jobs.models import Job

log = logging.getLogger(__name__)
REPORT_EVERY = 0.25  # s: progress is for people, not a log


class JobCancelled(CircularCitiesError):
    """Raised by ``report()`` in a job someone cancelled; the job ends as cancelled."""

    def __init__(self, message: str = "The job was cancelled."):
        super().__init__(message)


class JobLeaseLost(BaseException):  # noqa: N818 - a signal to stop, like KeyboardInterrupt
    """This attempt was given up for dead and replaced: stop without writing.

    A BaseException so that job functions' ``except Exception`` blocks do not
    record it as their own failure."""


_current_worker: list[str] = []  # set by a Worker while it runs (see worker.py)


def worker_name() -> str:
    """The id of the worker running in this process: host:pid unless the worker has one."""
    return _current_worker[-1] if _current_worker else f"{socket.gethostname()}:{os.getpid()}"[:64]


def resolve(path: str):
    module, _, name = path.rpartition(".")
    return getattr(import_module(module), name)


def backoff(attempt: int) -> int:
    """Seconds to wait after failed attempt number ``attempt`` (1, 2, ...)."""
    base = max(0, int(settings.JOBS_RETRY_BACKOFF))
    return int(min(settings.JOBS_RETRY_BACKOFF_MAX, base * 2 ** max(0, attempt - 1)))


def start(kind: str, func_path: str, params: dict, owner=None, title: str = "") -> Job:
    resolve(func_path)  # fail now, in the request, if the function does not exist
    inline = bool(getattr(settings, "JOBS_INLINE", False))
    with transaction.atomic():
        job = Job.objects.create(kind=kind, params={**params, "_func": func_path}, owner=owner,
                                 title=title[:200],
                                 max_attempts=1 if inline else max(1, int(settings.JOBS_MAX_ATTEMPTS)))
        if not inline:
            _enqueue(job.pk)
    if inline:
        execute(job.pk, worker="inline", heartbeat=False)
    job.refresh_from_db()
    return job


@task()
def run_job(job_id: str) -> str:
    """The one queue task: run an attempt of a Job. The queue (django-tasks with its
    database backend) only moves job ids; what people see stays on the Job."""
    status = execute(job_id, worker=worker_name())
    if status == "lost":  # the queue entry says so too, instead of "successful"
        raise JobLeaseLost(job_id)
    return status


def _enqueue(job_id, run_after: datetime | None = None) -> None:
    """Put one attempt of the job in the queue (inside the caller's transaction)."""
    task = run_job if run_after is None else run_job.using(run_after=run_after)
    entry = task.enqueue(str(job_id))
    Job.objects.filter(pk=job_id).update(task_id=entry.id, run_after=run_after)


def cancel(job: Job) -> Job:
    """Cancel a queued job at once; ask a running one to stop at its next report()."""
    from django_tasks_db.models import DBTaskResult

    with transaction.atomic():
        if Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(
                status=Job.Status.CANCELLED, cancel_requested=True, finished_at=timezone.now(),
                message="Cancelled before it ran."):
            if job.task_id:
                DBTaskResult.objects.filter(id=job.task_id, status="READY").delete()
        else:
            Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
                cancel_requested=True, message="Cancelling…")
    job.refresh_from_db()
    return job


def retry(job: Job) -> Job:
    """Run a failed or cancelled job again, with a fresh allowance of attempts."""
    inline = bool(getattr(settings, "JOBS_INLINE", False))
    with transaction.atomic():
        again = Job.objects.filter(pk=job.pk, status__in=[Job.Status.FAILED, Job.Status.CANCELLED]).update(
            status=Job.Status.QUEUED, cancel_requested=False, progress=0.0, message="",
            error="", result=None, finished_at=None, heartbeat_at=None, worker="",
            max_attempts=job.attempt + (1 if inline else max(1, int(settings.JOBS_MAX_ATTEMPTS))))
        if again and not inline:
            _enqueue(job.pk)
    if again and inline:
        execute(job.pk, worker="inline", heartbeat=False)
    job.refresh_from_db()
    return job


class _Attempt:
    """One attempt of one job: the fence every write goes through, and ``report``."""

    def __init__(self, job: Job, attempt: int):
        self.job_id = job.pk
        self.attempt = attempt
        self.cancelled = threading.Event()  # set by the heartbeat when someone cancels
        self.lost = threading.Event()  # set by the heartbeat when the job went to another worker
        self._last = 0.0

    def fence(self):
        return Job.objects.filter(pk=self.job_id, attempt=self.attempt, status=Job.Status.RUNNING)

    def report(self, fraction: float, message: str = "") -> None:
        if self.lost.is_set():
            raise JobLeaseLost(self.job_id)
        if self.cancelled.is_set():
            raise JobCancelled()
        now = time.monotonic()
        if now - self._last < REPORT_EVERY and fraction < 1:
            return
        self._last = now
        fraction = max(0.0, min(1.0, float(fraction)))
        if not self.fence().filter(cancel_requested=False).update(
                progress=fraction, message=str(message)[:300], heartbeat_at=timezone.now()):
            if self.fence().filter(cancel_requested=True).exists():
                raise JobCancelled()
            raise JobLeaseLost(self.job_id)


class _Heartbeat(threading.Thread):
    """Tells the database every JOBS_HEARTBEAT seconds that this attempt is alive,
    even while the job computes without calling report(); also notices a cancel."""

    def __init__(self, attempt: _Attempt):
        super().__init__(name=f"cc-heartbeat-{attempt.job_id}", daemon=True)
        self.attempt = attempt
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            while not self.stop.wait(max(0.2, float(settings.JOBS_HEARTBEAT))):
                try:
                    if not self.attempt.fence().update(heartbeat_at=timezone.now()):
                        self.attempt.lost.set()
                        return
                    if self.attempt.fence().filter(cancel_requested=True).exists():
                        self.attempt.cancelled.set()
                except DatabaseError:  # a busy or restarting database: try again next beat
                    log.warning("heartbeat of job %s failed", self.attempt.job_id, exc_info=True)
        finally:
            connection.close()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.join(timeout=30)


def execute(job_id, worker: str = "", heartbeat: bool = True) -> str:
    """Run one attempt of a queued job; returns the job's status afterwards."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    if job.status != Job.Status.QUEUED:  # cancelled, or a duplicate queue entry
        return job.status
    attempt = job.attempt + 1
    now = timezone.now()
    if not Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED, attempt=job.attempt).update(
            status=Job.Status.RUNNING, attempt=attempt, started_at=now, heartbeat_at=now,
            worker=worker[:64], run_after=None, progress=0.0,
            message=f"Attempt {attempt} of {job.max_attempts}" if attempt > 1 else ""):
        return "taken"  # another worker claimed it first
    state = _Attempt(job, attempt)
    params = {k: v for k, v in job.params.items() if k != "_func"}
    try:
        func = resolve(job.params["_func"])
        with _Heartbeat(state) if heartbeat else nullcontext():
            result = func(params, state.report)
    except JobLeaseLost:
        log.warning("job %s attempt %s was given to another worker; stopping", job.pk, attempt)
        return "lost"
    except JobCancelled:
        state.fence().update(status=Job.Status.CANCELLED, message="Cancelled.",
                             finished_at=timezone.now())
    except CircularCitiesError as exc:
        state.fence().update(status=Job.Status.FAILED, error=str(exc), finished_at=timezone.now())
    except Exception as exc:  # report to the user, keep the trace in the log
        log.exception("job %s attempt %s failed", job.pk, attempt)
        error = f"{type(exc).__name__}: {exc}"
        if not (attempt < job.max_attempts and _again(state, job.max_attempts, error, "failed")):
            state.fence().update(status=Job.Status.FAILED, error=error,
                                 message=traceback.format_exc(limit=1)[-300:], finished_at=timezone.now())
    else:
        if not state.fence().update(status=Job.Status.DONE, progress=1.0, result=result,
                                    finished_at=timezone.now()):
            log.warning("job %s attempt %s finished after it was given up", job.pk, attempt)
    return Job.objects.filter(pk=job.pk).values_list("status", flat=True).first() or "missing"


def _again(state: _Attempt, max_attempts: int, error: str, what: str) -> bool:
    """Queue the next attempt after the back-off; False when someone else decided first."""
    delay = backoff(state.attempt)
    when = timezone.now() + timedelta(seconds=delay)
    with transaction.atomic():
        if not state.fence().filter(cancel_requested=False).update(
                status=Job.Status.QUEUED, run_after=when, heartbeat_at=None, worker="", error=error,
                message=f"Attempt {state.attempt} of {max_attempts} {what}; "
                        f"trying again in {delay} s."):
            return False
        _enqueue(state.job_id, run_after=when)
    return True


def reap(now: datetime | None = None) -> int:
    """Take back jobs whose worker stopped (no heartbeat for JOBS_LEASE seconds):
    try them again, or fail them with the reason. Returns how many were taken back.

    Every worker calls this now and then; the conditional updates make sure only
    one of them acts on each job."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    lease = int(settings.JOBS_LEASE)
    cutoff = now - timedelta(seconds=lease)
    stale = Job.objects.filter(status=Job.Status.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
        | Q(heartbeat_at__isnull=True, started_at__isnull=True, created_at__lt=cutoff))
    taken = 0
    for job in stale:
        state = _Attempt(job, job.attempt)
        reason = (f"The worker running attempt {job.attempt} ({job.worker or 'unknown'}) stopped "
                  f"responding: no heartbeat for {lease} s.")
        with transaction.atomic():
            if job.cancel_requested:
                done = state.fence().update(status=Job.Status.CANCELLED, message="Cancelled.",
                                            finished_at=now)
            elif job.attempt < job.max_attempts:
                done = _again(state, job.max_attempts, reason, "stopped")
            else:
                done = state.fence().update(
                    status=Job.Status.FAILED, finished_at=now,
                    error=f"{reason} It was tried {job.attempt} time(s); start it again when "
                          f"a worker runs.")
            if done and job.task_id:
                DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").update(
                    status="FAILED", finished_at=now, traceback=reason,
                    exception_class_path="circularcities.jobs.runner.JobLeaseLost")
        taken += int(bool(done))
    # Queued jobs without a live queue entry get a new one: jobs queued before the queue
    # existed, and jobs whose entry a worker claimed but died before starting them.
    live = DBTaskResult.objects.filter(Q(status="READY") | Q(status="RUNNING", started_at__gte=cutoff))
    orphans = (Job.objects.filter(status=Job.Status.QUEUED, created_at__lt=cutoff)
               .filter(Q(run_after__isnull=True) | Q(run_after__lt=cutoff))
               .filter(Q(task_id__isnull=True) | ~Q(task_id__in=live.values("id"))))
    for job_id in orphans.values_list("pk", flat=True):
        with transaction.atomic():
            _enqueue(job_id)
        taken += 1
    return taken


def run(job_id) -> None:
    """Run a job in the caller now (kept for scripts that called the old runner)."""
    execute(job_id, worker=worker_name(), heartbeat=False)
