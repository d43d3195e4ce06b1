"""The job runner on the database queue: start, progress, failure, retries with
back-off, cancel, and taking back the jobs of workers that stopped."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from circularcities.jobs import runner
from circularcities.jobs.models import Job
from tests.jobs.conftest import work

pytestmark = pytest.mark.django_db
F = "tests.jobs.jobfuncs."


def test_start_queues_and_a_worker_runs_it(queue, make_user):
    owner = make_user("jobowner", "city")
    job = runner.start("test", F + "counting", {"n": 4}, owner=owner, title="Count")
    assert job.status == Job.Status.QUEUED and job.task_id is not None
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"
    assert work() == 1
    job.refresh_from_db()
    assert (job.status, job.result, job.progress, job.attempt) == (Job.Status.DONE, {"total": 6}, 1.0, 1)
    assert job.worker == "test-worker" and job.message == "step 4"
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"


def test_inline_runs_in_the_caller(settings):
    settings.JOBS_INLINE = True
    job = runner.start("test", F + "counting", {"n": 3})
    assert job.status == Job.Status.DONE and job.result == {"total": 3} and job.task_id is None


def test_message_errors_end_the_job_without_retry(queue):
    job = runner.start("test", F + "infeasible", {})
    work()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.attempt == 1
    assert "heavier than any vehicle" in job.error


def test_unknown_function_refused_before_queueing(queue):
    with pytest.raises((ImportError, AttributeError)):
        runner.start("test", F + "nope", {})
    assert not Job.objects.exists() and not DBTaskResult.objects.exists()


def test_unexpected_errors_are_retried_until_they_succeed(queue, tmp_path):
    job = runner.start("test", F + "flaky", {"counter": str(tmp_path / "n"), "fail": 2})
    assert work() == 3
    job.refresh_from_db()
    assert (job.status, job.attempt, job.result) == (Job.Status.DONE, 3, {"attempts": 3})
    assert DBTaskResult.objects.count() == 3  # one queue entry per attempt


def test_retries_stop_at_max_attempts_with_the_error(queue, tmp_path):
    queue.JOBS_MAX_ATTEMPTS = 2
    job = runner.start("test", F + "flaky", {"counter": str(tmp_path / "n"), "fail": 5})
    work()
    job.refresh_from_db()
    assert (job.status, job.attempt, job.max_attempts) == (Job.Status.FAILED, 2, 2)
    assert job.error == "RuntimeError: flaky failure 2"


def test_back_off_doubles_and_delays_the_next_attempt(queue, tmp_path):
    queue.JOBS_RETRY_BACKOFF = 30
    queue.JOBS_RETRY_BACKOFF_MAX = 100
    assert [runner.backoff(a) for a in (1, 2, 3, 4)] == [30, 60, 100, 100]
    job = runner.start("test", F + "flaky", {"counter": str(tmp_path / "n"), "fail": 1})
    before = timezone.now()
    assert work() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED and job.attempt == 1
    assert "RuntimeError: flaky failure 1" in job.error and "trying again in 30 s" in job.message
    assert before + timedelta(seconds=29) < job.run_after < timezone.now() + timedelta(seconds=31)
    entry = DBTaskResult.objects.get(id=job.task_id)
    assert entry.run_after == job.run_after
    assert work() == 0  # not before its time
    # As if the 30 s had passed:
    DBTaskResult.objects.filter(id=entry.id).update(run_after=timezone.now() - timedelta(seconds=1))
    assert work() == 1
    job.refresh_from_db()
    assert (job.status, job.attempt) == (Job.Status.DONE, 2)


def test_cancel_a_queued_job_removes_it_from_the_queue(queue):
    job = runner.start("test", F + "counting", {"n": 2})
    job = runner.cancel(job)
    assert job.status == Job.Status.CANCELLED and job.finished
    assert not DBTaskResult.objects.filter(id=job.task_id).exists()
    assert work() == 0


def test_a_running_job_sees_the_cancel_at_its_next_report(queue):
    job = runner.start("test", F + "cancels_itself", {})
    Job.objects.filter(pk=job.pk).update(params={**job.params, "job": str(job.pk)})
    work()
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and job.result is None and job.attempt == 1


def test_retry_runs_a_failed_job_again(queue, tmp_path):
    queue.JOBS_MAX_ATTEMPTS = 1
    counter = tmp_path / "n"
    job = runner.start("test", F + "flaky", {"counter": str(counter), "fail": 1})
    work()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    job = runner.retry(job)
    assert job.status == Job.Status.QUEUED and job.error == ""
    work()
    job.refresh_from_db()
    assert (job.status, job.attempt, job.result) == (Job.Status.DONE, 2, {"attempts": 2})
    assert runner.retry(job).status == Job.Status.DONE  # a finished job stays as it is


def test_a_job_whose_worker_stopped_is_taken_back_and_finished(queue, tmp_path):
    job = runner.start("test", F + "reaps_itself_once", {"counter": str(tmp_path / "n")})
    work()
    job.refresh_from_db()
    assert (job.status, job.attempt, job.result) == (Job.Status.DONE, 2, {"reached": "second attempt"})
    assert "stopped responding" in job.error  # the reason the first attempt ended
    first = DBTaskResult.objects.exclude(id=job.task_id).get()
    assert first.status == "FAILED"


def test_a_dead_workers_job_fails_with_the_reason_after_the_last_attempt(queue):
    queue.JOBS_MAX_ATTEMPTS = 1
    job = runner.start("test", F + "counting", {"n": 1})
    # What a worker killed mid-job leaves behind: running, heartbeat long ago.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempt=1, worker="gone:1",
                                         heartbeat_at=timezone.now() - timedelta(minutes=5))
    assert runner.reap() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "gone:1" in job.error and "no heartbeat" in job.error
    assert runner.reap() == 0


def test_jobs_left_running_by_the_old_thread_runner_are_taken_back(queue):
    old = timezone.now() - timedelta(hours=2)
    job = Job.objects.create(kind="test", params={"_func": F + "counting", "n": 2},
                             status=Job.Status.RUNNING, started_at=old)
    Job.objects.filter(pk=job.pk).update(created_at=old)
    assert runner.reap() == 1
    work()
    job.refresh_from_db()
    assert (job.status, job.result) == (Job.Status.DONE, {"total": 1})


def test_a_live_job_is_not_taken_back(queue):
    job = runner.start("test", F + "counting", {"n": 1})
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempt=1, heartbeat_at=timezone.now())
    assert runner.reap() == 0
    assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING


def test_a_job_claimed_by_a_worker_that_died_before_starting_it_runs(queue):
    job = runner.start("test", F + "counting", {"n": 2})
    old = timezone.now() - timedelta(minutes=10)
    # The worker claimed the queue entry, then died before the job was marked running.
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING", started_at=old)
    Job.objects.filter(pk=job.pk).update(created_at=old)
    assert work() == 1  # the worker's housekeeping gives the job a new entry, then runs it
    job.refresh_from_db()
    assert (job.status, job.result, job.attempt) == (Job.Status.DONE, {"total": 1}, 1)
    assert DBTaskResult.objects.count() == 2 and runner.reap() == 0


def test_a_job_waiting_in_the_queue_is_left_alone(queue):
    job = runner.start("test", F + "counting", {"n": 2})
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    assert runner.reap() == 0
    assert DBTaskResult.objects.count() == 1
