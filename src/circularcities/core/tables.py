"""The one table reader: CSV or an Excel sheet in, located rows out, within limits.

Every import of the platform (diagnosis, plans, progress, scenario workbooks,
listings, match and flow CSV files) reads its file here, so that every file
gets the same protections and the same messages:

* **What the file is** comes from its bytes, not its name: a PDF, an old
  ``.xls``, a zip that is not a workbook or binary junk is refused with one
  sentence, before anything is read.
* **CSV**: the encoding is detected (UTF-8 with or without BOM, UTF-16 with
  BOM, GB18030 as Chinese Excel saves it) and the delimiter (``,``, ``;``, tab
  or ``|``) is taken from the header line.
* **XLSX** is read with openpyxl in read-only (streaming) mode. Sheet names
  come from the small ``workbook.xml`` part, so a missing sheet is reported
  before any row is parsed.
* **Limits** (:class:`Limits`) are checked while reading: bytes of the file,
  bytes the workbook expands to, rows per sheet (blank rows included),
  columns, and cells per workbook. The worksheet XML is scanned for rows and
  cells before openpyxl parses it, so a few-KB file declaring millions of rows
  or a row of millions of cells is refused within a second, in bounded memory.
* **Header row**: the first row (among the first ``header_search`` non-blank
  ones) that holds every required column; names are compared case-insensitively,
  with spaces read as ``_``.
* **Locations**: rows are numbered as the spreadsheet shows them (the first
  line is row 1), and problems name the sheet, the row, the column letter and
  the header (:meth:`Table.problem`).

Everything here is pure Python (no Django); callers pass limits taken from
their settings. Every failure is a :class:`~circularcities.core.errors.DataImportError`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from circularcities.core.errors import DataImportError, Problem
from circularcities.core.i18n import Message
from circularcities.core.table_format import (  # noqa: F401  (re-exported: the reader's one import)
    _REL_NS,
    _SPLIT_HINT,
    CSV_FIELD_LIMIT,
    MB,
    _fail,
    _fmt,
    _local,
    _not_workbook,
    _scan,
    _size,
    _trim,
    _where,
    _xml,
    column_letter,
    decode_text,
    header_name,
    sniff_delimiter,
    sniff_kind,
    source_bytes,
    text,
)


@dataclass(frozen=True)
class Limits:
    """How much one import may read; exceeding any stops reading at once.

    The defaults suit a city's or a business's data (the largest demo workbook
    is far below them); a deployment raises them in settings (``IMPORT_MAX_*``,
    see :mod:`circularcities.web.uploads`).
    """

    max_bytes: int = 20 * MB
    """Size of the uploaded file."""
    max_expanded_bytes: int = 200 * MB
    """Total size of a workbook's parts once unzipped (XLSX is a zip of XML)."""
    max_rows: int = 100_000
    """Rows per sheet or CSV file, header and blank rows included."""
    max_columns: int = 200
    """Columns per row."""
    max_cells: int = 2_000_000
    """Cells per workbook (all sheets read), and distinct texts of a workbook."""


DEFAULT_LIMITS = Limits()
_configured: list[Limits] = [DEFAULT_LIMITS]


def configure(limits: Limits) -> None:
    """Set the limits used when a caller passes none (the web app applies its settings here)."""
    _configured[0] = limits


def default_limits() -> Limits:
    """The limits in force when a caller passes none."""
    return _configured[0]

class Workbook:
    """An opened table file: one CSV (a single sheet) or the sheets of an XLSX workbook.

    Use :func:`open_table`. ``sheetnames`` is known before any row is read;
    :meth:`rows` streams ``(row_number, cells)`` and enforces the limits.
    """

    def __init__(self, data: bytes, filename: str, limits: Limits, csv_sheet: str | None,
                 formats: tuple[str, ...] = ("csv", "xlsx")):
        self.filename = filename
        self.limits = limits
        self.cells_read = 0
        if len(data) > limits.max_bytes:
            raise _fail(Message("The file is larger than %(size)s; %(hint)s.", size=_size(limits.max_bytes),
                                hint=_SPLIT_HINT))
        if not data.strip():
            raise _fail(Message("The file is empty: expected a header row and data rows."), row=1)
        self.kind = sniff_kind(data, filename)
        if self.kind not in formats:
            if self.kind == "xlsx":
                raise _fail(Message("This file is an Excel workbook; expected a CSV file here. In Excel choose "
                                    "File > Save As > CSV UTF-8, then upload that file."))
            raise _fail(_not_workbook(Message("it is not a zip package as every .xlsx file is")))
        self._data = data
        self._text: str | None = None
        self._parts: dict[str, str] = {}
        if self.kind == "csv":
            self._text = decode_text(data)
            self.sheetnames = [csv_sheet or ""]
        else:
            self._open_zip()

    # The package is inspected with zipfile and ElementTree on its small parts
    # only: sheet names, where each sheet is, and the sizes it unzips to.
    def _open_zip(self) -> None:
        limits = self.limits
        try:
            zf = zipfile.ZipFile(io.BytesIO(self._data))
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
                what = (Message("it is a Word document") if "word/document.xml" in names else
                        Message("it is an OpenDocument file") if "mimetype" in names else
                        Message("it is a zip archive of other files"))
                raise _fail(_not_workbook(what))
            if len(infos) > 10_000 or sum(i.file_size for i in infos) > limits.max_expanded_bytes:
                raise _fail(Message("The workbook unzips to more than %(size)s; %(hint)s.",
                                    size=_size(limits.max_expanded_bytes), hint=_SPLIT_HINT))
            wb = _xml(zf, "xl/workbook.xml")
            rels = _xml(zf, "xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else None
            targets = {r.get("Id"): r.get("Target", "") for r in (rels if rels is not None else [])}
            for el in wb.iter():
                if _local(el.tag) == "sheet":
                    target = targets.get(el.get(f"{{{_REL_NS}}}id"), "")
                    target = target.lstrip("/") if target.startswith("/") else "xl/" + target
                    self._parts[el.get("name", "")] = target
            strings = [n for n in names if n.lower().endswith("sharedstrings.xml")]
            count = [0]

            def on_string(tag: bytes) -> None:
                count[0] += tag == b"si"
                if count[0] > limits.max_cells:
                    raise _fail(Message("The workbook holds more than %(limit)s distinct texts; %(hint)s.",
                                        limit=_fmt(limits.max_cells), hint=_SPLIT_HINT))

            for name in strings:
                with zf.open(name) as fh:
                    _scan(fh, on_string)
        except DataImportError:
            raise
        except Exception:  # zipfile and XML raise many kinds for a damaged file
            raise _fail(_not_workbook(Message("it is damaged or not a workbook"))) from None
        self.sheetnames = list(self._parts)
        self._zip = zf
        self._book: Any = None

    def require(self, *sheets: str) -> None:
        """Raise, naming every sheet of ``sheets`` the file lacks, before any row is read."""
        if self.kind == "csv":
            return
        missing = [s for s in sheets if s not in self.sheetnames]
        if missing:
            shown = ", ".join(f"'{s}'" for s in self.sheetnames) or Message("none")
            raise DataImportError([Problem(Message("Expected a sheet named '%(sheet)s'; the workbook's sheets "
                                                   "are %(sheets)s.", sheet=s, sheets=shown), s)
                                   for s in missing])

    def count_rows(self, sheet: str | None = None) -> int:
        """How many rows a sheet (the first if ``None``) or the CSV file has, blank ones
        included, without building any cell: cheap enough to decide, in a request,
        whether an import should run as a job. Limits apply."""
        if self.kind == "csv":
            return sum(1 for _ in self._csv_rows())
        name = sheet if sheet is not None else (self.sheetnames[0] if self.sheetnames else "")
        self.require(name)
        saved = self.cells_read
        try:
            return self._prescan(name)
        finally:
            self.cells_read = saved

    def _prescan(self, sheet: str) -> int:
        """Count rows and cells in the sheet's XML before openpyxl builds any of it."""
        limits = self.limits
        part = self._parts.get(sheet, "")
        if part not in self._zip.namelist():
            raise _fail(_not_workbook(Message("its sheet '%(sheet)s' is missing from the file", sheet=sheet)), sheet)
        state = {"rows": 0, "row_cells": 0, "cells": self.cells_read}
        width_cap = max(1_000, 4 * limits.max_columns)  # styled empty cells beyond the data are common

        def on_token(tag: bytes) -> None:
            if tag == b"row":
                state["rows"] += 1
                state["row_cells"] = 0
                if state["rows"] > limits.max_rows:
                    raise _too_many_rows(sheet, limits)
            elif tag == b"c":
                state["row_cells"] += 1
                state["cells"] += 1
                if state["row_cells"] > width_cap:
                    raise _too_many_columns(sheet, state["rows"], limits)
                if state["cells"] > limits.max_cells:
                    raise _too_many_cells(sheet, limits)

        try:
            with self._zip.open(part) as fh:
                _scan(fh, on_token)
        except DataImportError:
            raise
        except Exception:
            raise _fail(_not_workbook(Message("it is damaged")), sheet) from None
        return state["rows"]

    def rows(self, sheet: str | None = None) -> Iterator[tuple[int, tuple]]:
        """``(row_number, cells)`` of a sheet (the first if ``None``), blank rows included.

        Cells are typed for XLSX (str, int, float, bool, datetime) and strings
        for CSV; trailing empty cells are dropped. Raises DataImportError as
        soon as a limit is exceeded.
        """
        limits = self.limits
        if self.kind == "csv":
            yield from self._csv_rows()
            return
        name = sheet if sheet is not None else (self.sheetnames[0] if self.sheetnames else "")
        self.require(name)
        self._prescan(name)
        try:
            if self._book is None:
                from openpyxl import load_workbook

                self._book = load_workbook(io.BytesIO(self._data), read_only=True, data_only=True)
            ws = self._book[name]
            ws.reset_dimensions()  # a declared dimension of A1:XFD1048576 must not pad every row
            source = ws.iter_rows(max_col=limits.max_columns + 1, values_only=True)
            for number, raw in enumerate(source, start=1):
                yield self._checked(name, number, _trim(raw))
        except DataImportError:
            raise
        except Exception:  # openpyxl raises many kinds for a damaged sheet
            raise _fail(_not_workbook(Message("it is damaged")), name) from None

    def _checked(self, sheet: str | None, number: int, cells: tuple) -> tuple[int, tuple]:
        limits = self.limits
        if number > limits.max_rows:
            raise _too_many_rows(sheet, limits)
        if len(cells) > limits.max_columns:
            raise _too_many_columns(sheet, number, limits)
        self.cells_read += len(cells)
        if self.cells_read > limits.max_cells:
            raise _too_many_cells(sheet, limits)
        return number, cells

    def _csv_rows(self) -> Iterator[tuple[int, tuple]]:
        assert self._text is not None
        sheet = self.sheetnames[0] or None
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=sniff_delimiter(self._text))
        number = 0
        old = csv.field_size_limit(CSV_FIELD_LIMIT)
        try:
            for number, raw in enumerate(reader, start=1):
                yield self._checked(sheet, number, _trim([c.strip() for c in raw]))
        except csv.Error:
            raise _fail(Message("Row %(row)d could not be read as CSV: a cell is longer than "
                                "%(limit)s characters or a quote is not closed.", row=number + 1,
                                limit=_fmt(CSV_FIELD_LIMIT)), sheet, number + 1) from None
        finally:
            csv.field_size_limit(old)

    def close(self) -> None:
        if self.kind == "xlsx":
            if self._book is not None:
                self._book.close()
            self._zip.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _too_many_rows(sheet: str | None, limits: Limits) -> DataImportError:
    return _fail(Message("%(where)s has more than %(limit)s rows (blank rows count too); "
                         "delete unused rows, %(hint)s.", where=_where(sheet), limit=_fmt(limits.max_rows),
                         hint=_SPLIT_HINT), sheet)


def _too_many_columns(sheet: str | None, row: int, limits: Limits) -> DataImportError:
    return _fail(Message("%(where)s has more than %(limit)s columns in row %(row)d; delete "
                         "unused columns, %(hint)s.", where=_where(sheet), limit=_fmt(limits.max_columns),
                         row=row, hint=_SPLIT_HINT), sheet, row)


def _too_many_cells(sheet: str | None, limits: Limits) -> DataImportError:
    return _fail(Message("The file has more than %(limit)s cells; %(hint)s.", limit=_fmt(limits.max_cells),
                         hint=_SPLIT_HINT), sheet)


def count_rows(data: bytes, filename: str = "", sheets: tuple[str, ...] | None = None, *,
               limits: Limits | None = None, first_sheet_fallback: bool = False) -> int:
    """Rows of a CSV file, or of the ``sheets`` of a workbook that exist (all if ``None``;
    the first sheet if none of them exists and ``first_sheet_fallback``)."""
    with open_table(data, filename, limits=limits) as book:
        if book.kind == "csv":
            return book.count_rows()
        names = [s for s in (sheets if sheets is not None else book.sheetnames) if s in book.sheetnames]
        if not names and first_sheet_fallback and book.sheetnames:
            names = book.sheetnames[:1]
        return sum(book.count_rows(s) for s in names)


def open_table(data: bytes, filename: str = "", *, limits: Limits | None = None,
               formats: tuple[str, ...] = ("csv", "xlsx"), csv_sheet: str | None = None) -> Workbook:
    """Open ``data`` as a table file, or raise DataImportError with one sentence.

    ``formats`` restricts what is accepted (e.g. ``("csv",)``); ``csv_sheet``
    names a CSV file in messages (e.g. its file name), as a sheet would be.
    """
    return Workbook(data, filename, limits or default_limits(), csv_sheet, formats)


# -- header and rows ------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    """One data row: its number as the spreadsheet shows it and its cells by column name."""

    number: int
    values: dict[str, Any]
    width: int = 0
    """How many cells the row has up to its last non-empty one (named or not)."""

    def __getitem__(self, name: str) -> str:
        return text(self.values.get(name))

    def value(self, name: str) -> Any:
        """The typed cell (``None`` when empty or absent)."""
        v = self.values.get(name)
        return None if isinstance(v, str) and not v.strip() else v

    @property
    def cells(self) -> dict[str, str]:
        return {k: text(v) for k, v in self.values.items()}


@dataclass(frozen=True)
class Table:
    """The data rows of one sheet, with its header and where each column is."""

    sheet: str | None
    columns: tuple[str, ...]
    rows: list[Row]
    header: tuple[str, ...] = ()
    header_row: int = 1
    letters: dict[str, str] = field(default_factory=dict)

    def problem(self, message: str, row: int | None = None, column: str | None = None) -> Problem:
        """A problem located by sheet, row, and column (letter and header)."""
        return Problem(message, self.sheet, row, column, self.letters.get(column or ""))


def read_sheet(book: Workbook, sheet: str | None, required: tuple[str, ...] = (),
               optional: tuple[str, ...] = (), *, header_search: int = 10) -> Table:
    """Read one sheet of ``book`` into a :class:`Table` (every row kept in memory, within limits).

    The header is the first of the first ``header_search`` non-blank rows
    holding every ``required`` column (title rows above it are skipped). Blank
    rows are skipped; every column with a header is kept, by header name.
    """
    if book.kind == "csv":
        shown = book.sheetnames[0] or None
    else:
        shown = sheet if sheet is not None else (book.sheetnames[0] if book.sheetnames else None)
    rows = book.rows(shown if book.kind == "xlsx" else None)
    header: tuple[str, ...] | None = None
    header_n, first = 0, None
    seen_nonblank = 0
    for number, cells in rows:
        if not cells:
            continue
        names = tuple(header_name(c) for c in cells)
        if first is None:
            first = (number, names)
        if all(r in names for r in required):
            header, header_n = names, number
            break
        seen_nonblank += 1
        if seen_nonblank >= header_search:
            break
    if header is None:
        if first is None:
            raise _fail(Message("The sheet is empty: expected a header row and data rows."), shown, 1)
        number, names = first
        expected = ", ".join(required + optional)
        raise DataImportError([Problem(Message("Expected a column '%(column)s' in the header row (columns: "
                                               "%(columns)s).", column=c, columns=expected),
                                       shown, number, c) for c in required if c not in names])
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        if h and h not in index:
            index[h] = i
    out: list[Row] = []
    for number, cells in rows:
        if not cells:
            continue
        out.append(Row(number, {h: (cells[i] if i < len(cells) else None) for h, i in index.items()},
                       len(cells)))
    wanted = required + optional
    return Table(shown, tuple(c for c in wanted if c in index), out, header, header_n,
                 {h: column_letter(i) for h, i in index.items()})


def read_table(data: bytes, filename: str, sheet_name: str | None, required: tuple[str, ...] = (),
               optional: tuple[str, ...] = (), *, limits: Limits | None = None,
               formats: tuple[str, ...] = ("csv", "xlsx"), csv_sheet: str | None = None,
               header_search: int = 10, first_sheet_fallback: bool = False) -> Table:
    """Open ``data`` and read one sheet: ``sheet_name`` of a workbook (``None`` for
    the first), or the CSV file. See :func:`read_sheet`.

    A missing ``sheet_name`` is reported before any row is read, unless
    ``first_sheet_fallback`` reads the first sheet instead (for files with one
    table, whatever its sheet is called).
    """
    with open_table(data, filename, limits=limits, formats=formats, csv_sheet=csv_sheet) as book:
        if book.kind == "xlsx" and sheet_name is not None and sheet_name not in book.sheetnames:
            if first_sheet_fallback and book.sheetnames:
                sheet_name = book.sheetnames[0]
            else:
                book.require(sheet_name)
        return read_sheet(book, sheet_name, required, optional, header_search=header_search)
