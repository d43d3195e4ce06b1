"""Read MCI inputs from a CSV or Excel table (the ``circularcities passport mci`` format)."""

from __future__ import annotations

from circularcities.core import rules
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.passport.mci import MAX_MASS_KG, MAX_RATIO, Flows, flow_problems
from circularcities.core.tables import read_table

COLUMNS = ("id", "mass_kg", "recycled_in", "reused_in", "sustained_bio_in", "recycled_out",
           "reused_out", "composted_out", "energy_out", "eff_collection", "eff_feedstock",
           "lifetime_ratio", "use_ratio")
"""The columns, in order; every one is required."""
_FRACTIONS = COLUMNS[2:11]


def read_flows(data: bytes, filename: str = "components.csv", method: str = "2019") -> list[Flows]:
    """Every row as :class:`Flows`, or :class:`DataImportError` listing every bad
    line (by row number as the file shows it) and nothing else."""
    table = read_table(data, filename, None, COLUMNS, first_sheet_fallback=True)
    problems: list[Problem] = []
    out: list[Flows] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        values: dict[str, float] = {}
        bad = False
        ident = str(row["id"]).strip()
        try:
            ident = rules.name("id", row["id"], max_length=200, required=True)
        except rules.FieldError as exc:
            problems.append(table.problem(exc.text(), row.number, "id"))
            bad = True
        if ident in seen:
            problems.append(table.problem(f"The id '{ident}' is already used on row {seen[ident]}.",
                                          row.number, "id"))
            bad = True
        seen.setdefault(ident, row.number)
        for col in COLUMNS[1:]:
            try:
                if col == "mass_kg":
                    values[col] = rules.positive(col, row.value(col), maximum=MAX_MASS_KG)
                elif col in _FRACTIONS:
                    values[col] = rules.fraction(col, row.value(col))
                else:
                    values[col] = rules.positive(col, row.value(col), maximum=MAX_RATIO)
            except rules.FieldError as exc:
                problems.append(table.problem(exc.text(), row.number, col))
                bad = True
        if bad:
            continue
        probe = Flows.__new__(Flows)
        for k, v in values.items():
            object.__setattr__(probe, k, float(v))
        object.__setattr__(probe, "id", ident)
        found = flow_problems(probe, method)  # type: ignore[arg-type]
        if found:
            problems.extend(table.problem(p, row.number) for p in found)
            continue
        out.append(Flows(id=ident, **{k: float(v) for k, v in values.items()}))
    if problems:
        raise DataImportError(problems)
    if not out:
        raise DataImportError([Problem("Expected at least one component row under the header.",
                                       table.sheet, table.header_row + 1)])
    return out
