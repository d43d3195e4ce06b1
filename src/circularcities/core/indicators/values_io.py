"""Indicator values from a table (CSV or Excel): one row per indicator and period.

Columns: ``indicator_code``, ``year``, ``period`` (empty or 0 for the year; ``Q1``-``Q4``
or 1-4 for quarterly indicators; 1-12 for monthly ones), ``value``, ``quality``
(measured, estimated or proxy) and ``source``. Every problem is reported with its row
and column before anything is written; the caller writes all rows or none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from circularcities.core import rules
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.tables import Limits, read_table

REQUIRED = ("indicator_code", "year", "value", "source")
OPTIONAL = ("period", "quality")
TYPED_QUALITIES = ("measured", "estimated", "proxy")
PERIODS = {"annual": (0, 0), "quarterly": (1, 4), "monthly": (1, 12)}
_QUARTER = re.compile(r"^\s*Q([1-4])\s*$", re.I)


@dataclass(frozen=True)
class IndicatorSpec:
    frequency: str
    computation: str = "direct"


@dataclass(frozen=True)
class ValueRow:
    row: int
    code: str
    year: int
    period: int
    value: float
    quality: str
    source: str


def read_values(data: bytes, filename: str, indicators: Mapping[str, IndicatorSpec], *,
                limits: Limits | None = None) -> list[ValueRow]:
    """Every row of the table, checked; raises :class:`DataImportError` listing every problem."""
    table = read_table(data, filename, "values", REQUIRED, OPTIONAL, limits=limits, first_sheet_fallback=True)
    problems: list[Problem] = []
    out: list[ValueRow] = []
    seen: dict[tuple[str, int, int], int] = {}
    for row in table.rows:
        errors: list[tuple[str, str]] = []
        code = row["indicator_code"].strip()
        spec = indicators.get(code)
        if spec is None:
            errors.append(("indicator_code", f"Unknown indicator code {code!r} for this city."))
        elif spec.computation == "formula":
            errors.append(("indicator_code", f"{code} is computed by its formula; enter the values it reads."))
        year = period = 0
        value = math.nan
        try:
            year = rules.year("year", row.value("year"))
        except rules.FieldError as exc:
            errors.append(("year", exc.text()))
        raw = row["period"].strip() if "period" in table.columns else ""
        m = _QUARTER.match(raw)
        try:
            period = int(m.group(1)) if m else (int(float(raw)) if raw else 0)
        except ValueError:
            errors.append(("period", f"Expected a quarter (Q1-Q4) or a month (1-12); got {raw[:20]!r}."))
        if spec is not None and not any(c == "period" for c, _m in errors):
            low, high = PERIODS.get(spec.frequency, (0, 0))
            if low == 0 and period != 0:
                errors.append(("period", f"Expected no period: {code} is reported once a year."))
            elif low and not low <= period <= high:
                errors.append(("period", f"Expected a period from {low} to {high} for {code} ({spec.frequency})."))
        try:
            value = float(rules.magnitude("value", row.value("value")))
        except rules.FieldError as exc:
            errors.append(("value", exc.text()))
        quality = (row["quality"].strip() or "measured") if "quality" in table.columns else "measured"
        if quality not in TYPED_QUALITIES:
            errors.append(("quality", f"Expected one of {', '.join(TYPED_QUALITIES)}; got {quality[:20]!r}."))
        try:
            source = rules.name("source", row["source"], max_length=300, required=True)
        except rules.FieldError as exc:
            errors.append(("source", exc.text()))
            source = ""
        if not errors:
            key = (code, year, period)
            if key in seen:
                errors.append(("indicator_code", f"Expected one row per indicator and period; this repeats row "
                                                 f"{seen[key]}."))
            seen[key] = row.number
        for column, message in errors:
            problems.append(table.problem(message, row.number, column))
        if not errors:
            out.append(ValueRow(row.number, code, year, period, value, quality, source))
    if problems:
        raise DataImportError(problems)
    if not out:
        raise DataImportError([table.problem("Expected at least one row of values.")])
    return out
