"""Dynamic stock models in and out of Excel: the input series (year, value) and the result.

The input sheet has columns ``year`` and ``value`` (inflow or stock, one row per year,
consecutive years); every bad row is reported with its row and column and nothing is
read (:class:`DataImportError`). The result workbook has the input, the lifetime and
the years with inflow, outflow, stock and stock change; it reads back as input.
"""

from __future__ import annotations

import io

from circularcities.core.errors import DataImportError
from circularcities.core.mfa.stock import StockResult
from circularcities.core.tables import Limits, read_table


def read_series(data: bytes, filename: str = "input.xlsx", *, limits: Limits | None = None) -> tuple[int, list[float]]:
    """``(first_year, values)`` from a sheet with columns year and value (the first sheet)."""
    table = read_table(data, filename, None, ("year", "value"), limits=limits, first_sheet_fallback=True)
    problems = []
    pairs: list[tuple[int, float]] = []
    for row in table.rows:
        y, v = row.value("year"), row.value("value")
        if y is None and v is None:
            continue
        try:
            year = int(float(str(y)))
            if year != float(str(y)) or not 1900 <= year <= 2100:
                raise ValueError
        except (TypeError, ValueError):
            problems.append(table.problem(f"Expected a whole year 1900..2100, got {y!r}.", row.number, "year"))
            continue
        try:
            value = float(str(v).replace(",", ""))
            if not value >= 0 or value == float("inf"):
                raise ValueError
        except (TypeError, ValueError):
            problems.append(table.problem(f"Expected a number of zero or more, got {v!r}.", row.number, "value"))
            continue
        if pairs and year != pairs[-1][0] + 1:
            problems.append(table.problem(f"Expected {pairs[-1][0] + 1} after {pairs[-1][0]} (consecutive years), "
                                          f"got {year}.", row.number, "year"))
            continue
        pairs.append((year, value))
    if not problems and len(pairs) < 3:
        problems.append(table.problem("Expected at least three years.", None, None))
    if problems:
        raise DataImportError(problems)
    return pairs[0][0], [v for _y, v in pairs]


def template_xlsx() -> bytes:
    from openpyxl import Workbook

    from circularcities.core.reports import append_row

    wb = Workbook()
    ws = wb.active
    ws.title = "input"
    append_row(ws, ["year", "value"])
    for i, year in enumerate(range(2000, 2011)):
        append_row(ws, [year, 100 + 10 * i])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def result_xlsx(name: str, driver: str, unit: str, lifetime: dict, result: StockResult,
                source: str = "", estimate: bool = False) -> bytes:
    """The input (first sheet, readable by :func:`read_series`) and the result."""
    from openpyxl import Workbook

    from circularcities.core.reports import append_row

    wb = Workbook()
    ws = wb.active
    ws.title = "input"
    append_row(ws, ["year", "value"])
    given = result.inflow if driver == "inflow" else result.stock
    for y, v in zip(result.years, given, strict=True):
        append_row(ws, [int(y), float(v)])
    ws = wb.create_sheet("result")
    append_row(ws, ["year", f"inflow ({unit}/yr)", f"outflow ({unit}/yr)", f"stock ({unit})",
                    f"stock change ({unit}/yr)"])
    for y, i, o, s, c in zip(result.years, result.inflow, result.outflow, result.stock, result.stock_change,
                             strict=True):
        append_row(ws, [int(y), float(i), float(o), float(s), float(c)])
    ws = wb.create_sheet("model")
    append_row(ws, ["key", "value"])
    for k, v in [("name", name), ("driver", f"{driver}-driven"), ("unit", unit),
                 *[(f"lifetime {k}", v) for k, v in lifetime.items()],
                 ("source", source), ("estimate", "yes" if estimate else "no"),
                 ("computed with", "flodym (InflowDrivenDSM / StockDrivenDSM)")]:
        append_row(ws, [k, v])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
