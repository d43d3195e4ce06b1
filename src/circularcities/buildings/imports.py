"""Import a building's components from the platform's spreadsheet template or
from an IFC model. Every row is checked before anything is written; the writing
is all or nothing (:func:`services.import_components`)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.utils.translation import gettext as _

from circularcities.buildings import services
from circularcities.buildings.models import Building, Component
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.passport import ACCESSIBILITY_CLASSES, CONNECTION_TYPES, FIGURES, QUALITIES
from circularcities.core.reports import template_sheet
from circularcities.core.rules import FieldError
from circularcities.core.tables import read_table
from circularcities.web.fielderrors import message

SHEET = "components"
REQUIRED = ("reference", "material")
COMPONENT_COLUMNS = ("name", "classification", "count", "connection", "accessibility",
                     "reusable_share", "recyclable_share", "composted_share", "energy_share",
                     "origin", "lifetime_years",
                     "reference_lifetime_years", "eff_collection", "eff_feedstock",
                     "take_back_supplier", "take_back_terms", "take_back_until", "residual_value",
                     "currency", "residual_value_date", "end_of_use")
QUALITY_COLUMNS = tuple(f"{f}_quality" for f in FIGURES)
OPTIONAL = ("waste_code", "mass_kg") + COMPONENT_COLUMNS + QUALITY_COLUMNS
COLUMNS = REQUIRED[:1] + ("name", "classification", "count", "material", "waste_code", "mass_kg") \
    + COMPONENT_COLUMNS[3:] + QUALITY_COLUMNS
"""Template column order: one row per material of a component; rows with the same
reference are one component, whose other columns are read from its first row."""

EXAMPLES: list[dict[str, Any]] = [
    {"reference": "C-001", "name": "Timber floor element", "classification": "23 floors", "count": 40,
     "material": "cross-laminated timber", "waste_code": "170201", "mass_kg": 36000,
     "connection": "added_elements", "accessibility": "free", "reusable_share": 0.8,
     "recyclable_share": 0.15, "origin": "sustained_bio", "lifetime_years": 40,
     "reference_lifetime_years": 20, "take_back_supplier": "Timber supplier B.V.",
     "take_back_terms": "buy-back at 20 % of list price", "take_back_until": "2035-12-31",
     "residual_value": 25000, "currency": "EUR", "residual_value_date": "2025-01-01",
     "end_of_use": "2035-06-30", "mass_quality": "measured", "origin_quality": "measured",
     "reusable_quality": "estimated", "recyclable_quality": "estimated",
     "lifetime_quality": "estimated", "detachability_quality": "measured",
     "residual_value_quality": "estimated", "take_back_quality": "measured"},
    {"reference": "C-001", "material": "steel connectors", "waste_code": "170405", "mass_kg": 800},
    {"reference": "C-002", "name": "Ground slab", "classification": "13 floors on ground", "count": 1,
     "material": "concrete", "waste_code": "170101", "mass_kg": 250000,
     "connection": "hard_chemical", "accessibility": "irreparable_damage", "reusable_share": 0,
     "recyclable_share": 0.9, "origin": "virgin", "mass_quality": "estimated"},
]


def _examples(today: dt.date) -> list[dict[str, Any]]:
    """The example rows, with their dates a few years ahead of ``today`` so they stay examples
    of components still in use."""
    later = dt.date(today.year + 9, 6, 30).isoformat()
    return [{**e, **{k: later for k in ("take_back_until", "end_of_use") if k in e}}
            for e in EXAMPLES]


def template_xlsx(today: dt.date | None = None) -> bytes:
    """The spreadsheet template with example rows and drop-down lists for the coded columns."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    lists = {"connection": CONNECTION_TYPES, "accessibility": ACCESSIBILITY_CLASSES,
             "origin": tuple(Component.Origin.values)}
    lists.update({c: QUALITIES for c in QUALITY_COLUMNS})
    shares = ("reusable_share", "recyclable_share", "composted_share", "energy_share", "eff_collection",
              "eff_feedstock")
    template_sheet(ws, COLUMNS, _examples(today or dt.date.today()), lists=lists,
                   bounds={c: (0, 1) for c in shares})
    ws.freeze_panes = "B2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(row, col):
    v = row.value(col)
    return v.strip() if isinstance(v, str) else v


def read_components(data: bytes, filename: str) -> list[dict[str, Any]]:
    """Every component of the file, checked (see :func:`services.clean_component`),
    or :class:`DataImportError` naming every bad row."""
    table = read_table(data, filename, SHEET, REQUIRED, OPTIONAL, first_sheet_fallback=True)
    groups: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    problems: list[Problem] = []
    for row in table.rows:
        ref = str(_cell(row, "reference") or "").strip()
        if not ref:
            problems.append(table.problem(_("A reference is required."), row.number, "reference"))
            continue
        if ref not in groups:
            first_row[ref] = row.number
            item: dict[str, Any] = {"reference": ref, "materials": [], "quality": {}}
            for col in COMPONENT_COLUMNS:
                item[col] = _cell(row, col)
            for figure, col in zip(FIGURES, QUALITY_COLUMNS, strict=True):
                if _cell(row, col):
                    item["quality"][figure] = _cell(row, col)
            groups[ref] = item
        groups[ref]["materials"].append({"material": _cell(row, "material"),
                                         "waste_code": str(_cell(row, "waste_code") or ""),
                                         "mass_kg": _cell(row, "mass_kg"), "_row": row.number})
    cleaned = []
    for ref, item in groups.items():
        rows = {m["material"] or "": m.pop("_row") for m in item["materials"]}
        try:
            cleaned.append(services.clean_component(item))
        except FieldError as exc:
            column = exc.field if exc.field in table.letters else None
            if exc.field.startswith("quality_"):
                column = exc.field.removeprefix("quality_") + "_quality"
            where = first_row[ref]
            if exc.field in ("material", "mass_kg", "waste_code"):
                where = next((r for m, r in rows.items() if not m), None) or max(rows.values())
            problems.append(table.problem(message(exc), where, column))
    if problems:
        raise DataImportError(sorted(problems, key=lambda p: p.row or 0))
    if not cleaned:
        raise DataImportError([table.problem(_("Expected at least one component row."),
                                             table.header_row + 1)])
    return cleaned


def import_spreadsheet(user, building: Building, data: bytes, filename: str) -> dict[str, Any]:
    """Import a filled-in template, all or nothing."""
    from circularcities.buildings.permissions import require_edit_building

    require_edit_building(user, building)
    return services.import_components(user, building, read_components(data, filename))


def import_ifc(user, building: Building, data: bytes, filename: str) -> dict[str, Any]:
    """Import an IFC model's elements, all or nothing; returns what the model lacks."""
    from circularcities.buildings.permissions import require_edit_building
    from circularcities.core.passport.ifc import read_ifc

    require_edit_building(user, building)
    found = read_ifc(data, filename)
    cleaned, problems = [], []
    for c in found:
        try:
            cleaned.append(services.clean_component({
                "reference": c.reference, "name": c.name[:200], "classification": c.classification[:100],
                "materials": [{"material": (m["material"] or "?")[:120], "mass_kg": m["mass_kg"]}
                              for m in c.materials], "quality": c.quality}))
        except FieldError as exc:
            problems.append(Problem(f"{c.reference}: {message(exc)}", filename))
    if problems:
        raise DataImportError(problems)
    result: dict[str, Any] = dict(services.import_components(user, building, cleaned))
    result["missing"] = [{"reference": c.reference, "name": c.name, "missing": c.missing}
                         for c in found if c.missing]
    return result
