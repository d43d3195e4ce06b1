"""Scenario workbooks in, result workbooks out.

Scenario workbook (see :func:`write_template`), header in row 1 of each sheet:

``settings``  ``key`` / ``value``: ``name``, ``currency`` (ISO 4217),
              ``circuity`` (>= 1, default 1.3), ``seconds`` (search time per
              group), ``seed``.
``points``    ``id, name, municipality, lat, lon, quantity_t, service_min,
              earliest_min, latest_min`` (the last two optional: a time
              window in minutes after the shift starts).
``depots``    ``id, name, municipality, lat, lon``.
``facilities`` ``id, name, lat, lon, capacity_t_per_day``.
``vehicles``  ``id, name, depot_id, count, capacity_t, cost_per_km,
              cost_per_hour, cost_per_day, speed_kmh, co2e_kg_per_km,
              shift_hours``.
``plans``     ``plan, municipalities, facility, depots``: one row per group;
              rows with the same ``plan`` form one plan; ``municipalities``
              and ``depots`` are joined with ``+``; ``facility`` and
              ``depots`` may be empty (see :class:`~.model.PlanGroup`).

Reading is all or nothing: every problem is collected with its sheet, row
and column, and :class:`~circularcities.core.errors.DataImportError` is
raised with all of them.
"""

from __future__ import annotations

import math
import os
from collections import OrderedDict
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook

from circularcities.core.errors import DataImportError, Problem
from circularcities.core.reports import append_row, set_cell
from circularcities.core.tables import Limits, open_table, read_sheet, source_bytes
from circularcities.core.tables import Workbook as TableFile

from .export import stop_rows
from .model import (
    CollectionPoint,
    Depot,
    Facility,
    Partition,
    PlanGroup,
    RoutingValidationError,
    Scenario,
    VehicleType,
)
from .partitions import Comparison


@dataclass(frozen=True)
class Column:
    """A column of a scenario sheet: name, kind (str/float/int), required, note."""

    name: str
    kind: type
    required: bool = True
    note: str = ""


SHEETS: dict[str, list[Column]] = {
    "points": [Column("id", str), Column("name", str, False), Column("municipality", str),
               Column("lat", float, note="WGS84 degrees"), Column("lon", float, note="WGS84 degrees"),
               Column("quantity_t", float, note="t per collection"),
               Column("service_min", float, False, "minutes"),
               Column("earliest_min", float, False, "minutes after shift start"),
               Column("latest_min", float, False, "minutes after shift start")],
    "depots": [Column("id", str), Column("name", str, False), Column("municipality", str),
               Column("lat", float), Column("lon", float)],
    "facilities": [Column("id", str), Column("name", str, False), Column("lat", float),
                   Column("lon", float), Column("capacity_t_per_day", float, note="t/day")],
    "vehicles": [Column("id", str), Column("name", str, False), Column("depot_id", str),
                 Column("count", int), Column("capacity_t", float, note="t per trip"),
                 Column("cost_per_km", float, note="currency/km"),
                 Column("cost_per_hour", float, note="currency/h"),
                 Column("cost_per_day", float, note="currency/vehicle/day"),
                 Column("speed_kmh", float, note="km/h"),
                 Column("co2e_kg_per_km", float, note="kg CO2e/km"),
                 Column("shift_hours", float, False, "h, default 8")],
    "plans": [Column("plan", str), Column("municipalities", str, note="joined with +"),
              Column("facility", str, False), Column("depots", str, False, "joined with +")],
}

SETTINGS = [("name", "", "scenario name"), ("currency", "JPY", "ISO 4217 code"),
            ("circuity", 1.3, "road / great-circle distance ratio"),
            ("seconds", 5, "search time per plan group, s"), ("seed", 0, "search seed")]


def write_template(path: str | os.PathLike) -> None:
    """Write an empty scenario workbook with every sheet, header and setting."""
    wb = Workbook()
    ws = wb.active
    ws.title = "settings"
    append_row(ws, ["key", "value", "note"])
    for key, value, note in SETTINGS:
        append_row(ws, [key, value, note])
    for sheet, columns in SHEETS.items():
        ws = wb.create_sheet(sheet)
        append_row(ws, [c.name for c in columns])
    ws = wb.create_sheet("help")
    append_row(ws, ["sheet", "column", "required", "meaning / unit"])
    for sheet, columns in SHEETS.items():
        for c in columns:
            append_row(ws, [sheet, c.name, "yes" if c.required else "no", c.note])
    wb.save(os.fspath(path))


def write_scenario(path: str | os.PathLike, scenario: Scenario, settings: dict | None = None
                   ) -> None:
    """Write ``scenario`` as a scenario workbook that :func:`read_scenario` reads back."""
    write_template(path)
    wb = load_workbook(os.fspath(path))
    values = {"name": scenario.name, "currency": scenario.currency,
              "circuity": scenario.circuity, **(settings or {})}
    ws = wb["settings"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in values:
            set_cell(row[1], values[row[0].value])
    for p in scenario.points:
        append_row(wb["points"], [p.id, p.name, p.municipality, p.lat, p.lon, p.quantity_t,
                                  p.service_min, p.earliest_min, p.latest_min])
    for d in scenario.depots:
        append_row(wb["depots"], [d.id, d.name, d.municipality, d.lat, d.lon])
    for f in scenario.facilities:
        append_row(wb["facilities"], [f.id, f.name, f.lat, f.lon, f.capacity_t_per_day])
    for v in scenario.vehicle_types:
        append_row(wb["vehicles"], [v.id, v.name, v.depot_id, v.count, v.capacity_t,
                                    v.cost_per_km, v.cost_per_hour, v.cost_per_day, v.speed_kmh,
                                    v.co2e_kg_per_km, v.shift_hours])
    for plan in scenario.plans:
        for g in plan.groups:
            append_row(wb["plans"], [plan.name, " + ".join(sorted(g.municipalities)),
                                     g.facility_id, " + ".join(g.depot_ids) if g.depot_ids else None])
    wb.save(os.fspath(path))


def _cell(value, column: Column, sheet: str, row: int, problems: list[Problem]):
    if value is None or (isinstance(value, str) and not value.strip()):
        if column.required:
            problems.append(Problem(f"Expected a value for '{column.name}'.", sheet, row, column.name))
        return None
    if column.kind is str:
        return str(value).strip() if not isinstance(value, float) or not value.is_integer() \
            else str(int(value))
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        problems.append(Problem(f"Expected a number, got {value!r}.", sheet, row, column.name))
        return None
    if not math.isfinite(number):
        problems.append(Problem(f"Expected a finite number, got {value!r}.", sheet, row, column.name))
        return None
    if column.kind is int:
        if not number.is_integer():
            problems.append(Problem(f"Expected a whole number, got {value!r}.", sheet, row,
                                    column.name))
            return None
        return int(number)
    return number


def _rows(book: TableFile, sheet: str, problems: list[Problem], letters: dict[str, dict[str, str]]
          ) -> list[tuple[int, dict]]:
    columns = SHEETS[sheet]
    try:
        table = read_sheet(book, sheet, tuple(c.name for c in columns if c.required),
                           tuple(c.name for c in columns if not c.required))
    except DataImportError as exc:
        if any(p.column is None and p.row is None for p in exc.problems):
            raise  # a limit or a damaged file: nothing more can be read
        problems += exc.problems
        return []
    out = []
    letters[sheet] = table.letters
    for r in table.rows:
        record = {c.name: _cell(r.value(c.name), c, sheet, r.number, problems) for c in columns}
        out.append((r.number, record))
    return out


def _build(cls, sheet: str, row: int, kwargs: dict, problems: list[Problem], rename=None):
    if any(v is None for k, v in kwargs.items() if k in _required(sheet)):
        return None  # already reported
    try:
        return cls(**{k: v for k, v in kwargs.items() if v is not None})
    except RoutingValidationError as exc:
        rename = rename or {}
        for field_name, message in exc.fields:
            problems.append(Problem(message, sheet, row, rename.get(field_name, field_name)))
    except TypeError as exc:  # a wrong type slipped through
        problems.append(Problem(str(exc), sheet, row))
    return None


def _required(sheet: str) -> set[str]:
    return {c.name for c in SHEETS[sheet] if c.required}


def read_scenario_workbook(path: str | os.PathLike | bytes, limits: Limits | None = None
                           ) -> tuple[Scenario, dict]:
    """Read a scenario workbook (a path or its bytes): ``(scenario, settings)``.

    The sheets are looked up before any row is read, and the reader's limits
    (:class:`~circularcities.core.tables.Limits`) are checked while reading.

    ``settings`` holds ``seconds`` (float) and ``seed`` (int) when given.

    Raises
    ------
    DataImportError
        With every problem found, each naming sheet, row and column.
    """
    data = path if isinstance(path, bytes) else source_bytes(path)
    with open_table(data, "scenario.xlsx", limits=limits, formats=("xlsx",)) as book:
        # Every sheet is looked up before any row is read: a wrong workbook costs nothing.
        book.require(*SHEETS)
        return _read_book(book)


def _read_book(book: TableFile) -> tuple[Scenario, dict]:
    problems: list[Problem] = []
    settings: dict = {}
    if "settings" in book.sheetnames:
        for row_no, row in book.rows("settings"):
            if row_no == 1 or not row or row[0] is None:
                continue
            key = str(row[0]).strip().lower()
            value = row[1] if len(row) > 1 else None
            if key in ("circuity", "seconds", "seed"):
                kind = int if key == "seed" else float
                parsed = _cell(value, Column(key, kind, False), "settings", row_no, problems)
                if parsed is not None:
                    settings[key] = parsed
            elif key in ("currency", "name") and value is not None:
                settings[key] = str(value).strip().upper() if key == "currency" else str(value)
    letters: dict[str, dict[str, str]] = {}
    rows = {sheet: _rows(book, sheet, problems, letters) for sheet in SHEETS}
    points = [_build(CollectionPoint, "points", r, {**rec, "name": rec["name"] or rec["id"] or ""},
                     problems) for r, rec in rows["points"]]
    depots = [_build(Depot, "depots", r, {**rec, "name": rec["name"] or ""}, problems)
              for r, rec in rows["depots"]]
    facilities = [_build(Facility, "facilities", r, {**rec, "name": rec["name"] or ""}, problems)
                  for r, rec in rows["facilities"]]
    vehicles = [_build(VehicleType, "vehicles", r, {**rec, "name": rec["name"] or ""}, problems)
                for r, rec in rows["vehicles"]]
    depot_ids = {d.id for d in depots if d}
    for r, rec in rows["vehicles"]:
        if rec["depot_id"] and rec["depot_id"] not in depot_ids:
            problems.append(Problem(f"Expected the id of a depot on sheet 'depots', got "
                                    f"'{rec['depot_id']}'.", "vehicles", r, "depot_id"))
    for sheet in ("points", "depots", "facilities", "vehicles"):
        seen: dict[str, int] = {}
        for row_no, rec in rows[sheet]:
            if rec["id"] in seen:
                problems.append(Problem(f"Expected a unique id, '{rec['id']}' is also on row "
                                        f"{seen[rec['id']]}.", sheet, row_no, "id"))
            elif rec["id"]:
                seen[rec["id"]] = row_no
    munis = {p.municipality for p in points if p}
    plans = _plans(rows["plans"], munis, {f.id for f in facilities if f},
                   depot_ids, problems)
    scenario = None
    if not problems:
        try:
            scenario = Scenario(points=tuple(points), depots=tuple(depots),
                                facilities=tuple(facilities), vehicle_types=tuple(vehicles),
                                currency=settings.get("currency", "EUR"),
                                circuity=settings.get("circuity", 1.3), plans=tuple(plans),
                                name=settings.get("name", ""))
        except RoutingValidationError as exc:
            problems += [Problem(msg, "settings" if f in ("currency", "circuity") else None,
                                 column=f) for f, msg in exc.fields]
    if problems:
        for p in problems:  # the spreadsheet's column letter next to each header name
            p.letter = p.letter or letters.get(p.sheet or "", {}).get(p.column or "")
        raise DataImportError(problems)
    assert scenario is not None
    return scenario, settings


def read_scenario(path: str | os.PathLike) -> Scenario:
    """The scenario of a workbook (see :func:`read_scenario_workbook`)."""
    return read_scenario_workbook(path)[0]


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split("+") if part.strip()]


def _plans(rows, munis, facilities, depots, problems) -> list[Partition]:
    grouped: OrderedDict[str, list[tuple[int, PlanGroup]]] = OrderedDict()
    for row_no, rec in rows:
        if rec["plan"] is None or rec["municipalities"] is None:
            continue
        names = _split(rec["municipalities"])
        unknown = [m for m in names if m not in munis]
        if unknown:
            problems.append(Problem(f"Expected municipalities that have points, got "
                                    f"{', '.join(unknown)}.", "plans", row_no, "municipalities"))
        if rec["facility"] and rec["facility"] not in facilities:
            problems.append(Problem(f"Expected a facility id, got '{rec['facility']}'.",
                                    "plans", row_no, "facility"))
        depot_list = _split(rec["depots"]) or None
        for d in depot_list or ():
            if d not in depots:
                problems.append(Problem(f"Expected a depot id, got '{d}'.", "plans", row_no,
                                        "depots"))
        if names:
            group = PlanGroup(frozenset(names), rec["facility"],
                              tuple(depot_list) if depot_list else None)
            grouped.setdefault(rec["plan"], []).append((row_no, group))
    plans = []
    for name, groups in grouped.items():
        try:
            plan = Partition(name=name, groups=tuple(g for _, g in groups))
        except RoutingValidationError as exc:
            problems += [Problem(msg, "plans", groups[0][0], "municipalities")
                         for _, msg in exc.fields]
            continue
        missing = munis - plan.municipalities
        if missing:
            problems.append(Problem(f"Plan '{name}': expected every municipality in a group, "
                                    f"missing {', '.join(sorted(missing))}.", "plans",
                                    groups[0][0], "municipalities"))
        plans.append(plan)
    return plans


def write_result(path: str | os.PathLike, scenario: Scenario, comparison: Comparison) -> None:
    """Write sheets ``comparison`` (per group and plan totals), ``routes``
    (one row per vehicle route) and ``stops`` (one row per stop)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "comparison"
    table = comparison.table()
    cur = comparison.currency
    header = ["rank", "plan", "group", "facility", "distance_km", "driving_h", "duration_h",
              "vehicles", "quantity_t", f"cost_{cur}", f"cost_per_t_{cur}", "co2e_kg",
              f"extra_cost_vs_cheapest_{cur}", "extra_cost_pct"]
    keys = ["rank", "plan", "group", "facility", "distance_km", "driving_h", "duration_h",
            "vehicles", "quantity_t", "cost", "cost_per_t", "co2e_kg", "extra_cost_vs_cheapest",
            "extra_cost_pct"]
    append_row(ws, header)
    for row in table:
        append_row(ws, [_xl(row[k]) for k in keys])
    append_row(ws, [])
    append_row(ws, [comparison.summary()])

    routes = wb.create_sheet("routes")
    append_row(routes, ["plan", "group", "route", "vehicle_type", "depot", "facility", "trips",
                        "stops", "start_min", "distance_km", "duration_h", "driving_h", "load_t",
                        f"cost_{cur}", "co2e_kg"])
    stops = wb.create_sheet("stops")
    stop_header = None
    for plan in comparison.plans:
        for g in plan.groups:
            ev = g.result.evaluation
            for n, rm in enumerate(ev.routes, start=1):
                append_row(routes, [plan.name, g.label, n, rm.route.vehicle_type, rm.depot_id,
                                    ev.facility_id, len(rm.route.trips),
                                    " | ".join(" > ".join(t) for t in rm.route.trips),
                                    round(rm.route.start_min, 2), rm.distance_km, rm.duration_h,
                                    rm.driving_h, rm.load_t, rm.cost, rm.co2e_kg])
            sub = scenario.subset(g.group, g.facility_id)
            for row in stop_rows(sub, ev):
                if stop_header is None:
                    stop_header = ["plan", "group", *row.keys()]
                    append_row(stops, stop_header)
                append_row(stops, [plan.name, g.label, *row.values()])
    wb.save(os.fspath(path))


def _xl(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
