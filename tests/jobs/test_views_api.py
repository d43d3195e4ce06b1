"""Job status page, its cancel button, and the jobs API: owner, member, outsider, secretariat."""

from __future__ import annotations

import pytest

from circularcities.jobs import runner
from circularcities.jobs.models import Job
from tests.jobs.conftest import work

pytestmark = pytest.mark.django_db
F = "tests.jobs.jobfuncs."


@pytest.fixture
def queued(queue, owner):
    return runner.start("test", F + "counting", {"n": 2}, owner=owner, title="Count")


def test_owner_sees_a_cancel_button_and_cancels(client, owner, queued):
    client.force_login(owner)
    page = client.get(f"/jobs/{queued.pk}/").content.decode()
    assert 'data-testid="job-cancel"' in page
    resp = client.post(f"/jobs/{queued.pk}/cancel", HTTP_HX_REQUEST="true")
    assert resp.status_code == 200 and 'data-status="cancelled"' in resp.content.decode()
    assert 'data-testid="job-cancel"' not in resp.content.decode()
    assert Job.objects.get(pk=queued.pk).status == Job.Status.CANCELLED


def test_cancel_without_htmx_goes_back_to_the_status(client, owner, queued):
    client.force_login(owner)
    resp = client.post(f"/jobs/{queued.pk}/cancel")
    assert resp.status_code == 302 and resp["Location"].endswith(f"/jobs/{queued.pk}/")


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_others_can_neither_see_nor_cancel(client, who, request, queued):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/jobs/{queued.pk}/").status_code == 403
    assert client.post(f"/jobs/{queued.pk}/cancel").status_code == 403
    assert Job.objects.get(pk=queued.pk).status == Job.Status.QUEUED


def test_secretariat_may_cancel_and_anonymous_may_not(client, secretariat, queued):
    assert client.post(f"/jobs/{queued.pk}/cancel").status_code == 403
    client.force_login(secretariat)
    assert 'data-testid="job-cancel"' in client.get(f"/jobs/{queued.pk}/").content.decode()
    assert client.post(f"/jobs/{queued.pk}/cancel").status_code == 302
    assert Job.objects.get(pk=queued.pk).status == Job.Status.CANCELLED


def test_cancel_is_only_a_post(client, owner, queued):
    client.force_login(owner)
    assert client.get(f"/jobs/{queued.pk}/cancel").status_code == 405


def test_running_job_shows_it_is_cancelling(client, owner, queued):
    Job.objects.filter(pk=queued.pk).update(status=Job.Status.RUNNING)
    client.force_login(owner)
    client.post(f"/jobs/{queued.pk}/cancel")
    job = Job.objects.get(pk=queued.pk)
    assert job.status == Job.Status.RUNNING and job.cancel_requested
    page = client.get(f"/jobs/{queued.pk}/").content.decode()
    assert "Cancelling" in page and 'data-testid="job-cancel"' not in page


class TestApi:
    def test_owner_reads_the_job_and_its_result(self, client, owner, queued):
        client.force_login(owner)
        body = client.get(f"/api/jobs/{queued.pk}").json()
        assert body["status"] == "queued" and body["result"] is None and body["max_attempts"] == 3
        work()
        body = client.get(f"/api/jobs/{queued.pk}").json()
        assert (body["status"], body["result"], body["attempt"]) == ("done", {"total": 1}, 1)

    def test_outsider_and_anonymous_are_refused(self, client, outsider, queued):
        assert client.get(f"/api/jobs/{queued.pk}").status_code == 403
        assert client.post(f"/api/jobs/{queued.pk}/cancel").status_code == 401
        client.force_login(outsider)
        assert client.get(f"/api/jobs/{queued.pk}").status_code == 403
        assert client.post(f"/api/jobs/{queued.pk}/cancel").status_code == 403
        assert client.post(f"/api/jobs/{queued.pk}/retry").status_code == 403
        assert Job.objects.get(pk=queued.pk).status == Job.Status.QUEUED

    def test_unknown_job_is_404(self, client, owner):
        client.force_login(owner)
        assert client.get("/api/jobs/00000000-0000-0000-0000-000000000000").status_code == 404

    def test_cancel_then_retry_with_a_token(self, client, owner, queued):
        from circularcities.accounts.models import ApiToken

        _t, raw = ApiToken.issue(owner, "script")
        auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
        body = client.post(f"/api/jobs/{queued.pk}/cancel", **auth).json()
        assert body["status"] == "cancelled"
        body = client.post(f"/api/jobs/{queued.pk}/retry", **auth).json()
        assert body["status"] == "queued" and body["error"] == ""
        work()
        assert client.get(f"/api/jobs/{queued.pk}", **auth).json()["status"] == "done"

    def test_ownerless_jobs_are_readable_but_only_the_secretariat_changes_them(
            self, client, owner, secretariat, queue):
        job = runner.start("plans.remind", F + "counting", {"n": 1})
        client.force_login(owner)
        assert client.get(f"/api/jobs/{job.pk}").status_code == 200
        assert client.post(f"/api/jobs/{job.pk}/cancel").status_code == 403
        client.force_login(secretariat)
        assert client.post(f"/api/jobs/{job.pk}/cancel").json()["status"] == "cancelled"
