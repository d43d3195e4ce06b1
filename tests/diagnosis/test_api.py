import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from circularcities.diagnosis.models import DataUpload, MetabolismFlow
from tests.diagnosis.helpers import junk_workbook, workbook

pytestmark = pytest.mark.django_db


def test_schema_lists_diagnosis_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ["/api/diagnosis/cities/{slug}/flows", "/api/diagnosis/cities/{slug}/metabolism",
              "/api/diagnosis/cities/{slug}/indicators", "/api/diagnosis/cities/{slug}/indicators/history",
              "/api/diagnosis/cities/{slug}/assessments", "/api/diagnosis/cities/{slug}/benchmark",
              "/api/diagnosis/cities/{slug}/upload", "/api/diagnosis/indicators"]:
        assert p in paths, p


def test_read_endpoints(client, demo):
    assert {"amsterdam", "yokohama", "beijing"} <= set(client.get("/api/diagnosis/cities").json())
    assert len(client.get("/api/diagnosis/indicators").json()) >= 40
    flows = client.get("/api/diagnosis/cities/beijing/flows?year=2020&layer=material").json()
    assert flows and all(f["year"] == 2020 and f["unit"] == "t" for f in flows)
    m = client.get("/api/diagnosis/cities/beijing/metabolism?year=2020&layer=energy").json()
    assert m["year"] == 2020 and m["layer"] == "energy" and m["sankey"]["unit"] == "MWh"
    assert len(m["sankey"]["links"]["source"]) == len(m["sankey"]["links"]["value"]) > 0
    values = client.get("/api/diagnosis/cities/amsterdam/indicators?code=MF-CMU").json()
    assert {v["quality"] for v in values} == {"proxy"}
    assert client.get("/api/diagnosis/cities/amsterdam/indicators/history?code=MF-CMU").json()
    a = client.get("/api/diagnosis/cities/yokohama/assessments").json()
    assert a and set(a[0]["levels"]) >= {"rethink", "recover"} and 1 <= a[0]["overall"] <= 5
    b = client.get("/api/diagnosis/cities/beijing/benchmark").json()
    assert b["peers"] and len(b["focal_areas"]) <= 3 and b["benchmarks"]
    assert all(0 <= r["percentile"] <= 100 for r in b["benchmarks"] if r["percentile"] is not None)


def test_unknown_city_is_404(client, demo):
    assert client.get("/api/diagnosis/cities/atlantis/flows").status_code == 404


def test_api_upload_then_same_file_again(client, other_city, outsider):
    client.force_login(outsider)  # editor of Changchun
    url = f"/api/diagnosis/cities/{other_city.slug}/upload"
    blob = workbook()
    first = client.post(url, {"files": SimpleUploadedFile("c.xlsx", blob)}).json()
    assert first["changed"] and first["counts"]["flows"]["created"] == 16
    again = client.post(url, {"files": SimpleUploadedFile("c.xlsx", blob)}).json()
    assert again["changed"] is False and again["already_uploaded_at"]
    assert DataUpload.objects.filter(city=other_city).count() == 1


def test_api_upload_junk_names_sheet_row_column(client, other_city, outsider):
    client.force_login(outsider)
    resp = client.post(f"/api/diagnosis/cities/{other_city.slug}/upload",
                       {"files": SimpleUploadedFile("c.xlsx", junk_workbook())})
    assert resp.status_code == 422
    errors = resp.json()["errors"]
    assert {"sheet": "flows", "row": 2, "column": "value"} in [
        {k: e[k] for k in ("sheet", "row", "column")} for e in errors]
    assert not MetabolismFlow.objects.filter(city=other_city).exists()


def test_api_put_value_rules(client, city, owner):
    client.force_login(owner)
    url = f"/api/diagnosis/cities/{city.slug}/indicators/MF-CMU/2022"
    # MF-CMU 2022 is a proxy for Amsterdam: a typed value may replace it.
    resp = client.put(url, data=json.dumps({"value": 31.0, "source": "CBS", "quality": "measured"}),
                      content_type="application/json")
    assert resp.status_code == 200 and resp.json()["quality"] == "measured"
    # SW-RECYCLING is computed: refused unless override.
    url = f"/api/diagnosis/cities/{city.slug}/indicators/SW-RECYCLING/2022"
    body = {"value": 31.0, "source": "CBS", "quality": "measured"}
    resp = client.put(url, data=json.dumps(body), content_type="application/json")
    assert resp.status_code == 422 and "override" in resp.json()["detail"]
    resp = client.put(url, data=json.dumps(body | {"override": True}), content_type="application/json")
    assert resp.status_code == 200
    resp = client.put(f"/api/diagnosis/cities/{city.slug}/indicators/NOPE/2022", data=json.dumps(body),
                      content_type="application/json")
    assert resp.status_code == 404
