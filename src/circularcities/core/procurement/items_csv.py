"""Read an items table (CSV or XLSX) for the life-cycle comparison.

Columns: ``item,alternative,module,quantity,unit,kgco2e_per_unit``; ``item`` and
``alternative`` are the English names (the keys), optional ``item_<lang>`` and
``alternative_<lang>`` columns (``item_ja``, ...) give them in other languages (a file
without them imports as English only). The first alternative of each item (in file order) is its reference; each row's factor
is per that row's unit, and alternatives of one item may use different units.
Every bad row is reported by line and column, and nothing is computed.
"""

from __future__ import annotations

from circularcities.core.errors import DataImportError, Problem, ValidationError
from circularcities.core.procurement.lifecycle import (
    MAX_FACTOR,
    MAX_QUANTITY,
    Alternative,
    Item,
    ModuleLine,
)
from circularcities.core.procurement.modules import MODULES, module_code, unit_code
from circularcities.core.tables import Limits, read_table

COLUMNS = ("item", "alternative", "module", "quantity", "unit", "kgco2e_per_unit")
OPTIONAL = ("source", "generic")
LANGUAGES = ("zh", "ja", "ko")  # the optional name columns: item_zh, alternative_zh, ...


def _number(table, row, column, problems) -> float | None:
    raw = row.value(column)
    if raw is None:
        problems.append(table.problem("A value is required.", row.number, column))
        return None
    try:
        value = float(str(raw).strip().replace(",", "")) if isinstance(raw, str) else float(raw)
    except (TypeError, ValueError):
        problems.append(table.problem(f"'{raw}' is not a number.", row.number, column))
        return None
    if value != value or value in (float("inf"), float("-inf")):
        problems.append(table.problem(f"Expected a finite number; got {raw}.", row.number, column))
        return None
    return value


def _names(row, column: str, languages: tuple[str, ...], into: dict[str, str]) -> None:
    """The non-empty ``column_<lang>`` cells of ``row`` into ``into`` (a first non-empty one wins)."""
    for lang in languages:
        text = (row[f"{column}_{lang}"] or "").strip()
        if text and not into.get(lang):
            into[lang] = text


def read_items(data: bytes, filename: str = "items.csv", *, limits: Limits | None = None,
               languages: tuple[str, ...] = LANGUAGES) -> list[Item]:
    """The items of the table, in file order; raises DataImportError listing every problem.
    ``languages``: the suffixes of the optional name columns read (``item_ja``, ...)."""
    optional = OPTIONAL + tuple(f"{c}_{lang}" for c in ("item", "alternative") for lang in languages)
    table = read_table(data, filename, None, COLUMNS, optional, limits=limits,
                       csv_sheet=filename.rsplit("/", 1)[-1] or None)
    problems: list[Problem] = []
    # item -> alternative -> lines; dicts keep file order.
    grouped: dict[str, dict[str, list[ModuleLine]]] = {}
    first_row: dict[str, int] = {}
    item_names: dict[str, dict[str, str]] = {}
    alt_names: dict[tuple[str, str], dict[str, str]] = {}
    for row in table.rows:
        item, alt = row["item"].strip(), row["alternative"].strip()
        _names(row, "item", languages, item_names.setdefault(item, {}))
        _names(row, "alternative", languages, alt_names.setdefault((item, alt), {}))
        bad = len(problems)
        if not item:
            problems.append(table.problem("Expected the item's name.", row.number, "item"))
        if not alt:
            problems.append(table.problem("Expected the alternative's name.", row.number, "alternative"))
        module = module_code(row["module"])
        if module is None:
            problems.append(table.problem(
                f"'{row['module']}' is not an EN 15804 module; expected one of {', '.join(MODULES)}.",
                row.number, "module"))
        quantity = _number(table, row, "quantity", problems)
        if quantity is not None and quantity < 0:
            problems.append(table.problem(f"Expected a quantity of 0 or more; got {quantity:g}.",
                                          row.number, "quantity"))
        elif quantity is not None and quantity > MAX_QUANTITY:
            problems.append(table.problem(f"Expected at most {MAX_QUANTITY:g}; got {quantity:g}.",
                                          row.number, "quantity"))
        unit = unit_code(row["unit"])
        if not unit:
            problems.append(table.problem("Expected the unit of the quantity (t, m3, piece...).",
                                          row.number, "unit"))
        factor = _number(table, row, "kgco2e_per_unit", problems)
        if factor is not None and abs(factor) > MAX_FACTOR:
            problems.append(table.problem(f"Expected kg CO2e per unit within ±{MAX_FACTOR:g}; got "
                                          f"{factor:g}.", row.number, "kgco2e_per_unit"))
        if len(problems) > bad or module is None or quantity is None or factor is None:
            continue
        generic = row["generic"].strip().lower() in ("1", "true", "yes", "y", "generic")
        line = ModuleLine(module, quantity, unit, factor, row["source"].strip(), generic)
        grouped.setdefault(item, {}).setdefault(alt, []).append(line)
        first_row.setdefault(item, row.number)
    items: list[Item] = []
    for name, alts in grouped.items():
        try:
            items.append(Item(name, tuple(Alternative(a, tuple(lines), names=tuple(alt_names[name, a].items()))
                                          for a, lines in alts.items()),
                              names=tuple(item_names[name].items())))
        except ValidationError as exc:
            problems.append(table.problem(str(exc), first_row[name], "item"))
    if problems:
        raise DataImportError(problems)
    if not items:
        raise DataImportError([table.problem("Expected at least one item with two alternatives.",
                                             table.header_row + 1)])
    return items
