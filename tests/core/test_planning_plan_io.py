"""Reading targets and measures files (core.planning.plan_io) on the shared table reader."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from circularcities.core.errors import DataImportError
from circularcities.core.planning.plan_io import read_measures, read_targets

REFS = {"indicators": {"SW-RECYCLING"}, "programmes": {"fund"}, "areas": {"buildings"}}
MREFS = {"areas": {"buildings"}, "r_strategies": {"repair", "reuse"}}


def test_reads_targets_of_both_kinds():
    data = (b"indicator,programme,programme_indicator,baseline_year,baseline_value,target_year,target_value,points\n"
            b"SW-RECYCLING,,,2020,25,2030,50,2025: 35\n"
            b",fund,Items_Refurbished,2023,800,2026,1200,\n")
    a, b = read_targets(data, "t.csv", **REFS)
    assert (a.indicator, a.points, a.target_value) == ("SW-RECYCLING", [[2025.0, 35.0]], 50.0)
    assert (b.programme, b.programme_indicator, b.baseline_year) == ("fund", "items_refurbished", 2023)


def test_every_bad_target_row_is_located():
    data = (b"indicator,programme,programme_indicator,baseline_year,baseline_value,target_year,target_value,area\n"
            b"SW-RECYCLING,fund,,2020,1,2030,2,\n"
            b"NOPE,,,2020,1,2030,2,\n"
            b",other,jobs_created,2020,1,2030,2,\n"
            b",fund,smiles,2020,1,2030,2,\n"
            b"SW-RECYCLING,,,twenty,1,2030,2,\n"
            b"SW-RECYCLING,,,2020,1,2010,2,\n"
            b"SW-RECYCLING,,,2020,1,2031,x,\n"
            b"SW-RECYCLING,,,2020,1,2032,3,parks\n"
            b"SW-RECYCLING,,,2021,1,2033,3,\n"
            b"SW-RECYCLING,,,2022,1,2033,4,\n")
    with pytest.raises(DataImportError) as exc:
        read_targets(data, "t.csv", **REFS)
    located = [(p.row, p.column) for p in exc.value.problems]
    assert located == [(2, "indicator"), (3, "indicator"), (4, "programme"), (5, "programme_indicator"),
                       (6, "baseline_year"), (7, "target_year"), (8, "target_value"), (9, "area"), (11, None)]
    assert str(exc.value.problems[-1]).startswith("Row 11: Same indicator and target year as row 10")


def test_reads_measures_from_excel_and_checks_them():
    wb = Workbook()
    ws = wb.active
    ws.title = "measures"
    ws.append(["Code", "Title_EN", "status", "budget", "currency", "start", "end", "r_strategies"])
    ws.append(["M-1", "Repair cafés", "Started", 5000, "eur", "2024-01-01", "2025-01-01", "repair; reuse"])
    buf = io.BytesIO()
    wb.save(buf)
    (m,) = read_measures(buf.getvalue(), "m.xlsx", **MREFS)
    assert (m.code, m.status, m.budget, m.currency, m.r_strategies) == (
        "M-1", "started", 5000.0, "EUR", ("repair", "reuse"))
    assert m.start.isoformat() == "2024-01-01"
    bad = (b"code,title_en,status,budget,currency,start,end,r_strategies,area\n"
           b"M-1,,done,-5,,2024-13-01,,rethink,parks\n"
           b"M-2,Ok,,10,,2024-05-01,2024-01-01,,\n"
           b"M-2,Again,,,,,,,\n")
    with pytest.raises(DataImportError) as exc:
        read_measures(bad, "m.csv", **MREFS)
    located = [(p.row, p.column) for p in exc.value.problems]
    assert located == [(2, "title_en"), (2, "area"), (2, "r_strategies"), (2, "status"), (2, "budget"),
                       (2, "start"), (3, "currency"), (3, "end"), (4, "code")]


@settings(max_examples=100, derandomize=True)
@given(st.binary(max_size=300))
def test_junk_never_crashes(data):
    for read, refs in ((read_targets, REFS), (read_measures, MREFS)):
        try:
            read(data, "x.csv", **refs)
        except DataImportError as exc:
            assert exc.problems


def test_text_columns_follow_the_languages_given():
    data = "code,title_en,title_ko,description_ja\nM-1,Repair,수리,修理の説明\n".encode()
    (m,) = read_measures(data, "m.csv", **MREFS, languages=("en", "zh", "ja", "ko"))
    assert m.texts == {"title_en": "Repair", "title_ko": "수리", "description_ja": "修理の説明"}  # only the columns given
    (m,) = read_measures(data, "m.csv", **MREFS, languages=("en", "zh"))
    assert m.texts == {"title_en": "Repair"}  # not a platform language: the column is not read
    t = (b"indicator,baseline_year,baseline_value,target_year,target_value,title_ja\n"
         b"SW-RECYCLING,2020,1,2030,2," + "半分".encode() + b"\n")
    (row,) = read_targets(t, "t.csv", **REFS, languages=("en", "ja"))
    assert row.texts == {"title_ja": "半分"} and row.title_en == ""
