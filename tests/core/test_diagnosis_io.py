"""Diagnosis workbook/CSV exchange: template, round trip, every problem located, junk."""

from __future__ import annotations

import datetime as dt
import io
import string
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circularcities.core.diagnosis_io import (
    COLUMNS,
    EXAMPLE_MARK,
    EXAMPLES,
    DiagnosisData,
    FlowRow,
    IndicatorRow,
    MaturityRow,
    StockRow,
    read_csv_directory,
    read_csv_files,
    read_workbook,
    write_template,
    write_workbook,
)
from circularcities.core.errors import DataImportError
from circularcities.core.maturity import R_STRATEGIES

DEMO = Path(__file__).resolve().parents[2] / "src" / "circularcities" / "data" / "diagnosis_demo"


def sample() -> DiagnosisData:
    return DiagnosisData(
        flows=[FlowRow("environment", "imports", 2020, "material", "paper", 10.5, "t", "survey", "measured"),
               FlowRow("imports", "landfill", 2020, "material", "paper", 10.5, "t", "", "estimated")],
        stocks=[StockRow("landfill", 2020, "material", "paper", 10.5, "t", "survey", "estimated")],
        indicators=[IndicatorRow("SW-RECYCLING", 2020, 31.2, "%", "city report", "measured"),
                    IndicatorRow("MF-CMU", 2021, 12.0, "%", "Eurostat NL", "proxy")],
        maturity=[MaturityRow(dt.date(2023, 5, 1), "city", r, i % 5 + 1, "note" if i == 0 else "")
                  for i, r in enumerate(R_STRATEGIES)])


def test_template_layout():
    buf = io.BytesIO()
    write_template(buf)
    wb = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    assert wb.sheetnames[:5] == ["README", "flows", "stocks", "indicators", "maturity"]
    for sheet, cols in COLUMNS.items():
        assert [c.value for c in wb[sheet][1]] == list(cols)
    readme = [row[1] for row in wb["README"].iter_rows(values_only=True) if row and row[1]]
    assert any("表头" in str(text) for text in readme)
    # the example rows are refused as they are (a template uploaded unchanged replaces nothing) ...
    with pytest.raises(DataImportError) as exc:
        read_workbook(io.BytesIO(buf.getvalue()))
    assert len(exc.value.problems) == sum(len(rows) for rows in EXAMPLES.values())
    assert "example row" in str(exc.value.problems[0])
    # ... and are valid data once the EXAMPLE mark is gone
    for sheet in COLUMNS:
        for row in wb[sheet].iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(EXAMPLE_MARK):
                    cell.value = cell.value.removeprefix(EXAMPLE_MARK).lstrip(" –")
    fixed = io.BytesIO()
    wb.save(fixed)
    example = read_workbook(io.BytesIO(fixed.getvalue()))
    assert len(example.flows) == len(EXAMPLES["flows"]) and len(example.maturity) == len(R_STRATEGIES)
    # drop-down lists on process ids (inline or on the lists sheet), units and quality
    flows = {str(dv.sqref): dv.formula1 for dv in wb["flows"].data_validations.dataValidation if dv.type == "list"}
    assert "incineration_energy_recovery" in flows["A2:A10000"] and "measured" in flows["I2:I10000"]
    codes = {str(dv.sqref): dv.formula1 for dv in wb["indicators"].data_validations.dataValidation}["A2:A10000"]
    assert codes.startswith("lists!") and "MF-CMU" in [c.value for c in wb["lists"]["A"]]


def test_template_without_examples_is_empty():
    buf = io.BytesIO()
    write_template(buf, examples=False)
    assert read_workbook(io.BytesIO(buf.getvalue())) == DiagnosisData()


def test_round_trip(tmp_path):
    data = sample()
    write_workbook(data, tmp_path / "d.xlsx")
    assert read_workbook(tmp_path / "d.xlsx") == data
    assert [a.levels["rethink"] for a in data.assessments()] == [1]
    assert data.indicator_values()["MF-CMU"][2021].quality == "proxy"
    data.to_metabolism().check_mass_balance()


def _workbook_with(rows: dict[str, list[list]]) -> io.BytesIO:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, cols in COLUMNS.items():
        ws = wb.create_sheet(sheet)
        for row in rows.get(sheet, [list(cols)]):
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def test_every_problem_is_located():
    f = list(COLUMNS["flows"])
    good = ["environment", "imports", 2020, "material", "paper", 1, "t", "", "measured"]
    buf = _workbook_with({
        "flows": [f, good,
                  ["nowhere", "imports", 2020, "material", "paper", 1, "t", "", "measured"],  # row 3
                  ["environment", "imports", 1850, "material", "glass", 1, "t", "", "measured"],  # 4
                  ["environment", "imports", 2020, "material", "wood", "lots", "t", "", "measured"],  # 5
                  ["environment", "imports", 2020, "material", "iron", -4, "t", "", "measured"],  # 6
                  ["environment", "imports", 2020, "material", "sand", 4, "t", "", "guessed"],  # 7
                  good,  # 8: duplicate of row 2
                  ["environment", "imports", 2020, "energy", "heat", 4, "t", "", "measured"]],  # 9
        "stocks": [["process", "year", "layer", "material", "unit", "quality"]],  # no stock_change
        "indicators": [list(COLUMNS["indicators"]),
                       ["NOPE-1", 2020, 3, "%", "", "measured"],  # 2
                       ["SW-RECYCLING", 2020, 3, "t", "", "measured"],  # 3
                       ["SW-RECYCLING", 2021, -3, "%", "", "measured"],  # 4
                       ["MF-STOCK-ADD-CAP", 2021, -0.3, "t/cap/yr", "", "estimated"]],  # 5: fine
        "maturity": [list(COLUMNS["maturity"]),
                     ["2023-01-01", "city", "rethink", 3, ""],  # 2: incomplete assessment
                     ["2023-01-01", "city", "redesign", 7, ""],  # 3
                     ["someday", "city", "repair", 2, ""]],  # 4
    })
    with pytest.raises(DataImportError) as info:
        read_workbook(buf)
    got = {(p.sheet, p.row, p.column) for p in info.value.problems}
    assert got == {
        ("flows", 3, "origin"), ("flows", 4, "year"), ("flows", 5, "value"), ("flows", 6, "value"),
        ("flows", 7, "quality"), ("flows", 8, "origin"), ("flows", 9, "unit"),
        ("stocks", 1, "stock_change"),
        ("indicators", 2, "indicator_code"), ("indicators", 3, "unit"), ("indicators", 4, "value"),
        ("maturity", 2, "r"), ("maturity", 3, "level"), ("maturity", 4, "assessment_date"),
    }
    text = {str(p) for p in info.value.problems}
    assert "Sheet 'flows', row 8, column A 'origin': Expected one row per origin, destination, year, " \
           "layer, material; this repeats row 2." in text
    assert any("Expected unit '%' for SW-RECYCLING" in t for t in text)


def test_missing_sheet_and_not_a_workbook():
    wb = openpyxl.Workbook()
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(DataImportError) as info:
        read_workbook(io.BytesIO(buf.getvalue()))
    assert {p.sheet for p in info.value.problems} == set(COLUMNS)
    with pytest.raises(DataImportError, match="Excel"):
        read_workbook(io.BytesIO(b"not a zip file at all"))


def test_csv_files(tmp_path):
    for sheet, cols in COLUMNS.items():
        (tmp_path / f"{sheet}.csv").write_text(",".join(cols) + "\n", encoding="utf-8")
    (tmp_path / "flows.csv").write_text(
        ",".join(COLUMNS["flows"]) + "\nenvironment,imports,2020,material,paper,5,t,x,measured\n"
        "environment,imports,2020,material,glass,five,t,x,measured\n", encoding="utf-8")
    with pytest.raises(DataImportError) as info:
        read_csv_directory(tmp_path)
    assert [(p.sheet, p.row, p.column) for p in info.value.problems] == [("flows", 3, "value")]
    (tmp_path / "flows.csv").write_text(",".join(COLUMNS["flows"]) + "\n", encoding="utf-8")
    assert read_csv_directory(tmp_path) == DiagnosisData()
    files = {s: io.BytesIO((",".join(c) + "\n").encode()) for s, c in COLUMNS.items()}
    assert read_csv_files(files) == DiagnosisData()


@pytest.mark.parametrize("city", ["amsterdam", "yokohama", "beijing"])
def test_demo_workbooks_pass_import_and_balance(city):
    data = read_workbook(DEMO / f"{city}.xlsx")
    model = data.to_metabolism()
    model.check_mass_balance(tolerance=1e-6, atol=0.05)
    assert len(model.years) >= 10 and len({f.material for f in data.flows}) >= 5
    assert data.stocks and len(data.indicators) >= 15
    assert len({(r.indicator_code, r.year) for r in data.indicators}) >= 15
    assert len({r.year for r in data.indicators}) >= 5
    assert 1 <= len(data.assessments()) <= 2
    assert all(r.quality in {"estimated", "proxy", "computed", "measured"} and r.source
               for r in [*data.flows, *data.stocks, *data.indicators])
    assert all(r.quality in {"estimated", "proxy"} for r in [*data.flows, *data.stocks])


# -- junk: every input either parses or raises DataImportError ------------------------------
cell = st.one_of(
    st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=string.printable.strip() + " 中文é", max_size=12),
    st.sampled_from(["environment", "imports", "landfill", "material", "t", "2020", "measured",
                     "SW-RECYCLING", "%", "city", "rethink", "3", "2023-01-01", "-1", "nan"]),
    st.dates(dt.date(1800, 1, 1), dt.date(2200, 1, 1)), st.booleans())


@st.composite
def junk_sheets(draw):
    rows = {}
    for sheet, cols in COLUMNS.items():
        header = draw(st.one_of(st.just(list(cols)), st.permutations(list(cols)),
                                st.lists(cell, max_size=10)))
        body = draw(st.lists(st.lists(cell, max_size=11), max_size=6))
        rows[sheet] = [header, *body]
    return rows


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(junk_sheets())
def test_junk_workbooks_parse_or_raise_data_import_error(rows):
    buf = _workbook_with(rows)
    try:
        data = read_workbook(buf)
    except DataImportError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
    else:
        assert isinstance(data, DiagnosisData)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from(list(COLUMNS)), st.text(max_size=200)))
def test_junk_csv_parse_or_raise_data_import_error(texts):
    try:
        read_csv_files({s: io.StringIO(t) for s, t in texts.items()})
    except DataImportError as exc:
        assert exc.problems


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_junk_bytes_raise_data_import_error(blob):
    with pytest.raises(DataImportError):
        read_workbook(io.BytesIO(blob))
