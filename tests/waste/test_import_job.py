"""A streams file above the job threshold is imported by a job, all or nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from circularcities.jobs.models import Job
from circularcities.waste.models import WasteStream

pytestmark = pytest.mark.django_db


def _upload(client, city, data):
    return client.post(reverse("waste:import", args=[city.slug]),
                       {"file": SimpleUploadedFile("s.csv", data, content_type="text/csv")})


def test_large_file_runs_as_a_job(client, owner, city, good_csv, settings):
    settings.IMPORT_JOB_ROWS = 2  # the file has 3 data rows
    settings.JOBS_INLINE = True
    client.force_login(owner)
    resp = _upload(client, city, good_csv)
    assert resp.status_code == 202 and 'data-testid="import-job"' in resp.content.decode()
    job = Job.objects.get(kind="waste-import")
    assert job.status == Job.Status.DONE, job.error
    assert job.result["rows"] == 3
    assert WasteStream.objects.filter(city=city).count() == 3


def test_large_bad_file_fails_the_job_and_writes_nothing(client, owner, city, bad_csv, settings):
    settings.IMPORT_JOB_ROWS = 2
    settings.JOBS_INLINE = True
    client.force_login(owner)
    _upload(client, city, bad_csv)
    job = Job.objects.get(kind="waste-import")
    assert job.status == Job.Status.FAILED and "Row 2, column E 'generated_t'" in job.error, job.error
    assert not WasteStream.objects.filter(city=city).exists()
