"""Importing a city's targets and measures from CSV or Excel: all or nothing, idempotent.

Rows are read and checked by ``core.planning.plan_io`` (the same table reader
as progress entries). Targets are matched on what they measure and their target
year, measures on their code; a row identical to what is stored changes
nothing, so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, Literal

from django.db import transaction

from circularcities.coalition.models import RStrategy, ThematicArea
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.planning import PROGRAMME_INDICATORS, read_progress
from circularcities.core.planning.measures import MEASURE_STATUSES
from circularcities.core.planning.plan_io import (
    measure_columns,
    read_measures,
    read_targets,
    target_columns,
)
from circularcities.core.reports import csv_row, template_sheet
from circularcities.core.rules import CURRENCIES, FieldError
from circularcities.diagnosis.models import Indicator
from circularcities.planning.models import Measure, ProgressEntry, Project, Target
from circularcities.planning.permissions import can_log_progress
from circularcities.planning.services import (
    log_progress,
    measure_create,
    measure_update,
    target_create,
    target_update,
)
from circularcities.web.content import LEGACY_SUFFIXES
from circularcities.web.uploads import write_in_batches

KINDS = ("targets", "measures")


def check_workbook(data: bytes, filename: str) -> None:
    """Refuse a file named .xlsx that is not an Excel workbook, in the reader's language."""
    from circularcities.diagnosis.imports import NOT_XLSX, is_xlsx

    if filename.lower().endswith(".xlsx") and not is_xlsx(data):
        raise DataImportError([Problem(NOT_XLSX())])


def languages() -> tuple[str, ...]:
    """The text column suffixes of the platform's languages: en, zh, ja, ko (``title_<suffix>``),
    as the forms' per-language fields (``add_text_fields``) and ``services.text_keys``."""
    return tuple(LEGACY_SUFFIXES)


def optional_columns() -> dict[str, str]:
    """The optional columns of each kind, as the import page lists them (one text column per language)."""
    targets = [c for c in target_columns(languages())[1] if c not in ("indicator", "programme", "programme_indicator")]
    measures = [c if c != "status" else f"status ({', '.join(MEASURE_STATUSES)})"
                for c in measure_columns(languages())[1]]
    return {"targets": ", ".join(targets), "measures": ", ".join(measures)}


def _differs(obj, fields: dict) -> bool:
    return any(getattr(obj, k) != v for k, v in fields.items())


def import_targets(city, data: bytes, filename: str, user) -> dict:
    check_workbook(data, filename)
    rows = read_targets(data, filename, indicators=set(Indicator.objects.values_list("code", flat=True)),
                        programmes=set(city.programmes.values_list("slug", flat=True)),
                        areas=set(ThematicArea.objects.values_list("slug", flat=True)), languages=languages())
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
            # Only the text columns the file has: an old en/zh file leaves the ja/ko text alone.
            fields: dict[str, Any] = {**r.texts, "baseline_year": r.baseline_year,
                      "baseline_value": r.baseline_value, "target_value": r.target_value,
                      "trajectory_points": [list(p) for p in r.points], "owner_name": r.owner_name,
                      "source": r.source}
            if r.area:  # an empty cell keeps the target's area (or its indicator's default)
                fields["area"] = areas[r.area]
            target = Target.objects.filter(**match).first()
            try:
                if target is None:
                    target_create(city=city, user=user, indicator=match.get("indicator_id") or None,
                                  programme=match["programme"], programme_indicator=match["programme_indicator"],
                                  target_year=r.target_year, **fields)
                    changed += 1
                elif _differs(target, fields):
                    target_update(target=target, user=user, **fields)
                    changed += 1
            except FieldError as exc:
                raise DataImportError([Problem(exc.text(), sheet="targets", row=r.row,
                                               column=exc.field)]) from None
    return {"rows": len(rows), "changed": changed}


def import_measures(city, data: bytes, filename: str, user) -> dict:
    check_workbook(data, filename)
    rows = read_measures(data, filename, areas=set(ThematicArea.objects.values_list("slug", flat=True)),
                         r_strategies=set(RStrategy.objects.values_list("slug", flat=True)), languages=languages())
    areas = {a.slug: a for a in ThematicArea.objects.all()}
    changed = 0
    with transaction.atomic():
        for r in rows:
            fields: dict[str, Any] = {**r.texts, "area": areas.get(r.area) if r.area else None,
                      "lead_name": r.lead_name, "budget": r.budget, "currency": r.currency, "start": r.start,
                      "end": r.end, "source": r.source}
            if r.status:
                fields["status"] = r.status
            measure = Measure.objects.filter(city=city, code=r.code).first()
            try:
                if measure is None:
                    measure_create(city=city, user=user, via="import", code=r.code, r_strategies=r.r_strategies,
                                   **fields)
                    changed += 1
                elif (_differs(measure, {**fields, "budget": _decimal(r.budget)})
                      or set(r.r_strategies) != set(measure.r_strategies.values_list("slug", flat=True))):
                    measure_update(measure=measure, user=user, via="import", r_strategies=r.r_strategies, **fields)
                    changed += 1
            except FieldError as exc:
                raise DataImportError([Problem(exc.text(), sheet="measures", row=r.row,
                                               column=exc.field)]) from None
    return {"rows": len(rows), "changed": changed}


def _decimal(amount):
    from decimal import Decimal

    return None if amount is None else Decimal(str(amount)).quantize(Decimal("0.01"))


def template(kind: str, fmt: str) -> tuple[bytes, str, str]:
    """A template file for ``kind`` ("targets" or "measures") as CSV or xlsx: (bytes, filename, content type)."""
    if kind == "targets":
        required, optional = target_columns(languages())
        columns = [*required, *optional]
        examples = [
            {"indicator": "SW-RECYCLING", "baseline_year": 2020, "baseline_value": 25, "target_year": 2030,
             "target_value": 50, "title_en": "Recycle half of municipal waste", "points": "2025: 35"},
            {"programme": "my-programme", "programme_indicator": "items_refurbished", "baseline_year": 2023,
             "baseline_value": 800, "target_year": 2026, "target_value": 1200, "title_en": "Refurbish 1,200 items"},
        ]
    else:
        required, optional = measure_columns(languages())
        columns = [*required, *optional]
        examples = [{"code": "M-01", "title_en": "Repair cafés in every district", "status": "started",
                     "r_strategies": "repair; reuse", "budget": 50000, "currency": "EUR", "start": "2024-01-01",
                     "end": "2026-12-31"}]
    rows = [[e.get(c, "") for c in columns] for e in examples]
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = kind
        areas = sorted(ThematicArea.objects.values_list("slug", flat=True))
        if kind == "targets":
            lists: dict[str, Sequence[str]] = {"indicator": sorted(Indicator.objects.values_list("code", flat=True)), "area": areas,
                     "programme_indicator": sorted(PROGRAMME_INDICATORS)}
            bounds: dict[str, tuple[float | None, float | None]] = {"baseline_year": (1900, 2100), "target_year": (1900, 2100),
                      "baseline_value": (None, None), "target_value": (None, None)}
        else:
            lists = {"area": areas, "status": MEASURE_STATUSES, "currency": CURRENCIES}
            bounds = {"budget": (0, None)}
        template_sheet(ws, columns, examples, lists=lists, bounds=bounds)
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


def import_progress(data: bytes, filename: str, user, report=None) -> dict:
    """Import a progress file all or nothing.

    Every row must name a project the user may report for. Returns
    ``{"rows": n, "changed": n}``; raises DataImportError naming every bad row.
    Every row is checked before anything is written; the rows are then written
    a short transaction per batch, and undone should a batch fail.
    """
    check_workbook(data, filename)
    # None: no such project; False: one the user may not report for.
    projects: dict[str, Project | Literal[False] | None] = {}

    def check(code: str) -> str | None:
        if code not in projects:
            project = (Project.objects.select_related("programme__city", "organisation")
                       .filter(code=code).first())
            if project is not None and not can_log_progress(user, project):
                projects[code] = False
            else:
                projects[code] = project
        if projects[code] is None:
            return f"No project with code {code!r}."
        if projects[code] is False:
            return f"You may not log progress for project {code!r}."
        return None

    rows = read_progress(data, filename, check_project=check)

    def write(r):
        project = projects[r.project]
        before = ProgressEntry.objects.filter(project=project, year=r.quarter.year, quarter=r.quarter.q,
                                              indicator=r.indicator).first()
        entry, did = log_progress(project, r.quarter, r.indicator, r.value, user=user,
                                  currency=r.currency, note=r.note, source=r.source)
        if not did:
            return False, None
        if before is None:
            return True, ProgressEntry.objects.filter(pk=entry.pk).delete
        return True, before.save

    done = write_in_batches(rows, write, report=report, start=0.1, message="%(n)s / %(total)s")
    return {"rows": len(rows), "changed": sum(done)}
