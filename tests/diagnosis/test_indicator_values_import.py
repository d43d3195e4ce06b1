"""Values of city indicators from a table: all or nothing, problems by row and column."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from circularcities.core.errors import DataImportError
from circularcities.diagnosis.imports import import_indicator_values
from circularcities.diagnosis.models import IndicatorValue, IndicatorValueChange
from circularcities.diagnosis.services import save_indicator
from tests.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarterly(city, owner):
    return save_indicator(user=owner, city=city, code="Q-IND", names={"en": "Quarterly thing"}, unit="t",
                          direction="higher_is_better", frequency="quarterly")


HEADER = "indicator_code,year,period,value,quality,source\n"


def test_a_good_csv_writes_every_row_with_history(city, owner, quarterly):
    csv = HEADER + "Q-IND,2024,Q1,10,measured,report\nQ-IND,2024,2,12,estimated,report\nSW-RECYCLING,2023,,41,measured,stats\n"
    assert import_indicator_values(city, csv.encode(), "values.csv", user=owner) == {"changed": 3, "unchanged": 0}
    assert IndicatorValue.objects.get(indicator=quarterly, year=2024, period=2).quality == "estimated"
    assert IndicatorValueChange.objects.filter(indicator=quarterly, via="upload").count() == 2
    assert import_indicator_values(city, csv.encode(), "values.csv", user=owner) == {"changed": 0, "unchanged": 3}


def test_one_bad_row_writes_nothing_and_every_problem_is_located(city, owner, quarterly):
    csv = HEADER + ("Q-IND,2024,Q1,10,measured,report\n"
                    "Q-IND,2024,Q5,10,measured,report\n"
                    "NOPE,2024,,1,measured,report\n"
                    "Q-IND,2024,,3,measured,report\n"
                    "Q-IND,1800,Q2,abc,guess,\n"
                    "Q-IND,2024,Q1,11,measured,report\n")
    with pytest.raises(DataImportError) as exc:
        import_indicator_values(city, csv.encode(), "values.csv", user=owner)
    where = {(p.row, p.column) for p in exc.value.problems}
    assert {(3, "period"), (4, "indicator_code"), (5, "period"), (6, "year"), (6, "value"), (6, "quality"),
            (6, "source"), (7, "indicator_code")} <= where
    assert not IndicatorValue.objects.filter(indicator=quarterly).exists()


def test_a_row_the_service_refuses_rolls_back_the_rows_before_it(city, owner, quarterly):
    wb = Workbook()
    ws = wb.active
    ws.title = "values"
    ws.append(["indicator_code", "year", "period", "value", "quality", "source"])
    ws.append(["Q-IND", 2024, 1, 10, "measured", "report"])
    ws.append(["SW-RECYCLING", 2024, None, 140, "measured", "report"])  # a share above 100 %
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(DataImportError) as exc:
        import_indicator_values(city, buf.getvalue(), "values.xlsx", user=owner)
    assert exc.value.problems[0].row == 3
    assert not IndicatorValue.objects.filter(indicator=quarterly).exists()


def test_another_citys_indicator_is_unknown_here(other_city, owner, quarterly):
    csv = HEADER + "Q-IND,2024,Q1,10,measured,report\n"
    with pytest.raises(DataImportError) as exc:
        import_indicator_values(other_city, csv.encode(), "values.csv", user=owner)
    assert exc.value.problems[0].column == "indicator_code"


def test_page_and_api(client, city, owner, outsider, quarterly):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = HEADER + "Q-IND,2024,Q9,10,measured,report\n"
    login(client, outsider)
    r = client.post(f"/diagnosis/{city.slug}/indicators/import/",
                    {"file": SimpleUploadedFile("v.csv", bad.encode())})
    assert r.status_code == 403
    login(client, owner)
    r = client.post(f"/diagnosis/{city.slug}/indicators/import/", {"file": SimpleUploadedFile("v.csv", bad.encode())})
    assert r.status_code == 400 and b"import-error" in r.content
    good = HEADER + "Q-IND,2024,Q3,10,measured,report\n"
    r = client.post(f"/api/diagnosis/cities/{city.slug}/indicator-values",
                    {"file": SimpleUploadedFile("v.csv", good.encode())})
    assert r.status_code == 200 and r.json() == {"changed": 1, "unchanged": 0}
    r = client.post(f"/api/diagnosis/cities/{city.slug}/indicator-values",
                    {"file": SimpleUploadedFile("v.csv", bad.encode())})
    assert r.status_code == 422 and r.json()["errors"][0]["row"] == 2
