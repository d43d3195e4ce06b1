"""Imports: the Excel template (row errors, all or nothing) and IFC models."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from circularcities.buildings.imports import (
    COLUMNS,
    import_ifc,
    import_spreadsheet,
    template_xlsx,
)
from circularcities.buildings.models import Component
from circularcities.core.errors import DataImportError
from tests.core.ifc_model import small_model

pytestmark = pytest.mark.django_db


def _xlsx(rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "components"
    ws.append(list(COLUMNS))
    for r in rows:
        ws.append([r.get(c) for c in COLUMNS])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_template_has_examples_and_drop_downs(building, owner):
    data = template_xlsx()
    ws = load_workbook(io.BytesIO(data))["components"]
    assert [c.value for c in ws[1]] == list(COLUMNS)
    assert ws.max_row >= 3
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert any("added_elements" in (f or "") for f in lists)
    assert any("measured" in (f or "") for f in lists)
    # the template's own examples import as they are
    result = import_spreadsheet(owner, building, data, "template.xlsx")
    assert result["rows"] == 2
    c = Component.objects.get(building=building, reference="C-001")
    assert sorted(m.material for m in c.materials.all()) == ["cross-laminated timber",
                                                             "steel connectors"]
    assert c.quality["mass"] == "measured"


def test_bad_spreadsheet_rejected_with_rows_and_nothing_written(building, owner):
    before = Component.objects.filter(building=building).count()
    data = _xlsx([
        {"reference": "A", "material": "wood", "mass_kg": 10, "reusable_share": 0.5},
        {"reference": "B", "material": "wood", "mass_kg": -3},
        {"reference": "C", "material": "steel", "mass_kg": 5, "connection": "welded"},
        {"reference": "D", "material": "glass", "mass_kg": 5, "reusable_share": 2},
    ])
    with pytest.raises(DataImportError) as exc:
        import_spreadsheet(owner, building, data, "bad.xlsx")
    rows = sorted(p.row for p in exc.value.problems)
    assert rows == [3, 4, 5]
    assert {p.column for p in exc.value.problems} >= {"connection", "reusable_share"}
    assert Component.objects.filter(building=building).count() == before


def test_import_page_shows_row_errors(client, building, owner):
    client.force_login(owner)
    data = _xlsx([{"reference": "A", "material": "wood", "mass_kg": "heavy"}])
    resp = client.post(reverse("buildings:import", args=[building.pk]),
                       {"file": _upload("bad.xlsx", data)})
    assert resp.status_code == 400
    assert "row 2, column G" in resp.content.decode()


def _upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_ifc_import_lists_what_the_model_lacks(building, owner):
    model = small_model()
    result = import_ifc(owner, building, model, "model.ifc")
    assert result["created"] == 3
    comps = {c.translations.first().name: c for c in
             Component.objects.filter(building=building, classification="IfcWall")}
    weighed = comps["Weighed wall"]
    assert [(m.material, m.mass_kg) for m in weighed.materials.all()] == [("Timber", 1200.0)]
    glulam = comps["Glulam wall"]
    assert glulam.materials.get().mass_kg == pytest.approx(900.0)  # 2 m³ × 450 kg/m³ in the model
    layered = comps["Layered wall"]
    assert all(m.mass_kg is None for m in layered.materials.all())  # never guessed
    assert layered.origin == ""
    missing = {m["name"]: m["missing"] for m in result["missing"]}
    assert any(s.startswith("mass") for s in missing["Layered wall"])
    assert all(any(s.startswith("origin") for s in v) for v in missing.values())
    # importing the same model again updates, it does not duplicate
    again = import_ifc(owner, building, model, "model.ifc")
    assert again["created"] == 0 and again["updated"] == 3


def test_ifc_page(client, building, owner):
    client.force_login(owner)
    resp = client.post(reverse("buildings:import", args=[building.pk]),
                       {"file": _upload("model.ifc", small_model())})
    assert resp.status_code == 200
    assert 'data-testid="import-missing"' in resp.content.decode()


def test_not_an_ifc(building, owner):
    with pytest.raises(DataImportError):
        import_ifc(owner, building, b"hello", "model.ifc")


def test_large_import_runs_as_job(client, building, owner, settings):
    from circularcities.jobs.models import Job

    settings.IMPORT_JOB_ROWS = 100
    settings.JOBS_INLINE = True  # the job runs in the request here so the test can see its end
    client.force_login(owner)
    data = _xlsx([{"reference": f"R{i}", "material": "wood", "mass_kg": 1} for i in range(300)])
    resp = client.post(reverse("buildings:import", args=[building.pk]),
                       {"file": _upload("big.xlsx", data)})
    assert resp.status_code == 202
    assert 'data-testid="import-job"' in resp.content.decode()
    job = Job.objects.get(kind="buildings-import")
    assert job.status == Job.Status.DONE, job.error
    assert job.result["created"] == 300
    assert Component.objects.filter(building=building, reference__startswith="R").count() == 300


def test_large_import_with_one_bad_row_saves_nothing(client, building, owner, settings):
    from circularcities.jobs.models import Job

    settings.IMPORT_JOB_ROWS = 100
    settings.JOBS_INLINE = True
    client.force_login(owner)
    rows = [{"reference": f"R{i}", "material": "wood", "mass_kg": 1} for i in range(300)]
    rows[250]["mass_kg"] = -1
    resp = client.post(reverse("buildings:import", args=[building.pk]),
                       {"file": _upload("big.xlsx", _xlsx(rows))})
    assert resp.status_code == 202
    job = Job.objects.get(kind="buildings-import")
    assert job.status == Job.Status.FAILED and "row 252" in job.error, job.error
    assert not Component.objects.filter(building=building, reference__startswith="R").exists()
