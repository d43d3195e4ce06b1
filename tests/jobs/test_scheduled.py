"""Scheduled jobs: one job per occurrence, however often or by how many workers it is asked."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core import mail

from circularcities.jobs import scheduled
from circularcities.jobs.models import Job, ScheduledRun
from tests.jobs.conftest import work

pytestmark = pytest.mark.django_db
DAILY = {"name": "plans-remind", "kind": "plans.remind", "title": "Overdue reminders",
         "func": "circularcities.planning.review.reminders_job", "every": 86400, "at": 6 * 3600}


def test_occurrence_is_the_latest_time_not_in_the_future():
    at = datetime(2026, 3, 10, 5, 59, tzinfo=UTC)
    assert scheduled.occurrence(DAILY, at) == datetime(2026, 3, 9, 6, 0, tzinfo=UTC)
    assert scheduled.occurrence(DAILY, at.replace(hour=6, minute=0)) == datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
    assert scheduled.occurrence({"every": 3600, "at": 900}, at) == datetime(2026, 3, 10, 5, 15, tzinfo=UTC)


def test_each_occurrence_starts_one_job(queue):
    queue.JOBS_SCHEDULE = [DAILY]
    day = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
    first = scheduled.start_due(now=day, worker="a")
    assert len(first) == 1 and first[0].kind == "plans.remind"
    assert scheduled.start_due(now=day.replace(hour=23), worker="b") == []  # same occurrence
    assert len(scheduled.start_due(now=day.replace(day=11), worker="b")) == 1  # the next day
    runs = list(ScheduledRun.objects.order_by("occurrence").values_list("worker", "occurrence"))
    assert [w for w, _ in runs] == ["a", "b"]
    assert Job.objects.filter(kind="plans.remind").count() == 2


def test_the_guard_is_in_the_database(queue):
    """A worker that missed the row in its check still cannot start a second job."""
    from django.db import IntegrityError, transaction

    queue.JOBS_SCHEDULE = [DAILY]
    day = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
    scheduled.start_due(now=day)
    with pytest.raises(IntegrityError), transaction.atomic():
        ScheduledRun.objects.create(name="plans-remind", occurrence=scheduled.occurrence(DAILY, day))


def test_reminders_job_sends_the_overdue_e_mails(queue, demo):
    from datetime import date

    from circularcities.planning.review import overdue_for_reminders

    queue.JOBS_SCHEDULE = [DAILY]
    day = datetime(2031, 1, 5, 7, 0, tzinfo=UTC)  # late enough for demo items to be overdue
    [job] = scheduled.start_due(now=day)
    queue.JOBS_SCHEDULE = []  # the worker would start today's occurrence too
    work()
    job.refresh_from_db()
    expected = len(overdue_for_reminders(date(2031, 1, 5)))
    assert job.status == Job.Status.DONE and job.result == {"sent": expected, "as_of": "2031-01-05"}
    assert len(mail.outbox) == expected


def test_prune_removes_old_finished_queue_entries_only(queue):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from circularcities.jobs import runner

    queue.JOBS_KEEP_DAYS = 30
    old, recent, waiting = (runner.start("test", "tests.jobs.jobfuncs.counting", {"n": 1}) for _ in range(3))
    work(max_tasks=2)
    DBTaskResult.objects.filter(id=old.task_id).update(finished_at=timezone.now() - timedelta(days=31))
    ScheduledRun.objects.create(name="x", occurrence=timezone.now() - timedelta(days=40))
    ScheduledRun.objects.create(name="x", occurrence=timezone.now() - timedelta(days=1))
    assert scheduled.prune_queue({}, lambda *a: None) == {"queue_entries": 1, "schedule_marks": 1}
    assert set(DBTaskResult.objects.values_list("id", flat=True)) == {recent.task_id, waiting.task_id}
    assert Job.objects.filter(pk=old.pk).exists()
