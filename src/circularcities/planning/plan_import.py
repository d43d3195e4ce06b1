"""Importing a city's targets and measures from CSV or Excel: all or nothing, idempotent.

Rows are read and checked by ``core.planning.plan_io`` (the same table reader
as progress entries). Targets are matched on what they measure and their target
year, measures on their code; a row identical to what is stored changes
nothing, so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import io

from django.db import transaction

from circularcities.coalition.models import RStrategy, ThematicArea
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.planning import PROGRAMME_INDICATORS
from circularcities.core.planning.plan_io import (
    MEASURE_OPTIONAL,
    MEASURE_REQUIRED,
    TARGET_OPTIONAL,
    TARGET_REQUIRED,
    read_measures,
    read_targets,
)
from circularcities.core.reports import append_row, csv_row
from circularcities.diagnosis.models import Indicator
from circularcities.planning.history import record_status
from circularcities.planning.models import Measure, Target

KINDS = ("targets", "measures")


def check_workbook(data: bytes, filename: str) -> None:
    """Refuse a file named .xlsx that is not an Excel workbook, in the reader's language."""
    from circularcities.diagnosis.imports import NOT_XLSX, is_xlsx

    if filename.lower().endswith(".xlsx") and not is_xlsx(data):
        raise DataImportError([Problem(NOT_XLSX())])


def _changed(obj, fields: dict) -> bool:
    diff = False
    for k, v in fields.items():
        if getattr(obj, k) != v:
            setattr(obj, k, v)
            diff = True
    return diff


def import_targets(city, data: bytes, filename: str, user) -> dict:
    check_workbook(data, filename)
    rows = read_targets(data, filename, indicators=set(Indicator.objects.values_list("code", flat=True)),
                        programmes=set(city.programmes.values_list("slug", flat=True)),
                        areas=set(ThematicArea.objects.values_list("slug", flat=True)))
    areas = {a.slug: a for a in ThematicArea.objects.all()}
    programmes = {p.slug: p for p in city.programmes.all()}
    changed = 0
    with transaction.atomic():
        for r in rows:
            match = {"city": city, "target_year": r.target_year}
            if r.indicator:
                match |= {"indicator_id": r.indicator, "programme": None, "programme_indicator": ""}
            else:
                match |= {"indicator": None, "programme": programmes[r.programme],
                          "programme_indicator": r.programme_indicator}
            fields = {"title_en": r.title_en, "title_zh": r.title_zh, "baseline_year": r.baseline_year,
                      "baseline_value": r.baseline_value, "target_value": r.target_value,
                      "trajectory_points": r.points, "owner_name": r.owner_name, "source": r.source,
                      "area": areas.get(r.area) if r.area else None}
            target = Target.objects.filter(**match).first()
            if target is None:
                Target.objects.create(**match, **fields, owner=user)
                changed += 1
            elif _changed(target, fields):
                target.save()
                changed += 1
    return {"rows": len(rows), "changed": changed}


def import_measures(city, data: bytes, filename: str, user) -> dict:
    check_workbook(data, filename)
    rows = read_measures(data, filename, areas=set(ThematicArea.objects.values_list("slug", flat=True)),
                         r_strategies=set(RStrategy.objects.values_list("slug", flat=True)))
    areas = {a.slug: a for a in ThematicArea.objects.all()}
    strategies = {s.slug: s for s in RStrategy.objects.all()}
    changed = 0
    with transaction.atomic():
        for r in rows:
            fields = {"title_en": r.title_en, "title_zh": r.title_zh, "description_en": r.description_en,
                      "description_zh": r.description_zh, "area": areas.get(r.area) if r.area else None,
                      "lead_name": r.lead_name, "budget": r.budget, "currency": r.currency, "start": r.start,
                      "end": r.end, "source": r.source}
            measure = Measure.objects.filter(city=city, code=r.code).first()
            did = False
            if measure is None:
                measure = Measure(city=city, code=r.code, owner=user, status=r.status or "not_started")
                _changed(measure, fields)
                measure.save()
                did = True
            else:
                if measure.budget is not None:
                    measure.budget = float(measure.budget)
                old = measure.status
                if r.status:
                    fields["status"] = r.status
                if _changed(measure, fields):
                    measure.save()
                    did = True
                    record_status(measure, old, user, via="import")
            wanted = {strategies[s].pk for s in r.r_strategies}
            if wanted != set(measure.r_strategies.values_list("pk", flat=True)):
                measure.r_strategies.set(wanted)
                did = True
            changed += did
    return {"rows": len(rows), "changed": changed}


def template(kind: str, fmt: str) -> tuple[bytes, str, str]:
    """A template file for ``kind`` ("targets" or "measures") as CSV or xlsx: (bytes, filename, content type)."""
    if kind == "targets":
        columns = list(TARGET_REQUIRED + TARGET_OPTIONAL)
        examples = [
            {"indicator": "SW-RECYCLING", "baseline_year": 2020, "baseline_value": 25, "target_year": 2030,
             "target_value": 50, "title_en": "Recycle half of municipal waste", "points": "2025: 35"},
            {"programme": "my-programme", "programme_indicator": "items_refurbished", "baseline_year": 2023,
             "baseline_value": 800, "target_year": 2026, "target_value": 1200, "title_en": "Refurbish 1,200 items"},
        ]
    else:
        columns = list(MEASURE_REQUIRED + MEASURE_OPTIONAL)
        examples = [{"code": "M-01", "title_en": "Repair cafés in every district", "status": "started",
                     "r_strategies": "repair; reuse", "budget": 50000, "currency": "EUR", "start": "2024-01-01",
                     "end": "2026-12-31"}]
    rows = [[e.get(c, "") for c in columns] for e in examples]
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = kind
        append_row(ws, columns)
        for r in rows:
            append_row(ws, r)
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue(), f"{kind}-template.xlsx", (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    import csv

    text = io.StringIO()
    w = csv.writer(text)
    w.writerow(csv_row(columns))
    w.writerows(csv_row(r) for r in rows)
    return text.getvalue().encode("utf-8"), f"{kind}-template.csv", "text/csv; charset=utf-8"


__all__ = ["KINDS", "PROGRAMME_INDICATORS", "import_measures", "import_targets", "template"]
