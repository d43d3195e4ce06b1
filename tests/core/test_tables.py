"""The one table reader: formats, header, locations, limits, wrong files, junk."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from circularcities.core.errors import DataImportError
from circularcities.core.tables import Limits, column_letter, open_table, read_table


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def problems(call) -> list[str]:
    with pytest.raises(DataImportError) as info:
        call()
    return [str(p) for p in info.value.problems]


def test_csv_with_bom_semicolons_and_typed_xlsx_read_the_same():
    csv_bytes = "\ufeffid;Quantity T;when\nA;1,5;2024-01-02\n".encode()
    t = read_table(csv_bytes, "x.csv", None, ("id", "quantity_t"))
    assert t.sheet is None and [(r.number, r["id"], r["quantity_t"]) for r in t.rows] == [(2, "A", "1,5")]
    import datetime as dt
    data = xlsx({"points": [["id", "quantity_t", "when"], ["A", 1.5, dt.datetime(2024, 1, 2)]]})
    t = read_table(data, "x.xlsx", "points", ("id", "quantity_t"))
    (row,) = t.rows
    assert row.value("quantity_t") == 1.5 and row["when"] == "2024-01-02" and row["id"] == "A"


@pytest.mark.parametrize("encoding, delimiter", [("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t"),
                                                 ("gb18030", ","), ("utf-8", "|")])
def test_csv_encodings_and_delimiters(encoding, delimiter):
    text = delimiter.join(["id", "名称", "value"]) + "\n" + delimiter.join(["1", "混凝土", "2"]) + "\n"
    t = read_table(text.encode(encoding), "f.csv", None, ("id", "名称"))
    assert t.rows[0]["名称"] == "混凝土" and t.rows[0]["value"] == "2"


def test_header_row_found_below_title_rows_and_row_numbers_as_the_sheet_shows():
    data = xlsx({"targets": [["City of Example: targets"], [], ["Code", "Value"], ["a", 1], [], ["b", "x"]]})
    t = read_table(data, "t.xlsx", "targets", ("code", "value"))
    assert t.header_row == 3 and [r.number for r in t.rows] == [4, 6]
    assert str(t.problem("Expected a number.", 6, "value")) == \
        "Sheet 'targets', row 6, column B 'value': Expected a number."


def test_missing_column_names_the_header_row():
    texts = problems(lambda: read_table(b"id,lat\n1,2\n", "p.csv", None, ("id", "lat", "lon")))
    assert texts == ["Row 1, column 'lon': Expected a column 'lon' in the header row (columns: id, lat, lon)."]


def test_missing_sheet_is_named_with_the_sheets_there_are():
    data = xlsx({"Sheet1": [["id"], [1]]})
    assert problems(lambda: read_table(data, "x.xlsx", "points", ("id",))) == [
        "Sheet 'points': Expected a sheet named 'points'; the workbook's sheets are 'Sheet1'."]
    # A one-table file may fall back to its first sheet.
    assert read_table(data, "x.xlsx", "points", ("id",), first_sheet_fallback=True).sheet == "Sheet1"


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


# -- limits ---------------------------------------------------------------------------------
def test_row_limit_stops_reading_with_one_message():
    data = ("id\n" + "x\n" * 50).encode()
    assert problems(lambda: read_table(data, "f.csv", None, ("id",), limits=Limits(max_rows=20))) == [
        "The file has more than 20 rows (blank rows count too); delete unused rows, split it into several "
        "files or ask the platform's administrator to raise the limit."]
    wb = xlsx({"s": [["id"]] + [[i] for i in range(50)]})
    (text,) = problems(lambda: read_table(wb, "f.xlsx", "s", ("id",), limits=Limits(max_rows=20)))
    assert text.startswith("Sheet 's': The sheet has more than 20 rows")
    assert len(read_table(wb, "f.xlsx", "s", ("id",), limits=Limits(max_rows=51)).rows) == 50


def test_column_cell_and_byte_limits():
    wide = xlsx({"s": [["id"] + [f"c{i}" for i in range(30)], list(range(31))]})
    (text,) = problems(lambda: read_table(wide, "f.xlsx", "s", ("id",), limits=Limits(max_columns=10)))
    assert "more than 10 columns in row 1" in text
    csv_wide = ("id" + ",x" * 30 + "\n").encode()
    assert "more than 10 columns" in problems(lambda: read_table(csv_wide, "f.csv", None, ("id",),
                                                                 limits=Limits(max_columns=10)))[0]
    cells = xlsx({"s": [["id", "v"]] + [[i, i] for i in range(100)]})
    assert "more than 50 cells" in problems(lambda: read_table(cells, "f.xlsx", "s", ("id",),
                                                               limits=Limits(max_cells=50)))[0]
    assert "larger than 1 KB" in problems(lambda: read_table(b"id\n" + b"1\n" * 2000, "f.csv", None, ("id",),
                                                             limits=Limits(max_bytes=1024)))[0]
    # Trailing empty cells, as Excel exports them, are not columns.
    assert read_table(b"id,,,,,,,,,,,,,,\n1,,,,,,,,,,,,,\n", "f.csv", None, ("id",),
                      limits=Limits(max_columns=2)).rows[0]["id"] == "1"


def _bomb(rows: int, *, dimension: str = "A1:XFD1048576", width: int = 1) -> bytes:
    """A real workbook whose sheet XML is rewritten to declare ``rows`` rows (a few KB zipped)."""
    src = zipfile.ZipFile(io.BytesIO(xlsx({"points": [["id"]]})))
    out = io.BytesIO()
    cells = b"<c><v>1</v></c>" * width
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info, src.read(info.filename))
                continue
            with z.open(info.filename, "w") as fh:
                fh.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         b'<dimension ref="' + dimension.encode() + b'"/><sheetData>'
                         b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>')
                chunk = b"<row>" + cells + b"</row>"
                for _ in range(rows // 1000):
                    fh.write(chunk * 1000)
                fh.write(b"</sheetData></worksheet>")
    return out.getvalue()


@pytest.mark.parametrize("rows, width", [(3_000_000, 1), (2, 3_000_000)])
def test_zip_bomb_workbook_is_refused_fast_in_bounded_memory(rows, width):
    data = _bomb(rows, width=width) if width == 1 else _bomb(2_000, width=width // 2_000)
    assert len(data) < 400_000  # a small upload ...
    tracemalloc.start()
    started = time.process_time()  # CPU time: other processes on a busy machine do not count
    try:
        texts = problems(lambda: read_table(data, "bomb.xlsx", "points", ("id",)))
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.process_time() - started < 5  # ... refused within seconds (under tracemalloc's slowdown)
    assert peak < 60 * 1024 * 1024
    assert len(texts) == 1 and ("more than 100,000 rows" in texts[0] or "columns" in texts[0]), texts


def test_huge_gap_between_rows_is_refused():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "s"
    ws["A1"] = "id"
    ws["A1000000"] = "far away"
    buf = io.BytesIO()
    wb.save(buf)
    started = time.process_time()
    (text,) = problems(lambda: read_table(buf.getvalue(), "f.xlsx", "s", ("id",)))
    assert "more than 100,000 rows" in text and time.process_time() - started < 3


def test_many_shared_strings_are_refused_before_loading():
    src = zipfile.ZipFile(io.BytesIO(xlsx({"s": [["id"]]})))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info.filename))
        z.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   + "<si><t>x</t></si>" * 300 + "</sst>")
    data = buf.getvalue()
    assert "more than 100 distinct texts" in problems(
        lambda: open_table(data, "f.xlsx", limits=Limits(max_cells=100)))[0]


# -- files that are not what they claim -------------------------------------------------------
def _zip_of(name: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, "hello")
    return buf.getvalue()


@pytest.mark.parametrize("data, name, words", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "plan.xlsx", "PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "plan.xls", "Excel 97-2003 (.xls)"),
    (_zip_of("photo.jpg"), "plan.xlsx", "zip archive of other files"),
    (_zip_of("word/document.xml"), "plan.xlsx", "Word document"),
    (b"PK\x03\x04" + b"\x00" * 100, "plan.xlsx", "damaged"),
    (b"id,value\n1,2\n", "plan.xlsx", "not a workbook"),
    (bytes(range(256)) * 4, "data.csv", "not a CSV text file"),
    (b"", "data.csv", "empty"),
])
def test_wrong_files_give_one_sentence(data, name, words):
    texts = problems(lambda: read_table(data, name, "s", ("id",)))
    assert len(texts) == 1 and words in texts[0], texts


def test_workbook_where_csv_is_expected_and_csv_where_workbook_is():
    data = xlsx({"s": [["id"], [1]]})
    assert "expected a CSV file" in problems(lambda: read_table(data, "f.csv", None, ("id",), formats=("csv",)))[0]
    assert "not an Excel workbook" in problems(lambda: read_table(b"id\n1\n", "f", None, ("id",),
                                                                  formats=("xlsx",)))[0]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["f.csv", "f.xlsx", "f"]))
def test_junk_bytes_only_ever_raise_the_import_error(blob, name):
    try:
        table = read_table(blob, name, None, ("id",))
    except DataImportError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
    else:
        assert "id" in table.header


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=30, max_size=400))
def test_junk_inside_a_zip_only_ever_raises_the_import_error(junk):
    good = xlsx({"s": [["id"], [1]]})
    for cut in (len(good) // 3, len(good) // 2):
        damaged = good[:cut] + junk + good[cut + len(junk):]
        try:
            read_table(damaged, "f.xlsx", "s", ("id",))
        except DataImportError as exc:
            assert exc.problems


def test_count_rows_is_cheap_and_bounded():
    from circularcities.core.tables import count_rows

    data = xlsx({"a": [["id"]] + [[i] for i in range(30)], "b": [["id"], [1]], "c": [["x"]]})
    assert count_rows(data, "f.xlsx") == 34 and count_rows(data, "f.xlsx", ("a", "b", "zz")) == 33
    assert count_rows(b"id\n1\n\n2\n", "f.csv") == 4
    assert "more than 100,000 rows" in problems(lambda: count_rows(_bomb(300_000), "f.xlsx"))[0]
