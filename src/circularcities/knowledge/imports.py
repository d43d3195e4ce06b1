"""Bulk import of cases from a spreadsheet (CSV or Excel): all or nothing.

One row per case; a slug already in the library updates that case, a new slug adds a
draft. Every row goes through :func:`knowledge.services.case_save` (the same rules as
the form); if any row has a problem, nothing is stored and every problem is reported
with its row and column.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.db import transaction

from circularcities.core.errors import DataImportError, Problem
from circularcities.core.reports import append_row
from circularcities.core.rules import FieldError
from circularcities.core.tables import read_table
from circularcities.knowledge.models import Case
from circularcities.knowledge.permissions import require_review
from circularcities.knowledge.services import case_save
from circularcities.web.content import suffix
from circularcities.web.fielderrors import message

REQUIRED = ("slug", "city", "title_en", "summary_en")
SHEET = "cases"


def optional_columns() -> tuple[str, ...]:
    texts = [f"{f}_{suffix(c)}" for f in ("title", "summary", "keywords") for c, _n in settings.LANGUAGES]
    return tuple(c for c in texts if c not in REQUIRED) + ("areas", "r_strategies", "source_document")


def _list(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


def import_cases(data: bytes, filename: str, user) -> dict:
    """Import the cases of ``data``; returns {"created": n, "updated": n}. Raises DataImportError."""
    require_review(user)
    table = read_table(data, filename, SHEET, REQUIRED, optional_columns(), first_sheet_fallback=True)
    problems: list[Problem] = []
    created = updated = 0
    with transaction.atomic():
        existing = {c.slug: c for c in Case.objects.filter(slug__in=[r["slug"] for r in table.rows])}
        seen: set[str] = set()
        for row in table.rows:
            slug = row["slug"].strip()
            if slug in seen:
                problems.append(table.problem(f"The slug '{slug}' appears twice.", row.number, "slug"))
                continue
            seen.add(slug)
            changes: dict = {"city": row["city"].strip()}
            for column in table.columns:
                if column in ("slug", "city"):
                    continue
                if column in ("areas", "r_strategies"):
                    if row[column].strip():
                        changes[column] = _list(row[column])
                elif row[column].strip() or column.endswith("_en"):
                    changes[column] = _list(row[column]) if column.startswith("keywords_") else row[column]
            try:
                with transaction.atomic():
                    case_save(user=user, case=existing.get(slug), slug=slug,
                              comment=f"Imported from {filename[:80]}", **changes)
            except FieldError as exc:
                where = exc.field if exc.field in table.columns or exc.field in ("slug", "city") else None
                problems.append(table.problem(message(exc), row.number, where))
                continue
            if slug in existing:
                updated += 1
            else:
                created += 1
        if problems:
            transaction.set_rollback(True)
    if problems:
        raise DataImportError(problems)
    return {"created": created, "updated": updated}


def template() -> bytes:
    """An Excel template with the columns and one example row."""
    from openpyxl import Workbook

    columns = list(REQUIRED + optional_columns())
    example = {"slug": "example-repair-cafes", "city": "amsterdam", "title_en": "Repair cafés in every district",
               "summary_en": "What the city did, what it measured, what it learnt.",
               "keywords_en": "repair, reuse", "areas": "municipal-resources", "r_strategies": "repair; reuse",
               "source_document": "City report 2024"}
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    append_row(ws, columns)
    append_row(ws, [example.get(c, "") for c in columns])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
