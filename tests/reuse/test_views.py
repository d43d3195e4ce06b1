"""Pages: the directory and its search, a place, an event, repair figures, the centre, the library;
who sees which forms; both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from circularcities.reuse.models import Repair

pytestmark = pytest.mark.django_db


def test_pages_render_in_both_languages(client):
    for url in ["/reuse/", "/reuse/repairs/", "/reuse/places/genoa-repair-cafe/",
                "/reuse/places/belo-horizonte-crc/centre/", "/reuse/places/share-peterborough/library/",
                "/reuse/places/repair-cafe-wales/", "/reuse/repairs/?place=repair-cafe-wales"]:
        assert client.get(url).status_code == 200, url
        assert client.get("/zh-hans" + url).status_code == 200, url


def test_directory_search(client):
    body = client.get("/reuse/?q=computers").content.decode()
    assert "Belo Horizonte Computer Refurbishment Centre" in body and "Genoa Repair" not in body
    body = client.get("/reuse/?kind=repair-cafe&city=genoa").content.decode()
    assert "Genoa Repair" in body and 'data-testid="place-map"' in body


def test_forms_only_for_organisers(client, cafe, organiser, outsider):
    client.force_login(outsider)
    body = client.get("/reuse/places/test-cafe/").content.decode()
    assert 'data-testid="event-form"' not in body and 'data-testid="edit-place"' not in body
    assert client.get("/reuse/places/test-cafe/edit/").status_code == 403
    client.force_login(organiser)
    body = client.get("/reuse/places/test-cafe/").content.decode()
    assert 'data-testid="event-form"' in body and 'data-testid="import-form"' in body


def test_repair_figures_show_the_weights_assumption(client):
    body = client.get("/reuse/repairs/").content.decode()
    assert "Restart Project" in body and "estimate" in body and "CC BY-SA 4.0" in body


def test_ords_export(client):
    resp = client.get("/reuse/places/repair-cafe-wales/ords.csv")
    assert resp.status_code == 200
    lines = resp.content.decode().splitlines()
    assert lines[0].startswith("id,data_provider,country")
    assert len(lines) == Repair.objects.filter(place__slug="repair-cafe-wales").count() + 1


def _ords(*rows: str) -> bytes:
    from circularcities.core.repair import ORDS_COLUMNS

    return (",".join(ORDS_COLUMNS) + "\n" + "".join(r + "\n" for r in rows)).encode()


def test_web_import_page(client, cafe, organiser):
    """A refused row: nothing stored, the problem listed with its row and column (issue #13)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = _ords("q1,X,GBR,,Lamp,15,,,,Fixed,,G,2025-01-04,", "q2,X,GBR,,Lamp,15,,,,Fine,,G,2025-01-04,")
    client.force_login(organiser)
    resp = client.post("/reuse/places/test-cafe/import/", {"file": SimpleUploadedFile("x.csv", data)})
    body = resp.content.decode()
    assert resp.status_code == 400 and "The file has 1 problem; nothing was imported." in body
    row = body.split('data-testid="import-error"')[1].split("</tr>")[0]
    assert ">3</td>" in row and "repair_status" in row and "Unknown repair status" in row
    assert 'data-testid="import-done"' not in body
    assert not Repair.objects.filter(place=cafe).exists()


def test_refused_rows_are_explained_in_the_readers_language(client, cafe, organiser):
    """The reasons of refused rows (kept as messages with the rows) render in Japanese."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from circularcities.core.i18n import translate

    data = _ords("q1,X,GBR,,Lamp,15,,,,Fixed,,G,2025-01-04,", "q1,X,GBR,,Lamp,15,,,,Fixed,,G,2025-01-04,")
    client.force_login(organiser)
    resp = client.post("/ja/reuse/places/test-cafe/import/", {"file": SimpleUploadedFile("x.csv", data)})
    body = resp.content.decode()
    row = body.split('data-testid="import-error"')[1].split("</tr>")[0]
    assert ">3</td>" in row and ">id</td>" in row
    assert "このファイルの 2 行目にすでにあります" in row and "Duplicate id" not in row
    assert translate("Duplicate id '%(id)s': already on line %(line)s of this file.", "ja") != \
        "Duplicate id '%(id)s': already on line %(line)s of this file."


def test_web_import_ends_on_the_one_summary(client, cafe, organiser):
    """Rows read / written / skipped with the counts of the file; refused rows left out are listed."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    good = [f"s{i},X,GBR,,Lamp,15,,,,Fixed,,G,2025-01-04," for i in range(3)]
    client.force_login(organiser)
    resp = client.post("/reuse/places/test-cafe/import/", {"file": SimpleUploadedFile("x.csv", _ords(*good))})
    body = resp.content.decode()
    assert resp.status_code == 200 and 'data-testid="import-done"' in body
    assert "Rows read: 3 · written: 3 · skipped (already as in the file): 0 · errors: 0" in body
    assert Repair.objects.filter(place=cafe).count() == 3
    bad = "t9,X,GBR,,Lamp,15,,,,Fine,,G,2025-01-04,"
    more = [f"t{i},X,GBR,,Lamp,15,,,,Fixed,,G,2025-01-04," for i in range(2)]
    resp = client.post("/reuse/places/test-cafe/import/",
                       {"file": SimpleUploadedFile("y.csv", _ords(*more, bad)), "skip_invalid": "on"})
    body = resp.content.decode()
    assert "Rows read: 3 · written: 2 · skipped (already as in the file): 0 · left out with a problem: 1" in body
    assert 'data-testid="left-out"' in body and "repair_status" in body
    assert Repair.objects.filter(place=cafe).count() == 5


def test_library_hides_borrowers_from_the_public(client, drill, resident):
    from circularcities.reuse.services import borrow

    borrow(resident, drill, {"due": dt.date.today() + dt.timedelta(days=3)})
    body = client.get("/reuse/places/test-library/library/").content.decode()
    assert "resident-1" not in body and "on loan" in body


def test_a_large_ords_file_is_imported_by_a_job(client, cafe, organiser, settings):
    """The shared sample's excerpt (1,500 rows) above a lowered threshold: a job, all rows stored."""
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from circularcities.jobs.models import Job

    settings.JOBS_INLINE = True
    settings.IMPORT_JOB_ROWS = 100
    sample = Path(__file__).resolve().parents[1] / "data" / "openrepair" / "ords_excerpt.csv"
    client.force_login(organiser)
    resp = client.post("/reuse/places/test-cafe/import/", {"file": SimpleUploadedFile("ords.csv", sample.read_bytes())})
    assert resp.status_code == 202 and 'data-testid="import-job"' in resp.content.decode()
    job = Job.objects.get(kind="reuse-ords-import")
    assert job.status == Job.Status.DONE, job.error
    assert job.result["count"] == 1500 == Repair.objects.filter(place=cafe).count()
    # The job's page ends on the same summary as an import in the request (issue #13).
    status = client.get(reverse("jobs:status", args=[job.pk])).content.decode()
    assert 'data-testid="import-done"' in status
    assert "written: 1500" in status.replace(",", "").replace("\u202f", "")


def test_organisers_are_edited_on_the_place_page(client, cafe, organiser, resident):
    client.force_login(organiser)
    page = client.get("/reuse/places/test-cafe/edit/").content.decode()
    assert 'name="organisers"' in page and "organiser" in page
    data = {"kind": "repair-cafe", "name": "Test test-cafe", "lat": "52.37", "lon": "4.9",
            "organisers": "organiser, resident-1"}
    assert client.post("/reuse/places/test-cafe/edit/", data).status_code == 302
    assert set(cafe.organisers.values_list("username", flat=True)) == {"organiser", "resident-1"}
    bad = client.post("/reuse/places/test-cafe/edit/", dict(data, organisers="nobody-here"))
    assert bad.status_code == 200 and "No user named nobody-here" in bad.content.decode()
    client.force_login(resident)  # now an organiser: may edit
    assert client.get("/reuse/places/test-cafe/edit/").status_code == 200
