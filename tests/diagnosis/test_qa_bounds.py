"""Regression tests of the QA pass: bounds on values, years and assessment dates; file type message;
labels of the Chinese pages."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.utils import translation

from circularcities.core.diagnosis_io import MaturityRow, write_workbook
from circularcities.core.errors import DataImportError, ValidationError
from circularcities.core.maturity import R_STRATEGIES
from circularcities.diagnosis.imports import import_file, read_files
from circularcities.diagnosis.models import IndicatorValue, MaturityAssessment
from circularcities.diagnosis.services import set_value
from tests.diagnosis import helpers

pytestmark = pytest.mark.django_db

SHARE = "SW-RECYCLING"  # unit %


def _edit(client, city, **extra):
    data = {"indicator": SHARE, "year": 2024, "value": "50", "quality": "measured", "source": "QA"} | extra
    return client.post(f"/diagnosis/{city.slug}/values/edit/", data)


@pytest.mark.parametrize("value", ["1e308", "101", "-1"])
def test_value_form_refuses_shares_outside_0_100_and_huge_numbers(client, city, owner, value):
    client.force_login(owner)
    resp = _edit(client, city, value=value)
    assert resp.status_code == 400 and "value" in resp.context["form"].errors
    assert not IndicatorValue.objects.filter(city=city, indicator_id=SHARE, year=2024).exists()


def test_value_form_refuses_a_huge_number_for_an_absolute_indicator(client, city, owner):
    client.force_login(owner)
    resp = _edit(client, city, indicator="MF-DMC", value="1e300")
    assert resp.status_code == 400 and "value" in resp.context["form"].errors


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"value": 1e308}, "value"), ({"value": 100.5}, "value"), ({"value": float("nan")}, "value"),
    ({"year": 99999}, "year"), ({"year": 1899}, "year"),
])
def test_set_value_refuses_out_of_bounds_naming_the_field(city, kwargs, field):
    args = {"year": 2024, "value": 50.0} | kwargs
    with pytest.raises(ValidationError, match=f"Field '{field}'"):
        set_value(city, SHARE, args["year"], args["value"], source="QA")
    set_value(city, SHARE, 2024, 100.0, source="QA")  # the bounds themselves are fine
    set_value(city, "MF-DMC", 2024, -1e15, source="QA")


def _put(client, city, code, year, value):
    return client.put(f"/api/diagnosis/cities/{city.slug}/indicators/{code}/{year}",
                      json.dumps({"value": value, "source": "QA", "quality": "measured"}),
                      content_type="application/json")


def test_api_refuses_a_year_outside_1900_2100(client, city, owner):
    client.force_login(owner)
    resp = _put(client, city, "ECO-CIRCULAR-JOBS", 99999, 5)
    assert resp.status_code == 422 and "year" in resp.json()["detail"]
    assert not IndicatorValue.objects.filter(city=city, year=99999).exists()


def test_api_refuses_a_share_above_100(client, city, owner):
    client.force_login(owner)
    resp = _put(client, city, SHARE, 2024, 1e308)
    assert resp.status_code == 422 and "value" in resp.json()["detail"]


def _xlsx(data) -> bytes:
    buf = io.BytesIO()
    write_workbook(data, buf)
    return buf.getvalue()


def test_upload_refuses_a_share_above_100(other_city):
    data = helpers.data(indicators=[(SHARE, 2019, 1e308, "%", "QA", "measured")])
    with pytest.raises(DataImportError) as info:
        import_file(other_city, read_files([("d.xlsx", _xlsx(data))]))
    p = info.value.problems[0]
    assert p.sheet == "indicators" and p.column == "value" and "0 and 100" in p.message
    assert not IndicatorValue.objects.filter(city=other_city, year=2019).exists()


def test_upload_refuses_a_future_assessment(other_city):
    data = helpers.data()
    data.maturity += [MaturityRow(dt.date(3024, 1, 1), "city", r, 3, "") for r in R_STRATEGIES]
    with pytest.raises(DataImportError) as info:
        import_file(other_city, read_files([("d.xlsx", _xlsx(data))]))
    assert info.value.problems[0].column == "assessment_date"
    assert not MaturityAssessment.objects.filter(city=other_city, date=dt.date(3024, 1, 1)).exists()


@pytest.mark.parametrize("date", ["3024-01-01", "0001-01-01", "1989-12-31"])
def test_assessment_form_refuses_future_and_ancient_dates(client, city, owner, date):
    client.force_login(owner)
    form = {"date": date, "subject": "city"} | {f"level_{r}": 3 for r in R_STRATEGIES}
    resp = client.post(f"/diagnosis/{city.slug}/maturity/new/", form)
    assert resp.status_code == 400 and "date" in resp.context["form"].errors
    assert not MaturityAssessment.objects.filter(city=city, date=date).exists()


@pytest.mark.parametrize("blob", [b"\x00\x01\x02random bytes" * 10, b"flows,stocks\n1,2\n"])
def test_a_file_named_xlsx_that_is_not_a_workbook_gets_a_plain_message(client, city, owner, blob):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(DataImportError) as info:
        read_files([("data.xlsx", blob)])
    assert "not an Excel workbook (.xlsx)" in info.value.problems[0].message
    assert "zip file" not in str(info.value)
    client.force_login(owner)
    resp = client.post(f"/zh-hans/diagnosis/{city.slug}/upload/",
                       {"files": SimpleUploadedFile("data.xlsx", blob)})
    html = resp.content.decode()
    assert resp.status_code == 400 and "not a zip file" not in html and "不是 Excel 工作簿" in html


def test_chinese_pages_translate_regions_qualities_and_vias(client, city):
    set_value(city, SHARE, 2023, 40.0, source="QA", quality="measured", via="api")
    html = client.get("/zh-hans/diagnosis/").content.decode()
    assert "欧洲" in html and ">Europe<" not in html
    html = client.get(f"/zh-hans/diagnosis/{city.slug}/history/?code={SHARE}").content.decode()
    rows = html[html.index("<tbody"):]
    assert ">measured<" not in rows and ">api<" not in rows and "实测" in rows


def test_layer_picker_is_translated(client):
    html = client.get("/zh-hans/diagnosis/amsterdam/").content.decode()
    picker = html[html.index('data-testid="pick-layer"'):]
    picker = picker[:picker.index("</select>")]
    with translation.override("en"):
        assert ">materials<" not in picker
    assert "物质" in picker
