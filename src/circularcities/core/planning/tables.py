"""Reading a table (CSV or one Excel sheet) with a header row, every problem located.

The shared machinery of the planning imports (progress entries, targets,
measures): the file is decoded, the header checked against required and
optional columns, and each data row handed out with its row number as the user
sees it (header is row 1), so readers can report problems by row and column.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

from circularcities.core.errors import DataImportError, Problem

MAX_ROWS = 50_000


def _rows_from_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataImportError([Problem("Expected a UTF-8 encoded CSV file.")]) from None
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [row for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise DataImportError([Problem(f"Expected a CSV file: {exc}.")]) from None


def _rows_from_xlsx(data: bytes, sheet_name: str) -> tuple[str, list[list[object]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise DataImportError([Problem("Expected an Excel workbook (.xlsx) that can be opened.")]) from None
    ws = wb[sheet_name] if sheet_name in wb.sheetnames else wb.worksheets[0]
    return ws.title, [list(r) for r in ws.iter_rows(values_only=True)]


@dataclass(frozen=True)
class Row:
    """One data row: its number as the user sees it and its cells by column name."""

    number: int
    cells: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.cells.get(name, "")


@dataclass(frozen=True)
class Table:
    sheet: str | None
    columns: tuple[str, ...]
    rows: list[Row]

    def problem(self, message: str, row: int | None = None, column: str | None = None) -> Problem:
        return Problem(message, self.sheet, row, column)


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]  # type: ignore[union-attr]
    return str(v).strip()


def read_table(data: bytes, filename: str, sheet_name: str, required: tuple[str, ...],
               optional: tuple[str, ...] = ()) -> Table:
    """Decode ``data`` (CSV, or ``.xlsx`` using the sheet ``sheet_name`` or else the first).

    Raises DataImportError for file-level problems (encoding, empty, missing
    columns, too many rows). Cells come back as stripped strings; empty rows
    are skipped; header names are compared case-insensitively.
    """
    sheet = None
    rows: list[list[object]]
    if filename.lower().endswith(".xlsx"):
        sheet, rows = _rows_from_xlsx(data, sheet_name)
    else:
        rows = [list(r) for r in _rows_from_csv(data)]
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c not in (None, "") for c in r)]
    if not numbered:
        raise DataImportError([Problem("The file is empty: expected a header row and data rows.", sheet)])
    header_n, header_row = numbered[0]
    header = [str(c or "").strip().lower() for c in header_row]
    missing = [c for c in required if c not in header]
    if missing:
        raise DataImportError([Problem(f"Missing column(s) {', '.join(missing)}; expected "
                                       f"{', '.join(required + optional)}.", sheet, header_n)])
    if len(numbered) - 1 > MAX_ROWS:
        raise DataImportError([Problem(f"Expected at most {MAX_ROWS} rows; got {len(numbered) - 1}.", sheet)])
    col = {name: header.index(name) for name in required + optional if name in header}
    out = [Row(n, {name: _text(raw[i]) if i < len(raw) else "" for name, i in col.items()})
           for n, raw in numbered[1:]]
    return Table(sheet, tuple(col), out)


def number(text: str) -> float:
    """A finite number from a cell (thousands separators allowed), else ``ValueError``."""
    value = float(text.replace(",", "")) if text else math.nan
    if not math.isfinite(value):
        raise ValueError(text)
    return value
