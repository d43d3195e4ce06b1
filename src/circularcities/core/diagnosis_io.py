"""Excel/CSV exchange format for a city's diagnosis data.

A workbook has a ``README`` sheet (instructions in English and Chinese, ignored on
reading) and four data sheets; the first row of each is the header, and the
columns can be in any order:

=============  ==========================================================================
sheet          columns (``*`` = optional)
=============  ==========================================================================
flows          origin, destination, year, layer, material, value, unit, source*, quality
stocks         process, year, layer, material, stock_change, unit, source*, quality
indicators     indicator_code, year, value, unit, source*, quality
maturity       assessment_date, subject, r, level, note*
=============  ==========================================================================

Reading checks every row and collects every problem as a :class:`Problem` with
the sheet, the spreadsheet row number (header = 1) and the column header; if there
is any, :class:`DataImportError` is raised and nothing is returned (all or nothing).
The same sheets can be read from CSV files, one file per sheet.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from circularcities.core.errors import DataImportError, Problem
from circularcities.core.indicators.catalogue import QUALITY_FLAGS, load_catalogue
from circularcities.core.maturity.model import R_STRATEGIES, SUBJECTS, Assessment
from circularcities.core.mfa.model import (
    LAYERS,
    PROCESSES,
    STOCK_PROCESSES,
    UNITS_BY_LAYER,
    YEAR_MAX,
    YEAR_MIN,
    CityMetabolism,
    Flow,
    StockChange,
)
from circularcities.core.tables import Limits, Table, Workbook, open_table, read_sheet

COLUMNS: dict[str, tuple[str, ...]] = {
    "flows": ("origin", "destination", "year", "layer", "material", "value", "unit", "source", "quality"),
    "stocks": ("process", "year", "layer", "material", "stock_change", "unit", "source", "quality"),
    "indicators": ("indicator_code", "year", "value", "unit", "source", "quality"),
    "maturity": ("assessment_date", "subject", "r", "level", "note"),
}
"""Data sheets and their columns, in the order the template writes them."""
OPTIONAL_COLUMNS = frozenset({"source", "note"})
SIGNED_INDICATORS = frozenset({"MF-DMC", "MF-DMC-CAP", "MF-STOCK-ADD-CAP"})
"""Indicators that may legitimately be negative (e.g. a shrinking building stock)."""


@dataclass(frozen=True)
class FlowRow:
    origin: str
    destination: str
    year: int
    layer: str
    material: str
    value: float
    unit: str
    source: str = ""
    quality: str = "measured"


@dataclass(frozen=True)
class StockRow:
    process: str
    year: int
    layer: str
    material: str
    stock_change: float
    unit: str
    source: str = ""
    quality: str = "measured"


@dataclass(frozen=True)
class IndicatorRow:
    indicator_code: str
    year: int
    value: float
    unit: str
    source: str = ""
    quality: str = "measured"


@dataclass(frozen=True)
class MaturityRow:
    assessment_date: dt.date
    subject: str
    r: str
    level: int
    note: str = ""


ROW_TYPES = {"flows": FlowRow, "stocks": StockRow, "indicators": IndicatorRow, "maturity": MaturityRow}


@dataclass
class DiagnosisData:
    """A city's diagnosis data as plain rows, one list per sheet."""

    flows: list[FlowRow] = field(default_factory=list)
    stocks: list[StockRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    maturity: list[MaturityRow] = field(default_factory=list)

    def to_metabolism(self) -> CityMetabolism:
        """The flows and stock changes as a :class:`CityMetabolism`."""
        return CityMetabolism(
            flows=[Flow(f.origin, f.destination, f.year, f.layer, f.material, f.value, f.unit)
                   for f in self.flows],
            stock_changes=[StockChange(s.process, s.year, s.layer, s.material, s.stock_change, s.unit)
                           for s in self.stocks])

    def assessments(self) -> list[Assessment]:
        """One 7R :class:`Assessment` per (date, subject), oldest first."""
        groups: dict[tuple, dict[str, MaturityRow]] = {}
        for m in self.maturity:
            groups.setdefault((m.assessment_date, m.subject), {})[m.r] = m
        return [Assessment(d, s, {r: row.level for r, row in rows.items()},
                           {r: row.note for r, row in rows.items() if row.note})
                for (d, s), rows in sorted(groups.items())]

    def indicator_values(self) -> dict[str, dict[int, IndicatorRow]]:
        """``code -> year -> row``."""
        out: dict[str, dict[int, IndicatorRow]] = {}
        for row in self.indicators:
            out.setdefault(row.indicator_code, {})[row.year] = row
        return out


# -- cell parsing ------------------------------------------------------------------------
class _Bad(Exception):
    """A cell that cannot be used; the message is for the user."""


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _number(v: Any) -> float:
    if isinstance(v, bool):
        raise _Bad(f"Expected a number, got {v!r}.")
    if isinstance(v, int | float):
        x = float(v)
    else:
        text = _text(v)
        if not text:
            raise _Bad("Expected a number, the cell is empty.")
        try:
            x = float(text.replace(",", ""))
        except ValueError:
            raise _Bad(f"Expected a number, got {text!r}.") from None
    if x != x or x in (float("inf"), float("-inf")):
        raise _Bad(f"Expected a finite number, got {v!r}.")
    return x


def _year(v: Any) -> int:
    try:
        x = _number(v)
    except _Bad:
        raise _Bad(f"Expected a year {YEAR_MIN}..{YEAR_MAX}, got {_text(v)!r}.") from None
    if not x.is_integer() or not YEAR_MIN <= x <= YEAR_MAX:
        raise _Bad(f"Expected a year {YEAR_MIN}..{YEAR_MAX}, got {_text(v)!r}.")
    return int(x)


def _date(v: Any) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        d = dt.date.fromisoformat(_text(v)[:10])
    except ValueError:
        raise _Bad(f"Expected a date as YYYY-MM-DD, got {_text(v)!r}.") from None
    if not YEAR_MIN <= d.year <= YEAR_MAX:
        raise _Bad(f"Expected a date in {YEAR_MIN}..{YEAR_MAX}, got {d.isoformat()}.")
    return d


def _choice(v: Any, allowed: Iterable[str], what: str) -> str:
    s = _text(v)
    allowed = list(allowed)
    if s not in allowed:
        shown = ", ".join(allowed) if len(allowed) <= 15 else "the README sheet's list"
        raise _Bad(f"Expected {what} ({shown}), got {s!r}." if s else f"Expected {what}, the cell is empty.")
    return s


# -- row validation ----------------------------------------------------------------------
def _parse_row(sheet: str, cells: dict[str, Any], catalogue) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Parse one row: (values, [(column, message)])."""
    values: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []

    def take(col, fn):
        try:
            values[col] = fn(cells.get(col))
        except _Bad as exc:
            errors.append((col, str(exc)))

    marked = cells.get("source" if sheet != "maturity" else "note")
    if isinstance(marked, str) and marked.startswith(EXAMPLE_MARK):
        errors.append(("source" if sheet != "maturity" else "note",
                       "This is an example row of the template: replace it with your data or delete it."))
    if sheet in ("flows", "stocks", "indicators"):
        take("source", _text)
        take("quality", lambda v: _choice(v, QUALITY_FLAGS, "a quality flag"))
        take("year", _year)
    if sheet in ("flows", "stocks"):
        take("layer", lambda v: _choice(v, LAYERS, "a layer"))
        take("material", lambda v: _text(v) or _raise("Expected a material name, the cell is empty."))
        take("unit", _text)
        if "layer" in values and "unit" in values and values["unit"] not in UNITS_BY_LAYER[values["layer"]]:
            errors.append(("unit", f"Expected unit {' or '.join(sorted(UNITS_BY_LAYER[values['layer']]))} "
                                   f"for layer '{values['layer']}', got {values['unit']!r}."))
    if sheet == "flows":
        take("origin", lambda v: _choice(v, PROCESSES, "a process"))
        take("destination", lambda v: _choice(v, PROCESSES, "a process"))
        take("value", _number)
        if values.get("value", 0) < 0:
            errors.append(("value", f"Expected a quantity >= 0, got {values['value']:g}."))
        if "origin" in values and values.get("origin") == values.get("destination"):
            errors.append(("destination", "Expected destination to differ from origin."))
    elif sheet == "stocks":
        take("process", lambda v: _choice(v, sorted(STOCK_PROCESSES), "a stock process"))
        take("stock_change", _number)
    elif sheet == "indicators":
        take("indicator_code", lambda v: _choice(v, catalogue, "an indicator code from the catalogue"))
        take("value", _number)
        take("unit", _text)
        code = values.get("indicator_code")
        if code:
            if "unit" in values and values["unit"] != catalogue[code].unit:
                errors.append(("unit", f"Expected unit {catalogue[code].unit!r} for {code}, got {values['unit']!r}."))
            if values.get("value", 0) < 0 and code not in SIGNED_INDICATORS:
                errors.append(("value", f"Expected a value >= 0 for {code}, got {values['value']:g}."))
    elif sheet == "maturity":
        take("assessment_date", _date)
        take("subject", lambda v: _choice(v, SUBJECTS, "a subject"))
        take("r", lambda v: _choice(v, R_STRATEGIES, "an R strategy"))
        take("note", _text)

        def level(v):
            x = _number(v)
            if not x.is_integer() or not 1 <= x <= 5:
                raise _Bad(f"Expected a level 1..5, got {_text(v)!r}.")
            return int(x)

        take("level", level)
    return values, errors


def _raise(message: str):
    raise _Bad(message)


KEYS = {"flows": ("origin", "destination", "year", "layer", "material"),
        "stocks": ("process", "year", "layer", "material"),
        "indicators": ("indicator_code", "year"),
        "maturity": ("assessment_date", "subject", "r")}


def _read_sheet(sheet: str, table: Table, problems: list[Problem], catalogue) -> list:
    """Validate the data rows of one sheet, read by :func:`core.tables.read_sheet`."""
    present = [c for c in COLUMNS[sheet] if c in table.letters]
    out: list = []
    seen: dict[tuple, int] = {}
    for row in table.rows:
        number = row.number
        by_col = {c: row.value(c) for c in present}
        values, errors = _parse_row(sheet, by_col, catalogue)
        for col, msg in errors:
            problems.append(table.problem(msg, number, col))
        if errors:
            continue
        key = tuple(values[k] for k in KEYS[sheet])
        if key in seen:
            problems.append(table.problem(f"Expected one row per {', '.join(KEYS[sheet])}; this repeats row "
                                          f"{seen[key]}.", number, KEYS[sheet][0]))
            continue
        seen[key] = number
        out.append(ROW_TYPES[sheet](**{c: values.get(c, "") for c in COLUMNS[sheet]}))
    if sheet == "maturity":
        _check_complete_assessments(out, seen, problems)
    return out


def _check_complete_assessments(rows: list[MaturityRow], seen: dict, problems: list[Problem]) -> None:
    groups: dict[tuple, set[str]] = {}
    for m in rows:
        groups.setdefault((m.assessment_date, m.subject), set()).add(m.r)
    for (d, s), rs in groups.items():
        missing = [r for r in R_STRATEGIES if r not in rs]
        if missing:
            first = min(n for k, n in seen.items() if k[0] == d and k[1] == s)
            problems.append(Problem(f"Expected every R answered in the {s} assessment of {d.isoformat()}; "
                                    f"missing {', '.join(missing)}.", sheet="maturity", row=first, column="r"))


def _finish(tables: Mapping[str, Table | list[Problem] | None]) -> DiagnosisData:
    problems: list[Problem] = []
    catalogue = load_catalogue()
    data = DiagnosisData()
    for sheet in COLUMNS:
        table = tables.get(sheet)
        if table is None:
            problems.append(Problem(f"Expected a sheet named '{sheet}'.", sheet=sheet))
        elif isinstance(table, list):
            problems += table
        else:
            setattr(data, sheet, _read_sheet(sheet, table, problems, catalogue))
    if problems:
        raise DataImportError(problems)
    return data


def _table(book: Workbook, sheet: str) -> Table | list[Problem]:
    """A sheet's table, or the problems of its header (reported with every other sheet's)."""
    required = tuple(c for c in COLUMNS[sheet] if c not in OPTIONAL_COLUMNS)
    optional = tuple(c for c in COLUMNS[sheet] if c in OPTIONAL_COLUMNS)
    try:
        return read_sheet(book, sheet, required, optional)
    except DataImportError as exc:
        for p in exc.problems:
            p.sheet = sheet
        return exc.problems


def _bytes(source: str | os.PathLike | IO) -> bytes:
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as fh:
            raw = fh.read()
    else:
        raw = source.read()
    return raw.encode("utf-8") if isinstance(raw, str) else raw


# -- Excel ---------------------------------------------------------------------------------
def read_workbook(source: str | os.PathLike | IO[bytes], limits: Limits | None = None) -> DiagnosisData:
    """Read and validate a diagnosis workbook (.xlsx path or binary stream).

    Sheets are looked up by name before any row is read; a limit exceeded
    (:class:`~circularcities.core.tables.Limits`) stops reading at once.

    Raises
    ------
    DataImportError
        With every problem found (sheet, row, column, message).
    """
    try:
        data = _bytes(source)
    except OSError as exc:
        raise DataImportError([f"Expected an Excel .xlsx workbook that can be read: {exc.strerror}."]) from exc
    with open_table(data, "workbook.xlsx", limits=limits, formats=("xlsx",)) as book:
        return _finish({name: _table(book, name) for name in COLUMNS if name in book.sheetnames})


def read_csv_files(files: Mapping[str, str | os.PathLike | IO], limits: Limits | None = None) -> DiagnosisData:
    """Read the four sheets from CSV files, ``{"flows": path_or_stream, ...}``.

    Row numbers are CSV record numbers as a spreadsheet shows them (header = 1).
    """
    tables: dict[str, Table | list[Problem] | None] = {}
    for sheet, source in files.items():
        if sheet not in COLUMNS:
            raise DataImportError([Problem(f"Expected sheet names {', '.join(COLUMNS)}.", sheet=sheet)])
        try:
            data = _bytes(source)
        except OSError as exc:
            raise DataImportError([Problem(f"Expected a readable CSV file: {exc.strerror}.", sheet=sheet)]) from exc
        try:
            with open_table(data, f"{sheet}.csv", limits=limits, formats=("csv",), csv_sheet=sheet) as book:
                tables[sheet] = _table(book, sheet)
        except DataImportError as exc:
            for p in exc.problems:
                p.sheet = sheet
            raise
    return _finish(tables)


def read_csv_directory(path: str | os.PathLike) -> DiagnosisData:
    """Read ``flows.csv``, ``stocks.csv``, ``indicators.csv``, ``maturity.csv`` from a folder."""
    return read_csv_files({s: os.path.join(path, f"{s}.csv") for s in COLUMNS
                           if os.path.exists(os.path.join(path, f"{s}.csv"))})


README_LINES = [
    ("Circular Cities Platform: city diagnosis workbook", "循环城市平台：城市诊断数据表"),
    ("Fill in the four sheets flows, stocks, indicators and maturity. Keep the header row.",
     "请填写 flows、stocks、indicators、maturity 四个工作表，保留第一行表头。"),
    ("flows: one row per flow between two processes in a year; value >= 0.",
     "flows：每行为某年两个过程之间的一条流量，数值不小于 0。"),
    ("stocks: net addition to a stock process in a year (negative if it shrinks).",
     "stocks：某年存量过程的净增量（减少时为负数）。"),
    ("indicators: one value per indicator code and year, in the catalogue's unit.",
     "indicators：每个指标代码每年一个数值，单位须与指标目录一致。"),
    ("maturity: one row per R strategy and assessment; level 1 (nothing yet) to 5 (leading).",
     "maturity：每次评估每个 R 策略一行；等级 1（尚未开展）至 5（领先）。"),
    ("quality: measured, estimated, proxy or computed. Never leave a gap filled silently.",
     "quality（数据质量）：measured（实测）、estimated（估算）、proxy（替代）或 computed（计算）。不要悄悄填补空缺。"),
    ("processes: " + ", ".join(PROCESSES), "过程：" + ", ".join(PROCESSES)),
    ("stock processes: " + ", ".join(sorted(STOCK_PROCESSES)), "存量过程：" + ", ".join(sorted(STOCK_PROCESSES))),
    ("layers and units: " + "; ".join(f"{k} = {' or '.join(sorted(v))}" for k, v in UNITS_BY_LAYER.items()),
     "层与单位：" + "; ".join(f"{k} = {' or '.join(sorted(v))}" for k, v in UNITS_BY_LAYER.items())),
    ("R strategies: " + ", ".join(R_STRATEGIES) + "; subjects: " + ", ".join(SUBJECTS),
     "R 策略：" + ", ".join(R_STRATEGIES) + "；评估对象：" + ", ".join(SUBJECTS)),
    ("Indicator codes and units are listed below.", "指标代码和单位见下方列表。"),
]


EXAMPLE_MARK = "EXAMPLE"
"""Example rows of the template start their source (maturity: note) with this word; the
reader refuses them, so a template uploaded unchanged never replaces real data."""
EXAMPLES: dict[str, list[dict[str, object]]] = {
    "flows": [
        {"origin": "consumption", "destination": "collection", "year": 2023, "layer": "material",
         "material": "municipal solid waste", "value": 850000, "unit": "t", "source": "EXAMPLE – City statistical yearbook 2024",
         "quality": "measured"},
        {"origin": "collection", "destination": "incineration_energy_recovery", "year": 2023, "layer": "material",
         "material": "municipal solid waste", "value": 400000, "unit": "t", "source": "EXAMPLE – Sanitation bureau annual report",
         "quality": "estimated"},
        {"origin": "collection", "destination": "landfill", "year": 2023, "layer": "material",
         "material": "municipal solid waste", "value": 450000, "unit": "t", "source": "EXAMPLE – Sanitation bureau annual report",
         "quality": "estimated"},
    ],
    "stocks": [
        {"process": "landfill", "year": 2023, "layer": "material", "material": "municipal solid waste",
         "stock_change": 450000, "unit": "t", "source": "EXAMPLE – Sanitation bureau annual report", "quality": "estimated"},
    ],
    "indicators": [
        {"indicator_code": "MF-CMU", "year": 2023, "value": 9.5, "unit": "%", "source": "EXAMPLE – Eurostat", "quality": "proxy"},
    ],
    "maturity": [
        {"assessment_date": dt.date(2024, 5, 1), "subject": "city", "r": r, "level": level,
         "note": "EXAMPLE – two repair cafés, no city programme yet" if r == "repair" else "EXAMPLE"}
        for r, level in zip(R_STRATEGIES, (2, 1, 2, 2, 1, 3, 3), strict=True)
    ],
}
"""Example rows of the template (where a city's collected waste goes); users replace them."""


def _build_workbook(data: DiagnosisData | None, examples: bool = False):
    import openpyxl

    from circularcities.core.reports import append_row, template_sheet

    wb = openpyxl.Workbook()
    readme = wb.active
    readme.title = "README"
    append_row(readme, ["English", "中文"])
    for en, zh in README_LINES:
        append_row(readme, [en, zh])
    if examples:
        append_row(readme, ["The sheets start with example rows: replace or delete them before importing.",
                            "各工作表开头是示例行：导入前请替换或删除。"])
    append_row(readme, [])
    append_row(readme, ["indicator_code", "unit", "name_en", "name_zh"])
    catalogue = load_catalogue()
    for ind in catalogue.values():
        append_row(readme, [ind.code, ind.unit, ind.name_en, ind.name_zh])
    readme.column_dimensions["A"].width = 70
    readme.column_dimensions["B"].width = 60
    units = sorted({u for us in UNITS_BY_LAYER.values() for u in us} | {i.unit for i in catalogue.values()})
    lists = {"quality": QUALITY_FLAGS, "layer": LAYERS, "subject": SUBJECTS, "r": R_STRATEGIES,
             "origin": PROCESSES, "destination": PROCESSES, "process": sorted(STOCK_PROCESSES),
             "unit": units, "indicator_code": sorted(catalogue), "level": ("1", "2", "3", "4", "5")}
    bounds: dict[str, tuple[float | None, float | None]] = {
        "year": (YEAR_MIN, YEAR_MAX), "value": (None, None), "stock_change": (None, None)}
    for sheet, cols in COLUMNS.items():
        ws = wb.create_sheet(sheet)
        rows = EXAMPLES[sheet] if examples else ()
        if data:
            rows = [{c: getattr(row, c) for c in cols} for row in getattr(data, sheet, [])]
        template_sheet(ws, cols, rows, lists=lists, bounds={**bounds, "value": (0, None)} if sheet == "flows"
                       else bounds, last_row=10000)
    if "lists" in wb.sheetnames:  # the long drop-down lists, last
        wb.move_sheet("lists", offset=len(wb.sheetnames))
    return wb


def write_template(target: str | os.PathLike | IO[bytes], examples: bool = True) -> None:
    """Write the diagnosis workbook with README, headers, drop-down lists and (unless
    ``examples`` is false) example rows."""
    _build_workbook(None, examples).save(target)


def write_workbook(data: DiagnosisData, target: str | os.PathLike | IO[bytes]) -> None:
    """Write ``data`` in the template's format; :func:`read_workbook` reads it back unchanged."""
    _build_workbook(data).save(target)
