"""Listings from a CSV file (a business's whole stock at once).

All or nothing: every row is checked; if any row is wrong nothing is saved
and each problem names its row and column. A row with a ``reference`` already
used by the organisation updates that listing, so importing the same file
again changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import organisation_of
from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.reports import csv_row
from circularcities.core.rules import FieldError
from circularcities.core.tables import Table, read_table
from circularcities.marketplace.models import Listing
from circularcities.marketplace.services import save_listing
from circularcities.web import import_summary
from circularcities.web.fielderrors import message

TITLES = ["title_en", "title_zh", "title_ja", "title_ko"]
"""One title per platform language; a column left out keeps the stored title on a re-import."""
COLUMNS = ["reference", "kind", *TITLES, "material", "quantity", "unit",
           "mass_per_piece_kg", "density_t_per_m3", "frequency", "route", "lat", "lon", "is_free",
           "price", "currency", "avoided_cost_per_t", "available_from", "available_until",
           "description"]
REQUIRED = ["kind", "material", "quantity"]
EXAMPLE = [
    ["A-001", "offer", "Crushed concrete", "碎混凝土", "コンクリート再生砕石", "폐콘크리트 파쇄물", "17 01 01", "120", "t", "", "", "once", "recycling",
     "", "", "yes", "", "EUR", "25", "", "", "From a demolition; empty lat/lon uses our location"],
    ["A-002", "offer", "Office chairs", "办公椅", "オフィスチェア", "사무용 의자", "furniture", "40", "pcs", "12", "", "once", "reuse",
     "52.37", "4.90", "", "200", "EUR", "80", "2025-01-01", "2025-12-31", ""],
]


def example_csv() -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(csv_row(COLUMNS))
    w.writerows(csv_row(r) for r in EXAMPLE)
    return buf.getvalue()


def _date(value: str, column: str, line: int, problems: list) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(_("Expected a date as YYYY-MM-DD, got '%(v)s'.") % {"v": value},
                                row=line, column=column))
        return None


BATCH = 50
"""Rows written per transaction: each holds the database's write lock for well under a second."""


def read_listings(content: bytes | str) -> Table:
    """The listings table of a CSV file (any encoding and delimiter the reader knows)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    table = read_table(data, "listings.csv", None, tuple(REQUIRED), tuple(c for c in COLUMNS if c not in REQUIRED),
                       formats=("csv",), header_search=1)
    unknown = [h for h in table.header if h and h not in COLUMNS]
    if unknown:
        raise DataImportError([table.problem(_("Unknown column '%(c)s'; the columns are: %(all)s.")
                                             % {"c": c, "all": ", ".join(COLUMNS)}, 1, c) for c in unknown])
    return table


def _row_data(table: Table, r, problems: list[Problem]) -> dict:
    row, line = r.cells, r.number
    before = len(problems)
    data: dict = dict(row)
    for column in TITLES:
        if column not in table.header:
            data.pop(column, None)
    data["is_free"] = row.get("is_free", "").lower() in ("1", "yes", "true", "y")
    data["available_from"] = _date(row.get("available_from", ""), "available_from", line, problems)
    data["available_until"] = _date(row.get("available_until", ""), "available_until", line, problems)
    data["use_organisation_location"] = not row.get("lat") and not row.get("lon")
    for col in ("mass_per_piece_kg", "density_t_per_m3", "lat", "lon"):
        if row.get(col):
            try:
                data[col] = float(row[col])
            except ValueError:
                problems.append(table.problem(_("Expected a number, got '%(v)s'.") % {"v": row[col]}, line, col))
                data[col] = None
    for p in problems[before:]:
        p.letter = table.letters.get(p.column or "")
    return data


def _save_rows(user, org, table: Table, rows: list, problems: list[Problem]) -> list[Listing]:
    """Save ``rows`` (one batch) in the current transaction; problems are collected."""
    existing = {}
    refs = [r["reference"] for r in rows if r["reference"]]
    if refs and org is not None:
        existing = {x.reference: x for x in Listing.objects.filter(organisation=org, reference__in=refs)}
    saved = []
    for r in rows:
        before = len(problems)
        data = _row_data(table, r, problems)
        if len(problems) > before:
            continue
        try:
            with transaction.atomic():
                saved.append(save_listing(user, data, existing.get(r["reference"])))
        except FieldError as exc:
            problems.append(table.problem(message(exc), r.number, exc.field))
        except (ValidationError, PermissionDenied) as exc:
            problems.append(table.problem(str(exc), r.number))
    return saved


def _batches(rows: list) -> list[list]:
    return [rows[i:i + BATCH] for i in range(0, len(rows), BATCH)]


def import_listings_csv(user, content: bytes | str, report=None) -> list[Listing]:
    """Create or update the listings of ``user``'s organisation from CSV ``content``.

    All or nothing, without holding the database for the whole file: every row
    is first checked by saving it in a transaction that is rolled back (batch
    by batch); only when no row has a problem are the rows written, again a
    batch per short transaction. Should a batch still fail then (a listing
    changed meanwhile), the batches already written are undone.
    ``report(fraction, message)`` receives progress (jobs).
    """
    table = read_listings(content)
    org = organisation_of(user)
    problems: list[Problem] = []
    seen_refs: dict[str, int] = {}
    rows = []
    for r in table.rows:
        ref = r["reference"]
        if ref and ref in seen_refs:
            problems.append(table.problem(_("Reference '%(r)s' repeats row %(n)s.") % {"r": ref, "n": seen_refs[ref]},
                                          r.number, "reference"))
            continue
        if ref:
            seen_refs[ref] = r.number
        rows.append(r)
    batches = _batches(rows)
    total = max(1, 2 * len(batches))
    for i, batch in enumerate(batches):  # pass 1: check every row, write nothing
        with transaction.atomic():
            _save_rows(user, org, table, batch, problems)
            transaction.set_rollback(True)
        if report:
            report((i + 1) / total, _("Checked %(n)s of %(total)s rows.") % {
                "n": min((i + 1) * BATCH, len(rows)), "total": len(rows)})
    if problems:
        raise DataImportError(problems)
    return _write(user, org, table, batches, report, total)


def _write(user, org, table: Table, batches: list[list], report, total: int) -> list[Listing]:
    saved: list[Listing] = []
    created: list[int] = []
    previous: list[Listing] = []  # updated listings as they were, to undo a failed import
    for i, batch in enumerate(batches):
        refs = [r["reference"] for r in batch if r["reference"]]
        before = {x.pk: x for x in Listing.objects.filter(organisation=org, reference__in=refs)} if refs else {}
        problems: list[Problem] = []
        try:
            with transaction.atomic():
                done = _save_rows(user, org, table, batch, problems)
                if problems:
                    raise DataImportError(problems)
        except Exception:
            with transaction.atomic():
                Listing.objects.filter(pk__in=created).delete()
                for old in previous:
                    old.save()
            raise
        saved += done
        created += [x.pk for x in done if x.pk not in before]
        previous += [before[x.pk] for x in done if x.pk in before]
        if report:
            report((len(batches) + i + 1) / total, _("Saved %(n)s of %(total)s rows.") % {
                "n": len(saved), "total": sum(len(b) for b in batches)})
    return saved


def import_listings_job(params: dict, report) -> dict:
    """Job: import a stored listings file for ``params['user']`` (see :func:`import_listings_csv`)."""
    from django.urls import reverse

    from circularcities.web.uploads import job_files

    with job_files(params) as (user, files):
        saved = import_listings_csv(user, files[0][1], report=report)
        return {"count": len(saved), "url": reverse("marketplace:my_listings"),
                "summary": import_summary.summary(len(saved), len(saved)),
                "message": _("%(n)s listings imported or updated.") % {"n": len(saved)}}
