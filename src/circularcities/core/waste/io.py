"""Reading waste streams from CSV or Excel (through :mod:`circularcities.core.tables`).

Every row is read and checked before anything is returned: a file with any
bad row raises :class:`~circularcities.core.errors.DataImportError` listing
every problem by row (line) and column, so nothing is computed or imported
from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from circularcities.core import rules
from circularcities.core.errors import DataImportError, Problem
from circularcities.core.rules import FieldError
from circularcities.core.tables import Limits, Table, read_table
from circularcities.core.waste.streams import QUALITIES, ROUTES, Stream

ROUTE_COLUMNS = tuple(f"{r}_t" for r in ROUTES)
CLI_COLUMNS = ("stream", "year", "generated_t", *ROUTE_COLUMNS)
"""The columns of ``circularcities waste rates`` (all required)."""
IMPORT_REQUIRED = ("stream", "year", "area", "generated_t")
NAME_LANGUAGES = ("zh", "ja", "ko")
"""Optional columns ``stream_zh``, ``stream_ja``, ``stream_ko``: the stream's name in those languages
(``stream`` is the English name, the key; a file without them imports as English only)."""
IMPORT_OPTIONAL = (*(f"stream_{lang}" for lang in NAME_LANGUAGES), "month", "ewc_code", "collected_t",
                   *ROUTE_COLUMNS, "uncontrolled_t", "from_storage_t", "source", "quality")
IMPORT_COLUMNS = IMPORT_REQUIRED + IMPORT_OPTIONAL
SHEET = "streams"
MAX_PROBLEMS = 200


@dataclass(frozen=True)
class StreamRow:
    """A checked row: its line in the file, the stream, and where its figures come from."""

    line: int
    stream: Stream
    source: str = ""
    quality: str = "measured"
    names: tuple[tuple[str, str], ...] = ()  # the name in other languages: (("ja", "..."), ...)


def _cell(row, name):
    v = row.value(name)
    return v.strip() if isinstance(v, str) else v


def _stream_of(row, columns: tuple[str, ...]) -> tuple[Stream, str, str]:
    def opt(name):
        return _cell(row, name) if name in columns else None

    for name in ("generated_t", *ROUTE_COLUMNS, "collected_t", "uncontrolled_t", "from_storage_t"):
        # A negative figure is named before any balance rule looks at the row.
        value = opt(name)
        if value is not None:
            rules.non_negative(name, value, maximum=rules.MAX_TONNES, required=False)
    routes = {}
    for r in ROUTES:
        value = opt(f"{r}_t")
        routes[r] = 0.0 if value is None else rules.non_negative(f"{r}_t", value, maximum=rules.MAX_TONNES)
    generated = rules.non_negative("generated_t", _cell(row, "generated_t"), maximum=rules.MAX_TONNES)
    year_value = _cell(row, "year")
    year = rules.year("year", int(year_value) if isinstance(year_value, float) and year_value.is_integer()
                      else year_value)
    month = opt("month")
    quality = rules.text("quality", opt("quality") or "measured", max_length=20).lower()
    rules.choice("quality", quality, QUALITIES)
    stream = Stream(
        stream=row["stream"], year=year, generated_t=generated, routes=routes,
        area=(opt("area") or "").lower().replace(" ", "_").replace("&", "").replace("-", "_"),
        month=None if month in (None, "") else month,
        collected_t=opt("collected_t"),
        uncontrolled_t=opt("uncontrolled_t") or 0.0,
        from_storage_t=opt("from_storage_t") or 0.0,
        ewc_code=str(opt("ewc_code") or ""),
    )
    source = rules.name("source", opt("source") or "", max_length=300)
    return stream, source, quality


def rows_of(table: Table, *, ewc_codes: frozenset[str] | None = None) -> list[StreamRow]:
    """Check every row of ``table``; return them all or raise DataImportError listing every problem."""
    from circularcities.core.waste.streams import normalise_ewc

    problems: list[Problem] = []
    out: list[StreamRow] = []
    seen: dict[tuple, int] = {}
    for row in table.rows:
        try:
            stream, source, quality = _stream_of(row, table.columns)
            names = tuple((lang, text) for lang in NAME_LANGUAGES if f"stream_{lang}" in table.columns
                          and (text := rules.name(f"stream_{lang}", _cell(row, f"stream_{lang}") or "")))
            if ewc_codes is not None:
                normalise_ewc(stream.ewc_code, ewc_codes)
        except FieldError as exc:
            column = exc.field if exc.field in table.letters else None
            problems.append(table.problem(exc.text("en"), row.number, column))
        else:
            key = (stream.area, stream.stream, stream.year, stream.month)
            if key in seen:
                problems.append(table.problem(
                    f"Stream '{stream.stream}' {stream.year}{f'-{stream.month:02d}' if stream.month else ''} "
                    f"is already on row {seen[key]}.", row.number, "stream"))
            else:
                seen[key] = row.number
                out.append(StreamRow(row.number, stream, source, quality, names))
        if len(problems) >= MAX_PROBLEMS:
            break
    if not table.rows:
        problems.append(table.problem("Expected at least one data row under the header.", table.header_row))
    if problems:
        raise DataImportError(problems)
    return out


def read_rates_file(data: bytes, filename: str = "", *, limits: Limits | None = None) -> list[StreamRow]:
    """The rows of a ``waste rates`` CSV (columns :data:`CLI_COLUMNS`), every one checked."""
    table = read_table(data, filename, None, CLI_COLUMNS, limits=limits, formats=("csv",),
                       csv_sheet=None)
    return rows_of(table)


def read_streams(data: bytes, filename: str = "", *, ewc_codes: frozenset[str] | None = None,
                 limits: Limits | None = None) -> list[StreamRow]:
    """The rows of a streams import (CSV, or the ``streams`` sheet of the Excel template)."""
    table = read_table(data, filename, SHEET, IMPORT_REQUIRED, IMPORT_OPTIONAL, limits=limits,
                       first_sheet_fallback=True)
    return rows_of(table, ewc_codes=ewc_codes)
