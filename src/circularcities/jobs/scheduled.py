"""Recurring jobs without cron: settings.JOBS_SCHEDULE, started by the workers.

Each entry names a job function and a period; an occurrence is the latest
``at + k * every`` seconds (UTC) not in the future. Every worker looks now and
then; the unique (name, occurrence) row of :class:`ScheduledRun` lets exactly
one of them start each occurrence, however many workers run. An occurrence
missed while no worker ran is started once when one comes back.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from circularcities.jobs import runner
from circularcities.jobs.models import Job, ScheduledRun


def as_of(params: dict, today: Callable[[], date] = date.today) -> date:
    """The day a scheduled job works for: the day of its occurrence (a late run does
    not judge by a later date), or ``today()`` when it was started by hand."""
    return date.fromisoformat(params["occurrence"][:10]) if params.get("occurrence") else today()


def occurrence(entry: dict, now: datetime) -> datetime:
    every = max(60, int(entry["every"]))
    at = int(entry.get("at", 0))
    k = math.floor((now.timestamp() - at) / every)
    return datetime.fromtimestamp(k * every + at, tz=UTC)


def start_due(now: datetime | None = None, worker: str = "") -> list[Job]:
    """Start every scheduled job whose current occurrence has not been started."""
    now = now or timezone.now()
    started = []
    for entry in getattr(settings, "JOBS_SCHEDULE", []):
        when = occurrence(entry, now)
        if ScheduledRun.objects.filter(name=entry["name"], occurrence=when).exists():
            continue
        try:
            with transaction.atomic():
                mark = ScheduledRun.objects.create(name=entry["name"], occurrence=when, worker=worker[:64])
                job = runner.start(entry.get("kind", entry["name"]), entry["func"],
                                   {**entry.get("params", {}), "occurrence": when.isoformat()},
                                   title=entry.get("title", entry["name"]))
                ScheduledRun.objects.filter(pk=mark.pk).update(job=job)
        except IntegrityError:  # another worker started this occurrence first
            continue
        started.append(job)
    return started


def prune_queue(params: dict, report) -> dict:
    """Job function: delete finished queue entries and schedule marks older than
    JOBS_KEEP_DAYS. Jobs themselves stay: they are what people see."""
    from datetime import timedelta

    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=max(1, int(settings.JOBS_KEEP_DAYS)))
    entries, _ = DBTaskResult.objects.filter(status__in=["SUCCESSFUL", "FAILED"],
                                             finished_at__lt=cutoff).delete()
    marks, _ = ScheduledRun.objects.filter(occurrence__lt=cutoff).delete()
    return {"queue_entries": entries, "schedule_marks": marks}
