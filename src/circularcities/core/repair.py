"""Repair records in the Open Repair Data Standard (ORDS 0.3): reading, checking,
counting, fix rates and the mass kept in use.

The Open Repair Alliance publishes repair logs as CSV files with the columns
of :data:`ORDS_COLUMNS` (``id, data_provider, country, ..., event_date, problem``).
:func:`parse_ords` reads such a file through the platform's one table reader
(:mod:`circularcities.core.tables`: streamed, bounded, rows numbered as a
spreadsheet shows them, the header being line 1) and sorts the rows into
accepted :class:`RepairRecord` objects and refused rows, each refusal naming
its line and the reason. A row is refused when:

* its ``repair_status`` is not one of the ORDS statuses (``Fixed``,
  ``Repairable``, ``End of life``, ``Unknown``; compared without regard to case);
* its ``event_date`` is not a real date (``2023-02-30``), not ISO ``YYYY-MM-DD``,
  outside 1990..2100, or after ``today`` when one is given;
* its ``id`` is empty, or the same ``id`` appeared on an earlier line of the file;
* ``product_age`` or ``year_of_manufacture`` is given but is not a number in range.

Whether anything is stored when rows are refused is the caller's decision
(all-or-nothing unless told to skip invalid rows); this module only reads.

Mass kept in use: ORDS records carry no mass. :func:`mass_kept_in_use` counts
each **Fixed** item at the weight of its product category
(:func:`category_weights`, ``data/repair_category_weights.csv``: The Restart
Project's Fixometer weights where the category exists there, labelled
estimates otherwise). Repairable and End-of-life items are not counted: a
repairable item has not been repaired yet and an end-of-life one was not kept.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files

from circularcities.core import rules
from circularcities.core.i18n import Message
from circularcities.core.rules import FieldError
from circularcities.core.tables import Limits, read_table

ORDS_VERSION = "0.3"

ORDS_COLUMNS = ("id", "data_provider", "country", "partner_product_category", "product_category",
                "product_category_id", "brand", "year_of_manufacture", "product_age", "repair_status",
                "repair_barrier_if_end_of_life", "group_identifier", "event_date", "problem")
"""The columns of an ORDS 0.3 file, in the order the Open Repair Alliance publishes them."""

REQUIRED_COLUMNS = ("id", "product_category", "repair_status", "event_date")

FIXED, REPAIRABLE, END_OF_LIFE, UNKNOWN = "Fixed", "Repairable", "End of life", "Unknown"
STATUSES = (FIXED, REPAIRABLE, END_OF_LIFE, UNKNOWN)
"""ORDS repair statuses. ``Unknown`` is part of the standard (the outcome was not logged)."""
_STATUS_BY_KEY = {s.lower(): s for s in STATUSES}

BARRIERS = ("Spare parts not available", "Spare parts too expensive", "No way to open product",
            "Repair information not available", "Item too worn out", "Lack of equipment")
"""ORDS barriers to repair (for End-of-life items)."""

MAX_AGE_YEARS = 150.0
MAX_TEXT = 1000


@dataclass(frozen=True)
class RepairRecord:
    """One repair attempt as ORDS describes it. ``product_age`` in years."""

    id: str
    product_category: str
    repair_status: str
    event_date: dt.date
    data_provider: str = ""
    country: str = ""
    partner_product_category: str = ""
    product_category_id: int | None = None
    brand: str = ""
    year_of_manufacture: int | None = None
    product_age: float | None = None
    repair_barrier_if_end_of_life: str = ""
    group_identifier: str = ""
    problem: str = ""
    line: int = 0

    def as_row(self) -> list:
        """The record's cells in :data:`ORDS_COLUMNS` order (for an ORDS CSV export)."""
        age = "" if self.product_age is None else (
            str(int(self.product_age)) if float(self.product_age).is_integer() else str(self.product_age))
        return [self.id, self.data_provider, self.country, self.partner_product_category,
                self.product_category, "" if self.product_category_id is None else self.product_category_id,
                self.brand, "" if self.year_of_manufacture is None else self.year_of_manufacture, age,
                self.repair_status, self.repair_barrier_if_end_of_life, self.group_identifier,
                self.event_date.isoformat(), self.problem]


@dataclass(frozen=True)
class Refusal:
    """A refused line: ``reason`` in English (the command line's JSON), ``column`` the
    column it concerns, ``message`` the same sentence renderable in any language."""

    line: int
    reason: str
    column: str | None = None
    message: object = None

    def as_dict(self, messages: bool = False) -> dict:
        """``{"line", "reason"}``; with ``messages`` also the column and the message's
        template and parameters, so a page can show the reason in its reader's language."""
        out: dict = {"line": self.line, "reason": self.reason}
        if messages and self.column:
            out["column"] = self.column
        if messages and isinstance(self.message, Message):
            out["message"] = {"template": self.message.template, "params": self.message.params}
        return out


def refusal_message(refused: dict) -> str | Message:
    """A refused line's reason (an :meth:`Refusal.as_dict`) as a message that renders in
    the reader's language, or its English when it was not kept as one."""
    kept = refused.get("message")
    return Message(kept["template"], **kept["params"]) if kept else refused["reason"]


@dataclass
class ParseResult:
    records: list[RepairRecord] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused


def normalise_status(value: str) -> str | None:
    """The ORDS status for ``value`` (any case, surrounding blanks ignored), else ``None``."""
    return _STATUS_BY_KEY.get(" ".join(str(value or "").split()).lower())


def _optional_number(name: str, raw: str, *, maximum: float, integer: bool = False):
    return rules.number(name, raw, maximum=maximum, integer=integer, required=False)


def check_record(cells: dict[str, str], *, line: int = 0, today: dt.date | None = None) -> RepairRecord:
    """One ORDS row (column name -> text) as a :class:`RepairRecord`; raises :class:`FieldError`.

    Used by the file reader and by every form or API call that logs a repair, so a
    repair typed in a browser passes the same checks as one imported from a file.
    """
    def get(key: str) -> str:
        # Single-line ORDS fields: line breaks some exports leave inside a cell become spaces.
        return " ".join(str(cells.get(key) or "").split())

    ident = rules.name("id", get("id"), max_length=100)
    if not ident:
        raise FieldError("id", rules.Msg("The record has no id."))
    raw_status = get("repair_status")
    status = normalise_status(raw_status)
    if status is None:
        raise FieldError("repair_status", rules.Msg("Unknown repair status '%(value)s'; expected Fixed, Repairable, End of life or Unknown."), value=raw_status[:40])
    raw_date = get("event_date")
    try:
        date = dt.date.fromisoformat(raw_date[:10]) if len(raw_date) in (10, 19, 20, 25) else None
    except ValueError:
        date = None
    if date is None:
        raise FieldError("event_date", rules.Msg("Impossible date '%(value)s'; expected a real date such as 2024-03-31."), value=raw_date[:40])
    rules.date("event_date", date, not_future=today is not None, today=today)
    category = rules.name("product_category", get("product_category"), max_length=200)
    cat_id = _optional_number("product_category_id", get("product_category_id"), maximum=10_000,
                              integer=True)
    year = get("year_of_manufacture")
    year_value = rules.year("year_of_manufacture", year, required=False) if year else None
    age = _optional_number("product_age", get("product_age"), maximum=MAX_AGE_YEARS)
    return RepairRecord(
        id=ident, product_category=category, repair_status=status, event_date=date,
        data_provider=rules.name("data_provider", get("data_provider")),
        country=rules.name("country", get("country"), max_length=3).upper(),
        partner_product_category=rules.name("partner_product_category", get("partner_product_category")),
        product_category_id=cat_id, brand=rules.name("brand", get("brand")),
        year_of_manufacture=year_value, product_age=age,
        repair_barrier_if_end_of_life=rules.name("repair_barrier_if_end_of_life",
                                                 get("repair_barrier_if_end_of_life")),
        group_identifier=rules.name("group_identifier", get("group_identifier")),
        problem=rules.text("problem", str(cells.get("problem") or ""), max_length=MAX_TEXT), line=line)


def parse_ords(data: bytes, filename: str = "", *, today: dt.date | None = None,
               limits: Limits | None = None) -> ParseResult:
    """Read an ORDS CSV file: accepted records and refused lines (see the module docstring).

    A file that cannot be read as a table at all (not a CSV, no header with the
    required columns, beyond the limits) raises
    :class:`~circularcities.core.errors.DataImportError`.
    """
    table = read_table(data, filename, None, REQUIRED_COLUMNS,
                       tuple(c for c in ORDS_COLUMNS if c not in REQUIRED_COLUMNS),
                       limits=limits, formats=("csv",), header_search=1)
    result = ParseResult()
    seen: dict[str, int] = {}
    for row in table.rows:
        cells = row.cells
        ident = (cells.get("id") or "").strip()
        if ident and ident in seen:
            msg = Message("Duplicate id '%(id)s': already on line %(line)s of this file.",
                          id=ident[:100], line=seen[ident])
            result.refused.append(Refusal(row.number, str(msg), "id", msg))
            continue
        try:
            record = check_record(cells, line=row.number, today=today)
        except FieldError as exc:
            result.refused.append(Refusal(row.number, exc.full("en"), exc.field, exc.message()))
            continue
        seen[record.id] = row.number
        result.records.append(record)
    return result


# --- counting ----------------------------------------------------------------

def by_status(records: Iterable[RepairRecord]) -> dict[str, int]:
    """Records per ORDS status, in the standard's order, statuses with none left out."""
    counts = Counter(r.repair_status for r in records)
    return {s: counts[s] for s in STATUSES if counts[s]}


def by_category(records: Iterable[RepairRecord]) -> dict[str, int]:
    """Records per product category, the most repaired first (then by name)."""
    counts = Counter(r.product_category for r in records)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def fix_rate(statuses: dict[str, int]) -> float | None:
    """Fixed over the attempts whose outcome is known (Fixed + Repairable + End of life).

    ``Unknown`` outcomes are left out of both parts; ``None`` when no outcome is known.
    """
    known = statuses.get(FIXED, 0) + statuses.get(REPAIRABLE, 0) + statuses.get(END_OF_LIFE, 0)
    return statuses.get(FIXED, 0) / known if known else None


@dataclass(frozen=True)
class CategoryWeight:
    category: str
    category_id: int
    kg: float
    basis: str  # "source" or "estimate"
    note: str

    @property
    def is_estimate(self) -> bool:
        return self.basis == "estimate"


def category_weights() -> dict[str, CategoryWeight]:
    """Mass per ORDS product category (kg per item), with its basis and note."""
    text = files("circularcities.data").joinpath("repair_category_weights.csv").read_text("utf-8")
    out = {}
    for r in csv.DictReader(text.splitlines()):
        out[r["product_category"]] = CategoryWeight(r["product_category"], int(r["product_category_id"]),
                                                    float(r["kg"]), r["basis"], r["note"])
    return out


def ords_categories() -> list[tuple[int, str]]:
    """The 40 ORDS product categories as ``(id, name)``, by id."""
    return sorted((w.category_id, w.category) for w in category_weights().values())


@dataclass(frozen=True)
class CategoryRow:
    category: str
    statuses: dict[str, int]
    attempts: int
    fix_rate: float | None
    kg_per_item: float | None
    weight_basis: str  # "source", "estimate" or "" (no weight known)
    kg_kept: float


@dataclass(frozen=True)
class RepairSummary:
    records: int
    statuses: dict[str, int]
    fix_rate: float | None
    kg_kept: float
    kg_kept_estimated: float
    fixed_without_weight: int
    categories: list[CategoryRow]


def summarise(pairs: Iterable[tuple[str, str]], weights: dict[str, CategoryWeight] | None = None) -> RepairSummary:
    """Counts, fix rates and mass kept in use from ``(product_category, repair_status)`` pairs.

    Mass kept in use = the number of Fixed items of each category times the
    category's weight. ``kg_kept_estimated`` is the part of it that rests on
    estimated weights; Fixed items of a category with no weight are counted in
    ``fixed_without_weight`` and add no mass.
    """
    weights = category_weights() if weights is None else weights
    per: dict[str, Counter] = {}
    for cat, status in pairs:
        per.setdefault(cat, Counter())[status] += 1
    rows = []
    total: Counter = Counter()
    kg = kg_est = 0.0
    unweighted = 0
    for cat, counts in per.items():
        total.update(counts)
        statuses = {s: counts[s] for s in STATUSES if counts[s]}
        w = weights.get(cat)
        kept = counts[FIXED] * w.kg if w else 0.0
        if w is None:
            unweighted += counts[FIXED]
        elif w.is_estimate:
            kg_est += kept
        kg += kept
        rows.append(CategoryRow(cat, statuses, sum(counts.values()), fix_rate(statuses),
                                w.kg if w else None, w.basis if w else "", kept))
    rows.sort(key=lambda r: (-r.attempts, r.category))
    statuses = {s: total[s] for s in STATUSES if total[s]}
    return RepairSummary(sum(total.values()), statuses, fix_rate(statuses), kg, kg_est, unweighted, rows)


def mass_kept_in_use(records: Iterable[RepairRecord], weights: dict[str, CategoryWeight] | None = None) -> float:
    """Kilograms of Fixed items kept in use (see :func:`summarise`)."""
    return summarise(((r.product_category, r.repair_status) for r in records), weights).kg_kept


def import_report(result: ParseResult, *, skip_invalid: bool, messages: bool = False) -> dict:
    """The ``circularcities repair import --json`` document for a parsed file.

    ``records`` counts what is imported: every accepted record when nothing was
    refused or ``skip_invalid`` is set, else none (an import is all or nothing).
    """
    imported = result.records if (result.ok or skip_invalid) else []
    return {"records": len(imported), "by_status": by_status(imported),
            "by_category": by_category(imported),
            "refused": [r.as_dict(messages) for r in result.refused]}


__all__ = ["BARRIERS", "ORDS_COLUMNS", "STATUSES", "CategoryWeight", "ParseResult", "Refusal",
           "RepairRecord", "RepairSummary", "by_category", "by_status", "category_weights", "check_record",
           "fix_rate", "import_report", "mass_kept_in_use", "normalise_status", "ords_categories",
           "parse_ords", "refusal_message", "summarise"]
