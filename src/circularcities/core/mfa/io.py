"""Read a city metabolism from a CSV file.

Format (UTF-8, comma separated, header row required)::

    kind,origin,destination,year,layer,material,value,unit
    flow,consumption,collection,2020,material,paper,1200,t
    stock_change,stock_buildings,,2020,material,concrete,5300,t

- ``kind`` is optional. Without it (or when blank) a row is a flow.
- A ``stock_change`` row names the stock process in ``origin``, leaves
  ``destination`` blank, and gives the net addition to the stock during the year
  in ``value`` (negative when the stock shrinks).
- Extra columns (``source``, ``quality``, ...) are ignored.

Every bad row is reported with its line number (header = line 1); if there is
any problem nothing is returned (:class:`DataImportError`).
"""

from __future__ import annotations

import os
from typing import IO

from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.mfa.model import CityMetabolism, Flow, StockChange
from circularcities.core.tables import Limits, read_table, source_bytes

REQUIRED_COLUMNS = ("origin", "destination", "year", "layer", "material", "value", "unit")
KINDS = ("flow", "stock_change")


def parse_number(text: object) -> float | None:
    """A float from a cell, or ``None`` if it is not a finite number."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        value = float(text)
    else:
        try:
            value = float(str(text).strip())
        except ValueError:
            return None
    return value if value == value and abs(value) != float("inf") else None


def parse_year(text: object) -> int | None:
    """An integer year from a cell (``2020`` or ``2020.0``), else ``None``."""
    value = parse_number(text)
    if value is None or value != int(value):
        return None
    return int(value)


def read_flows_csv(source: str | os.PathLike | IO, limits: Limits | None = None) -> CityMetabolism:
    """Read flows and stock changes from a CSV file (path, text or binary stream).

    Raises
    ------
    DataImportError
        Listing every problem with its line and column.
    """
    data = source_bytes(source)  # OSError for a missing file: the caller says which file
    table = read_table(data, "flows.csv", None, REQUIRED_COLUMNS, ("kind",), limits=limits,
                       formats=("csv",), header_search=1)
    problems: list[Problem] = []
    flows, stocks = [], []
    for r in table.rows:
        line, row = r.number, r.cells
        kind = row.get("kind", "") or "flow"
        if kind not in KINDS:
            problems.append(Problem(f"Expected kind 'flow' or 'stock_change', got {kind!r}.",
                                    row=line, column="kind"))
            continue
        year = parse_year(row["year"])
        value = parse_number(row["value"])
        bad = False
        if year is None:
            problems.append(Problem(f"Expected a whole year, got {row['year']!r}.", row=line, column="year"))
            bad = True
        if value is None:
            problems.append(Problem(f"Expected a number, got {row['value']!r}.", row=line, column="value"))
            bad = True
        if bad or year is None or value is None:
            continue
        try:
            if kind == "flow":
                flows.append(Flow(row["origin"], row["destination"], year, row["layer"],
                                  row["material"], value, row["unit"]))
            else:
                stocks.append(StockChange(row["origin"], year, row["layer"], row["material"],
                                          value, row["unit"]))
        except ValidationError as exc:
            problems.append(Problem(str(exc), row=line, column=_guess_column(str(exc))))
    if problems:
        raise DataImportError(problems)
    return CityMetabolism(flows=flows, stock_changes=stocks)


def _guess_column(message: str) -> str | None:
    # Flow/StockChange messages start "Expected <field> ..."; map that back to the header.
    for column in ("origin", "destination", "year", "layer", "unit", "value"):
        if message.startswith(f"Expected {column}"):
            return column
    if "stock process" in message:
        return "origin"
    if "material" in message:
        return "material"
    return None
