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

from django.db import transaction
from django.utils.translation import gettext as _

from circularcities.accounts.permissions import organisation_of
from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.reports import csv_row
from circularcities.marketplace.catalogue import FieldError
from circularcities.marketplace.models import Listing
from circularcities.marketplace.services import save_listing

COLUMNS = ["reference", "kind", "title_en", "title_zh", "material", "quantity", "unit",
           "mass_per_piece_kg", "density_t_per_m3", "frequency", "route", "lat", "lon", "is_free",
           "price", "currency", "avoided_cost_per_t", "available_from", "available_until",
           "description"]
REQUIRED = ["kind", "material", "quantity"]
EXAMPLE = [
    ["A-001", "offer", "Crushed concrete", "碎混凝土", "17 01 01", "120", "t", "", "", "once", "recycling",
     "", "", "yes", "", "EUR", "25", "", "", "From a demolition; empty lat/lon uses our location"],
    ["A-002", "offer", "Office chairs", "办公椅", "furniture", "40", "pcs", "12", "", "once", "reuse",
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


def import_listings_csv(user, content: bytes | str) -> list[Listing]:
    """Create or update the listings of ``user``'s organisation from CSV ``content``."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataImportError([Problem(_("Expected a UTF-8 CSV file."))]) from exc
    reader = csv.DictReader(io.StringIO(content))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DataImportError([Problem(_("Expected a column '%(c)s'.") % {"c": c}, row=1, column=c)
                               for c in missing])
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise DataImportError([Problem(_("Unknown column '%(c)s'; the columns are: %(all)s.")
                                       % {"c": c, "all": ", ".join(COLUMNS)}, row=1, column=c)
                               for c in unknown])
    org = organisation_of(user)
    problems: list[Problem] = []
    saved: list[Listing] = []
    seen_refs: dict[str, int] = {}
    with transaction.atomic():
        for line, raw in enumerate(reader, start=2):
            row = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
            if not any(row.values()):
                continue
            ref = row.get("reference", "")
            if ref and ref in seen_refs:
                problems.append(Problem(_("Reference '%(r)s' repeats row %(n)s.") % {"r": ref, "n": seen_refs[ref]},
                                        row=line, column="reference"))
                continue
            if ref:
                seen_refs[ref] = line
            data = dict(row)
            data["is_free"] = row.get("is_free", "").lower() in ("1", "yes", "true", "y")
            data["available_from"] = _date(row.get("available_from", ""), "available_from", line, problems)
            data["available_until"] = _date(row.get("available_until", ""), "available_until", line, problems)
            data["use_organisation_location"] = not row.get("lat") and not row.get("lon")
            for col in ("mass_per_piece_kg", "density_t_per_m3", "lat", "lon"):
                if row.get(col):
                    try:
                        data[col] = float(row[col])
                    except ValueError:
                        problems.append(Problem(_("Expected a number, got '%(v)s'.") % {"v": row[col]},
                                                row=line, column=col))
                        data[col] = None
            existing = (Listing.objects.filter(organisation=org, reference=ref).first()
                        if ref and org is not None else None)
            try:
                with transaction.atomic():
                    saved.append(save_listing(user, data, existing))
            except FieldError as exc:
                message = str(exc).split(": ", 1)[-1]
                problems.append(Problem(message, row=line, column=exc.field))
            except ValidationError as exc:
                problems.append(Problem(str(exc), row=line))
        if problems:
            raise DataImportError(problems)
    return saved
