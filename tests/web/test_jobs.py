"""Background jobs record progress and results; failures become messages."""

import pytest

from circularcities.core.errors import InfeasibleError
from circularcities.jobs import runner
from circularcities.jobs.models import Job

pytestmark = pytest.mark.django_db


def counting_job(params, report):
    for i in range(params["n"]):
        report((i + 1) / params["n"], f"step {i + 1}")
    return {"total": sum(range(params["n"]))}


def failing_job(params, report):
    raise InfeasibleError("A point of 9 t is heavier than any vehicle (max 5 t).")


def test_inline_job_runs_and_reports(settings, owner):
    settings.JOBS_INLINE = True
    job = runner.start("test", "tests.web.test_jobs.counting_job", {"n": 4}, owner=owner)
    assert job.status == Job.Status.DONE and job.result == {"total": 6} and job.progress == 1.0


def test_failure_is_a_message(settings, owner, client):
    settings.JOBS_INLINE = True
    job = runner.start("test", "tests.web.test_jobs.failing_job", {}, owner=owner)
    assert job.status == Job.Status.FAILED and "heavier than any vehicle" in job.error
    client.force_login(owner)
    assert "heavier than any vehicle" in client.get(f"/jobs/{job.pk}/").content.decode()


def test_unknown_function_refused_before_queueing(owner):
    with pytest.raises((ImportError, AttributeError)):
        runner.start("test", "tests.web.test_jobs.nope", {}, owner=owner)
    assert not Job.objects.exists()


def test_other_people_cannot_read_a_job(settings, owner, outsider, client):
    settings.JOBS_INLINE = True
    job = runner.start("test", "tests.web.test_jobs.counting_job", {"n": 1}, owner=owner)
    client.force_login(outsider)
    assert client.get(f"/jobs/{job.pk}.json").status_code == 403
    client.force_login(owner)
    assert client.get(f"/jobs/{job.pk}.json").json()["result"] == {"total": 0}
