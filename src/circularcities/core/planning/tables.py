"""Reading a planning table (progress entries, targets, measures).

A thin layer over the platform's one table reader, :mod:`circularcities.core.tables`:
the file is decoded within limits, the header found and checked against the
required and optional columns, and each data row handed out with its row
number as the spreadsheet shows it, so readers can report problems by row and
column. A workbook is read from the sheet named for the table, else its first
sheet (a planning file holds one table).
"""

from __future__ import annotations

import math

from circularcities.core.tables import Limits, Row, Table
from circularcities.core.tables import read_table as _read_table

MAX_ROWS = 50_000
"""Data rows a planning file may hold by default (within the reader's own limits)."""

__all__ = ["MAX_ROWS", "Row", "Table", "number", "read_table"]


def read_table(data: bytes, filename: str, sheet_name: str, required: tuple[str, ...],
               optional: tuple[str, ...] = (), *, limits: Limits | None = None) -> Table:
    """Decode ``data`` (CSV, or ``.xlsx`` using the sheet ``sheet_name`` or else the first).

    Raises DataImportError for file-level problems (not a table, encoding,
    empty, missing columns, a limit exceeded). Cells are available as text
    (``row[name]``) and typed (``row.value(name)``); blank rows are skipped;
    header names are compared case-insensitively.
    """
    from circularcities.core.tables import default_limits

    base = limits or default_limits()
    # The header row and a few title rows above it come on top of MAX_ROWS data rows.
    bounded = Limits(**{**base.__dict__, "max_rows": min(base.max_rows, MAX_ROWS + 20)})
    return _read_table(data, filename, sheet_name, required, optional, limits=bounded,
                       first_sheet_fallback=True)


def number(text: str) -> float:
    """A finite number from a cell (thousands separators allowed), else ``ValueError``."""
    value = float(text.replace(",", "")) if text else math.nan
    if not math.isfinite(value):
        raise ValueError(text)
    return value
