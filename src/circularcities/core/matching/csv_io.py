"""Read offers or wants from CSV: all or nothing, every problem located.

Columns: ``id,material,quantity_t,lat,lon``; optionally ``avoided_cost_per_t``
and ``currency`` (both or neither). Row numbers are file line numbers as the
user sees them (the header is line 1).
"""

from __future__ import annotations

import math
import os

from circularcities.core.errors import DataImportError, Problem
from circularcities.core.matching.model import Listing
from circularcities.core.tables import Limits, read_table

REQUIRED_COLUMNS = ("id", "material", "quantity_t", "lat", "lon")
OPTIONAL_COLUMNS = ("avoided_cost_per_t", "currency")


def _number(text: str, column: str, line: int, problems: list[Problem],
            low: float | None = None, high: float | None = None) -> float | None:
    raw = text.strip()
    if not raw:
        problems.append(Problem("Expected a number, got an empty cell.", row=line, column=column))
        return None
    try:
        value = float(raw)
    except ValueError:
        problems.append(Problem(f"Expected a number, got {raw!r}.", row=line, column=column))
        return None
    if not math.isfinite(value):
        problems.append(Problem(f"Expected a finite number, got {raw!r}.", row=line,
                                column=column))
        return None
    if low is not None and high is not None and not low <= value <= high:
        problems.append(Problem(f"Expected a value in [{low:g}, {high:g}], got {raw}.",
                                row=line, column=column))
        return None
    if low is not None and high is None and value < low:
        problems.append(Problem(f"Expected a value >= {low:g}, got {raw}.", row=line,
                                column=column))
        return None
    return value


def parse_listings_csv(text: str | bytes, sheet: str | None = None, limits: Limits | None = None) -> list[Listing]:
    """Listings from CSV text or bytes; see :func:`read_listings_csv`."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if not data.strip():
        raise DataImportError([Problem("Expected a header line id,material,quantity_t,lat,lon; "
                                       "the file is empty.", sheet=sheet, row=1)])
    table = read_table(data, sheet or "listings.csv", None, REQUIRED_COLUMNS, OPTIONAL_COLUMNS,
                       limits=limits, formats=("csv",), csv_sheet=sheet, header_search=1)
    names = list(table.header)
    problems: list[Problem] = []
    allowed = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
    for col in names:
        if col not in allowed:
            problems.append(table.problem(f"Expected only the columns {', '.join(REQUIRED_COLUMNS)} "
                                          f"(optionally {', '.join(OPTIONAL_COLUMNS)}); "
                                          f"'{col}' is not one of them.", 1, col))
    seen_cols = set()
    for col in names:
        if col in seen_cols:
            problems.append(table.problem(f"Expected each column once; '{col}' repeats.", 1, col))
        seen_cols.add(col)
    if problems:
        raise DataImportError(problems)
    has_cost = "avoided_cost_per_t" in names
    listings: list[Listing] = []
    first_line: dict[str, int] = {}
    for r in table.rows:
        line = r.number
        if r.width > len(names):
            problems.append(Problem(f"Expected {len(names)} cells, got {r.width}.", sheet=sheet, row=line))
            continue
        row = r.cells
        before = len(problems)
        ident = row["id"].strip()
        if not ident:
            problems.append(Problem("Expected an id, got an empty cell.", sheet=sheet, row=line,
                                    column="id"))
        elif ident in first_line:
            problems.append(Problem(f"Expected unique ids; {ident!r} already on line "
                                    f"{first_line[ident]}.", sheet=sheet, row=line, column="id"))
        else:
            first_line[ident] = line
        material = row["material"].strip()
        if not material:
            problems.append(Problem("Expected a material code, got an empty cell.", sheet=sheet,
                                    row=line, column="material"))
        q = _number(row["quantity_t"], "quantity_t", line, problems, low=0.0)
        lat = _number(row["lat"], "lat", line, problems, -90.0, 90.0)
        lon = _number(row["lon"], "lon", line, problems, -180.0, 180.0)
        cost, currency = None, None
        if has_cost and row["avoided_cost_per_t"].strip():
            cost = _number(row["avoided_cost_per_t"], "avoided_cost_per_t", line, problems,
                           low=0.0)
            currency = (row.get("currency") or "").strip().upper() or None
            if currency is None or len(currency) != 3 or not currency.isalpha():
                problems.append(Problem("Expected an ISO 4217 currency code such as EUR.",
                                        sheet=sheet, row=line, column="currency"))
        for p in problems[before:]:
            if p.sheet is None:
                p.sheet = sheet
        if len(problems) == before:
            listings.append(Listing(id=ident, material=material, quantity_t=q,  # type: ignore[arg-type]
                                    lat=lat, lon=lon, avoided_cost_per_t=cost,  # type: ignore[arg-type]
                                    currency=currency))
    if problems:
        raise DataImportError(problems)
    return listings


def read_listings_csv(path: str | os.PathLike[str], limits: Limits | None = None) -> list[Listing]:
    """Read offers or wants from a CSV file.

    Parameters
    ----------
    path
        CSV (UTF-8 with or without BOM, or GB18030; ``,`` ``;`` or tab) with columns
        ``id,material,quantity_t,lat,lon``: quantity in tonnes (>= 0),
        coordinates in WGS84 degrees.

    Raises
    ------
    DataImportError
        With one :class:`Problem` per bad cell or line (row = line number,
        column = column name), all collected before anything is returned.
    limits
        How much may be read (default: the platform's upload limits; the command line
        passes :func:`local_file_limits` for files on the user's own disk).
    """
    with open(path, "rb") as fh:
        data = fh.read()
    return parse_listings_csv(data, sheet=os.path.basename(os.fspath(path)), limits=limits)


def local_file_limits(max_rows: int) -> Limits:
    """Limits for a CSV the user reads from their own disk with the command line: up to
    ``max_rows`` lines, of any file size (the bytes are read whole, so the machine's
    memory is the bound)."""
    return Limits(max_bytes=1 << 40, max_expanded_bytes=1 << 40,
                  max_rows=max_rows + 1, max_columns=20, max_cells=max_rows * 8)
