"""Upload plumbing: limits from settings, the body cap, batched all-or-nothing writes."""

from __future__ import annotations

import pytest

from circularcities.core import tables
from circularcities.jobs.models import Job
from circularcities.web.uploads import (
    configure,
    discard,
    keep,
    kept,
    table_limits,
    write_in_batches,
)

pytestmark = pytest.mark.django_db


def test_settings_set_the_reader_limits(settings):
    settings.IMPORT_MAX_ROWS = 7
    settings.IMPORT_MAX_UPLOAD_MB = 3
    configure()
    try:
        assert tables.default_limits() == table_limits()
        assert table_limits().max_rows == 7 and table_limits().max_bytes == 3 * 1024 * 1024
        with pytest.raises(tables.DataImportError, match="more than 7 rows"):
            tables.read_table(b"id\n" + b"1\n" * 10, "f.csv", None, ("id",))
    finally:
        tables.configure(tables.DEFAULT_LIMITS)


def test_kept_uploads_are_named_not_pathed():
    name = keep(b"id\n1\n", ".csv")
    assert kept(name) == b"id\n1\n"
    discard(name)
    with pytest.raises(ValueError):
        kept("../settings.py")


def _job(kind):
    job = Job.objects.create(kind=kind)
    return kind, job.delete


def test_batched_write_is_all_or_nothing():
    progress = []
    assert write_in_batches([f"k{i}" for i in range(7)], _job, batch=3,
                            report=lambda f, m: progress.append(f)) == [f"k{i}" for i in range(7)]
    assert Job.objects.count() == 7 and progress[-1] == 1.0

    def fails_late(item):
        if item == "boom":
            raise RuntimeError("a row changed meanwhile")
        return _job(item)

    items = [f"n{i}" for i in range(7)] + ["boom"]
    with pytest.raises(RuntimeError):
        write_in_batches(items, fails_late, batch=3)
    # The two batches written before the failure are undone; the earlier import stays.
    assert Job.objects.count() == 7 and not Job.objects.filter(kind__startswith="n").exists()


def test_upload_over_the_cap_is_refused_before_the_view(client, settings):
    settings.IMPORT_MAX_UPLOAD_MB = 1
    resp = client.post("/accounts/login/", data=b"x" * (1024 * 1024 + 1), content_type="application/octet-stream")
    assert resp.status_code == 413
