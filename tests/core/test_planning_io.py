"""Reading progress files (core.planning.progress_io): every problem located, junk refused."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from circularcities.core.errors import DataImportError
from circularcities.core.planning import Quarter, read_progress

GOOD = (b"project,quarter,indicator,value,currency,note\n"
        b"crc,2024-Q1,items_refurbished,250,,first\n"
        b"crc,2024-Q1,funding_raised,1000,brl,\n")


def test_reads_a_good_csv():
    rows = read_progress(GOOD)
    assert [(r.row, r.project, r.quarter, r.indicator, r.value, r.currency) for r in rows] == [
        (2, "crc", Quarter(2024, 1), "items_refurbished", 250.0, ""),
        (3, "crc", Quarter(2024, 1), "funding_raised", 1000.0, "BRL")]


def test_reads_excel():
    wb = Workbook()
    ws = wb.active
    ws.title = "progress"
    ws.append(["Project", "Quarter", "Indicator", "Value"])
    ws.append(["crc", "2024-Q2", "people_trained", 40])
    buf = io.BytesIO()
    wb.save(buf)
    (row,) = read_progress(buf.getvalue(), "p.xlsx")
    assert (row.quarter, row.value) == (Quarter(2024, 2), 40.0)


def test_every_bad_row_is_reported_with_row_and_column():
    data = (b"project,quarter,indicator,value,currency\n"
            b"crc,2024-Q9,items_refurbished,1,\n"
            b",2024-Q1,items_refurbished,1,\n"
            b"crc,2024-Q1,smiles,1,\n"
            b"crc,2024-Q1,items_refurbished,-3,\n"
            b"crc,2024-Q1,funding_raised,10,\n"
            b"crc,2024-Q1,people_trained,5,\n"
            b"crc,2024-Q1,people_trained,6,\n")
    with pytest.raises(DataImportError) as exc:
        read_progress(data)
    located = [(p.row, p.column) for p in exc.value.problems]
    assert located == [(2, "quarter"), (3, "project"), (4, "indicator"), (5, "value"), (6, "currency"), (8, None)]
    assert "Row 8" in str(exc.value.problems[-1]) and "row 7" in str(exc.value.problems[-1])


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"project,quarter\nx,2024-Q1\n", "Expected a column 'indicator' in the header row"),
    (b"\xff\xfe\x00garbage", "UTF-8"),
])
def test_file_level_problems(data, message):
    with pytest.raises(DataImportError, match=message):
        read_progress(data)


def test_broken_excel():
    with pytest.raises(DataImportError, match="Excel"):
        read_progress(b"not a zip", "x.xlsx")


@settings(max_examples=150, derandomize=True)
@given(st.binary(max_size=400))
def test_junk_bytes_never_crash(data):
    try:
        read_progress(data)
    except DataImportError as exc:
        assert exc.problems


@settings(max_examples=150, derandomize=True)
@given(st.lists(st.lists(st.text(max_size=12), min_size=4, max_size=4), max_size=8))
def test_junk_rows_give_rows_or_located_problems(rows):
    import csv

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["project", "quarter", "indicator", "value"])
    w.writerows(rows)
    try:
        out = read_progress(buf.getvalue().encode())
    except DataImportError as exc:
        assert all(p.row is None or p.row >= 1 for p in exc.problems)
    else:
        assert all(r.value >= 0 for r in out)
