"""A diagnosis upload above the job threshold is imported by a job, all or nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from circularcities.diagnosis.models import MetabolismFlow
from circularcities.jobs.models import Job
from tests.diagnosis.helpers import junk_workbook, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_editor(other_city):
    from tests.conftest import _user

    return _user("editor-cc", "city", [other_city])


def _upload(client, city, data):
    return client.post(f"/diagnosis/{city.slug}/upload/", {"files": SimpleUploadedFile("c.xlsx", data)})


def test_large_upload_runs_as_a_job(client, city_editor, other_city, settings):
    settings.IMPORT_JOB_ROWS = 10  # the test workbook has a few dozen rows
    settings.JOBS_INLINE = True
    client.force_login(city_editor)
    resp = _upload(client, other_city, workbook())
    assert resp.status_code == 202 and 'data-testid="import-job"' in resp.content.decode()
    job = Job.objects.get(kind="diagnosis-import")
    assert job.status == Job.Status.DONE, job.error
    assert job.result["counts"]["flows"]["created"] == 16
    assert MetabolismFlow.objects.filter(city=other_city).count() == 16


def test_large_bad_upload_fails_the_job_and_writes_nothing(client, city_editor, other_city, settings):
    settings.IMPORT_JOB_ROWS = 10
    settings.JOBS_INLINE = True
    client.force_login(city_editor)
    _upload(client, other_city, junk_workbook())
    job = Job.objects.get(kind="diagnosis-import")
    assert job.status == Job.Status.FAILED and "Sheet 'flows', row 2, column F 'value'" in job.error, job.error
    assert not MetabolismFlow.objects.filter(city=other_city).exists()


def test_small_upload_is_imported_in_the_request(client, city_editor, other_city):
    client.force_login(city_editor)
    resp = _upload(client, other_city, workbook())
    assert resp.status_code == 302 and not Job.objects.exists()
