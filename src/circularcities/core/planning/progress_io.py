"""Reading progress entries from CSV or Excel, with every problem located.

Columns (header row required, any order): ``project`` (the project's code),
``quarter`` (``2024-Q1``), ``indicator`` (a programme indicator key),
``value`` (>= 0), optional ``currency`` (ISO 4217, required for money
indicators), ``note`` and ``source``. Reading never stops at the first
problem: all of them come back together in a
:class:`~circularcities.core.errors.DataImportError`, so nothing is imported
until the whole file is right.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from circularcities.core.errors import DataImportError, Problem
from circularcities.core.planning.currency import check_currency
from circularcities.core.planning.programme import INDICATORS
from circularcities.core.planning.quarters import Quarter

REQUIRED = ("project", "quarter", "indicator", "value")
OPTIONAL = ("currency", "note", "source")
MAX_ROWS = 50_000


@dataclass(frozen=True)
class ProgressRow:
    """One valid row: where it came from and what it says."""

    row: int
    project: str
    quarter: Quarter
    indicator: str
    value: float
    currency: str = ""
    note: str = ""
    source: str = ""


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


def _rows_from_xlsx(data: bytes) -> tuple[str, list[list[object]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise DataImportError([Problem("Expected an Excel workbook (.xlsx) that can be opened.")]) from None
    ws = wb["progress"] if "progress" in wb.sheetnames else wb.worksheets[0]
    return ws.title, [list(r) for r in ws.iter_rows(values_only=True)]


def read_progress(data: bytes, filename: str = "progress.csv",
                  check_project: Callable[[str], str | None] | None = None) -> list[ProgressRow]:
    """Parse a progress file (CSV or .xlsx) into rows, or raise with every problem.

    Parameters
    ----------
    data
        The file's bytes.
    filename
        Used only to tell Excel (``.xlsx``) from CSV.
    check_project
        Optional: given a project code, returns a sentence saying why it may
        not be used (unknown, not yours), or ``None``; reported per row.
    """
    sheet = None
    rows: list[list[object]]
    if filename.lower().endswith(".xlsx"):
        sheet, rows = _rows_from_xlsx(data)
    else:
        rows = [list(r) for r in _rows_from_csv(data)]
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        raise DataImportError([Problem("The file is empty: expected a header row and data rows.", sheet)])
    header = [str(c or "").strip().lower() for c in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DataImportError([Problem(f"Missing column(s) {', '.join(missing)}; expected "
                                       f"{', '.join(REQUIRED + OPTIONAL)}.", sheet, 1)])
    if len(rows) - 1 > MAX_ROWS:
        raise DataImportError([Problem(f"Expected at most {MAX_ROWS} rows; got {len(rows) - 1}.", sheet)])
    col = {name: header.index(name) for name in REQUIRED + OPTIONAL if name in header}
    problems: list[Problem] = []
    out: list[ProgressRow] = []
    seen: dict[tuple, int] = {}
    for n, raw in enumerate(rows[1:], start=2):
        def cell(name, raw=raw):
            i = col.get(name)
            v = raw[i] if i is not None and i < len(raw) else None
            return "" if v is None else str(v).strip()

        before = len(problems)
        project = cell("project")
        if not project:
            problems.append(Problem("Expected a project code.", sheet, n, "project"))
        elif check_project is not None and (why := check_project(project)):
            problems.append(Problem(why, sheet, n, "project"))
        try:
            quarter: Quarter | None = Quarter.parse(cell("quarter"))
        except ValueError as exc:
            problems.append(Problem(str(exc), sheet, n, "quarter"))
            quarter = None
        indicator = cell("indicator").lower()
        if indicator not in INDICATORS:
            problems.append(Problem(f"Expected an indicator among {', '.join(INDICATORS)}; got {indicator!r}.",
                                    sheet, n, "indicator"))
        try:
            value = float(cell("value").replace(",", "")) if cell("value") else math.nan
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < 0:
            problems.append(Problem(f"Expected a number >= 0; got {cell('value')!r}.", sheet, n, "value"))
        currency = cell("currency")
        if currency or (indicator in INDICATORS and INDICATORS[indicator].is_money):
            try:
                currency = check_currency(currency)
            except ValueError as exc:
                problems.append(Problem(str(exc), sheet, n, "currency"))
        if len(problems) > before or quarter is None:
            continue
        key = (project, quarter, indicator)
        if key in seen:
            problems.append(Problem(f"Same project, quarter and indicator as row {seen[key]}.", sheet, n))
            continue
        seen[key] = n
        out.append(ProgressRow(n, project, quarter, indicator, value, currency,
                               cell("note")[:500], cell("source")[:300]))
    if problems:
        raise DataImportError(problems)
    return out
