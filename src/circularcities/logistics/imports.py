"""Uploads: a scenario workbook (the core reads it) or a CSV of collection points.

Both are all or nothing: every problem is collected with its row and column
and :class:`~circularcities.core.errors.DataImportError` is raised with all
of them before anything is stored.
"""

from __future__ import annotations

import math

from django.db import transaction

from circularcities.core import routing
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.tables import read_table
from circularcities.web.uploads import table_limits

from . import models as m
from .convert import save_core

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

POINT_COLUMNS = ["id", "name", "municipality", "lat", "lon", "quantity_t", "service_min",
                 "earliest_min", "latest_min"]
REQUIRED = {"id", "municipality", "lat", "lon", "quantity_t"}
NUMBERS = {"lat", "lon", "quantity_t", "service_min", "earliest_min", "latest_min"}


def read_workbook(upload) -> tuple[routing.Scenario, dict]:
    """Read an uploaded scenario workbook (.xlsx) with the core reader."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise DataImportError([Problem("Expected a file of at most 10 MB.")])
    return routing.read_scenario_workbook(upload.read(), limits=table_limits())


def read_points_csv(raw: bytes, sheet: str = "points") -> list[routing.CollectionPoint]:
    """Collection points from a CSV file (or a workbook's ``points`` sheet) with the
    columns of the workbook's ``points`` sheet (``,``, ``;`` or tab separated).

    Raises
    ------
    DataImportError
        Every problem, each naming the row (header = row 1) and column.
    """
    table = read_table(raw, "points.csv", sheet, tuple(c for c in POINT_COLUMNS if c in REQUIRED),
                       tuple(c for c in POINT_COLUMNS if c not in REQUIRED), limits=table_limits(),
                       csv_sheet=sheet)
    problems: list[Problem] = []
    points: list[routing.CollectionPoint] = []
    seen: dict[str, int] = {}
    for r in table.rows:
        row_no, cells = r.number, r.cells
        record: dict = {}
        ok = True
        for col in POINT_COLUMNS:
            value = (cells.get(col) or "").strip()
            if not value:
                if col in REQUIRED:
                    problems.append(table.problem(f"Expected a value for '{col}'.", row_no, col))
                    ok = False
                continue
            if col in NUMBERS:
                try:
                    number = float(value.replace(",", "."))
                except ValueError:
                    problems.append(table.problem(f"Expected a number, got '{value}'.", row_no, col))
                    ok = False
                    continue
                if not math.isfinite(number):
                    problems.append(table.problem(f"Expected a finite number, got '{value}'.", row_no, col))
                    ok = False
                    continue
                record[col] = number
            else:
                record[col] = value
        if record.get("id") in seen:
            problems.append(table.problem(f"Expected a unique id, '{record['id']}' is also on row "
                                          f"{seen[record['id']]}.", row_no, "id"))
            ok = False
        elif record.get("id"):
            seen[record["id"]] = row_no
        if not ok:
            continue
        record.setdefault("name", record["id"])
        try:
            points.append(routing.CollectionPoint(**record))
        except routing.RoutingValidationError as exc:
            problems += [table.problem(msg, row_no, name) for name, msg in exc.fields]
    if problems:
        raise DataImportError(problems)
    if not points:
        raise DataImportError([Problem("Expected at least one collection point.", sheet, 2)])
    return points


@transaction.atomic
def import_points(scenario: m.Scenario, points: list[routing.CollectionPoint],
                  replace: bool = True) -> tuple[int, int]:
    """Store ``points`` in ``scenario`` (update by id); with ``replace`` remove
    the points not in the list. Returns ``(created, updated)``."""
    created = updated = 0
    for p in points:
        _, new = scenario.points.update_or_create(code=p.id, defaults={
            "name": p.name, "municipality": p.municipality, "lat": p.lat, "lon": p.lon,
            "quantity_t": p.quantity_t, "service_min": p.service_min,
            "earliest_min": p.earliest_min, "latest_min": p.latest_min})
        created += new
        updated += not new
    if replace:
        scenario.points.exclude(code__in=[p.id for p in points]).delete()
    return created, updated


@transaction.atomic
def import_workbook(core: routing.Scenario, *, city, name: str = "", user=None,
                    scenario: m.Scenario | None = None) -> m.Scenario:
    """Store a scenario read from a workbook: into ``scenario`` if given, else
    into the city's scenario of the same name (created if new)."""
    name = (name or core.name or "Scenario").strip()[:160]
    if scenario is None:
        scenario, _ = m.Scenario.objects.get_or_create(
            city=city, name=name, defaults={"created_by": user, "currency": core.currency})
    return save_core(scenario, core)
