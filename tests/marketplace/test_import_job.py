"""A large listings file is imported by a job with progress: all rows or none."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from circularcities.jobs.models import Job
from circularcities.marketplace.models import Listing

pytestmark = pytest.mark.django_db

HEADER = "reference,kind,title_en,material,quantity,unit,lat,lon\n"


def rows(n: int, bad_at: int | None = None) -> bytes:
    lines = [HEADER]
    for i in range(n):
        quantity = "-1" if i == bad_at else str(1 + i % 50)
        lines.append(f"R{i},offer,Lot {i},17 01 01,{quantity},t,52.3{i % 10},4.8{i % 7}\n")
    return "".join(lines).encode()


def _post(client, data):
    return client.post("/marketplace/mine/import/", {"file": SimpleUploadedFile("big.csv", data)})


def test_5000_rows_run_as_a_job_and_all_are_saved(client, seller, org_a, settings):
    settings.JOBS_INLINE = True  # the job runs in the request here so the test can see its end
    client.force_login(seller)
    resp = _post(client, rows(5000))
    assert resp.status_code == 202 and 'data-testid="import-job"' in resp.content.decode()
    job = Job.objects.get(kind="marketplace-import")
    assert job.status == Job.Status.DONE and job.owner == seller, job.error
    assert job.result["count"] == 5000 and job.progress == 1.0
    assert Listing.objects.filter(organisation=org_a).count() == 5000
    assert not list((settings.MEDIA_ROOT / "imports").iterdir())  # the stored upload is gone


def test_5000_rows_with_one_bad_row_save_nothing(client, seller, org_a, settings):
    settings.JOBS_INLINE = True
    client.force_login(seller)
    resp = _post(client, rows(5000, bad_at=4990))
    assert resp.status_code == 202
    job = Job.objects.get(kind="marketplace-import")
    assert job.status == Job.Status.FAILED and "Row 4992, column E 'quantity'" in job.error, job.error
    assert Listing.objects.filter(organisation=org_a).count() == 0


def test_small_file_is_imported_in_the_request(client, seller, org_a):
    client.force_login(seller)
    resp = _post(client, rows(20))
    assert resp.status_code == 302 and not Job.objects.exists()
    assert Listing.objects.filter(organisation=org_a).count() == 20
