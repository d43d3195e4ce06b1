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

from collections.abc import Callable
from dataclasses import dataclass

from circularcities.core import rules
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.planning.programme import INDICATORS
from circularcities.core.planning.quarters import Quarter
from circularcities.core.planning.tables import MAX_ROWS, read_table

REQUIRED = ("project", "quarter", "indicator", "value")
OPTIONAL = ("currency", "note", "source")
__all__ = ["MAX_ROWS", "OPTIONAL", "REQUIRED", "ProgressRow", "read_progress"]


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
    table = read_table(data, filename, "progress", REQUIRED, OPTIONAL)
    sheet = table.sheet
    problems: list[Problem] = []
    out: list[ProgressRow] = []
    seen: dict[tuple, int] = {}
    for row in table.rows:
        n, cell = row.number, row.__getitem__

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
            value = rules.non_negative("value", cell("value"), maximum=rules.MAX_MAGNITUDE)
        except rules.FieldError as exc:
            problems.append(Problem(exc.text(), sheet, n, "value"))
        currency = cell("currency")
        if currency or (indicator in INDICATORS and INDICATORS[indicator].is_money):
            try:
                currency = rules.currency("currency", currency)
            except rules.FieldError as exc:
                problems.append(Problem(exc.text(), sheet, n, "currency"))
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
