"""Imports: validated row by row, all or nothing, the same file twice changes nothing."""

import io
import zipfile

import pytest

from circularcities.core.errors import DataImportError
from circularcities.core.indicators import CityFacts, compute_indicators
from circularcities.diagnosis.imports import import_file, read_files, recompute_indicators
from circularcities.diagnosis.models import (
    DataUpload,
    IndicatorValue,
    IndicatorValueChange,
    MaturityAssessment,
    MetabolismFlow,
    MetabolismStock,
    Quality,
)
from circularcities.diagnosis.services import set_value
from tests.diagnosis.helpers import data, junk_workbook, workbook

pytestmark = pytest.mark.django_db


def counts(city):
    return (MetabolismFlow.objects.filter(city=city).count(), MetabolismStock.objects.filter(city=city).count(),
            IndicatorValue.objects.filter(city=city).count(), IndicatorValueChange.objects.filter(city=city).count(),
            MaturityAssessment.objects.filter(city=city).count(), DataUpload.objects.filter(city=city).count())


def test_import_writes_flows_stocks_assessments_and_computed_indicators(other_city):
    result = import_file(other_city, read_files([("c.xlsx", workbook())]))
    assert result.changed and result.imbalances == []
    assert MetabolismFlow.objects.filter(city=other_city).count() == 16
    assert MetabolismStock.objects.filter(city=other_city).count() == 2
    assert MaturityAssessment.objects.filter(city=other_city).count() == 2
    rec = IndicatorValue.objects.get(city=other_city, indicator_id="SW-RECYCLING", year=2021)
    assert rec.quality == Quality.COMPUTED and rec.value == pytest.approx(50.0)
    upload = DataUpload.objects.get(city=other_city)
    assert upload.file_name == "c.xlsx" and len(upload.checksum) == 64
    assert upload.summary["counts"]["flows"]["created"] == 16


def test_computed_values_equal_core_indicators(other_city):
    d = data()
    import_file(other_city, read_files([("c.xlsx", workbook(d))]))
    facts = CityFacts(population=float(other_city.population))
    expected = {(r.code, r.year): r.value for r in compute_indicators(d.to_metabolism(), facts) if r.ok}
    stored = {(v.indicator_id, v.year): v.value for v in IndicatorValue.objects.filter(city=other_city)}
    assert expected and set(expected) <= set(stored)
    for key, value in expected.items():
        assert stored[key] == pytest.approx(value, rel=1e-5), key


def test_same_file_twice_changes_nothing_and_says_so(other_city):
    blob = workbook()
    import_file(other_city, read_files([("c.xlsx", blob)]))
    before = counts(other_city)
    again = import_file(other_city, read_files([("renamed.xlsx", blob)]))
    assert again.already is not None and not again.changed
    assert counts(other_city) == before


def test_other_file_with_same_content_changes_nothing(other_city):
    import_file(other_city, read_files([("c.xlsx", workbook())]))
    before = counts(other_city)
    # Same rows, different bytes (a CSV export of the flows sheet only).
    csv = "origin,destination,year,layer,material,value,unit,source,quality\n" + "".join(
        f"{f.origin},{f.destination},{f.year},{f.layer},{f.material},{f.value},{f.unit},{f.source},{f.quality}\n"
        for f in data().flows)
    result = import_file(other_city, read_files([("flows.csv", csv.encode())]))
    assert result.already is None and not result.changed
    assert counts(other_city)[:5] == before[:5]


@pytest.mark.parametrize("files,where", [
    ([("c.xlsx", junk_workbook())], ("flows", 2, "value")),
    ([("c.xlsx", b"not a workbook")], (None, None, None)),
    ([("notes.txt", b"hello")], (None, None, None)),
    ([("flows.csv", b"origin,destination,year\nimports,consumption,2020\n")], ("flows", 1, "layer")),
    ([("flows.csv", b"origin,destination,year,layer,material,value,unit,source,quality\n"
                    b"imports,consumption,2020,material,paper,-5,t,x,measured\n")], ("flows", 2, "value")),
    ([("cakes.csv", b"a,b\n")], (None, None, None)),
])
def test_junk_rejected_with_location_and_nothing_written(other_city, files, where):
    before = counts(other_city)
    with pytest.raises(DataImportError) as exc:
        import_file(other_city, read_files(files))
    first = exc.value.problems[0]
    assert (first.sheet, first.row, first.column) == where
    assert counts(other_city) == before


def test_junk_workbook_lists_every_problem(other_city):
    with pytest.raises(DataImportError) as exc:
        read_files([("c.xlsx", junk_workbook())])
    places = {(p.sheet, p.row, p.column) for p in exc.value.problems}
    assert {("flows", 2, "value"), ("stocks", 3, "layer"), ("maturity", 4, "level")} <= places


def test_failure_midway_rolls_back_everything(other_city, monkeypatch):
    import circularcities.diagnosis.imports as imports

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "_import_assessments", boom)
    before = counts(other_city)
    with pytest.raises(RuntimeError):
        import_file(other_city, read_files([("c.xlsx", workbook())]))
    assert counts(other_city) == before


def test_year_and_layer_in_file_replace_stored_flows(other_city):
    import_file(other_city, read_files([("a.xlsx", workbook(data(materials=("paper", "glass"))))]))
    assert MetabolismFlow.objects.filter(city=other_city, material="glass").count() == 16
    result = import_file(other_city, read_files([("b.xlsx", workbook(data(years=(2021,), scale=2.0)))]))
    assert result.counts["flows"]["removed"] == 8  # glass of 2021
    assert result.counts["flows"]["changed"] == 8  # paper of 2021 doubled
    assert MetabolismFlow.objects.filter(city=other_city, year=2020, material="glass").count() == 8


def test_csv_files_import_like_the_workbook(other_city):
    d = data(maturity=False)
    flows_csv = "origin,destination,year,layer,material,value,unit,source,quality\n" + "".join(
        f"{f.origin},{f.destination},{f.year},{f.layer},{f.material},{f.value},{f.unit},{f.source},{f.quality}\n"
        for f in d.flows)
    stocks_csv = "process,year,layer,material,stock_change,unit,source,quality\n" + "".join(
        f"{s.process},{s.year},{s.layer},{s.material},{s.stock_change},{s.unit},{s.source},{s.quality}\n"
        for s in d.stocks)
    read = read_files([("flows.csv", flows_csv.encode("utf-8-sig")), ("stocks.csv", stocks_csv.encode())])
    assert read.kind == "csv" and sorted(read.empty_sheets) == ["indicators", "maturity"]
    result = import_file(other_city, read)
    assert result.changed and not result.imbalances
    assert MetabolismFlow.objects.filter(city=other_city).count() == 16


def test_typed_value_is_never_overwritten_by_the_model(other_city, owner):
    import_file(other_city, read_files([("c.xlsx", workbook())]))
    set_value(other_city, "SW-RECYCLING", 2021, 61.0, source="city statistics", quality="measured",
              user=owner, via="form")
    result = recompute_indicators(other_city)
    assert result["counts"]["kept"] >= 1
    v = IndicatorValue.objects.get(city=other_city, indicator_id="SW-RECYCLING", year=2021)
    assert (v.value, v.quality) == (61.0, "measured")


def test_uploaded_typed_value_wins_and_computed_rows_are_left_to_the_model(other_city):
    d = data(indicators=[("SW-RECYCLING", 2020, 44.0, "%", "national proxy", "proxy"),
                         ("SW-LANDFILL", 2020, 99.0, "%", "someone's sheet", "computed"),
                         ("EN-RENEWABLE", 2020, 12.5, "%", "energy office", "estimated")])
    result = import_file(other_city, read_files([("c.xlsx", workbook(d))]))
    assert result.counts["indicators"]["left_to_model"] == 1
    got = {v.indicator_id: (v.value, v.quality) for v in IndicatorValue.objects.filter(city=other_city, year=2020)}
    assert got["SW-RECYCLING"] == (44.0, "proxy")
    assert got["SW-LANDFILL"] == (pytest.approx(50.0), "computed")  # from the flows, not the typed 99
    assert got["EN-RENEWABLE"] == (12.5, "estimated")


def test_demo_cities_have_full_diagnoses(demo):
    from circularcities.coalition.models import City

    for slug in ("amsterdam", "yokohama", "beijing"):
        city = City.objects.get(slug=slug)
        assert MetabolismFlow.objects.filter(city=city).count() > 500
        assert IndicatorValue.objects.filter(city=city, quality="computed").count() > 100
        assert MaturityAssessment.objects.filter(city=city).exists()
    ams = City.objects.get(slug="amsterdam")
    assert IndicatorValue.objects.get(city=ams, indicator_id="MF-CMU", year=2020).quality == "proxy"


def test_demo_load_twice_changes_nothing(demo):
    from circularcities.diagnosis import demo as diagnosis_demo

    before = (MetabolismFlow.objects.count(), IndicatorValueChange.objects.count(), DataUpload.objects.count())
    diagnosis_demo.load(log=lambda *a: None)
    assert (MetabolismFlow.objects.count(), IndicatorValueChange.objects.count(), DataUpload.objects.count()) == before


def test_csv_template_zip_has_the_four_sheets(client):
    resp = client.get("/diagnosis/template-csv.zip")
    names = zipfile.ZipFile(io.BytesIO(resp.content)).namelist()
    assert sorted(names) == ["flows.csv", "indicators.csv", "maturity.csv", "stocks.csv"]


def test_excel_template_has_examples_that_are_refused_as_they_are(client):
    from circularcities.core.diagnosis_io import EXAMPLES, read_workbook
    from circularcities.core.errors import DataImportError

    resp = client.get("/diagnosis/template.xlsx")
    assert resp.status_code == 200
    with pytest.raises(DataImportError) as exc:
        read_workbook(io.BytesIO(resp.content))
    assert {p.sheet for p in exc.value.problems} == set(EXAMPLES)
