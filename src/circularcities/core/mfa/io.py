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

import csv
import io
import os
from typing import IO

from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.mfa.model import CityMetabolism, Flow, StockChange

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


def _open_text(source: str | os.PathLike | IO) -> tuple[IO[str], bool]:
    if isinstance(source, str | os.PathLike):
        return open(source, newline="", encoding="utf-8-sig"), True
    if isinstance(source, io.TextIOBase):
        return source, False
    data = source.read()
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig", errors="replace")
    return io.StringIO(data), False


def read_flows_csv(source: str | os.PathLike | IO) -> CityMetabolism:
    """Read flows and stock changes from a CSV file (path, text or binary stream).

    Raises
    ------
    DataImportError
        Listing every problem with its line and column.
    """
    handle, close = _open_text(source)
    try:
        try:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in (reader.fieldnames or [])]
            rows = list(reader)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DataImportError([f"Expected a readable UTF-8 CSV file: {exc}."]) from exc
    finally:
        if close:
            handle.close()
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DataImportError([Problem(f"Expected a column '{c}' in the header.", row=1, column=c)
                               for c in missing])
    problems: list[Problem] = []
    flows, stocks = [], []
    for line, raw in enumerate(rows, start=2):
        row = {(k or "").strip(): (v or "").strip() if isinstance(v, str) else ""
               for k, v in raw.items()}
        if not any(row.values()):
            continue
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
