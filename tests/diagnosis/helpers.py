"""Small, balanced diagnosis data for tests, as workbook bytes."""

from __future__ import annotations

import datetime as dt
import io

from circularcities.core.diagnosis_io import (
    DiagnosisData,
    FlowRow,
    IndicatorRow,
    MaturityRow,
    StockRow,
    write_workbook,
)
from circularcities.core.maturity import R_STRATEGIES

SOURCE = "test fixture"


def flows(year: int, materials=("paper",), scale: float = 1.0) -> list[FlowRow]:
    rows = []
    for m in materials:
        for o, d, v in [("environment", "imports", 100), ("imports", "consumption", 100),
                        ("consumption", "collection", 60), ("consumption", "exports", 40),
                        ("collection", "recycling", 30), ("collection", "landfill", 30),
                        ("recycling", "exports", 30), ("exports", "environment", 70)]:
            rows.append(FlowRow(o, d, year, "material", m, v * scale, "t", SOURCE, "measured"))
    return rows


def data(years=(2020, 2021), materials=("paper",), scale=1.0, indicators=(), maturity=True) -> DiagnosisData:
    d = DiagnosisData()
    for y in years:
        d.flows += flows(y, materials, scale)
        d.stocks += [StockRow("landfill", y, "material", m, 30 * scale, "t", SOURCE, "measured") for m in materials]
    d.indicators = [IndicatorRow(*row) for row in indicators]
    if maturity:
        for date, level in ((dt.date(2020, 1, 1), 2), (dt.date(2022, 1, 1), 3)):
            d.maturity += [MaturityRow(date, "city", r, level, "") for r in R_STRATEGIES]
    return d


def workbook(d: DiagnosisData | None = None) -> bytes:
    buf = io.BytesIO()
    write_workbook(d or data(), buf)
    return buf.getvalue()


def junk_workbook() -> bytes:
    """A workbook with a bad cell in each data sheet."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(workbook()))
    wb["flows"]["F2"] = "lots"           # value
    wb["stocks"]["C3"] = "minerals"      # layer
    wb["maturity"]["D4"] = 9             # level
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
